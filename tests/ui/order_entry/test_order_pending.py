"""Settling the unfinished orders from the New order tab, end to end against the sandbox."""

from __future__ import annotations

import pytest
from order_tab_helpers import (
    WAIT_MS,
    a_departure,
    build_tab,
    one_ticket_order,
    wait_outcome,
)
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from axdesk.sandbox.embedded import RunningSandbox
from axdesk.store.journal_queries import JournalState
from axdesk.ui.common.context import AppContext
from axdesk.ui.order_entry.result_panel import Outcome
from axdesk.ui.shell.bootstrap import Shell

pytestmark = [
    pytest.mark.e2e,
    # The offscreen platform says this whenever a window's minimum size changes (the
    # travelers table grows with the quantity); it is a notice about the plugin, not a fault.
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


def test_an_order_left_sending_is_settled_by_the_start_up_reconciliation(
    qtbot: QtBot, app_context: AppContext, sandbox: RunningSandbox
) -> None:
    departure = a_departure(app_context, 1)
    request = one_ticket_order(departure, "Kim Minji")
    code = request.order.channel_order_code
    # axdesk stopped before the POST
    app_context.journal.record_sending(request, endpoint=sandbox.base_url)
    assert sandbox.state.order_count() == 0

    tab = build_tab(qtbot, app_context)
    with qtbot.waitSignal(tab.order_sent, timeout=WAIT_MS) as sent:
        tab.reconcile_pending()
    assert sent.args == [code]
    detail = app_context.journal.get_order(code)
    assert detail is not None
    assert detail.state is JournalState.SENT
    ax_orders = sandbox.state.orders_for(code)
    assert sandbox.state.order_count() == 1
    assert [t.ax_ticket_code for t in detail.tickets] == [
        ticket.ax_ticket_code for order in ax_orders for ticket in order.tickets
    ]
    assert tab.result.outcome is Outcome.SENT


def test_an_order_whose_server_was_not_recorded_is_checked_only_once_the_operator_confirms(
    qtbot: QtBot,
    app_context: AppContext,
    shell: Shell,
    sandbox: RunningSandbox,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    request = one_ticket_order(a_departure(app_context, 1), "Park Jisoo")
    code = request.order.channel_order_code
    app_context.journal.record_sending(request, endpoint=sandbox.base_url)
    # As if journaled before axdesk kept the server of each order (migration 2 leaves NULL).
    shell.database.execute(
        "UPDATE channel_order SET endpoint = NULL WHERE channel_order_code = ?", (code,)
    )
    tab = build_tab(qtbot, app_context)
    tab.reconcile_pending()
    wait_outcome(qtbot, tab, Outcome.UNKNOWN)
    assert "did not record which AX server" in tab.result.text.text()
    assert sandbox.state.order_count() == 0

    questions: list[str] = []
    answers = iter([False, True])

    def answer(_title: str, text: str) -> bool:
        questions.append(text)
        return next(answers)

    monkeypatch.setattr(tab, "ask_confirmation", answer)
    qtbot.mouseClick(tab.result.retry_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(questions) == 1, timeout=WAIT_MS)
    assert code in questions[0]
    assert sandbox.base_url in questions[0]
    wait_outcome(qtbot, tab, Outcome.UNKNOWN)
    assert sandbox.state.order_count() == 0
    assert app_context.journal.endpoint_of(code) is None

    with qtbot.waitSignal(tab.order_sent, timeout=WAIT_MS) as sent:
        qtbot.mouseClick(tab.result.retry_button, Qt.MouseButton.LeftButton)
    assert sent.args == [code]
    assert len(questions) == 2
    assert sandbox.state.order_count() == 1
    assert app_context.journal.endpoint_of(code) == sandbox.base_url
    assert app_context.journal.state_of(code) is JournalState.SENT


def test_unfinished_orders_of_another_server_are_counted_apart_and_left_alone(
    qtbot: QtBot, app_context: AppContext, sandbox: RunningSandbox
) -> None:
    departure = a_departure(app_context, 1)
    here = one_ticket_order(departure, "Kim Minji")
    journal = app_context.journal
    journal.record_sending(here, endpoint=sandbox.base_url)
    elsewhere = [one_ticket_order(departure, name) for name in ("Lee Jiwoo", "Choi Yuna")]
    for request in elsewhere:
        journal.record_sending(request, endpoint="https://prod.ax-cloud.com")

    tab = build_tab(qtbot, app_context)
    with qtbot.waitSignal(tab.order_sent, timeout=WAIT_MS):
        tab.reconcile_pending()
    wait_outcome(qtbot, tab, Outcome.INFO)
    text = tab.result.text.text()
    assert "1 sent, 0 refused by AX, 0 still not known" in text
    assert "2 were sent to another AX server" in text
    assert sandbox.state.order_count() == 1
    for request in elsewhere:
        assert journal.state_of(request.order.channel_order_code) is JournalState.SENDING
        assert sandbox.state.orders_for(request.order.channel_order_code) == []
