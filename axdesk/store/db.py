"""The local SQLite database: opening, migrations, transactions, value conversions.

The catalog, the order journal and the drafts live in one file
(``AppPaths.database_path``). :func:`open_database` turns on WAL (readers do
not block the writer), foreign keys, a busy timeout and ``synchronous=FULL``
(a journal row written before an order is sent must survive a power cut),
then brings the schema up to date with :data:`MIGRATIONS`, each applied in
its own transaction and recorded in ``PRAGMA user_version``. A database
written by a newer axdesk is refused with :class:`DatabaseTooNewError`
rather than misread.

Threads: the connection is opened with ``check_same_thread=False`` because
the UI reads the journal on the GUI thread (the orders table) while the
reconciler writes it on the worker thread, through the same store objects.
That is safe because the Python ``sqlite3`` module is built in SQLite's
serialized mode (checked at open) and every store operation holds the
connection's re-entrant :attr:`Database.lock` (see :func:`transaction` and
:func:`locked`), so one thread's transaction never interleaves with another
thread's statements. The lock is held only for local statements, never
across a network call.

Values: money is ``Decimal`` stored as TEXT (:func:`money_to_db`), datetimes
are aware and stored as fixed-width UTC ISO text (:func:`time_to_db`), so
text order equals time order.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from axdesk.store.files import PRIVATE_DIR_MODE, PRIVATE_FILE_MODE, make_private
from axdesk.store.search import add_short_fragment_index

_log = logging.getLogger(__name__)


class DatabaseError(Exception):
    """The database could not be opened or used; ``str(err)`` is a sentence for the user."""


class DatabaseTooNewError(DatabaseError):
    """The database was written by a newer version of axdesk."""


class Database(sqlite3.Connection):
    """A ``sqlite3.Connection`` that carries the lock serialising its use across threads."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lock = threading.RLock()


# ---------------------------------------------------------------------------
# Transactions


