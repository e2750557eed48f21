"""The New order tab reads the product catalog on the worker, never on the GUI thread.

Rule: the GUI thread never waits on the network, the database or a slow disk (the local
catalog may sit on a slow disk or a network home; "a local SQLite read" is no exception).
``gui_thread_sql`` records which thread ran each SQLite statement, not how long it took.
"""

from __future__ import annotations

import pytest
from gui_thread_guard import GuiThreadStatements
from order_tab_helpers import build_tab, wait_for_catalog
from pytestqt.qtbot import QtBot

from axdesk.store.db import locked
from axdesk.ui.common.context import AppContext
from axdesk.ui.order_entry.drafts import DRAFT_KEY, draft_json
from axdesk.ui.order_entry.state import OrderFormState
from axdesk.ui.order_entry.tab import OrderTab
from axdesk.ui.shell.bootstrap import Shell

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

CATALOG_TABLES = ("product", "product_option")


def catalog_codes(ctx: AppContext) -> list[str]:
    return [product.product_code for product in ctx.catalog.list_products()]


def form_codes(tab: OrderTab) -> list[str]:
    return [product.product_code for product in tab.form.products]


def test_opening_the_new_order_tab_reads_the_catalog_off_the_gui_thread(
    qtbot: QtBot, app_context: AppContext, gui_thread_sql: GuiThreadStatements
) -> None:
    expected = catalog_codes(app_context)
    gui_thread_sql.clear()  # the test's own read, above
    tab = build_tab(qtbot, app_context)
    tab.on_shown()
    catalog_reads = gui_thread_sql.on_tables(*CATALOG_TABLES)
    assert catalog_reads == [], gui_thread_sql.report(catalog_reads)
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


def test_opening_the_new_order_tab_reads_the_draft_off_the_gui_thread(
    qtbot: QtBot, app_context: AppContext, gui_thread_sql: GuiThreadStatements
) -> None:
    app_context.journal.save_draft(DRAFT_KEY, draft_json(OrderFormState(comment="saved")))
    gui_thread_sql.clear()  # the test's own write, above
    tab = build_tab(qtbot, app_context)
    tab.on_shown()
    draft_reads = gui_thread_sql.on_tables("draft")
    assert draft_reads == [], gui_thread_sql.report(draft_reads)
    assert tab.form.state().comment == "saved"  # it came, from the worker


def test_opening_the_new_order_tab_runs_no_statement_on_the_gui_thread(
    qtbot: QtBot, app_context: AppContext, gui_thread_sql: GuiThreadStatements
) -> None:
    tab = build_tab(qtbot, app_context)
    tab.on_shown()
    assert gui_thread_sql.statements == [], gui_thread_sql.report()
    wait_for_catalog(qtbot, tab)


def test_a_catalog_that_cannot_be_read_is_said_once_and_the_lines_keep_their_products(
    qtbot: QtBot, app_context: AppContext, shell: Shell
) -> None:
    tab = build_tab(qtbot, app_context)
    before = form_codes(tab)
    with locked(shell.database):
        shell.database.execute("ALTER TABLE product_option RENAME TO product_option_moved")
    said: list[str] = []
    app_context.worker.error_reported.connect(said.append)
    tab.on_shown()
    wait_for_catalog(qtbot, tab)
    qtbot.waitUntil(lambda: bool(said), timeout=5000)
    assert len(said) == 1
    assert said[0].startswith("The product catalog could not be read")
    assert form_codes(tab) == before
    assert tab.form.lines[0].product_combo.count() == len(before) + 1  # "Choose a product…"
