"""Cancelling travelers' tickets from the Orders tab: confirm, send, say how it went.

Delete (or "Cancel ticket…") on a ticket opens :class:`CancelTicketDialog`;
its default button sends the cancel through :func:`axdesk.store.cancel.cancel_one`
on the worker (journaled before it is sent; a lost answer is sent once more
at once). When AX's answers are lost, the ticket shows "Cancel not
confirmed" and :class:`CancelFailedBox` offers "Try again", which sends the
same cancel (safe: nothing is cancelled twice); Delete on such a ticket
offers the same. Ctrl+Shift+Delete (or "Cancel all tickets…") lists every
live ticket of the order, cancels each in turn
(:func:`~axdesk.store.cancel.cancel_each`) and reports ticket by ticket. The
cancel buttons are off while a cancel is under way.

:meth:`TicketCancelling.settle_pending` sends every unsettled cancel of the
AX server in use again (:func:`~axdesk.store.cancel.settle_cancels`); the
main window asks for it at start-up and whenever a connection becomes
usable, as it asks the New order tab to settle unfinished orders.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from axdesk.api import AxError, CancelledTicket
from axdesk.store.cancel import (
    CancelOutcome,
    CancelTarget,
    SettledCancel,
    cancel_each,
    cancel_one,
    settle_cancels,
)
from axdesk.store.journal_cancels import CancelState
from axdesk.ui.common.placeholders import fill_args
from axdesk.ui.common.worker import describe_error
from axdesk.ui.orders.cancel_dialogs import (
    CancelAllDialog,
    CancelFailedBox,
    CancelReportDialog,
    CancelTicketDialog,
)
from axdesk.ui.orders.status_look import cancel_unsettled, status_text

if TYPE_CHECKING:
    from axdesk.ui.orders.tab import OrdersTab


class TicketCancelling(QObject):
    """The Orders tab's cancels (built as ``TicketCancelling(tab)``).

    Outcomes are announced by the tab's signals ``ticket_cancelled``,
    ``cancel_failed`` and ``cancel_all_finished``.
    """

    def __init__(self, tab: OrdersTab) -> None:
        super().__init__(tab)
        self._tab = tab
        self.settling = False
        self._settle_again = False
        tab.detail.cancel_ticket_requested.connect(self.confirm_cancel)
        tab.detail.cancel_all_requested.connect(self.confirm_cancel_all)

    def confirm_cancel(self, target: CancelTarget) -> None:
        """Ask to confirm the cancel of ``target``; on "Cancel ticket" it is sent.

        A ticket whose cancel was sent but not confirmed is offered "Try again"
        instead (the same cancel, with the comment it was first sent with).
        """
        unsettled = self._unsettled(target.ticket_code)
        if unsettled is not None:
            sentence, comment = unsettled
            box = CancelFailedBox(
                target.traveler_name, sentence, answer_lost=True, parent=self._tab
            )
            box.accepted.connect(lambda: self.cancel_ticket(target, comment))
            self._tab.open_dialog(box)
            return
        dialog = CancelTicketDialog(target, self._tab)
        dialog.accepted.connect(lambda: self.cancel_ticket(target, dialog.comment()))
        self._tab.open_dialog(dialog)

    def cancel_ticket(self, target: CancelTarget, comment: str | None) -> None:
        """Send the cancel of one ticket (no confirmation; :meth:`confirm_cancel` asks)."""
        tab = self._tab
        connection, journal = tab.ctx.connection, tab.ctx.journal
        tab.detail.set_cancelling(True)
        tab.show_message(fill_args(self.tr("Cancelling the ticket of %1…"), target.traveler_name))
        tab.ctx.worker.call(
            lambda: cancel_one(connection.client(), journal, target, comment)
        ).on_success(lambda result: self._cancelled(target, result)).on_error(
            lambda error: self._cancel_failed(target, comment, error)
        ).on_done(lambda: tab.detail.set_cancelling(False)).start()

    def confirm_cancel_all(self, channel_order_code: str, targets: Sequence[CancelTarget]) -> None:
        """List every ticket in ``targets`` and ask to cancel them all."""
        dialog = CancelAllDialog(channel_order_code, targets, self._tab)
        dialog.accepted.connect(
            lambda: self.cancel_all(channel_order_code, list(targets), dialog.comment())
        )
        self._tab.open_dialog(dialog)

    def cancel_all(
        self, channel_order_code: str, targets: Sequence[CancelTarget], comment: str | None
    ) -> None:
        """Cancel every ticket in ``targets`` and report per ticket."""
        tab = self._tab
        connection, journal = tab.ctx.connection, tab.ctx.journal
        chosen = list(targets)
        tab.detail.set_cancelling(True)
        tab.show_message(fill_args(self.tr("Cancelling %1 ticket(s)…"), str(len(chosen))))
        tab.ctx.worker.call(
            lambda: cancel_each(connection.client(), journal, chosen, comment)
        ).on_success(lambda outcomes: self._cancelled_all(channel_order_code, outcomes)).on_error(
            self._cancel_all_failed
        ).on_done(lambda: tab.detail.set_cancelling(False)).start()

    def _cancelled(self, target: CancelTarget, result: CancelledTicket) -> None:
        self._tab.show_message(
            fill_args(
                self.tr("The ticket of %1 is cancelled. AX order %2: %3."),
                target.traveler_name,
                result.ax_order_code,
                status_text(result.ax_order_status),
            )
        )
        self._tab.selection.after_change(result.channel_order_code)
        self._tab.ticket_cancelled.emit(target.ticket_code)

    def _cancel_failed(
        self, target: CancelTarget, comment: str | None, error: BaseException
    ) -> None:
        sentence = describe_error(error)
        if sentence is None:
            return
        tab = self._tab
        tab.show_message(sentence)
        tab.cancel_failed.emit(target.ticket_code, sentence)
        answer_lost = isinstance(error, AxError) and error.outcome_unknown
        box = CancelFailedBox(target.traveler_name, sentence, answer_lost=answer_lost, parent=tab)
        if box.offers_retry:
            box.accepted.connect(lambda: self.cancel_ticket(target, comment))
        tab.selection.after_change(target.channel_order_code)  # "Cancel not confirmed", or as was
        tab.open_dialog(box)

    def _cancelled_all(self, channel_order_code: str, outcomes: list[CancelOutcome]) -> None:
        failed = sum(1 for outcome in outcomes if not outcome.succeeded)
        unknown = sum(1 for outcome in outcomes if outcome.unknown)
        tab = self._tab
        text = fill_args(
            self.tr("%1 of %2 tickets cancelled."), str(len(outcomes) - failed), str(len(outcomes))
        )
        if unknown:
            text += " " + fill_args(
                self.tr("%1 not confirmed by AX yet: axdesk asks again on its own."), str(unknown)
            )
        tab.show_message(text)
        tab.selection.after_change(channel_order_code)
        tab.open_dialog(CancelReportDialog(outcomes, tab))
        tab.cancel_all_finished.emit(outcomes)

    def _cancel_all_failed(self, error: BaseException) -> None:
        sentence = describe_error(error)
        tab = self._tab
        if sentence:
            tab.show_message(sentence)
            tab.cancel_failed.emit("", sentence)
        if tab.selection.code is not None:
            tab.selection.after_change(tab.selection.code)

    # -- settling the cancels left unconfirmed ------------------------------------------

    def settle_pending(self) -> None:
        """Send every unsettled cancel of the AX server in use again, on the worker.

        One run at a time; asked again meanwhile (another connection), it runs
        once more when the current run ends.
        """
        tab = self._tab
        if not tab.ctx.connection.is_connected:
            return
        if self.settling:
            self._settle_again = True
            return
        self.settling = True
        connection, journal = tab.ctx.connection, tab.ctx.journal
        tab.ctx.worker.call(lambda: settle_cancels(connection.client(), journal)).on_success(
            self._settled
        ).on_error(self._settle_failed).on_done(self._settle_ended).start()

    def _settle_ended(self) -> None:
        self.settling = False
        if self._settle_again:
            self._settle_again = False
            self.settle_pending()

    def _settled(self, settled: list[SettledCancel]) -> None:
        if not settled:
            return
        tab = self._tab
        done = [s for s in settled if s.state is CancelState.DONE]
        refused = sum(1 for s in settled if s.state is CancelState.REFUSED)
        for code in dict.fromkeys(s.pending.channel_order_code for s in settled):
            tab.selection.after_change(code)
        for item in done:
            tab.ticket_cancelled.emit(item.pending.ax_ticket_code)
        tab.show_message(
            fill_args(
                self.tr(
                    "Unconfirmed cancels were sent to AX again: %1 cancelled, %2 refused by "
                    "AX, %3 still not confirmed."
                ),
                str(len(done)),
                str(refused),
                str(len(settled) - len(done) - refused),
            )
        )

    def _settle_failed(self, error: BaseException) -> None:
        sentence = describe_error(error)
        if sentence:
            self._tab.show_message(sentence)

    def _unsettled(self, ticket_code: str) -> tuple[str, str | None] | None:
        """(why, comment) when the shown ticket's cancel was sent but is not confirmed."""
        for entry in self._tab.detail.tickets_model.entries():
            ticket = entry.ticket
            if ticket.ax_ticket_code == ticket_code and cancel_unsettled(ticket):
                assert ticket.cancel is not None
                why = ticket.cancel.problem or self.tr("AX's answer did not arrive.")
                return why, ticket.cancel.comment
        return None
