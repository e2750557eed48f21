"""Two desks on one team journal share the catalog of the AX server they use (issue 15):
an edit at one desk reaches the other by itself, while each screen reads its own copy.
A real PostgreSQL and the change notices; the sandbox is the AX server in use."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack
from decimal import Decimal
from typing import Any

import pytest
from pg_server import pg_url, postgres_server

from axdesk.store import open_journal
from axdesk.store.catalog import CatalogOption, CatalogStore
from axdesk.store.db import open_database
from axdesk.store.journal_activity import Actor
from axdesk.store.team_catalog import TeamCatalog
from axdesk.ui.catalog.team_sync import TeamCatalogSync
from axdesk.ui.common.context import AppContext, AppEvents
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
