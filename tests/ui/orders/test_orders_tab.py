"""The Orders tab end to end, across its helpers: the keyboard flows, the supplier's today,
accessible names.

The real sandbox over loopback and the app's own context (see test_orders_support).
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QWidget,
)
from test_orders_support import make_tab, place_order, traveler

from axdesk.api import OrderStatus, TicketStatus
from axdesk.sandbox.embedded import RunningSandbox
from axdesk.store.cancel import CancelOutcome
from axdesk.ui.common.context import AppContext, ConnectionProfile, supplier_today
from axdesk.ui.orders.cancel_dialogs import CancelAllDialog, CancelReportDialog, CancelTicketDialog
from axdesk.ui.orders.departure_cancel import DepartureCancelDialog
from axdesk.ui.orders.departure_picker import DeparturePicker
from axdesk.ui.orders.export import ManifestDialog
from axdesk.ui.orders.lookup import LookupDialog
from axdesk.ui.orders.manifest_print import ManifestPrintDialog
from axdesk.ui.orders.table_model import Column

pytestmark = [
    pytest.mark.e2e,
    # The offscreen platform plugin says this whenever a shown top-level widget's size
    # hints change; it is a limit of the test platform, not a fault of the tab.
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


def test_keyboard_cancel_one_of_three_tickets(
    qtbot: Any, app_context: AppContext, sandbox: RunningSandbox
) -> None:
    placed = place_order(
        app_context,
        sandbox,
        [
            traveler("김민준", "010-2345-6789"),
            traveler("이서연", "010-3333-4444"),
            traveler("박지훈", "010-5555-6666"),
        ],
    )
    place_order(app_context, sandbox, [traveler("Someone Else", "010-7777-8888")])
    seats_before = sandbox.state.slot(placed.slot.inventory_code).remain_quantity
    tab = make_tab(qtbot, app_context)

    # Ctrl+F, type the caller's phone as they say it, Enter.
    qtbot.keyClick(tab, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert tab.filters.search_edit.hasFocus()
    qtbot.keyClicks(tab.filters.search_edit, "01033334444")
    with qtbot.waitSignal(tab.detail_shown, timeout=5_000):
        qtbot.keyClick(tab.filters.search_edit, Qt.Key.Key_Return)
    # The found order's tickets have the focus, on the caller's own ticket.
    qtbot.waitUntil(lambda: tab.detail.tickets_view.hasFocus())
    target = tab.detail.selected_target()
    assert target is not None
    assert target.traveler_name == "이서연"
    assert target.ticket_code == placed.ticket_code(1)

    # Delete opens the confirmation, which names the traveler, date and option.
    qtbot.keyClick(tab.detail.tickets_view, Qt.Key.Key_Delete)
    dialog = tab.active_dialog
    assert isinstance(dialog, CancelTicketDialog)
    facts = " ".join(label.text() for label in dialog.findChildren(type(tab.count_label)))
    assert "이서연" in facts
    assert placed.slot.start_time.strftime("%H:%M") in facts
    assert "성인 / Adult" in facts
    assert dialog.confirm_button.isDefault()

    # Enter confirms (the default button).
    with (
        qtbot.assert_not_emitted(app_context.worker.error_reported),
        qtbot.assert_not_emitted(tab.cancel_failed),
        qtbot.waitSignal(tab.ticket_cancelled, timeout=10_000) as cancelled,
    ):
        qtbot.keyClick(dialog.comment_edit, Qt.Key.Key_Return)
    assert cancelled.args == [placed.ticket_code(1)]

    # AX gave the seat back and cancelled exactly that ticket.
    assert sandbox.state.slot(placed.slot.inventory_code).remain_quantity == seats_before + 1
    tickets = {t.ax_ticket_code: t.status for t in sandbox.state.orders_for(placed.code)[0].tickets}
    assert tickets[placed.ticket_code(1)] == "Traveler canceled"
    assert tickets[placed.ticket_code(0)] == tickets[placed.ticket_code(2)] == "New"
    # The journal and the view agree.
    detail = app_context.journal.get_order(placed.code)
    assert detail is not None
    statuses = [ticket.status for ticket in detail.tickets]
    assert statuses == [TicketStatus.NEW, TicketStatus.TRAVELER_CANCELED, TicketStatus.NEW]
    assert detail.ax_orders[0].status is OrderStatus.NEW
    qtbot.waitUntil(
        lambda: (
            tab.detail.detail is not None
            and tab.detail.detail.tickets[1].status is TicketStatus.TRAVELER_CANCELED
        )
    )
    cancelled_row = tab.detail.tickets_model.index(1, 0)
    assert not (cancelled_row.flags() & Qt.ItemFlag.ItemIsSelectable)
    row = tab.model.row_of(placed.code)
    assert row is not None
    qtbot.waitUntil(
        lambda: str(tab.model.index(row, int(Column.TRAVELERS)).data()).startswith("2/3 · ")
    )


def test_keyboard_walks_the_list_and_esc_keeps_the_tickets(
    qtbot: Any, app_context: AppContext, sandbox: RunningSandbox
) -> None:
    placed = place_order(app_context, sandbox, [traveler("김민준"), traveler("이서연")])
    tab = make_tab(qtbot, app_context)
    tab.search.focus()
    # Down from the search box walks into the list; Enter there moves to the tickets.
    with qtbot.waitSignal(tab.detail_shown, timeout=5_000):
        qtbot.keyClick(tab.filters.search_edit, Qt.Key.Key_Down)
    assert tab.table.hasFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.detail.tickets_view.hasFocus())
    assert tab.detail.selected_target() is not None

    # Ctrl+Shift+Delete asks to cancel every live ticket; Esc keeps them.
    qtbot.keyClick(
        tab.detail.tickets_view,
        Qt.Key.Key_Delete,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = tab.active_dialog
    assert dialog is not None
    assert dialog.windowTitle() == "Cancel all tickets"
    with qtbot.assert_not_emitted(tab.cancel_all_finished):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        qtbot.wait(200)
    assert tab.active_dialog is None
    tickets = [t.status for t in sandbox.state.orders_for(placed.code)[0].tickets]
    assert tickets == ["New", "New"]

    # Delete then Esc keeps the single ticket too.
    # (The offscreen platform does not give the window back its activation when a
    # dialog closes, as a desktop does; the tickets list is its focus widget again.)
    tab.activateWindow()
    qtbot.waitUntil(lambda: tab.detail.tickets_view.hasFocus())
    qtbot.keyClick(tab.detail.tickets_view, Qt.Key.Key_Delete)
    assert isinstance(tab.active_dialog, CancelTicketDialog)
    with qtbot.assert_not_emitted(tab.ticket_cancelled):
        qtbot.keyClick(tab.active_dialog, Qt.Key.Key_Escape)
        qtbot.wait(200)
    assert [t.status for t in sandbox.state.orders_for(placed.code)[0].tickets] == ["New", "New"]


def _picker(tab: Any) -> DeparturePicker:
    return DeparturePicker(tab.ctx.worker, tab.ctx.journal, tab.zone, dt.date(2026, 3, 1))


def _unnamed_controls(top: QWidget) -> list[str]:
    """Focusable inputs and buttons (and lists) of ``top`` without an accessible name."""
    kinds = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView)
    unnamed = []
    for widget in top.findChildren(QWidget):
        if not isinstance(widget, kinds) or isinstance(widget.parent(), QAbstractSpinBox):
            continue
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or not widget.isVisibleTo(top):
            continue
        if not widget.accessibleName():
            unnamed.append(f"{type(widget).__name__} {widget.objectName()!r} {widget!r}")
    return unnamed


def test_days_of_use_start_from_the_suppliers_today(
    qtbot: Any, app_context: AppContext, sandbox: RunningSandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    here = dt.date.today()
    # At any hour one of these two zones is on another date than this computer.
    zone = next(
        name
        for name in ("Pacific/Kiritimati", "Etc/GMT+12")
        if dt.datetime.now(ZoneInfo(name)).date() != here
    )
    client = app_context.connection.client()
    app_context.connection.use(
        ConnectionProfile("far", "custom", sandbox.base_url, supplier_timezone=zone), client
    )
    suppliers_today = dt.datetime.now(ZoneInfo(zone)).date()
    tab = make_tab(qtbot, app_context)

    assert tab.filters.date_from.date().toPython() == suppliers_today
    offered: list[dt.date] = []

    def look(dialog: ManifestDialog) -> int:
        offered.append(dialog.day())
        return QDialog.DialogCode.Rejected.value

    monkeypatch.setattr(ManifestDialog, "exec", look)
    tab.filters.export_manifest_action.trigger()
    assert offered == [suppliers_today]


def test_the_manifest_csv_starts_on_the_selected_orders_day(
    qtbot: Any, app_context: AppContext, sandbox: RunningSandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    today = supplier_today(app_context.connection.supplier_timezone)
    placed = place_order(app_context, sandbox, [traveler("김민준")], after=today)
    tab = make_tab(qtbot, app_context)
    with qtbot.waitSignal(tab.detail_shown):
        tab.show_order(placed.code)
    offered: list[dt.date] = []

    def look(dialog: ManifestDialog) -> int:
        offered.append(dialog.day())
        return QDialog.DialogCode.Rejected.value

    monkeypatch.setattr(ManifestDialog, "exec", look)
    tab.filters.export_manifest_action.trigger()
    assert offered == [placed.slot.date]
    assert placed.slot.date != today


def test_every_input_and_button_has_an_accessible_name(
    qtbot: Any, app_context: AppContext, sandbox: RunningSandbox
) -> None:
    placed = place_order(app_context, sandbox, [traveler("김민준"), traveler("이서연")])
    tab = make_tab(qtbot, app_context)
    with qtbot.waitSignal(tab.detail_shown):
        tab.show_order(placed.code)
    tab.filters.hint_frame.show()
    assert _unnamed_controls(tab) == []

    targets = tab.detail.live_targets()
    outcome = CancelOutcome(targets[0], False, "reason")
    for dialog in (
        CancelTicketDialog(targets[0], tab),
        CancelAllDialog(placed.code, targets, tab),
        CancelReportDialog([outcome], tab),
        LookupDialog("", tab),
        ManifestDialog(dt.date(2026, 3, 1), tab),
        ManifestPrintDialog(_picker(tab), tab),
        DepartureCancelDialog(_picker(tab), tab),
    ):
        dialog.show()
        assert _unnamed_controls(dialog) == [], type(dialog).__name__
        dialog.close()
