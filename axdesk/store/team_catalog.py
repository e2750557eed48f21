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
screens) and a revision. :func:`sync_catalog` brings this computer's copy to
the team's when the revision moved (or gives the team a first catalog from
this desk's, when it has none), and makes this desk's copy the team's after an
edit or an import (:func:`mark_edited`). The newest publication wins: an
edit is the operator's latest intention, and the other desks take it at their
next pull. Who published it and when are kept beside it.

An edit made here is never lost to the team server being away, nor to another
desk's publication (:func:`sync_catalog`, which the desk runs for every pull,
edit and reconnect). :func:`mark_edited` records on this computer's disk
(``CatalogStore.team_mirror``, local schema v8) that the copy holds an edit the
team has not got, with the team revision and document it was based on; the
mark survives a restart and is only cleared once the team has the edit. While
it is set no pull replaces the copy: the edit is published first. A
publication only lands on the revision it was based on (compare-and-set), so
one desk never overwrites what another published meanwhile unseen. When the
team moved on meanwhile, both changed, and the two are merged product by
product (the catalog is a set of products keyed by code, each whole: its name
and options), against the base both started from: a product changed on one
side only takes that side's version (a removal included), so both desks' work
is kept. A product both changed differently keeps this desk's version, the
operator's latest intention being published now, and the result names those
products and who published the other version (:data:`KEPT_OURS`), so the
operator can look at them again; nothing else is decided silently.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from axdesk.store.catalog import (
    CatalogError,
    CatalogProduct,
    CatalogStore,
    TeamMirror,
    catalog_to_json_bytes,
    parse_catalog_json,
)
from axdesk.store.db import time_to_db, transaction
from axdesk.store.endpoints import normalize_endpoint
from axdesk.store.journal import OrderJournal
from axdesk.store.journal_activity import Actor
from axdesk.store.journal_base import utc_now
from axdesk.store.problems import Problem
from axdesk.store.problems import template as _t

KEPT_OURS = _t(
    "While this desk's catalog changes waited for the team journal, %1 (%2) also changed "
    "%3: this desk's version was kept and shared; check it."
)
"""Told to the operator when both desks changed the same products (see the module docstring)."""

_PUBLISH_ATTEMPTS = 5
"""Publications raced by other desks before giving up until the next sync (each retry
merges what the others published)."""


@dataclass(frozen=True)
class SharedCatalog:
    """The team's catalog for one AX server, as last published."""

    revision: int
    products: list[CatalogProduct]
    operator: str
    desk: str


@dataclass(frozen=True)
class SyncResult:
    """What :func:`sync_catalog` did: the team revision this desk's copy now matches (None:
    none yet), whether the copy was replaced (the screens read it again), and the products
    both desks changed, where this desk's version was kept (with who published the other)."""

    revision: int | None
    replaced: bool
    conflicts: tuple[str, ...] = ()
    by_operator: str = ""
    by_desk: str = ""

    def notice(self) -> Problem | None:
        """The sentence for the operator when products were changed at both desks."""
        if not self.conflicts:
            return None
        return Problem(KEPT_OURS, self.by_operator, self.by_desk, ", ".join(self.conflicts))


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

    def publish_over(
        self, base_url: str, products: list[CatalogProduct], actor: Actor, expected: int | None
    ) -> int | None:
        """Make ``products`` the AX server's catalog only if it is still at revision
        ``expected`` (None: it has none yet); its new revision, or None when another desk
        published meanwhile (nothing written then)."""
        document = catalog_to_json_bytes(products).decode("utf-8")
        endpoint, at = normalize_endpoint(base_url), time_to_db(utc_now())
        with transaction(self._conn):
            if expected is None:
                row = self._conn.execute(
                    "INSERT INTO team_catalog (endpoint, revision, document, updated_at,"
                    " operator, desk) VALUES (?, 1, ?, ?, ?, ?)"
                    " ON CONFLICT (endpoint) DO NOTHING RETURNING revision",
                    (endpoint, document, at, actor.operator, actor.desk),
                ).fetchone()
            else:
                row = self._conn.execute(
                    "UPDATE team_catalog SET revision = revision + 1, document = ?,"
                    " updated_at = ?, operator = ?, desk = ?"
                    " WHERE endpoint = ? AND revision = ? RETURNING revision",
                    (document, at, actor.operator, actor.desk, endpoint, expected),
                ).fetchone()
        return None if row is None else int(row[0])


def mark_edited(local: CatalogStore, base_url: str | None) -> None:
    """Record on this computer that its copy holds an edit for ``base_url``'s team catalog
    not yet published (kept until :func:`sync_catalog` has published it). With no AX
    server in use (None) the edit is for the one the copy mirrors, else for the first one
    the desk connects to."""
    mirror = local.team_mirror()
    endpoint = normalize_endpoint(base_url) if base_url else (mirror.endpoint if mirror else "")
    if mirror is not None and mirror.endpoint == endpoint:
        local.set_team_mirror(TeamMirror(endpoint, mirror.revision, mirror.base, True))
    elif mirror is not None and mirror.unpublished:
        return  # an edit still owed to the other AX server: it goes there first
    else:
        local.set_team_mirror(TeamMirror(endpoint, None, "", True))


