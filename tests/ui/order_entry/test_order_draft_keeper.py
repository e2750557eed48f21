"""The New order draft kept through a crash, a close and a damaged journal, end to end."""

from __future__ import annotations

import threading

import pytest
import shiboken6
from order_tab_helpers import (
    WAIT_MS,
    a_complete_order,
    a_departure,
    build_tab,
    fill_line,
    fill_purchaser,
    fill_travelers,
    tell_ax_repeats_orders,
    traveler_rows,
    type_into,
    wait_outcome,
)
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from axdesk.sandbox.embedded import RunningSandbox
from axdesk.store.db import transaction
from axdesk.store.journal_queries import JournalState
from axdesk.ui.common.context import AppContext
from axdesk.ui.order_entry.drafts import DRAFT_KEY, submitted_code_of
from axdesk.ui.order_entry.result_panel import Outcome
from axdesk.ui.shell.bootstrap import Shell

pytestmark = [
    pytest.mark.e2e,
    # The offscreen platform says this whenever a window's minimum size changes (the
    # travelers table grows with the quantity); it is a notice about the plugin, not a fault.
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


def test_the_draft_survives_a_crash_and_a_close(qtbot: QtBot, app_context: AppContext) -> None:
    departure = a_departure(app_context, 2)
    tab = build_tab(qtbot, app_context, owned_by_qtbot=False)
    fill_purchaser(qtbot, tab)
    fill_line(qtbot, tab, tab.form.lines[0], departure, 2)
    fill_travelers(qtbot, tab.form.lines[0], traveler_rows(1))
    typed = tab.form.state()
    # A crash: the window goes away without shutdown(); the debounced save already ran.
    qtbot.waitUntil(
        lambda: "Traveler 1" in (app_context.journal.load_draft(DRAFT_KEY) or ""),
        timeout=WAIT_MS,
    )
    tab.hide()
    tab.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(tab))

    again = build_tab(qtbot, app_context)
    assert again.form.state() == typed
    assert again.result.outcome is Outcome.INFO
    # A close: shutdown() writes what was typed a moment ago, before the debounce.
    type_into(qtbot, again.form.header.comment_edit, "Window seats")
    again.shutdown()
    third = build_tab(qtbot, app_context)
    assert third.form.state().comment == "Window seats"


@pytest.mark.parametrize("stored", ["{not json", "[1, 2]"])
def test_an_unreadable_draft_is_kept_aside_and_the_operator_told_where(
    qtbot: QtBot, app_context: AppContext, shell: Shell, stored: str
) -> None:
    app_context.journal.save_draft(DRAFT_KEY, "{}")
    with transaction(shell.database):  # damaged behind the journal's back
        shell.database.execute("UPDATE draft SET json_text = ? WHERE key = ?", (stored, DRAFT_KEY))

    tab = build_tab(qtbot, app_context)

    qtbot.waitUntil(lambda: "could not be read" in tab.result.text.text(), timeout=WAIT_MS)
    kept = list(app_context.paths.data_dir.glob("unreadable-draft-*.json"))
    assert len(kept) == 1
    assert kept[0].read_text(encoding="utf-8") == stored
    assert str(kept[0]) in tab.result.text.text()
    assert tab.result.outcome is Outcome.INFO
    assert tab.form.state().is_blank()
    qtbot.waitUntil(lambda: app_context.journal.load_draft(DRAFT_KEY) is None, timeout=WAIT_MS)


def test_a_crash_while_the_outcome_is_unknown_reopens_locked_and_start_up_settles_it(
    qtbot: QtBot, app_context: AppContext, sandbox: RunningSandbox
) -> None:
    tell_ax_repeats_orders(app_context)  # settled at start-up by sending it again: AX repeats
    departure = a_departure(app_context, 1)
    tab = build_tab(qtbot, app_context, retry_delays=(), owned_by_qtbot=False)
    a_complete_order(qtbot, tab, departure, 1)
    sandbox.state.queue_fault("drop", "POST")
    qtbot.mouseClick(tab.bar.submit_button, Qt.MouseButton.LeftButton)
    wait_outcome(qtbot, tab, Outcome.UNKNOWN)
    code = tab.result.channel_order_code
    typed = tab.form.state()
    tab.hide()
    tab.deleteLater()  # axdesk dies here, without shutdown()
    qtbot.waitUntil(lambda: not shiboken6.isValid(tab))

    again = build_tab(qtbot, app_context)
    # The same order comes back, locked: it cannot be sent again under a new code.
    assert again.form.state() == typed
    assert again.result.outcome is Outcome.UNKNOWN
    assert not again.bar.submit_button.isEnabled()
    again.submit()
    assert app_context.journal.count_orders() == 1

    with qtbot.waitSignal(again.order_sent, timeout=WAIT_MS) as sent:
        again.reconcile_pending()
    assert sent.args == [code]
    assert sandbox.state.order_count() == 1
    assert app_context.journal.state_of(code) is JournalState.SENT
    assert again.form.state().is_blank()
    assert again.form.header.isEnabled()
    qtbot.waitUntil(lambda: app_context.journal.load_draft(DRAFT_KEY) is None, timeout=WAIT_MS)


