"""What goes wrong unexpectedly is written into ``axdesk.log``, and said in one calm sentence.

- An exception nobody caught (a slot that raised, a thread that died) goes to
  ``sys.excepthook`` / ``threading.excepthook``: its traceback is logged, and the
  operator is told once per minute at most, in one sentence naming the log file,
  that work can go on (the journal keeps every order).
- A hard crash of the interpreter (a segmentation fault in a library) is written
  by :mod:`faulthandler` into the same file, with every thread's stack.
- Qt's own warnings go to the log through a message handler instead of stderr.
"""

from __future__ import annotations

import faulthandler
import logging
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QCoreApplication, QMessageLogContext, QtMsgType, qInstallMessageHandler

from axdesk.store.files import PrivateRotatingFileHandler
from axdesk.ui.common.placeholders import fill_args

log = logging.getLogger("axdesk.crash")
qt_log = logging.getLogger("qt")

QUIET_SECONDS = 60.0  # one sentence per minute at most, however many exceptions follow

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


class CrashLogFile(PrivateRotatingFileHandler):
    """The app log's handler; :mod:`faulthandler` writes into its current file, also after
    a rotation (it keeps a file descriptor, which a rotation would leave on the old file)."""

    def follow_with_faulthandler(self) -> None:
        if self.stream is None:
            self.stream = self._open()
        faulthandler.enable(file=self.stream, all_threads=True)

    def doRollover(self) -> None:  # logging override
        super().doRollover()
        if faulthandler.is_enabled():
            self.follow_with_faulthandler()


def unexpected_sentence(log_path: Path) -> str:
    return fill_args(
        QCoreApplication.translate(
            "CrashLog",
            "Something unexpected went wrong inside axdesk. Your orders are safe and you can "
            "go on working; the details are in %1 (please send that file to your support).",
        ),
        str(log_path),
    )


class CrashReporter:
    """Logs exceptions nobody caught and tells the operator through ``tell``."""

    def __init__(
        self,
        log_path: Path,
        tell: Callable[[str], None] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.log_path = log_path
        self.tell = tell
        self._clock = clock
        self._last_told: float | None = None
        self._previous: tuple[Any, Any] | None = None

    def install(self) -> CrashReporter:
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook
        qInstallMessageHandler(qt_message_handler)
        return self

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = None
        qInstallMessageHandler(None)

    def excepthook(
        self,
        kind: type[BaseException],
        error: BaseException,
        traceback: TracebackType | None,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            return
        log.critical("An exception nobody caught", exc_info=(kind, error, traceback))
        self._tell_once()

    def thread_excepthook(self, hook: threading.ExceptHookArgs) -> None:
        if hook.exc_value is None or issubclass(hook.exc_type, SystemExit):
            return
        name = hook.thread.name if hook.thread is not None else "?"
        log.critical(
            "An exception nobody caught in thread %s",
            name,
            exc_info=(hook.exc_type, hook.exc_value, hook.exc_traceback),
        )
        # Told from the GUI thread's next excepthook or not at all: a widget is not to be
        # touched from here; the log has it.

    def _tell_once(self) -> None:
        now = self._clock()
        if self._last_told is not None and now - self._last_told < QUIET_SECONDS:
            return
        self._last_told = now
        sentence = unexpected_sentence(self.log_path)
        if self.tell is None:
            print(sentence, file=sys.stderr)
            return
        try:
            self.tell(sentence)
        except Exception:  # the window is half gone: the log has the first error
            log.exception("The operator could not be told about an unexpected error")


def qt_message_handler(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    """Qt's warnings into the app log (stderr shows warnings through the console handler)."""
    qt_log.log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)
