"""open_database: WAL, foreign keys, migrations in transactions, newer databases refused."""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from pathlib import Path

import pytest

from axdesk.store.db import (
    MIGRATIONS,
    SCHEMA_VERSION,
    DatabaseError,
    DatabaseTooNewError,
    Migration,
    fts5_trigram_available,
    open_database,
    schema_version,
    time_to_db,
    transaction,
)
from axdesk.store.paths import AppPaths


def test_fresh_database_is_migrated_with_wal_and_foreign_keys() -> None:
    path = AppPaths.default().database_path
    conn = open_database(path)
    try:
        assert path.exists()
        assert schema_version(conn) == SCHEMA_VERSION
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL once migrated
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] > 0
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert {"product", "product_option", "channel_order", "ticket", "draft"} <= tables
    finally:
        conn.close()


def test_this_sqlite_has_fts5_trigram_so_search_uses_it() -> None:
    conn = open_database(":memory:")
    try:
        assert fts5_trigram_available(conn)
        sql = conn.execute("SELECT sql FROM sqlite_master WHERE name='order_search'").fetchone()[0]
        assert "fts5" in sql.lower()
    finally:
        conn.close()


def test_reopening_keeps_data_and_version(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    conn = open_database(path)
    conn.execute("INSERT INTO product VALUES ('p1', 'Tour')")
    conn.close()
    conn = open_database(path)
    try:
        assert conn.execute("SELECT name FROM product").fetchone()[0] == "Tour"
    finally:
        conn.close()


def test_a_database_from_a_newer_axdesk_is_refused_with_a_sentence(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(DatabaseTooNewError, match="newer version of axdesk"):
        open_database(path)


def test_a_file_that_is_not_a_database_is_a_sentence(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(DatabaseError, match="could not be opened"):
        open_database(path)


def test_a_failing_migration_leaves_the_previous_version_intact(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"

    def create(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE a (x)")

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE b (x)")
        conn.execute("INSERT INTO missing VALUES (1)")

    open_database(path, migrations=(Migration(1, "a", create),)).close()
    with pytest.raises(DatabaseError, match="no such table"):
        open_database(path, migrations=(Migration(1, "a", create), Migration(2, "b", broken)))
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        assert "b" not in names
    finally:
        conn.close()


def test_transaction_rolls_back_on_error_and_nests() -> None:
    conn = open_database(":memory:")
    try:

        def insert_two_then_fail() -> None:
            with transaction(conn):
                conn.execute("INSERT INTO product VALUES ('p1', 'Tour')")
                with transaction(conn):
                    conn.execute("INSERT INTO product VALUES ('p2', 'Tour 2')")
                raise RuntimeError("boom")

        with pytest.raises(RuntimeError):
            insert_two_then_fail()
        assert conn.execute("SELECT COUNT(*) FROM product").fetchone()[0] == 0
    finally:
        conn.close()


def test_connection_is_usable_from_a_worker_thread() -> None:
    conn = open_database(":memory:")
    errors: list[BaseException] = []

    def write() -> None:
        try:
            with transaction(conn):
                conn.execute("INSERT INTO product VALUES ('p1', 'Tour')")
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    thread = threading.Thread(target=write)
    thread.start()
    thread.join()
    try:
        assert errors == []
        assert conn.execute("SELECT COUNT(*) FROM product").fetchone()[0] == 1
    finally:
        conn.close()


def test_naive_times_are_refused() -> None:
    with pytest.raises(ValueError, match="time zone"):
        time_to_db(dt.datetime(2024, 1, 1, 9, 0))
    aware = dt.datetime(2024, 1, 1, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=9)))
    assert time_to_db(aware) == "2024-01-01T00:00:00.000000+00:00"


def test_migration_2_keeps_v1_orders_with_no_endpoint(tmp_path: Path) -> None:
    """Orders journaled before the endpoint was kept stay, with NULL: where they went is unknown."""
    path = tmp_path / "db.sqlite3"
    old = open_database(path, migrations=MIGRATIONS[:1])
    at = time_to_db(dt.datetime(2024, 5, 1, tzinfo=dt.UTC))
    old.execute(
        "INSERT INTO channel_order (channel_order_code, state, wire_json, created_at, updated_at)"
        " VALUES ('legacy', 'unknown', '{}', ?, ?)",
        (at, at),
    )
    assert schema_version(old) == 1
    old.close()

    conn = open_database(path)
    try:
        assert schema_version(conn) == SCHEMA_VERSION
        row = conn.execute(
            "SELECT state, wire_json, endpoint FROM channel_order WHERE channel_order_code = ?",
            ("legacy",),
        ).fetchone()
        assert tuple(row) == ("unknown", "{}", None)
        indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
        assert "channel_order_by_endpoint" in indexes
    finally:
        conn.close()


def test_migration_3_gives_pending_orders_their_last_attempt_as_the_uncertain_post(
    tmp_path: Path,
) -> None:
    """Pending v2 orders that were posted may still land from their last POST; sent ones
    with a missing ticket code are marked as such; drafts keep their text at revision 0."""
    path = tmp_path / "db.sqlite3"
    old = open_database(path, migrations=MIGRATIONS[:2])
    at = time_to_db(dt.datetime(2024, 5, 1, tzinfo=dt.UTC))
    posted = time_to_db(dt.datetime(2024, 5, 1, 0, 0, 5, tzinfo=dt.UTC))
    rows = [
        ("posted", "unknown", 1, posted),
        ("never-posted", "sending", 0, None),
        ("made", "sent", 1, posted),
        ("made-whole", "sent", 1, posted),
    ]
    for code, state, attempts, last in rows:
        old.execute(
            "INSERT INTO channel_order (channel_order_code, state, wire_json, created_at,"
            " updated_at, attempts, last_attempt_at, endpoint)"
            " VALUES (?, ?, '{}', ?, ?, ?, ?, 'https://test.ax-cloud.com')",
            (code, state, at, at, attempts, last),
        )
    for code, ticket_code in (("made", None), ("made-whole", "t-1")):
        order_id = old.execute(
            "SELECT id FROM channel_order WHERE channel_order_code = ?", (code,)
        ).fetchone()[0]
        line = old.execute(
            "INSERT INTO order_line (order_id, position, dc_code, channel_product_mapping_code,"
            " inventory_at, quantity, unit_price, amount_price, line_total)"
            " VALUES (?, 0, 'dc', 'map', ?, 1, '1', '1', '1')",
            (order_id, at),
        ).lastrowid
        old.execute(
            "INSERT INTO ticket (order_id, line_id, position, channel_code, ax_ticket_code)"
            " VALUES (?, ?, 0, ?, ?)",
            (order_id, line, f"c-{code}", ticket_code),
        )
    old.execute(
        "INSERT INTO draft (key, json_text, updated_at) VALUES ('new-order', '{}', ?)", (at,)
    )
    assert schema_version(old) == 2
    old.close()

    conn = open_database(path)
    try:
        assert schema_version(conn) >= 3
        found = {
            row[0]: (row[1], row[2])
            for row in conn.execute(
                "SELECT channel_order_code, uncertain_post_at, problem_kind FROM channel_order"
            )
        }
        assert found == {
            "posted": (posted, None),
            "never-posted": (None, None),
            "made": (None, "tickets_unknown"),
            "made-whole": (None, None),
        }
        assert tuple(conn.execute("SELECT json_text, revision FROM draft").fetchone()) == ("{}", 0)
    finally:
        conn.close()
