"""The orders table's rows, without widgets: one journaled order as the table shows it.

:class:`OrderRow` and the functions that build rows from the journal run on
the worker (:mod:`axdesk.ui.orders.table_model` fetches pages of them), and
the CSV export uses exactly what the table shows (except the total: plain
decimals and the currency in a column of its own).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from axdesk.api import OrderStatus
from axdesk.store.journal import OrderJournal
from axdesk.store.journal_queries import (
    JournalState,
    OrderDetail,
    OrderFilter,
    OrderOverview,
    OrderSort,
)
from axdesk.ui.common.money_text import format_money as money_for_people
from axdesk.ui.common.time_text import date_time_text


@dataclass(frozen=True)
class OrderRow:
    """One channel order as the table shows it."""

    channel_order_code: str
    state: JournalState
    created_at: dt.datetime
    first_use_at: dt.datetime | None
    purchaser_name: str
    summary: str
    ax_order_codes: tuple[str, ...]
    ax_statuses: tuple[OrderStatus | None, ...]
    traveler_names: tuple[str, ...]
    ticket_count: int
    cancelled_ticket_count: int
    total: Decimal | None
    currency: str | None
    last_checked_at: dt.datetime | None
    problem: str | None
    internal_note: str = ""
    """The desk's own note (never sent to AX); empty when there is none."""

    @property
    def live_ticket_count(self) -> int:
        return self.ticket_count - self.cancelled_ticket_count


def line_label(product_name: str, option_name: str, fallback: str) -> str:
    names = [name for name in (product_name, option_name) if name]
    return " · ".join(names) if names else fallback


def row_from_detail(detail: OrderDetail) -> OrderRow:
    """The table row of one order, from everything the journal knows about it."""
    summary = "; ".join(
        f"{line_label(line.product_name, line.option_name, line.dc_code)} ×{line.quantity}"
        for line in detail.lines
    )
    uses = [line.inventory_at for line in detail.lines]
    checks = [ax.checked_at for ax in detail.ax_orders if ax.checked_at is not None]
    tickets = detail.tickets
    return OrderRow(
        channel_order_code=detail.channel_order_code,
        state=detail.state,
        created_at=detail.created_at,
        first_use_at=min(uses) if uses else None,
        purchaser_name=detail.purchaser_name,
        summary=summary,
        ax_order_codes=tuple(ax.ax_order_code for ax in detail.ax_orders),
        ax_statuses=tuple(ax.status for ax in detail.ax_orders),
        traveler_names=tuple(ticket.name for ticket in tickets),
        ticket_count=len(tickets),
        cancelled_ticket_count=sum(
            1 for ticket in tickets if ticket.status is not None and ticket.status.is_cancelled
        ),
        total=detail.total,
        currency=detail.currency,
        last_checked_at=max(checks) if checks else None,
        problem=detail.problem,
        internal_note=detail.internal_note,
    )


def row_from_overview(order: OrderOverview) -> OrderRow:
    """The table row of one order of a page: the same row as :func:`row_from_detail`'s."""
    checks = [moment for moment in order.ax_checked_at if moment is not None]
    return OrderRow(
        channel_order_code=order.channel_order_code,
        state=order.state,
        created_at=order.created_at,
        first_use_at=min((line.inventory_at for line in order.lines), default=None),
        purchaser_name=order.purchaser_name,
        summary="; ".join(
            f"{line_label(line.product_name, line.option_name, line.dc_code)} ×{line.quantity}"
            for line in order.lines
        ),
        ax_order_codes=order.ax_order_codes,
        ax_statuses=order.ax_statuses,
        traveler_names=order.traveler_names,
        ticket_count=len(order.ticket_statuses),
        cancelled_ticket_count=sum(
            1 for status in order.ticket_statuses if status is not None and status.is_cancelled
        ),
        total=order.total,
        currency=order.currency,
        last_checked_at=max(checks) if checks else None,
        problem=order.problem,
    )


def fetch_rows(
    journal: OrderJournal,
    criteria: OrderFilter,
    sort: OrderSort,
    descending: bool,
    offset: int,
    limit: int,
) -> list[OrderRow]:
    """One page of rows (runs on the worker), read in a few statements for the page."""
    return [
        row_from_overview(order)
        for order in journal.list_order_overviews(
            criteria, limit=limit, offset=offset, sort=sort, descending=descending
        )
    ]


def fetch_row(journal: OrderJournal, channel_order_code: str) -> OrderRow | None:
    detail = journal.get_order(channel_order_code)
    return None if detail is None else row_from_detail(detail)


def format_money(amount: Decimal | None, currency: str | None) -> str:
    """``₩150,000`` / ``$12.50``, exactly as the New order tab shows it; empty when unknown."""
    if amount is None:
        return ""
    return money_for_people(amount, currency)


def local_time(moment: dt.datetime | None, zone: dt.tzinfo | None = None) -> str:
    """``2025-03-01 14:00`` in ``zone`` (the computer's zone when None)."""
    if moment is None:
        return ""
    return date_time_text(moment.astimezone(zone))


def travelers_text(row: OrderRow) -> str:
    """``3 · 김민준, 이서연, 박지훈``; ``2/3 · …`` when some tickets are cancelled."""
    if not row.traveler_names:
        return ""
    count = (
        f"{row.live_ticket_count}/{row.ticket_count}"
        if row.cancelled_ticket_count
        else str(row.ticket_count)
    )
    return f"{count} · {', '.join(row.traveler_names)}"
