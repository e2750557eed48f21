"""Looking an order up at AX from the Orders tab (OrderLookup) and importing it.

The real sandbox over loopback and the app's own context (see test_orders_support).
"""

from __future__ import annotations

from typing import Any

import pytest
from test_orders_support import make_tab, place_order, traveler, wait_query

from axdesk.api import OrderStatus
from axdesk.sandbox.embedded import RunningSandbox
from axdesk.store.journal_queries import JournalState
from axdesk.ui.common.context import AppContext
from axdesk.ui.orders.table_model import Column

pytestmark = [
    pytest.mark.e2e,
    # The offscreen platform plugin says this whenever a shown top-level widget's size
    # hints change; it is a limit of the test platform, not a fault of the tab.
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


def test_lookup_and_import_an_order_made_elsewhere(
    qtbot: Any, app_context: AppContext, sandbox: RunningSandbox
) -> None:
    elsewhere = place_order(app_context, sandbox, [traveler("Walk In")], journal=False)
    sandbox.state.set_order_status(elsewhere.ax_order_code, int(OrderStatus.SUPPLIER_CONFIRM))
    tab = make_tab(qtbot, app_context)

    # Searching finds nothing and offers to ask AX.
    qtbot.keyClicks(tab.filters.search_edit, elsewhere.code)
    wait_query(qtbot, tab, elsewhere.code)
    assert tab.model.rowCount() == 0
    qtbot.waitUntil(lambda: tab.filters.hint_frame.isVisible())

    tab.filters.hint_button.click()
    dialog = tab.active_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.result_tree.topLevelItemCount() == 1)  # type: ignore[attr-defined]
    item = dialog.result_tree.topLevelItem(0)  # type: ignore[attr-defined]
    assert item.text(1) == elsewhere.ax_order_code
    assert item.text(2) == "Supplier confirm"
    assert dialog.import_button.isEnabled()  # type: ignore[attr-defined]
    assert app_context.journal.state_of(elsewhere.code) is None

    with (
        qtbot.assert_not_emitted(app_context.worker.error_reported),
        qtbot.waitSignal(tab.order_imported, timeout=5_000) as imported,
    ):
        dialog.import_button.click()  # type: ignore[attr-defined]
    assert imported.args == [elsewhere.code]
    assert app_context.journal.state_of(elsewhere.code) is JournalState.REMOTE
    qtbot.waitUntil(lambda: tab.model.row_of(elsewhere.code) is not None)
    row = tab.model.row_of(elsewhere.code)
    assert row is not None
    assert tab.model.index(row, int(Column.STATUS)).data() == "Supplier confirm"
    assert tab.model.index(row, int(Column.AX_ORDERS)).data() == elsewhere.ax_order_code


def test_lookup_of_an_unknown_code_says_so(
    qtbot: Any, app_context: AppContext, sandbox: RunningSandbox
) -> None:
    tab = make_tab(qtbot, app_context)
    with qtbot.assert_not_emitted(app_context.worker.error_reported):
        dialog = tab.lookup.open("no-such-order-123")
        qtbot.waitUntil(lambda: dialog.lookup_button.isEnabled())
    assert dialog.message_label.text().startswith(
        "AX does not know the order no-such-order-123 (HTTP 404)."
    )
    assert dialog.result_tree.topLevelItemCount() == 0
    assert not dialog.import_button.isEnabled()