def test_a_draft_write_of_before_the_send_landing_after_it_cannot_unlock_the_order(
    qtbot: QtBot, app_context: AppContext, sandbox: RunningSandbox
) -> None:
    """The old interleaving, forced: the keeper's worker write of the draft typed just before
    Send is held until the send has saved its own draft (naming the order), then lands."""
    journal = app_context.journal
    real_save = journal.save_draft
    send_saved = threading.Event()
    stale_started = threading.Event()
    stale_landed = threading.Event()

    def save_draft(key: str, text: str, *args: object, **kwargs: object) -> object:
        if submitted_code_of(text):
            result = real_save(key, text, *args, **kwargs)  # type: ignore[arg-type]
            send_saved.set()
            return result
        if not send_saved.is_set() and not stale_started.is_set():
            stale_started.set()
            send_saved.wait(WAIT_MS / 1000)
            try:
                return real_save(key, text, *args, **kwargs)  # type: ignore[arg-type]
            finally:
                stale_landed.set()
        return real_save(key, text, *args, **kwargs)  # type: ignore[arg-type]

    journal.save_draft = save_draft  # type: ignore[method-assign]
    departure = a_departure(app_context, 1)
    tab = build_tab(qtbot, app_context, retry_delays=(), owned_by_qtbot=False)
    a_complete_order(qtbot, tab, departure, 1)
    type_into(qtbot, tab.form.header.comment_edit, "Aisle")
    qtbot.waitUntil(stale_started.is_set, timeout=WAIT_MS)  # that write is on its way

    sandbox.state.queue_fault("drop", "POST")
    qtbot.mouseClick(tab.bar.submit_button, Qt.MouseButton.LeftButton)
    wait_outcome(qtbot, tab, Outcome.UNKNOWN)
    code = tab.result.channel_order_code
    qtbot.waitUntil(stale_landed.is_set, timeout=WAIT_MS)
    tab.hide()
    tab.deleteLater()  # axdesk dies here, without shutdown()
    qtbot.waitUntil(lambda: not shiboken6.isValid(tab))

    draft = journal.load_draft(DRAFT_KEY)
    assert draft is not None
    assert submitted_code_of(draft) == code
    again = build_tab(qtbot, app_context)
    assert again.sending.submitted_code == code
    assert again.result.outcome is Outcome.UNKNOWN
    assert not again.form.header.isEnabled()
    assert not again.bar.submit_button.isEnabled()


def test_a_draft_naming_an_order_ax_made_shows_that_order_and_a_blank_form(
    qtbot: QtBot, app_context: AppContext, sandbox: RunningSandbox
) -> None:
    departure = a_departure(app_context, 1)
    tab = build_tab(qtbot, app_context, owned_by_qtbot=False)
    a_complete_order(qtbot, tab, departure, 1)
    with qtbot.waitSignal(tab.order_sent, timeout=WAIT_MS) as sent:
        qtbot.mouseClick(tab.bar.submit_button, Qt.MouseButton.LeftButton)
    code = sent.args[0]
    tab.hide()
    tab.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(tab))
    # The crash came before the draft was cleared: it still names the order that was made.
    app_context.journal.save_draft(DRAFT_KEY, f'{{"submitted_code": "{code}"}}')

    again = build_tab(qtbot, app_context)

    assert again.form.state().is_blank()
    assert again.sending.submitted_code == ""
    assert again.result.outcome is Outcome.SENT
    assert again.result.channel_order_code == code
    assert app_context.journal.load_draft(DRAFT_KEY) is None
