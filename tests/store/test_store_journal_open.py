"""One entry point to either journal engine (issue 15 §1): open_journal and the PG schema."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from pg_server import PostgresServer
from store_helpers import ENDPOINT, make_request

from axdesk.store import open_journal
from axdesk.store.db import SCHEMA_VERSION, DatabaseTooNewError, schema_version
from axdesk.store.journal_open import JournalUrlError, open_pg_connection, pg_target
from axdesk.store.pg_connection import TeamJournalOffline
from axdesk.store.pg_schema import (
    PG_MIGRATIONS,
    PG_SCHEMA_VERSION,
    PgMigration,
    migrate_pg,
    pg_schema_version,
)


def test_a_sqlite_url_opens_this_computers_journal_as_before(tmp_path: Path) -> None:
    journal = open_journal(f"sqlite:///{tmp_path / 'journal.sqlite3'}")
    try:
        assert journal.backend == "sqlite"
        journal.record_sending(make_request(code="o1"), endpoint=ENDPOINT)
        assert schema_version(journal._conn) == SCHEMA_VERSION
    finally:
        journal.close()
    reopened = open_journal(f"sqlite:///{tmp_path / 'journal.sqlite3'}")
    try:
        assert reopened.get_order("o1") is not None
    finally:
        reopened.close()


def test_a_postgresql_url_opens_the_team_journal(empty_pg_url: str) -> None:
    journal = open_journal(empty_pg_url)
    try:
        assert journal.backend == "postgresql"
        journal.record_sending(make_request(code="o1"), endpoint=ENDPOINT)
        assert pg_schema_version(journal._conn) == PG_SCHEMA_VERSION  # type: ignore[arg-type]
    finally:
        journal.close()
    other = open_journal(empty_pg_url)  # another desk sees it
    try:
        detail = other.get_order("o1")
        assert detail is not None
        assert detail.state.value == "sending"
    finally:
        other.close()


def test_desks_starting_together_migrate_once(empty_pg_url: str) -> None:
    errors: list[BaseException] = []
    opened = []

    def start() -> None:
        try:
            opened.append(open_pg_connection(empty_pg_url))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=start) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    try:
        assert errors == []
        assert len(opened) == 4
        assert all(pg_schema_version(conn) == PG_SCHEMA_VERSION for conn in opened)
        rows = opened[0].execute("SELECT COUNT(*) FROM axdesk_schema").fetchone()
        assert rows == (1,)
    finally:
        for conn in opened:
            conn.close()


def test_a_team_journal_from_a_newer_axdesk_is_refused(pg_url: str) -> None:
    conn = open_pg_connection(pg_url)
    try:
        conn.execute("UPDATE axdesk_schema SET version = ?", (PG_SCHEMA_VERSION + 1,))
    finally:
        conn.close()
    with pytest.raises(DatabaseTooNewError, match="newer version of axdesk"):
        open_pg_connection(pg_url)


def test_a_later_migration_is_applied_in_order_and_recorded(pg_url: str) -> None:
    step = PgMigration(
        PG_SCHEMA_VERSION + 1,
        "a test column",
        lambda conn: conn.execute("ALTER TABLE channel_order ADD COLUMN test_extra TEXT"),  # type: ignore[func-returns-value]
    )
    conn = open_pg_connection(pg_url)
    try:
        assert migrate_pg(conn, (*PG_MIGRATIONS, step), where="x") == PG_SCHEMA_VERSION + 1
        assert migrate_pg(conn, (*PG_MIGRATIONS, step), where="x") == PG_SCHEMA_VERSION + 1
        conn.execute("SELECT test_extra FROM channel_order")
    finally:
        conn.close()


def test_an_unreachable_server_is_a_sentence_not_a_traceback(
    postgres_server: PostgresServer,
) -> None:
    with pytest.raises(TeamJournalOffline, match="cannot be reached"):
        open_pg_connection(f"postgresql://axdesk@127.0.0.1:{_closed_port()}/nothing")


def _closed_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://clerk@db.agency.example/axdesk",
        "postgresql://clerk@db.agency.example/axdesk?sslmode=verify-full",
    ],
)
def test_a_remote_server_is_reached_with_its_certificate_checked(url: str) -> None:
    target = pg_target(url)
    assert target.keywords["sslmode"] == "verify-full"
    assert target.keywords["host"] == "db.agency.example"
    assert target.where == "db.agency.example:5432/axdesk"


@pytest.mark.parametrize("mode", ["disable", "prefer", "require", "verify-ca"])
def test_weaker_tls_to_a_remote_server_is_refused(mode: str) -> None:
    with pytest.raises(JournalUrlError, match="verify-full"):
        pg_target(f"postgresql://clerk@10.0.0.5/axdesk?sslmode={mode}")


def test_loopback_needs_no_tls() -> None:
    assert "sslmode" not in pg_target("postgresql://clerk@127.0.0.1:6543/axdesk").keywords


@pytest.mark.parametrize(
    ("url", "sentence"),
    [
        ("postgresql://clerk:secret@127.0.0.1/axdesk", "must not hold the password"),
        ("postgresql://clerk@127.0.0.1/", "names no database"),
        ("mysql://clerk@127.0.0.1/axdesk", "sqlite:/// or postgresql://"),
        ("sqlite://", "names no file"),
    ],
)
def test_unusable_addresses_are_refused_with_a_sentence(url: str, sentence: str) -> None:
    with pytest.raises(JournalUrlError, match=sentence):
        open_journal(url)
