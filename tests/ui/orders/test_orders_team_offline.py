"""The team server unreachable (issue 15 §6): a badge, the list kept, nothing sent, and the
desk reconnects by itself. A real PostgreSQL behind a loopback relay the test cuts."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
from pg_proxy import TcpRelay
from pg_server import PostgresServer, password_pg_url, pg_url, postgres_server
from PySide6.QtWidgets import QStatusBar
from test_orders_support import make_tab, place_order, traveler

from axdesk.api import LineInput, OrderRequest, TravelerInput, build_order_request
from axdesk.store import open_journal
from axdesk.store.cancel import CancelTarget, cancel_one
from axdesk.store.journal import OrderJournal
from axdesk.store.journal_probe import REFUSED_LOGIN
from axdesk.store.reconcile import Reconciler
from axdesk.store.team_errors import TeamJournalOffline
from axdesk.ui.common.context import AppContext, AppEvents
from axdesk.ui.common.i18n import Translations
from axdesk.ui.common.time_text import time_text
from axdesk.ui.common.worker import describe_error
from axdesk.ui.orders.tab import OrdersTab
from axdesk.ui.orders.team_banner import TeamJournalBanner
from axdesk.ui.shell.team_badge import TeamJournalBadge

__all__ = ["password_pg_url", "pg_url", "postgres_server"]

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


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
def relay(postgres_server: PostgresServer) -> Iterator[TcpRelay]:
    running = TcpRelay(postgres_server.port)
    yield running
    running.close()


@pytest.fixture
def relayed_journal(pg_url: str, relay: TcpRelay) -> Iterator[OrderJournal]:
    url = pg_url.replace(f":{pg_url.split(':')[-1].split('/')[0]}/", f":{relay.port}/")
    journal = open_journal(url, lazy=True)
    yield journal
    journal.close()


def test_offline_the_tab_says_so_keeps_its_list_and_comes_back_by_itself(
    qtbot: Any,
    app_context: AppContext,
    relayed_journal: OrderJournal,
    relay: TcpRelay,
    pg_url: str,
) -> None:
    elsewhere = open_journal(pg_url)
    try:
        elsewhere.record_sending(_request("before"), endpoint="https://test.ax-cloud.com")
        ctx = AppContext(
            worker=app_context.worker,
            connection=app_context.connection,
            settings=app_context.settings,
            paths=app_context.paths,
            catalog=lambda: app_context.catalog,
            journal=relayed_journal,
            events=AppEvents(),
        )
        tab = make_tab(qtbot, ctx)
        qtbot.waitUntil(lambda: tab.team_feed.online is True, timeout=5000)
        assert not tab.team_banner.isVisible()
        assert tab.model.row_of("before") is not None

        relay.cut()
        qtbot.waitUntil(tab.team_banner.isVisible, timeout=5000)
        assert "Team journal offline" in tab.team_banner.text()
        read_at = tab.team_banner.read_at
        assert read_at is not None
        assert f"as of {time_text(read_at)}" in tab.team_banner.text()
        tab.reload()  # the read fails: the last list stays, and so does its time
        qtbot.wait(300)
        assert tab.model.row_of("before") is not None
        assert tab.team_banner.read_at == read_at

        elsewhere.record_sending(_request("meanwhile"), endpoint="https://test.ax-cloud.com")
        relay.restore()
        qtbot.waitUntil(lambda: not tab.team_banner.isVisible(), timeout=10000)
        qtbot.waitUntil(lambda: tab.model.row_of("meanwhile") is not None, timeout=5000)
    finally:
        tab.shutdown()
        elsewhere.close()


def test_offline_nothing_is_sent_to_ax(
    app_context: AppContext, relayed_journal: OrderJournal, relay: TcpRelay, sandbox: Any
) -> None:
    relay.cut()
    client = app_context.connection.client()
    reconciler = Reconciler(client, relayed_journal, sleep=lambda _s: None)
    with pytest.raises(TeamJournalOffline):
        reconciler.submit(_request("never"))
    assert sandbox.state.order_count() == 0


def test_offline_no_cancel_is_sent_to_ax(
    app_context: AppContext, relayed_journal: OrderJournal, relay: TcpRelay, sandbox: Any
) -> None:
    ctx = AppContext(
        worker=app_context.worker,
        connection=app_context.connection,
        settings=app_context.settings,
        paths=app_context.paths,
        catalog=lambda: app_context.catalog,
        journal=relayed_journal,
        events=AppEvents(),
    )
    placed = place_order(ctx, sandbox, [traveler("Kim Minsu")])
    relay.cut()
    target = CancelTarget(
        placed.code, placed.ax_order_code, placed.ticket_code(0), "Kim Minsu", "", "", None
    )
    with pytest.raises(TeamJournalOffline):
        cancel_one(app_context.connection.client(), relayed_journal, target, "phoned in")
    assert sandbox.state.orders_for(placed.code)[0].tickets[0].status == "New"
    relay.restore()  # back by itself: the ticket is as it was, with no cancel journaled
    assert relayed_journal.unsettled_cancels() == []


def test_the_refusal_is_a_calm_sentence_in_both_languages(korean: Translations) -> None:
    sentence = describe_error(TeamJournalOffline("The team journal at x cannot be reached."))
    assert sentence is not None
    assert "팀 주문 기록" in str(sentence)


def test_the_banner_says_when_the_list_was_read_in_korean(qtbot: Any, korean: Translations) -> None:
    banner = TeamJournalBanner()
    qtbot.addWidget(banner)
    assert "%1" not in banner.text()
    banner.note_read()
    assert banner.read_at is not None
    assert "마지막으로 읽은" in banner.text()
    assert time_text(banner.read_at) in banner.text()


@pytest.fixture
def wrong_password_journal(password_pg_url: str) -> Iterator[OrderJournal]:
    """A desk started with a password the server refuses (as from a stale keyring entry)."""
    journal = open_journal(password_pg_url, password=lambda: "not-the-password", lazy=True)
    yield journal
    journal.close()


def _offline_tab(qtbot: Any, app_context: AppContext, journal: OrderJournal) -> Any:
    ctx = AppContext(
        worker=app_context.worker,
        connection=app_context.connection,
        settings=app_context.settings,
        paths=app_context.paths,
        catalog=lambda: app_context.catalog,
        journal=journal,
        events=AppEvents(),
    )
    tab = OrdersTab(ctx, start_sync=False)
    qtbot.addWidget(tab, before_close_func=OrdersTab.shutdown)
    return tab


def test_a_wrong_password_is_named_not_just_offline(
    qtbot: Any, app_context: AppContext, wrong_password_journal: OrderJournal
) -> None:
    """The defect: a desk started with a wrong password said only "Team journal offline"
    (the pool times out); File > Journal… > Test alone named the cause. Now the badge's
    tooltip and the banner say it, found on the worker (never the GUI thread)."""
    threads: list[str] = []
    keywords, password = wrong_password_journal.connection.login

    def asked() -> str | None:  # the keyring is read when connecting: note where
        threads.append(threading.current_thread().name)
        return password()

    wrong_password_journal.connection.login = (keywords, asked)
    tab = _offline_tab(qtbot, app_context, wrong_password_journal)
    status = QStatusBar()
    qtbot.addWidget(status)
    badge = TeamJournalBadge.install(status, tab.team_feed, tab.team_cause)
    qtbot.waitUntil(lambda: tab.team_cause.cause is not None, timeout=15000)
    cause = tab.team_cause.cause
    assert cause is not None
    assert cause.template == REFUSED_LOGIN
    assert threads
    assert threading.main_thread().name not in threads
    assert "refused the user name or the password" in tab.team_banner.text()
    assert "Team journal offline" in tab.team_banner.text()
    assert "refused the user name or the password" in badge.toolTip()
    assert badge.text() == "Team journal offline"
    assert "not-the-password" not in badge.toolTip() + tab.team_banner.text()


def test_the_cause_is_said_in_korean(
    qtbot: Any, app_context: AppContext, wrong_password_journal: OrderJournal, korean: Translations
) -> None:
    tab = _offline_tab(qtbot, app_context, wrong_password_journal)
    qtbot.waitUntil(lambda: tab.team_cause.cause is not None, timeout=15000)
    assert "사용자 이름 또는 비밀번호를 거부했습니다" in tab.team_banner.text()
    assert "팀 주문 기록" in tab.team_banner.text()


def test_the_cause_goes_once_the_desk_is_back(
    qtbot: Any, app_context: AppContext, relayed_journal: OrderJournal, relay: TcpRelay
) -> None:
    relay.cut()
    tab = _offline_tab(qtbot, app_context, relayed_journal)
    qtbot.waitUntil(lambda: tab.team_cause.cause is not None, timeout=15000)
    # the relay takes the connection and closes it: the server "closed the connection"
    assert f"The server at 127.0.0.1:{relay.port}/" in tab.team_banner.text()
    relay.restore()
    qtbot.waitUntil(lambda: tab.team_feed.online is True, timeout=10000)
    assert tab.team_cause.cause is None
    assert not tab.team_banner.isVisible()
    assert "The server at" not in tab.team_banner.text()
