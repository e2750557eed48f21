"""The transport and the client factory (connection/net.py): TLS always verified, abort
refuses new requests at once, and the client goes through the proxy the system names
with abort still interrupting it.

A custom transport makes httpx ignore the proxy settings, so ``make_client``
mounts the proxies' transports itself. These tests read the settings from a
given mapping (never this machine's) and run a fake proxy on loopback that
records what it is asked.
"""

from __future__ import annotations

import socket
import ssl
import threading
import time
from collections.abc import Iterator
from unittest import mock

import httpx
import pytest

from axdesk.api import AxError
from axdesk.ui.connection.net import InterruptibleTransport, make_client, proxy_patterns
from axdesk.ui.connection.secrets import Credentials

AX = "https://test.ax-cloud.com"
CREDENTIALS = Credentials("key-0123456789", "channel-0123")


def test_each_scheme_gets_its_proxy_and_no_proxy_entries_go_direct() -> None:
    patterns = proxy_patterns(
        AX,
        {
            "https": "proxy.agency.example:3128",
            "http": "http://proxy.agency.example:8080",
            "no": "localhost, .internal.example,10.0.0.7,::1,ax-mirror.example,",
        },
    )
    proxies = {key: None if value is None else str(value.url) for key, value in patterns.items()}
    assert proxies == {
        "https://": "http://proxy.agency.example:3128",
        "http://": "http://proxy.agency.example:8080",
        "all://localhost": None,
        "all://*.internal.example": None,
        "all://10.0.0.7": None,
        "all://[::1]": None,
        "all://*ax-mirror.example": None,
    }


@pytest.mark.parametrize(
    ("base_url", "proxies"),
    [
        (AX, {}),
        (AX, {"https": "http://proxy.example:3128", "no": "example.org,*"}),
        ("http://127.0.0.1:8765", {"all": "http://proxy.example:3128"}),
        ("http://localhost:8765", {"http": "http://proxy.example:3128"}),
    ],
)
def test_no_proxy_when_none_is_set_when_all_go_direct_or_for_the_local_sandbox(
    base_url: str, proxies: dict[str, str]
) -> None:
    assert proxy_patterns(base_url, proxies) == {}


@pytest.mark.parametrize(
    ("proxies", "words"),
    [
        ({"all": "socks5://agent:s3cret@proxy.example:1080"}, "cannot use the socks5 proxy"),
        ({"https": "http://agent:s3cret@proxy.example:99999"}, "not an address axdesk can use"),
    ],
)
def test_a_proxy_axdesk_cannot_use_is_a_sentence_without_its_password(
    proxies: dict[str, str], words: str
) -> None:
    with pytest.raises(ValueError, match=words) as raised:
        proxy_patterns(AX, proxies)
    assert "s3cret" not in str(raised.value)
    with (
        mock.patch("urllib.request.getproxies", return_value=proxies),
        pytest.raises(AxError, match=words) as refused,
    ):
        make_client(AX, CREDENTIALS, None)
    assert "s3cret" not in str(refused.value)


class FakeProxy:
    """A proxy on loopback that records each request's first line and then does nothing.

    It answers ``answer`` (or holds the connection open when None), so the
    client either gets the proxy's refusal or waits until it is interrupted.
    """

    def __init__(self, answer: bytes | None) -> None:
        self.answer = answer
        self.first_lines: list[str] = []
        self.asked = threading.Event()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.2)
        self._stop = threading.Event()
        self._connections: list[socket.socket] = []
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._listener.getsockname()[1]}"

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self._listener.accept()
            except TimeoutError:
                continue
            self._connections.append(connection)
            connection.settimeout(5)
            received = b""
            while b"\r\n\r\n" not in received:
                chunk = connection.recv(4096)
                if not chunk:
                    break
                received += chunk
            self.first_lines.append(received.split(b"\r\n", 1)[0].decode("ascii", "replace"))
            self.asked.set()
            if self.answer is not None:
                connection.sendall(self.answer)
                connection.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        for connection in self._connections:
            connection.close()
        self._listener.close()


@pytest.fixture
def refusing_proxy() -> Iterator[FakeProxy]:
    proxy = FakeProxy(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n")
    yield proxy
    proxy.close()


@pytest.fixture
def silent_proxy() -> Iterator[FakeProxy]:
    proxy = FakeProxy(None)
    yield proxy
    proxy.close()


def test_the_client_asks_the_systems_proxy_for_a_tunnel_to_ax(refusing_proxy: FakeProxy) -> None:
    with mock.patch("urllib.request.getproxies", return_value={"https": refusing_proxy.url}):
        client, _transport = make_client(AX, CREDENTIALS, None, max_retries=0)
    with client, pytest.raises(AxError, match="proxy"):
        client.get_inventory("product-1")
    assert refusing_proxy.first_lines == ["CONNECT test.ax-cloud.com:443 HTTP/1.1"]


def test_no_proxy_sends_ax_past_the_proxy(refusing_proxy: FakeProxy) -> None:
    settings = {"https": refusing_proxy.url, "no": "ax-cloud.com"}
    with mock.patch("urllib.request.getproxies", return_value=settings):
        client, transport = make_client(AX, CREDENTIALS, None, max_retries=0)
    direct: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        direct.append(request)
        return httpx.Response(200, json={"status_code": 200, "option_codes": {}})

    with client, mock.patch.object(transport, "handle_request", side_effect=handle):
        client.get_inventory("product-1")
    assert [request.url.host for request in direct] == ["test.ax-cloud.com"]
    assert refusing_proxy.first_lines == []


def test_abort_interrupts_a_call_waiting_on_the_proxy(silent_proxy: FakeProxy) -> None:
    with mock.patch("urllib.request.getproxies", return_value={"https": silent_proxy.url}):
        client, transport = make_client(AX, CREDENTIALS, None, timeout=30, max_retries=0)
    outcome: list[AxError] = []

    def call() -> None:
        try:
            client.get_inventory("product-1")
        except AxError as error:
            outcome.append(error)

    caller = threading.Thread(target=call)
    with client:
        caller.start()
        assert silent_proxy.asked.wait(10)
        began = time.monotonic()
        transport.abort()
        caller.join(10)
        assert not caller.is_alive()
    assert time.monotonic() - began < 5  # not the 30 s read timeout
    (error,) = outcome
    assert isinstance(error, AxError)


def test_an_aborted_transport_refuses_new_requests() -> None:
    transport = InterruptibleTransport()
    transport.abort()
    with pytest.raises(httpx.ConnectError):
        transport.handle_request(httpx.Request("GET", "http://127.0.0.1:9/"))
    began = time.monotonic()
    transport.sleep(5)
    assert time.monotonic() - began < 0.5
    transport.close()


def test_transport_verifies_tls_certificates() -> None:
    transport = InterruptibleTransport()
    context = transport._pool._ssl_context  # the pool we built
    assert context.verify_mode == ssl.CERT_REQUIRED
    assert context.check_hostname
    transport.close()
