"""The 42 days of the calendar's month view as a table model, and what a day says in words.

:class:`MonthModel` answers from the pre-aggregated
:class:`~axdesk.ui.inventory.index.InventoryIndex` (a dict look-up per cell);
:func:`day_sentence` is a day cell's accessible text and tooltip.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QWidget

from axdesk.ui.common.placeholders import fill_args
from axdesk.ui.inventory.index import (
    ALL_OPTIONS,
    DAYS_SHOWN,
    DaySummary,
    InventoryIndex,
    SlotState,
    month_grid,
)
from axdesk.ui.inventory.painting import state_word

ModelIndex = QModelIndex | QPersistentModelIndex

ROWS = 6
COLUMNS = 7
assert ROWS * COLUMNS == DAYS_SHOWN


def python_weekday(qt_day: Qt.DayOfWeek) -> int:
    """Qt's day of week (Monday = 1 ... Sunday = 7) as Python's (Monday = 0 ... Sunday = 6)."""
    return int(qt_day.value) - 1


def day_sentence(day: dt.date, summary: DaySummary | None, *, is_today: bool = False) -> str:
    """What a day cell says in words (its accessible text and tooltip)."""
    qdate = QDate(day.year, day.month, day.day)
    when = QLocale().toString(qdate, QLocale.FormatType.LongFormat)
    if is_today:
        when = fill_args(QCoreApplication.translate("InventoryCalendar", "%1 (today)"), when)
    if summary is None:
        return fill_args(
            QCoreApplication.translate("InventoryCalendar", "%1: no departures."), when
        )
    if summary.state is SlotState.PAST:
        parts = [fill_args(QCoreApplication.translate("InventoryCalendar", "%1: departed."), when)]
    elif summary.state is SlotState.CLOSED:
        parts = [
            fill_args(
                QCoreApplication.translate("InventoryCalendar", "%1: closed, not on sale."), when
            )
        ]
    else:
        parts = [
            fill_args(
                QCoreApplication.translate("InventoryCalendar", "%1: %2."),
                when,
                state_word(summary.state),
            ),
            fill_args(
                QCoreApplication.translate("InventoryCalendar", "Seats left: %1."),
                str(summary.seats_left),
            ),
            fill_args(
                QCoreApplication.translate("InventoryCalendar", "Departures on sale: %1."),
                str(summary.open_count),
            ),
        ]
        if summary.guaranteed_count:
            parts.append(
                fill_args(
                    QCoreApplication.translate("InventoryCalendar", "Guaranteed to run: %1."),
                    str(summary.guaranteed_count),
                )
            )
        if summary.below_minimum_count:
            parts.append(
                fill_args(
                    QCoreApplication.translate(
                        "InventoryCalendar", "Not yet guaranteed (below the minimum): %1."
                    ),
                    str(summary.below_minimum_count),
                )
            )
    if summary.problem_count:
        parts.append(
            fill_args(
                QCoreApplication.translate(
                    "InventoryCalendar", "Warning: slots with numbers that do not add up: %1."
                ),
                str(summary.problem_count),
            )
        )
    return " ".join(parts)


class MonthModel(QAbstractTableModel):
    """The 42 days of one month view, answered from an :class:`InventoryIndex`.

    The grid never changes shape: switching month, option or data emits
    ``dataChanged`` for the 42 cells, so the view keeps its current cell.

    Python code reads it through its methods (:meth:`date_at`, :meth:`summary`),
    never through ``QModelIndex.data()``: with PySide6 6.12 on Python 3.11, an
    empty ``QVariant`` returned to Python arrives as a ``None`` without its
    reference, and enough of those crash the interpreter ("deallocating None").
    """

    def __init__(
        self,
        year: int,
        month: int,
        *,
        first_weekday: int,
        today: Callable[[], dt.date],
        now: Callable[[], dt.datetime] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``now`` is the supplier's clock (departures gone by it are past); without it,
        the days before ``today`` are past."""
        super().__init__(parent)
        self._today = today
        self._now = now or (lambda: dt.datetime.combine(today(), dt.time.min))
        self._first_weekday = first_weekday
        self._year = year
        self._month = month
        self._days = month_grid(year, month, first_weekday)
        self._index: InventoryIndex | None = None
        self._option: str | None = ALL_OPTIONS

    # -- state ---------------------------------------------------------------

    @property
    def year(self) -> int:
        return self._year

    @property
    def month(self) -> int:
        return self._month

    @property
    def first_weekday(self) -> int:
        return self._first_weekday

    @property
    def option(self) -> str | None:
        return self._option

    def days(self) -> list[dt.date]:
        return list(self._days)

    def set_month(self, year: int, month: int) -> None:
        if (year, month) == (self._year, self._month):
            return
        self._year, self._month = year, month
        self._days = month_grid(year, month, self._first_weekday)
        self._all_changed()

    def set_first_weekday(self, first_weekday: int) -> None:
        if first_weekday == self._first_weekday:
            return
        self._first_weekday = first_weekday
        self._days = month_grid(self._year, self._month, first_weekday)
        self.refresh_texts()

    def refresh_texts(self) -> None:
        """Ask the view to read every header and cell again (after a language switch)."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMNS - 1)
        self._all_changed()

    def set_data(self, index: InventoryIndex | None, option: str | None) -> None:
        self._index = index
        self._option = option
        self._all_changed()

    def summary(self, day: dt.date) -> DaySummary | None:
        if self._index is None:
            return None
        return self._index.summary(day, self._option, self._now())

    def today(self) -> dt.date:
        return self._today()

    def now(self) -> dt.datetime:
        """The supplier's clock the days are folded by."""
        return self._now()

    def date_at(self, index: ModelIndex) -> dt.date | None:
        if not index.isValid():
            return None
        return self._days[index.row() * COLUMNS + index.column()]

    def index_of(self, day: dt.date) -> QModelIndex:
        offset = (day - self._days[0]).days
        if not 0 <= offset < DAYS_SHOWN:
            return QModelIndex()
        return self.index(offset // COLUMNS, offset % COLUMNS)

    def _all_changed(self) -> None:
        self.dataChanged.emit(self.index(0, 0), self.index(ROWS - 1, COLUMNS - 1))

    # -- Qt model ------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else ROWS

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMNS

    _FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        return self._FLAGS

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        day = self.date_at(index)
        if day is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            summary = self.summary(day)
            if summary is None:
                return str(day.day)
            if summary.state in (SlotState.CLOSED, SlotState.PAST):
                return f"{day.day} {state_word(summary.state)}"
            return f"{day.day} {summary.seats_left} {state_word(summary.state)}"
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return day_sentence(day, self.summary(day), is_today=day == self._today())
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        weekday = (self._first_weekday + section) % 7
        if role == Qt.ItemDataRole.DisplayRole:
            return QLocale().dayName(weekday + 1, QLocale.FormatType.ShortFormat)
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return QLocale().dayName(weekday + 1, QLocale.FormatType.LongFormat)
        return None
