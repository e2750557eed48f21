"""The catalog shared per AX server on the team journal (issue 15: "The catalog is shared
per connection profile; drafts stay on each desk"): two desks, each with this computer's
database, on one real PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import closing
from decimal import Decimal
from pathlib import Path

import pytest
from pg_proxy import TcpRelay
from pg_server import PostgresServer, pg_url, postgres_server

from axdesk.store import open_journal
from axdesk.store.catalog import CatalogOption, CatalogProduct, CatalogStore
from axdesk.store.db import open_database
from axdesk.store.journal import OrderJournal
from axdesk.store.journal_activity import Actor
from axdesk.store.team_catalog import (
    SyncResult,
    TeamCatalog,
    mark_edited,
    merge_catalogs,
    sync_catalog,
)
from axdesk.store.team_errors import TeamJournalOffline

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
    first = sync_catalog(shared, desk_one, PRODUCTION, MINJI)
    assert first.revision == 1
    assert not first.replaced
    second = sync_catalog(shared, desk_two, PRODUCTION, JUNHO)
    assert (second.revision, second.replaced) == (1, True)
    assert desk_two.list_products() == desk_one.list_products()
    again = sync_catalog(shared, desk_two, PRODUCTION, JUNHO)
    assert (again.revision, again.replaced) == (1, False)


def test_an_edit_published_at_one_desk_reaches_the_other(
    team: OrderJournal, desk_one: CatalogStore, desk_two: CatalogStore
) -> None:
    shared = TeamCatalog(team)
    desk_one.replace_all([_product("night", "서울 야경 투어")])
    sync_catalog(shared, desk_one, PRODUCTION, MINJI)
    sync_catalog(shared, desk_two, PRODUCTION, JUNHO)
    desk_two.upsert_product("palace", "경복궁 투어")
    mark_edited(desk_two, PRODUCTION)
    assert sync_catalog(shared, desk_two, PRODUCTION, JUNHO).revision == 2
    pulled = sync_catalog(shared, desk_one, PRODUCTION, MINJI)
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
    mark_edited(desk_one, PRODUCTION)
    sync_catalog(shared, desk_one, PRODUCTION, MINJI)
    assert shared.revision(TEST_AX) is None
    assert shared.revision("HTTPS://Prod.AX-Cloud.com:443/") == 1  # one server, one way
    assert sync_catalog(shared, desk_two, TEST_AX, JUNHO).revision is None
    assert desk_two.is_empty()


# -- an edit this desk could not publish (the team server away) --------------------------


@pytest.fixture
def relay(postgres_server: PostgresServer) -> Iterator[TcpRelay]:
    running = TcpRelay(postgres_server.port)
    yield running
    running.close()


@pytest.fixture
def relayed_team(pg_url: str, relay: TcpRelay) -> Iterator[OrderJournal]:
    """The team journal reached through ``relay``, which the test cuts and restores."""
    port = pg_url.rsplit(":", 1)[1].split("/", 1)[0]
    journal = open_journal(pg_url.replace(f":{port}/", f":{relay.port}/"))
    yield journal
    journal.close()


def _codes(store: CatalogStore) -> list[str]:
    return sorted(product.product_code for product in store.list_products())


def _in_step(shared: TeamCatalog, desk: CatalogStore, actor: Actor) -> SyncResult:
    return sync_catalog(shared, desk, PRODUCTION, actor)


def test_an_edit_made_while_the_team_is_away_survives_a_restart_and_a_pull(
    team: OrderJournal, relayed_team: OrderJournal, relay: TcpRelay, tmp_path: Path
) -> None:
    """The defect: a failed publication was retried only at the next edit, and a pull of
    another desk's publication meanwhile overwrote the edit. Now it is kept (on disk),
    published when the team is back, and the other desk's change is merged in."""
    path = tmp_path / "desk-one.sqlite3"
    with closing(open_database(path)) as conn:
        away = CatalogStore(conn)
        away.replace_all([_product("night", "서울 야경 투어")])
        _in_step(TeamCatalog(relayed_team), away, MINJI)
        relay.cut()
        away.upsert_product("palace", "경복궁 투어")  # made while the team is away
        mark_edited(away, PRODUCTION)
        with pytest.raises(TeamJournalOffline):
            _in_step(TeamCatalog(relayed_team), away, MINJI)
    with closing(open_database(":memory:")) as other:  # another desk publishes meanwhile
        junho = CatalogStore(other)
        _in_step(TeamCatalog(team), junho, JUNHO)
        junho.upsert_product("river", "한강 유람선")
        mark_edited(junho, PRODUCTION)
        assert _in_step(TeamCatalog(team), junho, JUNHO).revision == 2
    relay.restore()
    with closing(open_database(path)) as conn:  # the desk started again
        back = CatalogStore(conn)
        mirror = back.team_mirror()
        assert mirror is not None
        assert (mirror.revision, mirror.unpublished) == (1, True)
        result = _in_step(TeamCatalog(relayed_team), back, MINJI)
        assert _codes(back) == ["night", "palace", "river"]  # ours kept, theirs merged in
        assert (result.revision, result.replaced, result.conflicts) == (3, True, ())
        mirror = back.team_mirror()
        assert mirror is not None
        assert (mirror.revision, mirror.unpublished) == (3, False)
    shared = TeamCatalog(team).read(PRODUCTION)
    assert shared is not None
    assert sorted(p.product_code for p in shared.products) == ["night", "palace", "river"]


