"""The status bar (shell/status_bar.py): the connection state it shows follows the calls."""

from __future__ import annotations

import pytest

from axdesk.api import AxClient, CallRecord
from axdesk.ui.common.context import (
    ENVIRONMENT_CUSTOM,
    Connection,
    ConnectionProfile,
)
from axdesk.ui.common.worker import Worker
from axdesk.ui.shell.status_bar import ShellStatusBar


@pytest.mark.parametrize(
    ("error", "link_is_down", "words"),
    [
        ("AxAuthError: AX refused the API key", True, "AX refused the API key or channel code"),
        ("AxNetworkError: no answer", True, "AX could not be reached"),
        ("AxServerError: HTTP 500", True, "AX had a server error"),
        ("AxMalformedResponseError: not JSON", True, "the answer was not understood"),
        ("AxNotFoundError: HTTP 404", False, "Connected: Desk"),
        (None, False, "Connected: Desk"),
    ],
)
def test_the_status_bar_and_the_last_success_agree_on_what_a_link_problem_is(
    qapp, error: str | None, link_is_down: bool, words: str
) -> None:
    connection, worker = Connection(), Worker()
    client = AxClient("https://ax.example", "key-1234", "channel-1234")
    connection.use(ConnectionProfile("Desk", ENVIRONMENT_CUSTOM, client.base_url), client)
    bar = ShellStatusBar(connection, worker)
    try:
        connection.call_finished.emit(CallRecord("GET", "/v1/x", 403, 1.0, error=error))

        assert words in bar.state_label.text()
        assert (connection.last_success is None) is link_is_down
    finally:
        bar.deleteLater()
        connection.close_client()
        worker.shutdown()
