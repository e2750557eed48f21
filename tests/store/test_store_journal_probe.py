"""File > Journal… > Test (issue 15 §1): one connection to a real PostgreSQL started by the
tests, one sentence on whether this desk can use it; the password only as libpq's keyword."""

from __future__ import annotations

import socket

import psycopg
import pytest
from pg_server import (
    PG_PASSWORD,
    PostgresServer,
    empty_pg_url,
    password_pg_url,
    pg_url,
    postgres_server,
)

from axdesk.store.journal_open import open_pg_connection
from axdesk.store.journal_probe import ProbeResult, probe_team_journal
from axdesk.store.pg_schema import PG_SCHEMA_VERSION

__all__ = ["empty_pg_url", "password_pg_url", "pg_url", "postgres_server"]


def test_a_working_journal_says_so_with_its_schema(pg_url: str) -> None:
    report = probe_team_journal(pg_url)
    assert report.result is ProbeResult.WORKS
    assert report.schema_version == PG_SCHEMA_VERSION
    assert "works" in report.sentence
    assert f"schema {PG_SCHEMA_VERSION}" in report.sentence


def test_the_password_reaches_the_server_only_as_a_keyword(
    postgres_server: PostgresServer, password_pg_url: str
) -> None:
    assert PG_PASSWORD not in password_pg_url
    refused = probe_team_journal(password_pg_url, "wrong")
    assert refused.result is ProbeResult.FAILED
    assert "refused the user name or the password" in refused.sentence
    assert "wrong" not in refused.sentence
    assert probe_team_journal(password_pg_url, PG_PASSWORD).works
    journal = open_pg_connection(password_pg_url, password=lambda: PG_PASSWORD, lazy=True)
    try:  # the journal's own connection asks for the password when it connects
        assert journal.execute("SELECT 1").fetchone() == (1,)
    finally:
        journal.close()
    role = password_pg_url.split("//", 1)[1].split("@", 1)[0]
    postgres_server.admin(f"REVOKE axdesk FROM {role}")  # logged in, but no rights
    no_rights = probe_team_journal(password_pg_url, PG_PASSWORD)
    assert "may not read the journal" in no_rights.sentence


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
