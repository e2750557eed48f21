"""Two desks on one team journal share the catalog of the AX server they use (issue 15):
an edit at one desk reaches the other by itself, while each screen reads its own copy.
A real PostgreSQL and the change notices; the sandbox is the AX server in use."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import ExitStack
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pg_proxy import TcpRelay
from pg_server import PostgresServer, pg_url, postgres_server

from axdesk.store import open_journal
from axdesk.store.catalog import CatalogOption, CatalogStore
from axdesk.store.db import open_database
from axdesk.store.journal_activity import Actor
from axdesk.store.problems import Problem
from axdesk.store.team_catalog import KEPT_OURS, TeamCatalog
from axdesk.ui.catalog.team_sync import TeamCatalogSync
from axdesk.ui.common import i18n
from axdesk.ui.common.context import AppContext, AppEvents
from axdesk.ui.common.i18n import Translations
from axdesk.ui.common.resources import translations_dir
from axdesk.ui.common.store_text import word
from axdesk.ui.common.team_feed import TeamJournalFeed

__all__ = ["pg_url", "postgres_server"]

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


class Desk:
    def __init__(self, app_context: AppContext, pg_url: str, name: str, stack: ExitStack):
        self.journal = open_journal(pg_url, lazy=True)
        stack.callback(self.journal.close)
        self.journal.act_as(Actor(name, f"desk-{name}"))
        database = open_database(":memory:")
        stack.callback(database.close)
        self.catalog = CatalogStore(database)
        self.events = AppEvents()
        self.ctx = AppContext(
            worker=app_context.worker,
            connection=app_context.connection,
            settings=app_context.settings,
            paths=app_context.paths,
            catalog=self.catalog,
            journal=self.journal,
            events=self.events,
        )
        self.feed = TeamJournalFeed(self.journal, self.events)
        self.feed.start()
        stack.callback(self.feed.stop)
        self.reloads = 0
        self.events.catalog_changed.connect(self._reloaded)

    def _reloaded(self) -> None:
        self.reloads += 1

    def codes(self) -> list[str]:
        return [product.product_code for product in self.catalog.list_products()]


@pytest.fixture
def desks(app_context: AppContext, pg_url: str) -> Iterator[tuple[Desk, Desk]]:
    with ExitStack() as stack:
        yield Desk(app_context, pg_url, "minji", stack), Desk(app_context, pg_url, "junho", stack)


def test_an_edit_at_one_desk_reaches_the_other_by_itself(
    qtbot: Any, desks: tuple[Desk, Desk], app_context: AppContext
) -> None:
    first, second = desks
    first.catalog.upsert_product("night", "서울 야경 투어")
    first_sync = TeamCatalogSync(first.ctx)
    qtbot.waitUntil(lambda: first_sync.revision == 1, timeout=5000)  # the team's first
    second_sync = TeamCatalogSync(second.ctx)
    qtbot.waitUntil(lambda: second.codes() == ["night"], timeout=5000)
    assert second.reloads == 1  # its tabs were told, once

    qtbot.waitUntil(lambda: second.feed.online is True and first.feed.online is True)
    second.catalog.upsert_product("palace", "경복궁 투어")
    second.catalog.upsert_option(
        CatalogOption("dc-palace", "palace", "성인", "map-palace", Decimal("30000"), "KRW")
    )
    second.events.catalog_changed.emit()  # as the catalog dialog does after an edit
    qtbot.waitUntil(lambda: first.codes() == ["palace", "night"], timeout=5000)
    option = first.catalog.get_option("dc-palace")
    assert option is not None
    assert option.unit_price == Decimal("30000")
    shared = TeamCatalog(first.journal).read(app_context.connection.profile.base_url)
    assert shared is not None
    assert (shared.operator, shared.desk) == ("junho", "desk-junho")
    qtbot.wait(300)
    assert second_sync.revision == first_sync.revision == shared.revision


def test_this_computers_journal_keeps_the_catalog_to_itself(app_context: AppContext) -> None:
    local = AppContext(
        worker=app_context.worker,
        connection=app_context.connection,
        settings=app_context.settings,
        paths=app_context.paths,
        catalog=app_context.catalog,
        journal=app_context.journal,
        events=AppEvents(),
    )
    assert not TeamCatalogSync(local).active


@pytest.fixture
def relay(postgres_server: PostgresServer) -> Iterator[TcpRelay]:
    running = TcpRelay(postgres_server.port)
    yield running
    running.close()


@pytest.fixture
def away_desks(
    app_context: AppContext, pg_url: str, relay: TcpRelay
) -> Iterator[tuple[Desk, Desk]]:
    """Desk one reaches the team journal through ``relay`` (cut by the test); desk two not."""
    port = pg_url.rsplit(":", 1)[1].split("/", 1)[0]
    relayed = pg_url.replace(f":{port}/", f":{relay.port}/")
    with ExitStack() as stack:
        yield Desk(app_context, relayed, "minji", stack), Desk(app_context, pg_url, "junho", stack)


def test_an_edit_made_while_the_team_is_away_is_published_when_it_is_back(
    qtbot: Any, away_desks: tuple[Desk, Desk], relay: TcpRelay, app_context: AppContext
) -> None:
    """The defect: the failed publication waited for the next edit, and the other desk's
    publication, pulled on reconnect, overwrote the edit. Now the edit is kept, published
    on reconnect, merged with the other desk's, and a product both changed is told."""
    first, second = away_desks
    first.catalog.upsert_product("night", "서울 야경 투어")
    first_sync = TeamCatalogSync(first.ctx)
    qtbot.waitUntil(lambda: first_sync.revision == 1, timeout=5000)
    second_sync = TeamCatalogSync(second.ctx)
    qtbot.waitUntil(lambda: second.codes() == ["night"], timeout=5000)
    qtbot.waitUntil(lambda: first.feed.online is True and second.feed.online is True)
    notices: list[Problem] = []
    first_sync.notice.connect(notices.append)

    relay.cut()
    qtbot.waitUntil(lambda: first.feed.online is False, timeout=5000)
    first.catalog.upsert_product("palace", "경복궁 투어")
    first.catalog.upsert_product("night", "서울 야경 투어 (민지)")
    first.events.catalog_changed.emit()
    mirror = first.catalog.team_mirror
    qtbot.waitUntil(lambda: getattr(mirror(), "unpublished", False), timeout=5000)
    qtbot.wait(6000)  # the publication fails (the pool's connect timeout)
    second.catalog.upsert_product("river", "한강 유람선")
    second.catalog.upsert_product("night", "서울 야경 투어 (준호)")
    second.events.catalog_changed.emit()
    qtbot.waitUntil(lambda: second_sync.revision == 2, timeout=5000)
    owed = mirror()
    assert owed is not None
    assert owed.unpublished  # still owed to the team

    relay.restore()  # desk one hears "*" on reconnect: its edit goes first, then merges
    qtbot.waitUntil(lambda: first_sync.revision == 3, timeout=15000)
    assert sorted(first.codes()) == ["night", "palace", "river"]
    assert first.catalog.product_name("night") == "서울 야경 투어 (민지)"  # its own, kept
    done = mirror()
    assert done is not None
    assert not done.unpublished
    qtbot.waitUntil(lambda: sorted(second.codes()) == ["night", "palace", "river"], timeout=5000)
    assert second.catalog.product_name("night") == "서울 야경 투어 (민지)"
    assert [n.template for n in notices] == [KEPT_OURS]
    assert "night" in notices[0]
    assert "junho" in notices[0]
    shared = TeamCatalog(second.journal).read(app_context.connection.profile.base_url)
    assert shared is not None
    assert (shared.revision, shared.operator) == (3, "minji")


@pytest.fixture
def korean(qapp: Any, tmp_path: Path) -> Iterator[Translations]:
    for ts in translations_dir().glob("*.ts"):
        shutil.copy(ts, tmp_path / ts.name)
    i18n.build(tmp_path)
    translations = Translations(qapp, tmp_path)
    translations.apply("ko")
    try:
        yield translations
    finally:
        translations.apply("en")


def test_the_kept_version_sentence_in_korean(korean: Translations) -> None:
    sentence = word(Problem(KEPT_OURS, "준호", "desk-2", "night"))
    assert "%" not in sentence
    assert "준호" in sentence
    assert "night" in sentence
    assert "카탈로그" in sentence
