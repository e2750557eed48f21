"""The catalog shared per AX server on the team journal (issue 15: "The catalog is shared
per connection profile; drafts stay on each desk"): two desks, each with this computer's
database, on one real PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import closing
from decimal import Decimal

import pytest
from pg_server import pg_url, postgres_server

from axdesk.store import open_journal
from axdesk.store.catalog import CatalogOption, CatalogProduct, CatalogStore
from axdesk.store.db import open_database
from axdesk.store.journal import OrderJournal
from axdesk.store.journal_activity import Actor
from axdesk.store.team_catalog import TeamCatalog, publish_catalog, pull_catalog

__all__ = ["pg_url", "postgres_server"]

pytestmark = pytest.mark.e2e

PRODUCTION = "https://prod.ax-cloud.com"
TEST_AX = "https://test.ax-cloud.com"
MINJI = Actor("민지", "desk-1")
JUNHO = Actor("준호", "desk-2")


def _product(code: str, name: str, price: str = "45000") -> CatalogProduct:
    option = CatalogOption(f"dc-{code}", code, "성인", f"map-{code}", Decimal(price), "KRW")
    return CatalogProduct(code, name, (option,))


@pytest.fixture
def team(pg_url: str) -> Iterator[OrderJournal]:
    journal = open_journal(pg_url)
    yield journal
    journal.close()


@pytest.fixture
def desk_one() -> Iterator[CatalogStore]:
    with closing(open_database(":memory:")) as conn:
        yield CatalogStore(conn)


@pytest.fixture
def desk_two() -> Iterator[CatalogStore]:
    with closing(open_database(":memory:")) as conn:
        yield CatalogStore(conn)


def test_the_first_desk_gives_the_team_its_catalog_and_the_next_desk_takes_it(
    team: OrderJournal, desk_one: CatalogStore, desk_two: CatalogStore
) -> None:
    shared = TeamCatalog(team)
    desk_one.replace_all([_product("night", "서울 야경 투어")])
    first = pull_catalog(shared, desk_one, PRODUCTION, None, MINJI)
    assert first.revision == 1
    assert not first.replaced
    second = pull_catalog(shared, desk_two, PRODUCTION, None, JUNHO)
    assert (second.revision, second.replaced) == (1, True)
    assert desk_two.list_products() == desk_one.list_products()
    again = pull_catalog(shared, desk_two, PRODUCTION, 1, JUNHO)
    assert (again.revision, again.replaced) == (1, False)


def test_an_edit_published_at_one_desk_reaches_the_other(
    team: OrderJournal, desk_one: CatalogStore, desk_two: CatalogStore
) -> None:
    shared = TeamCatalog(team)
    desk_one.replace_all([_product("night", "서울 야경 투어")])
    pull_catalog(shared, desk_one, PRODUCTION, None, MINJI)
    pull_catalog(shared, desk_two, PRODUCTION, None, JUNHO)
    desk_two.upsert_product("palace", "경복궁 투어")
    assert publish_catalog(shared, desk_two, PRODUCTION, JUNHO) == 2
    pulled = pull_catalog(shared, desk_one, PRODUCTION, 1, MINJI)
    assert (pulled.revision, pulled.replaced) == (2, True)
    assert [p.product_code for p in desk_one.list_products()] == ["palace", "night"]
    read = shared.read(PRODUCTION)
    assert read is not None
    assert (read.operator, read.desk) == ("준호", "desk-2")


def test_each_ax_server_has_its_own_catalog(
    team: OrderJournal, desk_one: CatalogStore, desk_two: CatalogStore
) -> None:
    shared = TeamCatalog(team)
    desk_one.replace_all([_product("night", "서울 야경 투어")])
    publish_catalog(shared, desk_one, PRODUCTION, MINJI)
    assert shared.revision(TEST_AX) is None
    assert shared.revision("HTTPS://Prod.AX-Cloud.com:443/") == 1  # one server, one way
    assert pull_catalog(shared, desk_two, TEST_AX, None, JUNHO).revision is None
    assert desk_two.is_empty()
