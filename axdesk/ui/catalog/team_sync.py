"""The team catalog kept in step with this desk's copy: :class:`TeamCatalogSync`.

On a team journal the catalog is the agency's, one per AX server
(``axdesk.store.team_catalog``); the screens keep reading this computer's
copy, so they never wait on the network and work while the team server is
away. This object, on the GUI thread, starts the worker calls that keep the
two in step:

- a pull when a connection profile is put in use (its AX server's catalog),
  when another desk publishes (the ``#catalog`` notice arriving as
  ``AppEvents.journal_changed``) and after the team server came back (``*``);
  a pull that replaced this desk's copy announces ``catalog_changed`` so the
  tabs read it again;
- a publication after every change made here (``catalog_changed`` from the
  catalog dialog, an import, …).

Pulls and publications run one at a time (a lock on the worker), and a pull
never replaces a copy with a publication still waiting, so an edit made here
is not lost to an older team catalog. On this computer's journal, and in
practice mode, it does nothing. Failures (the team server away) are logged
only: the status bar says "Team journal offline", and the next notice or
connection tries again.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject

from axdesk.store.journal_activity import Actor
from axdesk.store.pg_listen import ALL_ORDERS, CATALOG_NOTICE
from axdesk.store.team_catalog import (
    PullResult,
    TeamCatalog,
    is_shared,
    publish_catalog,
    pull_catalog,
)
from axdesk.ui.common.context import AppContext

log = logging.getLogger(__name__)


class TeamCatalogSync(QObject):
    """Keeps the team catalog and this desk's copy in step (see the module docstring)."""

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._lock = threading.Lock()
        self._revision: int | None = None
        self._base_url: str | None = None
        self._applying = False
        self._waiting_publications = 0
        self.active = not ctx.sandbox_mode and is_shared(ctx.journal)
        if not self.active:
            return
        ctx.connection.changed.connect(self._connection_changed)
        ctx.events.journal_changed.connect(self._journal_changed)
        ctx.events.catalog_changed.connect(self._catalog_changed)
        self._connection_changed()

    @property
    def revision(self) -> int | None:
        """The team catalog's revision this desk's copy matches (None: none yet)."""
        return self._revision

    def pull(self) -> None:
        """Bring this desk's copy to the team catalog of the AX server in use (on the worker)."""
        base_url = self._base_url
        if base_url is None:
            return
        team, local, actor, known = self._team(), self._ctx.catalog, self._actor(), self._revision

        def pull() -> PullResult | None:
            with self._lock:
                if self._waiting_publications:
                    return None  # this desk's edit goes first; its notice brings a pull
                return pull_catalog(team, local, base_url, known, actor)

        self._ctx.worker.call(pull).on_success(
            lambda result: self._pulled(base_url, result)
        ).on_error(self._failed).start()

    def publish(self) -> None:
        """Make this desk's copy the team catalog of the AX server in use (on the worker)."""
        base_url = self._base_url
        if base_url is None:
            return
        team, local, actor = self._team(), self._ctx.catalog, self._actor()
        self._waiting_publications += 1

        def publish() -> int:
            with self._lock:
                return publish_catalog(team, local, base_url, actor)

        self._ctx.worker.call(publish).on_success(
            lambda revision: self._published(base_url, revision)
        ).on_error(self._publication_failed).start()

    # -- internals -------------------------------------------------------------------

    def _team(self) -> TeamCatalog:
        return TeamCatalog(self._ctx.journal)

    def _actor(self) -> Actor:
        return Actor(self._ctx.journal.actor.operator, self._ctx.journal.actor.desk)

    def _connection_changed(self) -> None:
        profile = self._ctx.connection.profile
        base_url = profile.base_url if profile is not None else None
        if base_url != self._base_url:
            self._base_url = base_url
            self._revision = None
        self.pull()

    def _journal_changed(self, codes: list[str]) -> None:
        if CATALOG_NOTICE in codes or ALL_ORDERS in codes:
            self.pull()

    def _catalog_changed(self) -> None:
        if not self._applying:
            self.publish()

    def _pulled(self, base_url: str, result: PullResult | None) -> None:
        if result is None or base_url != self._base_url:
            return
        self._revision = result.revision
        if result.replaced:
            self._applying = True  # the tabs read it again; this is no edit to publish
            try:
                self._ctx.events.catalog_changed.emit()
            finally:
                self._applying = False

    def _published(self, base_url: str, revision: int) -> None:
        self._waiting_publications -= 1
        if base_url == self._base_url:
            self._revision = revision

    def _publication_failed(self, error: BaseException) -> None:
        self._waiting_publications -= 1
        self._failed(error)

    def _failed(self, error: BaseException) -> None:
        log.warning("The team catalog could not be brought in step: %s", error)