@contextlib.contextmanager
def locked(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Hold the connection's lock (if it has one) for a group of reads."""
    lock = getattr(conn, "lock", None)
    with lock if lock is not None else contextlib.nullcontext():
        yield conn


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Run the block in one write transaction (``BEGIN IMMEDIATE``); joins an enclosing one.

    Commits when the block ends normally, rolls back when it raises.
    """
    with locked(conn):
        if conn.in_transaction:
            yield conn
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.rollback()
            raise
        conn.commit()


# ---------------------------------------------------------------------------
# Value conversions


def time_to_db(moment: dt.datetime) -> str:
    """An aware datetime as fixed-width UTC ISO text; naive datetimes are refused."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"A time without a time zone cannot be stored ({moment.isoformat()}).")
    return moment.astimezone(dt.UTC).isoformat(timespec="microseconds")


def time_from_db(text: str) -> dt.datetime:
    moment = dt.datetime.fromisoformat(text)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def optional_time_from_db(text: str | None) -> dt.datetime | None:
    return None if text is None else time_from_db(text)


def money_to_db(amount: Decimal) -> str:
    """A Decimal as plain text without exponent (``Decimal("1E+3")`` -> ``"1000"``)."""
    if not isinstance(amount, Decimal) or not amount.is_finite():
        raise ValueError(f"{amount!r} is not a finite Decimal amount.")
    return format(amount, "f")


def money_from_db(text: str) -> Decimal:
    try:
        return Decimal(text)
    except InvalidOperation as exc:
        raise DatabaseError(f"The stored amount {text!r} is not a number.") from exc


def optional_money_from_db(text: str | None) -> Decimal | None:
    return None if text is None else money_from_db(text)


# ---------------------------------------------------------------------------
# Schema


def fts5_trigram_available(conn: sqlite3.Connection) -> bool:
    """True when this SQLite has FTS5 and its trigram tokenizer (SQLite >= 3.34)."""
    try:
        conn.execute("CREATE VIRTUAL TABLE temp.axdesk_fts_probe USING fts5(x, tokenize='trigram')")
    except sqlite3.OperationalError:
        return False
    conn.execute("DROP TABLE temp.axdesk_fts_probe")
    return True


_V1_TABLES = (
    """
    CREATE TABLE product (
        product_code TEXT PRIMARY KEY,
        name TEXT NOT NULL
    )""",
    """
    CREATE TABLE product_option (
        dc_code TEXT PRIMARY KEY,
        product_code TEXT NOT NULL
            REFERENCES product(product_code) ON DELETE CASCADE ON UPDATE CASCADE,
        name TEXT NOT NULL,
        channel_product_mapping_code TEXT NOT NULL,
        unit_price TEXT NOT NULL,
        currency TEXT NOT NULL CHECK (currency IN ('KRW', 'USD')),
        sort_order INTEGER NOT NULL DEFAULT 0
    )""",
    "CREATE INDEX product_option_by_product ON product_option(product_code, sort_order)",
    """
    CREATE TABLE channel_order (
        id INTEGER PRIMARY KEY,
        channel_order_code TEXT NOT NULL UNIQUE,
        state TEXT NOT NULL
            CHECK (state IN ('sending', 'sent', 'unknown', 'rejected', 'remote')),
        wire_json TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        sent_at TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_attempt_at TEXT,
        problem TEXT,
        rejected_errors TEXT,
        channel_order_status INTEGER,
        purchaser_name TEXT NOT NULL DEFAULT '',
        purchaser_national_code TEXT NOT NULL DEFAULT '',
        purchaser_phone TEXT NOT NULL DEFAULT '',
        purchaser_email TEXT NOT NULL DEFAULT '',
        sub_total TEXT,
        discount TEXT,
        total TEXT,
        currency TEXT,
        comment TEXT,
        first_use_at TEXT,
        ticket_count INTEGER NOT NULL DEFAULT 0,
        summary TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX channel_order_by_state ON channel_order(state)",
    "CREATE INDEX channel_order_by_created ON channel_order(created_at)",
    "CREATE INDEX channel_order_by_first_use ON channel_order(first_use_at)",
    """
    CREATE TABLE order_line (
        id INTEGER PRIMARY KEY,
        order_id INTEGER NOT NULL REFERENCES channel_order(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        dc_code TEXT NOT NULL,
        channel_product_mapping_code TEXT NOT NULL,
        product_code TEXT NOT NULL DEFAULT '',
        product_name TEXT NOT NULL DEFAULT '',
        option_name TEXT NOT NULL DEFAULT '',
        inventory_at TEXT NOT NULL,
        quantity INTEGER NOT NULL,
        unit_price TEXT NOT NULL,
        discount TEXT,
        amount_price TEXT NOT NULL,
        line_total TEXT NOT NULL,
        UNIQUE (order_id, position)
    )""",
    "CREATE INDEX order_line_by_inventory_at ON order_line(inventory_at, order_id)",
    """
    CREATE TABLE ax_order (
        ax_order_code TEXT PRIMARY KEY,
        order_id INTEGER NOT NULL REFERENCES channel_order(id) ON DELETE CASCADE,
        line_id INTEGER UNIQUE REFERENCES order_line(id) ON DELETE SET NULL,
        status INTEGER,
        comment TEXT,
        checked_at TEXT,
        status_changed_at TEXT
    )""",
    "CREATE INDEX ax_order_by_order ON ax_order(order_id)",
    "CREATE INDEX ax_order_by_status ON ax_order(status, checked_at)",
    """
    CREATE TABLE ax_status_history (
        id INTEGER PRIMARY KEY,
        ax_order_code TEXT NOT NULL
            REFERENCES ax_order(ax_order_code) ON DELETE CASCADE,
        at TEXT NOT NULL,
        from_status INTEGER,
        to_status INTEGER NOT NULL,
        comment TEXT
    )""",
    "CREATE INDEX ax_status_history_by_order ON ax_status_history(ax_order_code, id)",
    """
    CREATE TABLE ticket (
        id INTEGER PRIMARY KEY,
        order_id INTEGER NOT NULL REFERENCES channel_order(id) ON DELETE CASCADE,
        line_id INTEGER NOT NULL REFERENCES order_line(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        channel_code TEXT NOT NULL,
        name TEXT NOT NULL DEFAULT '',
        national_code TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL DEFAULT '',
        ax_ticket_code TEXT UNIQUE,
        status TEXT,
        status_updated_at TEXT,
        UNIQUE (line_id, position)
    )""",
    "CREATE INDEX ticket_by_order ON ticket(order_id)",
    """
    CREATE TABLE draft (
        key TEXT PRIMARY KEY,
        json_text TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
)


def _create_v1(conn: sqlite3.Connection) -> None:
    for statement in _V1_TABLES:
        conn.execute(statement)
    # One search document per channel order, rowid = channel_order.id.
    if fts5_trigram_available(conn):
        conn.execute("CREATE VIRTUAL TABLE order_search USING fts5(text, tokenize='trigram')")
    else:
        conn.execute("CREATE TABLE order_search (rowid INTEGER PRIMARY KEY, text TEXT NOT NULL)")


@dataclass(frozen=True)
class Migration:
    """One schema step: brings the database to ``version``."""

    version: int
    description: str
    apply: Callable[[sqlite3.Connection], None]


def _add_order_endpoint(conn: sqlite3.Connection) -> None:
    """v2: the AX server each channel order was sent to (or looked up on).

    One journal holds the orders of every connection profile (production,
    test, custom), and an order must only ever be re-sent to, or asked about
    on, the server it went to. Rows from v1 get NULL: where they went is not
    known, and the journal's endpoint rule (``axdesk.store.endpoints``) keeps
    them from being sent or polled on their own.
    """
    conn.execute("ALTER TABLE channel_order ADD COLUMN endpoint TEXT")
    conn.execute("CREATE INDEX channel_order_by_endpoint ON channel_order(endpoint, state)")


def _add_settling_facts(conn: sqlite3.Connection) -> None:
    """v3: what settling an order needs to know, and draft revisions.

    ``channel_order.uncertain_post_at``: when the latest POST of the order
    whose outcome is not known was started (NULL: none). Until that time plus
    the settle window (``axdesk.store.reconcile``) AX may still make the order
    from that POST, so a later refusal cannot be called final. Pending rows
    from v2 get their last attempt's time: nothing better is known of them.

    ``channel_order.problem_kind``: what kind of thing ``problem`` says (a
    :class:`~axdesk.store.journal_queries.ProblemKind` value), so the UI can
    word it in the operator's language. Sent orders from v2 with a traveler
    whose ticket code is missing get ``tickets_unknown``.

    ``draft.revision``: the writer's number for the draft; a write with a
    lower number than the stored one is refused, so a draft written before a
    send can never land over the one naming the order that went out. A
    cleared draft keeps its row (with empty text) so its revision is kept.

    Plain SQL, as PostgreSQL accepts it too.
    """
    conn.execute("ALTER TABLE channel_order ADD COLUMN uncertain_post_at TEXT")
    conn.execute("ALTER TABLE channel_order ADD COLUMN problem_kind TEXT")
    conn.execute(
        "UPDATE channel_order SET uncertain_post_at = last_attempt_at"
        " WHERE state IN ('sending', 'unknown') AND attempts > 0"
    )
    conn.execute(
        "UPDATE channel_order SET problem_kind = 'tickets_unknown' WHERE state = 'sent'"
        " AND EXISTS (SELECT 1 FROM ticket t WHERE t.order_id = channel_order.id"
        " AND t.ax_ticket_code IS NULL)"
    )
    conn.execute("ALTER TABLE draft ADD COLUMN revision INTEGER NOT NULL DEFAULT 0")


def _add_ticket_cancels(conn: sqlite3.Connection) -> None:
    """v4: each ticket's cancel, journaled before it is sent (``axdesk.store.journal_cancels``).

    One row per ticket the operator asked to cancel, written in its own
    transaction before the PATCH, so a cancel AX may have applied is never
    forgotten: ``cancelling`` (being sent, or axdesk stopped while it was),
    ``unknown`` (sent, answer lost), ``done`` (AX cancelled it) or
    ``refused`` (AX said no; ``problem`` holds its sentence). Tickets
    journaled before v4 have no row: nothing was sent for them that is not
    already in their status.
    """
    conn.execute(
        """
        CREATE TABLE ticket_cancel (
            ticket_id INTEGER PRIMARY KEY REFERENCES ticket(id) ON DELETE CASCADE,
            order_id INTEGER NOT NULL REFERENCES channel_order(id) ON DELETE CASCADE,
            ax_order_code TEXT NOT NULL,
            ax_ticket_code TEXT NOT NULL UNIQUE,
            state TEXT NOT NULL
                CHECK (state IN ('cancelling', 'unknown', 'done', 'refused')),
            comment TEXT,
            requested_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            last_attempt_at TEXT,
            settled_at TEXT,
            problem TEXT
        )"""
    )
    conn.execute("CREATE INDEX ticket_cancel_by_state ON ticket_cancel(state, requested_at)")
    conn.execute("CREATE INDEX ticket_cancel_by_order ON ticket_cancel(order_id)")
    conn.execute("CREATE INDEX ticket_cancel_by_ax_order ON ticket_cancel(ax_order_code, state)")


def _add_internal_note(conn: sqlite3.Connection) -> None:
    """v5: the desk's internal note on each channel order, and when it was last saved.

    The note is the agency's own (never sent to AX): orders from before get an
    empty one. ``internal_note_at`` is NULL until a note is first saved.
    """
    conn.execute("ALTER TABLE channel_order ADD COLUMN internal_note TEXT NOT NULL DEFAULT ''")
    conn.execute("ALTER TABLE channel_order ADD COLUMN internal_note_at TEXT")


def _add_journal_activity(conn: sqlite3.Connection) -> None:
    """v6: who did what, one line per action on an order (``axdesk.store.journal_activity``).

    Operator name, desk id and time of each action (recorded, sent, unknown,
    refused, cancel asked and answered, note saved, looked up). Orders from
    before have no lines: who handled them was not recorded.
    """
    conn.execute(
        """
        CREATE TABLE journal_activity (
            id INTEGER PRIMARY KEY,
            order_id INTEGER NOT NULL REFERENCES channel_order(id) ON DELETE CASCADE,
            at TEXT NOT NULL,
            kind TEXT NOT NULL,
            operator TEXT NOT NULL DEFAULT '',
            desk TEXT NOT NULL DEFAULT '',
            detail TEXT NOT NULL DEFAULT ''
        )"""
    )
    conn.execute("CREATE INDEX journal_activity_by_order ON journal_activity(order_id, at, id)")


def _add_team_catalog_mirror(conn: sqlite3.Connection) -> None:
    """v8: which team catalog this computer's copy mirrors, and whether it holds an edit not
    yet published (``axdesk.store.team_catalog``): kept here so that an edit made while the
    team server was away survives a restart and is published, never overwritten."""
    conn.execute(
        """
        CREATE TABLE team_catalog_mirror (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            endpoint TEXT NOT NULL,
            revision INTEGER,
            base TEXT NOT NULL DEFAULT '',
            unpublished INTEGER NOT NULL DEFAULT 0
        )"""
    )


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "catalog, order journal, AX statuses, tickets, drafts, search", _create_v1),
    Migration(2, "the AX server (endpoint) each order was sent to", _add_order_endpoint),
    Migration(
        3,
        "when an order's uncertain POST was sent, problem kinds, draft revisions",
        _add_settling_facts,
    ),
    Migration(4, "each ticket's cancel, journaled before it is sent", _add_ticket_cancels),
    Migration(5, "the desk's internal note on each order", _add_internal_note),
    Migration(6, "an index of search fragments under three characters", add_short_fragment_index),
    Migration(7, "who did what: operator, desk and time of each action", _add_journal_activity),
    Migration(
        8, "the team catalog this copy mirrors, and its unpublished edit", _add_team_catalog_mirror
    ),
)
SCHEMA_VERSION = MIGRATIONS[-1].version


def schema_version(conn: sqlite3.Connection) -> int:
    row = conn.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def migrate(
    conn: sqlite3.Connection,
    migrations: tuple[Migration, ...] = MIGRATIONS,
    *,
    where: str = "The database",
) -> int:
    """Apply every migration newer than the database, each in its own transaction.

    Returns the resulting version. Raises :class:`DatabaseTooNewError` when the
    database is newer than the newest migration known here.
    """
    newest = migrations[-1].version if migrations else 0
    for migration in migrations:
        with transaction(conn):
            current = schema_version(conn)  # read inside the lock: another process may migrate
            if current > newest:
                raise DatabaseTooNewError(
                    f"{where} was written by a newer version of axdesk (schema {current}; this "
                    f"version understands up to {newest}). Update axdesk to open it."
                )
            if current >= migration.version:
                continue
            migration.apply(conn)
            conn.execute(f"PRAGMA user_version = {int(migration.version)}")
    current = schema_version(conn)
    if current > newest:
        raise DatabaseTooNewError(
            f"{where} was written by a newer version of axdesk (schema {current}; this "
            f"version understands up to {newest}). Update axdesk to open it."
        )
    return current


def _make_journal_private(path: Path, where: str) -> None:
    """The journal, its -wal and -shm: 0600, created so when missing (travelers' data).

    SQLite makes its -wal and -shm with the mode of the database file, so a
    database file created 0600 keeps them private too; files an older axdesk
    left open are closed here.
    """
    with contextlib.suppress(OSError):  # exists already, or SQLite will say why not
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE))
    for companion in (path, *(path.with_name(path.name + end) for end in ("-wal", "-shm"))):
        try:
            if companion.exists():
                make_private(companion)
        except OSError as exc:  # a file system without POSIX modes: open it all the same
            _log.warning("%s: %s could not be made private (%s)", where, companion, exc)


