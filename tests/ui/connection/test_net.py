"""The transport and the client factory (connection/net.py): TLS always verified, abort
refuses new requests at once, and the client goes through the proxy the system names
with abort still interrupting it.

A custom transport makes httpx ignore the proxy settings, so ``make_client``
mounts the proxies' transports itself. These tests read the settings from a
given mapping (never this machine's) and run a fake proxy on loopback that
records what it is asked.

The app's transport also carries the client's pool limits (httpx ignores
``limits=`` once a transport is passed), trusts the operating system's store
(a company CA in a temporary store here, via ``SSL_CERT_FILE``), and ends a
trickled answer at the call's deadline, direct or through a CONNECT tunnel.
"""

from __future__ import annotations

import contextlib
import socket
import ssl
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from unittest import mock

import httpx
import pytest
import trustme
import truststore
from hostile_server import HostileServer, fixed, trickled_body

from axdesk.api import CALL_LIMITS, AxError, AxNetworkError
from axdesk.api.transport import POOL_LIMITS
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


# --------------------------------------------------------------------------- pool, trust, deadline


def test_the_pool_make_client_declares_is_the_pool_it_has() -> None:
    """httpx ignores ``limits=`` once a transport is passed: the transport's pool is the pool.

    Before, the client declared 10 connections (5 kept alive) and the transport had no limit.
    """
    proxies = {"https": "http://proxy.agency.example:3128"}
    with mock.patch("urllib.request.getproxies", return_value=proxies):
        client, transport = make_client(AX, CREDENTIALS, None)
    with client:
        mounted = [t for t in client._http._mounts.values() if t is not None]
        assert client._http._transport is transport
        assert len(mounted) == 1
        for pool in (transport._pool, *(t._pool for t in mounted)):  # type: ignore[attr-defined]
            assert pool._max_connections == POOL_LIMITS.max_connections == 10
            assert pool._max_keepalive_connections == POOL_LIMITS.max_keepalive_connections == 5


def test_make_client_trusts_the_os_store_through_the_proxy_too() -> None:
    proxies = {"https": "http://proxy.agency.example:3128"}
    with mock.patch("urllib.request.getproxies", return_value=proxies):
        client, transport = make_client(AX, CREDENTIALS, None)
    with client:
        mounted = [t for t in client._http._mounts.values() if t is not None]
        for pool in (transport._pool, *(t._pool for t in mounted)):  # type: ignore[attr-defined]
            assert isinstance(pool._ssl_context, truststore.SSLContext)
            assert pool._ssl_context.verify_mode == ssl.CERT_REQUIRED
            assert pool._ssl_context.check_hostname


class TunnelProxy:
    """An HTTP proxy on loopback that answers CONNECT by tunnelling to ``target_port``.

    Whatever host the client names, the tunnel goes to 127.0.0.1:``target_port``,
    so a test can reach a local TLS server under a real-looking AX host name.
    """

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.first_lines: list[str] = []
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.2)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._listener.getsockname()[1]}"

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            threading.Thread(target=self._tunnel, args=(client,), daemon=True).start()

    def _tunnel(self, client: socket.socket) -> None:
        with client:
            received = b""
            while b"\r\n\r\n" not in received:
                chunk = client.recv(4096)
                if not chunk:
                    return
                received += chunk
            self.first_lines.append(received.split(b"\r\n", 1)[0].decode("ascii", "replace"))
            with socket.create_connection(("127.0.0.1", self.target_port)) as upstream:
                client.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
                pump = threading.Thread(target=self._pump, args=(upstream, client), daemon=True)
                pump.start()
                self._pump(client, upstream)
                pump.join(5)

    def _pump(self, source: socket.socket, sink: socket.socket) -> None:
        source.settimeout(0.2)
        while not self._stop.is_set():
            try:
                data = source.recv(65536)
            except TimeoutError:
                continue
            except OSError:
                return
            if not data:
                with contextlib.suppress(OSError):
                    sink.shutdown(socket.SHUT_WR)
                return
            try:
                sink.sendall(data)
            except OSError:
                return

    def close(self) -> None:
        self._stop.set()
        self._thread.join(5)
        self._listener.close()


