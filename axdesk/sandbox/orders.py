"""Orders as the sandbox keeps them: channel orders, AX orders, tickets, status history.

One channel order (the channel's ``channel_order_code``) holds one AX order
per depth combination bought; each AX order holds one ticket per unit.
A ticket holds a seat while it is ``New`` or ``Used``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

NEW = 1
SUPPLIER_PENDING = 2
SUPPLIER_CONFIRM = 3
SUPPLIER_REJECT = 4
TRAVELER_CANCEL = 5
UNAVOIDABLE_CANCEL = 6

ORDER_STATUS_NAMES = {
    NEW: "New",
    SUPPLIER_PENDING: "Supplier pending",
    SUPPLIER_CONFIRM: "Supplier confirm",
    SUPPLIER_REJECT: "Supplier reject",
    TRAVELER_CANCEL: "Traveler cancel",
    UNAVOIDABLE_CANCEL: "Unavoidable cancel",
}
FINAL_STATUSES = frozenset({SUPPLIER_CONFIRM, SUPPLIER_REJECT, TRAVELER_CANCEL, UNAVOIDABLE_CANCEL})
# Statuses after which the order's live tickets are cancelled and their seats returned.
CANCELLING_STATUSES = frozenset({SUPPLIER_REJECT, TRAVELER_CANCEL, UNAVOIDABLE_CANCEL})

TICKET_NEW = "New"
TICKET_USED = "Used"
TICKET_TRAVELER_CANCELED = "Traveler canceled"
TICKET_SUPPLIER_CANCELED = "Supplier canceled"
TICKET_STATUSES = (TICKET_NEW, TICKET_USED, TICKET_TRAVELER_CANCELED, TICKET_SUPPLIER_CANCELED)
SEAT_HOLDING_TICKET_STATUSES = frozenset({TICKET_NEW, TICKET_USED})

# The comment a status change carries in Get Confirm when nobody gave one.
DEFAULT_COMMENTS = {
    SUPPLIER_PENDING: "Supplier 대기",
    SUPPLIER_CONFIRM: "Supplier 확정",
    SUPPLIER_REJECT: "Supplier 거절",
    TRAVELER_CANCEL: "여행자 취소",
    UNAVOIDABLE_CANCEL: "불가피한 취소",
}


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    from_status: int | None
    to_status: int
    comment: str | None


@dataclass
class Ticket:
    ax_ticket_code: str
    channel_ticket_code: str
    status: str = TICKET_NEW

    @property
    def holds_seat(self) -> bool:
        return self.status in SEAT_HOLDING_TICKET_STATUSES


@dataclass
class AxOrder:
    """One option bought within a channel order, with its supplier-decision schedule.

    ``pending_at`` / ``decide_at`` are when the simulated supplier moves the order
    to Supplier pending and to ``outcome`` (confirm or reject); None means never.
    """

    ax_order_code: str
    channel_code: str = field(repr=False)
    channel_order_code: str
    dc_code: str
    inventory_code: str
    inventory_at: datetime
    status: int
    created_at: datetime
    pending_at: datetime | None
    decide_at: datetime | None
    outcome: int
    tickets: list[Ticket]
    history: list[HistoryEntry] = field(default_factory=list)

    @property
    def quantity(self) -> int:
        return len(self.tickets)

    @property
    def comment(self) -> str | None:
        return self.history[-1].comment if self.history else None

    def ticket(self, code: str) -> Ticket | None:
        return next((t for t in self.tickets if t.ax_ticket_code == code), None)

    def change_status(self, to_status: int, at: datetime, comment: str | None) -> None:
        self.history.append(HistoryEntry(at, self.status, to_status, comment))
        self.status = to_status


@dataclass
class ChannelOrder:
    """A channel's order as received: the request body is kept to recognise a repeat.

    ``repeat`` is 0 for the first order made under its code; a sandbox that does
    not deduplicate makes further orders under the same code, numbered 1, 2, ...
    """

    channel_code: str = field(repr=False)
    channel_order_code: str
    body_text: str
    body: Any
    created_at: datetime
    ax_orders: list[AxOrder]
    repeat: int = 0

    @property
    def status(self) -> int:
        """All AX orders agree: that status. Otherwise the least advanced one.

        The pages do not say how a channel order with several options sums up
        its options' statuses; the least advanced is the one still needing
        attention.
        """
        return min(order.status for order in self.ax_orders)


@dataclass(frozen=True)
class TicketView:
    ax_ticket_code: str
    channel_ticket_code: str
    status: str


@dataclass(frozen=True)
class AxOrderView:
    """A read-only snapshot of one AX order for tests (``orders_for``)."""

    ax_order_code: str
    channel_order_code: str
    dc_code: str
    inventory_code: str
    inventory_at: datetime
    quantity: int
    status: int
    comment: str | None
    tickets: tuple[TicketView, ...]
    history: tuple[HistoryEntry, ...]

    @classmethod
    def of(cls, order: AxOrder) -> AxOrderView:
        return cls(
            ax_order_code=order.ax_order_code,
            channel_order_code=order.channel_order_code,
            dc_code=order.dc_code,
            inventory_code=order.inventory_code,
            inventory_at=order.inventory_at,
            quantity=order.quantity,
            status=order.status,
            comment=order.comment,
            tickets=tuple(
                TicketView(t.ax_ticket_code, t.channel_ticket_code, t.status) for t in order.tickets
            ),
            history=tuple(order.history),
        )
