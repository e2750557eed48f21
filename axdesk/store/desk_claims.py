"""One desk at a time: who settles an order, re-sends a cancel, or polls AX.

On this computer's SQLite journal there is one desk, so a claim is only
between the threads of this process. On the team journal every desk runs
start-up settling, the "unknown" re-checks and live sync, so a claim must
hold across desks too: PostgreSQL *advisory locks*, taken with
``pg_try_advisory_lock`` on a connection of their own
(:class:`PgAdvisoryLocks`) and held for as long as the work lasts. They are
taken without waiting (a desk that finds one held skips that order: the
holder settles it), and they belong to that connection, so a desk that quits
or dies (kill -9, power cut) lets go of them as soon as the server sees its
connection close, and another desk takes the work over at its next pass.

Why advisory locks rather than ``SELECT … FOR UPDATE SKIP LOCKED``: a row
lock lasts a transaction, and the work it guards includes calls to AX; the
journal never keeps a transaction open across a network call. An advisory
lock is held by the session with no transaction open.

Should the lock connection itself be lost while a desk holds a claim, the
claim is gone with it; the journal's own rules still keep an order from
being made twice (the settle window of ``uncertain_post_at`` and asking AX
before re-sending, ``axdesk.store.reconcile``).

Lock keys: a space (orders, cancels, roles) and ``hashtext`` of the code; two
codes sharing a hash only make one wait for the other's pass.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Iterator
from typing import Any, Protocol

from axdesk.store.journal_base import Clock, JournalBase, utc_now
from axdesk.store.team_errors import TeamJournalOffline

_log = logging.getLogger(__name__)

ORDER_SPACE = 0x6178_0001
CANCEL_SPACE = 0x6178_0002
ROLE_SPACE = 0x6178_0003
LIVE_SYNC_ROLE = "live-sync"


class DeskLocks(Protocol):
    """Locks shared by every desk of one journal (none on a journal with one desk)."""

    def try_lock(self, space: int, key: str) -> bool: ...

    def unlock(self, space: int, key: str) -> None: ...


class OneDeskLocks:
    """This computer's journal: no other desk, every lock is free."""

    def try_lock(self, space: int, key: str) -> bool:
        return True

    def unlock(self, space: int, key: str) -> None:
        return None


class PgAdvisoryLocks:
    """Advisory locks on a connection of their own (see the module docstring).

    ``connect`` opens a new autocommit psycopg connection to the team journal.
    """

    def __init__(self, connect: Callable[[], Any]) -> None:
        self._connect = connect
        self._conn: Any = None
        self._lock = threading.Lock()

    def try_lock(self, space: int, key: str) -> bool:
        row = self._run("SELECT pg_try_advisory_lock(%s, hashtext(%s))", space, key)
        return bool(row and row[0])

    def unlock(self, space: int, key: str) -> None:
        with contextlib.suppress(Exception):  # a lost connection has let go already
            self._run("SELECT pg_advisory_unlock(%s, hashtext(%s))", space, key)

    def close(self) -> None:
        with self._lock:
            conn, self._conn = self._conn, None
        if conn is not None:
            with contextlib.suppress(Exception):
                conn.close()

    def _run(self, sql: str, space: int, key: str) -> Any:
        import psycopg

        with self._lock:
            for attempt in (1, 2):
                try:
                    if self._conn is None or self._conn.closed or self._conn.broken:
                        if self._conn is not None:
                            _log.warning("The team journal's lock connection was lost; reopened")
                        self._conn = self._connect()
                    return self._conn.execute(sql, (space, key)).fetchone()
                except psycopg.OperationalError as exc:
                    self._conn = None
                    if attempt == 2:
                        raise TeamJournalOffline(
                            "The team journal cannot be reached to share the work between "
                            f"desks ({exc.__class__.__name__})."
                        ) from exc
        return None  # pragma: no cover - the loop returns or raises


class JournalClaims(JournalBase):
    """The journal's claims: orders being settled, this desk's roles (module docstring)."""

    def __init__(self, conn: Any, *, clock: Clock = utc_now) -> None:
        super().__init__(conn, clock=clock)
        self._desk_locks: DeskLocks = getattr(conn, "desk_locks", None) or OneDeskLocks()
        self._held_orders: set[str] = set()
        self._roles: set[str] = set()
        self._held_lock = threading.Lock()

    @contextlib.contextmanager
    def hold_order(self, channel_order_code: str) -> Iterator[bool]:
        """Claim the order for this block: True when held here, False when another thread
        or desk is sending or settling it now (then leave it to them)."""
        with self._held_lock:
            if channel_order_code in self._held_orders:
                held = False
            else:
                held = self._desk_locks.try_lock(ORDER_SPACE, channel_order_code)
                if held:
                    self._held_orders.add(channel_order_code)
        try:
            yield held
        finally:
            if held:
                with self._held_lock:
                    self._held_orders.discard(channel_order_code)
                    self._desk_locks.unlock(ORDER_SPACE, channel_order_code)

    def lead(self, role: str = LIVE_SYNC_ROLE) -> bool:
        """Whether this desk does ``role`` (one desk at a time); taken when free, kept
        until :meth:`resign` or the journal closes (or the desk dies)."""
        with self._held_lock:
            if role in self._roles:
                return True
            if self._desk_locks.try_lock(ROLE_SPACE, role):
                self._roles.add(role)
                return True
            return False

    def resign(self, role: str = LIVE_SYNC_ROLE) -> None:
        with self._held_lock:
            if role in self._roles:
                self._roles.discard(role)
                self._desk_locks.unlock(ROLE_SPACE, role)

    def _lock_cancel_across_desks(self, ax_ticket_code: str) -> bool:
        return self._desk_locks.try_lock(CANCEL_SPACE, ax_ticket_code)

    def _unlock_cancel_across_desks(self, ax_ticket_code: str) -> None:
        self._desk_locks.unlock(CANCEL_SPACE, ax_ticket_code)
