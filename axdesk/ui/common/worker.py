"""The one place where work leaves the GUI thread.

Every network call (and any slow disk work) goes through :class:`Worker`::

    worker.call(lambda: client.get_inventory(code)) \\
        .on_success(self._show_inventory) \\
        .on_error(self._show_problem) \\
        .busy(self.refresh_button) \\
        .start()

The function runs on a thread of the worker's own ``QThreadPool``; its
result or exception comes back on the GUI thread through a queued signal.
``on_success``/``on_error``/``on_done`` are always called on the GUI thread,
and never after the call was cancelled or the worker shut down.

Errors without an ``on_error`` go to the worker's error handler, which sorts
them by kind (see :func:`describe_error`).

A call the operator is waiting for (a fetch they asked for) is marked with
``.operator()``: the worker announces it (``operator_call_started`` /
``operator_call_ended``), so the window can offer Cancel when it is slow
(:class:`axdesk.ui.shell.call_progress.CallProgress`); :meth:`Call.cancel_by_operator`
drops its answer, gives the caller its state back (``on_done``) and asks the
worker's cancel hooks to abort the request.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QWidget

from axdesk.api import AxError
from axdesk.store.team_errors import TeamJournalOffline
from axdesk.ui.common.error_text import ax_error_sentence
from axdesk.ui.common.live_text import live

log = logging.getLogger(__name__)

T = TypeVar("T")


class CallCancelled(Exception):  # a signal to stop, not a failure
    """Raised inside a background function that noticed it was cancelled.

    The worker drops it silently: a user cancel is not an error.
    """


def describe_error(error: BaseException) -> str | None:
    """Sort an error by kind and return the sentence to show, or None to show nothing.

    - a user cancel is ignored (None);
    - an ``AxError`` is shown as its own sentence (in the operator's language,
      see :func:`axdesk.ui.common.error_text.ax_error_sentence`);
    - anything else is a bug in axdesk: it is logged with its traceback and the
      user sees a calm generic sentence, never the traceback.

    The sentence is a :class:`~axdesk.ui.common.live_text.LiveText`: a widget showing
    it says it again after a live language switch.
    """
    if isinstance(error, CallCancelled):
        return None
    if not isinstance(error, AxError | TeamJournalOffline):
        log.error("Unexpected error in a background call", exc_info=error)
    return live(lambda: _error_sentence(error))


def _error_sentence(error: BaseException) -> str:
    if isinstance(error, AxError):
        return ax_error_sentence(error)
    if isinstance(error, TeamJournalOffline):
        return QCoreApplication.translate(
            "Worker",
            "The team journal cannot be reached, so nothing was sent or cancelled: every "
            "order and cancel is written to the journal first. axdesk reconnects by itself; "
            "try again in a moment.",
        )
    return QCoreApplication.translate(
        "Worker",
        "Something went wrong inside axdesk. Nothing was lost; the details are in "
        "the application log (Help > Show call log).",
    )


class _Relay(QObject):
    """One per worker, living on the GUI thread: pool threads emit, Qt queues the slots
    to the GUI thread.

    The call travels in the signal, so a :class:`Call` holds no QObject of its own: a
    QObject must not be destroyed by another thread than its own, and the last
    reference to a call may well be dropped on a pool thread.
    """

    succeeded = Signal(object, object)  # (call, result)
    failed = Signal(object, object)  # (call, error)


class _Runnable(QRunnable):
    def __init__(self, call: Call[Any], relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._call = call
        self._relay = relay

    def run(self) -> None:
        call = self._call
        function = call.function  # None once the call was cancelled (and finished)
        if call.cancelled or function is None:
            self._relay.failed.emit(call, CallCancelled())
            return
        call.thread_ident = threading.get_ident()
        call.worker.note_running(call, True)
        try:
            result = function()
        except BaseException as error:  # every error goes back to the GUI thread
            self._relay.failed.emit(call, error)
        else:
            self._relay.succeeded.emit(call, result)
        finally:
            call.thread_ident = None
            call.worker.note_running(call, False)


class Call(Generic[T]):
    """One background call, configured by chaining and launched by :meth:`start`."""

    def __init__(self, worker: Worker, function: Callable[[], T]) -> None:
        self.worker = worker
        self.function: Callable[[], T] | None = function
        self.name: str = getattr(function, "__qualname__", type(function).__name__)
        """The function's name, for the worker's report of calls still running."""
        self._on_success: Callable[[T], None] | None = None
        self._on_error: Callable[[BaseException], None] | None = None
        self._on_done: Callable[[], None] | None = None
        self._busy_widgets: list[QWidget] = []
        self._cancel_event = threading.Event()
        self.finished = False
        self.is_operator = False
        self.thread_ident: int | None = None
        """The pool thread running the function, while it runs (for per-call aborts)."""

    @property
    def cancelled(self) -> bool:
        return self._cancel_event.is_set()

    def operator(self) -> Call[T]:
        """Mark the call as one the operator is waiting for: when it is slow, the window
        offers to cancel it (see :meth:`cancel_by_operator`)."""
        self.is_operator = True
        return self

    def on_success(self, callback: Callable[[T], None]) -> Call[T]:
        self._on_success = callback
        return self

    def on_error(self, callback: Callable[[BaseException], None]) -> Call[T]:
        self._on_error = callback
        return self

    def on_done(self, callback: Callable[[], None]) -> Call[T]:
        """Called after success or error, and after :meth:`cancel_by_operator` (not after
        :meth:`cancel`), on the GUI thread."""
        self._on_done = callback
        return self

    def busy(self, *widgets: QWidget) -> Call[T]:
        """Show these controls as busy (disabled, wait cursor) while the call runs."""
        self._busy_widgets.extend(widgets)
        return self

    def start(self) -> Call[T]:
        for widget in self._busy_widgets:
            self.worker.mark_busy(widget)
        self.worker.launch(self)
        return self

    def cancel(self) -> None:
        """Forget the call: its callbacks will not run. A running HTTP request finishes
        (or times out) on its thread; its answer is dropped."""
        if self.finished:
            return
        self._cancel_event.set()
        self._finish()

    def cancel_by_operator(self) -> None:
        """The operator stopped waiting (Cancel): the answer is dropped (``on_success`` and
        ``on_error`` never run), ``on_done`` runs so the caller shows its state again, and
        the worker's cancel hooks are asked to abort the request in flight."""
        if self.finished:
            return
        on_done = self._on_done
        self.cancel()
        self.worker.abort_cancelled(self)
        if on_done is not None:
            on_done()

    def _deliver_success(self, result: object) -> None:
        if self.finished:
            return
        on_success, on_done = _live(self._on_success), _live(self._on_done)
        self._finish()
        if on_success is not None:
            on_success(result)
        if on_done is not None:
            on_done()

    def _deliver_error(self, error: object) -> None:
        if self.finished:
            return
        on_error, on_done = self._on_error, _live(self._on_done)
        self._finish()
        assert isinstance(error, BaseException)
        if isinstance(error, CallCancelled):
            return
        self.worker.call_failed.emit(error)
        if on_error is None:
            self.worker.report_error(error)
        elif (live_on_error := _live(on_error)) is not None:
            live_on_error(error)
        if on_done is not None:
            on_done()

    def _finish(self) -> None:
        """Runs on the GUI thread. Drops the callbacks and busy widgets here, so that the
        last reference to a widget they hold is never released by a pool thread."""
        self.finished = True
        for widget in self._busy_widgets:
            self.worker.mark_idle(widget)
        self._busy_widgets.clear()
        self._on_success = self._on_error = self._on_done = None
        # The function too: one that asks its own call whether it was cancelled is a
        # reference cycle while the call holds it, left (with all it holds) for the
        # collector.
        self.function = None
        self.worker.forget(self)


