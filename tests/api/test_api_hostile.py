"""Hostile answers through the real client over real loopback sockets (issue 11 evidence).

Whatever a server sends — trickled headers, body or chunks, endless ``100
Continue``, a gzip bomb (250 KB inflating to 256 MiB), a 200 MB body (with a
length, chunked, or up to the close), or anything hypothesis makes of status,
headers and body bytes — only ``AxError`` leaves the client, every call ends
within its deadline + 2 s, and the process grows by at most 50 MB while it
runs (traced Python allocations, and the resident size sampled every 5 ms).
The caps are the real ones (``CALL_LIMITS``); only the deadline is shortened
to keep the suite quick. The figures are printed (``pytest -s``).
"""

from __future__ import annotations

import os
import threading
import time
import tracemalloc
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from hostile_server import (
    HostileServer,
    big_body,
    big_chunked_body,
    big_unframed_body,
    endless_continue,
    fixed,
    gzip_bomb,
    gzip_bomb_bytes,
    resident_size,
    sampled_peak_rss,
    trickled_body,
    trickled_chunks,
    trickled_headers,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from axdesk.api import CALL_LIMITS, AxClient, AxError

API_KEY = "api_key_secret_0123456789"
CHANNEL_CODE = "code_secret_abcdef"
DEADLINE = 3.0
SLACK = 2.0
MB = 1024 * 1024
GROWTH_LIMIT = 50 * MB


@dataclass
class Outcome:
    seconds: float
    error: BaseException | None
    traced_peak: int
    rss_peak: int


def measured(call: Callable[[], object]) -> Outcome:
    """Run ``call``; its duration, what it raised, and the memory it grew by at its peak."""
    stop = threading.Event()
    tracemalloc.start()
    baseline = tracemalloc.get_traced_memory()[0]
    rss_before = resident_size()
    peak_rss = sampled_peak_rss(stop)
    began = time.monotonic()
    error: BaseException | None = None
    try:
        call()
    except BaseException as raised:  # the test sorts what escaped
        error = raised
    seconds = time.monotonic() - began
    traced = tracemalloc.get_traced_memory()[1] - baseline
    tracemalloc.stop()
    stop.set()
    return Outcome(seconds, error, traced, max(0, peak_rss() - rss_before))


@pytest.fixture(scope="module")
def bomb() -> bytes:
    return gzip_bomb_bytes(256 * MB)  # 256 MiB of zeros in about 250 KB


SCENARIOS: dict[str, Callable[[bytes], object]] = {
    "trickled headers": lambda bomb: trickled_headers(0.2),
    "trickled body": lambda bomb: trickled_body(0.2),
    "trickled chunks": lambda bomb: trickled_chunks(0.2),
    "endless 100 Continue": lambda bomb: endless_continue(0.005),
    "gzip bomb (256 MiB)": gzip_bomb,
    "200 MB body": lambda bomb: big_body(200 * MB),
    "200 MB chunked body": lambda bomb: big_chunked_body(200 * MB),
    "200 MB, no length": lambda bomb: big_unframed_body(200 * MB),
    "header flood": lambda bomb: fixed(b"HTTP/1.1 200 OK\r\n" + b"X-A: b\r\n" * 200_000),
    "garbage": lambda bomb: fixed(os.urandom(4096)),
    "cut short": lambda bomb: fixed(b'HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n{"a'),
}


@pytest.mark.slow
@pytest.mark.parametrize("scenario", list(SCENARIOS))
@pytest.mark.parametrize("kind", ["inventory", "create order"])
def test_a_hostile_server_gets_a_sentence_on_time_and_no_memory(
    scenario: str, kind: str, bomb: bytes
) -> None:
    from test_api_client import page_request

    server = HostileServer(SCENARIOS[scenario](bomb))  # type: ignore[arg-type]
    request = page_request()
    try:
        with AxClient(
            server.base_url,
            API_KEY,
            CHANNEL_CODE,
            max_retries=0,
            call_limits=CALL_LIMITS.with_deadline(DEADLINE),
        ) as client:
            call: Callable[[], object] = (
                (lambda: client.get_inventory("product-1"))
                if kind == "inventory"
                else (lambda: client.create_order(request))
            )
            outcome = measured(call)
    finally:
        server.close()
    print(
        f"{scenario:>22} / {kind:<12}: {outcome.seconds:5.2f} s, traced peak "
        f"{outcome.traced_peak / MB:5.1f} MB, RSS peak +{outcome.rss_peak / MB:5.1f} MB, "
        f"{type(outcome.error).__name__}"
    )
    assert isinstance(outcome.error, AxError), repr(outcome.error)
    assert outcome.seconds <= DEADLINE + SLACK
    assert outcome.traced_peak <= GROWTH_LIMIT
    assert outcome.rss_peak <= GROWTH_LIMIT
    if kind == "inventory":
        assert outcome.error.outcome_unknown is False


# --------------------------------------------------------------------------- generated answers

_TOKEN = st.text(
    alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_"),
    min_size=1,
    max_size=20,
)
_HEADER_VALUE = st.one_of(
    st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=60),
    st.binary(max_size=40),
    st.sampled_from(
        ["gzip", "deflate", "br", "identity, gzip", "chunked", "0", "-1", "99999999999", "nan"]
    ),
)
_HEADER_NAME = st.one_of(
    _TOKEN,
    st.sampled_from(
        [
            "Content-Length",
            "Content-Encoding",
            "Transfer-Encoding",
            "Content-Type",
            "Retry-After",
            "Location",
            "Connection",
        ]
    ),
)
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=10), inner),
    max_leaves=15,
)
_BODY = st.one_of(
    st.binary(max_size=2048),
    _JSON.map(lambda value: __import__("json").dumps(value).encode()),
    _JSON.map(
        lambda value: (
            __import__("json")
            .dumps({"status_code": 200, "option_codes": {"o": [value]}, "data": [value]})
            .encode()
        )
    ),
)


