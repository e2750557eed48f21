"""The main window settles unfinished orders whenever a connection becomes usable.

End to end against the sandbox over loopback: the ``shell`` fixture is the app's
own shell (journal in a file under AXDESK_HOME, connected to the sandbox), so an
order can be left in the journal before the window starts, as after a crash.
"""

from __future__ import annotations

import threading
import time
from decimal import Decimal

import pytest
from pytestqt.qtbot import QtBot

from axdesk.api import (
    LineInput,
    OrderRequest,
    TravelerInput,
    build_order_request,
    slot_datetime,
)
from axdesk.sandbox.embedded import RunningSandbox
from axdesk.store.journal_queries import JournalState
from axdesk.store.reconcile import Reconciler, SubmitOutcome
from axdesk.ui.common.context import ENVIRONMENT_SANDBOX, ConnectionProfile
from axdesk.ui.connection.secrets import Credentials
from axdesk.ui.order_entry.result_panel import Outcome
from axdesk.ui.shell.bootstrap import SANDBOX_PROFILE_NAME, Shell
from axdesk.ui.shell.main_window import MainWindow

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

WAIT_MS = 15_000
PRODUCTION = "https://prod.ax-cloud.com"


def an_order(shell: Shell, name: str = "Kim Minji") -> OrderRequest:
    """A one-traveler order for the first bookable slot of the sandbox's catalog."""
    client = shell.ctx.connection.client()
    person = TravelerInput(name, "82", "010-1234-5678", "someone@example.com")
    for product in shell.ctx.catalog.list_products():
        inventory = client.get_inventory(product.product_code)
        for option in product.options:
            for slot in inventory.options.get(option.dc_code, []):
                if slot.is_bookable and slot.remain_quantity >= 1:
                    line = LineInput(
                        option.channel_product_mapping_code,
                        option.dc_code,
                        slot_datetime(slot.date, slot.start_time),
                        Decimal(option.unit_price),
                        [person],
                    )
                    return build_order_request([line], person, currency=option.currency)
    raise AssertionError("The sandbox has no bookable slot")


def open_window(qtbot: QtBot, shell: Shell) -> MainWindow:
    window = MainWindow(shell)
    qtbot.addWidget(window)
    return window


def reconnect(shell: Shell, sandbox: RunningSandbox) -> None:
    """What the connection dialog does: a new client for the profile, put in use."""
    profile = ConnectionProfile(SANDBOX_PROFILE_NAME, ENVIRONMENT_SANDBOX, sandbox.base_url)
    shell.connect(profile, Credentials(sandbox.api_key, sandbox.channel_code))


def test_an_order_left_sending_is_settled_when_the_window_starts_connected(
    qtbot: QtBot, shell: Shell, sandbox: RunningSandbox
) -> None:
    journal = shell.ctx.journal
    request = an_order(shell)
    code = request.order.channel_order_code
    journal.record_sending(request, endpoint=sandbox.base_url)  # axdesk stopped before the POST
    assert sandbox.state.order_count() == 0

    window = open_window(qtbot, shell)

    qtbot.waitUntil(lambda: journal.state_of(code) is JournalState.SENT, timeout=WAIT_MS)
    assert sandbox.state.order_count() == 1
    detail = journal.get_order(code)
    assert detail is not None
    assert [t.ax_ticket_code for t in detail.tickets] == [
        t.ax_ticket_code for order in sandbox.state.orders_for(code) for t in order.tickets
    ]
    qtbot.waitUntil(lambda: window.order_tab.result.outcome is Outcome.SENT, timeout=WAIT_MS)


def test_a_new_connection_settles_what_was_left_meanwhile(
    qtbot: QtBot, shell: Shell, sandbox: RunningSandbox
) -> None:
    window = open_window(qtbot, shell)
    qtbot.waitUntil(lambda: not window.order_tab.pending.running, timeout=WAIT_MS)
    request = an_order(shell, "Lee Jiwoo")
    code = request.order.channel_order_code
    shell.ctx.journal.record_sending(request, endpoint=sandbox.base_url)

    with qtbot.waitSignal(window.order_tab.order_sent, timeout=WAIT_MS) as sent:
        reconnect(shell, sandbox)
    assert sent.args == [code]
    assert sandbox.state.order_count() == 1


def test_an_order_of_another_server_is_never_sent_to_the_sandbox(
    qtbot: QtBot, shell: Shell, sandbox: RunningSandbox
) -> None:
    """The bug: a production order left unknown was re-sent to whatever server was in use."""
    journal = shell.ctx.journal
    request = an_order(shell)
    code = request.order.channel_order_code
    journal.record_sending(request, endpoint=PRODUCTION)
    journal.mark_unknown(code, "The connection to AX dropped.")

    window = open_window(qtbot, shell)
    result = window.order_tab.result
    qtbot.waitUntil(lambda: result.outcome is Outcome.UNKNOWN, timeout=WAIT_MS)
    assert (
        "This order was sent to https://prod.ax-cloud.com; connect to that server to check it."
        in result.text.text()
    )
    assert result.channel_order_code == code

    result.retry_button.click()
    qtbot.waitUntil(
        lambda: not window.order_tab.sending.busy and result.outcome is Outcome.UNKNOWN,
        timeout=WAIT_MS,
    )
    assert "https://prod.ax-cloud.com" in result.text.text()
    assert sandbox.state.order_count() == 0
    assert sandbox.state.orders_for(code) == []
    assert journal.state_of(code) is JournalState.UNKNOWN
    assert journal.endpoint_of(code) == PRODUCTION


@pytest.fixture
def run_log(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, float]]:
    """Records each Reconciler.reconcile_pending run (start/end) and slows it down a little."""
    log: list[tuple[str, float]] = []
    lock = threading.Lock()
    original = Reconciler.reconcile_pending

    def slow(self: Reconciler) -> list[SubmitOutcome]:
        with lock:
            log.append(("start", time.monotonic()))
        time.sleep(0.3)
        try:
            return original(self)
        finally:
            with lock:
                log.append(("end", time.monotonic()))

    monkeypatch.setattr(Reconciler, "reconcile_pending", slow)
    return log


def _most_at_once(log: list[tuple[str, float]]) -> int:
    running = most = 0
    for event, _at in sorted(log, key=lambda item: item[1]):
        running += 1 if event == "start" else -1
        most = max(most, running)
    return most


def test_connection_changes_during_a_run_queue_one_more_run_never_two_at_once(
    qtbot: QtBot, shell: Shell, sandbox: RunningSandbox, run_log: list[tuple[str, float]]
) -> None:
    window = open_window(qtbot, shell)
    tab = window.order_tab
    assert tab.pending.running  # started at construction: the shell is connected
    reconnect(shell, sandbox)
    reconnect(shell, sandbox)
    qtbot.waitUntil(lambda: not tab.pending.running, timeout=WAIT_MS)
    qtbot.wait(100)
    assert [event for event, _at in run_log] == ["start", "end", "start", "end"]
    assert _most_at_once(run_log) == 1


def test_no_run_while_not_connected(
    qtbot: QtBot, shell: Shell, run_log: list[tuple[str, float]]
) -> None:
    shell.ctx.connection.drop()
    window = open_window(qtbot, shell)
    shell.ctx.connection.changed.emit()
    qtbot.wait(200)
    assert not window.order_tab.pending.running
    assert run_log == []