def _live(callback: Callable[..., None] | None) -> Callable[..., None] | None:
    """``callback``, or None when it is a method of a QObject already destroyed (its window
    closed while the call ran): the answer has nobody left to go to."""
    owner = getattr(callback, "__self__", None)
    if isinstance(owner, QObject) and not shiboken6.isValid(owner):
        return None
    return callback


class CallGroup:
    """The calls a dialog started, to cancel together when it closes (their answers
    would find no form). Finished calls are let go as new ones are added."""

    def __init__(self) -> None:
        self._calls: list[Call[Any]] = []

    def add(self, call: Call[T]) -> Call[T]:
        self._calls = [c for c in self._calls if not c.finished]
        self._calls.append(call)
        return call

    def cancel_all(self) -> None:
        for call in self._calls:
            call.cancel()
        self._calls.clear()


class Worker(QObject):
    """Runs calls on a private thread pool and delivers results on the GUI thread.

    Signals:
        error_reported(object): an error nobody handled, already sorted by kind and
            turned into a sentence for the user (a ``str``, in fact a
            :class:`~axdesk.ui.common.live_text.LiveText`; the main window shows it).
        busy_changed(bool): True when the first call starts, False when the last ends.
        operator_call_started(object): a :class:`Call` marked ``.operator()`` started.
        operator_call_ended(object): that call ended (answered, failed or cancelled).
        call_failed(object): a call ended with this error (before its callbacks run).
    """

    error_reported = Signal(object)
    busy_changed = Signal(bool)
    operator_call_started = Signal(object)
    operator_call_ended = Signal(object)
    call_failed = Signal(object)

    def __init__(self, parent: QObject | None = None, *, max_threads: int = 4) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._relay = _Relay(self)
        self._relay.succeeded.connect(self._on_succeeded, Qt.ConnectionType.QueuedConnection)
        self._relay.failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)
        self._active: set[Call[Any]] = set()
        self._busy_counts: dict[QWidget, int] = {}
        self._abort_hooks: list[Callable[[], None]] = []
        self._cancel_hooks: list[Callable[[Call[Any]], None]] = []
        self._running: set[Call[Any]] = set()  # functions under way on a pool thread
        self._running_lock = threading.Lock()
        self._closed = False

    def call(self, function: Callable[[], T]) -> Call[T]:
        """Prepare a background call; chain callbacks, then ``.start()``."""
        return Call(self, function)

    def add_abort_hook(self, hook: Callable[[], None]) -> None:
        """Register something that interrupts in-flight work on shutdown (e.g. closing
        an HTTP client makes its pending request fail at once)."""
        self._abort_hooks.append(hook)

    def add_cancel_hook(self, hook: Callable[[Call[Any]], None]) -> None:
        """Register something that aborts one call's request when the operator cancels it
        (:meth:`Call.cancel_by_operator`); it is handed the call, whose ``thread_ident``
        names the thread making the request."""
        self._cancel_hooks.append(hook)

    def abort_cancelled(self, call: Call[Any]) -> None:
        for hook in self._cancel_hooks:
            try:
                hook(call)
            except Exception:
                log.exception("A cancel hook failed")

    @property
    def active_count(self) -> int:
        return len(self._active)

    @property
    def running(self) -> tuple[Call[Any], ...]:
        """The calls whose function runs on a pool thread right now, cancelled or not
        (a cancelled call's function still runs to its end)."""
        with self._running_lock:
            return tuple(self._running)

    def note_running(self, call: Call[Any], running: bool) -> None:
        """Called by the pool thread around a call's function."""
        with self._running_lock:
            if running:
                self._running.add(call)
            else:
                self._running.discard(call)

    def launch(self, call: Call[Any]) -> None:
        if self._closed:
            call.cancel()
            return
        was_idle = not self._active
        self._active.add(call)
        if was_idle:
            self.busy_changed.emit(True)
        if call.is_operator:
            self.operator_call_started.emit(call)
        self._pool.start(_Runnable(call, self._relay))

    def _on_succeeded(self, call: Call[Any], result: object) -> None:
        call._deliver_success(result)

    def _on_failed(self, call: Call[Any], error: object) -> None:
        call._deliver_error(error)

    def forget(self, call: Call[Any]) -> None:
        if call in self._active:
            self._active.discard(call)
            if call.is_operator:
                self.operator_call_ended.emit(call)
            if not self._active:
                self.busy_changed.emit(False)

    def mark_busy(self, widget: QWidget) -> None:
        count = self._busy_counts.get(widget, 0)
        if count == 0:
            widget.setEnabled(False)
            widget.setCursor(Qt.CursorShape.BusyCursor)
        self._busy_counts[widget] = count + 1

    def mark_idle(self, widget: QWidget) -> None:
        """The call that made ``widget`` busy ended; a widget destroyed meanwhile (its dialog
        closed) is only forgotten, so a cancel or a shutdown never stops half-way."""
        count = self._busy_counts.get(widget, 0) - 1
        if count <= 0:
            self._busy_counts.pop(widget, None)
            if shiboken6.isValid(widget):
                widget.setEnabled(True)
                widget.unsetCursor()
        else:
            self._busy_counts[widget] = count

    def report_error(self, error: BaseException) -> None:
        sentence = describe_error(error)
        if sentence is not None:
            self.error_reported.emit(sentence)

    def shutdown(self, timeout_ms: int = 1000) -> bool:
        """Cancel every call, interrupt in-flight requests and wait for the threads.

        Returns True when every thread stopped within ``timeout_ms``.
        """
        self._closed = True
        for call in list(self._active):
            call.cancel()
        for hook in self._abort_hooks:
            try:
                hook()
            except Exception:
                log.exception("An abort hook failed during shutdown")
        self._pool.clear()
        stopped = bool(self._pool.waitForDone(timeout_ms))
        if not stopped:
            log.warning(
                "Still running %d ms after shutdown: %s",
                timeout_ms,
                ", ".join(c.name for c in self.running),
            )
        return stopped
