"""Sending a New order and checking it again, end to end against the sandbox over loopback."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TypeVar

import pytest
from order_tab_helpers import (
    WAIT_MS,
    a_complete_order,
    a_departure,
    build_tab,
    fill_line,
    fill_purchaser,
    fill_travelers,
    focused,
    one_ticket_order,
    shown_problem,
    tell_ax_repeats_orders,
    traveler_rows,
    two_options_same_day,
    type_into,
    wait_outcome,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
)
from pytestqt.qtbot import QtBot

from axdesk.sandbox.embedded import RunningSandbox
from axdesk.store.journal_queries import JournalState
from axdesk.ui.common.context import AppContext
from axdesk.ui.order_entry import form as form_module
from axdesk.ui.order_entry import seats as seats_module
from axdesk.ui.order_entry.drafts import DRAFT_KEY, submitted_code_of
from axdesk.ui.order_entry.result_panel import Outcome
from axdesk.ui.order_entry.state import OrderFormState

T = TypeVar("T")

pytestmark = [
    pytest.mark.e2e,
    # The offscreen platform says this whenever a window's minimum size changes (the
    # travelers table grows with the quantity); it is a notice about the plugin, not a fault.
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


def test_two_option_order_typed_from_the_keyboard_reaches_ax_and_the_journal(
    qtbot: QtBot, app_context: AppContext, sandbox: RunningSandbox
) -> None:
    first, second = two_options_same_day(app_context)
    tab = build_tab(qtbot, app_context)
    fill_purchaser(qtbot, tab)
    fill_line(qtbot, tab, tab.form.lines[0], first, 3)
    fill_travelers(qtbot, tab.form.lines[0], traveler_rows(3))
    qtbot.mouseClick(tab.form.add_line_button, Qt.MouseButton.LeftButton)
    assert len(tab.form.lines) == 2
    fill_line(qtbot, tab, tab.form.lines[1], second, 2)
    fill_travelers(qtbot, tab.form.lines[1], traveler_rows(2, start=4))
    tab.form.revalidate()
    assert tab.form.issues == []
    assert tab.bar.submit_button.isEnabled()

    with qtbot.waitSignal(tab.order_sent, timeout=WAIT_MS) as sent:
        qtbot.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    code = sent.args[0]

    ax_orders = sandbox.state.orders_for(code)
    assert [len(order.tickets) for order in ax_orders] == [3, 2]
    detail = app_context.journal.get_order(code)
    assert detail is not None
    assert detail.state is JournalState.SENT
    assert [line.ax_order.ax_order_code for line in detail.lines if line.ax_order] == [
        order.ax_order_code for order in ax_orders
    ]
    assert [t.ax_ticket_code for t in detail.tickets] == [
        ticket.ax_ticket_code for order in ax_orders for ticket in order.tickets
    ]
    assert [t.name for t in detail.tickets] == [f"Traveler {n}" for n in range(1, 6)]
    assert tab.result.outcome is Outcome.SENT
    for ticket in detail.tickets:
        assert ticket.ax_ticket_code
        assert ticket.ax_ticket_code in tab.result.summary_text()
    tab.result.copy_summary()
    assert QApplication.clipboard().text() == tab.result.summary_text()
    assert tab.form.state().is_blank()
    qtbot.waitUntil(lambda: app_context.journal.load_draft(DRAFT_KEY) is None, timeout=WAIT_MS)


def test_a_lost_answer_after_the_commit_leaves_exactly_one_order(
    qtbot: QtBot, app_context: AppContext, sandbox: RunningSandbox
) -> None:
    tell_ax_repeats_orders(app_context)  # so the repeat learns the ticket codes
    departure = a_departure(app_context, 2)
    tab = build_tab(qtbot, app_context)
    a_complete_order(qtbot, tab, departure, 2)
    sandbox.state.queue_fault("commit_then_drop", "POST")
    with qtbot.waitSignal(tab.order_sent, timeout=WAIT_MS) as sent:
        qtbot.mouseClick(tab.bar.submit_button, Qt.MouseButton.LeftButton)
    code = sent.args[0]
    assert sandbox.state.order_count() == 1
    ax_orders = sandbox.state.orders_for(code)
    detail = app_context.journal.get_order(code)
    assert detail is not None
    assert detail.state is JournalState.SENT
    assert detail.attempts >= 2  # the lost answer, then the same code again
    assert [t.ax_ticket_code for t in detail.tickets] == [
        ticket.ax_ticket_code for order in ax_orders for ticket in order.tickets
    ]
    assert tab.result.outcome is Outcome.SENT


def test_double_submit_makes_one_order(
    qtbot: QtBot, app_context: AppContext, sandbox: RunningSandbox
) -> None:
    departure = a_departure(app_context, 2)
    tab = build_tab(qtbot, app_context)
    a_complete_order(qtbot, tab, departure, 2)
    with qtbot.waitSignal(tab.order_sent, timeout=WAIT_MS):
        qtbot.mouseDClick(tab.bar.submit_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(tab.bar.submit_button, Qt.MouseButton.LeftButton)
        for _ in range(2):
            qtbot.keyClick(
                tab.bar.submit_button, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
            )
        tab.submit()
    qtbot.wait(300)
    assert sandbox.state.order_count() == 1
    assert len(app_context.journal.list_orders()) == 1


def test_seats_taken_meanwhile_stop_the_order_before_anything_is_sent(
    qtbot: QtBot, app_context: AppContext, sandbox: RunningSandbox
) -> None:
    departure = a_departure(app_context, 2, most=8)
    tab = build_tab(qtbot, app_context)
    a_complete_order(qtbot, tab, departure, departure.seats)
    assert tab.bar.submit_button.isEnabled()
    # Another channel takes a seat of the same departure.
    other = one_ticket_order(departure, "Other Channel")
    app_context.connection.client().create_order(other)
    assert sandbox.state.order_count() == 1

    qtbot.mouseClick(tab.bar.submit_button, Qt.MouseButton.LeftButton)
    wait_outcome(qtbot, tab, Outcome.NOT_SENT)
    assert "the seats changed" in tab.result.title.text()
    assert sandbox.state.order_count() == 1
    assert app_context.journal.list_orders() == []
    line = tab.form.lines[0]
    assert shown_problem(line, "quantity") == (
        f"Seats left at this time: {departure.seats - 1}, but {departure.seats} are asked "
        "for; lower the quantity."
    )
    assert line.quantity_spin.isEnabled()


def test_a_400_from_ax_is_shown_next_to_the_field_it_names(
    qtbot: QtBot, app_context: AppContext, sandbox: RunningSandbox
) -> None:
    departure = a_departure(app_context, 2)
    # The local catalog's mapping code went stale: only AX can tell.
    app_context.catalog.upsert_option(
        replace(departure.option, channel_product_mapping_code="stale-mapping-code")
    )
    tab = build_tab(qtbot, app_context)
    a_complete_order(qtbot, tab, departure, 2)
    assert tab.bar.submit_button.isEnabled()
    qtbot.mouseClick(tab.bar.submit_button, Qt.MouseButton.LeftButton)
    wait_outcome(qtbot, tab, Outcome.REJECTED)
    line = tab.form.lines[0]
    assert shown_problem(line, "option") == '"stale-mapping-code" is not a known mapping'
    assert line.option_combo.property("invalid") is True
    assert sandbox.state.order_count() == 0
    (summary,) = app_context.journal.list_orders()
    assert app_context.journal.state_of(summary.channel_order_code) is JournalState.REJECTED
    assert line.option_combo.isEnabled()
    assert tab.bar.submit_button.isEnabled()  # fixable and sendable again


def test_an_unknown_outcome_locks_the_form_until_check_again_settles_it(
    qtbot: QtBot, app_context: AppContext, sandbox: RunningSandbox
) -> None:
    tell_ax_repeats_orders(app_context)  # Retry may send it again: AX answers with one order
    departure = a_departure(app_context, 1)
    tab = build_tab(qtbot, app_context, retry_delays=())
    a_complete_order(qtbot, tab, departure, 1)
    sandbox.state.queue_fault("drop", "POST")
    qtbot.mouseClick(tab.bar.submit_button, Qt.MouseButton.LeftButton)
    wait_outcome(qtbot, tab, Outcome.UNKNOWN)
    code = tab.result.channel_order_code
    assert app_context.journal.state_of(code) is JournalState.UNKNOWN
    assert not tab.bar.submit_button.isEnabled()
    assert code in tab.bar.reason_label.text()
    assert not tab.form.header.isEnabled()
    assert tab.result.retry_button.isVisible()

    with qtbot.waitSignal(tab.order_sent, timeout=WAIT_MS) as sent:
        qtbot.mouseClick(tab.result.retry_button, Qt.MouseButton.LeftButton)
    assert sent.args == [code]
    assert sandbox.state.order_count() == 1
    assert app_context.journal.state_of(code) is JournalState.SENT
    assert tab.form.header.isEnabled()


def test_ctrl_enter_while_still_typing_in_a_cell_keeps_that_cell(
    qtbot: QtBot, app_context: AppContext, sandbox: RunningSandbox
) -> None:
    departure = a_departure(app_context, 1)
    tab = build_tab(qtbot, app_context)
    fill_purchaser(qtbot, tab)
    line = tab.form.lines[0]
    fill_line(qtbot, tab, line, departure, 1)
    view = line.travelers.view
    view.setFocus(Qt.FocusReason.TabFocusReason)
    view.setCurrentIndex(line.travelers.model.index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    for value in ["Choi Yuna", "82", "010-3333-4444"]:
        qtbot.keyClicks(focused(), value)
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), "yuna@example.com")  # the email cell is still being edited
    with qtbot.waitSignal(tab.order_sent, timeout=WAIT_MS) as sent:
        qtbot.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    (order,) = sandbox.state.orders_for(sent.args[0])
    detail = app_context.journal.get_order(sent.args[0])
    assert detail is not None
    assert [(t.name, t.email) for t in detail.tickets] == [("Choi Yuna", "yuna@example.com")]
    assert len(order.tickets) == 1


def test_a_representative_other_than_the_purchaser_is_checked_and_sent(
    qtbot: QtBot, app_context: AppContext
) -> None:
    departure = a_departure(app_context, 1)
    tab = build_tab(qtbot, app_context)
    a_complete_order(qtbot, tab, departure, 1)
    header = tab.form.header
    header.same_check.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(header.same_check, Qt.Key.Key_Space)
    assert not header.same_check.isChecked()
    tab.form.show_all_problems()
    qtbot.waitUntil(lambda: header.representative.boxes["name"].problem == "Enter a name.")
    assert not tab.bar.submit_button.isEnabled()
    representative = header.representative
    type_into(qtbot, representative.name_edit, "Park Sora")
    type_into(qtbot, representative.phone_edit, "010-9876-5432")
    type_into(qtbot, representative.email_edit, "sora@example.com")
    qtbot.waitUntil(tab.bar.submit_button.isEnabled)
    with qtbot.waitSignal(tab.order_sent, timeout=WAIT_MS) as sent:
        qtbot.mouseClick(tab.bar.submit_button, Qt.MouseButton.LeftButton)
    detail = app_context.journal.get_order(sent.args[0])
    assert detail is not None
    assert detail.wire_json is not None
    wire = json.loads(detail.wire_json)
    assert wire["representative"]["name"] == "Park Sora"
    assert wire["representative"]["phone"] == "01098765432"
    assert wire["purchaser"]["name"] == "Kim Minji"


def test_the_banner_says_each_step_of_a_send_and_the_order_goes_out_under_its_code(
    qtbot: QtBot, app_context: AppContext, sandbox: RunningSandbox
) -> None:
    departure = a_departure(app_context, 1)
    tab = build_tab(qtbot, app_context)
    a_complete_order(qtbot, tab, departure, 1)
    sandbox.state.faults.latency_ms = 600  # each request takes a while: every step shows
    seen: list[tuple[str, str, str]] = []

    def note() -> bool:
        step = (tab.result.title.text(), tab.result.text.text(), tab.result.channel_order_code)
        if not seen or seen[-1] != step:
            seen.append(step)
        return tab.result.outcome is Outcome.SENT

    qtbot.mouseClick(tab.bar.submit_button, Qt.MouseButton.LeftButton)
    code = tab.sending.submitted_code
    assert code  # chosen before anything leaves the GUI thread; the form is locked on it
    assert not tab.form.header.isEnabled()
    qtbot.waitUntil(note, timeout=WAIT_MS)

    assert seen[0] == (
        "Checking the seats…",
        "Reading the seats left once more before anything is sent.",
        "",
    )
    assert (
        "Sending the order to AX…",
        f"Order {code} is recorded in the journal before it is sent.",
        code,
    ) in seen
    assert seen[-1][0] == "Order sent to AX"
    assert [order.channel_order_code for order in app_context.journal.list_orders()] == [code]
    assert len(sandbox.state.orders_for(code)) == 1


def test_a_window_closed_while_an_order_is_on_its_way_keeps_a_draft_naming_it(
    qtbot: QtBot, app_context: AppContext, sandbox: RunningSandbox
) -> None:
    departure = a_departure(app_context, 1)
    tab = build_tab(qtbot, app_context)
    a_complete_order(qtbot, tab, departure, 1)
    type_into(qtbot, tab.form.header.comment_edit, "Window seats")  # typed, not yet saved
    sandbox.state.faults.latency_ms = 1500
    qtbot.mouseClick(tab.bar.submit_button, Qt.MouseButton.LeftButton)
    code = tab.sending.submitted_code

    tab.shutdown()  # before AX answered, maybe before the seats were read

    draft = app_context.journal.load_draft(DRAFT_KEY)
    assert draft is not None
    assert submitted_code_of(draft) == code
    assert OrderFormState.from_json(draft).comment == "Window seats"


def test_one_send_reads_the_form_once_and_checks_it_once_then_the_seats_once(
    qtbot: QtBot,
    app_context: AppContext,
    sandbox: RunningSandbox,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    departure = a_departure(app_context, 1)
    tab = build_tab(qtbot, app_context)
    a_complete_order(qtbot, tab, departure, 1)
    qtbot.wait(600)  # the draft and validation timers have run
    form_checks: list[int] = []
    seat_checks: list[int] = []
    reads: list[int] = []
    # The form calls its own state(): counted on the instance.
    monkeypatch.setattr(tab.form, "state", counted(tab.form.state, reads))
    monkeypatch.setattr(
        form_module, "validate_order", counted(form_module.validate_order, form_checks)
    )
    monkeypatch.setattr(
        seats_module, "validate_order", counted(seats_module.validate_order, seat_checks)
    )

    tab.submit()

    assert (len(reads), len(form_checks)) == (1, 1)
    wait_outcome(qtbot, tab, Outcome.SENT)
    assert len(seat_checks) == 1


def counted(function: Callable[..., T], calls: list[int]) -> Callable[..., T]:
    def wrapper(*args: object, **kwargs: object) -> T:
        calls.append(1)
        return function(*args, **kwargs)

    return wrapper


# -- an AX not known to answer a repeated order code with the same order (the default) ----


def test_a_lost_answer_is_settled_from_ax_without_sending_again_and_says_why_no_ticket_codes(
    qtbot: QtBot, app_context: AppContext, sandbox: RunningSandbox
) -> None:
    departure = a_departure(app_context, 2)
    tab = build_tab(qtbot, app_context)
    a_complete_order(qtbot, tab, departure, 2)
    sandbox.state.queue_fault("commit_then_drop", "POST")
    with qtbot.waitSignal(tab.order_sent, timeout=WAIT_MS) as sent:
        qtbot.mouseClick(tab.bar.submit_button, Qt.MouseButton.LeftButton)
    code = sent.args[0]

    (view,) = sandbox.state.orders_for(code)
    detail = app_context.journal.get_order(code)
    assert detail is not None
    assert detail.attempts == 1
    assert [a.ax_order_code for a in detail.ax_orders] == [view.ax_order_code]
    assert detail.lacks_ticket_codes
    assert tab.result.outcome is Outcome.SENT
    assert "a traveler's ticket of this order cannot be cancelled" in tab.result.text.text()
    assert "not known yet" in tab.result.summary_text()


def test_a_send_that_may_still_land_keeps_the_form_locked_and_is_asked_about_again(
    qtbot: QtBot, app_context: AppContext, sandbox: RunningSandbox
) -> None:
    """The POST's answer is lost (it never reached AX, but that cannot be told): the order is
    "not known yet: AX may still make it" until the settle window has passed, never sent
    again meanwhile; then AX cannot be asked (nothing shows Get Confirm finds orders by
    channel code here), and the operator, told by AX it has none, has it sent again."""
    departure = a_departure(app_context, 1)
    tab = build_tab(qtbot, app_context, settle_window=1.5)
    a_complete_order(qtbot, tab, departure, 1)
    sandbox.state.queue_fault("drop", "POST")
    qtbot.mouseClick(tab.bar.submit_button, Qt.MouseButton.LeftButton)
    wait_outcome(qtbot, tab, Outcome.UNKNOWN)
    code = tab.result.channel_order_code
    assert tab.result.title.text() == "Not known yet: AX may still make the order"
    assert "may still reach AX" in tab.result.text.text()
    assert "Do not take it again under a new code" in tab.result.text.text()
    assert not tab.form.header.isEnabled()
    assert not tab.bar.submit_button.isEnabled()
    assert tab.pending.next_check is not None  # asked about again by itself
    assert sandbox.state.order_count() == 0

    asked: list[str] = []

    def ax_has_none(title: str, text: str, choices: Sequence[str]) -> int:
        asked.append(text)
        return 1  # "AX has none"

    tab.ask_choice = ax_has_none  # type: ignore[method-assign]
    qtbot.waitUntil(
        lambda: tab.result.title.text() == "AX cannot be asked about the order", timeout=WAIT_MS
    )
    assert f"channel order code {code}" in tab.result.text.text()
    assert sandbox.state.order_count() == 0
    assert not tab.form.header.isEnabled()

    with qtbot.waitSignal(tab.order_sent, timeout=WAIT_MS) as sent:
        qtbot.mouseClick(tab.result.retry_button, Qt.MouseButton.LeftButton)
    assert sent.args == [code]
    assert len(asked) == 1
    assert code in asked[0]
    assert len(sandbox.state.orders_for(code)) == 1
    assert app_context.journal.state_of(code) is JournalState.SENT
