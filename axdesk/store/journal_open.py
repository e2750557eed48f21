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

import ipaddress
import urllib.parse
from dataclasses import dataclass
from typing import Any, cast

from axdesk.store.db import DatabaseError, open_database
from axdesk.store.journal import OrderJournal
from axdesk.store.journal_base import Clock, utc_now

DEFAULT_PG_PORT = 5432
CONNECT_TIMEOUT_SECONDS = 5
STATEMENT_TIMEOUT_MS = 15_000
_WEAK_TLS = frozenset({"disable", "allow", "prefer", "require", "verify-ca"})


class JournalUrlError(DatabaseError):
    """The journal URL is not one axdesk can open; ``str(err)`` says why."""


@dataclass(frozen=True)
class PgTarget:
    """Where a team journal is: libpq connection keywords (no password) and a display name."""

    keywords: dict[str, str]
    where: str


def is_loopback(host: str) -> bool:
    """True for this computer: localhost, a loopback address or a Unix socket folder."""
    if not host or host.startswith("/") or host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def pg_target(url: str) -> PgTarget:
    """The connection keywords of a ``postgresql://`` URL, TLS checks made compulsory."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("postgresql", "postgres"):
        raise JournalUrlError(f"{url!r} is not a postgresql:// address.")
    if parts.password:
        raise JournalUrlError(
            "The team journal's address must not hold the password; "
            "it is kept in the system keyring."
        )
    query = dict(urllib.parse.parse_qsl(parts.query))
    host = query.pop("host", None) or parts.hostname or ""
    database = parts.path.lstrip("/") or query.pop("dbname", "")
    if not database:
        raise JournalUrlError("The team journal's address names no database.")
    try:
        port = parts.port or int(query.pop("port", DEFAULT_PG_PORT))
    except ValueError as exc:
        raise JournalUrlError("The team journal's port is not a number.") from exc
    keywords = {"dbname": database, "port": str(port), **query}
    if host:
        keywords["host"] = host
    if parts.username:
        keywords["user"] = urllib.parse.unquote(parts.username)
    if not is_loopback(host):
        if keywords.get("sslmode", "verify-full") in _WEAK_TLS:
            raise JournalUrlError(
                f"The team journal at {host} must be reached over TLS with its certificate "
                "checked (sslmode=verify-full)."
            )
        keywords["sslmode"] = "verify-full"
        keywords.setdefault("sslrootcert", "system")
    return PgTarget(keywords, f"{host or 'localhost'}:{port}/{database}")


def open_pg_connection(url: str, *, password: str | None = None) -> Any:
    """A migrated :class:`~axdesk.store.pg_connection.PgConnection` to the team journal."""
    import psycopg  # only a team desk needs the driver
    import psycopg_pool

    from axdesk.store.pg_connection import PgConnection, TeamJournalOffline
    from axdesk.store.pg_schema import migrate_pg

    target = pg_target(url)
    kwargs: dict[str, Any] = {
        **target.keywords,
        "autocommit": True,
        "connect_timeout": CONNECT_TIMEOUT_SECONDS,
        "options": f"-c statement_timeout={STATEMENT_TIMEOUT_MS}",
        "application_name": "axdesk",
    }
    if password:
        kwargs["password"] = password
    pool = psycopg_pool.ConnectionPool(
        kwargs=kwargs,
        min_size=1,
        max_size=2,
        open=False,
        timeout=CONNECT_TIMEOUT_SECONDS,
        check=psycopg_pool.ConnectionPool.check_connection,
        name=f"axdesk-journal {target.where}",
    )
    try:
        pool.open(wait=True, timeout=CONNECT_TIMEOUT_SECONDS)
    except psycopg_pool.PoolTimeout as exc:
        pool.close()
        raise TeamJournalOffline(
            f"The team journal at {target.where} cannot be reached (no connection within "
            f"{CONNECT_TIMEOUT_SECONDS} s)."
        ) from exc
    conn = PgConnection(pool, where=target.where, connect=lambda: psycopg.connect(**kwargs))
    try:
        migrate_pg(conn, where=f"The team journal at {target.where}")
    except BaseException:
        conn.close()
        raise
    return conn


def sqlite_path(url: str) -> str:
    """The file of a ``sqlite:///`` URL (``:memory:`` for an in-memory journal)."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme != "sqlite" or parts.netloc not in ("", "localhost"):
        raise JournalUrlError(f"{url!r} is not a sqlite:/// address.")
    path = urllib.parse.unquote(parts.path)
    if path == "/:memory:":
        return ":memory:"
    if not path or path == "/":
        raise JournalUrlError("The journal's sqlite:/// address names no file.")
    return path


def open_journal(url: str, *, password: str | None = None, clock: Clock = utc_now) -> OrderJournal:
    """The order journal at ``url`` (``sqlite:///…`` or ``postgresql://…``), ready to use.

    Raises :class:`~axdesk.store.db.DatabaseError` (a sentence) when it cannot
    be opened, :class:`JournalUrlError` for an address axdesk cannot use.
    ``journal.close()`` gives the connection back.
    """
    scheme = urllib.parse.urlsplit(url).scheme
    if scheme == "sqlite":
        return OrderJournal(open_database(sqlite_path(url)), clock=clock)
    if scheme in ("postgresql", "postgres"):
        conn = open_pg_connection(url, password=password)
        # PgConnection answers the sqlite3.Connection subset the journal uses.
        return OrderJournal(cast("Any", conn), clock=clock)
    raise JournalUrlError(
        f"axdesk opens journals at sqlite:/// or postgresql:// addresses, not {url!r}."
    )
