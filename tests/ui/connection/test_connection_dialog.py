"""Connection dialog: connecting saves the profile in the settings and its secrets only in
the keyring (the form, the keyring work and Test connection have tests of their own)."""

from __future__ import annotations

import json

from connection_support import fill

from axdesk.ui.common.context import ENVIRONMENT_CUSTOM
from axdesk.ui.connection.secrets import SERVICE
from axdesk.ui.shell.status_bar import ShellStatusBar


def test_connect_keeps_secrets_only_in_the_keyring(
    qtbot, dialog, sandbox, shell, memory_keyring
) -> None:
    fill(dialog, sandbox.base_url, sandbox.api_key, sandbox.channel_code)
    assert shell.settings_saver is not None
    with (
        qtbot.waitSignal(dialog.connected) as blocker,
        qtbot.waitSignal(shell.settings_saver.saved, timeout=5000),  # written off the GUI thread
    ):
        dialog.connect_button.click()
    assert blocker.args == ["Seoul desk"]
    connection = shell.ctx.connection
    assert connection.profile is not None
    assert connection.profile.name == "Seoul desk"
    assert connection.profile.environment == ENVIRONMENT_CUSTOM

    stored = json.loads(memory_keyring.secrets[(SERVICE, "Seoul desk")])
    assert stored == {"api_key": sandbox.api_key, "channel_code": sandbox.channel_code}
    settings_text = shell.ctx.paths.settings_path.read_text(encoding="utf-8")
    assert "Seoul desk" in settings_text
    assert sandbox.api_key not in settings_text
    assert sandbox.channel_code not in settings_text
    assert shell.ctx.settings.last_profile == "Seoul desk"


def test_connect_right_after_a_failed_test_says_so_and_the_status_bar_shows_the_problem(
    qtbot, dialog, sandbox, shell
) -> None:
    status = ShellStatusBar(shell.ctx.connection, shell.ctx.worker)
    qtbot.addWidget(status)
    sandbox.practice.refuse_key()  # every request gets 403, as for a wrong key
    fill(dialog, sandbox.base_url, sandbox.api_key, sandbox.channel_code)
    with qtbot.waitSignal(dialog.test_finished, timeout=15_000) as tested:
        dialog.test_button.click()
    assert tested.args[0] is False

    # Connect is not taken silently: the dialog says the last test failed, and waits.
    with qtbot.assert_not_emitted(dialog.connected):
        dialog.connect_button.click()
    assert shell.ctx.connection.profile is not None
    assert shell.ctx.connection.profile.name != "Seoul desk"
    assert "The last connection test with these settings failed" in dialog.result_label.text()
    assert "anyway" in dialog.connect_button.text()

    # Asked again, it connects, and the status bar shows the problem, not "Connected".
    with qtbot.waitSignal(dialog.connected, timeout=10_000):
        dialog.connect_button.click()
    assert shell.ctx.connection.profile is not None
    assert shell.ctx.connection.profile.name == "Seoul desk"
    assert not status.state_label.text().startswith("Connected")
    assert "AX refused the API key or channel code" in status.state_label.text()
    assert "NOT WORKING" in status.badge.text()


def test_a_changed_form_or_a_passing_test_forgets_the_failed_test(
    qtbot, dialog, sandbox, shell
) -> None:
    sandbox.practice.refuse_key()
    fill(dialog, sandbox.base_url, sandbox.api_key, sandbox.channel_code)
    with qtbot.waitSignal(dialog.test_finished, timeout=15_000):
        dialog.test_button.click()
    sandbox.practice.refuse_key(False)
    with qtbot.waitSignal(dialog.test_finished, timeout=15_000) as tested:
        dialog.test_button.click()
    assert tested.args[0] is True
    with qtbot.waitSignal(dialog.connected, timeout=10_000):
        dialog.connect_button.click()  # at once: the last test passed
