"""What the Inventory tab shows: a pasted or catalog product, and the option filter."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from inventory_support import ADULT, CHILD, LOAD_TIMEOUT_MS, OTHER_PRODUCT, day_text, load
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from axdesk.ui.common.context import AppContext
from axdesk.ui.inventory.index import ALL_OPTIONS
from axdesk.ui.inventory.tab import InventoryTab

# Showing a top-level window on the offscreen platform logs this harmless warning.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.mark.e2e
def test_a_pasted_product_code_loads_and_becomes_a_recent_product(
    qtbot: QtBot, make_tab: Callable[..., InventoryTab], app_context: AppContext
) -> None:
    tab = make_tab()
    tab.product_combo.setEditText(f"  {OTHER_PRODUCT} ")
    assert tab.current_product_code() == OTHER_PRODUCT
    with qtbot.waitSignal(tab.inventory_loaded, timeout=LOAD_TIMEOUT_MS):
        tab.refresh()
    assert app_context.settings.recent_products == (OTHER_PRODUCT,)
    assert tab.calendar.visible_month() == (2030, 5)  # jumped to its first departure
    later = make_tab()
    assert later.product_combo.itemText(0) == "부산 야경 투어 / Busan Night Tour"


@pytest.mark.e2e
def test_the_option_filter_changes_the_day_state(qtbot: QtBot, tab: InventoryTab) -> None:
    load(qtbot, tab)
    labels = [tab.option_combo.itemText(i) for i in range(tab.option_combo.count())]
    assert labels == ["All options", "성인 / Adult", "어린이 / Child"]
    assert tab.selected_option() is ALL_OPTIONS
    assert day_text(tab, dt.date(2030, 3, 5)).split(": ", 1)[1].startswith("On sale.")
    assert "Seats left: 11." in day_text(tab, dt.date(2030, 3, 5))  # 2 adult + 9 child
    tab.option_combo.setCurrentIndex(1)
    assert tab.selected_option() == ADULT
    assert "Nearly full." in day_text(tab, dt.date(2030, 3, 5))
    tab.option_combo.setCurrentIndex(2)
    assert day_text(tab, dt.date(2030, 3, 4)).endswith("no departures.")


@pytest.mark.e2e
def test_a_refresh_with_the_same_options_leaves_the_option_list_as_it_is(
    qtbot: QtBot, tab: InventoryTab
) -> None:
    """Refilling the combo changed its size hint: the whole tab was laid out and painted
    again on every arrival. Same options, same names: the list is not touched."""
    load(qtbot, tab)
    tab.option_combo.setCurrentIndex(2)
    changes: list[str] = []
    model = tab.option_combo.model()
    model.rowsRemoved.connect(lambda *_: changes.append("removed"))
    model.rowsInserted.connect(lambda *_: changes.append("inserted"))
    model.modelReset.connect(lambda: changes.append("reset"))
    load(qtbot, tab)
    assert changes == []
    assert tab.selected_option() == CHILD
    # Another name for an option is another list: it is filled again, the choice kept.
    names = dict(tab.products.option_names)
    names[ADULT] = "Grown-up"
    tab.options.fill(tab.inventory_index, names)
    assert "removed" in changes
    assert tab.option_combo.itemText(1) == "Grown-up"
    assert tab.selected_option() == CHILD


@pytest.mark.e2e
def test_an_option_missing_from_the_catalog_is_shown_by_its_code(
    qtbot: QtBot, make_tab: Callable[..., InventoryTab], app_context: AppContext
) -> None:
    assert app_context.catalog.delete_option(CHILD)
    tab = make_tab()
    load(qtbot, tab)
    labels = [tab.option_combo.itemText(i) for i in range(tab.option_combo.count())]
    assert labels == ["All options", "성인 / Adult", CHILD]


@pytest.mark.e2e
def test_the_wheel_changes_neither_picker_unless_it_was_clicked(
    qtbot: QtBot, tab: InventoryTab
) -> None:
    load(qtbot, tab)
    tab.show()
    qtbot.waitExposed(tab)
    tab.calendar.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(tab.calendar.hasFocus)
    before = (tab.product_combo.currentIndex(), tab.option_combo.currentIndex())
    assert tab.option_combo.count() > 1
    assert tab.product_combo.count() > 1
    with qtbot.assert_not_emitted(tab.loading.changed):
        for combo in (tab.product_combo, tab.option_combo):
            for notches in (-1, -1, 1):
                where = QPointF(combo.rect().center())
                event = QWheelEvent(
                    where,
                    QPointF(combo.mapToGlobal(where.toPoint())),
                    QPoint(),
                    QPoint(0, 120 * notches),
                    Qt.MouseButton.NoButton,
                    Qt.KeyboardModifier.NoModifier,
                    Qt.ScrollPhase.NoScrollPhase,
                    False,
                )
                QApplication.sendEvent(combo, event)
                assert not event.isAccepted()
    assert (tab.product_combo.currentIndex(), tab.option_combo.currentIndex()) == before
    assert tab.option_combo.focusPolicy() == Qt.FocusPolicy.StrongFocus
