"""OrderJournal: write-ahead recording, state changes, AX statuses, tickets, listing, drafts."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from store_helpers import ENDPOINT, USE_AT, FakeClock, created_for, make_request, traveler

from axdesk.api import (
    CancelledTicket,
    CreatedOrder,
    OrderStatus,
    OrderStatusInfo,
    TicketStatus,
    encode_json,
)
from axdesk.store.catalog import CatalogStore
from axdesk.store.db import Database, open_database
from axdesk.store.journal import DuplicateOrderError, JournalStateError, OptionLabel, OrderJournal
from axdesk.store.journal_base import JournalError, UnknownOrderError
from axdesk.store.journal_queries import JournalState, OrderFilter, OrderSort
from axdesk.store.paths import AppPaths


def test_record_sending_stores_the_exact_body_and_searchable_rows(
    journal: OrderJournal, clock: FakeClock
) -> None:
    request = make_request(
        ("dc-adult", [traveler("김민수"), traveler("이영희")]),
        ("dc-child", [traveler("김하늘", "01055556666")]),
        code="order-1",
    )
    body = journal.record_sending(
        request, {"dc-adult": OptionLabel("p1", "서울 야경 투어", "성인")}, endpoint=ENDPOINT
    )
    assert body.encode("utf-8") == encode_json(request.to_wire())
    assert journal.stored_body("order-1") == body
    assert journal.state_of("order-1") is JournalState.SENDING

    order = journal.get_order("order-1")
    assert order is not None
    assert order.state is JournalState.SENDING
    assert order.created_at == clock.now
    assert order.wire_json == body
    assert order.purchaser_name == "Purchaser Park"
    assert order.purchaser_phone == "+82 10 9999 0000"
    assert order.total == Decimal("135000")
    assert isinstance(order.total, Decimal)
    assert order.currency == "KRW"
    assert [(line.dc_code, line.quantity, line.line_total) for line in order.lines] == [
        ("dc-adult", 2, Decimal("90000")),
        ("dc-child", 1, Decimal("45000")),
    ]
    assert order.lines[0].product_name == "서울 야경 투어"
    assert order.lines[0].option_name == "성인"
    assert order.lines[0].inventory_at == USE_AT
    assert [t.name for t in order.tickets] == ["김민수", "이영희", "김하늘"]
    assert [t.channel_code for t in order.tickets] == [t.channel_code for t in request.tickets]
    assert all(t.ax_ticket_code is None for t in order.tickets)
    assert [p.channel_order_code for p in journal.needs_reconciliation()] == ["order-1"]


def test_option_names_come_from_the_catalog_when_not_given(
    journal: OrderJournal, db: Database
) -> None:
    CatalogStore(db).replace_from_sandbox(
        [
            {
                "product_code": "p1",
                "name": "DMZ tour",
                "options": [
                    {
                        "dc_code": "dc-adult",
                        "name": "Adult",
                        "channel_product_mapping_code": "map-dc-adult",
                        "unit_price": "45000",
                        "currency": "KRW",
                    }
                ],
            }
        ]
    )
    journal.record_sending(make_request(code="order-1"), endpoint=ENDPOINT)
    order = journal.get_order("order-1")
    assert order is not None
    line = order.lines[0]
    assert (line.product_code, line.product_name, line.option_name) == ("p1", "DMZ tour", "Adult")
    assert journal.list_orders()[0].summary == "DMZ tour · Adult ×1"


def test_the_same_code_is_never_recorded_twice(journal: OrderJournal) -> None:
    journal.record_sending(make_request(code="order-1"), endpoint=ENDPOINT)
    with pytest.raises(DuplicateOrderError, match="already in the journal"):
        journal.record_sending(make_request(code="order-1"), endpoint=ENDPOINT)


def test_mark_sent_pairs_tickets_by_position_within_each_line(
    journal: OrderJournal, clock: FakeClock
) -> None:
    later = USE_AT + dt.timedelta(days=1)
    request = make_request(
        ("dc-adult", [traveler("A"), traveler("B")]),
        ("dc-adult", [traveler("C")], later),
        code="order-1",
    )
    journal.record_sending(request, endpoint=ENDPOINT)
    clock.advance(5)
    assert journal.mark_sent("order-1", created_for(request)) == ()

    order = journal.get_order("order-1")
    assert order is not None
    assert order.state is JournalState.SENT
    assert order.sent_at == clock.now
    assert order.problem is None
    assert [(t.name, t.ax_order_code, t.ax_ticket_code) for t in order.tickets] == [
        ("A", "ax-order-1-0", "ax-order-1-0-t0"),
        ("B", "ax-order-1-0", "ax-order-1-0-t1"),
        ("C", "ax-order-1-1", "ax-order-1-1-t0"),
    ]
    assert all(t.status is TicketStatus.NEW and t.is_cancellable for t in order.tickets)
    ax = order.lines[1].ax_order
    assert ax is not None
    assert ax.status is OrderStatus.NEW
    assert [(h.from_status, h.to_status) for h in ax.history] == [(None, OrderStatus.NEW)]
    assert journal.needs_reconciliation() == []


def test_mark_sent_matches_by_option_when_answer_order_differs(journal: OrderJournal) -> None:
    request = make_request(
        ("dc-adult", [traveler("A")]), ("dc-child", [traveler("B"), traveler("C")]), code="o"
    )
    journal.record_sending(request, endpoint=ENDPOINT)
    answer = created_for(request)
    swapped = answer.model_copy(update={"depth_combinations": answer.depth_combinations[::-1]})
    assert journal.mark_sent("o", swapped) == ()
    order = journal.get_order("o")
    assert order is not None
    assert [(t.name, t.ax_ticket_code) for t in order.tickets] == [
        ("A", "ax-o-0-t0"),
        ("B", "ax-o-1-t0"),
        ("C", "ax-o-1-t1"),
    ]


def test_mark_sent_keeps_what_does_not_line_up_and_says_so(journal: OrderJournal) -> None:
    request = make_request(("dc-adult", [traveler("A"), traveler("B")]), code="o")
    journal.record_sending(request, endpoint=ENDPOINT)
    answer = CreatedOrder.model_validate(
        {
            "channel_order_code": "o",
            "channel_order_status": "New",
            "depth_combinations": [
                {
                    "dc_code": "dc-adult",
                    "ax_order_code": "ax-1",
                    "ax_order_status": "New ",
                    "quantity": "1",
                    "tickets": [{"ax_ticket_code": "t-1", "ax_ticket_status": "New"}],
                },
                {
                    "dc_code": "dc-surprise",
                    "ax_order_code": "ax-2",
                    "ax_order_status": 1,
                    "tickets": [],
                },
            ],
        }
    )
    problems = journal.mark_sent("o", answer)
    assert len(problems) == 2
    assert any("1 tickets for the 2 travelers" in p for p in problems)
    assert any("dc-surprise" in p for p in problems)
    order = journal.get_order("o")
    assert order is not None
    assert order.state is JournalState.SENT
    assert order.problem == " ".join(problems)
    assert [t.ax_ticket_code for t in order.tickets] == ["t-1", None]
    assert {a.ax_order_code for a in order.ax_orders} == {"ax-1", "ax-2"}


def test_unknown_and_rejected_states(journal: OrderJournal) -> None:
    journal.record_sending(make_request(code="a"), endpoint=ENDPOINT)
    journal.mark_unknown("a", "The connection dropped.")
    assert journal.state_of("a") is JournalState.UNKNOWN
    assert journal.needs_reconciliation()[0].problem == "The connection dropped."
    journal.mark_rejected("a", "AX refused the request.", ["tickets.0.email: invalid"])
    order = journal.get_order("a")
    assert order is not None
    assert order.state is JournalState.REJECTED
    assert order.problem == "AX refused the request."
    assert order.rejected_errors == ("tickets.0.email: invalid",)
    assert journal.needs_reconciliation() == []
    with pytest.raises(JournalStateError, match="rejected"):
        journal.mark_unknown("a", "again")

    request = make_request(code="b")
    journal.record_sending(request, endpoint=ENDPOINT)
    journal.mark_sent("b", created_for(request))
    with pytest.raises(JournalStateError, match="sent"):
        journal.mark_rejected("b", "late")
    with pytest.raises(UnknownOrderError):
        journal.mark_unknown("nope", "x")


def test_attempts_are_counted(journal: OrderJournal, clock: FakeClock) -> None:
    journal.record_sending(make_request(code="a"), endpoint=ENDPOINT)
    assert journal.note_attempt("a") == 1
    clock.advance(3)
    assert journal.note_attempt("a") == 2
    pending = journal.needs_reconciliation()[0]
    assert (pending.attempts, pending.last_attempt_at) == (2, clock.now)


def test_status_history_is_written_only_on_change(journal: OrderJournal, clock: FakeClock) -> None:
    request = make_request(code="a")
    journal.record_sending(request, endpoint=ENDPOINT)
    journal.mark_sent("a", created_for(request))
    code = "ax-a-0"
    clock.advance(60)
    assert not journal.update_ax_status(code, OrderStatus.NEW, None, clock.now)
    clock.advance(60)
    assert journal.update_ax_status(code, OrderStatus.SUPPLIER_PENDING, "검토 중", clock.now)
    clock.advance(60)
    assert journal.update_ax_status(code, OrderStatus.SUPPLIER_CONFIRM, "Supplier 확정", clock.now)
    assert not journal.update_ax_status(code, OrderStatus.SUPPLIER_CONFIRM, None, clock.now)

    order = journal.get_order("a")
    assert order is not None
    ax = order.ax_orders[0]
    assert ax.status is OrderStatus.SUPPLIER_CONFIRM
    assert ax.comment == "Supplier 확정"
    assert ax.checked_at == clock.now
    assert [(h.from_status, h.to_status, h.comment) for h in ax.history] == [
        (None, OrderStatus.NEW, None),
        (OrderStatus.NEW, OrderStatus.SUPPLIER_PENDING, "검토 중"),
        (OrderStatus.SUPPLIER_PENDING, OrderStatus.SUPPLIER_CONFIRM, "Supplier 확정"),
    ]
    with pytest.raises(UnknownOrderError):
        journal.update_ax_status("nope", OrderStatus.NEW)


def test_non_final_ax_orders_least_recently_checked_first(
    journal: OrderJournal, clock: FakeClock
) -> None:
    for code in ("a", "b", "c"):
        request = make_request(code=code)
        journal.record_sending(request, endpoint=ENDPOINT)
        journal.mark_sent(code, created_for(request))
        clock.advance(10)
    journal.record_sending(make_request(code="pending"), endpoint=ENDPOINT)
    journal.touch_checked("ax-a-0", clock.advance(10))
    journal.update_ax_status("ax-b-0", OrderStatus.SUPPLIER_REJECT, "full", clock.advance(10))
    refs = journal.non_final_ax_orders()
    assert [r.ax_order_code for r in refs] == ["ax-c-0", "ax-a-0"]
    assert refs[1].checked_at == clock.now - dt.timedelta(seconds=10)
    with pytest.raises(UnknownOrderError):
        journal.touch_checked("nope")


def test_ticket_status_and_cancellation(journal: OrderJournal) -> None:
    request = make_request(("dc-adult", [traveler("A"), traveler("B")]), code="a")
    journal.record_sending(request, endpoint=ENDPOINT)
    journal.mark_sent("a", created_for(request))
    assert journal.update_ticket_status("ax-a-0-t0", TicketStatus.USED)
    assert not journal.update_ticket_status("ax-a-0-t0", TicketStatus.USED)
    journal.apply_cancellation(
        CancelledTicket(
            channel_order_code="a",
            ax_order_code="ax-a-0",
            ax_order_status=OrderStatus.TRAVELER_CANCEL,
            ax_ticket_code="ax-a-0-t1",
            ax_ticket_status=TicketStatus.TRAVELER_CANCELED,
        )
    )
    order = journal.get_order("a")
    assert order is not None
    assert [t.status for t in order.tickets] == [TicketStatus.USED, TicketStatus.TRAVELER_CANCELED]
    assert not any(t.is_cancellable for t in order.tickets)
    assert order.ax_orders[0].status is OrderStatus.TRAVELER_CANCEL
    assert journal.list_orders()[0].cancelled_ticket_count == 1
    with pytest.raises(UnknownOrderError):
        journal.update_ticket_status("nope", TicketStatus.USED)


def test_import_remote_order(journal: OrderJournal, clock: FakeClock) -> None:
    infos = [
        OrderStatusInfo(
            channel_order_code="elsewhere", ax_order_code="ax-9", status=2, comment=None
        ),
        OrderStatusInfo(
            channel_order_code="elsewhere", ax_order_code="ax-10", status=3, comment="ok"
        ),
    ]
    assert journal.import_remote_order(infos) == ["elsewhere"]
    order = journal.get_order("elsewhere")
    assert order is not None
    assert order.state is JournalState.REMOTE
    assert order.lines == ()
    assert {(a.ax_order_code, a.status) for a in order.ax_orders} == {
        ("ax-9", OrderStatus.SUPPLIER_PENDING),
        ("ax-10", OrderStatus.SUPPLIER_CONFIRM),
    }
    assert [r.ax_order_code for r in journal.non_final_ax_orders()] == ["ax-9"]
    assert journal.list_orders(OrderFilter(text="ax-10"))[0].channel_order_code == "elsewhere"
    clock.advance(60)
    journal.import_remote_order([infos[0].model_copy(update={"status": OrderStatus.NEW})])
    again = journal.get_order("elsewhere")
    assert again is not None
    assert len(again.ax_orders) == 2
    assert journal.apply_status_infos(
        [infos[0], infos[0].model_copy(update={"ax_order_code": "x"})]
    ) == ["ax-9"]


def test_get_order_of_an_unknown_code_is_none(journal: OrderJournal) -> None:
    assert journal.get_order("nope") is None
    assert journal.state_of("nope") is None
    with pytest.raises(UnknownOrderError):
        journal.stored_body("nope")


def _fill(journal: OrderJournal, clock: FakeClock) -> None:
    """Five orders: a..e, created a minute apart, used on consecutive days."""
    for day, code in enumerate("abcde"):
        request = make_request(
            ("dc-adult", [traveler(f"Traveler {code}")] * 1),
            code=code,
            use_at=USE_AT + dt.timedelta(days=day),
            unit_price=Decimal(1000 * (day + 1)),
            purchaser=traveler(f"Buyer {code}", f"010-0000-000{day}", f"{code}@example.com"),
        )
        journal.record_sending(request, endpoint=ENDPOINT)
        if code in "abc":
            journal.mark_sent(code, created_for(request))
        clock.advance(60)
    journal.update_ax_status("ax-b-0", OrderStatus.SUPPLIER_CONFIRM)
    journal.mark_unknown("d", "timeout")


def test_list_orders_filters_sorts_and_pages(journal: OrderJournal, clock: FakeClock) -> None:
    _fill(journal, clock)
    assert [o.channel_order_code for o in journal.list_orders()] == list("edcba")
    assert [
        o.channel_order_code
        for o in journal.list_orders(sort=OrderSort.TOTAL, descending=False, limit=2, offset=1)
    ] == ["b", "c"]
    sent = OrderFilter(states={JournalState.SENT})
    assert journal.count_orders(sent) == 3
    pending = OrderFilter(states={JournalState.SENDING, JournalState.UNKNOWN})
    assert {o.channel_order_code for o in journal.list_orders(pending)} == {"d", "e"}
    confirmed = OrderFilter(ax_statuses={OrderStatus.SUPPLIER_CONFIRM})
    summaries = journal.list_orders(confirmed)
    assert [o.channel_order_code for o in summaries] == ["b"]
    assert summaries[0].ax_statuses == (OrderStatus.SUPPLIER_CONFIRM,)
    assert summaries[0].total == Decimal("2000")
    window = OrderFilter(
        use_from=USE_AT + dt.timedelta(days=1), use_until=USE_AT + dt.timedelta(days=3)
    )
    assert [o.channel_order_code for o in journal.list_orders(window)] == ["c", "b"]
    assert journal.count_orders(OrderFilter(states=set())) == 0
    combined = OrderFilter(states={JournalState.SENT}, use_from=USE_AT + dt.timedelta(days=2))
    assert [o.channel_order_code for o in journal.list_orders(combined)] == ["c"]
    first = journal.list_orders(sort=OrderSort.FIRST_USE, descending=False)[0]
    assert first.first_use_at == USE_AT


@pytest.mark.parametrize(
    "query",
    ["010-1234-5678", "01012345678", "+82 10 1234 5678", "821012345678", "1234-5678", "5678"],
)
def test_every_form_of_a_phone_number_finds_the_traveler(journal: OrderJournal, query: str) -> None:
    journal.record_sending(
        make_request(("dc-adult", [traveler("김민수", "010-1234-5678")]), code="mine"),
        endpoint=ENDPOINT,
    )
    journal.record_sending(
        make_request(("dc-adult", [traveler("박지성", "010-9876-0000")]), code="other"),
        endpoint=ENDPOINT,
    )
    assert [o.channel_order_code for o in journal.list_orders(OrderFilter(text=query))] == ["mine"]


def test_a_number_typed_in_e164_finds_a_traveler_stored_in_national_form(
    journal: OrderJournal,
) -> None:
    journal.record_sending(
        make_request(("dc-adult", [traveler("A", "01012345678")]), code="n"), endpoint=ENDPOINT
    )
    journal.record_sending(
        make_request(("dc-adult", [traveler("B", "+82 10 1234 5678")]), code="e"), endpoint=ENDPOINT
    )
    for query in ("+82 10-1234-5678", "010 1234 5678"):
        found = {o.channel_order_code for o in journal.list_orders(OrderFilter(text=query))}
        assert found == {"n", "e"}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("김민수", {"a"}),
        ("민수", {"a"}),
        ("김", {"a", "b"}),
        ("KIM", {"c"}),
        ("kim soo", {"c"}),
        ("soo kim", {"c"}),
        ("buyer-b@example", {"b"}),
        ("ax-a-0-t0", {"a"}),
        ("AX-A-0", {"a"}),
        ("order-", set()),
        ("c", {"a", "b", "c"}),
        ("100%", set()),
        ("a_b", set()),
        ("없는 이름", set()),
    ],
)
def test_text_search(journal: OrderJournal, query: str, expected: set[str]) -> None:
    people = {
        "a": traveler("김민수", "010-1111-2222", "minsu@example.com"),
        "b": traveler("김하늘", "010-3333-4444", "haneul@example.com"),
        "c": traveler("Kim Soo-jin", "010-5555-6666", "soojin@example.com"),
    }
    for code, person in people.items():
        request = make_request(
            ("dc-adult", [person]),
            code=code,
            purchaser=traveler(f"Buyer {code}", "010-0000-0000", f"buyer-{code}@example.com"),
        )
        journal.record_sending(request, endpoint=ENDPOINT)
        if code == "a":
            journal.mark_sent(code, created_for(request))
    found = {o.channel_order_code for o in journal.list_orders(OrderFilter(text=query))}
    assert found == expected
    assert journal.count_orders(OrderFilter(text=query)) == len(expected)


def test_search_falls_back_to_like_without_fts5(
    monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    monkeypatch.setattr("axdesk.store.db.fts5_trigram_available", lambda _conn: False)
    conn = open_database(":memory:")
    try:
        journal = OrderJournal(conn, clock=clock)
        assert not journal.uses_fts
        journal.record_sending(
            make_request(("dc-adult", [traveler("김민수")]), code="a"), endpoint=ENDPOINT
        )
        journal.record_sending(
            make_request(("dc-adult", [traveler("이영희")]), code="b"), endpoint=ENDPOINT
        )
        for query, expected in (("민수", ["a"]), ("김민수", ["a"]), ("01012345678", ["b", "a"])):
            found = [o.channel_order_code for o in journal.list_orders(OrderFilter(text=query))]
            assert found == expected
    finally:
        conn.close()


def test_drafts(journal: OrderJournal, clock: FakeClock) -> None:
    assert journal.load_draft("new-order") is None
    journal.save_draft("new-order", '{"lines": []}')
    clock.advance(5)
    journal.save_draft("new-order", '{"lines": [1]}')
    assert journal.load_draft("new-order") == '{"lines": [1]}'
    assert [(d.key, d.updated_at) for d in journal.list_drafts()] == [("new-order", clock.now)]
    with pytest.raises(JournalError, match="not JSON"):
        journal.save_draft("new-order", "{half")
    assert journal.load_draft("new-order") == '{"lines": [1]}'
    assert journal.clear_draft("new-order")
    assert not journal.clear_draft("new-order")
    assert journal.load_draft("new-order") is None


def test_the_journal_survives_reopening(clock: FakeClock) -> None:
    path = AppPaths.default().database_path
    conn = open_database(path)
    request = make_request(code="durable")
    OrderJournal(conn, clock=clock).record_sending(request, endpoint=ENDPOINT)
    conn.close()
    conn = open_database(path)
    try:
        journal = OrderJournal(conn, clock=clock)
        assert journal.uses_fts
        assert journal.needs_reconciliation()[0].channel_order_code == "durable"
        assert json.loads(journal.stored_body("durable")) == request.to_wire()
    finally:
        conn.close()


def test_a_clock_without_time_zone_is_refused(db: Database) -> None:
    journal = OrderJournal(db, clock=lambda: dt.datetime(2024, 1, 1))
    with pytest.raises(JournalError, match="time zone"):
        journal.record_sending(make_request(), endpoint=ENDPOINT)
