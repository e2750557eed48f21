"""Telling the GUI of finished calls a few times a second, not once per call.

Every HTTP exchange used to emit ``Connection.call_finished`` across threads,
one queued event per request; the status bar only needs the latest answer.
:class:`CallRelay` keeps the latest record and hands it over coalesced.
"""

from __future__ import annotations

import contextlib
import threading

from PySide6.QtCore import QObject, QTimer, Signal

from axdesk.ui.common.context import LINK_PROBLEMS, Connection


def _is_proper_answer(record: object) -> bool:
    """What ``Connection`` counts for ``last_success``: AX answered, and not with a link problem."""
    error = str(getattr(record, "error", None) or "")
    return getattr(record, "status", None) is not None and not error.startswith(LINK_PROBLEMS)


class CallRelay(QObject):
    """Emits ``connection.call_finished`` for finished calls, coalesced, a few times a second.

    :meth:`offer` may be called from any thread; it emits across threads only
    when nothing is waiting to be delivered. Each delivery, on the GUI thread,
    emits the latest record (preceded by the latest proper answer when a
    failure came after it, so ``last_success`` misses none), then waits
    ``INTERVAL_MS`` before delivering again.
    """

    INTERVAL_MS = 250
    _wake = Signal()

    def __init__(self, connection: Connection) -> None:
        super().__init__(connection)
        self._connection = connection
        self._lock = threading.Lock()
        self._latest: object | None = None
        self._latest_proper: object | None = None
        self._scheduled = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.INTERVAL_MS)
        self._timer.timeout.connect(self._deliver)
        self._wake.connect(self._deliver)

    @classmethod
    def of(cls, connection: Connection) -> CallRelay:
        """The connection's relay, made on first use (call on the GUI thread)."""
        found = connection.findChild(cls)
        return found if isinstance(found, cls) else cls(connection)

    def offer(self, record: object) -> None:
        with self._lock:
            self._latest = record
            if _is_proper_answer(record):
                self._latest_proper = record
            if self._scheduled:
                return
            self._scheduled = True
        with contextlib.suppress(RuntimeError):  # the window (and connection) already gone
            self._wake.emit()

    def _deliver(self) -> None:
        with self._lock:
            latest, proper = self._latest, self._latest_proper
            self._latest = self._latest_proper = None
            if latest is None:
                self._scheduled = False
                return
        if proper is not None and proper is not latest:
            self._connection.call_finished.emit(proper)
        self._connection.call_finished.emit(latest)
        self._timer.start()
