"""Settling the orders left unfinished, whenever a connection becomes usable."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from axdesk.store.submission import Settled
from axdesk.ui.common.placeholders import fill_args
from axdesk.ui.common.worker import describe_error

if TYPE_CHECKING:
    from axdesk.ui.order_entry.tab import OrderTab


class PendingOrders(QObject):
    """The start-up (and reconnect) reconciliation, built as ``PendingOrders(tab)``.

    ``running`` is True while a run is on the worker.

    Signals:
        order_sent(str): AX made this channel order (found while settling).
    """

    order_sent = Signal(str)

    def __init__(self, tab: OrderTab) -> None:
        super().__init__(tab)
        self._tab = tab
        self.running = False
        self._again = False

    def settle(self) -> None:
        """Settle the orders left "sending" or "unknown", then show the result.

        Only the orders sent to the server in use are asked about; the others
        are reported as they stand. One run at a time: asked again meanwhile
        (the operator switched profile), it runs once more when the current
        run ends, against the server in use then.
        """
        if self._tab.closed:
            return
        if self.running:
            self._again = True
            return
        self.running = True
        self._tab.ctx.worker.call(self._tab.sending.submission.settle_pending).on_success(
            self._settled
        ).on_error(self._failed).on_done(self._ended).start()

    def _ended(self) -> None:
        self.running = False
        if self._again:
            self._again = False
            self.settle()

    def _settled(self, settled: list[Settled]) -> None:
        if not settled:
            return
        tab = self._tab
        sending = tab.sending
        mine = [s for s in settled if s.code == sending.submitted_code]
        others = [s for s in settled if s not in mine]
        for item in others:
            if item.outcome.is_sent:
                self.order_sent.emit(item.code)
        if mine:
            sending.show_settled(mine[0])  # the order this form is locked on
        if not others:
            return
        if len(others) == 1 and not mine:
            only = others[0]
            if only.outcome.is_sent and only.detail is not None:
                tab.result.show_sent(only.detail, tab.ctx.connection.supplier_timezone)
                return
            if only.outcome.is_unknown:
                tab.result.show_unknown(only.code, only.outcome.message)
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

    def _failed(self, error: BaseException) -> None:
        sentence = describe_error(error)
        if sentence:
            self._tab.result.show_info(self.tr("Unfinished orders could not be checked"), sentence)
