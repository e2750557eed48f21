"""Helpers shared by the connection tests (imported as ``connection_support``)."""

from __future__ import annotations

from axdesk.ui.common.context import ENVIRONMENT_CUSTOM
from axdesk.ui.connection.dialog import ConnectionDialog


def fill(dialog: ConnectionDialog, url: str, api_key: str, channel_code: str) -> None:
    dialog.new_profile()
    dialog.profile_form.name_edit.setText("Seoul desk")
    dialog.profile_form.environment_combo.setCurrentIndex(
        dialog.profile_form.environment_combo.findData(ENVIRONMENT_CUSTOM)
    )
    dialog.profile_form.url_edit.setText(url)
    dialog.profile_form.timezone_combo.setCurrentText("Asia/Seoul")
    dialog.profile_form.api_key_edit.setText(api_key)
    dialog.profile_form.channel_code_edit.setText(channel_code)