@pytest.fixture
def company_ca(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> trustme.CA:
    """A CA in a temporary system trust store (OpenSSL's default locations point there)."""
    ca = trustme.CA()
    bundle = tmp_path / "ca-bundle.pem"
    bundle.write_bytes(ca.cert_pem.bytes())
    monkeypatch.setenv("SSL_CERT_FILE", str(bundle))
    monkeypatch.setenv("SSL_CERT_DIR", str(tmp_path))
    return ca


def ax_over_tls(
    ca: trustme.CA, behaviour: object, host: str = "test.ax-cloud.com"
) -> HostileServer:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert(host).configure_cert(context)
    return HostileServer(behaviour, tls=context)  # type: ignore[arg-type]


GET_CONFIRM = b'{"data": [{"channel_order_code": "abc", "ax_order_code": "x1", "status": 3}]}'


def test_a_company_ca_is_trusted_through_the_proxy(company_ca: trustme.CA) -> None:
    answer = (
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
        + f"Content-Length: {len(GET_CONFIRM)}\r\n\r\n".encode()
        + GET_CONFIRM
    )
    server = ax_over_tls(company_ca, fixed(answer))
    proxy = TunnelProxy(server.port)
    try:
        with mock.patch("urllib.request.getproxies", return_value={"https": proxy.url}):
            client, _transport = make_client(AX, CREDENTIALS, None, max_retries=0)
        with client:
            (status,) = client.get_order_status("abc")
        assert status.ax_order_code == "x1"
        assert proxy.first_lines == ["CONNECT test.ax-cloud.com:443 HTTP/1.1"]
    finally:
        proxy.close()
        server.close()


@pytest.mark.parametrize("through_proxy", [False, True], ids=["direct", "proxy"])
def test_the_apps_transport_ends_a_trickled_answer_at_the_deadline(
    company_ca: trustme.CA, through_proxy: bool
) -> None:
    host = "test.ax-cloud.com" if through_proxy else "localhost"
    server = ax_over_tls(company_ca, trickled_body(0.2), host)
    proxy = TunnelProxy(server.port)
    proxies = {"https": proxy.url} if through_proxy else {}
    base_url = AX if through_proxy else f"https://localhost:{server.port}"
    try:
        with mock.patch("urllib.request.getproxies", return_value=proxies):
            client, _transport = make_client(
                base_url,
                CREDENTIALS,
                None,
                max_retries=2,
                call_limits=CALL_LIMITS.with_deadline(2.0),
            )
        began = time.monotonic()
        with client, pytest.raises(AxNetworkError, match="2 seconds") as raised:
            client.get_inventory("product-1")
        took = time.monotonic() - began
        print(f"trickled answer {'through the proxy' if through_proxy else 'direct'}: {took:.2f} s")
        assert took <= 2.0 + 2.0
        assert raised.value.outcome_unknown is False
        assert server.requests  # the request got through, TLS and all
    finally:
        server.stop.set()
        proxy.close()
        server.close()


def test_abort_still_interrupts_a_call_before_its_deadline(company_ca: trustme.CA) -> None:
    server = ax_over_tls(company_ca, trickled_body(0.2))
    proxy = TunnelProxy(server.port)
    outcome: list[AxError] = []
    try:
        with mock.patch("urllib.request.getproxies", return_value={"https": proxy.url}):
            client, transport = make_client(AX, CREDENTIALS, None, max_retries=0)

        def call() -> None:
            try:
                client.get_inventory("product-1")
            except AxError as error:
                outcome.append(error)

        caller = threading.Thread(target=call)
        with client:
            caller.start()
            deadline = time.monotonic() + 10
            while not server.requests and time.monotonic() < deadline:
                time.sleep(0.01)
            began = time.monotonic()
            transport.abort()
            caller.join(10)
            assert not caller.is_alive()
        assert time.monotonic() - began < 5  # not the 120 s deadline
        assert len(outcome) == 1
    finally:
        server.stop.set()
        proxy.close()
        server.close()
