"""Test connection (connection/probe.py): a real call on the worker with the form's values,
and a plain sentence for each way it can end."""

from __future__ import annotations

import http.server
import socket
import threading
import time
from collections.abc import Iterator

import pytest
from connection_support import fill

from axdesk.api import (
    AxAuthError,
    AxError,
    AxMalformedResponseError,
    AxNetworkError,
    AxRateLimitedError,
    AxServerError,
)
from axdesk.ui.connection.dialog import ConnectionDialog
from axdesk.ui.connection.probe import describe_test_failure


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
    shell.call_log.flush()  # the call log is buffered; its thread writes it out soon
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


@pytest.mark.parametrize("sandbox_options", [{"latency_ms": 5000}])
def test_closing_the_dialog_interrupts_a_running_test(qtbot, dialog, sandbox, shell) -> None:
    fill(dialog, sandbox.base_url, sandbox.api_key, sandbox.channel_code)
    call_log = shell.ctx.paths.call_log_path

    def test_call_ended() -> bool:
        shell.call_log.flush()  # buffered: write out what the ended call recorded
        return call_log.exists() and "/v1/channel/orders/tour/" in call_log.read_text("utf-8")

    dialog.test_button.click()
    assert "Testing the connection to" in dialog.result_label.text()
    assert not dialog.test_button.isEnabled()  # busy while the call runs
    time.sleep(0.3)  # the request is waiting for the sandbox's answer
    assert not test_call_ended()
    began = time.monotonic()
    with qtbot.assert_not_emitted(dialog.test_finished):  # a closed dialog hears no answer
        dialog.reject()
        qtbot.waitUntil(test_call_ended, timeout=2000)  # not the sandbox's five seconds
    assert time.monotonic() - began < 2.0


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (
            AxAuthError("refused", status=401),
            "AX refused the API key or the channel code (HTTP 401)",
        ),
        (
            AxNetworkError("TLS certificate verify failed", request_sent=False),
            "The secure connection to ax.example.com failed: its certificate",
        ),
        (
            AxNetworkError("The server name could not be found", request_sent=False),
            "The server name ax.example.com could not be found.",
        ),
        (
            AxNetworkError("connection refused", request_sent=False),
            "Could not reach ax.example.com: there is no",
        ),
        (
            AxMalformedResponseError("not JSON"),
            "The server at https://ax.example.com/v1 answered, but it is not an AX server",
        ),
        (AxRateLimitedError("slow down"), "AX is busy right now (too many requests)."),
        (AxServerError("boom", status=502), "AX had a server error (HTTP 502)"),
        (AxServerError("boom"), "AX had a server error (HTTP 500)"),
        (AxError("The address is not usable."), "The address is not usable."),
    ],
    ids=["auth", "certificate", "name", "unreachable", "not-ax", "busy", "502", "5xx", "other"],
)
def test_each_outcome_has_its_sentence(error: BaseException, words: str) -> None:
    assert words in describe_test_failure(error, "https://ax.example.com/v1")
