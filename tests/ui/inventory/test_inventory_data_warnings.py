"""Numbers from AX that do not add up: flagged as received, never repaired, shown first."""

from __future__ import annotations

import datetime as dt

import httpx
import pytest
from inventory_support import ADULT, day_text, load, table_texts, use_fake_server, wire_slot
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from axdesk.ui.common.context import AppContext
from axdesk.ui.inventory.slot_model import SlotTableModel
from axdesk.ui.inventory.tab import InventoryTab

# Showing a top-level window on the offscreen platform logs this harmless warning.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_numbers_that_do_not_add_up_are_flagged_not_fixed(
    qtbot: QtBot, tab: InventoryTab, app_context: AppContext
) -> None:
    body = {
        "status_code": 200,
        "option_codes": {
            ADULT: [
                wire_slot("inv-broken", "2030-03-04", remain=20, ordered=5, maximum=20),
                wire_slot("inv-negative", "2030-03-05", remain=-1, ordered=21, maximum=20),
                wire_slot("inv-fine", "2030-03-06", remain=15, ordered=5, maximum=20),
            ]
        },
    }
    use_fake_server(app_context, lambda request: httpx.Response(200, json=body))
    with qtbot.assert_not_emitted(app_context.worker.error_reported):
        load(qtbot, tab)
    assert tab.warning_bar.isVisibleTo(tab)
    assert tab.warning_bar.text.text().startswith(
        "Numbers that do not add up in 2 of the slots AX sent"
    )
    assert "Warning: slots with numbers that do not add up: 1." in day_text(
        tab, dt.date(2030, 3, 4)
    )
    assert "Warning" not in day_text(tab, dt.date(2030, 3, 6))

    tab.calendar.set_selected_date(dt.date(2030, 3, 4))
    model = tab.day_panel.slot_model
    warnings = model.index(0, SlotTableModel.WARNINGS)
    tooltip = model.data(warnings, Qt.ItemDataRole.ToolTipRole)
    assert "20 remaining and 5 ordered, which does not add up to its maximum of 20" in tooltip
    assert not model.data(warnings, Qt.ItemDataRole.DecorationRole).isNull()
    assert table_texts(tab, SlotTableModel.SEATS) == ["20 / 20"]  # as received, not repaired

    tab.calendar.set_selected_date(dt.date(2030, 3, 20))
    qtbot.mouseClick(tab.warning_bar.action, Qt.MouseButton.LeftButton)
    assert tab.calendar.selected_date() == dt.date(2030, 3, 4)
