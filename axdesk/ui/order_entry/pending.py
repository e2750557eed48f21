"""Settling the orders left unfinished: whenever a connection becomes usable, and again when
AX is worth asking (an order AX may still make is asked about until its settle window ends)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from axdesk.store.submission import Settled
from axdesk.ui.common.placeholders import fill_args
from axdesk.ui.common.worker import describe_error
from axdesk.ui.order_entry.unsettled_text import outcome_reason

if TYPE_CHECKING:
    from axdesk.ui.order_entry.tab import OrderTab

MIN_RECHECK_MS = 1_000
"""A check asked for sooner than this waits this long (AX is not asked in a tight loop)."""


class PendingOrders(QObject):
    """The start-up (and reconnect) reconciliation, built as ``PendingOrders(tab)``.

    ``running`` is True while a run is on the worker. Outcomes that say when
    the order is worth asking about again (``check_again_at``) schedule one
    more quiet run then (:meth:`check_at`): a quiet run says only what
    settled, and updates the banner of the order the form is locked on.

    Signals:
        order_sent(str): AX made this channel order (found while settling).
    """

    order_sent = Signal(str)

    def __init__(self, tab: OrderTab) -> None:
        super().__init__(tab)
        self._tab = tab
        self.running = False
        self._again = False
        self._quiet = False
        self._due: dt.datetime | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._recheck)

    @property
    def next_check(self) -> dt.datetime | None:
        """When the next quiet run is due (None: none is scheduled)."""
        return self._due if self._timer.isActive() else None

    def check_at(self, moment: dt.datetime) -> None:
        """Run once more at ``moment`` (or at the earlier run already scheduled)."""
        if self._tab.closed:
            return
        due = self.next_check
        if due is not None and due <= moment:
            return
        self._due = moment
        wait = (moment - dt.datetime.now(dt.UTC)).total_seconds() * 1000
        self._timer.start(max(MIN_RECHECK_MS, int(wait)))

    def stop(self) -> None:
        """The tab shuts down: no more scheduled runs."""
        self._timer.stop()

    def settle(self) -> None:
        """Settle the orders left "sending" or "unknown", then show the result.

        Only the orders sent to the server in use are asked about; the others
        are reported as they stand. One run at a time: asked again meanwhile
        (the operator switched profile), it runs once more when the current
        run ends, against the server in use then.
        """
        self._start(quiet=False)

    def _recheck(self) -> None:
        self._due = None
        self._start(quiet=True)

    def _start(self, *, quiet: bool) -> None:
        if self._tab.closed:
            return
        if self.running:
            self._again = True
            self._quiet = self._quiet and quiet
            return
        self.running = True
        self._quiet = quiet
        self._tab.ctx.worker.call(self._tab.sending.submission.settle_pending).on_success(
            lambda settled: self._settled(settled, quiet=quiet)
        ).on_error(self._failed).on_done(self._ended).start()

    def _ended(self) -> None:
        self.running = False
        if self._again:
            self._again = False
            self._start(quiet=self._quiet)

    def _settled(self, settled: list[Settled], *, quiet: bool) -> None:
        self._schedule(settled)
        if not settled:
            return
        tab = self._tab
        sending = tab.sending
        mine = [s for s in settled if s.code == sending.submitted_code]
        others = [s for s in settled if s not in mine]
        if quiet:
            others = [s for s in others if not s.outcome.is_unknown]
        for item in others:
            if item.outcome.is_sent:
                self.order_sent.emit(item.code)
        if mine and not sending.busy:
            sending.show_settled(mine[0])  # the order this form is locked on
        if not others:
            return
        if len(others) == 1 and not mine:
            only = others[0]
            if only.outcome.is_sent and only.detail is not None:
                tab.result.show_sent(only.detail, tab.ctx.connection.supplier_timezone)
                return
            if only.outcome.is_unknown:
                tab.result.show_unknown(only.code, outcome_reason(only.outcome), only.outcome.kind)
                return
        sent = sum(1 for s in others if s.outcome.is_sent)
        rejected = sum(1 for s in others if s.outcome.is_rejected)
        elsewhere = sum(1 for s in others if s.outcome.is_elsewhere)
        unknown = sum(1 for s in others if s.outcome.is_unknown) - elsewhere
        if mine and not unknown and not elsewhere:
            return  # the form's own order is what the banner shows
        text = fill_args(
            self.tr("%1 sent, %2 refused by AX, %3 still not known. See the Orders tab."),
            str(sent),
            str(rejected),
            str(unknown),
        )
        if elsewhere:
            text += " " + fill_args(
                self.tr(
                    "%1 were sent to another AX server, or to one axdesk did not record, "
                    "and were not checked here."
                ),
                str(elsewhere),
            )
        tab.result.show_info(self.tr("Unfinished orders were checked with AX"), text)

    def _schedule(self, settled: list[Settled]) -> None:
        """One more quiet run when the soonest unsettled order is worth asking about again."""
        moments = [
            s.outcome.check_again_at
            for s in settled
            if s.outcome.is_unknown and s.outcome.check_again_at is not None
        ]
        if moments:
            self.check_at(min(moments))

    def _failed(self, error: BaseException) -> None:
        sentence = describe_error(error)
        if sentence:
            self._tab.result.show_info(self.tr("Unfinished orders could not be checked"), sentence)
