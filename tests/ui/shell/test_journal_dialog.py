"""File > Journal… (issue 15 §1): this computer or a team server, the password in the
keyring, Test on the worker against a real PostgreSQL started by the tests, Save for the
next start, AXDESK_JOURNAL_URL read-only."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from keyring.backends import fail
from pg_server import PG_PASSWORD, password_pg_url, pg_url, postgres_server
from PySide6.QtWidgets import QDialogButtonBox

from axdesk.store.journal_setting import TeamServer
from axdesk.store.journal_url import JOURNAL_URL_ENV, pg_target
from axdesk.store.paths import AppPaths
from axdesk.ui.common import i18n
from axdesk.ui.common.i18n import Translations
from axdesk.ui.common.resources import translations_dir
from axdesk.ui.connection.secrets import JOURNAL_SERVICE, SecretStore
from axdesk.ui.shell.bootstrap import Shell, open_shell
from axdesk.ui.shell.journal_dialog import JournalDialog

__all__ = ["password_pg_url", "pg_url", "postgres_server"]


@pytest.fixture
def desk(qapp: Any, app_home: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[Shell]:
    monkeypatch.delenv(JOURNAL_URL_ENV, raising=False)
    shell = open_shell(AppPaths.default(), secrets=SecretStore())
    try:
        yield shell
    finally:
        shell.close()


@pytest.fixture
def korean(qapp: Any, tmp_path: Path) -> Iterator[None]:
    for ts in translations_dir().glob("*.ts"):
        shutil.copy(ts, tmp_path / ts.name)
    i18n.build(tmp_path)
    translations = Translations(qapp, tmp_path)
    translations.apply("ko")
    try:
        yield
    finally:
        translations.apply("en")


def _dialog(qtbot: Any, shell: Shell, notes: list[str] | None = None) -> JournalDialog:
    dialog = JournalDialog(shell, notes.append if notes is not None else None)
    qtbot.addWidget(dialog)
    return dialog


def _fill(dialog: JournalDialog, url: str, password: str = "") -> None:
    keywords = pg_target(url).keywords
    dialog.team_server.setChecked(True)
    dialog.host_edit.setText(keywords["host"])
    dialog.port_spin.setValue(int(keywords["port"]))
    dialog.database_edit.setText(keywords["dbname"])
    dialog.user_edit.setText(keywords["user"])
    dialog.password_edit.setText(password)


def _save(dialog: JournalDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def test_this_computer_is_the_default_and_needs_no_fields(qtbot: Any, desk: Shell) -> None:
    dialog = _dialog(qtbot, desk)
    assert dialog.this_computer.isChecked()
    assert not dialog.host_edit.isEnabled()
    assert not dialog.test_button.isEnabled()
    dialog.team_server.setChecked(True)
    assert dialog.host_edit.isEnabled()
    assert dialog.password_edit.isEnabled()


def test_the_tls_line_follows_the_stores_rule(qtbot: Any, desk: Shell) -> None:
    dialog = _dialog(qtbot, desk)
    _fill(dialog, "postgresql://clerk@db.agency.example:5432/axdesk")
    assert "verify-full" in dialog.tls_label.text()
    dialog.host_edit.setText("127.0.0.1")
    assert "no TLS is needed" in dialog.tls_label.text()


def test_test_runs_on_the_worker_and_says_it_works(
    qtbot: Any, desk: Shell, password_pg_url: str
) -> None:
    dialog = _dialog(qtbot, desk)
    _fill(dialog, password_pg_url, PG_PASSWORD)
    with qtbot.waitSignal(dialog.tested, timeout=15_000) as done:
        dialog.test_button.click()
        assert dialog.result_label.text() == "Connecting to the team server…"  # not waited
        assert not dialog.test_button.isEnabled()
    assert done.args[0].works
    assert "works" in dialog.result_label.text()
    assert dialog.test_button.isEnabled()


def test_a_wrong_password_is_one_sentence_in_korean(
    qtbot: Any, desk: Shell, password_pg_url: str, korean: None
) -> None:
    dialog = _dialog(qtbot, desk)
    _fill(dialog, password_pg_url, "wrong-one")
    with qtbot.waitSignal(dialog.tested, timeout=15_000) as done:
        dialog.test_button.click()
    assert not done.args[0].works
    shown = dialog.result_label.text()
    assert "사용자 이름 또는 비밀번호를 거부했습니다" in shown
    assert "wrong-one" not in shown


def test_save_keeps_the_password_in_the_keyring_only_and_says_next_start(
    qtbot: Any, desk: Shell, password_pg_url: str, memory_keyring: Any
) -> None:
    notes: list[str] = []
    dialog = _dialog(qtbot, desk, notes)
    _fill(dialog, password_pg_url, PG_PASSWORD)
    with qtbot.waitSignal(dialog.saved, timeout=10_000) as saved:
        _save(dialog)
    server = saved.args[0]
    assert isinstance(server, TeamServer)
    assert desk.ctx.settings.team_journal == server
    assert memory_keyring.secrets[(JOURNAL_SERVICE, server.account)] == PG_PASSWORD
    assert "next start" in notes[-1]
    assert server.where in notes[-1]
    assert desk.settings_saver is not None
    desk.settings_saver.flush()
    assert PG_PASSWORD not in AppPaths.default().settings_path.read_text()
    assert desk.ctx.journal.backend == "sqlite"  # the switch waits for the next start
    again = _dialog(qtbot, desk)  # opened again: the saved password is known, not shown
    assert again.team_server.isChecked()
    assert again.password_edit.text() == ""
    qtbot.waitUntil(lambda: "leave empty to keep it" in again.password_edit.placeholderText())
    with qtbot.waitSignal(again.tested, timeout=15_000) as done:
        again.test_button.click()  # the kept password is read on the worker
    assert done.args[0].works


def test_going_back_to_this_computer_forgets_the_password(
    qtbot: Any, desk: Shell, memory_keyring: Any
) -> None:
    server = TeamServer(host="db.agency.example", database="axdesk", user="clerk")
    desk.ctx.settings.team_journal = server
    desk.secrets.save_journal_password(server.account, "old")
    dialog = _dialog(qtbot, desk, [])
    assert dialog.team_server.isChecked()
    dialog.this_computer.setChecked(True)
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        _save(dialog)
    assert desk.ctx.settings.team_journal is None
    assert (JOURNAL_SERVICE, server.account) not in memory_keyring.secrets


def test_a_bad_field_is_said_and_nothing_is_saved(qtbot: Any, desk: Shell) -> None:
    dialog = _dialog(qtbot, desk)
    _fill(dialog, "postgresql://clerk@db.agency.example:5432/axdesk")
    dialog.database_edit.setText("ax desk")
    _save(dialog)
    assert "may hold only letters" in dialog.result_label.text()
    assert desk.ctx.settings.team_journal is None


def test_without_a_keyring_the_password_is_not_saved_nor_the_setting(
    qtbot: Any, qapp: Any, app_home: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(JOURNAL_URL_ENV, raising=False)
    shell = open_shell(AppPaths.default(), secrets=SecretStore(fail.Keyring()))
    try:
        dialog = _dialog(qtbot, shell)
        _fill(dialog, "postgresql://clerk@db.agency.example:5432/axdesk", "pg-secret")
        _save(dialog)
        qtbot.waitUntil(lambda: "Nothing was saved" in dialog.result_label.text(), timeout=5000)
        assert "No secure keyring" in dialog.result_label.text()
        assert shell.ctx.settings.team_journal is None
        assert dialog.buttons.isEnabled()
    finally:
        shell.close()


def test_axdesk_journal_url_wins_and_is_shown_read_only(
    qtbot: Any, qapp: Any, app_home: Any, pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(JOURNAL_URL_ENV, pg_url)
    shell = open_shell(AppPaths.default(), secrets=SecretStore())
    try:
        dialog = _dialog(qtbot, shell)
        assert dialog.read_only
        assert not dialog.admin_note.isHidden()
        assert "AXDESK_JOURNAL_URL" in dialog.admin_note.text()
        assert pg_target(pg_url).where in dialog.admin_note.text()
        assert dialog.team_server.isChecked()
        assert not dialog.team_server.isEnabled()
        assert not dialog.host_edit.isEnabled()
        assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Save).isEnabled()
        with qtbot.waitSignal(dialog.tested, timeout=15_000) as done:
            dialog.test_button.click()
        assert done.args[0].works
    finally:
        shell.close()


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_the_file_menu_opens_it(qtbot: Any, launch_window: Any) -> None:
    window = launch_window()
    actions = window.actions_
    assert actions.journal in actions.file_menu.actions()
    assert actions.journal.text() == "&Journal…"
    actions.journal.trigger()
    qtbot.waitUntil(lambda: isinstance(window.findChild(JournalDialog), JournalDialog))
    window.findChild(JournalDialog).reject()


def test_a_session_only_keyring_keeps_no_journal_password(
    qtbot: Any, qapp: Any, app_home: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(JOURNAL_URL_ENV, raising=False)
    secrets = SecretStore(fail.Keyring())
    secrets.use_session_only()  # the operator's choice for the API key
    shell = open_shell(AppPaths.default(), secrets=secrets)
    try:
        dialog = _dialog(qtbot, shell)
        _fill(dialog, "postgresql://clerk@db.agency.example:5432/axdesk", "pg-secret")
        _save(dialog)
        assert "gone at the next start" in dialog.result_label.text()
        assert shell.ctx.settings.team_journal is None
        assert secrets.load_journal_password("clerk@db.agency.example:5432/axdesk") is None
        dialog.password_edit.clear()  # without a password (libpq's pgpass) it is saved
        with qtbot.waitSignal(dialog.saved, timeout=10_000):
            _save(dialog)
        assert shell.ctx.settings.team_journal is not None
    finally:
        shell.close()
