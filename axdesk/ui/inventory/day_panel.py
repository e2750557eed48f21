"""The right side of the Inventory tab: the selected day, its summary, its departures.

The departures are a :class:`~axdesk.ui.inventory.slot_model.SlotTableModel` in
a table whose column widths come from the font, and under it the "Book this
slot" button (its action is :class:`~axdesk.ui.inventory.booking.SlotBooking`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from axdesk.ui.common.placeholders import fill_args
from axdesk.ui.common.time_text import time_text
from axdesk.ui.inventory.index import InventoryIndex, SlotRow, SlotState
from axdesk.ui.inventory.painting import state_word
from axdesk.ui.inventory.slot_model import ParticipantsDelegate, SlotTableModel


class DayPanel(QWidget):
    """A day's heading and summary, its slots in a table, and the "Book this slot" button.

    Signals: none (the owner connects to :attr:`slot_table` and :attr:`book_button`).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.setSpacing(6)
        self.day_label = QLabel(self)
        day_font = self.day_label.font()
        day_font.setPointSizeF(day_font.pointSizeF() * 1.2)
        day_font.setBold(True)
        self.day_label.setFont(day_font)
        self.day_summary_label = QLabel(self)
        self.day_summary_label.setWordWrap(True)
        self.slot_model = SlotTableModel(self)
        self.slot_table = QTableView(self)
        self.slot_table.setModel(self.slot_model)
        self.slot_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.slot_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.slot_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.slot_table.setTabKeyNavigation(False)
        self.slot_table.setAlternatingRowColors(True)
        self.slot_table.setWordWrap(False)
        self.slot_table.verticalHeader().hide()
        self.slot_table.setItemDelegateForColumn(
            SlotTableModel.PARTICIPANTS, ParticipantsDelegate(self.slot_table)
        )
        self.book_button = QPushButton(self)
        book_row = QHBoxLayout()
        book_row.addStretch(1)
        book_row.addWidget(self.book_button)
        layout.addWidget(self.day_label)
        layout.addWidget(self.day_summary_label)
        layout.addWidget(self.slot_table, 1)
        layout.addLayout(book_row)

    def retranslate_ui(self) -> None:
        """Set the panel's fixed texts, headers and column widths in the current language
        (the owner shows the day again for the computed ones)."""
        self.day_label.setAccessibleName(self.tr("Selected day"))
        self.day_summary_label.setAccessibleName(self.tr("Selected day summary"))
        self.slot_table.setAccessibleName(self.tr("Departures on the selected day"))
        self.book_button.setText(self.tr("&Book this slot"))
        self.book_button.setAccessibleName(self.tr("Book this slot"))
        self.book_button.setToolTip(
            self.tr("Start an order for the selected departure (Enter or double-click)")
        )
        self.slot_model.retranslate()
        self._size_slot_columns()

    def show_day(
        self,
        day: dt.date,
        index: InventoryIndex | None,
        option: str | None,
        option_names: Mapping[str, str],
        now: dt.datetime | None = None,
    ) -> None:
        """Show ``day``'s slots of ``index`` for ``option``, selecting the first bookable one;
        those gone by ``now`` (the supplier's clock) are shown as departed."""
        qdate = QDate(day.year, day.month, day.day)
        self.day_label.setText(QLocale().toString(qdate, QLocale.FormatType.LongFormat))
        rows = [] if index is None else index.slots_on(day, option, now)
        self.slot_model.set_rows(rows, option_names)
        summary = None if index is None else index.summary(day, option, now)
        if index is None:
            text = self.tr("Choose a product to see its departures.")
        elif summary is None:
            text = self.tr("No departures on this day.")
        elif summary.state is SlotState.PAST:
            text = self.tr("Every departure of this day has left.")
        elif summary.state is SlotState.CLOSED:
            text = self.tr("Closed: no departure on sale.")
        else:
            text = fill_args(
                self.tr("%1. Departures on sale: %2. Seats left: %3."),
                state_word(summary.state),
                str(summary.open_count),
                str(summary.seats_left),
            )
        self.day_summary_label.setText(text)
        if rows:
            bookable = (r for r, row in enumerate(rows) if row.is_bookable)
            self.slot_table.selectRow(next(bookable, 0))

    def selected_row(self) -> SlotRow | None:
        """The slot selected in the table, if any."""
        rows = self.slot_table.selectionModel().selectedRows()
        return self.slot_model.row_at(rows[0].row()) if rows else None

    def select_row(self, row: SlotRow) -> None:
        """Select ``row`` if it is listed, and move the focus to the table."""
        for position, listed in enumerate(self.slot_model.rows()):
            if listed is row:
                self.slot_table.selectRow(position)
        self.focus_slots()

    def focus_slots(self, _day: object = None) -> None:
        self.slot_table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _size_slot_columns(self) -> None:
        """Fixed widths from the font, not ResizeToContents: that mode asks the model for
        every cell of a 60-slot day again on each change (8,000 calls, 70 ms)."""
        header = self.slot_table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(SlotTableModel.OPTION, QHeaderView.ResizeMode.Stretch)
        metrics = self.slot_table.fontMetrics()
        padding = 2 * metrics.averageCharWidth() + 8
        model = self.slot_model
        samples = {
            SlotTableModel.START: max(
                (time_text(dt.time(hour, 58)) for hour in (0, 10, 12, 22)), key=len
            ),
            SlotTableModel.SEATS: "999 / 999",
            SlotTableModel.PARTICIPANTS: "999 / 999",
            SlotTableModel.STATE: max((state_word(s) for s in SlotState), key=len),
            SlotTableModel.WARNINGS: "",
        }
        for column, sample in samples.items():
            title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            width = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title))
            if column == SlotTableModel.PARTICIPANTS:
                width += ParticipantsDelegate.BAR_WIDTH + metrics.height() + 18
            if column == SlotTableModel.WARNINGS:
                width = max(width, 24)
            header.resizeSection(column, width + padding)
