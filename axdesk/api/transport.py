"""The HTTP transport every ``AxClient`` talks through: real pool, OS trust, a call deadline.

Three things httpx does not do for us, and why this module exists:

* **The pool the client declares is the pool it has.** ``httpx.Client(limits=...)``
  is ignored as soon as a transport is passed, so the limits live here, on the
  transport's own ``httpcore`` pool (:data:`POOL_LIMITS`), and the proxies'
  transports get the same.
* **TLS from the operating system's trust store** (``truststore``): an agency
  behind a company proxy whose CA is installed in Windows, macOS or the Linux
  system store can connect. Verification is always on (:func:`tls_context`);
  nothing in axdesk can turn it off.
* **One deadline for the whole call.** httpx's timeouts bound each socket
  operation, so a server that trickles a byte every half second holds a call
  for ever. :class:`DeadlineBackend` wraps the network backend: while a call runs
  inside :func:`call_deadline`, every connect, TLS handshake, read and write
  waits at most ``min(its own timeout, time left)`` and fails once the deadline
  has passed. The deadline is per thread (a ``ContextVar``): a synchronous
  httpx call runs wholly on the calling thread, so other calls sharing the pool
  keep their own deadlines.

The proxies are read as httpx itself reads them when it builds a client
without a custom transport (see :func:`proxy_patterns`).
"""

from __future__ import annotations

import contextlib
import ipaddress
import ssl
import time
import urllib.request
from collections.abc import Iterable, Iterator, Mapping
from contextvars import ContextVar
from typing import Any, Final

import httpcore
import httpx

__all__ = [
    "POOL_LIMITS",
    "AxTransport",
    "DeadlineBackend",
    "call_deadline",
    "is_loopback_host",
    "proxy_patterns",
    "tls_context",
]

POOL_LIMITS: Final = httpx.Limits(
    max_connections=10, max_keepalive_connections=5, keepalive_expiry=5.0
)
"""The connections one client keeps: enough for the worker's 4 threads and live sync."""

_deadline_at: ContextVar[float | None] = ContextVar("axdesk_call_deadline", default=None)


@contextlib.contextmanager
def call_deadline(at: float) -> Iterator[None]:
    """Within this block, socket operations on this thread end by ``time.monotonic() == at``."""
    token = _deadline_at.set(at)
    try:
        yield
    finally:
        _deadline_at.reset(token)


def _bounded(timeout: float | None, error: type[Exception]) -> float | None:
    """``timeout`` shortened to the time left before the call's deadline; raise once past it."""
    at = _deadline_at.get()
    if at is None:
        return timeout
    left = at - time.monotonic()
    if left <= 0:
        raise error("the time allowed for the whole call has passed")
    return left if timeout is None else min(timeout, left)


def tls_context() -> ssl.SSLContext:
    """A client TLS context that trusts the operating system's store and always verifies.

    ``truststore`` asks Windows' and macOS' own verifiers, and on Linux OpenSSL's
    default locations (the system bundle, or ``SSL_CERT_FILE``/``SSL_CERT_DIR``),
    so a company CA installed in the system is trusted like the public ones.
    """
    import truststore  # imported here: only a TLS connection needs it

    context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.verify_mode = ssl.CERT_REQUIRED
    context.check_hostname = True
    return context


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _bounded(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _bounded(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        bounded = _bounded(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._inner.start_tls(ssl_context, server_hostname, bounded))

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class DeadlineBackend(httpcore.NetworkBackend):
    """A network backend whose every wait ends at the current call's deadline (if any)."""

    def __init__(self, inner: httpcore.NetworkBackend | None = None) -> None:
        self._inner = inner if inner is not None else httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        bounded = _bounded(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(
            self._inner.connect_tcp(host, port, bounded, local_address, socket_options)
        )

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("axdesk connects over TCP only.")

    def sleep(self, seconds: float) -> None:
        bounded = _bounded(seconds, httpcore.PoolTimeout)
        self._inner.sleep(seconds if bounded is None else bounded)


class AxTransport(httpx.HTTPTransport):
    """``httpx.HTTPTransport`` on a :class:`DeadlineBackend`, OS trust and :data:`POOL_LIMITS`.

    Direct, or through the HTTP(S) ``proxy``; ``network_backend`` is the backend
    under the deadline (the app's interruptible one, or httpcore's own).
    """

    def __init__(
        self,
        *,
        limits: httpx.Limits = POOL_LIMITS,
        proxy: httpx.Proxy | None = None,
        network_backend: httpcore.NetworkBackend | None = None,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        # HTTPTransport.__init__ is not called on purpose: it would build a second pool
        # and load certifi's bundle only for both to be thrown away. Its methods use
        # ``self._pool`` alone, which is built here the same way, on our backend.
        self._limits = limits
        self._network_backend = network_backend
        self._ssl_context = ssl_context if ssl_context is not None else tls_context()
        backend = DeadlineBackend(network_backend)
        self._pool: httpcore.ConnectionPool | httpcore.HTTPProxy
        if proxy is None:
            self._pool = httpcore.ConnectionPool(
                ssl_context=self._ssl_context,
                max_connections=limits.max_connections,
                max_keepalive_connections=limits.max_keepalive_connections,
                keepalive_expiry=limits.keepalive_expiry,
                network_backend=backend,
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
                ssl_context=self._ssl_context,
                proxy_ssl_context=proxy.ssl_context,
                max_connections=limits.max_connections,
                max_keepalive_connections=limits.max_keepalive_connections,
                keepalive_expiry=limits.keepalive_expiry,
                network_backend=backend,
            )

    @property
    def limits(self) -> httpx.Limits:
        """The limits this transport's pool was built with."""
        return self._limits

    @property
    def ssl_context(self) -> ssl.SSLContext:
        """The TLS context of the connections to AX (always verifying)."""
        return self._ssl_context

    def _for_proxy(self, proxy: httpx.Proxy) -> httpx.BaseTransport:
        """The transport to mount for ``proxy``: same limits, backend and trust as this one."""
        return AxTransport(
            limits=self._limits,
            proxy=proxy,
            network_backend=self._network_backend,
            ssl_context=self._ssl_context,
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
            pattern: None if proxy is None else self._for_proxy(proxy)
            for pattern, proxy in proxy_patterns(base_url, found).items()
        }


def is_loopback_host(host: str) -> bool:
    """Whether ``host`` is this computer (localhost, 127.0.0.0/8, ::1): the local sandbox."""
    if host.lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


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
