""" "Book this slot": hand the selected departure to the order form, or say why not.

Only a departure of the product asked for can be booked: while another one loads
(or failed to), what is on screen is the previous product's, and is refused
(see :mod:`axdesk.ui.inventory.staleness`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QObject, Signal

from axdesk.ui.common.context import SlotRef
from axdesk.ui.common.notice_bar import INFO, NoticeBar
from axdesk.ui.inventory.day_panel import DayPanel
from axdesk.ui.inventory.index import InventoryIndex, SlotState, slot_has_left


class SlotBooking(QObject):
    """Books from the day's slot table: the button, Enter or a double click.

    Signals:
        slot_chosen(object): the operator chose a bookable slot; carries a
            :class:`~axdesk.ui.common.context.SlotRef` for the order form.
    """

    slot_chosen = Signal(object)

    def __init__(
        self,
        panel: DayPanel,
        message_bar: NoticeBar,
        inventory: Callable[[], InventoryIndex | None],
        is_current: Callable[[], bool],
        now: Callable[[], dt.datetime],
        parent: QObject | None = None,
    ) -> None:
        """``now`` is the supplier's clock: a departure gone by it is refused."""
        super().__init__(parent)
        self._panel = panel
        self._message_bar = message_bar
        self._inventory = inventory
        self._is_current = is_current
        self._now = now
        panel.slot_table.activated.connect(self.book_at)
        panel.book_button.clicked.connect(self.book_selected)

    def can_book_selected(self) -> bool:
        row = self._panel.selected_row()
        return row is not None and row.is_bookable and self._is_current()

    def book_selected(self) -> None:
        """Book the selected slot, if there is one."""
        rows = self._panel.slot_table.selectionModel().selectedRows()
        if rows:
            self.book_at(rows[0])

    def book_at(self, index: QModelIndex) -> None:
        """Book the slot of the table's row at ``index``; a slot not on sale is refused
        in words."""
        row = self._panel.slot_model.row_at(index.row())
        inventory = self._inventory()
        if row is None or inventory is None or not self._is_current():
            return  # another product's departures (the tab says so above them)
        slot = row.slot
        if row.state is SlotState.PAST or slot_has_left(slot, self._now()):
            reason = self.tr("This departure has already left.")
        elif not slot.is_bookable:
            reason = (
                self.tr("This departure is not on sale.")
                if not slot.is_order
                else self.tr("This departure is sold out.")
            )
        else:
            reason = ""
        if reason:
            self._message_bar.show_notice(INFO, reason + " " + self.tr("Choose another departure."))
            return
        self.slot_chosen.emit(
            SlotRef(
                product_code=inventory.product_code,
                dc_code=row.dc_code,
                date=slot.date,
                start_time=slot.start_time,
                inventory_code=slot.inventory_code,
            )
        )
