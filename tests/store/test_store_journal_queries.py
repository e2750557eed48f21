"""OrderJournal's reads: one order, the orders table (filters, sort, pages), what needs AX."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from store_helpers import ENDPOINT, USE_AT, FakeClock, created_for, make_request, traveler

from axdesk.api import (
    OrderStatus,
)
from axdesk.store.journal import OrderJournal
from axdesk.store.journal_base import UnknownOrderError
from axdesk.store.journal_queries import JournalState, OrderFilter, OrderSort


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
