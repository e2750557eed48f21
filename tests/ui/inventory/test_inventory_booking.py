"""Booking from the slot table: the button, Enter and a double click; a slot not on sale
is refused in words."""

from __future__ import annotations

import datetime as dt

import pytest
from inventory_support import ADULT, PRODUCT, load
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from axdesk.ui.common.context import AppContext, SlotRef
from axdesk.ui.inventory.tab import InventoryTab

# Showing a top-level window on the offscreen platform logs this harmless warning.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.mark.e2e
def test_book_this_slot_emits_the_slot_for_the_order_form(
    qtbot: QtBot, tab: InventoryTab, app_context: AppContext
) -> None:
    load(qtbot, tab)
    tab.calendar.set_selected_date(dt.date(2030, 3, 11))
    tab.day_panel.slot_table.selectRow(1)
    expected = SlotRef(PRODUCT, ADULT, dt.date(2030, 3, 11), dt.time(14, 0), "inv-late")
    with (
        qtbot.assert_not_emitted(app_context.worker.error_reported),
        qtbot.waitSignal(tab.book_slot_requested) as booked,
    ):
        qtbot.mouseClick(tab.day_panel.book_button, Qt.MouseButton.LeftButton)
    assert booked.args == [expected]

    tab.day_panel.slot_table.selectRow(0)
    with qtbot.waitSignal(tab.book_slot_requested) as by_key:
        qtbot.keyClick(tab.day_panel.slot_table, Qt.Key.Key_Return)
    assert by_key.args[0].inventory_code == "inv-early"


@pytest.mark.e2e
def test_double_click_books_and_a_sold_out_slot_is_refused_in_words(
    qtbot: QtBot, tab: InventoryTab
) -> None:
    load(qtbot, tab)
    tab.resize(1200, 800)
    tab.show()
    qtbot.waitExposed(tab)
    tab.calendar.set_selected_date(dt.date(2030, 3, 4))
    center = tab.day_panel.slot_table.visualRect(tab.day_panel.slot_model.index(0, 1)).center()
    viewport = tab.day_panel.slot_table.viewport()
    with qtbot.waitSignal(tab.book_slot_requested) as booked:
        qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=center)
        qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=center)
        qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=center)
    assert booked.args[0].inventory_code == "inv-room"

    tab.calendar.set_selected_date(dt.date(2030, 3, 6))
    assert not tab.day_panel.book_button.isEnabled()
    with qtbot.assert_not_emitted(tab.book_slot_requested):
        qtbot.keyClick(tab.day_panel.slot_table, Qt.Key.Key_Return)
    assert tab.message_bar.text.text() == ("This departure is sold out. Choose another departure.")
