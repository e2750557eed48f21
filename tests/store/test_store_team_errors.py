"""The team journal's failures get the right sentence whatever language the server speaks.

A real PostgreSQL started with ``lc_messages`` in German (a locale made for the test
with ``localedef``): every failure is sorted by its SQLSTATE or by what the connection
itself found (no host, no answer), never by the server's words, which are only shown
after the sentence.
"""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from pg_server import PostgresServer, running_server

from axdesk.store import open_journal
from axdesk.store.db import DatabaseError
from axdesk.store.journal_probe import ProbeResult, probe_team_journal
from axdesk.store.pg_diagnose import FailureKind, diagnose
from axdesk.store.team_errors import TeamJournalOffline

pytestmark = pytest.mark.e2e

DOCS = Path(__file__).parents[2] / "docs" / "team-journal"
PASSWORD = "Geheim-42!"


def _german_locale() -> Path:
    """A de_DE.UTF-8 locale the server can load (through ``LOCPATH``), made for the test."""
    localedef = shutil.which("localedef")
    if localedef is None or not Path("/usr/share/i18n/locales/de_DE").exists():
        pytest.skip("localedef or the de_DE locale source (Debian package locales) is missing")
    folder = Path(tempfile.mkdtemp(prefix="axdesk-locale-"))
    folder.chmod(0o755)  # the server runs as its own user
    subprocess.run(  # noqa: S603 - the system's own tool, fixed arguments
        [localedef, "-i", "de_DE", "-f", "UTF-8", str(folder / "de_DE.UTF-8")],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return folder


@contextlib.contextmanager
def _german_server() -> Iterator[PostgresServer]:
    folder = _german_locale()
    try:
        with running_server("-c lc_messages=de_DE.UTF-8", {"LOCPATH": str(folder)}) as server:
            yield server
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def german() -> Iterator[PostgresServer]:
    """A German-speaking server: ``clerk`` logs in with a password (SCRAM), ``stranger``
    is refused by pg_hba.conf, ``locked`` may not log in; the roles of docs/team-journal."""
    with _german_server() as server:
        hba = server.data_dir / "pg_hba.conf"
        hba.write_text(
            "host all clerk 127.0.0.1/32 scram-sha-256\n"
            "host all clerk_md5 127.0.0.1/32 md5\n"
            "host all clerk_plain 127.0.0.1/32 password\n"
            "host all stranger 127.0.0.1/32 reject\n" + hba.read_text()
        )
        server.admin(f"CREATE ROLE clerk LOGIN PASSWORD '{PASSWORD}'")
        server.admin(f"CREATE ROLE clerk_plain LOGIN PASSWORD '{PASSWORD}'")
        with psycopg.connect(server.url("postgres"), autocommit=True) as conn:
            conn.execute("SET password_encryption = 'md5'")
            conn.execute(f"CREATE ROLE clerk_md5 LOGIN PASSWORD '{PASSWORD}'")
        server.admin("CREATE ROLE stranger LOGIN")
        server.admin("CREATE ROLE locked")
        server.admin("SELECT pg_reload_conf()")
        _run_script(server, "postgres", "axdesk", "roles.sql")
        yield server


def _run_script(server: PostgresServer, database: str, user: str, name: str) -> None:
    script = (DOCS / name).read_text("utf-8")
    body = "\n".join(line for line in script.splitlines() if not line.lstrip().startswith("--"))
    with psycopg.connect(
        host=server.host, port=server.port, user=user, dbname=database, autocommit=True
    ) as conn:
        for statement in (s.strip() for s in body.split(";")):
            if statement:
                conn.execute(statement)  # type: ignore[call-overload]


def _url(server: PostgresServer, user: str, database: str) -> str:
    return f"postgresql://{user}@{server.host}:{server.port}/{database}"


def test_the_server_speaks_german(german: PostgresServer) -> None:
    with pytest.raises(psycopg.OperationalError, match="existiert nicht"):
        psycopg.connect(_url(german, "axdesk", "nirgends"))


def test_a_wrong_password_is_named(german: PostgresServer) -> None:
    report = probe_team_journal(_url(german, "clerk", "postgres"), "falsch")
    assert report.result is ProbeResult.FAILED
    assert "refused the user name or the password" in report.sentence
    assert "fehlgeschlagen" in report.sentence  # the server's words, after the sentence
    assert "falsch" not in report.sentence
    assert probe_team_journal(_url(german, "clerk", "postgres"), None).sentence.template == (
        report.sentence.template
    )


@pytest.mark.parametrize("role", ["clerk", "clerk_md5", "clerk_plain"])
def test_each_password_method_is_retraced(german: PostgresServer, role: str) -> None:
    """SCRAM, MD5 and a plain password: the right one logs in (the failure then is the
    missing database), a wrong one is the password refused."""
    keywords = {"host": german.host, "port": str(german.port), "user": role}
    right = diagnose({**keywords, "dbname": "nirgends"}, PASSWORD, 5)
    assert (right.kind, right.sqlstate) == (FailureKind.NO_SUCH_DATABASE, "3D000")
    assert diagnose({**keywords, "dbname": "postgres"}, PASSWORD, 5).kind is None
    wrong = diagnose({**keywords, "dbname": "postgres"}, "falsch", 5)
    assert (wrong.kind, wrong.sqlstate) == (FailureKind.REFUSED_LOGIN, "28P01")


def test_an_unknown_database_is_named(german: PostgresServer) -> None:
    report = probe_team_journal(_url(german, "clerk", "nirgends"), PASSWORD)
    assert "has no database of that name" in report.sentence
    trusted = probe_team_journal(_url(german, "axdesk", "nirgends"))
    assert "has no database of that name" in trusted.sentence


def test_an_unknown_role_or_one_without_login_is_refused(german: PostgresServer) -> None:
    for role in ("niemand", "locked"):
        report = probe_team_journal(_url(german, role, "postgres"))
        assert "refused the user name or the password" in report.sentence, role


def test_pg_hba_refusing_this_computer_is_named(german: PostgresServer) -> None:
    report = probe_team_journal(_url(german, "stranger", "postgres"))
    assert "does not let this computer in with that user" in report.sentence
    assert "pg_hba.conf" in report.sentence


def test_a_refused_port_is_unreachable(german: PostgresServer) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    report = probe_team_journal(f"postgresql://clerk@127.0.0.1:{port}/axdesk", PASSWORD)
    assert "cannot be reached" in report.sentence


def test_an_unknown_host_is_named() -> None:
    found = diagnose({"host": "nowhere.invalid", "port": "5432", "user": "x"}, None, 2)
    assert found.kind is FailureKind.NO_SUCH_HOST


def test_permission_denied_by_the_documented_roles_is_named(german: PostgresServer) -> None:
    # roles.sql: only axdesk_desk may connect to the journal's database, and before
    # grants.sql it may read none of its tables.
    no_connect = probe_team_journal(_url(german, "stranger", "axdesk"))
    assert "does not let this computer in" in no_connect.sentence
    try:
        open_journal(_url(german, "axdesk_owner", "axdesk")).close()  # the owner's first start
        before_grants = probe_team_journal(_url(german, "axdesk_desk", "axdesk"))
        assert before_grants.result is ProbeResult.FAILED
        assert "may not read the journal" in before_grants.sentence
        assert "Berechtigung" in before_grants.sentence
        german.admin("CREATE ROLE outsider LOGIN")
        outsider = probe_team_journal(_url(german, "outsider", "axdesk"))
        assert "may not read the journal" in outsider.sentence  # no CONNECT on the database
        _run_script(german, "axdesk", "axdesk_owner", "grants.sql")
        desk = open_journal(_url(german, "axdesk_desk", "axdesk"))
        try:
            with pytest.raises(DatabaseError, match="may not do this"):
                desk.connection.execute("DROP TABLE ticket")
        finally:
            desk.close()
    finally:
        german.admin("DROP DATABASE IF EXISTS axdesk WITH (FORCE)")
        german.admin("DROP ROLE IF EXISTS outsider")


def test_a_server_shut_down_mid_session_is_offline() -> None:
    with _german_server() as server:
        server.admin("CREATE DATABASE journal")
        journal = open_journal(server.url("journal"))
        try:
            assert journal.state_of("none") is None
            subprocess.run(  # noqa: S603 - the server's own tool, fixed arguments
                [
                    *_server_user(),
                    str(server.bin_dir / "pg_ctl"),
                    "-D",
                    str(server.data_dir),
                    "-m",
                    "fast",
                    "-w",
                    "stop",
                ],
                check=True,
                capture_output=True,
                timeout=60,
            )
            with pytest.raises(TeamJournalOffline, match="cannot be reached"):
                journal.state_of("none")
        finally:
            journal.close()


def _server_user() -> list[str]:
    from pg_server import _as_server_user

    return _as_server_user()
