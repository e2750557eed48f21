"""An HTTP transport whose in-flight requests can be interrupted at once.

``httpx.Client.close()`` does not wake a thread blocked reading an answer:
the request runs on until its timeout (10 s), so closing the window would
hang. :class:`InterruptibleTransport` remembers the sockets it opened and,
on :meth:`~InterruptibleTransport.abort`, shuts them down (which wakes a
blocked ``recv`` at once), refuses new requests and cuts short the client's
retry back-off through :meth:`~InterruptibleTransport.sleep` (handed to
``AxClient(sleep=...)``).

TLS certificates are always verified.
"""

from __future__ import annotations

import contextlib
import socket
import ssl
import threading
import typing
import weakref
from collections.abc import Iterable

import httpcore
import httpx

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


class InterruptibleTransport(httpx.HTTPTransport):
    """``httpx.HTTPTransport`` (TLS verified, no proxy) plus :meth:`abort`."""

    def __init__(self, *, limits: httpx.Limits | None = None) -> None:
        limits = limits if limits is not None else httpx.Limits()
        super().__init__(verify=True)
        self._backend = _TrackingBackend()
        self._aborted = threading.Event()
        # Same pool as HTTPTransport builds, with our backend.
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(verify=True),
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=self._backend,
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
