"""The calendar's painted day cells: each state in its colour, and in words."""

from __future__ import annotations

import datetime as dt

import pytest
from inventory_support import ADULT, day_text, load
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from axdesk.ui.inventory.index import SlotState
from axdesk.ui.inventory.painting import STATE_COLOURS
from axdesk.ui.inventory.tab import InventoryTab

# Showing a top-level window on the offscreen platform logs this harmless warning.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.mark.e2e
def test_each_day_shows_its_state_in_colour_and_in_words(qtbot: QtBot, tab: InventoryTab) -> None:
    load(qtbot, tab)
    tab.set_option(ADULT)
    index = tab.inventory_index
    assert index is not None
    expected = {
        4: SlotState.ROOM,
        5: SlotState.NEARLY_FULL,
        6: SlotState.SOLD_OUT,
        7: SlotState.CLOSED,
        8: SlotState.ROOM,
    }
    for day, state in expected.items():
        summary = index.summary(dt.date(2030, 3, day), ADULT)
        assert summary is not None
        assert summary.state is state, day
    assert "Seats left: 15." in day_text(tab, dt.date(2030, 3, 4))
    assert "Nearly full." in day_text(tab, dt.date(2030, 3, 5))
    assert "Seats left: 2." in day_text(tab, dt.date(2030, 3, 5))
    assert "Sold out." in day_text(tab, dt.date(2030, 3, 6))
    assert "closed, not on sale" in day_text(tab, dt.date(2030, 3, 7))
    assert "Guaranteed to run: 1." in day_text(tab, dt.date(2030, 3, 4))
    below = day_text(tab, dt.date(2030, 3, 8))
    assert "Not yet guaranteed (below the minimum): 1." in below
    assert "Guaranteed" not in below
    both = day_text(tab, dt.date(2030, 3, 11))
    assert "Guaranteed to run: 1." in both
    assert "Not yet guaranteed (below the minimum): 1." in both
    assert day_text(tab, dt.date(2030, 3, 9)).endswith("no departures.")

    # The painted cells carry each state's colour in their bottom strip.
    tab.resize(1200, 800)
    tab.show()
    qtbot.waitExposed(tab)
    image = tab.calendar.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    for day, state in expected.items():
        rect = tab.calendar.visualRect(tab.calendar.month_model().index_of(dt.date(2030, 3, day)))
        point = QPoint(rect.center().x(), rect.bottom() - 3)
        colour = QColor(image.pixel(round(point.x() * ratio), round(point.y() * ratio)))
        wanted = STATE_COLOURS[state]
        assert abs(colour.red() - wanted.red()) < 12, (day, colour.name(), wanted.name())
        assert abs(colour.green() - wanted.green()) < 12, (day, colour.name(), wanted.name())
        assert abs(colour.blue() - wanted.blue()) < 12, (day, colour.name(), wanted.name())
