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

Everything else comes from :class:`axdesk.api.transport.AxTransport`, under
the tracking backend here: the whole-call deadline, the pool limits the client
declares (``POOL_LIMITS``) and TLS from the operating system's trust store,
always verified.
"""

from __future__ import annotations

import contextlib
import socket
import ssl
import threading
import typing
import weakref
from collections.abc import Callable, Iterable

import httpcore
import httpx

from axdesk.api import AxClient, AxError, CallLimits, CallRecord, validate_base_url
from axdesk.api.limits import CALL_LIMITS
from axdesk.api.transport import POOL_LIMITS, AxTransport, proxy_patterns

__all__ = ["InterruptibleTransport", "make_client", "proxy_patterns"]

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


class InterruptibleTransport(AxTransport):
    """The client's :class:`~axdesk.api.transport.AxTransport` (deadline, pool limits, OS
    trust, direct or through ``proxy``) on sockets that :meth:`abort` interrupts.

    The transports of :meth:`proxy_mounts` share this one's sockets and abort.
    """

    def __init__(
        self,
        *,
        limits: httpx.Limits = POOL_LIMITS,
        proxy: httpx.Proxy | None = None,
        ssl_context: ssl.SSLContext | None = None,
        _sharing: InterruptibleTransport | None = None,
    ) -> None:
        self._backend: _TrackingBackend = (
            _sharing._backend if _sharing is not None else _TrackingBackend()
        )
        self._aborted: threading.Event = (
            _sharing._aborted if _sharing is not None else threading.Event()
        )
        super().__init__(
            limits=limits, proxy=proxy, network_backend=self._backend, ssl_context=ssl_context
        )

    def _for_proxy(self, proxy: httpx.Proxy) -> httpx.BaseTransport:
        return InterruptibleTransport(
            limits=self.limits, proxy=proxy, ssl_context=self.ssl_context, _sharing=self
        )

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
    call_limits: CallLimits = CALL_LIMITS,
) -> tuple[AxClient, InterruptibleTransport]:
    """A client whose in-flight requests the returned transport can interrupt.

    It goes through the proxy the system names for ``base_url``, if any (see
    :meth:`InterruptibleTransport.proxy_mounts`); ``AxError`` if that proxy
    cannot be used, or if the address or credentials cannot. ``call_limits``
    are the deadlines and answer caps per kind of call (``CALL_LIMITS``).
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
            call_limits=call_limits,
        )
    except BaseException:
        transport.close()
        raise
    return client, transport
