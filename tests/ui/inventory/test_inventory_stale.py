"""While another product loads, or after it failed to, what is on screen is plainly of the
previous product and nothing of it can be booked (it once booked the wrong tour)."""

from __future__ import annotations

import datetime as dt

import httpx
import pytest
from inventory_support import (
    LOAD_TIMEOUT_MS,
    OTHER_PRODUCT,
    PRODUCT,
    load,
    use_fake_server,
)
from PySide6.QtWidgets import QGraphicsOpacityEffect
from pytestqt.qtbot import QtBot

from axdesk.sandbox.embedded import RunningSandbox
from axdesk.ui.common.context import AppContext
from axdesk.ui.inventory.tab import InventoryTab

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

SHOWN_NAME = "서울 도보 투어 / Seoul Walking Tour"
OTHER_NAME = "부산 야경 투어 / Busan Night Tour"


def dimmed(tab: InventoryTab) -> bool:
    effects = [tab.calendar.graphicsEffect(), tab.day_panel.graphicsEffect()]
    return all(
        isinstance(effect, QGraphicsOpacityEffect) and effect.isEnabled() and effect.opacity() < 1
        for effect in effects
    )


def cannot_book(qtbot: QtBot, tab: InventoryTab) -> None:
    """No way to book what is on screen: the button, the table, Enter on a row."""
    assert not tab.day_panel.book_button.isEnabled()
    assert not tab.day_panel.slot_table.isEnabled()
    assert not tab.booking.can_book_selected()
    with qtbot.assert_not_emitted(tab.book_slot_requested):
        tab.booking.book_selected()
        tab.booking.book_at(tab.day_panel.slot_model.index(0, 0))


def test_while_another_product_loads_the_one_shown_is_dimmed_and_cannot_be_booked(
    qtbot: QtBot, tab: InventoryTab, sandbox: RunningSandbox
) -> None:
    load(qtbot, tab)
    tab.calendar.set_selected_date(dt.date(2030, 3, 4))
    assert tab.day_panel.book_button.isEnabled()
    assert not tab.stale_label.isVisibleTo(tab)
    assert not dimmed(tab)

    sandbox.state.faults.latency_ms = 800  # the answer is still on its way below
    with qtbot.waitSignal(tab.inventory_loaded, timeout=LOAD_TIMEOUT_MS):
        tab.product_combo.setCurrentIndex(tab.product_combo.findText(OTHER_NAME))
        tab.product_combo.activated.emit(tab.product_combo.currentIndex())
        assert tab.loading.loading_code == OTHER_PRODUCT
        cannot_book(qtbot, tab)
        assert dimmed(tab)
        assert tab.stale_label.isVisibleTo(tab)
        assert tab.stale_label.text() == (
            f"Loading {OTHER_NAME}… The departures below are of {SHOWN_NAME} and cannot be booked."
        )

    assert not dimmed(tab)
    assert not tab.stale_label.isVisibleTo(tab)
    tab.calendar.set_selected_date(dt.date(2030, 5, 15))
    assert tab.day_panel.slot_table.isEnabled()
    with qtbot.waitSignal(tab.book_slot_requested) as booked:
        tab.booking.book_selected()
    assert booked.args[0].product_code == OTHER_PRODUCT


def test_a_failed_load_leaves_nothing_of_the_other_product_bookable(
    qtbot: QtBot, tab: InventoryTab, app_context: AppContext
) -> None:
    load(qtbot, tab)
    tab.calendar.set_selected_date(dt.date(2030, 3, 4))
    use_fake_server(app_context, lambda request: httpx.Response(503, json={"message": "down"}))
    tab.show_product(OTHER_PRODUCT)
    qtbot.waitUntil(lambda: tab.loading.loading_code is None, timeout=LOAD_TIMEOUT_MS)
    assert tab.message_bar.isVisibleTo(tab)
    cannot_book(qtbot, tab)
    assert dimmed(tab)
    assert tab.stale_label.text() == (
        f"{OTHER_NAME} could not be loaded. The departures below are of {SHOWN_NAME} and "
        "cannot be booked."
    )
    assert tab.current_product_code() == OTHER_PRODUCT


def test_another_product_typed_in_the_box_is_not_booked_as_the_one_shown(
    qtbot: QtBot, tab: InventoryTab
) -> None:
    load(qtbot, tab)
    tab.calendar.set_selected_date(dt.date(2030, 3, 4))
    line_edit = tab.product_combo.lineEdit()
    assert line_edit is not None
    line_edit.setText("DMZ Half-Day Tour")
    cannot_book(qtbot, tab)
    assert tab.stale_label.text() == (
        f"The departures below are of {SHOWN_NAME}, not of the product in the box: "
        "press Enter to show it."
    )
    line_edit.setText(SHOWN_NAME)
    assert tab.day_panel.book_button.isEnabled()
    assert tab.current_product_code() == PRODUCT
