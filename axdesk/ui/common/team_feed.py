"""The other desks' changes, brought to the GUI thread: :class:`TeamJournalFeed`.

``axdesk.store.pg_listen.JournalListener`` hears the team journal's change
notices on a thread of its own; this object only queues what it hears
in a thread-safe queue, making no Qt call off the GUI thread, and a GUI-thread timer
passes each batch on as ``AppEvents.journal_changed``, which the Orders tab
follows by reading the journal again (on the worker, as always). On this
computer's journal there is nobody else, and the feed does nothing.
"""

from __future__ import annotations

import queue

from PySide6.QtCore import QObject, QTimer, Signal

from axdesk.store.journal_base import JournalBase
from axdesk.store.pg_listen import JournalListener, journal_listener
from axdesk.ui.common.context import AppEvents

DRAIN_INTERVAL_MS = 100


class TeamJournalFeed(QObject):
    """Hands the team journal's change notices to ``events`` (see the module docstring).

    Signals:
        online_changed(bool): whether the notices can be heard (the server is reachable).
    """

    online_changed = Signal(bool)

    def __init__(self, journal: JournalBase, events: AppEvents, parent: QObject | None = None):
        super().__init__(parent)
        self._events = events
        self._codes: queue.SimpleQueue[frozenset[str]] = queue.SimpleQueue()
        self._online: queue.SimpleQueue[bool] = queue.SimpleQueue()
        self._listener: JournalListener | None = journal_listener(
            journal, self._codes.put, self._online.put
        )
        self._timer = QTimer(self)
        self._timer.setInterval(DRAIN_INTERVAL_MS)
        self._timer.timeout.connect(self._drain)
        self.online: bool | None = None
        """Whether the notices can be heard now (None: not known yet, or not a team journal)."""

    @property
    def is_team(self) -> bool:
        return self._listener is not None

    def start(self) -> None:
        if self._listener is not None:
            self._listener.start()
            self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        if self._listener is not None:
            self._listener.stop()

    def _drain(self) -> None:
        codes: set[str] = set()
        while True:
            try:
                codes.update(self._codes.get_nowait())
            except queue.Empty:
                break
        while True:
            try:
                self.online = self._online.get_nowait()
                self.online_changed.emit(self.online)
            except queue.Empty:
                break
        if codes:
            self._events.journal_changed.emit(sorted(codes))
