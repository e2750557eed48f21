"""Every keyboard shortcut the README lists, pressed in the window ``axdesk --sandbox`` opens,
each with its effect checked.

Keys go through Qt's shortcut map as a real key press does (``qtbot.keyClick`` on the
focus widget). Two shortcuts that claim the same key in the same place make Qt print
"Ambiguous shortcut overload" and do nothing; pytest's ``qt_log_level_fail`` turns that
warning into a failure of the test.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from axdesk.api import LineInput, TravelerInput, build_order_request, slot_datetime
from axdesk.store.reconcile import Reconciler
from axdesk.ui.connection.dialog import ConnectionDialog
from axdesk.ui.orders.cancel_dialogs import CancelAllDialog, CancelTicketDialog
from axdesk.ui.orders.lookup import LookupDialog
from axdesk.ui.shell.guide import GuideDialog
from axdesk.ui.shell.main_window import INVENTORY_TAB, ORDER_TAB, ORDERS_TAB, MainWindow

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


def journal_an_order(window: MainWindow, names: list[str]) -> str:
    """An order for ``names`` on the first option, journaled as the app does (Reconciler)."""
    ctx = window.ctx
    product = ctx.catalog.list_products()[0]
    option = product.options[0]
    inventory = ctx.connection.client().get_inventory(product.product_code)
    slot = next(
        s
        for s in inventory.options[option.dc_code]
        if s.is_order and s.remain_quantity >= len(names)
    )
    people = [
        TravelerInput(
            name=name,
            national_code="82",
            phone=f"010-1234-{i:04d}",
            email=f"traveler{i}@example.com",
        )
        for i, name in enumerate(names)
    ]
    line = LineInput(
        channel_product_mapping_code=option.channel_product_mapping_code,
        dc_code=option.dc_code,
        inventory_at=slot_datetime(slot.date, slot.start_time),
        unit_price=Decimal(option.unit_price),
        travelers=people,
    )
    request = build_order_request([line], people[0], currency=option.currency)
    outcome = Reconciler(ctx.connection.client, ctx.journal).submit(request)
    assert outcome.is_sent, outcome.message
    return request.order.channel_order_code


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` as an input method delivers it (keyClicks cannot send Korean)."""
    for character in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget,
                QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, character),
            )


def press(qtbot: Any, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier):
    """Press ``key`` where the keyboard focus is, as the operator would."""
    target = QApplication.focusWidget()
    assert isinstance(target, QWidget), "nothing has the keyboard focus"
    qtbot.keyClick(target, key, modifier)


