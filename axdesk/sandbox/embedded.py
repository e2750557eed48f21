"""Running the sandbox: in a background thread of this process, or (for the CLI) in the foreground.

``start_sandbox(...)`` binds a socket itself (port 0 picks a free one, so the
address is known before the server starts), runs uvicorn in a daemon thread
and waits until it is serving::

    with start_sandbox(confirm_after=None) as sandbox:
        httpx.get(f"{sandbox.base_url}/v1/channel/inventory/tour/...",
                  headers={"Authorization": f"Token {sandbox.api_key}",
                           "Channel": f"Code {sandbox.channel_code}"})
"""

from __future__ import annotations

import ipaddress
import socket
import sys
import threading
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import Any
from zoneinfo import ZoneInfo

import uvicorn

from axdesk.sandbox.app import create_app
from axdesk.sandbox.catalog import Catalog, Credential
from axdesk.sandbox.clock import Clock, system_clock
from axdesk.sandbox.demo import DEMO_TIMEZONE, demo_seed
from axdesk.sandbox.faults import DEFAULT_DELAY_SECONDS, FaultMiddleware, FaultPlan
from axdesk.sandbox.practice import Practice
from axdesk.sandbox.seed import SeedError, load_seed_file, parse_seed
from axdesk.sandbox.state import CONFIRM_BY_ANY, SandboxState
from axdesk.sandbox.storage import SqliteStorage

STARTUP_TIMEOUT_SECONDS = 10.0
STOP_TIMEOUT_SECONDS = 5.0


class SandboxStartError(RuntimeError):
    """The sandbox could not start (port taken, server failed); ``str()`` is a sentence."""


@dataclass
class PreparedSandbox:
    """Everything built before serving: state, server and its bound socket."""

    state: SandboxState
    credential: Credential
    server: uvicorn.Server
    sock: socket.socket
    storage: SqliteStorage | None
    loaded_from_state_file: bool

    @property
    def base_url(self) -> str:
        host, port = self.sock.getsockname()[:2]
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{port}"


def prepare_sandbox(
    *,
    seed: Path | dict[str, Any] | None = None,
    host: str = "127.0.0.1",
    port: int = 0,
    confirm_after: float | None = 30.0,
    reject_rate: float = 0.0,
    latency_ms: int = 0,
    fault_rate: float = 0.0,
    fault_delay: float = DEFAULT_DELAY_SECONDS,
    random_seed: int | None = None,
    state_path: Path | None = None,
    api_key: str | None = None,
    channel_code: str | None = None,
    clock: Clock | None = None,
    log_config: dict[str, Any] | None = None,
    dedup: bool = True,
    confirm_by: str = CONFIRM_BY_ANY,
) -> PreparedSandbox:
    """Build the state and a server bound to its socket, without serving yet.

    ``dedup`` and ``confirm_by``: the behaviour modes, see :class:`SandboxState`.

    Raises ``SeedError``, ``StateFileError``, ``ValueError`` (bad numbers) or
    :class:`SandboxStartError`, each with a sentence.
    """
    if (api_key is None) != (channel_code is None):
        raise ValueError("An API key and a channel code must be given together.")
    extra = Credential(api_key, channel_code) if api_key and channel_code else None
    faults = FaultPlan(fault_rate, random_seed, fault_delay, latency_ms)
    storage = SqliteStorage.open(state_path) if state_path is not None else None
    try:
        loaded = storage is not None and not storage.is_new
        if storage is not None and loaded:
            catalog, orders = storage.load()
        else:
            catalog, orders = _catalog(seed, clock or system_clock), []
        if extra is not None:
            catalog.add_credential(extra)
        if not catalog.credentials:
            raise SeedError(
                "document" if not isinstance(seed, Path) else f"file {seed}",
                [
                    'it has no credentials; add one under "credentials" or pass an API key '
                    "and a channel code"
                ],
            )
        if storage is not None and not loaded:
            storage.write_catalog(catalog)
        elif storage is not None and extra is not None:
            storage.add_credential(extra)
        state = SandboxState(
            catalog,
            confirm_after=confirm_after,
            reject_rate=reject_rate,
            random_seed=random_seed,
            clock=clock,
            faults=faults,
            storage=storage,
            orders=orders,
            dedup=dedup,
            confirm_by=confirm_by,
        )
        sock = _bind(host, port)
    except BaseException:
        if storage is not None:
            storage.close()
        raise
    app = FaultMiddleware(create_app(state), faults)
    config = uvicorn.Config(
        app,
        log_level="warning",
        access_log=False,
        http="h11",
        ws="none",
        lifespan="off",
        loop="asyncio",
        timeout_graceful_shutdown=2,
        log_config=log_config,
    )
    server = uvicorn.Server(config)
    app.server = server
    return PreparedSandbox(state, extra or catalog.credentials[0], server, sock, storage, loaded)


