"""Departures already gone by the supplier's clock are shown as past and cannot be booked
(today's 07:30 showed "On sale" at 09:43 Seoul time)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from zoneinfo import ZoneInfo

import pytest
from inventory_support import day_text, load, table_texts
from pytestqt.qtbot import QtBot

from axdesk.ui.inventory.slot_model import SlotTableModel
from axdesk.ui.inventory.tab import InventoryTab

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

SEOUL = ZoneInfo("Asia/Seoul")
ELEVENTH = dt.date(2030, 3, 11)  # departures at 09:00 and 14:00


def test_a_departure_gone_is_past_in_the_list_and_the_calendar_and_is_not_booked(
    qtbot: QtBot, make_tab: Callable[..., InventoryTab]
) -> None:
    now = [dt.datetime(2030, 3, 11, 9, 43, tzinfo=SEOUL)]
    tab = make_tab(now=lambda: now[0], today=None)
    load(qtbot, tab)
    tab.calendar.set_selected_date(ELEVENTH)
    assert table_texts(tab, SlotTableModel.STATE) == ["Departed", "On sale"]
    assert table_texts(tab, SlotTableModel.SEATS)[0] == "Departed"
    assert tab.day_panel.selected_row() is tab.day_panel.slot_model.row_at(1)  # the next one
    assert tab.day_panel.book_button.isEnabled()

    tab.day_panel.slot_table.selectRow(0)
    assert not tab.day_panel.book_button.isEnabled()
    with qtbot.assert_not_emitted(tab.book_slot_requested):
        tab.booking.book_selected()
    assert tab.message_bar.text.text() == (
        "This departure has already left. Choose another departure."
    )
    assert "Departures on sale: 1." in day_text(tab, ELEVENTH)
    assert day_text(tab, dt.date(2030, 3, 4)).endswith(": departed.")

    # A slot listed as open that leaves while the list is on screen is refused too.
    tab.day_panel.slot_table.selectRow(1)
    now[0] = dt.datetime(2030, 3, 11, 14, 0, tzinfo=SEOUL)
    with qtbot.assert_not_emitted(tab.book_slot_requested):
        tab.booking.book_selected()
    assert tab.message_bar.text.text().startswith("This departure has already left.")


def test_a_closed_slot_says_closed_under_seats_left(qtbot: QtBot, tab: InventoryTab) -> None:
    """Not "16 / 16": a slot not on sale has no seats to sell."""
    load(qtbot, tab)
    tab.calendar.set_selected_date(dt.date(2030, 3, 7))
    assert table_texts(tab, SlotTableModel.SEATS) == ["Closed"]
    tab.calendar.set_selected_date(dt.date(2030, 3, 4))
    assert table_texts(tab, SlotTableModel.SEATS) == ["15 / 20"]
