"""OrderJournal's writes of an order's life: recorded before the POST, sent, unknown, rejected."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from store_helpers import ENDPOINT, USE_AT, FakeClock, created_for, make_request, traveler

from axdesk.api import (
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
from axdesk.store.journal_queries import JournalState, ProblemKind
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


def test_each_post_is_uncertain_until_its_outcome_is_known(
    journal: OrderJournal, clock: FakeClock
) -> None:
    journal.record_sending(make_request(code="a"), endpoint=ENDPOINT)
    assert journal.pending_order("a") is not None
    assert journal.pending_order("a").uncertain_post_at is None  # type: ignore[union-attr]
    first = clock.now
    journal.note_attempt("a")
    clock.advance(5)
    journal.mark_unknown("a", "The connection dropped.")
    second = clock.advance(5)
    journal.note_attempt("a", at=second)
    assert journal.needs_reconciliation()[0].uncertain_post_at == second
    journal.mark_attempt_not_applied("a", first)  # AX refused the second: the first may land
    pending = journal.pending_order("a")
    assert pending is not None
    assert (pending.uncertain_post_at, pending.attempts) == (first, 2)
    journal.mark_unknown("a", "AX may still make it.", ProblemKind.MAY_STILL_LAND)
    order = journal.get_order("a")
    assert order is not None
    assert (order.problem_kind, order.uncertain_post_at) == (ProblemKind.MAY_STILL_LAND, first)

    journal.mark_rejected("a", "AX refused the request.")
    order = journal.get_order("a")
    assert order is not None
    assert (order.problem_kind, order.uncertain_post_at) == (ProblemKind.REFUSED, None)
    with pytest.raises(JournalStateError, match="settled"):
        journal.mark_attempt_not_applied("a", None)


def test_an_order_made_without_its_ticket_codes_says_so(journal: OrderJournal) -> None:
    request = make_request(code="a")
    journal.record_sending(request, endpoint=ENDPOINT)
    journal.note_attempt("a")
    infos = [OrderStatusInfo(channel_order_code="a", ax_order_code="ax-1", status=1)]
    journal.mark_known_without_tickets("a", infos, "No ticket codes.")
    order = journal.get_order("a")
    assert order is not None
    assert order.state is JournalState.SENT
    assert order.problem_kind is ProblemKind.TICKETS_UNKNOWN
    assert order.uncertain_post_at is None
    assert order.lacks_ticket_codes
    assert journal.orders_lacking_ticket_codes(ENDPOINT) == ["a"]
    assert journal.order_known_at(ENDPOINT) == "a"
    assert journal.ax_order_codes("a") == ["ax-1"]

    journal.mark_sent("a", created_for(request))  # AX gave them after all
    order = journal.get_order("a")
    assert order is not None
    assert (order.problem, order.problem_kind, order.lacks_ticket_codes) == (None, None, False)
    assert journal.orders_lacking_ticket_codes(ENDPOINT) == []


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
