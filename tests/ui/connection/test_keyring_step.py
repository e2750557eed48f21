"""The connection dialog's keyring work (connection/keyring_step.py): secrets read back
from the keyring on the worker, and no real keyring means fail closed, never plain text."""

from __future__ import annotations

import keyring
from connection_support import fill
from keyring.backends import fail
from PySide6.QtWidgets import QLineEdit

from axdesk.ui.connection.dialog import ConnectionDialog


def test_reopening_fills_the_secrets_from_the_keyring(qtbot, shell, sandbox) -> None:
    first = ConnectionDialog(shell)
    qtbot.addWidget(first)
    fill(first, sandbox.base_url, sandbox.api_key, sandbox.channel_code)
    with qtbot.waitSignal(first.connected):
        first.connect_button.click()

    # The keyring is read on the worker; its answer arrives through the event loop,
    # so connecting right after construction cannot miss it.
    reopened = ConnectionDialog(shell)
    qtbot.addWidget(reopened)
    with qtbot.waitSignal(reopened.secrets_loaded, timeout=5000) as blocker:
        pass
    assert blocker.args == ["Seoul desk"]
    assert reopened.profile_form.name_edit.text() == "Seoul desk"
    assert reopened.profile_form.api_key_edit.text() == sandbox.api_key
    assert reopened.profile_form.channel_code_edit.text() == sandbox.channel_code
    assert reopened.profile_form.api_key_edit.echoMode() == QLineEdit.EchoMode.Password
    reopened.profile_form.show_secrets_check.setChecked(True)
    assert reopened.profile_form.api_key_edit.echoMode() == QLineEdit.EchoMode.Normal


def test_without_a_real_keyring_it_fails_closed_and_offers_session_only(
    qtbot, dialog, sandbox, shell
) -> None:
    keyring.set_keyring(fail.Keyring())  # the autouse memory_keyring fixture restores it
    fill(dialog, sandbox.base_url, sandbox.api_key, sandbox.channel_code)
    with (
        qtbot.assert_not_emitted(dialog.connected),
        qtbot.waitSignal(dialog.problem_shown) as blocker,
    ):
        dialog.connect_button.click()
    assert "No secure keyring" in blocker.args[0]
    assert "session only" in blocker.args[0]
    assert dialog.profile_form.session_only_check.isVisibleTo(dialog)
    assert shell.ctx.settings.profile("Seoul desk") is None  # nothing half-saved

    dialog.profile_form.session_only_check.setChecked(True)
    assert shell.settings_saver is not None
    with (
        qtbot.waitSignal(dialog.connected),
        qtbot.waitSignal(shell.settings_saver.saved, timeout=5000),
    ):
        dialog.connect_button.click()
    assert shell.secrets.session_only
    assert shell.ctx.connection.profile is not None
    settings_text = shell.ctx.paths.settings_path.read_text(encoding="utf-8")
    assert sandbox.api_key not in settings_text


def test_removing_a_profile_forgets_its_secrets(qtbot, dialog, sandbox, shell, memory_keyring):
    fill(dialog, sandbox.base_url, sandbox.api_key, sandbox.channel_code)
    with qtbot.waitSignal(dialog.connected):
        dialog.connect_button.click()
    assert memory_keyring.secrets
    dialog.remove_profile("Seoul desk")
    qtbot.waitUntil(lambda: not memory_keyring.secrets)
    assert shell.ctx.settings.profile("Seoul desk") is None
