"""Saving the settings off the GUI thread.

:class:`~axdesk.store.settings.Settings` writes its file atomically and syncs
it to disk, which can take a noticeable time on a slow or busy disk; the GUI
thread must never wait on that. The UI therefore opens the settings with
``autosave`` off and lets a :class:`SettingsSaver` write them: every change
(re)starts a short timer, and when it fires one save runs through the worker.
A burst of changes (a profile and the last profile, say) costs one write.

At exit :meth:`SettingsSaver.flush` writes what is still pending once, on the
calling thread, after the worker has stopped (a short wait is acceptable
while quitting, and nothing is lost).
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, QTimer, Signal

from axdesk.store.settings import Settings, SettingsError
from axdesk.ui.common.store_text import error_text
from axdesk.ui.common.worker import Worker

log = logging.getLogger(__name__)

SAVE_DELAY_MS = 300


class SettingsSaver(QObject):
    """Writes ``settings`` through ``worker`` a moment after they change.

    Install with :meth:`attach` (sets the settings' ``on_change`` hook). A change
    may come from any thread: the hook only emits a signal, and Qt queues it to
    the saver's thread.

    Signals:
        failed(object): a save failed; the sentence (a ``str``, worded in the
            operator's language and said again after a switch) says why (the values
            stay in memory and the next change tries again).
        saved(): a save finished (for tests and the status bar).
    """

    failed = Signal(object)
    saved = Signal()
    _changed = Signal()

    def __init__(
        self,
        settings: Settings,
        worker: Worker,
        parent: QObject | None = None,
        *,
        delay_ms: int = SAVE_DELAY_MS,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._worker = worker
        self._pending = False
        self._pending_lock = threading.Lock()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._save_in_background)
        self._changed.connect(self._schedule)

    def attach(self) -> None:
        """Be told of every change of the settings from now on."""
        self._settings.on_change = self._changed.emit

    @property
    def pending(self) -> bool:
        """True while a change has not been written yet."""
        with self._pending_lock:
            return self._pending

    def _schedule(self) -> None:
        with self._pending_lock:
            self._pending = True
        self._timer.start()

    def _save_in_background(self) -> None:
        call = self._worker.call(self._save)
        call.on_success(lambda _: self.saved.emit()).on_error(self._report).start()

    def _save(self) -> None:
        with self._pending_lock:
            self._pending = False
        try:
            self._settings.save()
        except BaseException:
            with self._pending_lock:
                self._pending = True  # still unwritten: flush at exit tries again
            raise

    def _report(self, error: BaseException) -> None:
        if isinstance(error, SettingsError):
            log.warning("%s", error)
            self.failed.emit(error_text(error))
        else:
            log.error("Saving the settings failed unexpectedly", exc_info=error)

    def flush(self) -> None:
        """Write a pending change now, on this thread (at exit, after the worker stopped)."""
        self._timer.stop()
        if not self.pending:
            return
        try:
            self._save()
        except SettingsError as error:
            log.warning("The settings could not be saved at exit: %s", error)
