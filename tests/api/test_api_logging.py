"""At DEBUG, httpx's and httpcore's records never carry the API key or channel code.

A server that echoes the credentials in its answer's headers put them in
axdesk.log 12 times per call at DEBUG (httpcore logs every header it receives).
The client's logging filter scrubs every secret the process's clients hold,
however short, from every record of those loggers before any handler sees it.
"""

from __future__ import annotations

import logging
import socket
import threading
from collections.abc import Iterator

import pytest
from hostile_server import HostileServer

from axdesk.api import AxClient, AxRejectedError

LONG_KEY = "api_key_secret_0123456789"
LONG_CODE = "code_secret_abcdef"
SHORT_KEY = "Zq9"
SHORT_CODE = "Q"


def echoing(server_requests: list[bytes]) -> object:
    """Answer 400 with the request's headers in the answer's headers and body."""

    def behave(connection: socket.socket, stop: threading.Event) -> None:
        head = server_requests[-1].split(b"\r\n\r\n", 1)[0]
        echoed = [
            b"X-Echo-" + line
            for line in head.split(b"\r\n")[1:]
            if line.lower().startswith((b"authorization:", b"channel:"))
        ]
        body = b'{"message": "bad credentials: ' + head.replace(b"\r\n", b" | ") + b'"}'
        connection.sendall(
            b"HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\n"
            + b"".join(line + b"\r\n" for line in echoed)
            + f"Content-Length: {len(body)}\r\n\r\n".encode()
            + body
        )

    return behave


@pytest.fixture
def echo_server() -> Iterator[HostileServer]:
    server = HostileServer(lambda connection, stop: None)
    server.behaviour = echoing(server.requests)  # type: ignore[assignment]
    yield server
    server.close()


class Collect(logging.Handler):
    """Keeps each record as a formatted line, exactly as a file handler would write it."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


@pytest.fixture
def debug_lines() -> Iterator[list[str]]:
    handler = Collect()
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    yield handler.lines
    root.removeHandler(handler)
    root.setLevel(old_level)


@pytest.mark.parametrize(
    ("key", "code"), [(LONG_KEY, LONG_CODE), (SHORT_KEY, SHORT_CODE)], ids=["long", "short"]
)
def test_debug_records_never_carry_the_credentials(
    echo_server: HostileServer, debug_lines: list[str], key: str, code: str
) -> None:
    with (
        AxClient(echo_server.base_url, key, code, max_retries=0) as client,
        pytest.raises(AxRejectedError) as raised,
    ):
        client.get_order_status("abc")
    assert f"Token {key}".encode() in echo_server.requests[0]  # the server did get them
    http_lines = [line for line in debug_lines if line.startswith(("httpx", "httpcore"))]
    assert any("X-Echo-Authorization" in line for line in http_lines)  # httpcore logged them
    text = "\n".join(debug_lines)
    assert f"Token {key}" not in text
    assert f"Code {code}" not in text
    if len(key) >= 4:
        assert key not in text
        assert code not in text
    message = str(raised.value) + (raised.value.server_message or "")
    assert f"Token {key}" not in message
    assert f"Code {code}" not in message


def test_every_clients_secrets_are_scrubbed_while_several_are_open(
    echo_server: HostileServer, debug_lines: list[str]
) -> None:
    other_key, other_code = "second_key_9876543210", "second_code_fedcba"
    with (
        AxClient(echo_server.base_url, LONG_KEY, LONG_CODE, max_retries=0) as first,
        AxClient(echo_server.base_url, other_key, other_code, max_retries=0) as second,
    ):
        for client in (first, second):
            with pytest.raises(AxRejectedError):
                client.get_order_status("abc")
    text = "\n".join(debug_lines)
    for secret in (LONG_KEY, LONG_CODE, other_key, other_code):
        assert secret not in text


def test_a_record_logged_with_arguments_is_scrubbed_too(debug_lines: list[str]) -> None:
    with AxClient("http://127.0.0.1:9", LONG_KEY, LONG_CODE) as client:
        logging.getLogger("httpcore.http11").debug("echo %s and %r", LONG_KEY, (LONG_CODE,))
        logging.getLogger("httpx").debug("plain " + LONG_CODE)
        assert client.base_url
    text = "\n".join(debug_lines)
    assert LONG_KEY not in text
    assert LONG_CODE not in text
    assert "echo *** and ('***',)" in text


def test_every_logger_of_the_http_stack_is_scrubbed(
    echo_server: HostileServer, debug_lines: list[str]
) -> None:
    from axdesk.api.redaction import SCRUBBED_LOGGERS

    with AxClient(echo_server.base_url, LONG_KEY, LONG_CODE, max_retries=0) as client:
        with pytest.raises(AxRejectedError):
            client.get_order_status("abc")
        stack = [
            name
            for name in logging.Logger.manager.loggerDict
            if name.split(".")[0] in ("httpx", "httpcore")
        ]
        assert stack
        assert set(stack) <= set(SCRUBBED_LOGGERS), set(stack) - set(SCRUBBED_LOGGERS)
        for name in SCRUBBED_LOGGERS:
            assert logging.getLogger(name).filters


def test_a_closed_clients_secrets_are_no_longer_scrubbed(debug_lines: list[str]) -> None:
    word = "kiwi_secret_only_here"
    with AxClient("http://127.0.0.1:9", word, "another_code_only_here"):
        logging.getLogger("httpx").debug("during: %s", word)
    logging.getLogger("httpx").debug("after: %s", word)
    assert "during: ***" in debug_lines[-2]
    assert debug_lines[-1].endswith(f"after: {word}")  # other text is left alone for good