def _header_bytes(name: str, value: str | bytes) -> bytes:
    raw = value if isinstance(value, bytes) else value.encode("ascii", "replace")
    return name.encode("ascii") + b": " + raw.replace(b"\r", b" ").replace(b"\n", b" ") + b"\r\n"


@st.composite
def answers(draw: st.DrawFn) -> bytes:
    status = draw(st.integers(min_value=100, max_value=999))
    headers = draw(st.lists(st.tuples(_HEADER_NAME, _HEADER_VALUE), max_size=6))
    body = draw(_BODY)
    framing = draw(st.sampled_from(["length", "chunked", "close", "wrong length"]))
    head = f"HTTP/1.1 {status} Whatever\r\n".encode()
    head += b"".join(_header_bytes(name, value) for name, value in headers)
    if framing == "length":
        head += f"Content-Length: {len(body)}\r\n".encode()
    elif framing == "wrong length":
        head += f"Content-Length: {len(body) + draw(st.integers(-5, 50))}\r\n".encode()
    elif framing == "chunked":
        head += b"Transfer-Encoding: chunked\r\n"
        body = (f"{len(body):x}\r\n".encode() + body + b"\r\n0\r\n\r\n") if body else b"0\r\n\r\n"
    return head + b"\r\n" + body


class Answering:
    """A loopback server that sends whatever answer the current example holds."""

    def __init__(self) -> None:
        self.answer = b""
        self.server = HostileServer(self._behave)  # type: ignore[arg-type]

    def _behave(self, connection: object, stop: threading.Event) -> None:
        connection.sendall(self.answer)  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def answering() -> Iterator[Answering]:
    running = Answering()
    yield running
    running.server.close()


@pytest.mark.slow
@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(answer=answers(), call=st.sampled_from(["inventory", "status", "order", "cancel"]))
def test_any_answer_is_a_value_or_an_ax_error_on_time(
    answering: Answering, answer: bytes, call: str
) -> None:
    from test_api_client import page_request

    answering.answer = answer
    with AxClient(
        answering.server.base_url,
        API_KEY,
        CHANNEL_CODE,
        max_retries=0,
        timeout=1.0,
        call_limits=CALL_LIMITS.with_deadline(2.0),
    ) as client:
        calls: dict[str, Callable[[], object]] = {
            "inventory": lambda: client.get_inventory("product-1"),
            "status": lambda: client.get_order_status("abc"),
            "order": lambda: client.create_order(page_request()),
            "cancel": lambda: client.cancel_ticket("order", "ticket"),
        }
        began = time.monotonic()
        failure: AxError | None = None
        try:
            calls[call]()
        except AxError as error:  # anything else escaping fails the test
            failure = error
        assert time.monotonic() - began <= 2.0 + SLACK
    if failure is not None:
        assert str(failure)  # a sentence
        assert API_KEY not in str(failure)
        assert CHANNEL_CODE not in str(failure)
        if call in ("inventory", "status"):
            assert failure.outcome_unknown is False
