"""The Inventory tab reads the product catalog on the worker, never on the GUI thread.

Rule: the GUI thread never waits on the network, the database or a slow disk (the local
catalog may sit on a slow disk or a network home). ``gui_thread_sql`` records which thread
ran each SQLite statement, not how long it took, so these tests cannot flake.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from gui_thread_guard import GuiThreadStatements
from inventory_support import LOAD_TIMEOUT_MS, OTHER_PRODUCT
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from axdesk.store.db import locked
from axdesk.ui.common.context import AppContext
from axdesk.ui.inventory.tab import InventoryTab
from axdesk.ui.shell.bootstrap import Shell

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

READ_TIMEOUT_MS = 10_000


def wait_for_catalog(qtbot: QtBot, tab: InventoryTab) -> None:
    """Wait until the read the tab asked for is in (it may be in already)."""
    qtbot.waitUntil(lambda: not tab.products.reading, timeout=READ_TIMEOUT_MS)


def listed_codes(tab: InventoryTab) -> list[str]:
    combo = tab.product_combo
    return [
        combo.itemData(i, Qt.ItemDataRole.ToolTipRole)
        for i in range(combo.count())
        if combo.itemText(i)
    ]


def test_making_and_showing_the_tab_reads_the_catalog_off_the_gui_thread(
    qtbot: QtBot,
    make_tab: Callable[..., InventoryTab],
    app_context: AppContext,
    gui_thread_sql: GuiThreadStatements,
) -> None:
    tab = make_tab()
    assert gui_thread_sql.statements == [], gui_thread_sql.report()
    wait_for_catalog(qtbot, tab)
    tab.on_shown()
    assert gui_thread_sql.statements == [], gui_thread_sql.report()
    wait_for_catalog(qtbot, tab)
    names = [product.product_code for product in app_context.catalog.list_products()]
    assert set(names) <= set(listed_codes(tab))


def test_a_catalog_change_is_read_off_the_gui_thread(
    qtbot: QtBot,
    tab: InventoryTab,
    app_context: AppContext,
    gui_thread_sql: GuiThreadStatements,
) -> None:
    assert app_context.catalog.delete_product(OTHER_PRODUCT)
    gui_thread_sql.clear()  # the test's own write, above
    app_context.events.catalog_changed.emit()
    assert gui_thread_sql.statements == [], gui_thread_sql.report()
    wait_for_catalog(qtbot, tab)
    assert OTHER_PRODUCT not in listed_codes(tab)


@pytest.mark.e2e
def test_a_catalog_that_cannot_be_read_is_said_once_and_a_pasted_code_still_loads(
    qtbot: QtBot, tab: InventoryTab, app_context: AppContext, shell: Shell
) -> None:
    listed = listed_codes(tab)
    with locked(shell.database):
        shell.database.execute("ALTER TABLE product_option RENAME TO product_option_moved")
    with qtbot.assert_not_emitted(app_context.worker.error_reported):
        app_context.events.catalog_changed.emit()
        wait_for_catalog(qtbot, tab)
    assert tab.message_bar.isVisibleTo(tab)
    assert tab.message_bar.text.text().startswith("The product catalog could not be read")
    assert listed_codes(tab) == listed  # the list read before stays
    tab.product_combo.setEditText(OTHER_PRODUCT)
    with qtbot.waitSignal(tab.inventory_loaded, timeout=LOAD_TIMEOUT_MS):
        tab.refresh()
    assert tab.inventory_index is not None
    assert tab.inventory_index.product_code == OTHER_PRODUCT
