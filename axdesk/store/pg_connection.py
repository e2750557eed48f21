"""The team journal's connection: PostgreSQL through psycopg 3 and its pool.

:class:`PgConnection` answers the part of ``sqlite3.Connection`` the journal
uses (``execute``, ``executemany``, ``commit``, ``rollback``,
``in_transaction``, ``close`` and the :attr:`lock` of ``axdesk.store.db``),
so the journal's rooms, ``axdesk.store.db.transaction`` and ``locked`` run on
either engine unchanged; each statement is put in PostgreSQL's words by
``axdesk.store.pg_dialect``.

Connections come from a small ``psycopg_pool.ConnectionPool``. A statement
outside a transaction borrows one for that statement and gives it back with
its rows read; a transaction (``BEGIN`` ... ``COMMIT``) keeps one until it
ends. So a server that went away and came back costs the desk one failed
call, not a restart: the pool checks a connection before lending it and
makes a new one when it is broken. Every wait ends: connecting (5 s by
default), borrowing from the pool, and each statement (``statement_timeout``).
Failures reach callers as :class:`axdesk.store.db.DatabaseError` subclasses
with a sentence, :class:`TeamJournalOffline` when the server cannot be
reached, so the UI can say "Team journal offline" and keep what it shows.

Values are stored as the SQLite journal stores them (times as fixed-width UTC
text, money as decimal text, see ``axdesk.store.db``), so the conversions and
every comparison are the same on both engines.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import psycopg
import psycopg_pool
from psycopg.pq import TransactionStatus

from axdesk.store.db import DatabaseError
from axdesk.store.desk_claims import PgAdvisoryLocks
from axdesk.store.pg_dialect import reads_sqlite_schema, translate
from axdesk.store.team_errors import TeamJournalIntegrityError, TeamJournalOffline

__all__ = ["PgConnection", "PgResult", "TeamJournalIntegrityError", "TeamJournalOffline"]


class PgResult:
    """The rows of one statement, already read (the connection is back in the pool)."""

    def __init__(self, rows: list[tuple[Any, ...]], rowcount: int, lastrowid: int | None) -> None:
        self._rows = rows
        self._next = 0
        self.rowcount = rowcount
        self.lastrowid = lastrowid

    def fetchone(self) -> tuple[Any, ...] | None:
        if self._next >= len(self._rows):
            return None
        row = self._rows[self._next]
        self._next += 1
        return row

    def fetchall(self) -> list[tuple[Any, ...]]:
        rows = self._rows[self._next :]
        self._next = len(self._rows)
        return rows

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        return iter(self.fetchall())


def _offline_sentence(where: str, exc: BaseException) -> str:
    return f"The team journal at {where} cannot be reached ({exc.__class__.__name__})."


class PgConnection:
    """One desk's use of the team journal (see the module docstring).

    ``where`` names the server for sentences (host and database, never the
    password). Safe to share between threads: every use holds :attr:`lock`.
    """

    def __init__(
        self,
        pool: psycopg_pool.ConnectionPool,
        *,
        where: str,
        connect: Callable[[], psycopg.Connection[Any]] | None = None,
        login: tuple[dict[str, Any], Any] | None = None,
    ) -> None:
        self.lock = threading.RLock()
        self.where = where
        self.backend = "postgresql"
        self.connect = connect
        """Opens a new connection of the desk's own (for locks and change notices)."""
        self.login = login
        """The keywords (no password) and the password (or how to get it) the journal
        connects with, for ``journal_probe.offline_cause`` to retrace a failure."""
        self.desk_locks = PgAdvisoryLocks(connect) if connect is not None else None
        """The locks shared with the other desks (``axdesk.store.desk_claims``)."""
        self._pool = pool
        self._held: psycopg.Connection[Any] | None = None
        self._prepare: Callable[[PgConnection], None] | None = None
        self._trace: Callable[[str], object] | None = None

    # -- the sqlite3.Connection subset ---------------------------------------------

    @property
    def in_transaction(self) -> bool:
        return self._held is not None

    def execute(self, sql: str, params: Sequence[Any] = ()) -> PgResult:
        if reads_sqlite_schema(sql):
            # Answered here: the journal asks SQLite's schema which of its FTS5 tables
            # exist (the search, the short-fragment index); PostgreSQL has none of them.
            return PgResult([], 0, None)
        with self.lock:
            self._ready()
            if self._trace is not None and sql.strip().upper() not in ("COMMIT", "ROLLBACK"):
                self._trace(sql)
            statement = sql.strip().upper()
            if statement in ("BEGIN", "BEGIN IMMEDIATE"):
                self._begin()
                return PgResult([], -1, None)
            if statement == "COMMIT":
                self.commit()
                return PgResult([], -1, None)
            if statement == "ROLLBACK":
                self.rollback()
                return PgResult([], -1, None)
            if self._held is not None:
                return self._run(self._held, sql, params)
            with self._borrow() as conn:
                return self._run(conn, sql, params)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> PgResult:
        with self.lock:
            self._ready()
            count = 0
            with (
                self._borrow() if self._held is None else contextlib.nullcontext(self._held) as conn
            ):
                for params in rows:
                    count += max(self._run(conn, sql, params).rowcount, 0)
            return PgResult([], count, None)

    def commit(self) -> None:
        with self.lock:
            held, self._held = self._held, None
            if held is None:
                return
            if self._trace is not None:
                self._trace("COMMIT")
            try:
                held.execute("COMMIT")
            except psycopg.OperationalError as exc:
                raise TeamJournalOffline(_offline_sentence(self.where, exc)) from exc
            finally:
                self._pool.putconn(held)

    def rollback(self) -> None:
        with self.lock:
            held, self._held = self._held, None
            if held is None:
                return
            if self._trace is not None:
                self._trace("ROLLBACK")
            try:
                if not held.broken:
                    held.execute("ROLLBACK")
            except psycopg.Error:
                pass  # the connection is broken: the pool discards it
            finally:
                self._pool.putconn(held)

    def prepare_on_first_use(self, prepare: Callable[[PgConnection], None]) -> None:
        """Run ``prepare`` (the schema migration) before the first statement instead of now,
        so a desk opens its team journal without waiting on the network; a failed
        preparation is tried again at the next statement."""
        self._prepare = prepare

    def _ready(self) -> None:
        prepare = self._prepare
        if prepare is not None:
            self._prepare = None
            try:
                prepare(self)
            except BaseException:
                self._prepare = prepare
                raise

    def set_trace_callback(self, trace: Callable[[str], object] | None) -> None:
        """Call ``trace`` with each statement as the journal wrote it (as sqlite3 does)."""
        self._trace = trace

    def close(self) -> None:
        with self.lock:
            self.rollback()
            if self.desk_locks is not None:
                self.desk_locks.close()
            self._pool.close()

    # -- PostgreSQL's own ------------------------------------------------------------

    @contextlib.contextmanager
    def session(self) -> Iterator[psycopg.Connection[Any]]:
        """A raw psycopg connection from the pool for PostgreSQL-only work (locks, LISTEN)."""
        with self._borrow() as conn:
            yield conn

    # -- internals -------------------------------------------------------------------

    def _begin(self) -> None:
        if self._held is not None:
            raise DatabaseError("A transaction is already open on this connection.")
        try:
            conn = self._pool.getconn()
        except psycopg_pool.PoolTimeout as exc:
            raise TeamJournalOffline(_offline_sentence(self.where, exc)) from exc
        try:
            conn.execute("BEGIN")
        except psycopg.Error as exc:
            self._pool.putconn(conn)
            raise TeamJournalOffline(_offline_sentence(self.where, exc)) from exc
        self._held = conn

    @contextlib.contextmanager
    def _borrow(self) -> Iterator[psycopg.Connection[Any]]:
        try:
            conn = self._pool.getconn()
        except psycopg_pool.PoolTimeout as exc:
            raise TeamJournalOffline(_offline_sentence(self.where, exc)) from exc
        try:
            yield conn
        finally:
            if conn.info.transaction_status not in (TransactionStatus.IDLE,):
                with contextlib.suppress(psycopg.Error):
                    conn.execute("ROLLBACK")
            self._pool.putconn(conn)

    def _run(self, conn: psycopg.Connection[Any], sql: str, params: Sequence[Any]) -> PgResult:
        statement = translate(sql, has_params=bool(params))
        try:
            cursor = conn.execute(statement.text, tuple(params) if params else None)
            rows = cursor.fetchall() if cursor.description is not None else []
        except psycopg.IntegrityError as exc:
            raise TeamJournalIntegrityError(
                f"The team journal refused a change: {exc.diag.message_primary or exc}"
            ) from exc
        except psycopg.OperationalError as exc:
            if conn.broken or isinstance(exc, psycopg.errors.ConnectionTimeout):
                raise TeamJournalOffline(_offline_sentence(self.where, exc)) from exc
            raise DatabaseError(f"The team journal could not do that ({exc}).") from exc
        except psycopg.errors.InsufficientPrivilege as exc:
            raise DatabaseError(
                f"The team journal's user may not do this ({exc.diag.message_primary}); "
                "an update of its tables is run once by their owner (see docs/team-journal.md)."
            ) from exc
        except psycopg.Error as exc:
            raise DatabaseError(
                f"The team journal could not do that ({exc.diag.message_primary or exc})."
            ) from exc
        lastrowid = int(rows[0][0]) if statement.returns_id and rows else None
        return PgResult(rows, cursor.rowcount, lastrowid)
