"""Numbers from AX that do not add up: say so above the calendar, and show the first.

AX's numbers are shown as received, never repaired; the warning bar says how
many slots are affected and its "Show first" button goes to the first one.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from axdesk.ui.common.notice_bar import WARNING, NoticeBar
from axdesk.ui.common.placeholders import fill_args
from axdesk.ui.inventory.calendar import InventoryCalendar
from axdesk.ui.inventory.day_panel import DayPanel
from axdesk.ui.inventory.index import ALL_OPTIONS, InventoryIndex
from axdesk.ui.inventory.pickers import OptionPicker

MAX_DETAILS = 20  # slots whose problems the bar's tooltip lists


class DataWarnings(QObject):
    """The warning bar of the inventory on screen, and its "Show first" action."""

    def __init__(
        self,
        bar: NoticeBar,
        *,
        calendar: InventoryCalendar,
        options: OptionPicker,
        panel: DayPanel,
        inventory: Callable[[], InventoryIndex | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._bar = bar
        self._calendar = calendar
        self._options = options
        self._panel = panel
        self._inventory = inventory
        bar.action.show()
        bar.action.clicked.connect(self.show_first)

    def update_bar(self) -> None:
        """Show the bar if the inventory on screen has slots whose numbers do not add up."""
        index = self._inventory()
        if index is None or not index.problem_count:
            self._bar.clear()
            return
        text = fill_args(
            self.tr(
                "Numbers that do not add up in %1 of the slots AX sent (remaining + ordered "
                "is not the maximum, or a number is negative). They are marked and shown as "
                "received; check them with the supplier before selling."
            ),
            str(index.problem_count),
        )
        details = "\n".join(
            problem for row in index.problem_rows[:MAX_DETAILS] for problem in row.problems
        )
        self._bar.show_notice(WARNING, text, details)

    def show_first(self) -> None:
        """Go to the first slot with a warning: its option (or all), its day, its row."""
        index = self._inventory()
        if index is None or not index.problem_rows:
            return
        first = index.problem_rows[0]
        if self._options.selected() not in (ALL_OPTIONS, first.dc_code):
            self._options.select(ALL_OPTIONS)
        self._calendar.set_selected_date(first.slot.date)
        self._panel.select_row(first)

    def retranslate(self) -> None:
        self._bar.setAccessibleName(self.tr("Data warnings"))
        self._bar.set_close_name(self.tr("Close data warnings"))
        self._bar.action.setText(self.tr("Show first"))
        self._bar.action.setAccessibleName(self.tr("Show the first slot with a warning"))
