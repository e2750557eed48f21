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

Every pull, edit and reconnect runs one
``axdesk.store.team_catalog.sync_catalog`` on the worker, one at a time (a
lock): an edit made here is first marked on this computer's disk, so it
survives the team server being away and a restart of the desk; it is
published as soon as the server answers again (the reconnect's ``*`` notice,
the next start or connection), and no pull replaces it meanwhile. When
another desk changed the same products while this edit waited, this desk's
version is kept and the operator is told in one sentence (``notice``). On
this computer's journal, and in practice mode, it does nothing. Failures (the
team server away) are logged only: the status bar says "Team journal
offline", and the reconnect tries again.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, Signal

from axdesk.store.journal_activity import Actor
from axdesk.store.pg_listen import ALL_ORDERS, CATALOG_NOTICE
from axdesk.store.problems import Problem
from axdesk.store.team_catalog import (
    SyncResult,
    TeamCatalog,
    is_shared,
    mark_edited,
    sync_catalog,
)
from axdesk.ui.common.context import AppContext

log = logging.getLogger(__name__)


class TeamCatalogSync(QObject):
    """Keeps the team catalog and this desk's copy in step (see the module docstring).

    Signals:
        notice(object): a :class:`~axdesk.store.problems.Problem` for the operator (this
            desk's version of products another desk also changed was kept).
    """

    notice = Signal(object)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._lock = threading.Lock()
        self._revision: int | None = None
        self._base_url: str | None = None
        self._applying = False
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
        """Bring this desk's copy and the team catalog of the AX server in use in step (an
        edit not yet published goes first), on the worker."""
        self._sync(edited=False)

    def publish(self) -> None:
        """This desk's copy was edited: mark it, then publish it (on the worker)."""
        self._sync(edited=True)

    # -- internals -------------------------------------------------------------------

    def _sync(self, *, edited: bool) -> None:
        base_url = self._base_url
        if base_url is None and not edited:
            return
        team, local, actor = TeamCatalog(self._ctx.journal), self._ctx.catalog, self._actor()

        def sync() -> SyncResult | None:
            with self._lock:
                if edited:
                    mark_edited(local, base_url)  # on disk before the network is tried
                if base_url is None:
                    return None  # published once an AX server is in use
                return sync_catalog(team, local, base_url, actor)

        self._ctx.worker.call(sync).on_success(
            lambda result: self._synced(base_url, result)
        ).on_error(self._failed).start()

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

    def _synced(self, base_url: str | None, result: SyncResult | None) -> None:
        if result is None or base_url != self._base_url:
            return
        self._revision = result.revision
        if result.replaced:
            self._applying = True  # the tabs read it again; this is no edit to publish
            try:
                self._ctx.events.catalog_changed.emit()
            finally:
                self._applying = False
        sentence: Problem | None = result.notice()
        if sentence is not None:
            self.notice.emit(sentence)

    def _failed(self, error: BaseException) -> None:
        log.warning("The team catalog could not be brought in step: %s", error)
