"""Live sync as the Orders tab shows it (LiveSyncView): notifications and rows.

The real sandbox over loopback and the app's own context (see test_orders_support).
"""

from __future__ import annotations

from typing import Any

import pytest
from test_orders_support import Placed, make_tab, place_order, traveler

from axdesk.api import OrderStatus
from axdesk.sandbox.embedded import RunningSandbox
from axdesk.store.sync import SyncChange
from axdesk.ui.common.context import AppContext
from axdesk.ui.orders.table_model import Column
from axdesk.ui.shell.bootstrap import Shell
from axdesk.ui.shell.call_log import read_tail

pytestmark = [
    pytest.mark.e2e,
    # The offscreen platform plugin says this whenever a shown top-level widget's size
    # hints change; it is a limit of the test platform, not a fault of the tab.
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


def test_sync_picks_up_supplier_confirm_and_reject(
    qtbot: Any, app_context: AppContext, sandbox: RunningSandbox, shell: Shell
) -> None:
    first = place_order(app_context, sandbox, [traveler("김민준")])
    second = place_order(app_context, sandbox, [traveler("Park Jisoo")], option=1)
    tab = make_tab(qtbot, app_context)
    notes: list[tuple[str, str]] = []
    tab.notify.connect(lambda title, text: notes.append((title, text)))
    changes: list[SyncChange] = []
    tab.status_changed.connect(changes.append)

    sandbox.state.set_order_status(first.ax_order_code, int(OrderStatus.SUPPLIER_CONFIRM))
    sandbox.state.set_order_status(second.ax_order_code, int(OrderStatus.SUPPLIER_REJECT), "만석")
    with qtbot.assert_not_emitted(app_context.worker.error_reported):
        tab.sync.start()
        qtbot.waitUntil(lambda: len(notes) == 2, timeout=10_000)

    by_code = {change.ax_order_code: change for change in changes}
    assert by_code[first.ax_order_code].old is OrderStatus.NEW
    assert by_code[first.ax_order_code].new is OrderStatus.SUPPLIER_CONFIRM
    assert by_code[second.ax_order_code].new is OrderStatus.SUPPLIER_REJECT
    titles = sorted(title for title, _text in notes)
    assert titles == ["Supplier confirmed an order", "Supplier rejected an order"]
    assert any("만석" in text for _title, text in notes)

    def shown_status(placed: Placed) -> str:
        row = tab.model.row_of(placed.code)
        assert row is not None
        return str(tab.model.index(row, int(Column.STATUS)).data())

    qtbot.waitUntil(lambda: shown_status(first) == "Supplier confirm")
    qtbot.waitUntil(lambda: shown_status(second) == "Supplier reject")
    detail = app_context.journal.get_order(second.code)
    assert detail is not None
    history = detail.ax_orders[0].history
    assert (history[-1].from_status, history[-1].to_status) == (
        OrderStatus.NEW,
        OrderStatus.SUPPLIER_REJECT,
    )

    # Final states are not asked about again (every call has its line in the call log;
    # call_finished is coalesced, so it does not name each one).
    call_log = shell.call_log
    cycles = tab.sync.cycles_finished
    qtbot.waitUntil(lambda: tab.sync.cycles_finished >= cycles + 1, timeout=5_000)
    call_log.flush()
    earlier = len(read_tail(call_log.path).splitlines())
    cycles = tab.sync.cycles_finished
    qtbot.waitUntil(lambda: tab.sync.cycles_finished >= cycles + 2, timeout=5_000)
    call_log.flush()
    asked = [line.split()[2] for line in read_tail(call_log.path).splitlines()[earlier:]]
    assert not [
        path for path in asked if first.ax_order_code in path or second.ax_order_code in path
    ]
    tab.shutdown()
