"""The tickets of one order, as the detail pane lists them: the list the operator cancels from.

:class:`TicketsModel` has one row per traveler's ticket (with the option it
belongs to). Tickets that are used, already cancelled or not issued yet are
disabled rows: they cannot be selected, so they cannot be cancelled, and
their tooltip says why (:func:`why_not_cancellable`). A ticket whose cancel
was sent but not confirmed by AX is shown as such ("Cancel not confirmed",
neither New nor cancelled) with its own sentence, and stays selectable so
the operator can send it again.
:func:`ticket_matches` tells whether the search text names a traveler, so the
caller's own ticket is the one selected.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QFont

from axdesk.store.cancel import CancelTarget
from axdesk.store.journal_queries import OrderDetail, TicketDetail
from axdesk.store.search import parse_query, phone_forms
from axdesk.ui.orders.rows import line_label, local_time
from axdesk.ui.orders.sent_notes import traveler_note_lines
from axdesk.ui.orders.status_look import (
    LookIcons,
    cancel_sentence,
    cancel_unsettled,
    look_color,
    ticket_state_look,
    ticket_status_explained,
    ticket_text,
)

ModelIndex = QModelIndex | QPersistentModelIndex
TARGET_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class TicketEntry:
    """A ticket with the line it belongs to (what the tickets list shows)."""

    channel_order_code: str
    ticket: TicketDetail
    product_name: str
    option_name: str
    dc_code: str
    use_at: dt.datetime

    def target(self, zone: dt.tzinfo) -> CancelTarget | None:
        ticket = self.ticket
        if ticket.ax_order_code is None or ticket.ax_ticket_code is None:
            return None
        return CancelTarget(
            channel_order_code=self.channel_order_code,
            ax_order_code=ticket.ax_order_code,
            ticket_code=ticket.ax_ticket_code,
            traveler_name=ticket.name,
            product_name=self.product_name,
            option_name=self.option_name or self.dc_code,
            use_at=self.use_at.astimezone(zone),
        )


def ticket_entries(detail: OrderDetail) -> list[TicketEntry]:
    return [
        TicketEntry(
            detail.channel_order_code,
            ticket,
            line.product_name,
            line.option_name,
            line.dc_code,
            line.inventory_at,
        )
        for line in detail.lines
        for ticket in line.tickets
    ]


def ticket_matches(ticket: TicketDetail, query: str) -> bool:
    """True when ``query`` (as typed in the search box) names this traveler: by name,
    e-mail, ticket code or phone, the phone however it was typed."""
    terms = parse_query(query)
    if terms.is_empty:
        return False
    document = [
        part.casefold()
        for part in (
            ticket.name,
            ticket.email,
            ticket.channel_code,
            ticket.ax_ticket_code or "",
            *(phone_forms(ticket.phone, ticket.national_code) if ticket.phone else []),
        )
        if part
    ]
    return all(
        any(alternative.casefold() in part for alternative in group for part in document)
        for group in terms.groups
    )


def why_not_cancellable(ticket: TicketDetail) -> str | None:
    """A sentence saying why this ticket cannot be cancelled, or None if it can."""
    translate = QCoreApplication.translate
    if ticket.is_cancellable:
        return None
    if ticket.ax_ticket_code is None or ticket.ax_order_code is None:
        return translate("OrderDetail", "AX has not issued this ticket yet.")
    if ticket.status is not None and ticket.status.is_cancelled:
        return translate("OrderDetail", "This ticket is already cancelled.")
    return translate("OrderDetail", "This ticket has been used; it cannot be cancelled.")


class TicketsModel(QAbstractTableModel):
    """The travelers' tickets of one order; rows that cannot be cancelled are disabled."""

    COLUMN_COUNT = 6
    STATUS_COLUMN = 1
    OPTION_COLUMN = 4
    TICKET_COLUMN = 5

    @staticmethod
    def title(section: int) -> str:
        translate = QCoreApplication.translate
        titles = (
            translate("TicketsModel", "Traveler"),
            translate("TicketsModel", "Status"),
            translate("TicketsModel", "Phone"),
            translate("TicketsModel", "Date and time"),
            translate("TicketsModel", "Option"),
            translate("TicketsModel", "Ticket"),
        )
        return titles[section]

    def __init__(self, zone: Callable[[], dt.tzinfo], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._zone = zone
        self._entries: list[TicketEntry] = []
        self._icons = LookIcons()

    def set_entries(self, entries: Sequence[TicketEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def entries(self) -> list[TicketEntry]:
        return list(self._entries)

    def entry_at(self, row: int) -> TicketEntry | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < self.COLUMN_COUNT
        ):
            return self.title(section)
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        entry = self.entry_at(index.row()) if index.isValid() else None
        if entry is None or not entry.ticket.is_cancellable:
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry = self.entry_at(index.row()) if index.isValid() else None
        if entry is None:
            return None
        ticket = entry.ticket
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            values = (
                ticket.name,
                ticket_text(ticket),
                ticket.phone,
                local_time(entry.use_at, self._zone()),
                entry.option_name or entry.dc_code,
                ticket.ax_ticket_code or "",
            )
            return values[column]
        if role == TARGET_ROLE:
            return entry.target(self._zone())
        if role == Qt.ItemDataRole.ToolTipRole:
            reason = why_not_cancellable(ticket)
            if reason:
                return "\n".join([reason, *traveler_note_lines(ticket.notes)])
            about_cancel = cancel_sentence(ticket.cancel)
            if about_cancel and (column == self.STATUS_COLUMN or cancel_unsettled(ticket)):
                return about_cancel
            if column == self.STATUS_COLUMN:
                return ticket_status_explained(ticket.status)
            if column == self.OPTION_COLUMN:
                return line_label(entry.product_name, entry.option_name, entry.dc_code)
            if column == self.TICKET_COLUMN:
                return ticket.ax_ticket_code
            person = (ticket.name, ticket.phone, ticket.email, *traveler_note_lines(ticket.notes))
            return "\n".join(part for part in person if part)
        if column == self.STATUS_COLUMN:
            look = ticket_state_look(ticket)
            if role == Qt.ItemDataRole.DecorationRole:
                return self._icons(look)
            if role == Qt.ItemDataRole.ForegroundRole and ticket.is_cancellable:
                return QBrush(look_color(look))
            if role == Qt.ItemDataRole.AccessibleDescriptionRole:
                return cancel_sentence(ticket.cancel)
        if (
            role == Qt.ItemDataRole.FontRole
            and column == 0
            and ticket.status is not None
            and ticket.status.is_cancelled
        ):
            font = QFont()
            font.setStrikeOut(True)
            return font
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.COLUMN_COUNT - 1)
