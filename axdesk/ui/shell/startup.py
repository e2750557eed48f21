"""Start-up in steps, so that the window is on screen before the slow parts run.

``axdesk`` shows its frame first: the tab titles over empty pages, a status line
and the saved size, built from the settings and the translations with what a bare
PySide6 window imports (no database, worker, menus or tabs: see
:mod:`axdesk.ui.shell.main_window`). After the frame's first paint, :class:`StartUp`
opens the shell (the database, the worker, the call log) and attaches it to the
window (menus, notice bar, status bar), builds the tabs on the next turn, then, in
practice mode, starts the AX sandbox on the worker (the status bar says "Starting
the practice AX…" meanwhile) and connects to it, or, in normal mode, connects with
the last used profile. Last, it freezes the start-up objects out of the garbage
collector's walks (:func:`tune_garbage_collector`).

The tabs are built before the sandbox starts, not beside it: both import a lot
of Python (pydantic, the models), and two threads importing the same modules can
meet a module half made by the other; the GIL would run them one at a time anyway.

:func:`first_paint_report` is the probe the start-up benchmark and the start-up
tests read (``AXDESK_STARTUP_PROBE``): one JSON line per step, with the time and
the process's CPU time and, at the first paint, the modules imported until then.
"""

from __future__ import annotations

import gc
import json
import logging
import os
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from axdesk.ui.common.placeholders import fill_args

if TYPE_CHECKING:
    from axdesk.ui.shell.bootstrap import Shell
    from axdesk.ui.shell.main_window import MainWindow

log = logging.getLogger(__name__)

PROBE_VARIABLE = "AXDESK_STARTUP_PROBE"
"""Names a file to which each start-up step appends a JSON line (benchmarks, tests)."""


def starting_practice_sentence() -> str:
    return QCoreApplication.translate("Startup", "Starting the practice AX…")


def practice_failed_sentence(reason: str) -> str:
    return fill_args(
        QCoreApplication.translate("Startup", "The practice sandbox could not start: %1"), reason
    )


class FirstPaint(QObject):
    """Tells once when ``widget`` has been painted for the first time.

    The paint event is seen before the widget paints; ``painted`` is emitted from
    the event loop's next turn, when the frame is drawn and handed to the screen.

    Signals:
        painted(): the widget's first paint is done.
    """

    painted = Signal()

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self._widget = widget
        self._seen = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if not self._seen and watched is self._widget and event.type() == QEvent.Type.Paint:
            self._seen = True
            self._widget.removeEventFilter(self)
            QTimer.singleShot(0, self.painted.emit)
        return False