def sync_catalog(team: TeamCatalog, local: CatalogStore, base_url: str, actor: Actor) -> SyncResult:
    """Bring this desk's copy and ``base_url``'s team catalog in step (see the module
    docstring): an unpublished edit is published first (merged with what the team
    published meanwhile), then the team's catalog is taken when it moved. Blocks on the
    network: call it on a worker. Raises ``TeamJournalOffline`` with the edit kept."""
    endpoint = normalize_endpoint(base_url)
    mirror = local.team_mirror()
    if mirror is not None and mirror.unpublished and not mirror.endpoint:
        mirror = TeamMirror(endpoint, None, "", True)  # edited before any AX server was used
    if mirror is not None and mirror.unpublished:
        published = _publish_edit(team, local, mirror, actor)
        if mirror.endpoint == endpoint or published is None:
            return published or SyncResult(mirror.revision, replaced=False)
        mirror = local.team_mirror()
    return _take_team(team, local, endpoint, mirror, actor)


def _document(products: list[CatalogProduct]) -> str:
    return catalog_to_json_bytes(products).decode("utf-8")


def _take_team(
    team: TeamCatalog,
    local: CatalogStore,
    endpoint: str,
    mirror: TeamMirror | None,
    actor: Actor,
) -> SyncResult:
    known = mirror.revision if mirror is not None and mirror.endpoint == endpoint else None
    if mirror is not None and known is not None and _edited_unmarked(local, mirror):
        edited = TeamMirror(endpoint, known, mirror.base, True)
        local.set_team_mirror(edited)
        return _publish_edit(team, local, edited, actor) or SyncResult(known, replaced=False)
    revision = team.revision(endpoint)
    if revision is None:
        if local.is_empty():
            return SyncResult(None, replaced=False)
        first = TeamMirror(endpoint, None, "", True)  # this desk's catalog is the team's first
        local.set_team_mirror(first)
        return _publish_edit(team, local, first, actor) or SyncResult(None, replaced=False)
    if revision == known:
        return SyncResult(revision, replaced=False)
    shared = team.read(endpoint)
    if shared is None:  # withdrawn between the two reads
        return SyncResult(None, replaced=False)
    local.set_team_mirror(
        TeamMirror(endpoint, shared.revision, _document(shared.products), False), shared.products
    )
    return SyncResult(shared.revision, replaced=True)


def _publish_edit(
    team: TeamCatalog, local: CatalogStore, mirror: TeamMirror, actor: Actor
) -> SyncResult | None:
    """Publish the copy's edit to its AX server, merged with what the team published since
    its base; None when other desks kept publishing first (the mark stays)."""
    replaced = False
    conflicts: tuple[str, ...] = ()
    by = ("", "")
    for _attempt in range(_PUBLISH_ATTEMPTS):
        ours = local.list_products()
        current = team.read(mirror.endpoint)
        if current is not None and current.revision != mirror.revision:  # both changed
            merged, clashed = merge_catalogs(_base_products(mirror), ours, current.products)
            mirror = TeamMirror(
                mirror.endpoint, current.revision, _document(current.products), True
            )
            changed = _by_code(merged) != _by_code(ours)
            # the merge and its new base in one transaction; the mark stays until published
            local.set_team_mirror(mirror, merged if changed else None)
            replaced = replaced or changed
            ours = merged
            if clashed:
                conflicts, by = clashed, (current.operator, current.desk)
        expected = None if current is None else current.revision
        revision = team.publish_over(mirror.endpoint, ours, actor, expected)
        if revision is not None:
            local.set_team_mirror(TeamMirror(mirror.endpoint, revision, _document(ours), False))
            return SyncResult(revision, replaced, conflicts, *by)
    return None


def _edited_unmarked(local: CatalogStore, mirror: TeamMirror) -> bool:
    """True when the copy differs from the team revision it says it matches although no
    edit was marked: changed while this pull ran, or axdesk quit between an edit and its
    mark. Treated as an edit, never replaced."""
    return bool(mirror.base) and _by_code(local.list_products()) != _by_code(_base_products(mirror))


def _by_code(products: list[CatalogProduct]) -> dict[str, CatalogProduct]:
    return {product.product_code: product for product in products}


def _base_products(mirror: TeamMirror) -> list[CatalogProduct]:
    """The team's catalog this copy was based on (empty: none, or one that no longer reads)."""
    if not mirror.base:
        return []
    try:
        return parse_catalog_json(mirror.base.encode("utf-8"), source="the team catalog")
    except CatalogError:
        return []


def merge_catalogs(
    base: list[CatalogProduct], ours: list[CatalogProduct], theirs: list[CatalogProduct]
) -> tuple[list[CatalogProduct], tuple[str, ...]]:
    """Three-way merge by product code (see the module docstring): the merged catalog and
    the codes both sides changed differently (this desk's version kept). A merge whose
    products would share an option code is not clean: then this desk's catalog stands,
    with every product the other side has otherwise named."""
    before, mine, other = _by_code(base), _by_code(ours), _by_code(theirs)
    merged: list[CatalogProduct] = []
    clashed: list[str] = []
    for code in dict.fromkeys([*mine, *other, *before]):
        was, kept, came = before.get(code), mine.get(code), other.get(code)
        if kept == came or came == was:
            chosen = kept
        elif kept == was:
            chosen = came
        else:
            chosen = kept
            clashed.append(code)
        if chosen is not None:
            merged.append(chosen)
    dc_codes = [option.dc_code for product in merged for option in product.options]
    if len(dc_codes) != len(set(dc_codes)):
        differing = sorted(code for code in {*mine, *other} if mine.get(code) != other.get(code))
        return list(ours), tuple(differing)
    return merged, tuple(sorted(clashed))
