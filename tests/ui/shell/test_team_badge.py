"""The status bar's "Team journal offline" badge (issue 15: the team server unreachable).

Whatever tab the operator is on, the main window's status bar says when the team
journal cannot be reached, and stops saying so when the desk has reconnected by
itself. A real PostgreSQL behind a loopback relay the test cuts.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pg_proxy import TcpRelay
from pg_server import PostgresServer, pg_url, postgres_server

from axdesk.store.journal_url import JOURNAL_URL_ENV, pg_target
from axdesk.store.paths import AppPaths
from axdesk.ui.app import launch
from axdesk.ui.common import i18n
from axdesk.ui.common.resources import translations_dir
from axdesk.ui.shell.main_window import INVENTORY_TAB, ORDER_TAB, MainWindow
from axdesk.ui.shell.team_badge import TeamJournalBadge

__all__ = ["pg_url", "postgres_server"]

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


@pytest.fixture
def relay(postgres_server: PostgresServer) -> Iterator[TcpRelay]:
    running = TcpRelay(postgres_server.port)
    yield running
    running.close()


@pytest.fixture
def compiled(tmp_path: Path) -> Path:
    folder = tmp_path / "translations"
    folder.mkdir()
    for ts in translations_dir().glob("*.ts"):
        shutil.copy(ts, folder / ts.name)
    i18n.build(folder)
    return folder


@pytest.fixture
def team_window(
    qtbot: Any,
    qapp: Any,
    pg_url: str,
    relay: TcpRelay,
    compiled: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[MainWindow]:
    port = pg_target(pg_url).keywords["port"]
    monkeypatch.setenv(JOURNAL_URL_ENV, pg_url.replace(f":{port}/", f":{relay.port}/"))
    window = launch(
        qapp, AppPaths.default(), sandbox=False, language="en", translations_dir=compiled
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.has_tabs, timeout=10000)
    try:
        yield window
    finally:
        window.set_language("en")
        window.close()


def _badge(window: MainWindow) -> TeamJournalBadge:
    badges = window.status.findChildren(TeamJournalBadge)
    assert len(badges) == 1
    return badges[0]


def test_the_status_bar_says_offline_on_every_tab_and_clears_on_reconnect(
    qtbot: Any, team_window: MainWindow, relay: TcpRelay
) -> None:
    badge = _badge(team_window)
    qtbot.waitUntil(lambda: team_window.orders_tab.team_feed.online is True, timeout=5000)
    assert not badge.isVisible()

    team_window.show_tab(INVENTORY_TAB)
    relay.cut()
    qtbot.waitUntil(badge.isVisible, timeout=5000)
    assert badge.text() == "Team journal offline"
    assert "reconnects by itself" in badge.toolTip()
    team_window.show_tab(ORDER_TAB)
    assert badge.isVisible()

    relay.restore()
    qtbot.waitUntil(lambda: not badge.isVisible(), timeout=10000)


def test_the_badge_is_in_korean_and_follows_a_live_switch(
    qtbot: Any, team_window: MainWindow, relay: TcpRelay
) -> None:
    badge = _badge(team_window)
    relay.cut()
    qtbot.waitUntil(badge.isVisible, timeout=5000)
    team_window.set_language("ko")
    qtbot.waitUntil(lambda: badge.text() == "팀 주문 기록 오프라인", timeout=3000)
    assert badge.accessibleName() == "팀 주문 기록 오프라인"
    assert badge.toolTip() != badge.text()
    assert "다시 연결" in badge.toolTip()


def test_this_computers_journal_shows_no_badge(qtbot: Any, launch_window: Any) -> None:
    window = launch_window(sandbox=False)
    window.show()
    qtbot.waitUntil(lambda: window.has_tabs, timeout=10000)
    qtbot.wait(300)
    assert not _badge(window).isVisible()
