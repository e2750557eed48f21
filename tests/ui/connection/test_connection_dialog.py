"""Connection dialog: a real test call on the worker, plain sentences, secrets in the keyring."""

from __future__ import annotations

import http.server
import json
import socket
import threading
from collections.abc import Iterator

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtWidgets import QLineEdit

from axdesk.ui.common.context import ENVIRONMENT_CUSTOM
from axdesk.ui.connection.dialog import ConnectionDialog
from axdesk.ui.connection.secrets import SERVICE
from axdesk.ui.shell.bootstrap import Shell


class _HtmlHandler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = b"<!doctype html><html><body><h1>Welcome to our shop</h1></body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # silence the request log
        return


@pytest.fixture
def html_server() -> Iterator[str]:
    """A tiny local web server that answers every request with an HTML page."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _HtmlHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join(2)


@pytest.fixture
def closed_port_url() -> str:
    """An address on this computer where nothing listens (connection refused)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"


@pytest.fixture
def dialog(qtbot, shell: Shell) -> ConnectionDialog:
    built = ConnectionDialog(shell)
    qtbot.addWidget(built)
    return built


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


def run_test(qtbot, dialog: ConnectionDialog) -> tuple[bool, str]:
    with qtbot.waitSignal(dialog.test_finished, timeout=15000) as blocker:
        dialog.test_button.click()
    ok, sentence = blocker.args
    assert dialog.result_label.text().endswith(sentence)
    return ok, sentence


def test_success_with_the_sandbox_credentials(qtbot, dialog, sandbox, shell) -> None:
    fill(dialog, sandbox.base_url, sandbox.api_key, sandbox.channel_code)
    with qtbot.assert_not_emitted(shell.ctx.worker.error_reported):
        ok, sentence = run_test(qtbot, dialog)
    assert ok
    assert "The connection works" in sentence
    assert dialog.test_button.isEnabled()
    log_text = shell.ctx.paths.call_log_path.read_text(encoding="utf-8")
    assert "GET /v1/channel/orders/tour/" in log_text  # the test call is in the call log
    assert sandbox.api_key not in log_text


def test_wrong_key_is_told_as_refused(qtbot, dialog, sandbox) -> None:
    fill(dialog, sandbox.base_url, "not-the-key-0000", sandbox.channel_code)
    ok, sentence = run_test(qtbot, dialog)
    assert not ok
    assert "AX refused the API key or the channel code (HTTP 403)" in sentence


def test_wrong_channel_code_is_told_as_refused(qtbot, dialog, sandbox) -> None:
    fill(dialog, sandbox.base_url, sandbox.api_key, "NO-SUCH-CHANNEL")
    ok, sentence = run_test(qtbot, dialog)
    assert not ok
    assert "AX refused the API key or the channel code" in sentence


def test_no_network_is_told_as_unreachable(qtbot, dialog, closed_port_url) -> None:
    fill(dialog, closed_port_url, "key-123456", "CH-1")
    ok, sentence = run_test(qtbot, dialog)
    assert not ok
    assert "Could not reach 127.0.0.1: there is no network connection" in sentence


def test_a_web_page_is_not_an_ax_server(qtbot, dialog, html_server) -> None:
    fill(dialog, html_server, "key-123456", "CH-1")
    ok, sentence = run_test(qtbot, dialog)
    assert not ok
    assert "it is not an AX server" in sentence
    assert html_server in sentence


def test_plain_http_is_refused_for_other_computers(qtbot, dialog) -> None:
    fill(dialog, "http://ax.example.com", "key-123456", "CH-1")
    with (
        qtbot.assert_not_emitted(dialog.test_finished),
        qtbot.waitSignal(dialog.problem_shown) as blocker,
    ):
        dialog.test_button.click()
    assert "must start with https://" in blocker.args[0]


def test_unknown_time_zone_is_refused(qtbot, dialog, sandbox) -> None:
    fill(dialog, sandbox.base_url, sandbox.api_key, sandbox.channel_code)
    dialog.profile_form.timezone_combo.setCurrentText("Asia/Nowhere")
    with qtbot.waitSignal(dialog.problem_shown) as blocker:
        dialog.test_button.click()
    assert "Asia/Nowhere is not a known time zone" in blocker.args[0]


def test_missing_key_is_asked_for(qtbot, dialog, sandbox) -> None:
    fill(dialog, sandbox.base_url, "", sandbox.channel_code)
    with qtbot.waitSignal(dialog.problem_shown) as blocker:
        dialog.connect_button.click()
    assert "Enter the API key" in blocker.args[0]


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
