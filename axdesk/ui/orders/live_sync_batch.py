"""Live sync's answers waiting to be written, and their writing: a few transactions per cycle.

Every answer of a sync cycle used to be written on its own, one commit and
one fsync each, while the worker's threads queued on the database lock.
:class:`AnswerBatch` keeps the answers instead and writes them together
(:func:`axdesk.store.sync.record_answers`, one transaction on the worker):
when :meth:`AnswerBatch.flush` is asked (the cycle's last answer is in, or
``flush_size`` are waiting) and every ``flush_after`` seconds while a
cycle runs, so a long cycle at a slow AX still shows a supplier's decision
within seconds. One write at a time; answers arriving during a write wait
for the next.

Answers are put in from the worker's threads (:meth:`AnswerBatch.put`, as
they arrive, without a trip through the GUI thread); everything else is
called on the GUI thread. An answer put with the generation of a batch
that was dropped since (live sync stopped) is forgotten.

The answers are reads (Get Confirm) and the answers to cancels whose intent
is in the journal already, so one not written when axdesk stops is only
asked again. A re-sent cancel stays claimed (``OrderJournal.claim_cancel``)
until its answer is written or dropped, so it is not sent a third time
meanwhile.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QTimer, Signal

from axdesk.store.cancel import CancelResent
from axdesk.store.journal import OrderJournal
from axdesk.store.sync import Answer, Checked, Recorded, record_answers
from axdesk.ui.common.worker import Call, Worker


class AnswerBatch(QObject):
    """Answers of live sync, written in batches (see the module docstring).

    Signals:
        recorded(object): a batch is in the journal (a ``Recorded``).
        failed(object): writing a batch failed (the error); its answers are lost.
    """

    recorded = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        worker: Worker,
        journal: OrderJournal,
        *,
        flush_size: int,
        flush_after: float,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._journal = journal
        self.flush_size = max(1, flush_size)
        self._lock = threading.Lock()
        self._answers: list[Answer] = []
        self._generation = 0
        self._writing: Call[Recorded] | None = None
        self._urgent = False
        self.writes = 0
        self._timer = QTimer(self)
        self._timer.setInterval(milliseconds(flush_after))
        self._timer.timeout.connect(self.flush)

    @property
    def generation(self) -> int:
        """Changes when the batch is dropped: answers put with an older one are forgotten."""
        return self._generation

    @property
    def waiting(self) -> int:
        with self._lock:
            return len(self._answers)

    @property
    def is_empty(self) -> bool:
        """Nothing waiting and nothing being written."""
        return self.waiting == 0 and self._writing is None

    def put(self, answer: Answer, generation: int) -> None:
        """Keep ``answer`` for the next write; callable from any thread."""
        with self._lock:
            if generation == self._generation:
                self._answers.append(answer)
                return
        if isinstance(answer, CancelResent):
            self._journal.release_cancel(answer.pending.ax_ticket_code)

    def tick(self) -> None:
        """Write what waits every ``flush_after`` seconds from now on (a cycle runs)."""
        if not self._timer.isActive():
            self._timer.start()

    def stop_ticking(self) -> None:
        self._timer.stop()

    def flush(self) -> None:
        """Write what is waiting now (or right after the write under way)."""
        if self._writing is not None:
            self._urgent = True
            return
        with self._lock:
            answers, self._answers = self._answers, []
        if not answers:
            return
        self._urgent = False
        checked = [a for a in answers if isinstance(a, Checked)]
        resent = [a for a in answers if isinstance(a, CancelResent)]
        journal = self._journal

        def write() -> Recorded:
            try:
                return record_answers(journal, checked, resent)
            finally:
                for one in resent:
                    journal.release_cancel(one.pending.ax_ticket_code)

        self.writes += 1
        self._writing = (
            self._worker.call(write).on_success(self._written).on_error(self._not_written)
        ).start()

    def drop(self) -> None:
        """Forget what waits and the write under way's outcome (live sync stops)."""
        self._timer.stop()
        with self._lock:
            self._generation += 1
            answers, self._answers = self._answers, []
        for answer in answers:
            if isinstance(answer, CancelResent):
                self._journal.release_cancel(answer.pending.ax_ticket_code)
        self._urgent = False
        if self._writing is not None:
            self._writing.cancel()  # the write itself finishes on its thread
            self._writing = None

    def _written(self, recorded: Recorded) -> None:
        self._writing = None
        self._next()
        self.recorded.emit(recorded)

    def _not_written(self, error: BaseException) -> None:
        self._writing = None
        self._next()
        self.failed.emit(error)

    def _next(self) -> None:
        if self._urgent or self.waiting >= self.flush_size:
            self.flush()


def milliseconds(seconds: float) -> int:
    """A QTimer interval: within what a C int holds (about 24 days), never negative."""
    return int(min(max(0.0, seconds), 2_000_000.0) * 1000)
