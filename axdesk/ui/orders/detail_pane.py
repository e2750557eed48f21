"""The detail pane of the Orders tab: one order, its notes, its tickets and its AX status history.

:class:`OrderDetailPane` shows one channel order: who bought it, the notes
the order sent (:mod:`axdesk.ui.orders.sent_notes`) beside the desk's own
internal note (:class:`~axdesk.ui.orders.order_note.InternalNoteBox`), its
travelers' tickets (the list the operator cancels from,
:class:`~axdesk.ui.orders.tickets_model.TicketsModel`) and each AX order
with its status history. Tickets that are used, already cancelled or not
issued yet are disabled rows: they cannot be selected, so they cannot be
cancelled. The pane only *asks* for cancels (signals); the tab's
:class:`~axdesk.ui.orders.cancel.TicketCancelling` runs them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction, QBrush, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from axdesk.store.cancel import CancelTarget
from axdesk.store.journal_queries import JournalState, OrderDetail
from axdesk.ui.common.placeholders import fill_args
from axdesk.ui.orders.activity_lines import add_activity_items
from axdesk.ui.orders.order_note import InternalNoteBox
from axdesk.ui.orders.rows import format_money, line_label, local_time
from axdesk.ui.orders.sent_notes import sent_notes_lines
from axdesk.ui.orders.status_look import LookIcons, look_color, status_look, status_text
from axdesk.ui.orders.tickets_model import TicketsModel, ticket_entries, ticket_matches


class OrderDetailPane(QWidget):
    """One order in full: purchaser, tickets (to cancel from) and AX status history.

    Signals:
        cancel_ticket_requested(object): the operator asked to cancel this
            :class:`CancelTarget` (the selected ticket).
        cancel_all_requested(str, object): the operator asked to cancel every live
            ticket of this channel order (a list of :class:`CancelTarget`).
    """

    cancel_ticket_requested = Signal(object)
    cancel_all_requested = Signal(str, object)

    def __init__(self, zone: Callable[[], dt.tzinfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._zone = zone
        self._icons = LookIcons()
        self.detail: OrderDetail | None = None
        self._cancelling = False

        self.placeholder = QLabel()
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setEnabled(False)

        self.title_label = QLabel()
        title_font = QFont(self.title_label.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.15)
        title_font.setBold(True)
        self.title_label.setFont(title_font)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts_label = QLabel()
        self.facts_label.setWordWrap(True)
        self.facts_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem_label = QLabel()
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet(
            "QLabel { background: #fef7e0; color: #7a4d00; border: 1px solid #f9dc8c;"
            " border-radius: 3px; padding: 4px 8px; }"
        )
        self.problem_label.hide()

        self.sent_notes_caption = QLabel()
        self.sent_notes_caption.setStyleSheet("QLabel { font-weight: bold; }")
        self.sent_notes_label = QLabel()
        self.sent_notes_label.setWordWrap(True)
        self.sent_notes_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.sent_notes_label.setTextFormat(Qt.TextFormat.PlainText)
        self.sent_notes_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note_box = InternalNoteBox()
        sent_box = QWidget()
        sent_layout = QVBoxLayout(sent_box)
        sent_layout.setContentsMargins(0, 0, 0, 0)
        sent_layout.addWidget(self.sent_notes_caption)
        sent_layout.addWidget(self.sent_notes_label, 1)
        notes_row = QHBoxLayout()
        notes_row.addWidget(sent_box, 3)
        notes_row.addWidget(self.note_box, 2)

        self.tickets_caption = QLabel()
        self.tickets_caption.setStyleSheet("QLabel { font-weight: bold; }")
        self.tickets_model = TicketsModel(zone, self)
        self.tickets_view = QTableView()
        self.tickets_view.setModel(self.tickets_model)
        self.tickets_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tickets_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tickets_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tickets_view.setAlternatingRowColors(True)
        self.tickets_view.setWordWrap(False)
        self.tickets_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tickets_view.verticalHeader().hide()
        self.tickets_view.verticalHeader().setDefaultSectionSize(26)
        tickets_header = self.tickets_view.horizontalHeader()
        tickets_header.setStretchLastSection(True)
        tickets_header.setHighlightSections(False)
        tickets_header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((130, 150, 130, 130, 150)):
            self.tickets_view.setColumnWidth(column, width)
        self.tickets_view.selectionModel().selectionChanged.connect(self._update_actions)
        self.tickets_caption.setBuddy(self.tickets_view)

        self.cancel_action = QAction(self)
        self.cancel_action.setShortcut(QKeySequence(Qt.Key.Key_Delete))
        self.cancel_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.cancel_action.triggered.connect(self.request_cancel_selected)
        self.tickets_view.addAction(self.cancel_action)
        self.cancel_all_action = QAction(self)
        self.cancel_all_action.setShortcut(
            QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_Delete)
        )
        self.cancel_all_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.cancel_all_action.triggered.connect(self.request_cancel_all)
        self.addAction(self.cancel_all_action)

        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.request_cancel_selected)
        self.cancel_all_button = QPushButton()
        self.cancel_all_button.clicked.connect(self.request_cancel_all)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.cancel_all_button)
        buttons.addStretch(1)

        tickets_box = QWidget()
        tickets_layout = QVBoxLayout(tickets_box)
        tickets_layout.setContentsMargins(0, 0, 0, 0)
        tickets_layout.addWidget(self.tickets_caption)
        tickets_layout.addWidget(self.tickets_view, 1)
        tickets_layout.addLayout(buttons)

        self.history_caption = QLabel()
        self.history_caption.setStyleSheet("QLabel { font-weight: bold; }")
        self.history_tree = QTreeWidget()
        self.history_tree.setColumnCount(3)
        self.history_tree.setAlternatingRowColors(True)
        self.history_tree.setUniformRowHeights(True)
        self.history_tree.header().setStretchLastSection(True)
        self.history_tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.history_tree.setWordWrap(False)
        self.history_caption.setBuddy(self.history_tree)
        history_box = QWidget()
        history_layout = QVBoxLayout(history_box)
        history_layout.setContentsMargins(0, 0, 0, 0)
        history_layout.addWidget(self.history_caption)
        history_layout.addWidget(self.history_tree, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(tickets_box)
        self.splitter.addWidget(history_box)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)

        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addWidget(self.title_label)
        content_layout.addWidget(self.facts_label)
        content_layout.addWidget(self.problem_label)
        content_layout.addLayout(notes_row)
        content_layout.addWidget(self.splitter, 1)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.stack)

        self.setTabOrder(self.tickets_view, self.cancel_button)
        self.setTabOrder(self.cancel_button, self.cancel_all_button)
        self.setTabOrder(self.cancel_all_button, self.history_tree)
        self.setTabOrder(self.history_tree, self.note_box.editor)
        self.setTabOrder(self.note_box.editor, self.note_box.save_button)
        self.retranslate_ui()
        self.show_detail(None)

    # -- content ------------------------------------------------------------------------

    def show_detail(self, detail: OrderDetail | None) -> None:
        """Show ``detail`` (None: the placeholder); keeps the selected ticket if still live."""
        previous = self.selected_target()
        self.detail = detail
        self.note_box.show_order(detail)
        if detail is None:
            self.tickets_model.set_entries([])
            self.history_tree.clear()
            self.stack.setCurrentIndex(0)
            self._update_actions()
            return
        self.stack.setCurrentIndex(1)
        self.title_label.setText(fill_args(self.tr("Order %1"), detail.channel_order_code))
        self.facts_label.setText(self._facts(detail))
        if detail.problem:
            self.problem_label.setText(detail.problem)
            self.problem_label.show()
        else:
            self.problem_label.hide()
        self._show_sent_notes(detail)
        self.tickets_model.set_entries(ticket_entries(detail))
        self._fill_history(detail)
        if previous is not None:
            self.select_ticket(previous.ticket_code)
        self._update_actions()

    def _facts(self, detail: OrderDetail) -> str:
        parts: list[str] = []
        if detail.purchaser_name:
            contact = " · ".join(
                part for part in (detail.purchaser_phone, detail.purchaser_email) if part
            )
            purchaser = fill_args(self.tr("Purchaser: %1"), detail.purchaser_name)
            parts.append(f"{purchaser} ({contact})" if contact else purchaser)
        if detail.total is not None:
            parts.append(
                fill_args(self.tr("Total: %1"), format_money(detail.total, detail.currency))
            )
        parts.append(fill_args(self.tr("Ordered: %1"), local_time(detail.created_at)))
        parts.append(self._state_words(detail.state))
        return "   ·   ".join(parts)

    def _show_sent_notes(self, detail: OrderDetail) -> None:
        lines = sent_notes_lines(detail)
        self.sent_notes_label.setText(
            "\n".join(lines) if lines else self.tr("The order sent no comment and no notes.")
        )
        self.sent_notes_label.setEnabled(bool(lines))

    def _state_words(self, state: JournalState) -> str:
        words = {
            JournalState.SENDING: self.tr("Being sent to AX"),
            JournalState.SENT: self.tr("Made here, known to AX"),
            JournalState.UNKNOWN: self.tr("Outcome unknown: being reconciled with AX"),
            JournalState.REJECTED: self.tr("Refused by AX"),
            JournalState.REMOTE: self.tr("Made elsewhere, followed here"),
        }
        return words[state]

    def _fill_history(self, detail: OrderDetail) -> None:
        tree = self.history_tree
        tree.clear()
        lines_by_position = {line.position: line for line in detail.lines}
        for ax in detail.ax_orders:
            look = status_look(ax.status)
            line = lines_by_position.get(ax.line_position) if ax.line_position is not None else None
            label = line_label(line.product_name, line.option_name, line.dc_code) if line else ""
            checked = (
                fill_args(self.tr("checked %1"), local_time(ax.checked_at))
                if ax.checked_at
                else self.tr("not checked yet")
            )
            top = QTreeWidgetItem(
                tree,
                [
                    ax.ax_order_code,
                    status_text(ax.status),
                    " · ".join(p for p in (label, checked) if p),
                ],
            )
            top.setIcon(1, self._icons(look))
            top.setForeground(1, QBrush(look_color(look)))
            top.setToolTip(0, ax.ax_order_code)
            top.setToolTip(2, ax.comment or checked)
            bold = QFont(top.font(0))
            bold.setBold(True)
            top.setFont(0, bold)
            top.setFont(1, bold)
            for change in reversed(ax.history):
                before = status_text(change.from_status) if change.from_status else "—"
                child = QTreeWidgetItem(
                    top,
                    [
                        local_time(change.at),
                        f"{before} → {status_text(change.to_status)}",
                        change.comment or "",
                    ],
                )
                child.setToolTip(2, change.comment or "")
                child.setIcon(1, self._icons(status_look(change.to_status), 12))
            top.setExpanded(True)
        add_activity_items(tree, detail.activity)
        tree.resizeColumnToContents(1)
        tree.setColumnWidth(0, min(tree.sizeHintForColumn(0), 190))

    # -- selection and actions -------------------------------------------------------------

    def selected_target(self) -> CancelTarget | None:
        rows = self.tickets_view.selectionModel().selectedRows()
        if not rows:
            return None
        entry = self.tickets_model.entry_at(rows[0].row())
        if entry is None or not entry.ticket.is_cancellable:
            return None
        return entry.target(self._zone())

    def live_targets(self) -> list[CancelTarget]:
        targets: list[CancelTarget] = []
        for entry in self.tickets_model.entries():
            if entry.ticket.is_cancellable:
                target = entry.target(self._zone())
                if target is not None:
                    targets.append(target)
        return targets

    def select_ticket(self, ticket_code: str) -> bool:
        for row, entry in enumerate(self.tickets_model.entries()):
            if entry.ticket.ax_ticket_code == ticket_code and entry.ticket.is_cancellable:
                self._select_row(row)
                return True
        return False

    def focus_tickets(self, prefer: str = "") -> bool:
        """Move the keyboard focus to the tickets list, on a ticket that can be cancelled:
        the first one ``prefer`` (the search text) names, else the one already selected,
        else the first. Returns False when no ticket can be cancelled."""
        self.tickets_view.setFocus(Qt.FocusReason.OtherFocusReason)
        if prefer:
            for row, entry in enumerate(self.tickets_model.entries()):
                if entry.ticket.is_cancellable and ticket_matches(entry.ticket, prefer):
                    self._select_row(row)
                    return True
        if self.selected_target() is not None:
            return True
        for row, entry in enumerate(self.tickets_model.entries()):
            if entry.ticket.is_cancellable:
                self._select_row(row)
                return True
        return False

    def _select_row(self, row: int) -> None:
        index = self.tickets_model.index(row, 0)
        self.tickets_view.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.tickets_view.scrollTo(index)

    def request_cancel_selected(self) -> None:
        target = self.selected_target()
        if target is not None:
            self.cancel_ticket_requested.emit(target)

    def request_cancel_all(self) -> None:
        targets = self.live_targets()
        if self.detail is not None and targets:
            self.cancel_all_requested.emit(self.detail.channel_order_code, targets)

    def set_cancelling(self, busy: bool) -> None:
        """Disable the cancel actions while a cancel is under way."""
        self._cancelling = busy
        self._update_actions()

    def _update_actions(self, *_: object) -> None:
        busy = self._cancelling
        can_one = not busy and self.selected_target() is not None
        can_all = not busy and bool(self.live_targets())
        self.cancel_action.setEnabled(can_one)
        self.cancel_button.setEnabled(can_one)
        self.cancel_all_action.setEnabled(can_all)
        self.cancel_all_button.setEnabled(can_all)

    # -- texts ------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.placeholder.setText(
            self.tr("Select an order to see its travelers' tickets and its AX status history.")
        )
        self.sent_notes_caption.setText(self.tr("Sent with the order"))
        self.tickets_caption.setText(self.tr("&Tickets"))
        self.tickets_view.setAccessibleName(self.tr("Tickets of the selected order"))
        self.tickets_view.setAccessibleDescription(
            self.tr("Press Delete to cancel the selected traveler's ticket.")
        )
        self.cancel_action.setText(self.tr("Cancel ticket"))
        self.cancel_all_action.setText(self.tr("Cancel all tickets"))
        self.cancel_button.setText(self.tr("&Cancel ticket…"))
        self.cancel_button.setToolTip(self.tr("Cancel the selected traveler's ticket (Delete)"))
        self.cancel_button.setAccessibleName(self.tr("Cancel the selected ticket"))
        self.cancel_all_button.setText(self.tr("Cancel &all tickets…"))
        self.cancel_all_button.setToolTip(
            self.tr("Cancel every live ticket of this order (Ctrl+Shift+Delete)")
        )
        self.cancel_all_button.setAccessibleName(self.tr("Cancel all tickets of this order"))
        self.history_caption.setText(self.tr("AX orders and status &history"))
        self.history_tree.setAccessibleName(self.tr("AX orders and their status history"))
        self.history_tree.setHeaderLabels(
            [self.tr("AX order / time"), self.tr("Status / change"), self.tr("Comment")]
        )
        self.tickets_model.retranslate()
        if self.detail is not None:
            self.show_detail(self.detail)

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
