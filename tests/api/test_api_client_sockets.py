"""Network failures over real loopback sockets (no mock): refused, dropped, silent server.

These check that httpx's real exceptions are sorted into ``AxNetworkError`` with the
right ``request_sent``; the mock tests cover the same paths with synthetic exceptions.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import pytest

from axdesk.api import AxClient, AxNetworkError

API_KEY = "api_key_secret_0123456789"
CHANNEL_CODE = "code_secret_abcdef"


class TinyServer:
    """Accepts connections on loopback, reads each request, then drops it or stays silent."""

    def __init__(self, behaviour: str) -> None:
        self.behaviour = behaviour
        self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(8)
        self.listener.settimeout(0.2)
        self.port = self.listener.getsockname()[1]
        self.accepted = 0
        self.requests: list[bytes] = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while not self.stop.is_set():
            try:
                connection, _ = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with connection:
                self.accepted += 1
                connection.settimeout(2.0)
                data = b""
                try:
                    while b"\r\n\r\n" not in data:
                        chunk = connection.recv(4096)
                        if not chunk:
                            break
                        data += chunk
                except OSError:
                    pass
                self.requests.append(data)
                if self.behaviour == "silent":
                    self.stop.wait(5.0)

    def close(self) -> None:
        self.stop.set()
        self.thread.join(5.0)
        self.listener.close()


@pytest.fixture
def server(request: pytest.FixtureRequest) -> Iterator[TinyServer]:
    running = TinyServer(request.param)
    yield running
    running.close()


def closed_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_connection_refused_is_a_network_error_with_nothing_sent() -> None:
    sleeps: list[float] = []
    port = closed_port()
    with (
        AxClient(
            f"http://127.0.0.1:{port}", API_KEY, CHANNEL_CODE, sleep=sleeps.append, max_retries=2
        ) as client,
        pytest.raises(AxNetworkError, match="connection was refused") as caught,
    ):
        client.get_order_status("abc")
    assert caught.value.request_sent is False
    assert caught.value.outcome_unknown is False
    assert len(sleeps) == 2


@pytest.mark.parametrize("server", ["drop"], indirect=True)
def test_dropped_connection_after_sending_is_outcome_unknown(server: TinyServer) -> None:
    with (
        AxClient(f"http://127.0.0.1:{server.port}", API_KEY, CHANNEL_CODE, max_retries=0) as client,
        pytest.raises(AxNetworkError, match="dropped before an answer") as caught,
    ):
        client.cancel_ticket("order", "ticket")
    assert caught.value.request_sent is True
    assert caught.value.outcome_unknown is True
    assert server.requests[0].startswith(b"PATCH /v1/channel/orders/tour/order/tickets/ticket ")
    assert server.accepted == 1


@pytest.mark.parametrize("server", ["silent"], indirect=True)
def test_silent_server_is_a_read_timeout(server: TinyServer) -> None:
    with (
        AxClient(
            f"http://127.0.0.1:{server.port}", API_KEY, CHANNEL_CODE, timeout=0.3, max_retries=0
        ) as client,
        pytest.raises(AxNetworkError, match=r"did not answer within 0\.3 seconds") as caught,
    ):
        client.get_order_status("abc")
    assert caught.value.request_sent is True
    assert caught.value.outcome_unknown is False  # a read changes nothing
