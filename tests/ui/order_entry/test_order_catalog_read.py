"""The New order tab reads the product catalog on the worker, never on the GUI thread.

Rule: the GUI thread never waits on the network, the database or a slow disk (the local
catalog may sit on a slow disk or a network home; "a local SQLite read" is no exception).
``gui_thread_sql`` records which thread ran each SQLite statement, not how long it took.
"""

from __future__ import annotations

import pytest
from gui_thread_guard import GuiThreadStatements
from order_tab_helpers import build_tab
from pytestqt.qtbot import QtBot

from axdesk.ui.common.context import AppContext
from axdesk.ui.order_entry.tab import OrderTab

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

READ_TIMEOUT_MS = 10_000


def catalog_codes(ctx: AppContext) -> list[str]:
    return [product.product_code for product in ctx.catalog.list_products()]


def form_codes(tab: OrderTab) -> list[str]:
    return [product.product_code for product in tab.form.products]


def wait_for_catalog(qtbot: QtBot, tab: OrderTab) -> None:
    """Wait until the read the form asked for is in (it may be in already)."""
    qtbot.waitUntil(lambda: not tab.form.reading_catalog, timeout=READ_TIMEOUT_MS)


def test_opening_the_new_order_tab_reads_the_catalog_off_the_gui_thread(
    qtbot: QtBot, app_context: AppContext, gui_thread_sql: GuiThreadStatements
) -> None:
    expected = catalog_codes(app_context)
    gui_thread_sql.clear()  # the test's own read, above
    tab = build_tab(qtbot, app_context)
    tab.on_shown()
    assert gui_thread_sql.statements == [], gui_thread_sql.report()
    wait_for_catalog(qtbot, tab)
    assert form_codes(tab) == expected
    line = tab.form.lines[0]
    assert line.product_combo.count() >= len(expected)


def test_a_catalog_change_reaches_the_form_off_the_gui_thread(
    qtbot: QtBot, app_context: AppContext, gui_thread_sql: GuiThreadStatements
) -> None:
    tab = build_tab(qtbot, app_context)
    removed = catalog_codes(app_context)[0]
    assert app_context.catalog.delete_product(removed)
    gui_thread_sql.clear()  # the test's own writes and reads, above
    app_context.events.catalog_changed.emit()
    assert gui_thread_sql.statements == [], gui_thread_sql.report()
    wait_for_catalog(qtbot, tab)
    assert removed not in form_codes(tab)
