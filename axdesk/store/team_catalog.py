"""The agency's catalog on the team journal, one per AX server (connection profile).

On a team journal every desk selling through one AX server works from one
catalog: a product added at one desk is there to sell at the next. Each AX
server (the address of the connection profile, written as the journal writes
it: ``axdesk.store.endpoints.normalize_endpoint``) has its own, since the
codes of a test AX are not those of production. Drafts stay on each desk.

The screens never wait on the network, so every desk keeps working from its
own copy, the catalog tables of this computer's database
(``axdesk.store.catalog.CatalogStore``), and the team's copy is one row per AX
server (team schema v5): the catalog as its JSON document (the Catalog >
Export format, checked again when read, so a damaged row never reaches the
screens) and a revision. :func:`pull_catalog` brings this computer's copy to
the team's when the revision moved (or gives the team a first catalog from
this desk's, when it has none); :func:`publish_catalog` makes this desk's
copy the team's after an edit or an import. The newest publication wins: an
edit is the operator's latest intention, and the other desks take it at their
next pull. Who published it and when are kept beside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from axdesk.store.catalog import (
    CatalogProduct,
    CatalogStore,
    catalog_to_json_bytes,
    parse_catalog_json,
)
from axdesk.store.db import time_to_db, transaction
from axdesk.store.endpoints import normalize_endpoint
from axdesk.store.journal import OrderJournal
from axdesk.store.journal_activity import Actor
from axdesk.store.journal_base import utc_now


@dataclass(frozen=True)
class SharedCatalog:
    """The team's catalog for one AX server, as last published."""

    revision: int
    products: list[CatalogProduct]
    operator: str
    desk: str


@dataclass(frozen=True)
class PullResult:
    """Where this desk's copy stands after a pull: the team revision it now matches
    (None: the team has no catalog and this desk none to give), and whether the local
    copy was replaced (the screens read it again then)."""

    revision: int | None
    replaced: bool


def is_shared(journal: OrderJournal) -> bool:
    """True when ``journal`` is a team journal, where the catalog is shared."""
    return journal.backend == "postgresql"


class TeamCatalog:
    """The team's catalogs in the team journal ``journal`` (see the module docstring)."""

    def __init__(self, journal: OrderJournal) -> None:
        self._conn: Any = journal.connection

    def revision(self, base_url: str) -> int | None:
        """The revision of the AX server's catalog (None: no catalog yet); one small read."""
        row = self._conn.execute(
            "SELECT revision FROM team_catalog WHERE endpoint = ?", (normalize_endpoint(base_url),)
        ).fetchone()
        return None if row is None else int(row[0])

    def read(self, base_url: str) -> SharedCatalog | None:
        """The AX server's catalog, checked like an imported file (``CatalogImportError``)."""
        row = self._conn.execute(
            "SELECT revision, document, operator, desk FROM team_catalog WHERE endpoint = ?",
            (normalize_endpoint(base_url),),
        ).fetchone()
        if row is None:
            return None
        products = parse_catalog_json(str(row[1]).encode("utf-8"), source="the team catalog")
        return SharedCatalog(int(row[0]), products, str(row[2]), str(row[3]))

    def publish(self, base_url: str, products: list[CatalogProduct], actor: Actor) -> int:
        """Make ``products`` the AX server's catalog; returns its new revision."""
        document = catalog_to_json_bytes(products).decode("utf-8")
        at = time_to_db(utc_now())
        with transaction(self._conn):
            row = self._conn.execute(
                "INSERT INTO team_catalog (endpoint, revision, document, updated_at, operator,"
                " desk) VALUES (?, 1, ?, ?, ?, ?)"
                " ON CONFLICT (endpoint) DO UPDATE SET revision = team_catalog.revision + 1,"
                " document = excluded.document, updated_at = excluded.updated_at,"
                " operator = excluded.operator, desk = excluded.desk"
                " RETURNING revision",
                (normalize_endpoint(base_url), document, at, actor.operator, actor.desk),
            ).fetchone()
        return int(row[0])


def pull_catalog(
    team: TeamCatalog, local: CatalogStore, base_url: str, known: int | None, actor: Actor
) -> PullResult:
    """Bring this desk's catalog to the team's for ``base_url`` when its revision is not
    ``known``; a team without one gets this desk's (when it has one). Blocks on the
    network: call it on a worker."""
    revision = team.revision(base_url)
    if revision is None:
        if local.is_empty():
            return PullResult(None, replaced=False)
        return PullResult(team.publish(base_url, local.list_products(), actor), replaced=False)
    if revision == known:
        return PullResult(revision, replaced=False)
    shared = team.read(base_url)
    if shared is None:  # withdrawn between the two reads
        return PullResult(None, replaced=False)
    local.replace_all(shared.products)
    return PullResult(shared.revision, replaced=True)


def publish_catalog(team: TeamCatalog, local: CatalogStore, base_url: str, actor: Actor) -> int:
    """Make this desk's catalog the team's for ``base_url`` (after an edit or an import)."""
    return team.publish(base_url, local.list_products(), actor)