class StartUp(QObject):
    """The steps after the frame (built as ``StartUp(window, ...)``, one per window).

    ``open_shell``: for a frame without its shell (``MainWindow(settings=...)``), what
    opens it after the first paint, on the GUI thread; it returns None when the shell
    could not be opened (it has told the operator why), and start-up stops there.
    ``prepare``: what runs first on a thread of its own, so that the GUI thread never
    waits on the disk (``axdesk``: opening, creating and migrating the journal); its
    result, or the exception it raised, is given to ``open_shell``.

    Signals:
        step(str): a step is done: ``"first_paint"``, ``"shell"`` (when opened here),
            ``"tabs"``, ``"practice"``, ``"ready"``.
        finished(): every step is done (the practice sandbox answers, if asked for).
        failed(str): the practice sandbox could not start (a sentence, also shown
            in the window's message bar).
    """

    step = Signal(str)
    finished = Signal()
    failed = Signal(str)
    _prepared = Signal(object)  # prepare()'s result or exception, from its thread

    def __init__(
        self,
        window: MainWindow,
        *,
        practice: bool = False,
        sandbox_options: dict[str, Any] | None = None,
        connect_last_profile: bool = False,
        tune_collector: bool = False,
        open_shell: Callable[[Any], Shell | None] | None = None,
        prepare: Callable[[], Any] | None = None,
    ) -> None:
        super().__init__(window)
        self._open_shell = open_shell
        self._prepare = prepare
        self._prepared.connect(self._attach_prepared)  # queued: emitted by the thread
        self._window = window
        self._practice = practice
        self._sandbox_options = dict(sandbox_options or {})
        self._connect_last_profile = connect_last_profile
        self._tune_collector = tune_collector
        self.steps: list[str] = []
        self.failure: str | None = None
        self.is_finished = False
        probe = os.environ.get(PROBE_VARIABLE)
        if probe:
            self.step.connect(lambda name: first_paint_report(Path(probe), name))
        if practice:
            window.show_starting_note(starting_practice_sentence())

    def after_first_paint(self) -> None:
        """Run the steps once the window has painted (call before ``window.show()``)."""
        watcher = FirstPaint(self._window)
        watcher.painted.connect(self._painted)

    def run_now(self) -> None:
        """Run the steps without waiting for a paint (a window that is not shown yet);
        ``prepare`` runs on the calling thread."""
        prepared = _outcome(self._prepare) if self._needs_shell() else None
        if self._attach_shell(prepared):
            self._build_tabs()

    def _painted(self) -> None:
        self._done("first_paint")
        if not self._needs_shell():
            QTimer.singleShot(0, self._build_tabs)
        elif self._prepare is None:
            QTimer.singleShot(0, lambda: self._attach_prepared(None))
        else:
            prepare = self._prepare
            threading.Thread(
                target=lambda: self._prepared.emit(_outcome(prepare)),
                name="axdesk-start-up",
                daemon=True,  # a journal that never opens must not hold the process at exit
            ).start()

    def _needs_shell(self) -> bool:
        return not self._window.is_attached

    def _attach_prepared(self, prepared: Any) -> None:
        if self._attach_shell(prepared):
            # A turn of its own: the menus and the status bar paint before the tabs are built.
            QTimer.singleShot(0, self._build_tabs)

    def _attach_shell(self, prepared: Any) -> bool:
        """Open the shell and attach it, if the window has none; False: start-up stops."""
        window = self._window
        if window.is_closing:
            return False
        if window.is_attached:
            return True
        if self._open_shell is None:
            raise RuntimeError("StartUp needs open_shell for a window without its shell")
        shell = self._open_shell(prepared)
        if shell is None or window.is_closing:
            if shell is not None:
                shell.close()
            return False
        window.attach(shell)
        if self._practice:
            window.show_starting_note(starting_practice_sentence())
        self._done("shell")
        return True

    def _build_tabs(self) -> None:
        if self._window.is_closing:
            return
        self._window.build_tabs()
        self._done("tabs")
        if self._practice:
            QTimer.singleShot(0, self._start_practice)
        else:
            if self._connect_last_profile:
                self._window.connect_last_profile()
            self._finish()

    def _start_practice(self) -> None:
        from axdesk.ui.shell.bootstrap import start_practice_server

        shell = self._window.shell
        options = self._sandbox_options
        shell.ctx.worker.call(lambda: start_practice_server(shell, **options)).on_success(
            self._practice_started
        ).on_error(self._practice_failed).start()

    def _practice_started(self, started: Any) -> None:
        if self._window.is_closing:
            return
        from axdesk.ui.shell.bootstrap import use_practice_server

        use_practice_server(self._window.shell, started)
        self._window.practice_started()
        self._window.status.show_note("", 0)
        self._done("practice")
        self._finish()

    def _practice_failed(self, error: BaseException) -> None:
        log.error("The AX sandbox could not start", exc_info=error)
        sentence = practice_failed_sentence(str(error))
        self.failure = sentence
        if not self._window.is_closing:
            self._window.status.show_note("", 0)
            self._window.show_problem(sentence)
        self.failed.emit(sentence)

    def _finish(self) -> None:
        if self._tune_collector:
            # After the last step, in a turn of its own: a full collection takes tens
            # of milliseconds, which the first paint and the tabs should not wait for.
            from axdesk.ui.shell.memory import tune_garbage_collector

            QTimer.singleShot(0, tune_garbage_collector)
        self.is_finished = True
        self._done("ready")
        self.finished.emit()

    def _done(self, name: str) -> None:
        self.steps.append(name)
        self.step.emit(name)


def _outcome(prepare: Callable[[], Any] | None) -> Any:
    """What ``prepare`` returned, or the exception it raised (given to ``open_shell``)."""
    if prepare is None:
        return None
    try:
        return prepare()
    except Exception as error:  # handed to the GUI thread, which tells the operator
        return error


def first_paint_report(
    path: Path, step: str, *, clock: Callable[[], float] = time.monotonic
) -> None:
    """Append one JSON line to ``path``: the step, the monotonic time, the process's CPU
    time (``cpu``, seconds since it started: the machine's load moves it less than the
    wall clock) and (at the first paint) the modules imported so far and the collector's
    counts."""
    entry: dict[str, Any] = {"step": step, "monotonic": clock(), "cpu": time.process_time()}
    if step == "first_paint":
        entry["modules"] = sorted(sys.modules)
        entry["gc_counts"] = list(gc.get_count())
    with path.open("a", encoding="utf-8") as out:
        out.write(json.dumps(entry) + "\n")
