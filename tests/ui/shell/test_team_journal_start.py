"""AXDESK_JOURNAL_URL (issue 15 §6): an administrator points a desk at the team journal.

A real PostgreSQL started by the tests; the app's own open_shell.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
from pg_server import PG_PASSWORD, password_pg_url, pg_url, postgres_server

from axdesk.api import LineInput, OrderRequest, TravelerInput, build_order_request
from axdesk.store import open_journal
from axdesk.store.db import DatabaseError
from axdesk.store.journal_setting import TeamServer
from axdesk.store.journal_url import JOURNAL_URL_ENV, pg_target
from axdesk.store.paths import AppPaths
from axdesk.store.settings import Settings
from axdesk.store.team_errors import TeamJournalOffline
from axdesk.ui.shell.bootstrap import Shell, open_shell

__all__ = ["password_pg_url", "pg_url", "postgres_server"]

DRAFT = '{"travelers": []}'


def _request(code: str) -> OrderRequest:
    person = TravelerInput(
        name="김민수", national_code="82", phone="010-1234-5678", email="kim@example.com"
    )
    line = LineInput(
        channel_product_mapping_code="map-dc-adult",
        dc_code="dc-adult",
        inventory_at=dt.datetime(2030, 5, 1, 1, 0, tzinfo=dt.UTC),
        unit_price=Decimal("45000"),
        travelers=[person],
    )
    return build_order_request([line], person, currency="KRW", channel_order_code=code)


@pytest.fixture
def team_shell(
    qapp: Any, app_home: Any, pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Shell]:
    monkeypatch.setenv(JOURNAL_URL_ENV, pg_url)
    shell = open_shell(AppPaths.default())
    try:
        yield shell
    finally:
        shell.close()


def test_the_desk_writes_the_team_journal_and_keeps_its_drafts(
    team_shell: Shell, pg_url: str
) -> None:
    journal = team_shell.ctx.journal
    assert journal.backend == "postgresql"
    journal.record_sending(_request("team-1"), endpoint="https://test.ax-cloud.com")
    journal.save_draft("new-order", DRAFT)
    other = open_journal(pg_url)
    try:
        assert other.state_of("team-1") is not None
        assert other.load_draft("new-order") is None  # drafts stay on the desk
    finally:
        other.close()
    assert journal.load_draft("new-order") == DRAFT
    local = sqlite3.connect(AppPaths.default().database_path)
    try:
        assert local.execute("SELECT json_text FROM draft").fetchone() == (DRAFT,)
        assert local.execute("SELECT COUNT(*) FROM channel_order").fetchone() == (0,)
    finally:
        local.close()


def test_practice_mode_never_touches_the_team_journal(
    qapp: Any, app_home: Any, pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(JOURNAL_URL_ENV, pg_url)
    shell = open_shell(AppPaths.default(), sandbox_mode=True)
    try:
        assert shell.ctx.journal.backend == "sqlite"
    finally:
        shell.close()


def test_an_unsafe_address_is_refused_at_start_with_a_sentence(
    qapp: Any, app_home: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(
        JOURNAL_URL_ENV, "postgresql://clerk@db.agency.example/axdesk?sslmode=disable"
    )
    with pytest.raises(DatabaseError, match="verify-full"):
        open_shell(AppPaths.default())


def test_an_unreachable_team_server_opens_at_once_and_says_so_on_first_use(
    postgres_server: Any,
) -> None:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    started = time.monotonic()
    journal = open_journal(f"postgresql://axdesk@127.0.0.1:{port}/nothing", lazy=True)
    try:
        assert time.monotonic() - started < 0.5  # the GUI thread opens it: no network wait
        with pytest.raises(TeamJournalOffline, match="cannot be reached"):
            journal.state_of("any")
    finally:
        journal.close()


def _server_of(url: str) -> TeamServer:
    keywords = pg_target(url).keywords
    return TeamServer(
        host=keywords["host"],
        port=int(keywords["port"]),
        database=keywords["dbname"],
        user=keywords["user"],
    )


def test_the_journal_setting_opens_the_team_journal_with_the_keyrings_password(
    qapp: Any, app_home: Any, password_pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(JOURNAL_URL_ENV, raising=False)
    server = _server_of(password_pg_url)
    paths = AppPaths.default()
    paths.ensure_dirs()
    settings = Settings.load(paths.settings_path)
    settings.team_journal = server
    from axdesk.ui.connection.secrets import SecretStore

    secrets = SecretStore()
    secrets.save_journal_password(server.account, PG_PASSWORD)
    shell = open_shell(paths, secrets=secrets)
    try:
        journal = shell.ctx.journal
        assert journal.backend == "postgresql"
        journal.record_sending(_request("setting-1"), endpoint="https://test.ax-cloud.com")
        assert journal.state_of("setting-1") is not None
    finally:
        shell.close()
    assert PG_PASSWORD not in paths.settings_path.read_text()


def test_axdesk_journal_url_wins_over_the_setting(
    qapp: Any, app_home: Any, pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = AppPaths.default()
    paths.ensure_dirs()
    settings = Settings.load(paths.settings_path)
    settings.team_journal = TeamServer(host="127.0.0.1", port=1, database="nowhere", user="x")
    monkeypatch.setenv(JOURNAL_URL_ENV, pg_url)
    shell = open_shell(paths)
    try:
        shell.ctx.journal.record_sending(_request("env-1"), endpoint="https://test.ax-cloud.com")
    finally:
        shell.close()
    other = open_journal(pg_url)
    try:
        assert other.state_of("env-1") is not None
    finally:
        other.close()


def test_axdesk_journal_url_naming_this_computer_also_wins_over_the_setting(
    qapp: Any, app_home: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = AppPaths.default()
    paths.ensure_dirs()
    Settings.load(paths.settings_path).team_journal = TeamServer(
        host="127.0.0.1", port=1, database="nowhere", user="x"
    )
    monkeypatch.setenv(JOURNAL_URL_ENV, f"sqlite:///{paths.database_path}")
    shell = open_shell(paths)
    try:
        assert shell.ctx.journal.backend == "sqlite"
    finally:
        shell.close()


def test_axdesk_journal_url_takes_the_password_file_journal_keeps(
    qapp: Any, app_home: Any, password_pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An administrator's address names no password: the keyring entry File > Journal…
    keeps for that user, server and database is used (the in-memory test keyring)."""
    monkeypatch.setenv(JOURNAL_URL_ENV, password_pg_url)
    monkeypatch.setenv("PGPASSFILE", str(app_home / "no-such-pgpass"))
    from axdesk.ui.connection.secrets import SecretStore

    secrets = SecretStore()
    secrets.save_journal_password(_server_of(password_pg_url).account, PG_PASSWORD)
    shell = open_shell(AppPaths.default(), secrets=secrets)
    try:
        journal = shell.ctx.journal
        journal.record_sending(_request("env-key-1"), endpoint="https://test.ax-cloud.com")
        assert journal.state_of("env-key-1") is not None
    finally:
        shell.close()


def test_axdesk_journal_url_without_a_kept_password_falls_back_to_pgpass(
    qapp: Any, app_home: Any, password_pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    keywords = pg_target(password_pg_url).keywords
    pgpass = app_home / "pgpass"
    pgpass.write_text(
        f"{keywords['host']}:{keywords['port']}:{keywords['dbname']}:{keywords['user']}:"
        f"{PG_PASSWORD}\n"
    )
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    monkeypatch.setenv(JOURNAL_URL_ENV, password_pg_url)
    shell = open_shell(AppPaths.default())
    try:
        journal = shell.ctx.journal
        journal.record_sending(_request("env-pgpass-1"), endpoint="https://test.ax-cloud.com")
        assert journal.state_of("env-pgpass-1") is not None
    finally:
        shell.close()
