"""The client factory and its HTTP transport, interruptible at once (no Qt).

:func:`make_client` builds every ``AxClient`` the app uses (the connection in
use, and the connection dialog's test call) on an :class:`InterruptibleTransport`,
through the proxy the system names.

``httpx.Client.close()`` does not wake a thread blocked reading an answer:
the request runs on until its timeout (10 s), so closing the window would
hang. :class:`InterruptibleTransport` remembers the sockets it opened and,
on :meth:`~InterruptibleTransport.abort`, shuts them down (which wakes a
blocked ``recv`` at once), refuses new requests and cuts short the client's
retry back-off through :meth:`~InterruptibleTransport.sleep` (handed to
``AxClient(sleep=...)``).

A custom transport makes httpx ignore the proxy settings, so
:meth:`~InterruptibleTransport.proxy_mounts` reads them as httpx would
(``HTTPS_PROXY``, ``HTTP_PROXY``, ``ALL_PROXY`` and ``NO_PROXY``, or the Windows
and macOS settings) and gives the transports to mount for them, interrupted
with this one.

TLS certificates are always verified.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import ssl
import threading
import typing
import urllib.request
import weakref
from collections.abc import Callable, Iterable, Mapping

import httpcore
import httpx

from axdesk.api import AxClient, AxError, CallRecord, is_loopback_host, validate_base_url

if typing.TYPE_CHECKING:  # secrets translates its sentences with Qt; this module has no Qt
    from axdesk.ui.connection.secrets import Credentials

_SocketOption = typing.Any


class _TrackedStream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream, backend: _TrackingBackend) -> None:
        self._inner = inner
        self._backend = backend
        backend.register(self)

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, timeout)

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, timeout)

    def close(self) -> None:
        self._backend.forget(self)
        self._inner.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        self._backend.forget(self)  # the TLS stream owns the socket from now on
        return _TrackedStream(
            self._inner.start_tls(ssl_context, server_hostname, timeout), self._backend
        )

    def get_extra_info(self, info: str) -> typing.Any:
        return self._inner.get_extra_info(info)

    def interrupt(self) -> None:
        """Wake any thread blocked on this socket (both directions shut down)."""
        sock = self._inner.get_extra_info("socket")
        if isinstance(sock, socket.socket):
            # The base-class call: SSLSocket.shutdown would also drop its TLS state
            # under the feet of the reading thread.
            with contextlib.suppress(OSError):
                socket.socket.shutdown(sock, socket.SHUT_RDWR)


class _TrackingBackend(httpcore.NetworkBackend):
    def __init__(self) -> None:
        self._inner = httpcore.SyncBackend()
        self._streams: weakref.WeakSet[_TrackedStream] = weakref.WeakSet()
        self._lock = threading.Lock()

    def register(self, stream: _TrackedStream) -> None:
        with self._lock:
            self._streams.add(stream)

    def forget(self, stream: _TrackedStream) -> None:
        with self._lock:
            self._streams.discard(stream)

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[_SocketOption] | None = None,
    ) -> httpcore.NetworkStream:
        inner = self._inner.connect_tcp(host, port, timeout, local_address, socket_options)
        return _TrackedStream(inner, self)

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[_SocketOption] | None = None,
    ) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("axdesk connects over TCP only.")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)

    def interrupt_all(self) -> None:
        with self._lock:
            streams = list(self._streams)
        for stream in streams:
            stream.interrupt()


def _shown(url: str) -> str:
    """A proxy address fit for a message: scheme, host and port, never a password."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, ValueError, TypeError):
        return "(not a URL)"
    port = f":{parsed.port}" if parsed.port else ""
    return f"{parsed.scheme}://{parsed.host}{port}"


def proxy_patterns(base_url: str, proxies: Mapping[str, str]) -> dict[str, httpx.Proxy | None]:
    """httpx mount patterns for ``proxies`` (``urllib.request.getproxies()``'s mapping).

    The same reading as httpx's own when it builds a client without a custom
    transport: the http, https and all proxies, a scheme of http:// when none is
    written, and each ``NO_PROXY`` entry as a pattern that goes direct (None).
    Nothing at all for a loopback ``base_url``: the local sandbox is never
    reached through a proxy. Raises ``ValueError`` with a sentence for a proxy
    axdesk cannot use.
    """
    if is_loopback_host(httpx.URL(base_url).host):
        return {}
    patterns: dict[str, httpx.Proxy | None] = {}
    for scheme in ("http", "https", "all"):
        address = proxies.get(scheme, "").strip()
        if not address:
            continue
        url = address if "://" in address else f"http://{address}"
        try:
            proxy = httpx.Proxy(url)
            port = proxy.url.port
            if not proxy.url.host or (port is not None and not 0 < port < 65536):
                raise ValueError("no host or no valid port")
        except (httpx.InvalidURL, ValueError, TypeError):
            raise ValueError(
                f"The {scheme} proxy setting ({_shown(url)}) is not an address axdesk can use."
            ) from None
        if proxy.url.scheme not in ("http", "https"):
            raise ValueError(
                f"axdesk cannot use the {proxy.url.scheme} proxy {_shown(url)}; "
                "name an HTTP proxy in HTTPS_PROXY, or this server in NO_PROXY."
            )
        patterns[f"{scheme}://"] = proxy
    for entry in proxies.get("no", "").split(","):
        host = entry.strip()
        if host == "*":
            return {}
        if not host:
            continue
        if "://" in host:
            patterns[host] = None
        elif _is_ip(host, 4):
            patterns[f"all://{host}"] = None
        elif _is_ip(host.strip("[]"), 6):
            patterns[f"all://[{host.strip('[]')}]"] = None
        elif host.lower() == "localhost":
            patterns[f"all://{host}"] = None
        else:
            patterns[f"all://*{host}"] = None
    return patterns


