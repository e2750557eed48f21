"""Cancelling tickets from the Orders tab (TicketCancelling): all of them, a lost answer,
refusals.

The real sandbox over loopback and the app's own context (see test_orders_support).
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QMessageBox,
)
from test_orders_support import make_tab, place_order, traveler

from axdesk.api import AxClient, OrderStatus, TicketStatus
from axdesk.sandbox.embedded import RunningSandbox
from axdesk.store.journal_cancels import CancelState
from axdesk.ui.common.context import AppContext, ConnectionProfile
from axdesk.ui.orders.cancel_dialogs import CancelReportDialog
from axdesk.ui.orders.tab import OrdersTab
from axdesk.ui.orders.table_model import Column
from axdesk.ui.orders.tickets_model import TicketsModel

pytestmark = [
    pytest.mark.e2e,
    # The offscreen platform plugin says this whenever a shown top-level widget's size
    # hints change; it is a limit of the test platform, not a fault of the tab.
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


def ticket_status(tab: OrdersTab, row: int) -> object:
    """What the tickets list's status column says of the ticket in ``row``."""
    return tab.detail.tickets_model.index(row, TicketsModel.STATUS_COLUMN).data()


def test_cancel_all_tickets_reports_per_ticket(
    qtbot: Any, app_context: AppContext, sandbox: RunningSandbox
) -> None:
    placed = place_order(
        app_context,
        sandbox,
        [traveler("김민준"), traveler("이서연"), traveler("박지훈")],
    )
    # The third traveler already went on the tour: AX says Used, the journal does not know.
    sandbox.state.set_ticket_status(placed.ticket_code(2), "Used")
    seats_before = sandbox.state.slot(placed.slot.inventory_code).remain_quantity
    tab = make_tab(qtbot, app_context)
    with qtbot.waitSignal(tab.detail_shown):
        tab.show_order(placed.code)
    assert len(tab.detail.live_targets()) == 3

    tab.detail.cancel_all_button.click()
    confirm = tab.active_dialog
    assert confirm is not None
    assert confirm.ticket_list.topLevelItemCount() == 3  # type: ignore[attr-defined]
    with (
        qtbot.assert_not_emitted(app_context.worker.error_reported),
        qtbot.waitSignal(tab.cancel_all_finished, timeout=10_000) as finished,
    ):
        confirm.confirm_button.click()  # type: ignore[attr-defined]

    outcomes = finished.args[0]
    assert [(o.target.traveler_name, o.succeeded) for o in outcomes] == [
        ("김민준", True),
        ("이서연", True),
        ("박지훈", False),
    ]
    assert "used" in outcomes[2].detail.lower()
    assert isinstance(tab.active_dialog, CancelReportDialog)
    assert tab.active_dialog.result_list.topLevelItemCount() == 3
    assert sandbox.state.slot(placed.slot.inventory_code).remain_quantity == seats_before + 2
    detail = app_context.journal.get_order(placed.code)
    assert detail is not None
    assert [t.status for t in detail.tickets][:2] == [TicketStatus.TRAVELER_CANCELED] * 2


def test_cancel_all_makes_the_order_traveler_cancel(
    qtbot: Any, app_context: AppContext, sandbox: RunningSandbox
) -> None:
    placed = place_order(app_context, sandbox, [traveler("김민준"), traveler("이서연")])
    tab = make_tab(qtbot, app_context)
    with qtbot.waitSignal(tab.detail_shown):
        tab.show_order(placed.code)
    with qtbot.waitSignal(tab.cancel_all_finished, timeout=10_000) as finished:
        tab.cancelling.cancel_all(placed.code, tab.detail.live_targets(), "고객 요청")
    assert all(outcome.succeeded for outcome in finished.args[0])
    detail = app_context.journal.get_order(placed.code)
    assert detail is not None
    assert detail.ax_orders[0].status is OrderStatus.TRAVELER_CANCEL
    qtbot.waitUntil(lambda: not tab.detail.cancel_all_button.isEnabled())
    row = tab.model.row_of(placed.code)
    assert row is not None
    qtbot.waitUntil(lambda: tab.model.index(row, int(Column.STATUS)).data() == "Traveler cancel")


