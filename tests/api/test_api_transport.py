"""The client's own transport: the pool it declares, TLS from the OS trust store, always verified.

httpx ignores ``Client(limits=...)`` once a transport is passed, so before this the
client declared 10 connections (5 kept alive) and had httpx's 100 (20): the
limits now live on the transport's pool, and these tests read the real pool.

TLS: ``truststore`` makes the operating system's store the trust (on Linux, OpenSSL's
default locations, which ``SSL_CERT_FILE``/``SSL_CERT_DIR`` move). The tests put a
CA made for the occasion (``trustme``) in a temporary store and point those
variables at it: the client then trusts a loopback server signed by it, and refuses
the same server when the store does not hold the CA.
"""

from __future__ import annotations

import inspect
import socket
import ssl
import threading
from collections.abc import Iterator
from pathlib import Path

import httpcore
import pytest
import trustme
import truststore
from hostile_server import HostileServer, fixed

from axdesk.api import AxClient, AxNetworkError
from axdesk.api.transport import POOL_LIMITS, AxTransport, tls_context

API_KEY = "api_key_secret_0123456789"
CHANNEL_CODE = "code_secret_abcdef"
GET_CONFIRM = (
    b'{"status_code": 200, "data": [{"channel_order_code": "abc", "ax_order_code": "x1", '
    b'"status": 3}]}'
)
ANSWER = (
    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
    + f"Content-Length: {len(GET_CONFIRM)}\r\n\r\n".encode()
    + GET_CONFIRM
)


def pools(client: AxClient) -> list[httpcore.ConnectionPool]:
    """Every connection pool the client can use: its transport's and each mount's."""
    http = client._http
    transports = [http._transport, *(t for t in http._mounts.values() if t is not None)]
    return [t._pool for t in transports]  # type: ignore[attr-defined]


def test_the_declared_pool_is_the_pool_the_client_has() -> None:
    proxies = {"https": "http://proxy.agency.example:3128", "no": "internal.example"}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("urllib.request.getproxies", lambda: proxies)
        client = AxClient("https://test.ax-cloud.com", API_KEY, CHANNEL_CODE)
    with client:
        found = pools(client)
        assert len(found) == 2  # direct, and the proxy's tunnel
        for pool in found:
            assert pool._max_connections == POOL_LIMITS.max_connections == 10
            assert pool._max_keepalive_connections == POOL_LIMITS.max_keepalive_connections == 5
            assert pool._keepalive_expiry == POOL_LIMITS.keepalive_expiry


def test_the_tls_context_is_the_os_trust_store_and_always_verifies() -> None:
    with AxClient("https://test.ax-cloud.com", API_KEY, CHANNEL_CODE) as client:
        for pool in pools(client):
            context = pool._ssl_context
            assert isinstance(context, truststore.SSLContext)
            assert context.verify_mode == ssl.CERT_REQUIRED
            assert context.check_hostname is True
            assert context.minimum_version >= ssl.TLSVersion.TLSv1_2
    # Nothing to turn it off with: no verify option anywhere on the way in.
    assert "verify" not in inspect.signature(AxClient).parameters
    assert "verify" not in inspect.signature(AxTransport).parameters


@pytest.fixture
def ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture
def tls_server(ca: trustme.CA) -> Iterator[HostileServer]:
    server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1", "localhost").configure_cert(server_context)
    server = HostileServer(fixed(ANSWER), tls=server_context)
    yield server
    server.close()


def trust_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ca: trustme.CA | None) -> None:
    """Make a temporary folder the system trust store, holding ``ca`` (or nothing)."""
    store = tmp_path / "store"
    store.mkdir()
    bundle = store / "ca-bundle.pem"
    bundle.write_bytes(ca.cert_pem.bytes() if ca is not None else b"")
    monkeypatch.setenv("SSL_CERT_FILE", str(bundle))
    monkeypatch.setenv("SSL_CERT_DIR", str(store))


def test_a_ca_in_the_system_store_is_trusted(
    tls_server: HostileServer, ca: trustme.CA, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    trust_store(tmp_path, monkeypatch, ca)
    with AxClient(tls_server.base_url, API_KEY, CHANNEL_CODE, max_retries=0) as client:
        (status,) = client.get_order_status("abc")
    assert status.ax_order_code == "x1"


def test_a_server_whose_ca_the_store_lacks_is_refused(
    tls_server: HostileServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = trustme.CA()
    trust_store(tmp_path, monkeypatch, other)
    with (
        AxClient(tls_server.base_url, API_KEY, CHANNEL_CODE, max_retries=0) as client,
        pytest.raises(AxNetworkError, match="certificate could not be verified") as raised,
    ):
        client.get_order_status("abc")
    assert raised.value.request_sent is False
    assert tls_server.requests == []  # nothing was sent to the unverified server


def test_a_certificate_for_another_name_is_refused(
    ca: trustme.CA, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("ax.example").configure_cert(server_context)
    server = HostileServer(fixed(ANSWER), tls=server_context)
    trust_store(tmp_path, monkeypatch, ca)
    try:
        with (
            AxClient(server.base_url, API_KEY, CHANNEL_CODE, max_retries=0) as client,
            pytest.raises(AxNetworkError, match="certificate could not be verified"),
        ):
            client.get_order_status("abc")
    finally:
        server.close()


def test_verification_stays_on_for_a_context_built_for_the_transport() -> None:
    context = tls_context()
    with pytest.raises(ValueError, match="check_hostname"):
        context.verify_mode = ssl.CERT_NONE  # Python refuses while the host name is checked
    assert context.verify_mode == ssl.CERT_REQUIRED


def test_a_plain_socket_peer_shows_the_deadline_backend_is_under_every_pool() -> None:
    listener = socket.create_server(("127.0.0.1", 0))
    accepted = threading.Event()

    def accept() -> None:
        connection, _ = listener.accept()
        accepted.set()
        connection.close()

    threading.Thread(target=accept, daemon=True).start()
    with AxClient(
        f"http://127.0.0.1:{listener.getsockname()[1]}", API_KEY, CHANNEL_CODE, max_retries=0
    ) as client:
        transport = client._http._transport
        assert isinstance(transport, AxTransport)
        assert type(transport._pool._network_backend).__name__ == "DeadlineBackend"
        with pytest.raises(AxNetworkError):
            client.get_order_status("abc")
    assert accepted.wait(5)
    listener.close()
