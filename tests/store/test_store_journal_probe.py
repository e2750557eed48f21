"""File > Journal… > Test (issue 15 §1): one connection to a real PostgreSQL started by the
tests, one sentence on whether this desk can use it; the password only as libpq's keyword."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from pg_server import PostgresServer, empty_pg_url, pg_url, postgres_server

from axdesk.store.journal_open import open_pg_connection
from axdesk.store.journal_probe import ProbeResult, probe_team_journal
from axdesk.store.pg_schema import PG_SCHEMA_VERSION

__all__ = ["empty_pg_url", "pg_url", "postgres_server"]

PASSWORD = "s3cret-Pw!"


@pytest.fixture
def password_user(postgres_server: PostgresServer, pg_url: str) -> Iterator[str]:
    """A role that must give its password (scram), only for this test; the server's
    other users stay on trust."""
    role = f"clerk_{os.getpid()}"
    hba = Path(postgres_server.data_dir) / "pg_hba.conf"
    before = hba.read_text()
    hba.write_text(f"host all {role} 127.0.0.1/32 scram-sha-256\n" + before)
    postgres_server.admin(f"CREATE ROLE {role} LOGIN PASSWORD '{PASSWORD}'")
    postgres_server.admin("SELECT pg_reload_conf()")
    database = pg_url.rsplit("/", 1)[1]
    try:
        yield pg_url.replace("postgresql://axdesk@", f"postgresql://{role}@")
    finally:
        hba.write_text(before)
        postgres_server.admin("SELECT pg_reload_conf()")
        postgres_server.admin(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")
        postgres_server.admin(f"DROP ROLE IF EXISTS {role}")


def test_a_working_journal_says_so_with_its_schema(pg_url: str) -> None:
    report = probe_team_journal(pg_url)
    assert report.result is ProbeResult.WORKS
    assert report.schema_version == PG_SCHEMA_VERSION
    assert "works" in report.sentence
    assert f"schema {PG_SCHEMA_VERSION}" in report.sentence


def test_the_password_reaches_the_server_only_as_a_keyword(password_user: str) -> None:
    assert PASSWORD not in password_user
    refused = probe_team_journal(password_user, "wrong")
    assert refused.result is ProbeResult.FAILED
    assert "refused the user name or the password" in refused.sentence
    assert "wrong" not in refused.sentence
    no_rights = probe_team_journal(password_user, PASSWORD)  # logged in; no grants yet
    assert "may not read the journal" in no_rights.sentence
    role = password_user.split("//", 1)[1].split("@", 1)[0]
    owner_url = password_user.replace(f"//{role}@", "//axdesk@")
    with psycopg.connect(owner_url, autocommit=True) as conn:
        conn.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}")  # type: ignore[arg-type]
    assert probe_team_journal(password_user, PASSWORD).works
    journal = open_pg_connection(password_user, password=lambda: PASSWORD, lazy=True)
    try:  # the journal's own connection asks for the password when it connects
        assert journal.execute("SELECT 1").fetchone() == (1,)
    finally:
        journal.close()


def test_an_empty_database_needs_its_owner_first(empty_pg_url: str) -> None:
    report = probe_team_journal(empty_pg_url)
    assert report.result is ProbeResult.NEEDS_OWNER
    assert "no axdesk journal yet" in report.sentence


@pytest.mark.parametrize(
    ("version", "result", "words"),
    [(1, ProbeResult.NEEDS_OWNER, "bring it up to date"), (99, ProbeResult.TOO_NEW, "newer")],
)
def test_an_older_or_newer_schema_is_named(
    pg_url: str, version: int, result: ProbeResult, words: str
) -> None:
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("UPDATE axdesk_schema SET version = %s", (version,))
    report = probe_team_journal(pg_url)
    assert (report.result, report.schema_version) == (result, version)
    assert words in report.sentence
    assert f"schema {version}" in report.sentence


def test_an_unknown_user_or_database_is_named(postgres_server: PostgresServer) -> None:
    server = f"{postgres_server.host}:{postgres_server.port}"
    no_user = probe_team_journal(f"postgresql://nobody@{server}/postgres")
    assert "refused the user name or the password" in no_user.sentence
    no_database = probe_team_journal(f"postgresql://axdesk@{server}/nothing_here")
    assert "has no database of that name" in no_database.sentence


def test_a_closed_port_is_unreachable(postgres_server: PostgresServer) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    report = probe_team_journal(f"postgresql://axdesk@127.0.0.1:{port}/axdesk")
    assert report.result is ProbeResult.FAILED
    assert "cannot be reached" in report.sentence


def test_an_unsafe_address_is_refused_before_connecting() -> None:
    report = probe_team_journal("postgresql://clerk@db.agency.example/axdesk?sslmode=require")
    assert report.result is ProbeResult.FAILED
    assert "verify-full" in report.sentence