def test_a_lost_answer_is_settled_on_the_spot(
    qtbot: Any, app_context: AppContext, sandbox: RunningSandbox
) -> None:
    placed = place_order(app_context, sandbox, [traveler("김민준"), traveler("이서연")])
    seats_before = sandbox.state.slot(placed.slot.inventory_code).remain_quantity
    tab = make_tab(qtbot, app_context)
    with qtbot.waitSignal(tab.detail_shown):
        tab.show_order(placed.code)
    assert tab.detail.select_ticket(placed.ticket_code(0))
    target = tab.detail.selected_target()
    assert target is not None

    sandbox.state.queue_fault("commit_then_drop", method="PATCH")
    with (
        qtbot.assert_not_emitted(tab.cancel_failed),
        qtbot.waitSignal(tab.ticket_cancelled, timeout=10_000),
    ):
        tab.cancelling.cancel_ticket(target, "lost answer test")

    assert sandbox.state.slot(placed.slot.inventory_code).remain_quantity == seats_before + 1
    detail = app_context.journal.get_order(placed.code)
    assert detail is not None
    assert [t.status for t in detail.tickets] == [TicketStatus.TRAVELER_CANCELED, TicketStatus.NEW]


def test_cancel_retried_after_lost_answers_changes_nothing_further(
    qtbot: Any, app_context: AppContext, sandbox: RunningSandbox
) -> None:
    placed = place_order(app_context, sandbox, [traveler("김민준"), traveler("이서연")])
    seats_before = sandbox.state.slot(placed.slot.inventory_code).remain_quantity
    tab = make_tab(qtbot, app_context)
    with qtbot.waitSignal(tab.detail_shown):
        tab.show_order(placed.code)
    assert tab.detail.select_ticket(placed.ticket_code(0))

    # AX applies the cancel and the answer is lost; the one more PATCH's answer is lost too.
    sandbox.state.queue_fault("commit_then_drop", method="PATCH")
    sandbox.state.queue_fault("commit_then_drop", method="PATCH")
    target = tab.detail.selected_target()
    assert target is not None
    with qtbot.waitSignal(tab.cancel_failed, timeout=10_000):
        tab.cancelling.cancel_ticket(target, "lost answer test")
    assert sandbox.state.slot(placed.slot.inventory_code).remain_quantity == seats_before + 1
    box = tab.active_dialog
    assert isinstance(box, QMessageBox)
    assert box.property("retry") is True
    assert "safe" in box.informativeText()
    # The ticket is shown as what it is: neither New nor cancelled.
    qtbot.waitUntil(lambda: ticket_status(tab, 0) == "Cancel not confirmed", timeout=5_000)
    tooltip = tab.detail.tickets_model.index(0, TicketsModel.STATUS_COLUMN).data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert "did not arrive" in str(tooltip)
    history_before = app_context.journal.get_order(placed.code)
    assert history_before is not None
    cancel = history_before.tickets[0].cancel
    assert cancel is not None
    assert cancel.state is CancelState.UNKNOWN

    with (
        qtbot.assert_not_emitted(app_context.worker.error_reported),
        qtbot.waitSignal(tab.ticket_cancelled, timeout=10_000),
    ):
        qtbot.keyClick(box, Qt.Key.Key_Return)

    # The retry changed nothing further at AX: still one seat given back, one ticket cancelled.
    assert sandbox.state.slot(placed.slot.inventory_code).remain_quantity == seats_before + 1
    assert sandbox.state.seat_problems() == []
    tickets = {t.ax_ticket_code: t.status for t in sandbox.state.orders_for(placed.code)[0].tickets}
    assert tickets == {
        placed.ticket_code(0): "Traveler canceled",
        placed.ticket_code(1): "New",
    }
    detail = app_context.journal.get_order(placed.code)
    assert detail is not None
    assert [t.status for t in detail.tickets] == [TicketStatus.TRAVELER_CANCELED, TicketStatus.NEW]
    assert detail.ax_orders[0].history == history_before.ax_orders[0].history
    settled = detail.tickets[0].cancel
    assert settled is not None
    assert settled.state is CancelState.DONE
    assert settled.comment == "lost answer test"