def test_both_desks_changed_one_product_ours_is_kept_and_named(
    team: OrderJournal, desk_one: CatalogStore, desk_two: CatalogStore
) -> None:
    shared = TeamCatalog(team)
    desk_one.replace_all([_product("night", "서울 야경 투어"), _product("palace", "경복궁")])
    _in_step(shared, desk_one, MINJI)
    _in_step(shared, desk_two, JUNHO)
    desk_one.save_product(_product("night", "서울 야경 투어", "50000"))
    mark_edited(desk_one, PRODUCTION)  # not published yet (say the server was away)
    desk_two.save_product(_product("night", "서울 야경 투어", "39000"))
    desk_two.delete_product("palace")
    mark_edited(desk_two, PRODUCTION)
    _in_step(shared, desk_two, JUNHO)
    result = _in_step(shared, desk_one, MINJI)
    assert result.conflicts == ("night",)
    assert (result.by_operator, result.by_desk) == ("준호", "desk-2")
    night = desk_one.get_option("dc-night")
    assert night is not None
    assert night.unit_price == Decimal("50000")  # this desk's own, kept
    assert _codes(desk_one) == ["night"]  # the other desk's removal taken
    read = shared.read(PRODUCTION)
    assert read is not None
    assert read.products == desk_one.list_products()
    assert _in_step(shared, desk_two, JUNHO).replaced  # and it reaches the other desk


def test_a_pull_with_nothing_unpublished_takes_the_teams(
    team: OrderJournal, desk_one: CatalogStore, desk_two: CatalogStore
) -> None:
    shared = TeamCatalog(team)
    desk_one.replace_all([_product("night", "서울 야경 투어")])
    _in_step(shared, desk_one, MINJI)
    _in_step(shared, desk_two, JUNHO)
    desk_two.delete_product("night")
    mark_edited(desk_two, PRODUCTION)
    _in_step(shared, desk_two, JUNHO)
    result = _in_step(shared, desk_one, MINJI)
    assert (result.replaced, result.conflicts) == (True, ())
    assert desk_one.is_empty()


def test_a_merge_that_would_share_an_option_code_keeps_ours_and_names_the_rest() -> None:
    base = [_product("night", "서울 야경 투어")]
    ours = [*base, CatalogProduct("palace", "경복궁", (_product("x", "x").options[0],))]
    theirs = [*base, CatalogProduct("river", "한강", (_product("x", "x").options[0],))]
    merged, conflicts = merge_catalogs(base, ours, theirs)
    assert merged == ours
    assert conflicts == ("palace", "river")


def test_a_change_left_unmarked_is_still_never_overwritten(
    team: OrderJournal, desk_one: CatalogStore, desk_two: CatalogStore
) -> None:
    """axdesk quit between an edit and its mark (or the edit raced a pull): the copy
    differs from the revision it says it matches, so it is published, not replaced."""
    shared = TeamCatalog(team)
    desk_one.replace_all([_product("night", "서울 야경 투어")])
    _in_step(shared, desk_one, MINJI)
    _in_step(shared, desk_two, JUNHO)
    desk_two.upsert_product("river", "한강 유람선")
    mark_edited(desk_two, PRODUCTION)
    _in_step(shared, desk_two, JUNHO)
    desk_one.upsert_product("palace", "경복궁 투어")  # no mark
    result = _in_step(shared, desk_one, MINJI)
    assert _codes(desk_one) == ["night", "palace", "river"]
    assert result.revision == 3
    assert _in_step(shared, desk_one, MINJI) == SyncResult(3, replaced=False)  # at rest
