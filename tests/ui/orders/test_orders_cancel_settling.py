"""Cancels left unconfirmed are settled: when the window starts, on reconnect, by live sync.

End to end against the sandbox over loopback, with the app's own shell (journal
in a file under AXDESK_HOME): a cancel is left "cancelling" (axdesk stopped
before or during the PATCH) or "unknown" (AX applied it, the answers were lost),
then the app settles it on the order's own server, and the sandbox gave the
seat back exactly once.
"""

from __future__ import annotations

from typing import Any

import pytest
from test_orders_support import Placed, make_tab, place_order, traveler

from axdesk.api import AxError, TicketStatus
from axdesk.sandbox.embedded import RunningSandbox
from axdesk.store.cancel import CancelTarget, cancel_one
from axdesk.store.journal_cancels import CancelState
from axdesk.ui.common.context import ENVIRONMENT_SANDBOX, ConnectionProfile
from axdesk.ui.connection.secrets import Credentials
from axdesk.ui.orders.status_look import ticket_status_text
from axdesk.ui.shell.bootstrap import SANDBOX_PROFILE_NAME, Shell
from axdesk.ui.shell.main_window import MainWindow

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

WAIT_MS = 15_000


def target_of(placed: Placed, index: int) -> CancelTarget:
    return CancelTarget(
        placed.code, placed.ax_order_code, placed.ticket_code(index), "T", "", "", None
    )


def leave_unconfirmed(shell: Shell, sandbox: RunningSandbox, placed: Placed) -> None:
    """Ticket 0: AX cancelled it, both answers lost ("unknown"). Ticket 1: journaled, then
    axdesk stopped before the PATCH left ("cancelling")."""
    sandbox.state.queue_fault("commit_then_drop", method="PATCH")
    sandbox.state.queue_fault("commit_then_drop", method="PATCH")
    journal = shell.ctx.journal
    with pytest.raises(AxError):
        cancel_one(shell.ctx.connection.client(), journal, target_of(placed, 0), "첫 번째")
    journal.begin_cancel(placed.ax_order_code, placed.ticket_code(1), "두 번째")
    journal.release_cancel(placed.ticket_code(1))
    states = {p.ax_ticket_code: p.state for p in journal.unsettled_cancels(sandbox.base_url)}
    assert states == {
        placed.ticket_code(0): CancelState.UNKNOWN,
        placed.ticket_code(1): CancelState.CANCELLING,
    }


def assert_settled_once(
    shell: Shell, sandbox: RunningSandbox, placed: Placed, seats_before: int
) -> None:
    journal = shell.ctx.journal
    for index in (0, 1):
        cancel = journal.cancel_of(placed.ticket_code(index))
        assert cancel is not None
        assert cancel.state is CancelState.DONE
    detail = journal.get_order(placed.code)
    assert detail is not None
    assert [t.status for t in detail.tickets] == [
        TicketStatus.TRAVELER_CANCELED,
        TicketStatus.TRAVELER_CANCELED,
        TicketStatus.NEW,
    ]
    at_ax = [t.status for t in sandbox.state.orders_for(placed.code)[0].tickets]
    assert at_ax == ["Traveler canceled", "Traveler canceled", "New"]
    assert sandbox.state.slot(placed.slot.inventory_code).remain_quantity == seats_before + 2
    assert sandbox.state.seat_problems() == []


def everything_settled(shell: Shell, placed: Placed) -> bool:
    return all(
        (cancel := shell.ctx.journal.cancel_of(placed.ticket_code(index))) is not None
        and cancel.state is CancelState.DONE
        for index in (0, 1)
    )


def test_unconfirmed_cancels_are_settled_when_the_window_starts(
    qtbot: Any, shell: Shell, sandbox: RunningSandbox
) -> None:
    placed = place_order(
        shell.ctx, sandbox, [traveler("김민준"), traveler("이서연"), traveler("박지훈")]
    )
    seats_before = sandbox.state.slot(placed.slot.inventory_code).remain_quantity
    leave_unconfirmed(shell, sandbox, placed)

    window = MainWindow(shell)
    qtbot.addWidget(window)
    window.orders_tab.sync.stop()  # only the start-up settling, not live sync, is at work here
    qtbot.waitUntil(lambda: everything_settled(shell, placed), timeout=WAIT_MS)

    assert_settled_once(shell, sandbox, placed, seats_before)
    qtbot.waitUntil(lambda: not window.orders_tab.cancelling.settling, timeout=WAIT_MS)
    assert "2 cancelled" in window.orders_tab.message_label.text()
    window.close()


def test_unconfirmed_cancels_wait_for_their_server_and_are_settled_on_reconnect(
    qtbot: Any, shell: Shell, sandbox: RunningSandbox
) -> None:
    placed = place_order(
        shell.ctx, sandbox, [traveler("김민준"), traveler("이서연"), traveler("박지훈")]
    )
    seats_before = sandbox.state.slot(placed.slot.inventory_code).remain_quantity
    leave_unconfirmed(shell, sandbox, placed)
    shell.ctx.connection.drop()
    window = MainWindow(shell)
    qtbot.addWidget(window)
    window.orders_tab.sync.stop()
    # Another AX server in use: the cancels are not its to settle.
    port = sandbox.base_url.rsplit(":", 1)[1]
    elsewhere = f"http://localhost:{port}"
    shell.connect(
        ConnectionProfile("other", "custom", elsewhere),
        Credentials(sandbox.api_key, sandbox.channel_code),
    )
    qtbot.waitUntil(lambda: not window.orders_tab.cancelling.settling, timeout=WAIT_MS)
    assert not everything_settled(shell, placed)
    assert sandbox.state.slot(placed.slot.inventory_code).remain_quantity == seats_before + 1

    profile = ConnectionProfile(SANDBOX_PROFILE_NAME, ENVIRONMENT_SANDBOX, sandbox.base_url)
    shell.connect(profile, Credentials(sandbox.api_key, sandbox.channel_code))
    qtbot.waitUntil(lambda: everything_settled(shell, placed), timeout=WAIT_MS)

    assert_settled_once(shell, sandbox, placed, seats_before)
    window.close()


def test_live_sync_settles_unconfirmed_cancels(
    qtbot: Any, shell: Shell, sandbox: RunningSandbox
) -> None:
    placed = place_order(
        shell.ctx, sandbox, [traveler("김민준"), traveler("이서연"), traveler("박지훈")]
    )
    seats_before = sandbox.state.slot(placed.slot.inventory_code).remain_quantity
    leave_unconfirmed(shell, sandbox, placed)
    tab = make_tab(qtbot, shell.ctx)
    with qtbot.waitSignal(tab.detail_shown):
        tab.show_order(placed.code)
    settled: list[str] = []
    tab.ticket_cancelled.connect(settled.append)

    tab.sync.start()
    qtbot.waitUntil(lambda: len(settled) == 2, timeout=WAIT_MS)
    tab.sync.stop()

    assert sorted(settled) == sorted(placed.ticket_codes[:2])
    assert_settled_once(shell, sandbox, placed, seats_before)
    qtbot.waitUntil(
        lambda: (
            [tab.detail.tickets_model.index(row, 1).data() for row in range(3)]
            == ["Traveler canceled", "Traveler canceled", ticket_status_text(TicketStatus.NEW)]
        ),
        timeout=WAIT_MS,
    )
