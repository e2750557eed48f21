"""Simulated network and server trouble, as a raw ASGI middleware in front of the API.

Kinds of fault:

- ``"500"``, ``"503"``: a JSON error answer (503 carries ``Retry-After: 1``);
  ``"502"``: an nginx-style HTML page, as a proxy in front of the real service would send.
- ``"drop"``: the connection is closed without any answer; nothing is changed.
- ``"delay"``: the request waits ``delay_seconds`` (past the client's timeout) and
  is then handled normally, so a write is applied although the client gave up.
- ``"commit_then_drop"`` (POST and PATCH only): the request is handled and
  committed, then the connection is closed and the answer is lost.

A fault is taken from the queue filled by :meth:`FaultPlan.queue` (tests) or,
failing that, drawn at random with probability ``rate`` from a generator
seeded with ``random_seed``, so a run can be repeated exactly.
"""

from __future__ import annotations

import asyncio
import json
import math
import random
import threading
from collections import deque
from typing import TYPE_CHECKING

from starlette.types import ASGIApp, Message, Receive, Scope, Send

if TYPE_CHECKING:
    import uvicorn

FAULT_KINDS = ("500", "502", "503", "drop", "delay", "commit_then_drop")
WRITE_METHODS = frozenset({"POST", "PATCH"})
MAX_DELAY_SECONDS = 300.0
MAX_LATENCY_SECONDS = 60.0
DEFAULT_DELAY_SECONDS = 15.0

_BAD_GATEWAY_HTML = (
    b"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
    b"<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n"
    b"</body>\r\n</html>\r\n"
)


class FaultPlan:
    """Which requests get which fault; shared by the state (test hooks) and the middleware."""

    def __init__(
        self,
        rate: float = 0.0,
        random_seed: int | None = None,
        delay_seconds: float = DEFAULT_DELAY_SECONDS,
        latency_ms: int = 0,
    ) -> None:
        if not 0.0 <= rate <= 1.0:
            raise ValueError("The fault rate must be between 0 and 1.")
        if not 0.0 <= delay_seconds <= MAX_DELAY_SECONDS:
            raise ValueError(
                f"The fault delay must be between 0 and {MAX_DELAY_SECONDS:g} seconds."
            )
        if latency_ms < 0:
            raise ValueError("The latency must be 0 ms or more.")
        self.rate = rate
        self.delay_seconds = delay_seconds
        self.latency_ms = latency_ms
        self.stopping = threading.Event()
        self.injected: list[tuple[str, str, str]] = []  # (method, path, kind), for tests and logs
        self._rng = (
            random.Random(f"faults:{random_seed}") if random_seed is not None else random.Random()
        )
        self._queue: deque[tuple[str, str | None]] = deque()
        self._lock = threading.Lock()

    def queue(self, kind: str, method: str | None = None) -> None:
        """Make the next request with this method (any method when None) get ``kind``."""
        if kind not in FAULT_KINDS:
            raise ValueError(f"Unknown fault kind {kind!r}; use one of {', '.join(FAULT_KINDS)}.")
        upper = method.upper() if method is not None else None
        if kind == "commit_then_drop" and upper is not None and upper not in WRITE_METHODS:
            raise ValueError("commit_then_drop only applies to POST and PATCH requests.")
        with self._lock:
            self._queue.append((kind, upper))

    def pick(self, method: str, path: str) -> str | None:
        """The fault for this request, or None. Queued faults come first, then the random draw."""
        with self._lock:
            kind = self._take_queued(method)
            if kind is None and self.rate > 0 and self._rng.random() < self.rate:
                kinds = [
                    k for k in FAULT_KINDS if k != "commit_then_drop" or method in WRITE_METHODS
                ]
                kind = self._rng.choice(kinds)
            if kind is not None:
                self.injected.append((method, path, kind))
            return kind

    def set_latency(self, seconds: float) -> None:
        """Add ``seconds`` (0 to 60) to every request from now on; 0 removes the delay.

        Requests already waiting keep the delay they started with.
        """
        if not (math.isfinite(seconds) and 0 <= seconds <= MAX_LATENCY_SECONDS):
            raise ValueError(
                f"The latency must be between 0 and {MAX_LATENCY_SECONDS:g} seconds, "
                f"not {seconds!r}."
            )
        with self._lock:
            self.latency_ms = round(seconds * 1000)

    def queued(self, kind: str) -> int:
        """How many faults of ``kind`` wait in the queue."""
        with self._lock:
            return sum(1 for queued_kind, _ in self._queue if queued_kind == kind)

    def withdraw(self, kind: str) -> None:
        """Take every queued fault of ``kind`` out of the queue."""
        with self._lock:
            self._queue = deque(entry for entry in self._queue if entry[0] != kind)

    def _take_queued(self, method: str) -> str | None:
        for index, (kind, wanted) in enumerate(self._queue):
            applies = kind != "commit_then_drop" or method in WRITE_METHODS
            if (wanted is None or wanted == method) and applies:
                del self._queue[index]
                return kind
        return None


