"""Connection dialog: connecting saves the profile in the settings and its secrets only in
the keyring (the form, the keyring work and Test connection have tests of their own)."""

from __future__ import annotations

import json

from connection_support import fill

from axdesk.ui.common.context import ENVIRONMENT_CUSTOM
from axdesk.ui.connection.secrets import SERVICE


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
