"""A raw-socket HTTP server on loopback that answers however a test tells it to.

Each accepted connection gets its request read (headers and any
``Content-Length`` body), then the current ``behaviour`` is called with the
connection and a ``stop`` event: it may send anything, as slowly as it likes,
until ``stop`` is set (by :meth:`HostileServer.close`) or the client goes away.
Every connection is served on its own thread, so many calls can be held at once.
"""

from __future__ import annotations

import contextlib
import os
import socket
import ssl
import threading
import time
import zlib
from collections.abc import Callable

Behaviour = Callable[[socket.socket, threading.Event], None]


def read_request(connection: socket.socket) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = connection.recv(65536)
        if not chunk:
            return data
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = connection.recv(65536)
        if not chunk:
            break
        body += chunk
    return head + b"\r\n\r\n" + body


class HostileServer:
    def __init__(self, behaviour: Behaviour, *, tls: ssl.SSLContext | None = None) -> None:
        self.behaviour = behaviour
        self.tls = tls
        self.stop = threading.Event()
        self.requests: list[bytes] = []
        self.accepted = 0
        self._listener = socket.create_server(("127.0.0.1", 0), backlog=64)
        self._listener.settimeout(0.1)
        self.port = int(self._listener.getsockname()[1])
        self._threads: list[threading.Thread] = []
        self._lock = threading.Lock()
        self._accepting = threading.Thread(target=self._accept, daemon=True)
        self._accepting.start()

    @property
    def base_url(self) -> str:
        return f"{'https' if self.tls else 'http'}://127.0.0.1:{self.port}"

    def _accept(self) -> None:
        while not self.stop.is_set():
            try:
                connection, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with self._lock:
                self.accepted += 1
            thread = threading.Thread(target=self._serve, args=(connection,), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _serve(self, connection: socket.socket) -> None:
        try:
            if self.tls is not None:
                connection.settimeout(5.0)
                connection = self.tls.wrap_socket(connection, server_side=True)
            connection.settimeout(5.0)
            request = read_request(connection)
            with self._lock:
                self.requests.append(request)
            self.behaviour(connection, self.stop)
        except (OSError, ssl.SSLError):
            pass  # the client went away (or gave up): that is the point of most tests
        finally:
            with contextlib.suppress(OSError):
                connection.close()

    def close(self) -> None:
        self.stop.set()
        self._accepting.join(5.0)
        for thread in self._threads:
            thread.join(5.0)
        self._listener.close()


# --------------------------------------------------------------------------- behaviours


def trickle(head: bytes, body: bytes, every: float) -> Behaviour:
    """Send ``head`` at once, then ``body`` one byte every ``every`` seconds, endlessly."""

    def behave(connection: socket.socket, stop: threading.Event) -> None:
        connection.sendall(head)
        index = 0
        while not stop.wait(every):
            connection.sendall(body[index % len(body) : index % len(body) + 1])
            index += 1

    return behave


def trickled_headers(every: float = 0.2) -> Behaviour:
    return trickle(b"HTTP/1.1 200 OK\r\n", b"X-Slow: " + b"a" * 60 + b"\r\n", every)


def trickled_body(every: float = 0.2) -> Behaviour:
    head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 10000000\r\n\r\n"
    return trickle(head, b'{"status_code": 200, "option_codes": {}}', every)


CHUNKED_HEAD = (
    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
)


def trickled_chunks(every: float = 0.2) -> Behaviour:
    head = CHUNKED_HEAD

    def behave(connection: socket.socket, stop: threading.Event) -> None:
        connection.sendall(head)
        while not stop.wait(every):
            connection.sendall(b"1\r\n \r\n")

    return behave


def endless_continue(every: float = 0.005) -> Behaviour:
    def behave(connection: socket.socket, stop: threading.Event) -> None:
        while not stop.wait(every):
            connection.sendall(b"HTTP/1.1 100 Continue\r\n\r\n")

    return behave


def blast(head: bytes, block: bytes, total: int, *, chunked: bool = False) -> Behaviour:
    """Send ``head``, then ``total`` bytes made of ``block`` as fast as the client reads."""

    def behave(connection: socket.socket, stop: threading.Event) -> None:
        connection.sendall(head)
        sent = 0
        while sent < total and not stop.is_set():
            piece = block[: total - sent]
            if chunked:
                connection.sendall(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
            else:
                connection.sendall(piece)
            sent += len(piece)
        if chunked:
            connection.sendall(b"0\r\n\r\n")
        stop.wait(5.0)

    return behave


def big_body(total: int = 200 * 1024 * 1024) -> Behaviour:
    head = (
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
        + f"Content-Length: {total}\r\n\r\n".encode()
    )
    return blast(head, b"[" + b"1," * 524_287 + b"1", total)


def big_unframed_body(total: int = 200 * 1024 * 1024) -> Behaviour:
    """No length, not chunked: the body ends when the connection closes."""
    head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n"
    return blast(head, b"[" + b"1," * 524_287 + b"1", total)


def big_chunked_body(total: int = 200 * 1024 * 1024) -> Behaviour:
    return blast(CHUNKED_HEAD, b" " * 1_048_576, total, chunked=True)


def gzip_bomb_bytes(expanded: int = 256 * 1024 * 1024) -> bytes:
    """A gzip member of ``expanded`` zero bytes (256 MiB makes about 250 KB)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = bytes(16 * 1024 * 1024)
    parts = [packer.compress(block) for _ in range(expanded // len(block))]
    parts.append(packer.flush())
    return b"".join(parts)


def gzip_bomb(bomb: bytes) -> Behaviour:
    head = (
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\n"
        + f"Content-Length: {len(bomb)}\r\n\r\n".encode()
    )
    return blast(head, bomb, len(bomb))


def fixed(raw: bytes) -> Behaviour:
    """Send ``raw`` and close."""

    def behave(connection: socket.socket, stop: threading.Event) -> None:
        connection.sendall(raw)

    return behave


def resident_size() -> int:
    """This process's resident size in bytes (Linux; 0 where /proc is not there)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        return 0


def sampled_peak_rss(stop: threading.Event, every: float = 0.005) -> Callable[[], int]:
    """Sample the resident size until ``stop`` is set; returns a function giving the peak seen."""
    peak = [0]
    rss = resident_size

    def sample() -> None:
        while not stop.is_set():
            peak[0] = max(peak[0], rss())
            time.sleep(every)

    peak[0] = rss()
    threading.Thread(target=sample, daemon=True).start()
    return lambda: peak[0]
