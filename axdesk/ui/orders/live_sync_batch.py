"""Live sync's answers waiting to be written, and their writing: a few transactions per cycle.

Every answer of a sync cycle used to be written on its own, one commit and
one fsync each, while the worker's threads queued on the database lock.
:class:`AnswerBatch` keeps the answers instead and writes them together
(:func:`axdesk.store.sync.record_answers`, one transaction on the worker):
at once when ``flush_size`` are waiting or when :meth:`AnswerBatch.flush`
is asked (the cycle's last answer is in), else ``flush_after`` seconds
after the first one waiting. One write at a time; answers arriving during
a write wait for the next.

The answers are reads (Get Confirm) and the answers to cancels whose intent
is in the journal already, so one not written when axdesk stops is only
asked again. A re-sent cancel stays claimed (``OrderJournal.claim_cancel``)
until its answer is written or dropped, so it is not sent a third time
meanwhile.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from axdesk.store.cancel import CancelResent
from axdesk.store.journal import OrderJournal
from axdesk.store.sync import Checked, Recorded, record_answers
from axdesk.ui.common.worker import Call, Worker

Answer = Checked | CancelResent


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
        self._flush_size = max(1, flush_size)
        self._answers: list[Answer] = []
        self._writing: Call[Recorded] | None = None
        self._urgent = False
        self.writes = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(milliseconds(flush_after))
        self._timer.timeout.connect(self.flush)

    @property
    def is_empty(self) -> bool:
        """Nothing waiting and nothing being written."""
        return not self._answers and self._writing is None

    def add(self, answer: Answer) -> None:
        self._answers.append(answer)
        if len(self._answers) >= self._flush_size:
            self.flush()
        elif self._writing is None and not self._timer.isActive():
            self._timer.start()

    def flush(self) -> None:
        """Write what is waiting now (or right after the write under way)."""
        self._timer.stop()
        if self._writing is not None:
            self._urgent = True
            return
        if not self._answers:
            return
        self._urgent = False
        checked = [a for a in self._answers if isinstance(a, Checked)]
        resent = [a for a in self._answers if isinstance(a, CancelResent)]
        self._answers = []
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
        for answer in self._answers:
            if isinstance(answer, CancelResent):
                self._journal.release_cancel(answer.pending.ax_ticket_code)
        self._answers = []
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
        if not self._answers:
            return
        if self._urgent or len(self._answers) >= self._flush_size:
            self.flush()
        else:
            self._timer.start()


def milliseconds(seconds: float) -> int:
    """A QTimer interval: within what a C int holds (about 24 days), never negative."""
    return int(min(max(0.0, seconds), 2_000_000.0) * 1000)
