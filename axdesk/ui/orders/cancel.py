"""Cancelling travelers' tickets from the Orders tab: confirm, send, say how it went.

Delete (or "Cancel ticket…") on a ticket opens :class:`CancelTicketDialog`;
its default button sends the cancel through :func:`axdesk.store.cancel.cancel_one`
on the worker. When AX's answer is lost, :class:`CancelFailedBox` offers
"Try again", which sends the same cancel (safe: nothing is cancelled twice).
Ctrl+Shift+Delete (or "Cancel all tickets…") lists every live ticket of the
order, cancels each in turn (:func:`~axdesk.store.cancel.cancel_each`) and
reports ticket by ticket. The cancel buttons are off while a cancel is under way.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from axdesk.api import AxError, CancelledTicket
from axdesk.store.cancel import CancelOutcome, CancelTarget, cancel_each, cancel_one
from axdesk.ui.common.placeholders import fill_args
from axdesk.ui.common.worker import describe_error
from axdesk.ui.orders.cancel_dialogs import (
    CancelAllDialog,
    CancelFailedBox,
    CancelReportDialog,
    CancelTicketDialog,
)
from axdesk.ui.orders.status_look import status_text

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
        tab.detail.cancel_ticket_requested.connect(self.confirm_cancel)
        tab.detail.cancel_all_requested.connect(self.confirm_cancel_all)

    def confirm_cancel(self, target: CancelTarget) -> None:
        """Ask to confirm the cancel of ``target``; on "Cancel ticket" it is sent."""
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
        else:
            tab.selection.reload()
        tab.open_dialog(box)

    def _cancelled_all(self, channel_order_code: str, outcomes: list[CancelOutcome]) -> None:
        failed = sum(1 for outcome in outcomes if not outcome.succeeded)
        tab = self._tab
        tab.show_message(
            fill_args(
                self.tr("%1 of %2 tickets cancelled."),
                str(len(outcomes) - failed),
                str(len(outcomes)),
            )
        )
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