def start_sandbox(
    *,
    seed: Path | dict[str, Any] | None = None,
    host: str = "127.0.0.1",
    port: int = 0,
    confirm_after: float | None = 30.0,
    reject_rate: float = 0.0,
    latency_ms: int = 0,
    fault_rate: float = 0.0,
    random_seed: int | None = None,
    state_path: Path | None = None,
    api_key: str | None = None,
    channel_code: str | None = None,
    clock: Clock | None = None,
    fault_delay: float = DEFAULT_DELAY_SECONDS,
    dedup: bool = True,
    confirm_by: str = CONFIRM_BY_ANY,
) -> RunningSandbox:
    """Start a sandbox in a daemon thread and return once it answers requests.

    ``seed``: a seed file, a seed document, or None for the demo catalog.
    ``confirm_after``: seconds until the simulated supplier decides (pending at half);
    None means orders stay New until a test hook changes them.
    ``clock``: returns aware datetimes (default: the system clock); see also
    ``RunningSandbox.state.advance``.
    ``dedup=False``: a repeated channel_order_code makes a new, separate order.
    ``confirm_by="ax-code"``: Get Confirm answers 404 to a channel order code.
    """
    prepared = prepare_sandbox(
        seed=seed,
        host=host,
        port=port,
        confirm_after=confirm_after,
        reject_rate=reject_rate,
        latency_ms=latency_ms,
        fault_rate=fault_rate,
        fault_delay=fault_delay,
        random_seed=random_seed,
        state_path=state_path,
        api_key=api_key,
        channel_code=channel_code,
        clock=clock,
        dedup=dedup,
        confirm_by=confirm_by,
    )
    return RunningSandbox(prepared)


class RunningSandbox:
    """A sandbox serving in a background thread. Stop it with :meth:`stop` or ``with``."""

    def __init__(self, prepared: PreparedSandbox) -> None:
        self._prepared = prepared
        self.state = prepared.state
        self.practice = Practice(prepared.state)
        self.base_url = prepared.base_url
        self.api_key = prepared.credential.api_key
        self.channel_code = prepared.credential.channel_code
        self._server = prepared.server
        self._thread = threading.Thread(
            target=self._server.run,
            kwargs={"sockets": [prepared.sock]},
            name="axdesk-sandbox",
            daemon=True,
        )
        self._stopped = False
        self._thread.start()
        deadline = time.monotonic() + STARTUP_TIMEOUT_SECONDS
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                self.stop()
                raise SandboxStartError(f"The AX sandbox at {self.base_url} did not start.")
            time.sleep(0.01)

    def catalog(self) -> list[dict[str, object]]:
        """Products and options as plain dicts (see ``Catalog.as_plain_products``)."""
        return self.state.catalog_products()

    def stop(self) -> None:
        """Stop serving and wait for the thread (a few seconds at most). Safe to call twice."""
        if self._stopped:
            return
        self._stopped = True
        self.state.faults.stopping.set()
        self._server.should_exit = True
        self._thread.join(STOP_TIMEOUT_SECONDS)
        if self._thread.is_alive():
            self._server.force_exit = True
            self._thread.join(STOP_TIMEOUT_SECONDS)
        self._prepared.sock.close()
        if self._prepared.storage is not None:
            self._prepared.storage.close()

    def __enter__(self) -> RunningSandbox:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    def __repr__(self) -> str:
        return f"RunningSandbox({self.base_url!r})"


def _catalog(seed: Path | dict[str, Any] | None, clock: Clock) -> Catalog:
    if isinstance(seed, Path):
        return load_seed_file(seed)
    if seed is not None:
        return parse_seed(seed)
    today = _today(clock, DEMO_TIMEZONE)
    return parse_seed(demo_seed(today), source="built-in demo catalog")


def _today(clock: Clock, timezone: str) -> date:
    return clock().astimezone(ZoneInfo(timezone)).date()


def _bind(host: str, port: int) -> socket.socket:
    """Bind the listening socket here so port 0 yields its real port before serving.

    The protocol is named (IPPROTO_TCP, not 0): accepted sockets inherit it, and
    asyncio sets TCP_NODELAY only on sockets whose ``proto`` is IPPROTO_TCP. With
    0, every keep-alive answer waited ~40 ms for the client's delayed ACK.
    """
    try:
        family = socket.AF_INET6 if ipaddress.ip_address(host).version == 6 else socket.AF_INET
    except ValueError:
        family = socket.AF_INET  # a host name such as "localhost"
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        if sys.platform != "win32":  # on Windows it would let two servers share the port
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(128)
    except OSError as exc:
        sock.close()
        reason = exc.strerror or str(exc)
        raise SandboxStartError(
            f"The AX sandbox cannot listen on {host}:{port} ({reason})."
        ) from exc
    return sock
