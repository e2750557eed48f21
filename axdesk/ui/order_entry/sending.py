"""Sending the New order and checking it again: what the operator sees at each step.

The work is :class:`~axdesk.store.submission.OrderSubmission`'s, in one worker
call per send; this helper starts it, says each step in the result panel and
locks or opens the form by the outcome:

1. "Checking the seats…": the seats of every line are read again from AX;
   if they no longer suffice, the operator is told and nothing is sent;
2. "Sending the order to AX…": the request is made under the code chosen
   here, the draft is saved with that code, and the
   :class:`~axdesk.store.reconcile.Reconciler` journals the order as
   "sending" *before* the POST, sends it, and settles an unknown outcome on
   the spot with backoff;
3. "sent" shows AX's order and ticket codes (or why they are not known);
   "rejected" puts AX's messages next to the fields they name; "unknown"
   keeps the form locked on that order (never re-sent under a new code)
   until Retry, the reconciliation run whenever a connection becomes usable
   or when AX is worth asking again (:class:`~axdesk.ui.order_entry.pending.PendingOrders`),
   or New order. An order AX may still make says so, and until when it is
   asked about; an order AX cannot be asked about says what to check at AX,
   and on Retry the operator says what AX told them (its AX order code, or
   that it has no such order).

Whether this AX answers a repeated order code with the same order is the
connection profile's choice (``same_order_on_repeat``); the reconciler asks
it for the server of each order (:meth:`OrderSending.repeats_same_order`).

An order is only settled on the AX server it was sent to: connected to
another one, it is left as it is and the panel says where it went. An order
whose server axdesk did not record (journaled before it kept that) is only
checked after the operator confirms, on Retry, that it went to the server in
use.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from axdesk.store.endpoints import normalize_endpoint
from axdesk.store.journal_base import JournalError
from axdesk.store.journal_queries import ProblemKind
from axdesk.store.reconcile import (
    DEFAULT_RETRY_DELAYS,
    DEFAULT_SETTLE_WINDOW,
    Reconciler,
    SubmitOutcome,
)
from axdesk.store.submission import (
    NotSent,
    OrderSubmission,
    Rejected,
    SeatsChanged,
    SeatsNotRead,
    SendResult,
    Sent,
    Settled,
    Unknown,
    new_channel_order_code,
)
from axdesk.ui.common.placeholders import fill_args
from axdesk.ui.common.store_text import word
from axdesk.ui.common.worker import describe_error
from axdesk.ui.order_entry.drafts import DRAFT_KEY
from axdesk.ui.order_entry.form_order import FormOrder
from axdesk.ui.order_entry.rules.fields import server_error_field
from axdesk.ui.order_entry.rules.issue import Issue
from axdesk.ui.order_entry.state import OrderFormState
from axdesk.ui.order_entry.unsettled_text import outcome_reason

if TYPE_CHECKING:
    from axdesk.ui.order_entry.tab import OrderTab


class OrderSending(QObject):
    """Send, Retry, and the form's lock on an order, built as ``OrderSending(tab)``.

    ``busy`` is True from the first press until the outcome is known;
    ``submitted_code`` names the order the form is locked on (being sent, or
    its outcome unknown), "" when the form is free.

    Signals:
        order_sent(str): AX made this channel order (after a send or a Retry).
    """

    order_sent = Signal(str)
    _sending = Signal(str)  # from the worker: the seats are fine, this order goes out now

    def __init__(
        self,
        tab: OrderTab,
        *,
        retry_delays: Sequence[float] = DEFAULT_RETRY_DELAYS,
        settle_window: float = DEFAULT_SETTLE_WINDOW,
    ) -> None:
        super().__init__(tab)
        self._tab = tab
        ctx = tab.ctx
        self._stopping = threading.Event()
        self.reconciler = Reconciler(
            ctx.connection.client,
            ctx.journal,
            sleep=self._pause,
            retry_delays=retry_delays,
            settle_window=settle_window,
            same_order_on_repeat=self.repeats_same_order,
        )
        self.submission = OrderSubmission(
            ctx.connection.client, ctx.journal, self.reconciler, draft_key=DRAFT_KEY
        )
        self.busy = False
        self.submitted_code = ""
        self._sending.connect(self._show_sending)

    @property
    def locked(self) -> bool:
        """Nothing may change the form: an order is on its way, or its outcome is unknown."""
        return self.busy or bool(self.submitted_code)

    def repeats_same_order(self, base_url: str) -> bool:
        """Whether the profile in use, on ``base_url``, says this AX answers a repeated order
        code with the same order (called by the reconciler, on the worker)."""
        profile = self._tab.ctx.connection.profile
        if profile is None or not profile.same_order_on_repeat:
            return False
        try:
            return normalize_endpoint(profile.base_url) == normalize_endpoint(base_url)
        except JournalError:
            return False

    def _pause(self, seconds: float) -> None:
        """The reconciler's wait between attempts; cut short when the tab shuts down."""
        self._stopping.wait(seconds)

    def stop(self) -> None:
        """The window closes: stop waiting between attempts."""
        self._stopping.set()

    def lock_on(self, code: str, reason: str, kind: ProblemKind | None = None) -> None:
        """Lock the form on an order whose outcome is not known (a draft found at start)."""
        self.submitted_code = code
        self._tab.form.set_editable(False)
        self._tab.result.show_unknown(code, reason, kind)

    def release(self) -> None:
        """New order: the form leaves the order it was locked on (the journal keeps it)."""
        self.submitted_code = ""

    # -- send -----------------------------------------------------------------------

    def send(self, state: OrderFormState) -> None:
        """Send ``state`` in one worker call (:meth:`OrderSubmission.send`) under a new code.

        The code is chosen here, before the call: from now until the outcome
        the form is locked on it, and a draft written meanwhile (the window
        closing) names it, as the one the call writes does.
        """
        tab = self._tab
        code = new_channel_order_code()
        order = FormOrder(state, tuple(tab.form.products), tab.ctx.connection.supplier_timezone)
        self.busy = True
        self.submitted_code = code
        tab.drafts.pause()
        revision = tab.drafts.next_revision()  # newer than any draft written before this send
        tab.form.set_editable(False)
        tab.update_bar()
        tab.result.show_busy(
            self.tr("Checking the seats…"),
            self.tr("Reading the seats left once more before anything is sent."),
        )
        submission, stopping, sending = self.submission, self._stopping, self._sending

        def announce() -> None:  # on the worker: the seats are fine, the order goes out
            if not stopping.is_set():
                sending.emit(code)

        tab.ctx.worker.call(
            lambda: submission.send(order, code, on_sending=announce, draft_revision=revision)
        ).on_success(self._sent).start()

    def _show_sending(self, code: str) -> None:
        if self.busy and code == self.submitted_code:
            self._tab.result.show_busy(
                self.tr("Sending the order to AX…"),
                fill_args(self.tr("Order %1 is recorded in the journal before it is sent."), code),
                code,
            )

    def _sent(self, result: SendResult[Issue]) -> None:
        """The one answer to a send: show the seats read, then what became of the order."""
        tab = self._tab
        for key, inventory in result.inventories.items():
            tab.inventory.store(key, inventory)
        match result.outcome:
            case SeatsNotRead(error=error):
                self._nothing_sent()
                sentence = describe_error(error) or self.tr("The seat check was cancelled.")
                tab.result.show_not_sent(
                    self.tr("Not sent: the seats could not be checked"),
                    sentence + "\n" + self.tr("Nothing was sent to AX. Try again in a moment."),
                )
            case SeatsChanged(problems=problems):
                self._seats_changed(problems)
            case NotSent() as not_sent:
                self._not_sent(result.code, not_sent)
            case settled:
                self.show_settled(settled)

    def _seats_changed(self, problems: Sequence[Issue]) -> None:
        form = self._tab.form
        lines = [
            fill_args(
                self.tr("%1: %2"),
                form.describe_field(issue.field),
                form.issue_sentence(issue),
            )
            for issue in problems
        ]
        self._nothing_sent()
        form.revalidate()
        self._tab.show_problems()
        self._tab.result.show_not_sent(
            self.tr("Not sent: the seats changed"),
            "\n".join(lines) + "\n" + self.tr("Nothing was sent to AX. Adjust and send again."),
        )

    def _not_sent(self, code: str, not_sent: NotSent) -> None:
        """Nothing of ``code`` is on its way to AX: the form opens again, with a sentence."""
        if code == self.submitted_code:
            self.submitted_code = ""
            if not_sent.draft_named_it:
                self._tab.drafts.form_changed()  # the draft saved for the send names the code
        self._stop_sending()
        sentence = describe_error(not_sent.error) or self.tr("Sending was cancelled.")
        self._tab.result.show_not_sent(self.tr("Not sent"), sentence)

    # -- retry ----------------------------------------------------------------------

    def retry(
        self,
        code: str | None = None,
        *,
        assign_endpoint: bool = False,
        absent_confirmed: bool = False,
        ax_order_code: str | None = None,
    ) -> None:
        """Check the pending order with AX once more (the Retry button).

        When axdesk did not record which server the order went to, the operator
        is asked whether it was the one in use; only a Yes checks it there
        (``assign_endpoint``). When AX cannot be asked about the order, the
        operator is asked what AX told them: its AX order code
        (``ax_order_code``), or that it has no such order (``absent_confirmed``).
        """
        code = code or self.submitted_code
        if not code or self.busy:
            return
        self.busy = True
        self._tab.update_bar()
        self._tab.result.show_busy(self.tr("Checking the order with AX…"), "", code)
        submission = self.submission
        asked = assign_endpoint or absent_confirmed or ax_order_code is not None
        self._tab.ctx.worker.call(
            lambda: submission.check_again(
                code,
                assign_endpoint=assign_endpoint,
                absent_confirmed=absent_confirmed,
                ax_order_code=ax_order_code,
            )
        ).on_success(lambda checked: self._checked(code, checked, asked=asked)).start()

    def _checked(self, code: str, checked: Settled | NotSent, *, asked: bool) -> None:
        tab = self._tab
        if isinstance(checked, NotSent):
            self._not_sent(code, checked)
            return
        self.show_settled(checked)
        if asked or tab.closed:
            return
        if checked.outcome.cannot_ask:
            self._ask_what_ax_has(checked.code)
            return
        if not checked.outcome.needs_assignment:
            return
        profile = tab.ctx.connection.profile
        server = profile.base_url if profile is not None else ""
        if server and tab.ask_confirmation(
            self.tr("Which AX server has this order?"),
            fill_args(
                self.tr(
                    "axdesk did not record which AX server order %1 was sent to. Was it "
                    "taken while connected to %2?\n\nAnswer Yes only if so: it is then "
                    "checked there and, if AX does not have it, sent there under the same code. "
                    "Otherwise answer No and connect to the server it was taken on."
                ),
                checked.code,
                server,
            ),
        ):
            self.retry(checked.code, assign_endpoint=True)

    def _ask_what_ax_has(self, code: str) -> None:
        """AX cannot be asked about ``code``: the operator says what AX told them."""
        tab = self._tab
        answer = tab.ask_choice(
            self.tr("What does AX say about this order?"),
            fill_args(
                self.tr(
                    "axdesk cannot ask AX whether it made order %1. Ask AX whether it has an "
                    "order with the channel order code %1, then say what it told you.\n\n"
                    'Choose "AX has none" only if AX told you so: the order is then sent '
                    "again under the same code."
                ),
                code,
            ),
            [self.tr("AX has it…"), self.tr("AX has none")],
        )
        if answer == 0:
            ax_code = tab.ask_text(
                self.tr("AX order code"),
                fill_args(self.tr("The AX order code AX gave for order %1:"), code),
            )
            if ax_code and ax_code.strip():
                self.retry(code, ax_order_code=ax_code.strip())
        elif answer == 1:
            self.retry(code, absent_confirmed=True)

    # -- outcomes -------------------------------------------------------------------

    def show_settled(self, settled: Settled) -> None:
        """Show where an order stands with AX, and open or lock the form accordingly."""
        code = settled.code
        self.busy = False
        match settled:
            case Sent():
                self._order_made(settled)
            case Rejected():
                self._order_rejected(settled.outcome)
            case Unknown():
                form = self._tab.form
                if code == self.submitted_code:
                    form.set_editable(False)
                else:
                    form.set_editable(not self.submitted_code)
                outcome = settled.outcome
                self._tab.result.show_unknown(code, self._unknown_reason(settled), outcome.kind)
                if outcome.check_again_at is not None and not outcome.is_elsewhere:
                    self._tab.pending.check_at(outcome.check_again_at)
        self._tab.update_bar()

    def _unknown_reason(self, unknown: Unknown) -> str:
        if unknown.error is None:
            return outcome_reason(unknown.outcome)
        return describe_error(unknown.error) or self.tr("Sending was cancelled.")

    def _order_made(self, sent: Sent) -> None:
        tab = self._tab
        code = sent.code
        if code == self.submitted_code:
            self.submitted_code = ""
            tab.form.set_state(OrderFormState())
            tab.form.set_editable(True)
            tab.drafts.discard()
        if sent.detail is not None:
            tab.result.show_sent(sent.detail, tab.ctx.connection.supplier_timezone)
        else:
            tab.result.show_info(self.tr("Order sent to AX"), word(sent.outcome.message))
        self.order_sent.emit(code)

    def _order_rejected(self, outcome: SubmitOutcome) -> None:
        """AX refused it: nothing was made, so the form is editable again with AX's words."""
        tab = self._tab
        if outcome.channel_order_code != self.submitted_code:
            # Another order (checked at start-up): its fields are not on this form.
            self.busy = False
            tab.result.show_rejected(outcome.message, list(outcome.errors))
            return
        self.submitted_code = ""
        self._stop_sending()
        by_field: dict[str, str] = {}
        unplaced: list[str] = []
        same = tab.form.header.same_check.isChecked()
        for entry in outcome.errors:
            key, message = server_error_field(entry)
            if key is not None and same and key.startswith("representative."):
                key = "purchaser." + key.split(".", 1)[1]  # the purchaser was sent as it
            if key is None or not tab.form.shows_field(key):
                unplaced.append(entry)
            elif key in by_field:
                by_field[key] += " " + message
            else:
                by_field[key] = message
        tab.form.set_server_problems(by_field)
        tab.result.show_rejected(outcome.message, unplaced)
        if by_field:
            tab.form.focus_field(next(iter(by_field)))
        tab.drafts.form_changed()

    def _stop_sending(self) -> None:
        """Nothing is on its way any more; the form opens again unless locked on an order."""
        self.busy = False
        self._tab.form.set_editable(not self.submitted_code)
        self._tab.update_bar()

    def _nothing_sent(self) -> None:
        """The send stopped before the order could reach the journal: the form opens again."""
        self.submitted_code = ""
        self._stop_sending()
