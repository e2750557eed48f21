"""Practice mode as a training tool: demo orders ready to cancel, the Practice menu that
stages the situations a trainee must recognise, and quitting with an order half-typed.

The window ``axdesk --sandbox`` opens, on its embedded sandbox (real loopback HTTP).
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox, QWidget

from axdesk.store.journal_queries import JournalState
from axdesk.ui.shell.main_window import MainWindow

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


def practice_window(qtbot: Any, launch_window: Any) -> MainWindow:
    window = launch_window(confirm_after=None)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    return window


def type_text(widget: QWidget, text: str) -> None:
    for character in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget,
                QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, character),
            )


def test_practice_opens_with_demo_orders_that_ax_and_the_journal_agree_on(
    qtbot, launch_window
) -> None:
    window = practice_window(qtbot, launch_window)
    journal, sandbox = window.ctx.journal, window.shell.sandbox
    summaries = journal.list_orders()
    assert len(summaries) >= 3
    for summary in summaries:
        assert summary.state is JournalState.SENT
        detail = journal.get_order(summary.channel_order_code)
        assert detail is not None
        at_ax = sandbox.state.orders_for(summary.channel_order_code)
        assert {o.ax_order_code for o in at_ax} == {o.ax_order_code for o in detail.ax_orders}
        assert {t.ax_ticket_code for o in at_ax for t in o.tickets} == {
            t.ax_ticket_code for t in detail.tickets
        }
        assert all(t.is_cancellable for t in detail.tickets)
    # Each demo order is a few days ahead, so it can be cancelled and found by name or phone.
    names = {t.name for s in summaries for t in journal.get_order(s.channel_order_code).tickets}
    assert "김민준" in names


def test_a_trainee_can_cancel_a_phoned_in_ticket_at_once(qtbot, launch_window) -> None:
    window = practice_window(qtbot, launch_window)
    window.show_tab(2)
    orders = window.orders_tab
    qtbot.waitUntil(lambda: orders.model.has_loaded and orders.model.total_count >= 3)
    orders.search.focus()
    type_text(orders.filters.search_edit, "김민준")
    qtbot.waitUntil(lambda: orders.model.criteria.text == "김민준" and not orders.model.is_loading)
    orders.filters.search_edit.returnPressed.emit()
    qtbot.waitUntil(lambda: orders.detail.tickets_view.currentIndex().isValid())
    orders.detail.request_cancel_selected()
    confirm = orders.active_dialog
    assert confirm is not None
    with qtbot.waitSignal(orders.ticket_cancelled, timeout=10_000):
        confirm.accept()


def practice_action(window: MainWindow, name: str):
    assert window.practice is not None
    return getattr(window.practice, name)


def test_the_practice_menu_stages_each_situation_and_shows_it(qtbot, launch_window) -> None:
    window = practice_window(qtbot, launch_window)
    practice = window.shell.sandbox.practice
    menu = window.practice
    assert menu is not None
    assert menu.menuAction() in window.menuBar().actions()

    menu.lose_answer.trigger()
    assert practice.situation().answers_to_lose == 1
    menu.reject_order.trigger()
    assert practice.situation().orders_to_reject == 1
    menu.slow_actions[12].trigger()
    assert practice.situation().slow_seconds == 12
    menu.refuse_key.trigger()
    assert practice.situation().key_refused

    menu.aboutToShow.emit()  # the check marks say what is staged now
    assert menu.lose_answer.isChecked()
    assert menu.reject_order.isChecked()
    assert menu.slow_actions[12].isChecked()
    assert not menu.slow_actions[0].isChecked()
    assert menu.refuse_key.isChecked()
    assert "Practice" in window.status.note()

    menu.reset.trigger()
    situation = practice.situation()
    assert (situation.answers_to_lose, situation.orders_to_reject) == (0, 0)
    assert situation.slow_seconds == 0
    assert not situation.key_refused
    assert not menu.lose_answer.isChecked()
    assert not menu.refuse_key.isChecked()
    assert menu.slow_actions[0].isChecked()


def test_a_ticket_marked_used_is_used_at_ax(qtbot, launch_window) -> None:
    window = practice_window(qtbot, launch_window)
    menu = window.practice
    assert menu is not None
    with qtbot.waitSignal(menu.picker_shown, timeout=10_000) as shown:
        menu.mark_used.trigger()
    picker = shown.args[0]
    assert isinstance(picker, QInputDialog)
    items = picker.comboBoxItems()
    assert len(items) >= 3
    choice = next(item for item in items if "김민준" in item)
    picker.setTextValue(choice)
    with qtbot.waitSignal(menu.ticket_marked_used) as marked:
        picker.accept()
    ax_ticket_code = marked.args[0]
    tickets = [
        t
        for s in window.ctx.journal.list_orders()
        for o in window.shell.sandbox.state.orders_for(s.channel_order_code)
        for t in o.tickets
        if t.ax_ticket_code == ax_ticket_code
    ]
    assert [t.status for t in tickets] == ["Used"]


def test_the_practice_menu_is_only_in_practice_mode(qtbot, launch_window) -> None:
    window = launch_window(sandbox=False)
    assert window.practice is None
    titles = [action.text() for action in window.menuBar().actions()]
    assert not [title for title in titles if "Practice" in title]


def answer_the_question(button: QMessageBox.StandardButton, seen: list[str]) -> None:
    """Answer the modal question that closing opens (it runs its own event loop)."""

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.append(box.text())
        box.button(button).click()

    QTimer.singleShot(0, answer)


def test_quitting_practice_with_a_half_typed_order_asks_first(qtbot, launch_window) -> None:
    window = practice_window(qtbot, launch_window)
    window.order_tab.form.header.purchaser.name_edit.setText("홍길동")
    qtbot.waitUntil(lambda: not window.order_tab.form.state().is_blank())

    seen: list[str] = []
    answer_the_question(QMessageBox.StandardButton.No, seen)
    window.actions_.quit.trigger()  # File > Quit, Ctrl+Q
    assert seen
    assert "practice" in seen[0].lower()
    assert window.isVisible()  # kept open

    answer_the_question(QMessageBox.StandardButton.Yes, seen)
    window.actions_.quit.trigger()
    assert len(seen) == 2
    assert not window.isVisible()
    assert window.stopped_cleanly is True


def test_quitting_practice_with_a_blank_form_does_not_ask(qtbot, launch_window) -> None:
    window = practice_window(qtbot, launch_window)
    assert window.order_tab.form.state().is_blank()
    window.actions_.quit.trigger()
    assert not window.isVisible()
