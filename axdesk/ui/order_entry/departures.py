"""The departures of one line: its time list with the seats left, and the seats note.

The list shows the departures of the line's option on its day, as the live
inventory (:class:`~axdesk.ui.order_entry.inventory_cache.InventoryCache`)
knows them; the note beside the quantity says how many seats the chosen one
has left, or that they are being read. A departure gone by the supplier's clock
is listed as departed and cannot be picked (the order rules refuse it too).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QComboBox, QLabel, QToolButton, QWidget

from axdesk.api import InventorySlot
from axdesk.ui.common.placeholders import fill_args
from axdesk.ui.common.supplier_clock import has_left
from axdesk.ui.common.time_text import time_text
from axdesk.ui.order_entry.inventory_cache import InventoryCache
from axdesk.ui.order_entry.seats import option_slots
from axdesk.ui.order_entry.widgets import INPUT_ROW_HEIGHT


class DeparturePicker(QObject):
    """The time list, its reload button and the seats note of one line.

    The widgets belong to the line (it lays them out); the line says which
    option and day to list (:meth:`show`). ``wanted_time`` is the start time
    chosen, kept even while that departure is not (or no longer) listed.
    """

    def __init__(
        self, inventory: InventoryCache, now: Callable[[], dt.datetime], line: QWidget
    ) -> None:
        super().__init__(line)
        self._inventory = inventory
        self._now = now
        self._where: tuple[str, str, dt.date | None] = ("", "", None)
        self.wanted_time: dt.time | None = None
        self.time_combo = QComboBox(line)
        self.time_combo.setMinimumContentsLength(16)
        self.refresh_button = QToolButton(line)
        self.refresh_button.setText("↻")
        self.seats_label = QLabel(line)
        self.seats_label.setProperty("role", "hint")
        self.seats_label.setMinimumHeight(INPUT_ROW_HEIGHT)

    def retranslate(self, number: int) -> None:
        self.refresh_button.setAccessibleName(
            fill_args(self.tr("Reload the departures of line %1"), str(number))
        )
        self.refresh_button.setToolTip(self.tr("Read the seats left again from AX"))

    def show(self, product_code: str, dc_code: str, day: dt.date | None) -> None:
        """List the departures of this option on this day."""
        self._where = (product_code, dc_code, day)
        self.rebuild()

    def choose_current(self) -> None:
        """The operator picked a time in the list: it becomes the wanted one."""
        chosen = self.time_combo.currentData()
        self.wanted_time = dt.time.fromisoformat(chosen) if chosen else None
        self.update_seats_label()

    def slots(self) -> list[InventorySlot] | None:
        """The departures listed, or None while the inventory is not known."""
        product_code, dc_code, day = self._where
        inventory = self._inventory.get(product_code, day)
        if inventory is None or not dc_code or day is None:
            return None
        return option_slots(inventory, dc_code, day)

    def current_slot(self) -> InventorySlot | None:
        if self.wanted_time is None:
            return None
        return next(
            (
                s
                for s in self.slots() or ()
                if s.start_time.replace(tzinfo=None) == self.wanted_time
            ),
            None,
        )

    def rebuild(self) -> None:
        """List the departures of the chosen option and day with their seats left."""
        combo = self.time_combo
        combo.blockSignals(True)
        combo.clear()
        slots = self.slots()
        combo.addItem(self.tr("Choose a time…"), "")
        wanted_listed = False
        model = combo.model()
        now = self._now()
        for slot in slots or ():
            start = slot.start_time.replace(tzinfo=None)
            clock = time_text(start)
            departed = has_left(slot.date, slot.start_time, now)
            if departed:
                text = fill_args(self.tr("%1 · departed"), clock)
            elif not slot.is_order:
                text = fill_args(self.tr("%1 · not on sale"), clock)
            elif slot.is_sold_out:
                text = fill_args(self.tr("%1 · sold out"), clock)
            else:
                text = fill_args(self.tr("%1 · %2 seats left"), clock, str(slot.remain_quantity))
            combo.addItem(text, start.isoformat(timespec="minutes"))
            if (departed or not slot.is_bookable) and start != self.wanted_time:
                item = (
                    model.item(combo.count() - 1) if isinstance(model, QStandardItemModel) else None
                )
                if item is not None:
                    item.setEnabled(False)
            if start == self.wanted_time:
                wanted_listed = True
        if self.wanted_time is not None and not wanted_listed:
            clock = time_text(self.wanted_time)
            combo.addItem(clock, self.wanted_time.isoformat(timespec="minutes"))
        index = (
            combo.findData(self.wanted_time.isoformat(timespec="minutes"))
            if self.wanted_time
            else 0
        )
        combo.setCurrentIndex(max(0, index))
        combo.blockSignals(False)
        self.update_seats_label()

    def update_seats_label(self) -> None:
        product_code, dc_code, day = self._where
        error = self._inventory.error(product_code, day)
        slots = self.slots()
        slot = self.current_slot()
        if not product_code or day is None:
            text = ""
        elif self._inventory.is_loading(product_code, day):
            text = self.tr("Reading seats…")
        elif error:
            text = error
        elif slots is not None and not slots and dc_code:
            text = self.tr("No departures of this option on this day.")
        elif slot is not None and has_left(slot.date, slot.start_time, self._now()):
            text = self.tr("This departure has left.")
        elif slot is not None and not slot.is_order:
            text = self.tr("This departure is not on sale.")
        elif slot is not None:
            text = fill_args(
                self.tr("of %1 left (min. %2%3)"),
                str(slot.remain_quantity),
                str(slot.min_quantity),
                ", " + self.tr("guaranteed") if slot.is_guaranteed else "",
            )
        else:
            text = ""
        self.seats_label.setText(text)
        self.seats_label.setToolTip(text)
