"""OrderJournal's record of AX's later answers: status history, tickets, cancels, lookups."""

from __future__ import annotations

from pathlib import Path

import pytest
from store_helpers import ENDPOINT, FakeClock, created_for, make_request, traveler

from axdesk.api import (
    CancelledTicket,
    OrderStatus,
    OrderStatusInfo,
    TicketStatus,
)
from axdesk.store.db import open_database
from axdesk.store.journal import OrderJournal
from axdesk.store.journal_base import UnknownOrderError
from axdesk.store.journal_queries import JournalState, OrderFilter


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


def test_a_get_confirm_answer_costs_one_read_and_one_write(
    tmp_path: Path, clock: FakeClock
) -> None:
    """Live sync writes thousands of answers a cycle (on a team journal each statement is a
    round trip to the server): an answer reads its AX order once, then writes it once; an
    answer about an AX order the journal does not hold only reads."""
    db = open_database(tmp_path / "journal.sqlite3")
    journal = OrderJournal(db, clock=clock)
    request = make_request(code="a")
    journal.record_sending(request, endpoint=ENDPOINT)
    journal.mark_sent("a", created_for(request))
    order = journal.get_order("a")
    assert order is not None
    known = order.ax_orders[0]
    statements: list[str] = []
    db.set_trace_callback(statements.append)
    changed = journal.apply_status_infos(
        [
            OrderStatusInfo(
                channel_order_code="a", ax_order_code=known.ax_order_code, status=known.status
            ),
            OrderStatusInfo(channel_order_code="b", ax_order_code="ax-elsewhere", status=2),
        ],
        checked_at=clock.now,
    )
    db.set_trace_callback(None)
    db.close()

    assert changed == []
    work = [s.split()[0] for s in statements if s not in ("BEGIN IMMEDIATE", "COMMIT")]
    assert work == ["SELECT", "UPDATE", "SELECT"]
