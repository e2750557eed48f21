"""The selected day's panel: its heading, summary and slot table."""

from __future__ import annotations

import datetime as dt

import pytest
from inventory_support import load, table_texts
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from axdesk.ui.inventory.slot_model import SlotTableModel
from axdesk.ui.inventory.tab import InventoryTab

# Showing a top-level window on the offscreen platform logs this harmless warning.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.mark.e2e
def test_selecting_a_day_lists_its_slots(qtbot: QtBot, tab: InventoryTab) -> None:
    load(qtbot, tab)
    tab.calendar.set_selected_date(dt.date(2030, 3, 11))
    heading = tab.day_panel.day_label.text()
    assert "Monday" in heading
    assert "11" in heading
    assert "2030" in heading
    assert table_texts(tab, SlotTableModel.START) == ["09:00", "14:00"]
    assert table_texts(tab, SlotTableModel.OPTION) == ["성인 / Adult", "성인 / Adult"]
    assert table_texts(tab, SlotTableModel.SEATS) == ["14 / 20", "19 / 20"]
    assert table_texts(tab, SlotTableModel.PARTICIPANTS) == ["6 / 5", "1 / 5"]
    assert table_texts(tab, SlotTableModel.STATE) == ["On sale", "On sale"]
    model = tab.day_panel.slot_model
    spoken = [
        model.data(
            model.index(row, SlotTableModel.PARTICIPANTS), Qt.ItemDataRole.AccessibleTextRole
        )
        for row in range(2)
    ]
    assert spoken == ["6 of min. 5, guaranteed", "1 of min. 5, 4 more needed"]
    assert "Departures on sale: 2. Seats left: 33." in tab.day_panel.day_summary_label.text()

    tab.calendar.set_selected_date(dt.date(2030, 3, 7))
    assert table_texts(tab, SlotTableModel.STATE) == ["Closed"]
    assert not tab.day_panel.book_button.isEnabled()
    tab.calendar.set_selected_date(dt.date(2030, 3, 9))
    assert tab.day_panel.slot_model.rowCount() == 0
    assert tab.day_panel.day_summary_label.text() == "No departures on this day."