def open_database(
    path: Path | str,
    *,
    timeout: float = 5.0,
    migrations: tuple[Migration, ...] = MIGRATIONS,
) -> Database:
    """Open (creating if needed) and migrate the database at ``path`` (``":memory:"`` works).

    Raises :class:`DatabaseError` with a sentence when the file is not a usable
    database, and :class:`DatabaseTooNewError` when a newer axdesk wrote it.
    """
    if sqlite3.threadsafety != 3:
        raise DatabaseError(
            "This Python's SQLite library is not built for use from several threads; "
            "axdesk needs the serialized threading mode."
        )
    where = "The in-memory database" if str(path) == ":memory:" else f"The database {path}"
    if str(path) != ":memory:":
        try:
            Path(path).parent.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR_MODE)
        except OSError as exc:
            raise DatabaseError(
                f"The folder {Path(path).parent} could not be created ({exc.strerror or exc})."
            ) from exc
        _make_journal_private(Path(path), where)
    try:
        conn = sqlite3.connect(
            str(path),
            timeout=timeout,
            isolation_level=None,
            check_same_thread=False,  # see the module docstring: shared under Database.lock
            factory=Database,
        )
    except sqlite3.Error as exc:
        raise DatabaseError(f"{where} could not be opened ({exc}).") from exc
    assert isinstance(conn, Database)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        # The switch to WAL and the migrations commit without waiting for the disk (a new
        # journal's would wait tens of milliseconds before the first window): in WAL mode
        # an interrupted migration leaves the file consistent, at the version before it,
        # and runs again next time.
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA journal_mode = WAL")
        if str(path) != ":memory:":
            _make_journal_private(Path(path), where)  # the -wal and -shm now exist
        migrate(conn, migrations, where=where)
        conn.execute("PRAGMA synchronous = FULL")  # every journal write is on disk when done
    except DatabaseError:
        conn.close()
        raise
    except sqlite3.Error as exc:
        conn.close()
        raise DatabaseError(
            f"{where} could not be opened: {exc}. If the file is damaged, move it away "
            "and axdesk will start with an empty one."
        ) from exc
    return conn
