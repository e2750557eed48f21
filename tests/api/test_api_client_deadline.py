"""One deadline for the whole call, over real loopback sockets.

httpx's timeouts bound each socket operation only: a server that sends a byte
every 0.2 s never trips a 10 s read timeout and, before the deadline, held
every call (16 of 16) for as long as it kept trickling. These tests hold the
client to ``deadline + 2 s`` whatever the server does, retries included.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator

import pytest
from hostile_server import (
    HostileServer,
    endless_continue,
    trickled_body,
    trickled_chunks,
    trickled_headers,
)
from page_examples import PRODUCT_CODE

from axdesk.api import CALL_LIMITS, AxClient, AxError, AxNetworkError, OrderRequest

API_KEY = "api_key_secret_0123456789"
CHANNEL_CODE = "code_secret_abcdef"
DEADLINE = 2.0
SLACK = 2.0


@pytest.fixture
def serve() -> Iterator[Callable[..., HostileServer]]:
    servers: list[HostileServer] = []

    def start(behaviour: object) -> HostileServer:
        server = HostileServer(behaviour)  # type: ignore[arg-type]
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.close()


def short_client(server: HostileServer, **options: object) -> AxClient:
    return AxClient(
        server.base_url,
        API_KEY,
        CHANNEL_CODE,
        call_limits=CALL_LIMITS.with_deadline(DEADLINE),
        **options,  # type: ignore[arg-type]
    )


def timed(call: Callable[[], object]) -> tuple[float, BaseException | None]:
    began = time.monotonic()
    try:
        call()
    except BaseException as error:  # the test sorts what escaped
        return time.monotonic() - began, error
    return time.monotonic() - began, None


@pytest.mark.parametrize(
    "behaviour",
    [trickled_headers, trickled_body, trickled_chunks, endless_continue],
    ids=["headers", "body", "chunks", "100-continue"],
)
def test_sixteen_calls_to_a_trickling_server_all_end_by_their_deadline(
    serve: Callable[..., HostileServer], behaviour: Callable[[], object]
) -> None:
    server = serve(behaviour())
    outcomes: list[tuple[float, BaseException | None]] = []
    lock = threading.Lock()
    with short_client(server, max_retries=0) as client:

        def call() -> None:
            outcome = timed(lambda: client.get_inventory(PRODUCT_CODE))
            with lock:
                outcomes.append(outcome)

        threads = [threading.Thread(target=call) for _ in range(16)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(DEADLINE + SLACK + 10)
        still_running = sum(thread.is_alive() for thread in threads)
        server.stop.set()  # lets the held calls go before the client closes
        for thread in threads:
            thread.join(10)
    assert still_running == 0
    durations = sorted(duration for duration, _ in outcomes)
    print(f"16 calls to a server trickling {behaviour.__name__}: {durations[-1]:.2f} s longest")
    assert durations[-1] <= DEADLINE + SLACK
    sent = 0
    for _, error in outcomes:
        assert isinstance(error, AxNetworkError), error
        assert "2 seconds" in str(error)
        assert error.outcome_unknown is False  # a read cannot have changed anything
        if error.request_sent:
            sent += 1
        else:  # it waited for one of the pool's 10 connections until the deadline
            assert "Could not connect" in str(error)
    assert sent >= 10


def test_a_write_that_hits_the_deadline_may_have_been_applied(
    serve: Callable[..., HostileServer],
) -> None:
    from test_api_client import page_request

    server = serve(trickled_headers())
    with short_client(server) as client:
        duration, error = timed(lambda: client.create_order(page_request()))
    assert duration <= DEADLINE + SLACK
    assert isinstance(error, AxNetworkError)
    assert error.request_sent is True
    assert error.outcome_unknown is True
    assert "may have been applied" in str(error)
    assert isinstance(page_request(), OrderRequest)


def test_retries_of_a_read_share_the_one_deadline(serve: Callable[..., HostileServer]) -> None:
    server = serve(trickled_chunks())
    with short_client(server, max_retries=3) as client:
        duration, error = timed(lambda: client.get_order_status("abc"))
    assert isinstance(error, AxNetworkError)
    assert duration <= DEADLINE + SLACK


def test_each_kind_of_call_has_its_documented_deadline() -> None:
    assert CALL_LIMITS.inventory.deadline == 120.0
    assert CALL_LIMITS.order_status.deadline == 60.0
    assert CALL_LIMITS.create_order.deadline == 30.0
    assert CALL_LIMITS.cancel_ticket.deadline == 30.0
    # Larger than every socket wait the client allows, so the deadline never cuts a
    # healthy answer that httpx's own timeouts would let through.
    for limit in (CALL_LIMITS.inventory, CALL_LIMITS.order_status, CALL_LIMITS.create_order):
        assert limit.deadline >= 3 * 10.0


def test_a_deadline_that_is_not_positive_is_refused() -> None:
    with pytest.raises(AxError, match="positive"):
        CALL_LIMITS.with_deadline(0)