class FaultMiddleware:
    """Adds latency and faults in front of ``app``. ``server`` must be set to drop connections."""

    def __init__(self, app: ASGIApp, plan: FaultPlan) -> None:
        self.app = app
        self.plan = plan
        self.server: uvicorn.Server | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        replay = await _buffered(receive)
        if self.plan.latency_ms and await self._sleep(self.plan.latency_ms / 1000):
            await self._drop(scope, send)
            return
        kind = self.plan.pick(scope["method"], scope["path"])
        if kind is None:
            await self.app(scope, replay, send)
        elif kind in ("500", "503"):
            await _send_json_error(send, int(kind))
        elif kind == "502":
            await _send(send, 502, [(b"content-type", b"text/html")], _BAD_GATEWAY_HTML)
        elif kind == "drop":
            await self._drop(scope, send)
        elif kind == "delay":
            if await self._sleep(self.plan.delay_seconds):
                await self._drop(scope, send)
            else:
                await self.app(scope, replay, send)
        else:  # commit_then_drop
            await self.app(scope, replay, _discard)
            await self._drop(scope, send)

    async def _sleep(self, seconds: float) -> bool:
        """Sleep, waking early when the server stops; True when interrupted."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + seconds
        while (remaining := deadline - loop.time()) > 0:
            if self.plan.stopping.is_set():
                return True
            await asyncio.sleep(min(remaining, 0.05))
        return False

    async def _drop(self, scope: Scope, send: Send) -> None:
        """Close this request's connection without writing a byte of answer."""
        client = tuple(scope.get("client") or ())
        server = self.server
        connections = list(server.server_state.connections) if server is not None else []
        for connection in connections:
            transport = getattr(connection, "transport", None)
            if getattr(connection, "client", None) != client or transport is None:
                continue
            transport.close()
            # Let uvicorn see the connection go, so it does not try to answer it itself.
            for _ in range(200):
                if connection not in server.server_state.connections:  # type: ignore[union-attr]
                    break
                await asyncio.sleep(0.005)
            return
        # No access to the socket (not run by our server): answer with a truncated body,
        # which uvicorn ends by closing the connection.
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [(b"content-length", b"1000")],
            }
        )
        await send({"type": "http.response.body", "body": b"{", "more_body": True})


async def _buffered(receive: Receive) -> Receive:
    """Read the whole request body now; return a ``receive`` that replays it.

    Reading first lets a delayed request still be applied after the client gave up.
    """
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    replayed = False

    async def replay() -> Message:
        nonlocal replayed
        if not replayed:
            replayed = True
            return {"type": "http.request", "body": b"".join(chunks), "more_body": False}
        return await receive()

    return replay


async def _discard(message: Message) -> None:
    """A ``send`` that loses the answer (commit_then_drop)."""


async def _send(send: Send, status: int, headers: list[tuple[bytes, bytes]], body: bytes) -> None:
    all_headers = [*headers, (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": all_headers})
    await send({"type": "http.response.body", "body": body, "more_body": False})


async def _send_json_error(send: Send, status: int) -> None:
    if status == 503:
        message = "The service is temporarily unavailable; try again shortly."
        headers = [(b"content-type", b"application/json"), (b"retry-after", b"1")]
    else:
        message = "The server hit an internal error."
        headers = [(b"content-type", b"application/json")]
    body = json.dumps({"message": message}).encode()
    await _send(send, status, headers, body)