def test_delete_on_an_unconfirmed_cancel_offers_to_send_it_again(
    qtbot: Any, app_context: AppContext, sandbox: RunningSandbox
) -> None:
    placed = place_order(app_context, sandbox, [traveler("김민준")])
    journal = app_context.journal
    # axdesk stopped with the cancel journaled but not answered (e.g. killed mid-PATCH).
    journal.begin_cancel(placed.ax_order_code, placed.ticket_code(0), "전화로 취소")
    journal.release_cancel(placed.ticket_code(0))
    tab = make_tab(qtbot, app_context)
    with qtbot.waitSignal(tab.detail_shown):
        tab.show_order(placed.code)
    assert ticket_status(tab, 0) == "Cancel not confirmed"
    assert tab.detail.focus_tickets()

    qtbot.keyClick(tab.detail.tickets_view, Qt.Key.Key_Delete)
    box = tab.active_dialog
    assert isinstance(box, QMessageBox)
    assert box.property("retry") is True
    with qtbot.waitSignal(tab.ticket_cancelled, timeout=10_000):
        qtbot.keyClick(box, Qt.Key.Key_Return)

    ticket = sandbox.state.orders_for(placed.code)[0].tickets[0]
    assert ticket.status == "Traveler canceled"
    cancel = journal.cancel_of(placed.ticket_code(0))
    assert cancel is not None
    assert cancel.state is CancelState.DONE
    assert cancel.comment == "전화로 취소"
    qtbot.waitUntil(lambda: ticket_status(tab, 0) == "Traveler canceled", timeout=5_000)


def test_used_and_cancelled_tickets_cannot_be_selected_for_cancel(
    qtbot: Any, app_context: AppContext, sandbox: RunningSandbox
) -> None:
    placed = place_order(app_context, sandbox, [traveler("김민준"), traveler("이서연")])
    sandbox.state.set_ticket_status(placed.ticket_code(0), "Used")
    app_context.journal.update_ticket_status(placed.ticket_code(0), TicketStatus.USED)
    app_context.journal.update_ticket_status(placed.ticket_code(1), TicketStatus.TRAVELER_CANCELED)
    tab = make_tab(qtbot, app_context)
    with qtbot.waitSignal(tab.detail_shown):
        tab.show_order(placed.code)
    model = tab.detail.tickets_model
    for row in range(2):
        flags = model.index(row, 0).flags()
        assert not flags & Qt.ItemFlag.ItemIsSelectable
        assert not flags & Qt.ItemFlag.ItemIsEnabled
    assert "used" in str(model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole))
    assert not tab.detail.focus_tickets()
    assert tab.detail.selected_target() is None
    assert not tab.detail.cancel_button.isEnabled()
    assert not tab.detail.cancel_action.isEnabled()
    assert not tab.detail.cancel_all_button.isEnabled()
    qtbot.keyClick(tab.detail.tickets_view, Qt.Key.Key_Delete)
    assert tab.active_dialog is None


def test_cancel_is_refused_on_another_ax_server(
    qtbot: Any, app_context: AppContext, sandbox: RunningSandbox
) -> None:
    placed = place_order(app_context, sandbox, [traveler("김민준")])
    tab = make_tab(qtbot, app_context)
    with qtbot.waitSignal(tab.detail_shown):
        tab.show_order(placed.code)
    target = tab.detail.selected_target() or tab.detail.live_targets()[0]
    # The same sandbox under another address is, to axdesk, another AX server.
    port = sandbox.base_url.rsplit(":", 1)[1]
    elsewhere = AxClient(f"http://localhost:{port}", sandbox.api_key, sandbox.channel_code)
    app_context.connection.use(
        ConnectionProfile("other", "custom", f"http://localhost:{port}"), elsewhere
    )
    with (
        qtbot.assert_not_emitted(app_context.worker.error_reported),
        qtbot.waitSignal(tab.cancel_failed, timeout=5_000) as failed,
    ):
        tab.cancelling.cancel_ticket(target, None)
    assert failed.args[1] == (
        f"This order was sent to {sandbox.base_url}; connect to that server to check it."
    )
    box = tab.active_dialog
    assert isinstance(box, QMessageBox)
    assert box.property("retry") is None
    assert [t.status for t in sandbox.state.orders_for(placed.code)[0].tickets] == ["New"]
