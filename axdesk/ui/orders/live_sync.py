"""Live sync: keep every open AX order's status, and every unsettled cancel, in step with AX.

The AX pages ask channels to poll Get Confirm "as often as practical" so the
channel and AX agree on each order. :class:`OrderSync` runs on the GUI
thread and only *schedules*: a ``QTimer`` starts a cycle every
``poll_interval_seconds``; a cycle asks the journal (on the worker) which AX
orders are not final yet and which ticket cancels are unsettled, then sends
the same cancel again for each of those (first: AX answers a ticket it
already cancelled with the same result) and one Get Confirm per AX order,
at most ``max_in_flight`` at a time, over the connection's one keep-alive
client. Each of the ``max_in_flight`` *lanes* is one worker call that works
through a share of the queue (at most ``LANE_SIZE``) one request after the
other (:func:`axdesk.store.sync.work_through`), so the GUI thread is not
between one request and the next; a lane stops early when live sync stops
or pauses or another server comes into use, and what it did not send goes
back to the queue.

The answers are not written one by one: an
:class:`~axdesk.ui.orders.live_sync_batch.AnswerBatch` keeps them and writes
them together (one transaction, on the worker) when the cycle's last answer
is in, when ``flush_size`` answers wait, or ``flush_after`` seconds after the
first one waiting (so a long cycle at a slow AX still shows a supplier's
decision within seconds). Only then are the changes announced: what the
signals say is in the journal, and a cycle ends once its answers are written.

Why at most three in flight by default: the worker has four threads, and one
is left free so that a cancel or a lookup the operator asks for is never
queued behind the poller.

Backing off: a 429 pauses the whole poller for the server's ``Retry-After``
(or, when absent, the current back-off), never longer than ``max_backoff``
(AX may name any number, or a date years away); a 5xx or a network failure pauses it
for a back-off that doubles from ``min_backoff`` up to ``max_backoff`` and
returns to the start after the next success. The AX order that met the
error is asked again first when the pause ends. The client itself already
retries a GET a few times with short waits; the poller's pause is what
happens when AX keeps refusing.

Final states (confirm, reject, either cancel) are not polled again: the
journal lists only AX orders whose status is New, Supplier pending or not
known yet. Only the orders sent to (or looked up on) the AX server in use are
asked about: one journal holds the orders of every connection profile, and
asking the test server about a production order would only earn a 404. When
the connection changes during a cycle, the rest of that cycle is dropped and
a new one starts for the new server.
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
import math
from collections import deque
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from axdesk.api import (
    AxAuthError,
    AxClient,
    AxError,
    AxNetworkError,
    AxRateLimitedError,
    AxServerError,
)
from axdesk.store.journal import OrderJournal
from axdesk.store.journal_cancels import PendingCancel
from axdesk.store.journal_queries import AxOrderRef
from axdesk.store.sync import LaneEnd, Recorded, SyncItem, listing_for_this_desk, work_through
from axdesk.ui.common.context import Connection, NotConnectedError
from axdesk.ui.common.error_text import ax_error_sentence
from axdesk.ui.common.placeholders import fill_args
from axdesk.ui.common.worker import Call, Worker
from axdesk.ui.orders.live_sync_batch import AnswerBatch, milliseconds

log = logging.getLogger(__name__)

DEFAULT_MAX_IN_FLIGHT = 3
DEFAULT_MIN_BACKOFF = 5.0
DEFAULT_MAX_BACKOFF = 300.0
DEFAULT_FLUSH_SIZE = 500
DEFAULT_FLUSH_AFTER = 2.0

LANE_SIZE = 50
"""Requests one lane sends before it comes back to the GUI thread (a quarter of a second
at the sandbox's speed): short enough for a stop or a pause to be felt at once."""


class OrderSync(QObject):
    """Polls AX for every non-final AX order on an interval, with bounded concurrency.

    Signals:
        status_changed(object): a ``SyncChange`` (``axdesk.store.sync``); the journal
            already holds it.
        order_checked(str): a channel order was asked about (its "last checked" moved).
        orders_checked(object): the same for a whole batch at once (a tuple of channel
            order codes), for views that refresh what they show in one go.
        cancel_changed(object): a ``CancelChange`` (``axdesk.store.sync``): an unsettled
            cancel was settled (or is still unknown); the journal already holds it.
        cycle_started(int): a cycle began with this many AX orders and cancels to send.
        cycle_finished(): every AX order of the cycle was asked about (or the cycle
            was given up, e.g. because the API key was refused).
        backing_off(float, str): polling pauses for these seconds; the sentence says why.
        problem(str): a sentence about a poll that failed (for the status line).
        running_changed(bool): a cycle started (True) or ended (False).
    """

    status_changed = Signal(object)
    order_checked = Signal(str)
    orders_checked = Signal(object)
    cancel_changed = Signal(object)
    cycle_started = Signal(int)
    cycle_finished = Signal()
    backing_off = Signal(float, str)
    problem = Signal(str)
    running_changed = Signal(bool)

    def __init__(
        self,
        worker: Worker,
        connection: Connection,
        journal: OrderJournal,
        *,
        interval_seconds: Callable[[], float],
        max_in_flight: int = DEFAULT_MAX_IN_FLIGHT,
        min_backoff: float = DEFAULT_MIN_BACKOFF,
        max_backoff: float = DEFAULT_MAX_BACKOFF,
        flush_size: int = DEFAULT_FLUSH_SIZE,
        flush_after: float = DEFAULT_FLUSH_AFTER,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        if max_in_flight < 1:
            raise ValueError("max_in_flight must be at least 1")
        self._worker = worker
        self._connection = connection
        self._journal = journal
        self._interval_seconds = interval_seconds
        self.max_in_flight = max_in_flight
        self._min_backoff = min_backoff
        self._max_backoff = max_backoff
        self._backoff = min_backoff
        self.batch = AnswerBatch(
            worker, journal, flush_size=flush_size, flush_after=flush_after, parent=self
        )
        self.batch.recorded.connect(self._recorded)
        self.batch.failed.connect(self._record_failed)

        self._cycle_timer = QTimer(self)
        self._cycle_timer.setSingleShot(True)
        self._cycle_timer.timeout.connect(self._start_cycle)
        self._resume_timer = QTimer(self)
        self._resume_timer.setSingleShot(True)
        self._resume_timer.timeout.connect(self._resume)

        self._queue: deque[SyncItem] = deque()
        self._in_flight: dict[int, Call[LaneEnd]] = {}
        self._lanes = itertools.count()
        self._listing: Call[tuple[list[AxOrderRef], list[PendingCancel]]] | None = None
        self._endpoint: str | None = None
        self._in_cycle = False
        self._paused = False
        self._active = False
        self._again = False
        self.peak_in_flight = 0
        self.cycles_finished = 0
        self.last_cycle_at: dt.datetime | None = None

    # -- control ------------------------------------------------------------------

    @property
    def is_active(self) -> bool:
        """True between :meth:`start` and :meth:`stop`."""
        return self._active

    @property
    def in_cycle(self) -> bool:
        return self._in_cycle

    @property
    def in_flight(self) -> int:
        return len(self._in_flight)

    @property
    def is_paused(self) -> bool:
        """True while backing off after a 429, a 5xx or a network failure."""
        return self._paused

    @property
    def pause_remaining(self) -> float:
        """Seconds left in the current back-off (0 when not paused)."""
        if not self._paused:
            return 0.0
        return max(0.0, self._resume_timer.remainingTime() / 1000.0)

    def interval(self) -> float:
        return max(0.05, float(self._interval_seconds()))

    def start(self, *, first_delay: float = 0.0) -> None:
        """Begin polling: a first cycle after ``first_delay`` seconds, then every interval."""
        self._active = True
        if not self._in_cycle:
            self._cycle_timer.start(int(first_delay * 1000))

    def stop(self) -> None:
        """Stop polling: timers stopped, answers still on their way are dropped."""
        self._active = False
        self._cycle_timer.stop()
        self._resume_timer.stop()
        self._paused = False
        self._queue.clear()
        self.batch.drop()
        if self._listing is not None:
            self._listing.cancel()
            self._listing = None
        for call in list(self._in_flight.values()):
            call.cancel()
        self._in_flight.clear()
        if self._in_cycle:
            self._in_cycle = False
            self.running_changed.emit(False)

    def refresh_now(self) -> None:
        """Start a cycle at once ("Refresh now"); during a cycle, run another right after.

        A pause asked for by AX (429) is honoured: the cycle's requests wait for it.
        """
        if not self._active:
            self._active = True
        if self._in_cycle:
            self._again = True
            return
        self._cycle_timer.stop()
        self._start_cycle()

    # -- the cycle ------------------------------------------------------------------

    def _start_cycle(self) -> None:
        if not self._active or self._in_cycle:
            return
        self._in_cycle = True
        self._again = False
        self.running_changed.emit(True)
        try:
            endpoint = self._connection.client().base_url
        except NotConnectedError:
            self._end_cycle()
            return
        self._endpoint = endpoint
        journal = self._journal
        self._listing = (
            self._worker.call(lambda: listing_for_this_desk(journal, endpoint))
            .on_success(self._cycle_listed)
            .on_error(self._listing_failed)
            .start()
        )

    def _cycle_listed(self, listed: tuple[list[AxOrderRef], list[PendingCancel]]) -> None:
        self._listing = None
        refs, cancels = listed
        self._queue = deque([*cancels, *refs])
        self.cycle_started.emit(len(self._queue))
        self._pump()

    def _listing_failed(self, error: BaseException) -> None:
        self._listing = None
        self._worker.report_error(error)
        self._end_cycle()

    def _pump(self) -> None:
        """Launch lanes until ``max_in_flight`` are under way or the queue is empty."""
        if not self._in_cycle:
            return
        while self._queue and not self._paused and len(self._in_flight) < self.max_in_flight:
            try:
                client = self._connection.client()
            except NotConnectedError:
                self._queue.clear()
                break
            if client.base_url != self._endpoint:
                # Another server is in use now: these orders are not its to answer.
                self._queue.clear()
                self._again = True
                break
            free = self.max_in_flight - len(self._in_flight)
            share = min(LANE_SIZE, -(-len(self._queue) // free))  # the queue spread evenly
            self._launch(client, [self._queue.popleft() for _ in range(share)])
        if not self._queue and not self._in_flight:
            if self.batch.is_empty:
                self._end_cycle()
            else:
                self.batch.flush()  # the cycle ends once its answers are in the journal

    def _launch(self, client: AxClient, items: list[SyncItem]) -> None:
        journal, batch, connection = self._journal, self.batch, self._connection
        generation = batch.generation

        def go_on() -> bool:  # read on the lane's thread, between two requests
            # A lane the worker cancelled (live sync stopped, or axdesk is closing) sends
            # nothing more: its thread is free again at once, within the shutdown's wait.
            if call.cancelled or self._paused or batch.generation != generation:
                return False
            try:
                return connection.client() is client
            except NotConnectedError:
                return False

        lane = next(self._lanes)
        call = self._worker.call(
            lambda: work_through(
                client, journal, items, lambda answer: batch.put(answer, generation), go_on
            )
        )
        call.on_success(lambda end: self._lane_ended(lane, end))
        call.on_error(lambda error: self._lane_failed(lane, error))
        self._in_flight[lane] = call
        self.peak_in_flight = max(self.peak_in_flight, len(self._in_flight))
        batch.tick()
        call.start()

    def _lane_ended(self, lane: int, end: LaneEnd) -> None:
        self._in_flight.pop(lane, None)
        if end.answered:
            self._backoff = self._min_backoff
        self._queue.extendleft(reversed(end.rest))
        if self.batch.waiting >= self.batch.flush_size:
            self.batch.flush()
        if end.failed is not None and end.error is not None:
            self._poll_failed(end.failed, end.error)
        else:
            self._pump()

    def _lane_failed(self, lane: int, error: BaseException) -> None:
        """A lane broke (a bug in axdesk, not an answer of AX): its share waits for the next
        cycle."""
        self._in_flight.pop(lane, None)
        self._worker.report_error(error)
        self._pump()

    def _recorded(self, recorded: Recorded) -> None:
        if recorded.checked:
            self.orders_checked.emit(recorded.checked)
        for code in recorded.checked:
            self.order_checked.emit(code)
        for change in recorded.changes:
            self.status_changed.emit(change)
        for cancel in recorded.cancels:
            self.cancel_changed.emit(cancel)
        self._pump()

    def _record_failed(self, error: BaseException) -> None:
        self._worker.report_error(error)  # only answers were lost: they are asked again
        self._pump()

    # -- failures -------------------------------------------------------------------------

    def _poll_failed(self, item: SyncItem, error: BaseException) -> None:
        if isinstance(error, AxRateLimitedError):
            wait = error.retry_after if error.retry_after is not None else self._next_backoff()
            wait = min(wait, self._max_backoff)  # AX may name any wait, or a date far away
            self._queue.appendleft(item)
            self._pause(
                wait,
                fill_args(
                    self.tr("AX asked us to slow down; checking again in %1 s."), _seconds(wait)
                ),
            )
        elif isinstance(error, (AxServerError, AxNetworkError)):
            wait = self._next_backoff()
            self._queue.appendleft(item)
            self._pause(
                wait,
                fill_args(
                    self.tr("AX could not be reached (%1); checking again in %2 s."),
                    ax_error_sentence(error),
                    _seconds(wait),
                ),
            )
        elif isinstance(error, AxAuthError):
            self._queue.clear()
            self.problem.emit(
                fill_args(self.tr("Live sync stopped for now: %1"), ax_error_sentence(error))
            )
        elif isinstance(error, AxError):
            self.problem.emit(
                fill_args(
                    self.tr("Could not check order %1: %2"),
                    item.ax_order_code,
                    ax_error_sentence(error),
                )
            )
        else:
            self._worker.report_error(error)
        self._pump()

    def _next_backoff(self) -> float:
        wait = self._backoff
        self._backoff = min(self._max_backoff, self._backoff * 2)
        return wait

    def _pause(self, seconds: float, reason: str) -> None:
        seconds = min(max(0.0, seconds), self._max_backoff) if math.isfinite(seconds) else 0.0
        if self._paused and self.pause_remaining >= seconds:
            return
        self._paused = True
        self._resume_timer.start(milliseconds(seconds))
        log.info("Live sync backing off for %.1f s", seconds)
        self.backing_off.emit(seconds, reason)

    def _resume(self) -> None:
        self._paused = False
        self._pump()

    def _end_cycle(self) -> None:
        if not self._in_cycle:
            return
        self._in_cycle = False
        self.batch.stop_ticking()
        self.cycles_finished += 1
        self.last_cycle_at = dt.datetime.now(dt.UTC)
        self.running_changed.emit(False)
        self.cycle_finished.emit()
        if not self._active:
            return
        if self._again:
            self._again = False
            self._cycle_timer.start(0)
        else:
            self._cycle_timer.start(int(self.interval() * 1000))


def _seconds(value: float) -> str:
    return f"{value:.0f}" if value >= 10 else f"{value:.1f}"
