"""Why the team journal is offline, in one sentence: :class:`TeamJournalCause`.

The journal's pool only times out when it cannot connect, so a desk started
with a refused password or a certificate it does not trust would only say
"Team journal offline", and just File > Journal… > Test named the cause. This
object follows ``TeamJournalFeed.online_changed``: while the team journal
cannot be heard it asks the store why (``axdesk.store.journal_probe.offline_cause``:
one connection retraced, the server's SQLSTATE and the TLS verdict read, not
its words) on the worker, never on the GUI thread, at once and again every
:data:`RECHECK_MS` (a server that came back with another password, say), and
hands the sentence to the badge and the Orders tab's banner. Once the desk is
back the cause is forgotten. On this computer's journal it does nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from axdesk.store.journal_base import JournalBase
from axdesk.store.journal_probe import offline_cause
from axdesk.store.problems import Problem
from axdesk.ui.common.team_feed import TeamJournalFeed
from axdesk.ui.common.worker import Worker

RECHECK_MS = 30_000


class TeamJournalCause(QObject):
    """The cause of the team journal being offline (see the module docstring).

    Signals:
        changed(object): the cause, a :class:`~axdesk.store.problems.Problem`, or None
            (not known, or the desk is back).
    """

    changed = Signal(object)

    def __init__(
        self,
        worker: Worker,
        journal: JournalBase,
        feed: TeamJournalFeed,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._journal = journal
        self._asking = False
        self._offline = False
        self.cause: Problem | None = None
        """The last cause found while offline (None: not known, or online)."""
        self._timer = QTimer(self)
        self._timer.setInterval(RECHECK_MS)
        self._timer.timeout.connect(self._ask)
        if feed.is_team:
            feed.online_changed.connect(self._online_changed)

    def _online_changed(self, online: bool) -> None:
        self._offline = not online
        if online:
            self._timer.stop()
            self._set(None)
            return
        self._timer.start()
        self._ask()

    def _ask(self) -> None:
        if self._asking or not self._offline:
            return
        self._asking = True
        journal = self._journal
        self._worker.call(lambda: offline_cause(journal)).on_success(self._found).on_error(
            self._not_found
        ).start()

    def _found(self, cause: Problem | None) -> None:
        self._asking = False
        if self._offline:
            self._set(cause)

    def _not_found(self, _error: BaseException) -> None:
        self._asking = False

    def _set(self, cause: Problem | None) -> None:
        if cause != self.cause:
            self.cause = cause
            self.changed.emit(cause)
