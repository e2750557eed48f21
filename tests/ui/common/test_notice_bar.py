"""The one message bar: kinds, details, appending, dismissing, names, the language."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from axdesk.ui.common import i18n
from axdesk.ui.common.i18n import Translations
from axdesk.ui.common.notice_bar import INFO, KINDS, PROBLEM, WARNING, NoticeBar
from axdesk.ui.common.resources import translations_dir


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    return window


def make_bar(parent: QWidget, **options: bool) -> NoticeBar:
    bar = NoticeBar(parent, **options)
    bar.resize(400, 60)
    return bar


def test_a_new_bar_is_hidden_and_empty(parent: QWidget) -> None:
    bar = make_bar(parent)
    assert not bar.isVisibleTo(parent)
    assert bar.text.text() == ""
    assert not bar.action.isVisibleTo(bar)


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_shows_its_sentence_and_names_it(parent: QWidget, kind: str) -> None:
    bar = make_bar(parent)
    bar.show_notice(kind, "AX could not be reached.")
    assert bar.isVisibleTo(parent)
    assert bar.kind == kind
    assert bar.text.text() == "AX could not be reached."
    assert bar.accessibleDescription() == "AX could not be reached."
    names = {INFO: "Note", WARNING: "Warning", PROBLEM: "Problem"}
    assert bar.text.accessibleName() == names[kind]
    assert not bar.icon.pixmap().isNull()


def test_an_unknown_kind_is_refused(parent: QWidget) -> None:
    bar = make_bar(parent)
    with pytest.raises(ValueError, match="error"):
        bar.show_notice("error", "Something.")
    assert not bar.isVisibleTo(parent)


def test_details_are_the_sentences_tooltip(parent: QWidget) -> None:
    bar = make_bar(parent)
    bar.show_notice(PROBLEM, "AX refused the request.", "HTTP 400: email: invalid")
    assert bar.text.toolTip() == "HTTP 400: email: invalid"
    bar.show_notice(INFO, "Saved.")
    assert bar.text.toolTip() == ""


def test_a_second_problem_is_appended_below_the_first(parent: QWidget) -> None:
    bar = make_bar(parent)
    bar.show_notice(PROBLEM, "AX could not be reached.", "connect refused")
    bar.show_notice(PROBLEM, "The sandbox stopped.", "port closed")
    assert bar.text.text() == "AX could not be reached.\nThe sandbox stopped."
    assert bar.text.toolTip() == "connect refused\nport closed"
    assert bar.kind == PROBLEM


def test_a_note_or_a_warning_replaces_what_is_shown(parent: QWidget) -> None:
    bar = make_bar(parent)
    bar.show_notice(PROBLEM, "AX could not be reached.")
    bar.show_notice(INFO, "Imported 3 products.")
    assert bar.text.text() == "Imported 3 products."
    bar.show_notice(PROBLEM, "The sandbox stopped.")
    assert bar.text.text() == "The sandbox stopped."  # a problem after a note starts again
    bar.show_notice(WARNING, "Numbers that do not add up.")
    assert bar.text.text() == "Numbers that do not add up."


def test_a_problem_after_a_dismissed_one_starts_again(parent: QWidget) -> None:
    bar = make_bar(parent)
    bar.show_notice(PROBLEM, "AX could not be reached.")
    bar.close_button.click()
    bar.show_notice(PROBLEM, "The sandbox stopped.")
    assert bar.text.text() == "The sandbox stopped."


def test_a_bar_that_does_not_append_replaces_its_problem(parent: QWidget) -> None:
    bar = make_bar(parent, append_problems=False)
    bar.show_notice(PROBLEM, "AX could not be reached.", "first")
    bar.show_notice(PROBLEM, "AX had a server error.", "second")
    assert bar.text.text() == "AX had a server error."
    assert bar.text.toolTip() == "second"


def test_the_close_button_dismisses_the_message(parent: QWidget) -> None:
    bar = make_bar(parent)
    bar.show_notice(PROBLEM, "AX could not be reached.", "details")
    bar.close_button.click()
    assert not bar.isVisibleTo(parent)
    assert bar.text.text() == ""
    assert bar.text.toolTip() == ""
    bar.show_notice(INFO, "Back.")
    bar.clear()
    assert not bar.isVisibleTo(parent)


def test_the_sentence_is_plain_text(parent: QWidget) -> None:
    bar = make_bar(parent)
    bar.show_notice(PROBLEM, "AX said: <b>nope</b>")
    assert bar.text.textFormat() == Qt.TextFormat.PlainText
    assert bar.text.text() == "AX said: <b>nope</b>"


def test_the_close_button_is_named_and_its_owner_can_rename_it(parent: QWidget) -> None:
    bar = make_bar(parent)
    assert bar.close_button.accessibleName() == "Dismiss this message"
    assert bar.close_button.toolTip() == "Dismiss"
    bar.set_close_name("Close data warnings")
    assert bar.close_button.accessibleName() == "Close data warnings"
    assert bar.close_button.toolTip() == "Close data warnings"
    QCoreApplication.sendEvent(bar, QEvent(QEvent.Type.LanguageChange))
    assert bar.close_button.accessibleName() == "Close data warnings"


def test_the_action_button_is_its_owners(qtbot: QtBot, parent: QWidget) -> None:
    bar = make_bar(parent)
    bar.action.setText("Show first")
    bar.action.show()
    bar.show_notice(WARNING, "Numbers that do not add up.")
    assert bar.action.isVisibleTo(parent)
    with qtbot.waitSignal(bar.action.clicked):
        qtbot.mouseClick(bar.action, Qt.MouseButton.LeftButton)
    bar.clear()
    assert not bar.action.isVisibleTo(parent)


def test_the_names_follow_a_language_switch(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, parent: QWidget
) -> None:
    bar = make_bar(parent)
    bar.show_notice(WARNING, "Numbers that do not add up.")
    shutil.copy(translations_dir() / "axdesk_ko.ts", tmp_path / "axdesk_ko.ts")
    i18n.build(tmp_path)
    translations = Translations(qapp, tmp_path)
    try:
        translations.apply("ko")  # the language change reaches the bar as a posted event
        qtbot.waitUntil(lambda: bar.text.accessibleName() == "경고")
        assert bar.close_button.accessibleName() == "이 알림 닫기"
        assert bar.close_button.toolTip() == "닫기"
    finally:
        translations.apply("en")
    qtbot.waitUntil(lambda: bar.text.accessibleName() == "Warning")
    assert bar.close_button.accessibleName() == "Dismiss this message"
