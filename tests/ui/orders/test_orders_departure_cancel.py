"""Cancelling a whole departure (DepartureCancelling): one confirmation, every live ticket of
every journaled order on it, one at a time on the worker, a result per ticket, and Stop.

The real sandbox over loopback and the app's own context (see test_orders_support).
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from test_orders_support import make_tab, place_order, traveler

from axdesk.api import TicketStatus
from axdesk.sandbox.embedded import RunningSandbox
from axdesk.store.departures import CancelResult
from axdesk.ui.common.context import AppContext
from axdesk.ui.orders.departure_cancel import RESULT_COLUMN, DepartureCancelDialog

pytestmark = [
    pytest.mark.e2e,
    # The offscreen platform plugin says this whenever a shown top-level widget's size
    # hints change; it is a limit of the test platform, not a fault of the tab.
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


def _open(qtbot: Any, tab: Any) -> DepartureCancelDialog:
    tab.filters.cancel_departure_action.trigger()
    dialog = tab.active_dialog
    assert isinstance(dialog, DepartureCancelDialog)
    qtbot.waitUntil(lambda: not dialog.picker.is_loading)
    return dialog


def _confirm(dialog: DepartureCancelDialog) -> QMessageBox:
    dialog.cancel_button.click()
    box = dialog.confirm_box
    assert box is not None
    assert box.isVisible()
    return box


def test_a_departure_is_cancelled_ticket_by_ticket_with_one_confirmation(
    qtbot: Any, app_context: AppContext, sandbox: RunningSandbox, english: Any
) -> None:
    family = place_order(app_context, sandbox, [traveler("김민준"), traveler("이서연")])
    couple = place_order(app_context, sandbox, [traveler("박지훈"), traveler("Park Jisoo")])
    assert couple.slot.inventory_code == family.slot.inventory_code  # the same departure
    elsewhere = place_order(app_context, sandbox, [traveler("Lee Minho")], option=1)
    # AX has one ticket as used already (the journal does not know yet).
    sandbox.state.set_ticket_status(couple.ticket_code(0), "Used")
    seats_before = sandbox.state.slot(family.slot.inventory_code).remain_quantity
    tab = make_tab(qtbot, app_context)
    with qtbot.waitSignal(tab.detail_shown):
        tab.show_order(family.code)

    dialog = _open(qtbot, tab)
    # The selected order's departure, with every journaled traveler on it.
    departure = dialog.departure
    assert departure is not None
    assert departure.order_codes == (family.code, couple.code)
    assert dialog.ticket_list.topLevelItemCount() == 4
    assert len(dialog.targets) == 4
    assert (
        dialog.cancel_button.text() == "Cancel 4 ticket(s)…" or "4" in dialog.cancel_button.text()
    )
    dialog.comment_edit.setText("태풍으로 투어 취소")

    # AX's answers about the first ticket are lost, twice: its outcome stays unknown.
    sandbox.state.queue_fault("commit_then_drop", method="PATCH")
    sandbox.state.queue_fault("commit_then_drop", method="PATCH")
    box = _confirm(dialog)
    assert box.defaultButton().text() == "&Keep tickets"  # the safe answer is the default
    confirm = next(
        b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole
    )
    with (
        qtbot.assert_not_emitted(app_context.worker.error_reported),
        qtbot.waitSignal(tab.departure_cancel_finished, timeout=20_000) as finished,
    ):
        confirm.click()
    outcomes = finished.args[0]
    assert [(o.target.traveler_name, o.result) for o in outcomes] == [
        ("김민준", CancelResult.UNKNOWN),
        ("이서연", CancelResult.CANCELLED),
        ("박지훈", CancelResult.FAILED),
        ("Park Jisoo", CancelResult.CANCELLED),
    ]
    # The report, per ticket and in sum.
    results = [dialog.ticket_list.topLevelItem(n).text(RESULT_COLUMN) for n in range(4)]
    assert results[0].startswith("Outcome unknown")
    assert results[1].startswith("Cancelled")
    assert results[2].startswith("Not cancelled")
    assert "used" in results[2].lower()
    assert (
        dialog.summary_label.text()
        == ("Of 4 ticket(s): 2 cancelled, 1 not cancelled, 1 unknown, 0 not sent.")
        or "2 cancelled" in dialog.summary_label.text()
    )

    # AX: the unknown one was in fact cancelled (the answer was lost, not the cancel).
    statuses = {
        t.ax_ticket_code: t.status for t in sandbox.state.orders_for(family.code)[0].tickets
    }
    assert set(statuses.values()) == {"Traveler canceled"}
    assert sandbox.state.slot(family.slot.inventory_code).remain_quantity == seats_before + 3
    journaled = app_context.journal.get_order(couple.code)
    assert journaled is not None
    assert [t.status for t in journaled.tickets] == [
        TicketStatus.NEW,
        TicketStatus.TRAVELER_CANCELED,
    ]
    # Another departure is left alone.
    assert [t.status for t in sandbox.state.orders_for(elsewhere.code)[0].tickets] == ["New"]


def test_stop_leaves_the_tickets_not_sent_yet_as_they_are(
    qtbot: Any, app_context: AppContext, sandbox: RunningSandbox
) -> None:
    placed = place_order(
        app_context, sandbox, [traveler("김민준"), traveler("이서연"), traveler("박지훈")]
    )
    tab = make_tab(qtbot, app_context)
    with qtbot.waitSignal(tab.detail_shown):
        tab.show_order(placed.code)
    dialog = _open(qtbot, tab)
    box = _confirm(dialog)
    confirm = next(
        b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole
    )
    with qtbot.waitSignal(tab.departure_cancel_finished, timeout=20_000) as finished:
        confirm.click()
        run = tab.departure_cancelling.run
        assert run is not None
        assert dialog.stop_button.isVisible()
        # The operator presses Stop while the first cancel is on its way.
        dialog.stop_button.click()
    outcomes = finished.args[0]
    assert [o.result for o in outcomes] == [
        CancelResult.CANCELLED,
        CancelResult.NOT_SENT,
        CancelResult.NOT_SENT,
    ]
    assert [t.status for t in sandbox.state.orders_for(placed.code)[0].tickets] == [
        "Traveler canceled",
        "New",
        "New",
    ]
    assert "not sent" in dialog.ticket_list.topLevelItem(2).text(RESULT_COLUMN).lower()


def test_orders_not_settled_with_ax_are_named_not_cancelled(
    qtbot: Any, app_context: AppContext, sandbox: RunningSandbox
) -> None:
    placed = place_order(app_context, sandbox, [traveler("김민준")])
    # A second order on the same departure whose POST never got an answer.
    pending = place_order(app_context, sandbox, [traveler("이서연")], journal=False)
    app_context.journal.record_sending(pending.request, endpoint=sandbox.base_url)
    tab = make_tab(qtbot, app_context)
    with qtbot.waitSignal(tab.detail_shown):
        tab.show_order(placed.code)
    dialog = _open(qtbot, tab)
    assert dialog.departure is not None
    assert dialog.departure.unsettled_order_codes == (pending.code,)
    assert dialog.warning_label.isVisible()
    assert pending.code[:8] in dialog.warning_label.text()
    assert len(dialog.targets) == 1


def test_closing_the_dialog_mid_run_stops_it_and_still_reports(
    qtbot: Any, app_context: AppContext, sandbox: RunningSandbox
) -> None:
    placed = place_order(app_context, sandbox, [traveler("김민준"), traveler("이서연")])
    tab = make_tab(qtbot, app_context)
    with qtbot.waitSignal(tab.detail_shown):
        tab.show_order(placed.code)
    dialog = _open(qtbot, tab)
    box = _confirm(dialog)
    confirm = next(
        b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole
    )
    with (
        qtbot.assert_not_emitted(app_context.worker.error_reported),
        qtbot.waitSignal(tab.departure_cancel_finished, timeout=20_000) as finished,
    ):
        confirm.click()
        dialog.reject()  # the operator closes the window while the first cancel is out
    assert [o.result for o in finished.args[0]] == [CancelResult.CANCELLED, CancelResult.NOT_SENT]
    assert tab.active_dialog is None
    assert tab.message_label.toolTip().startswith("Of 2 ticket")