def back_to(qtbot: Any, window: MainWindow) -> None:
    """The main window is active again (offscreen, closing a dialog activates nothing)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())


def idle(qtbot: Any, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.ctx.worker.active_count == 0, timeout=10_000)


def test_every_readme_shortcut_does_what_the_readme_says(qtbot, launch_window) -> None:
    window = launch_window(confirm_after=None)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.isActiveWindow())
    ctrl = Qt.KeyboardModifier.ControlModifier
    shift = Qt.KeyboardModifier.ShiftModifier
    idle(qtbot, window)

    # Ctrl+1 / Ctrl+2 / Ctrl+3 switch tabs.
    window.inventory_tab.product_combo.setFocus()
    press(qtbot, Qt.Key.Key_2, ctrl)
    assert window.tabs.currentIndex() == ORDER_TAB
    press(qtbot, Qt.Key.Key_3, ctrl)
    assert window.tabs.currentIndex() == ORDERS_TAB
    press(qtbot, Qt.Key.Key_1, ctrl)
    assert window.tabs.currentIndex() == INVENTORY_TAB
    idle(qtbot, window)

    # F5 in the Inventory fetches the product shown again.
    inventory = window.inventory_tab
    with qtbot.waitSignal(inventory.inventory_loaded, timeout=10_000):
        inventory.show_product(window.ctx.catalog.list_products()[0].product_code)
    inventory.calendar.setFocus()
    with qtbot.waitSignal(inventory.inventory_loaded, timeout=10_000):
        press(qtbot, Qt.Key.Key_F5)

    # F5 in New order reads the catalog again.
    press(qtbot, Qt.Key.Key_2, ctrl)
    window.order_tab.form.header.purchaser.name_edit.setFocus()
    window.ctx.catalog.upsert_product("F5-PRODUCT", "Added behind the form's back")
    assert "F5-PRODUCT" not in {p.product_code for p in window.order_tab.form.products}
    press(qtbot, Qt.Key.Key_F5)
    qtbot.waitUntil(  # the catalog is read on the worker
        lambda: "F5-PRODUCT" in {p.product_code for p in window.order_tab.form.products},
        timeout=10_000,
    )
    window.ctx.catalog.delete_product("F5-PRODUCT")

    # Ctrl+Enter sends, or (the form is blank) shows what is missing and goes there.
    assert not window.order_tab.form.visible_problems()
    press(qtbot, Qt.Key.Key_Return, ctrl)
    assert window.order_tab.form.visible_problems()
    idle(qtbot, window)

    # F5 in Orders reads the journal again (and asks AX about open orders).
    press(qtbot, Qt.Key.Key_3, ctrl)
    orders = window.orders_tab
    qtbot.waitUntil(lambda: orders.model.has_loaded and not orders.model.is_loading)
    before = orders.model.total_count
    code = journal_an_order(window, ["남궁민수", "황보예린"])
    orders.table.setFocus()
    press(qtbot, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: orders.model.total_count == before + 1 and not orders.model.is_loading)

    # Ctrl+F puts the focus in the search box.
    orders.table.setFocus()
    press(qtbot, Qt.Key.Key_F, ctrl)
    assert QApplication.focusWidget() is orders.filters.search_edit

    # Ctrl+L opens the lookup at AX; Esc closes it.
    press(qtbot, Qt.Key.Key_L, ctrl)
    assert isinstance(orders.active_dialog, LookupDialog)
    lookup = orders.active_dialog
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None and lookup.isActiveWindow())
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: orders.active_dialog is None)

    # Ctrl+F, the caller's name, Enter: the order is shown and its tickets have the focus.
    back_to(qtbot, window)
    orders.table.setFocus()
    press(qtbot, Qt.Key.Key_F, ctrl)
    type_text(orders.filters.search_edit, "남궁민수")
    qtbot.waitUntil(
        lambda: orders.model.criteria.text == "남궁민수" and not orders.model.is_loading
    )
    # ↓ walks into the list, Enter there moves to the order's tickets.
    press(qtbot, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is orders.table
    qtbot.waitUntil(lambda: orders.selection.code == code)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is orders.detail.tickets_view)
    # Enter in the search box does the same in one step.
    press(qtbot, Qt.Key.Key_F, ctrl)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is orders.detail.tickets_view)
    qtbot.waitUntil(lambda: orders.detail.tickets_view.currentIndex().isValid())

    # Delete on a ticket asks; Esc keeps the ticket, Enter cancels it.
    press(qtbot, Qt.Key.Key_Delete)
    confirm = orders.active_dialog
    assert isinstance(confirm, CancelTicketDialog)
    qtbot.waitUntil(lambda: confirm.isActiveWindow())
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: orders.active_dialog is None)
    assert len(orders.detail.live_targets()) == 2

    back_to(qtbot, window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is orders.detail.tickets_view)
    press(qtbot, Qt.Key.Key_Delete)
    confirm = orders.active_dialog
    assert isinstance(confirm, CancelTicketDialog)
    qtbot.waitUntil(lambda: confirm.isActiveWindow())
    with qtbot.waitSignal(orders.ticket_cancelled, timeout=10_000):
        press(qtbot, Qt.Key.Key_Return)

    # Ctrl+Shift+Delete in the order's details asks to cancel every live ticket.
    qtbot.waitUntil(lambda: len(orders.detail.live_targets()) == 1)
    back_to(qtbot, window)
    orders.detail.tickets_view.setFocus()
    press(qtbot, Qt.Key.Key_Delete, ctrl | shift)
    assert isinstance(orders.active_dialog, CancelAllDialog)
    cancel_all = orders.active_dialog
    qtbot.waitUntil(lambda: cancel_all.isActiveWindow())
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: orders.active_dialog is None)
    idle(qtbot, window)

    # Ctrl+Shift+K opens Connection > Connect….
    back_to(qtbot, window)
    orders.table.setFocus()
    press(qtbot, Qt.Key.Key_K, ctrl | shift)
    dialog = window.findChild(ConnectionDialog)
    assert dialog is not None
    assert dialog.isVisible()
    dialog.reject()
    back_to(qtbot, window)

    # F1 opens the documentation (the operator's guide, inside axdesk).
    orders.table.setFocus()
    press(qtbot, Qt.Key.Key_F1)
    guide = window.findChild(GuideDialog)
    assert guide is not None
    assert guide.isVisible()
    assert guide.browser.source() == window.documentation_url()
    guide.reject()
    back_to(qtbot, window)

    # Ctrl+Q quits.
    idle(qtbot, window)
    press(qtbot, Qt.Key.Key_Q, ctrl)
    qtbot.waitUntil(lambda: not window.isVisible())
    assert window.stopped_cleanly is True
