"""One entry point to the order journal on either engine: :func:`open_journal`.

``sqlite:///path/to/axdesk.sqlite3`` (or ``sqlite:///:memory:``) opens this
computer's journal exactly as before (``axdesk.store.db.open_database``);
``postgresql://user@host:port/database`` opens the agency's team journal on
a PostgreSQL server (``axdesk.store.pg_connection``), migrated to the newest
schema (``axdesk.store.pg_schema``). Either way the caller gets the same
:class:`~axdesk.store.journal.OrderJournal`.

The password is never part of the URL a desk keeps: it is passed as
``password`` (from the OS keyring). Any host that is not this computer is
reached over TLS with the server's certificate and name checked
(``sslmode=verify-full``, against the operating system's trust store unless
the URL names ``sslrootcert``); a URL asking for less to such a host is refused.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Callable
from typing import Any, cast

from axdesk.store.db import open_database
from axdesk.store.journal import OrderJournal
from axdesk.store.journal_base import Clock, utc_now
from axdesk.store.journal_url import JournalUrlError, pg_target, sqlite_path

CONNECT_TIMEOUT_SECONDS = 5
STATEMENT_TIMEOUT_MS = 15_000
SESSION_SETTINGS = {
    "statement_timeout": str(STATEMENT_TIMEOUT_MS),
    # Each statement is planned for its own values, also once psycopg has prepared it
    # (after five runs): a generic plan cannot tell a search for a piece in every order
    # ("0") from one in a few ("최 호"), and the count of a one-letter search went from
    # 130 ms to 3 s at 500,000 tickets once prepared (benchmarks/bench_team_journal.py).
    "plan_cache_mode": "force_custom_plan",
    # A desk's statements each read a page: parallel workers cost more to start and to
    # merge than they save, and take the cores the other desks' statements need (a page
    # of "최 호": 116 ms with two workers, 25 ms without, on the 2-core machine).
    "max_parallel_workers_per_gather": "0",
}
"""What every team journal session is set to (``-c`` options at connect)."""


Password = str | Callable[[], str | None] | None
"""The team journal's password: given, asked for at each new connection (the keyring is
read on the thread that connects, never on the GUI thread), or none (libpq's pgpass)."""


def pg_connect_kwargs(url: str) -> dict[str, Any]:
    """The keywords psycopg connects to the team journal at ``url`` with (no password).

    The TLS rule is :func:`~axdesk.store.journal_url.pg_target`'s; every wait ends.
    """
    return {
        **pg_target(url).keywords,
        "autocommit": True,
        "connect_timeout": CONNECT_TIMEOUT_SECONDS,
        "options": " ".join(f"-c {name}={value}" for name, value in SESSION_SETTINGS.items()),
        "application_name": "axdesk",
    }


def with_password(kwargs: dict[str, Any], password: Password) -> dict[str, Any]:
    """``kwargs`` with the password added as libpq's own keyword (never in a URL)."""
    given = password() if callable(password) else password
    return {**kwargs, "password": given} if given else kwargs


def open_pg_connection(url: str, *, password: Password = None, lazy: bool = False) -> Any:
    """A migrated :class:`~axdesk.store.pg_connection.PgConnection` to the team journal.

    ``lazy``: return at once, without touching the network; the pool connects in the
    background and the schema is brought up to date before the first statement (the
    app opens its journal on the GUI thread, which never waits on the network).
    ``password``: see :data:`Password`.
    """
    import psycopg  # only a team desk needs the driver
    import psycopg_pool

    from axdesk.store.pg_connection import PgConnection, TeamJournalOffline
    from axdesk.store.pg_schema import migrate_pg

    target = pg_target(url)
    plain = pg_connect_kwargs(url)

    def kwargs() -> dict[str, Any]:
        return with_password(plain, password)

    pool = psycopg_pool.ConnectionPool(
        kwargs=kwargs,  # called for each new connection: the password is never kept here
        min_size=1,
        max_size=2,
        open=False,
        timeout=CONNECT_TIMEOUT_SECONDS,
        check=psycopg_pool.ConnectionPool.check_connection,
        name=f"axdesk-journal {target.where}",
    )
    where = f"The team journal at {target.where}"
    if lazy:
        pool.open(wait=False)
        lazy_conn = PgConnection(
            pool,
            where=target.where,
            connect=lambda: psycopg.connect(**kwargs()),
            login=(plain, password),
        )
        lazy_conn.prepare_on_first_use(lambda conn: _migrate(conn, where))
        return lazy_conn
    try:
        pool.open(wait=True, timeout=CONNECT_TIMEOUT_SECONDS)
    except psycopg_pool.PoolTimeout as exc:
        pool.close()
        raise TeamJournalOffline(
            f"The team journal at {target.where} cannot be reached (no connection within "
            f"{CONNECT_TIMEOUT_SECONDS} s)."
        ) from exc
    conn = PgConnection(
        pool,
        where=target.where,
        connect=lambda: psycopg.connect(**kwargs()),
        login=(plain, password),
    )
    try:
        migrate_pg(conn, where=where)
    except BaseException:
        conn.close()
        raise
    return conn


def _migrate(conn: Any, where: str) -> None:
    from axdesk.store.pg_schema import migrate_pg

    migrate_pg(conn, where=where)


def open_journal(
    url: str, *, password: Password = None, clock: Clock = utc_now, lazy: bool = False
) -> OrderJournal:
    """The order journal at ``url`` (``sqlite:///…`` or ``postgresql://…``), ready to use.

    Raises :class:`~axdesk.store.db.DatabaseError` (a sentence) when it cannot
    be opened, :class:`JournalUrlError` for an address axdesk cannot use.
    ``journal.close()`` gives the connection back. ``lazy`` (PostgreSQL): see
    :func:`open_pg_connection`.
    """
    scheme = urllib.parse.urlsplit(url).scheme
    if scheme == "sqlite":
        return OrderJournal(open_database(sqlite_path(url)), clock=clock)
    if scheme in ("postgresql", "postgres"):
        conn = open_pg_connection(url, password=password, lazy=lazy)
        # PgConnection answers the sqlite3.Connection subset the journal uses.
        return OrderJournal(cast("Any", conn), clock=clock)
    raise JournalUrlError(
        f"axdesk opens journals at sqlite:/// or postgresql:// addresses, not {url!r}."
    )
