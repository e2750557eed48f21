"""The month calendar of the Inventory tab: a 6 x 7 table view with painted day cells.

Model/view rather than 42 widgets: :class:`~axdesk.ui.inventory.month_model.MonthModel`
answers from the pre-aggregated :class:`~axdesk.ui.inventory.index.InventoryIndex`,
:class:`~axdesk.ui.inventory.day_cell.DayCellDelegate` paints each cell, and
:class:`InventoryCalendar` (the view) adds the keyboard: arrows move the
selected day across month edges, PageUp/PageDown change month, Home/End go
to the month's first and last day, Enter activates the day.

Colour is never the only carrier of meaning: every cell shows its state as
a word, its marks are shapes, and its accessible text and tooltip say it
all in a sentence. The legend (:class:`~axdesk.ui.inventory.legend.InventoryLegend`)
names each colour and mark.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import QLocale, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QSizePolicy, QTableView, QWidget

from axdesk.ui.inventory.day_cell import DayCellDelegate
from axdesk.ui.inventory.index import InventoryIndex, MonthShown, add_months, departure_day
from axdesk.ui.inventory.month_model import COLUMNS, ROWS, MonthModel, python_weekday


class InventoryCalendar(QTableView):
    """A month of days, each painted with its availability; the keyboard moves the selection.

    Signals:
        selected_date_changed(object): the selected ``datetime.date`` changed.
        month_changed(int, int): the month shown changed (year, month).
        day_activated(object): Enter or a double click on a day (a ``datetime.date``).
    """

    selected_date_changed = Signal(object)
    month_changed = Signal(int, int)
    day_activated = Signal(object)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
        now: Callable[[], dt.datetime] | None = None,
        first_weekday: int | None = None,
    ) -> None:
        """``now`` is the supplier's clock: days and departures gone by it show as past."""
        super().__init__(parent)
        self._today = today
        start = today()
        self._follows_locale = first_weekday is None
        if first_weekday is None:
            first_weekday = python_weekday(QLocale().firstDayOfWeek())
        self._model = MonthModel(
            start.year, start.month, first_weekday=first_weekday, today=today, now=now, parent=self
        )
        self._selected = start
        self.setModel(self._model)
        self.setItemDelegate(DayCellDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setShowGrid(False)
        self.setTabKeyNavigation(False)
        self.setWordWrap(False)
        self.setCornerButtonEnabled(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QTableView.Shape.NoFrame)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setHighlightSections(False)
        self.horizontalHeader().setSectionsClickable(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        height = self.fontMetrics().height()
        self.setMinimumSize(COLUMNS * height * 4, ROWS * height * 3 + height * 2)
        self.selectionModel().currentChanged.connect(self._on_current_changed)
        self.doubleClicked.connect(self._on_double_clicked)
        self._place_current()

    # -- reading -------------------------------------------------------------

    def month_model(self) -> MonthModel:
        return self._model

    def selected_date(self) -> dt.date:
        return self._selected

    def visible_month(self) -> tuple[int, int]:
        return self._model.year, self._model.month

    def today(self) -> dt.date:
        return self._today()

    # -- changing ------------------------------------------------------------

    def set_data(self, index: InventoryIndex | None, option: str | None) -> None:
        """Show ``index`` for ``option`` (``ALL_OPTIONS`` for every option)."""
        self._model.set_data(index, option)

    def set_selected_date(self, day: dt.date) -> None:
        """Select ``day``, turning to its month when needed."""
        month_moved = (day.year, day.month) != self.visible_month()
        changed = day != self._selected
        self._selected = day
        if month_moved:
            self._model.set_month(day.year, day.month)
        self._place_current()
        if month_moved:
            self.month_changed.emit(day.year, day.month)
        if changed:
            self.selected_date_changed.emit(day)

    def show_month(self, year: int, month: int) -> None:
        """Turn to a month, keeping the day of month of the selection where possible."""
        self.set_selected_date(
            add_months(
                self._selected, (year - self._selected.year) * 12 + month - self._selected.month
            )
        )

    def next_month(self) -> None:
        self.set_selected_date(add_months(self._selected, 1))

    def previous_month(self) -> None:
        self.set_selected_date(add_months(self._selected, -1))

    def go_to_today(self) -> None:
        self.set_selected_date(self._today())

    def turn_to_departures(self, dates: Sequence[dt.date]) -> None:
        """A new product's departure ``dates`` (sorted): stay on the month shown if it has
        one, else select the next departure from today (or the first, if all are past)."""
        turned = departure_day(dates, *self.visible_month(), self._today())
        if turned is not None:
            self.set_selected_date(turned)

    def month_shown(self, option: str | None) -> MonthShown:
        """The month on screen, for the worker to fold ahead of a fetch's answer."""
        year, month = self.visible_month()
        model = self._model
        return MonthShown(year, month, model.first_weekday, option, self._today(), model.now())

    def retranslate(self) -> None:
        """Follow a language switch: weekday names, the locale's first weekday, day sentences."""
        if self._follows_locale:
            self._model.set_first_weekday(python_weekday(QLocale().firstDayOfWeek()))
        self._model.refresh_texts()
        self._place_current()

    # -- internals -----------------------------------------------------------

    def _place_current(self) -> None:
        index = self._model.index_of(self._selected)
        if index.isValid() and index != self.currentIndex():
            self.setCurrentIndex(index)
        elif index.isValid():
            self.selectionModel().select(index, self.selectionModel().SelectionFlag.ClearAndSelect)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        day = self._model.date_at(current)
        if day is not None and day != self._selected:
            self.set_selected_date(day)

    def _on_double_clicked(self, index: QModelIndex) -> None:
        day = self._model.date_at(index)
        if day is not None:
            self.day_activated.emit(day)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        steps = {
            Qt.Key.Key_Left: -1,
            Qt.Key.Key_Right: 1,
            Qt.Key.Key_Up: -7,
            Qt.Key.Key_Down: 7,
        }
        if self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            steps[Qt.Key.Key_Left], steps[Qt.Key.Key_Right] = 1, -1
        if key in steps and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.set_selected_date(self._selected + dt.timedelta(days=steps[Qt.Key(key)]))
        elif key == Qt.Key.Key_PageUp:
            self.previous_month()
        elif key == Qt.Key.Key_PageDown:
            self.next_month()
        elif key == Qt.Key.Key_Home:
            self.set_selected_date(self._selected.replace(day=1))
        elif key == Qt.Key.Key_End:
            last = calendar.monthrange(self._selected.year, self._selected.month)[1]
            self.set_selected_date(self._selected.replace(day=last))
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.day_activated.emit(self._selected)
        else:
            super().keyPressEvent(event)
            return
        event.accept()
