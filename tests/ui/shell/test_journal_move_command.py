"""File > Move this computer's journal to the team server… (issue 15 §6): counts, idempotent,
the local file kept; a desk without a team journal is told so. A real PostgreSQL."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
from pg_server import pg_url, postgres_server

from axdesk.api import LineInput, OrderRequest, TravelerInput, build_order_request
from axdesk.store import open_journal
from axdesk.store.journal import OrderJournal
from axdesk.store.journal_url import JOURNAL_URL_ENV
from axdesk.store.paths import AppPaths
from axdesk.ui.shell.bootstrap import Shell, open_shell
from axdesk.ui.shell.journal_move_command import JournalMoveCommand

__all__ = ["pg_url", "postgres_server"]


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
    local = open_journal(f"sqlite:///{AppPaths.default().database_path}")
    for code in ("local-1", "local-2"):
        local.record_sending(_request(code), endpoint="https://test.ax-cloud.com")
    local.close()
    monkeypatch.setenv(JOURNAL_URL_ENV, pg_url)
    shell = open_shell(AppPaths.default())
    try:
        yield shell
    finally:
        shell.close()


def test_the_move_reports_its_counts_and_a_second_one_adds_nothing(
    qtbot: Any, team_shell: Shell, pg_url: str
) -> None:
    notes: list[str] = []
    problems: list[str] = []
    command = JournalMoveCommand(team_shell.ctx, team_shell.database, notes.append, problems.append)
    with qtbot.waitSignal(command.moved, timeout=10_000) as first:
        command.run()
    assert (first.args[0].orders_copied, first.args[0].orders_already_there) == (2, 0)
    assert "Orders copied: 2" in notes[-1]
    assert "Already on the team server: 0" in notes[-1]
    with qtbot.waitSignal(command.moved, timeout=10_000) as second:
        command.run()
    assert (second.args[0].orders_copied, second.args[0].orders_already_there) == (0, 2)
    assert problems == []
    team: OrderJournal = open_journal(pg_url)
    try:
        assert team.count_orders() == 2
    finally:
        team.close()
    assert team_shell.database.execute("SELECT COUNT(*) FROM channel_order").fetchone() == (2,)


def test_a_desk_without_a_team_journal_is_told_so(qtbot: Any, app_context: Any) -> None:
    problems: list[str] = []
    shell_db = app_context.journal.connection
    command = JournalMoveCommand(app_context, shell_db, lambda _n: None, problems.append)
    command.run()
    assert "File > Journal…" in problems[0]  # where the operator chooses the team server


def test_the_file_menu_has_it(qtbot: Any, launch_window: Any) -> None:
    window = launch_window()
    assert window.actions_.move_journal in window.actions_.file_menu.actions()
    assert window.actions_.move_journal.text()