def _is_ip(text: str, version: int) -> bool:
    try:
        return ipaddress.ip_address(text).version == version
    except ValueError:
        return False


class InterruptibleTransport(httpx.HTTPTransport):
    """``httpx.HTTPTransport`` (TLS verified, direct or through ``proxy``) plus :meth:`abort`.

    The transports of :meth:`proxy_mounts` share this one's sockets and abort.
    """

    def __init__(
        self,
        *,
        limits: httpx.Limits | None = None,
        proxy: httpx.Proxy | None = None,
        _sharing: InterruptibleTransport | None = None,
    ) -> None:
        limits = limits if limits is not None else httpx.Limits()
        super().__init__(verify=True)
        self._backend: _TrackingBackend = (
            _sharing._backend if _sharing is not None else _TrackingBackend()
        )
        self._aborted: threading.Event = (
            _sharing._aborted if _sharing is not None else threading.Event()
        )
        self._limits = limits
        ssl_context = httpx.create_ssl_context(verify=True)
        # Same pools as HTTPTransport builds, with our backend.
        self._pool: httpcore.ConnectionPool
        if proxy is None:
            self._pool = httpcore.ConnectionPool(
                ssl_context=ssl_context,
                max_connections=limits.max_connections,
                max_keepalive_connections=limits.max_keepalive_connections,
                keepalive_expiry=limits.keepalive_expiry,
                network_backend=self._backend,
            )
        else:
            self._pool = httpcore.HTTPProxy(
                proxy_url=httpcore.URL(
                    scheme=proxy.url.raw_scheme,
                    host=proxy.url.raw_host,
                    port=proxy.url.port,
                    target=proxy.url.raw_path,
                ),
                proxy_auth=proxy.raw_auth,
                proxy_headers=proxy.headers.raw,
                ssl_context=ssl_context,
                proxy_ssl_context=proxy.ssl_context,
                max_connections=limits.max_connections,
                max_keepalive_connections=limits.max_keepalive_connections,
                keepalive_expiry=limits.keepalive_expiry,
                network_backend=self._backend,
            )

    def proxy_mounts(
        self, base_url: str, proxies: Mapping[str, str] | None = None
    ) -> dict[str, httpx.BaseTransport | None]:
        """Transports to mount (``httpx.Client(mounts=...)``) for the system's proxies.

        ``proxies`` defaults to ``urllib.request.getproxies()``; see
        :func:`proxy_patterns`. Raises ``ValueError`` with a sentence for a proxy
        axdesk cannot use.
        """
        found = urllib.request.getproxies() if proxies is None else proxies
        return {
            pattern: None
            if proxy is None
            else InterruptibleTransport(limits=self._limits, proxy=proxy, _sharing=self)
            for pattern, proxy in proxy_patterns(base_url, found).items()
        }

    @property
    def aborted(self) -> bool:
        return self._aborted.is_set()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self._aborted.is_set():
            raise httpx.ConnectError(
                "axdesk is closing; the request was not sent.", request=request
            )
        return super().handle_request(request)

    def sleep(self, seconds: float) -> None:
        """A back-off pause that ends early when the transport is aborted."""
        self._aborted.wait(max(0.0, seconds))

    def abort(self) -> None:
        """Refuse new requests and interrupt the ones in flight (they fail at once)."""
        self._aborted.set()
        self._backend.interrupt_all()


def make_client(
    base_url: str,
    credentials: Credentials,
    on_call: Callable[[CallRecord], None] | None,
    *,
    timeout: float = 10.0,
    max_retries: int = 3,
) -> tuple[AxClient, InterruptibleTransport]:
    """A client whose in-flight requests the returned transport can interrupt.

    It goes through the proxy the system names for ``base_url``, if any (see
    :meth:`InterruptibleTransport.proxy_mounts`); ``AxError`` if that proxy
    cannot be used, or if the address or credentials cannot.
    """
    transport = InterruptibleTransport()
    try:
        try:
            mounts = transport.proxy_mounts(validate_base_url(base_url))
        except ValueError as error:
            raise AxError(str(error)) from None
        client = AxClient(
            base_url,
            credentials.api_key,
            credentials.channel_code,
            timeout=timeout,
            max_retries=max_retries,
            transport=transport,
            mounts=mounts,
            sleep=transport.sleep,
            on_call=on_call,
        )
    except BaseException:
        transport.close()
        raise
    return client, transport
