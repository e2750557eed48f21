"""Choosing a departure from the journal: a day, then one of its departures (time and option).

:class:`DeparturePicker` is shared by the day manifest and the bulk cancel of
a departure. The departures of the chosen day are read on the worker
(:func:`axdesk.store.departures.read_departures`); an answer for a day no
longer chosen is dropped. :func:`default_choice` starts both dialogs on the
selected order's day and departure, not on today.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import QDate, QEvent, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from axdesk.store.departures import Departure, DepartureKey, read_departures
from axdesk.store.journal import OrderJournal
from axdesk.store.journal_queries import OrderDetail
from axdesk.ui.common.placeholders import fill_args
from axdesk.ui.common.worker import Call, Worker

ALL_DEPARTURES = "all"
"""The list's first row when the picker offers "every departure of the day"."""


def default_choice(
    detail: OrderDetail | None, today: dt.date, zone: dt.tzinfo
) -> tuple[dt.date, DepartureKey | None]:
    """The day (and departure) to start on: the shown order's first line, else ``today``."""
    if detail is None or not detail.lines:
        return today, None
    line = min(detail.lines, key=lambda line: line.inventory_at)
    key = DepartureKey(line.inventory_at.astimezone(dt.UTC), line.dc_code)
    return line.inventory_at.astimezone(zone).date(), key


class DeparturePicker(QWidget):
    """A date and the departures journaled on it (one chosen).

    Signals:
        loaded(): the departures of the chosen day arrived (maybe none).
        chosen(): the chosen departure changed (see :meth:`departure`).
    """

    loaded = Signal()
    chosen = Signal()

    def __init__(
        self,
        worker: Worker,
        journal: OrderJournal,
        zone: Callable[[], dt.tzinfo],
        day: dt.date,
        prefer: DepartureKey | None = None,
        *,
        offer_all: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._journal = journal
        self._zone = zone
        self._prefer = prefer
        self._offer_all = offer_all
        self._call: Call[list[Departure]] | None = None
        self._departures: list[Departure] = []
        self.is_loading = False

        self.date_edit = QDateEdit(QDate(day.year, day.month, day.day))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.departure_list = QListWidget()
        self.departure_list.setSelectionMode(QListWidget.SelectionMode.SingleSelection)
        self.departure_list.currentRowChanged.connect(lambda _row: self.chosen.emit())
        self.state_label = QLabel()
        self.state_label.setEnabled(False)
        self.date_label = QLabel()
        self.date_label.setBuddy(self.date_edit)
        self.list_label = QLabel()
        self.list_label.setBuddy(self.departure_list)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.date_label, self.date_edit)
        form.addRow(self.list_label, self.departure_list)
        form.addRow("", self.state_label)
        self.date_edit.dateChanged.connect(lambda _date: self.reload())
        self.retranslate_ui()
        self.reload()

    # -- reading ------------------------------------------------------------------------------

    def zone(self) -> dt.tzinfo:
        """The supplier's time zone: the day and the times are in it."""
        return self._zone()

    def day(self) -> dt.date:
        value = self.date_edit.date().toPython()
        assert isinstance(value, dt.date)
        return value

    def reload(self) -> None:
        """Read the departures of the chosen day again (on the worker)."""
        if self._call is not None:
            self._call.cancel()
        day, journal, zone = self.day(), self._journal, self._zone()
        self.is_loading = True
        self.state_label.setText(self.tr("Reading the journal…"))
        self._call = (
            self._worker.call(lambda: read_departures(journal, day, zone))
            .on_success(lambda departures: self._arrived(day, departures))
            .on_error(self._failed)
            .start()
        )

    def stop(self) -> None:
        if self._call is not None:
            self._call.cancel()
            self._call = None

    def _arrived(self, day: dt.date, departures: Sequence[Departure]) -> None:
        if day != self.day():
            return
        self._call = None
        self.is_loading = False
        keep = self.departure()
        wanted = keep.key if keep is not None else self._prefer
        self._departures = list(departures)
        self.departure_list.blockSignals(True)
        self.departure_list.clear()
        if self._offer_all and self._departures:
            QListWidgetItem(
                self.tr("Every departure of the day (one page each)"), self.departure_list
            )
        for departure in self._departures:
            item = QListWidgetItem(self.departure_text(departure), self.departure_list)
            item.setToolTip(departure.option_label())
        row = 0
        for number, departure in enumerate(self._departures):
            if departure.key == wanted:
                row = number + (1 if self._offer_all else 0)
        if self.departure_list.count():
            self.departure_list.setCurrentRow(row)
        self.departure_list.blockSignals(False)
        self.state_label.setText(
            self.tr("No journaled order is used on this day.") if not self._departures else ""
        )
        self.loaded.emit()
        self.chosen.emit()

    def _failed(self, error: BaseException) -> None:
        self._call = None
        self.is_loading = False
        self._worker.report_error(error)
        self.state_label.setText(self.tr("The journal could not be read."))

    # -- the choice ------------------------------------------------------------------------------

    def departures(self) -> list[Departure]:
        return list(self._departures)

    def departure(self) -> Departure | None:
        """The departure chosen; None when none is, or when "every departure" is."""
        row = self.departure_list.currentRow() - (1 if self._offer_all else 0)
        return self._departures[row] if 0 <= row < len(self._departures) else None

    def chosen_departures(self) -> list[Departure]:
        """What to work on: the chosen departure, or every one of the day."""
        if self._offer_all and self.departure_list.currentRow() == 0:
            return list(self._departures)
        chosen = self.departure()
        return [chosen] if chosen is not None else []

    def departure_text(self, departure: Departure) -> str:
        """``10:00 · DMZ 반나절 투어 · 성인 / Adult — 5 travelers, 4 live tickets``."""
        local = departure.use_at.astimezone(self._zone())
        people = self.tr("%n traveler(s)", "", len(departure.coming_travelers))
        live = self.tr("%n live ticket(s)", "", len(departure.live_travelers))
        return fill_args(
            self.tr("%1 · %2 — %3, %4"),
            local.strftime("%H:%M"),
            departure.option_label(),
            people,
            live,
        )

    # -- texts ------------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.date_label.setText(self.tr("&Day:"))
        self.list_label.setText(self.tr("De&parture:"))
        self.date_edit.setAccessibleName(self.tr("Day of the departure"))
        self.departure_list.setAccessibleName(self.tr("Departures journaled on this day"))
        for number, departure in enumerate(self._departures):
            item = self.departure_list.item(number + (1 if self._offer_all else 0))
            if item is not None:
                item.setText(self.departure_text(departure))

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def departure_heading(departure: Departure, zone: dt.tzinfo) -> str:
    """``2026-03-01 10:00 · DMZ 반나절 투어 · 성인 / Adult``."""
    local = departure.use_at.astimezone(zone)
    return f"{local.strftime('%Y-%m-%d %H:%M')} · {departure.option_label()}"
