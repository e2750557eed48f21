"""How a status looks: colour, glyph and words, shared by the orders table and the detail pane.

Every status is shown with its words, never by colour alone.
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPen, QPixmap

from axdesk.api import OrderStatus, TicketStatus
from axdesk.store.journal_cancels import CancelState, TicketCancel
from axdesk.store.journal_queries import JournalState, TicketDetail
from axdesk.ui.common.placeholders import fill_args
from axdesk.ui.orders.rows import OrderRow

_GREEN = "#1e8e3e"
_RED = "#d93025"
_AMBER = "#e37400"
_BLUE = "#1a73e8"
_GREY = "#5f6368"
_PURPLE = "#8e24aa"
_TEAL = "#00796b"


class Look(IntEnum):
    """What kind of state a row is in; decides colour and glyph."""

    WAITING = 0
    CONFIRMED = 1
    REJECTED = 2
    CANCELLED = 3
    TROUBLE = 4
    SENDING = 5
    UNKNOWN = 6
    LIVE = 7
    """A ticket AX calls "New": issued, not used yet (not the supplier's decision)."""


_LOOKS: dict[Look, tuple[str, str]] = {
    Look.WAITING: (_AMBER, "…"),
    Look.CONFIRMED: (_GREEN, "✓"),
    Look.REJECTED: (_RED, "✕"),
    Look.CANCELLED: (_GREY, "–"),
    Look.TROUBLE: (_PURPLE, "!"),
    Look.SENDING: (_BLUE, "↑"),
    Look.UNKNOWN: (_PURPLE, "?"),
    Look.LIVE: (_TEAL, "○"),
}


def status_look(status: OrderStatus | None) -> Look:
    if status is None or status in (OrderStatus.NEW, OrderStatus.SUPPLIER_PENDING):
        return Look.WAITING
    if status is OrderStatus.SUPPLIER_CONFIRM:
        return Look.CONFIRMED
    if status is OrderStatus.SUPPLIER_REJECT:
        return Look.REJECTED
    if status is OrderStatus.UNAVOIDABLE_CANCEL:
        return Look.TROUBLE
    return Look.CANCELLED


def status_text(status: OrderStatus | None) -> str:
    """AX's order status in the user's language."""
    translate = QCoreApplication.translate
    if status is None:
        return translate("OrderStatus", "Not known yet")
    texts = {
        OrderStatus.NEW: translate("OrderStatus", "New"),
        OrderStatus.SUPPLIER_PENDING: translate("OrderStatus", "Supplier pending"),
        OrderStatus.SUPPLIER_CONFIRM: translate("OrderStatus", "Supplier confirm"),
        OrderStatus.SUPPLIER_REJECT: translate("OrderStatus", "Supplier reject"),
        OrderStatus.TRAVELER_CANCEL: translate("OrderStatus", "Traveler cancel"),
        OrderStatus.UNAVOIDABLE_CANCEL: translate("OrderStatus", "Unavoidable cancel"),
    }
    return texts[status]


def ticket_status_text(status: TicketStatus | None) -> str:
    translate = QCoreApplication.translate
    if status is None:
        return translate("TicketStatus", "Not issued yet")
    texts = {
        TicketStatus.NEW: translate("TicketStatus", "Not used yet (AX: New)"),
        TicketStatus.USED: translate("TicketStatus", "Used"),
        TicketStatus.TRAVELER_CANCELED: translate("TicketStatus", "Traveler canceled"),
        TicketStatus.SUPPLIER_CANCELED: translate("TicketStatus", "Supplier canceled"),
    }
    return texts[status]


def ticket_status_explained(status: TicketStatus | None) -> str:
    """What a ticket status means, for its tooltip (AX's "New" is not "a new order")."""
    if status is TicketStatus.NEW:
        return QCoreApplication.translate(
            "TicketStatus",
            "AX's ticket status “New”: the ticket is issued and not used yet, so it can "
            "still be cancelled. Whether the supplier confirmed is the order's AX status.",
        )
    return ticket_status_text(status)


def ticket_look(status: TicketStatus | None) -> Look:
    if status is None:
        return Look.SENDING
    if status is TicketStatus.NEW:
        return Look.LIVE
    if status is TicketStatus.USED:
        return Look.CANCELLED
    return Look.REJECTED if status is TicketStatus.SUPPLIER_CANCELED else Look.CANCELLED


def cancel_unsettled(ticket: TicketDetail) -> bool:
    """axdesk sent this ticket's cancel and AX's answer is not known yet (not New, not
    cancelled: AX may have cancelled it)."""
    return (
        ticket.cancel is not None
        and not ticket.cancel.state.is_settled
        and not (ticket.status is not None and ticket.status.is_cancelled)
    )


def ticket_text(ticket: TicketDetail) -> str:
    """The ticket's status in words, or that its cancel is not settled yet."""
    if cancel_unsettled(ticket):
        return QCoreApplication.translate("TicketStatus", "Cancel not confirmed")
    return ticket_status_text(ticket.status)


def ticket_state_look(ticket: TicketDetail) -> Look:
    return Look.UNKNOWN if cancel_unsettled(ticket) else ticket_look(ticket.status)


def cancel_sentence(cancel: TicketCancel | None) -> str | None:
    """What the tickets list says of the ticket's cancel, when there is something to say."""
    translate = QCoreApplication.translate
    if cancel is None:
        return None
    if cancel.state in (CancelState.CANCELLING, CancelState.UNKNOWN):
        return translate(
            "TicketStatus",
            "The cancel of this ticket was sent, but AX's answer did not arrive: AX may "
            "already have cancelled it. axdesk asks AX again on its own; press Delete to "
            "try again now (safe: nothing is cancelled twice).",
        )
    if cancel.state is CancelState.REFUSED:
        return fill_args(
            translate("TicketStatus", "AX refused the cancel: %1"), cancel.problem or "—"
        )
    return None


def row_look(row: OrderRow) -> Look:
    """The row's overall look: its journal trouble first, then its most pressing AX status."""
    if row.state is JournalState.SENDING:
        return Look.SENDING
    if row.state is JournalState.UNKNOWN:
        return Look.UNKNOWN
    if row.state is JournalState.REJECTED:
        return Look.REJECTED
    if not row.ax_statuses:
        return Look.WAITING
    looks = {status_look(status) for status in row.ax_statuses}
    for look in (Look.REJECTED, Look.TROUBLE, Look.WAITING, Look.CONFIRMED):
        if look in looks:
            return look
    return Look.CANCELLED


def row_status_text(row: OrderRow) -> str:
    """Words for the status column: the journal state when AX has not answered, else
    AX's statuses (with counts when the order's AX orders differ)."""
    translate = QCoreApplication.translate
    if row.state is JournalState.SENDING:
        return translate("OrdersModel", "Sending…")
    if row.state is JournalState.UNKNOWN:
        return translate("OrdersModel", "Outcome unknown, reconciling")
    if row.state is JournalState.REJECTED:
        return translate("OrdersModel", "Refused by AX")
    if not row.ax_statuses:
        return translate("OrdersModel", "Not checked yet")
    counts: dict[OrderStatus | None, int] = {}
    for status in row.ax_statuses:
        counts[status] = counts.get(status, 0) + 1
    if len(counts) == 1:
        return status_text(row.ax_statuses[0])
    return ", ".join(f"{status_text(status)} ×{count}" for status, count in counts.items())


def look_color(look: Look) -> QColor:
    return QColor(_LOOKS[look][0])


class LookIcons:
    """The status icons of one view, each drawn once: ``icons(look, size)``.

    Each model or pane keeps its own, so no QIcon lives in module state (or past
    the QApplication that drew it).
    """

    def __init__(self) -> None:
        self._drawn: dict[tuple[Look, int], QIcon] = {}

    def __call__(self, look: Look, size: int = 16) -> QIcon:
        key = (look, size)
        icon = self._drawn.get(key)
        if icon is None:
            icon = self._drawn[key] = look_icon(look, size)
        return icon


def look_icon(look: Look, size: int = 16) -> QIcon:
    """A filled circle in the look's colour with a white glyph, drawn anew
    (:class:`LookIcons` draws each once)."""
    colour, glyph = _LOOKS[look]
    pixmap = QPixmap(size * 2, size * 2)
    pixmap.setDevicePixelRatio(2.0)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(QColor(colour)))
    painter.drawEllipse(QRectF(1, 1, size - 2, size - 2))
    font = QFont()
    font.setBold(True)
    font.setPixelSize(int(size * 0.7))
    painter.setFont(font)
    painter.setPen(QPen(QColor("#ffffff")))
    painter.drawText(
        QRectF(QPointF(0, 0), QPointF(size, size)), Qt.AlignmentFlag.AlignCenter, glyph
    )
    painter.end()
    return QIcon(pixmap)
