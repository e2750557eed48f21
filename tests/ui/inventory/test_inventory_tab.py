"""The Inventory tab end to end: its parts wired together on the sandbox over real loopback.

What each part does on its own is tested beside it (``test_inventory_<module>.py``);
here the tab's own work: loading a picked product into every part, the month
buttons, names and tab order, and a live language switch.
"""

from __future__ import annotations

import datetime as dt

import pytest
from inventory_support import LOAD_TIMEOUT_MS, PRODUCT, TODAY, day_text, load
from PySide6.QtCore import QCoreApplication, QDate, QEvent, QLocale, Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QComboBox, QHeaderView, QWidget
from pytestqt.qtbot import QtBot

from axdesk.ui.common.context import AppContext
from axdesk.ui.inventory.tab import InventoryTab

# Showing a top-level window on the offscreen platform logs this harmless warning.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.mark.e2e
def test_loads_a_product_picked_from_the_catalog(
    qtbot: QtBot, tab: InventoryTab, app_context: AppContext
) -> None:
    names = [tab.product_combo.itemText(i) for i in range(tab.product_combo.count())]
    assert names == ["부산 야경 투어 / Busan Night Tour", "서울 도보 투어 / Seoul Walking Tour"]
    with qtbot.assert_not_emitted(app_context.worker.error_reported):
        with qtbot.waitSignal(tab.inventory_loaded, timeout=LOAD_TIMEOUT_MS) as loaded:
            tab.product_combo.setCurrentIndex(1)
            tab.product_combo.activated.emit(1)
        assert loaded.args == [PRODUCT]
    index = tab.inventory_index
    assert index is not None
    assert index.slot_count == 9
    assert tab.calendar.visible_month() == (2030, 3)
    assert not tab.message_bar.isVisibleTo(tab)
    assert "9 slots" in tab.status_label.text()
    assert app_context.settings.recent_products[0] == PRODUCT


@pytest.mark.e2e
def test_month_navigation_by_buttons_and_keys(qtbot: QtBot, tab: InventoryTab) -> None:
    load(qtbot, tab)
    assert tab.month_label.text() == "March 2030"
    qtbot.mouseClick(tab.next_button, Qt.MouseButton.LeftButton)
    assert tab.month_label.text() == "April 2030"
    assert "Seats left: 20." in day_text(tab, dt.date(2030, 4, 2))
    qtbot.keyClick(tab.calendar, Qt.Key.Key_PageUp)
    assert tab.month_label.text() == "March 2030"
    qtbot.mouseClick(tab.previous_button, Qt.MouseButton.LeftButton)
    assert tab.calendar.visible_month() == (2030, 2)
    qtbot.keyClick(tab.calendar, Qt.Key.Key_PageDown)
    tab.calendar.set_selected_date(dt.date(2030, 3, 31))
    qtbot.keyClick(tab.calendar, Qt.Key.Key_Right)
    assert tab.calendar.selected_date() == dt.date(2030, 4, 1)
    assert tab.month_label.text() == "April 2030"
    qtbot.mouseClick(tab.today_button, Qt.MouseButton.LeftButton)
    assert tab.calendar.selected_date() == TODAY
    assert "(today)" in day_text(tab, TODAY)


def test_every_control_has_an_accessible_name(tab: InventoryTab) -> None:
    def is_qt_internal(control: QWidget) -> bool:
        """Corner buttons, headers and combo pop-ups belong to Qt, which names them."""
        if control.objectName().startswith("qt_") or isinstance(control, QHeaderView):
            return True
        parent = control.parentWidget()
        while parent is not None:
            if isinstance(parent, QComboBox):
                return True
            parent = parent.parentWidget()
        return False

    controls: list[QWidget] = [
        *tab.findChildren(QAbstractButton),
        *tab.findChildren(QComboBox),
        *tab.findChildren(QAbstractItemView),
    ]
    checked = [control for control in controls if not is_qt_internal(control)]
    assert len(checked) >= 14
    assert [type(c).__name__ for c in checked if not c.accessibleName()] == []


def test_tab_order_follows_the_screen(tab: InventoryTab) -> None:
    def next_focusable(widget: QWidget) -> QWidget:
        following = widget.nextInFocusChain()
        while following is not None and (
            following.focusPolicy() == Qt.FocusPolicy.NoFocus or following.isAncestorOf(widget)
        ):
            following = following.nextInFocusChain()
        assert following is not None
        return following

    order: list[QWidget] = [tab.product_combo]
    for _ in range(12):
        order.append(next_focusable(order[-1]))
    wanted: list[QWidget] = [
        tab.refresh_button,
        tab.option_combo,
        tab.previous_button,
        tab.next_button,
        tab.today_button,
        tab.export_button,
        tab.calendar,
        tab.day_panel.slot_table,
        tab.day_panel.book_button,
    ]
    positions = [order.index(widget) for widget in wanted]
    assert positions == sorted(positions)


def test_a_language_switch_rewrites_the_texts_live(qtbot: QtBot, tab: InventoryTab) -> None:
    load(qtbot, tab)
    previous = QLocale()
    korean = QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea)
    QLocale.setDefault(korean)
    try:
        QCoreApplication.sendEvent(tab, QEvent(QEvent.Type.LanguageChange))
        assert tab.month_label.text() == f"{korean.standaloneMonthName(3)} 2030"
        first = tab.calendar.month_model().first_weekday
        assert first == korean.firstDayOfWeek().value - 1
        assert tab.calendar.month_model().headerData(0, Qt.Orientation.Horizontal) == (
            korean.dayName(first + 1, QLocale.FormatType.ShortFormat)
        )
        assert korean.toString(QDate(2030, 3, 4), QLocale.FormatType.LongFormat) in day_text(
            tab, dt.date(2030, 3, 4)
        )
        assert tab.calendar.selected_date() == TODAY
    finally:
        QLocale.setDefault(previous)
        QCoreApplication.sendEvent(tab, QEvent(QEvent.Type.LanguageChange))
    assert tab.month_label.text() == "March 2030"
