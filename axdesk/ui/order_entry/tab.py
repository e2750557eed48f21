"""The New order tab: the form, its draft, and sending through the write-ahead journal.

Sending, step by step (nothing here waits on the GUI thread):

1. everything is validated again; Submit stays disabled (and says why) while
   anything is wrong, and from the first click until the outcome is known;
2. the seats of every line are read again from AX; if they no longer
   suffice, the operator is told and nothing is sent;
3. the builders make the request (a new channel order code), the draft is
   saved with that code, and :class:`~axdesk.store.reconcile.Reconciler`
   journals the order as "sending" *before* the POST, sends it, and settles
   an unknown outcome on the spot with backoff;
4. "sent" shows AX's order and ticket codes; "rejected" puts AX's messages
   next to the fields they name; "unknown" keeps the form locked on that
   order (never re-sent under a new code) until Retry, the reconciliation
   run whenever a connection becomes usable (:meth:`OrderTab.reconcile_pending`)
   or New order.

An order is only settled on the AX server it was sent to: connected to
another one, it is left as it is and the panel says where it went. An order
whose server axdesk did not record (journaled before it kept that) is only
checked after the operator confirms, on Retry, that it went to the server in
use.

The draft (the form as JSON, ``OrderJournal.save_draft``) is written on the
worker a moment after each change, and once more on :meth:`OrderTab.shutdown`.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from axdesk.store.journal import JournalState
from axdesk.store.reconcile import DEFAULT_RETRY_DELAYS, Reconciler, SubmitOutcome
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
from axdesk.ui.common.context import AppContext, SlotRef
from axdesk.ui.common.money_text import format_money
from axdesk.ui.common.worker import describe_error
from axdesk.ui.order_entry.drafts import (
    DRAFT_KEY,
    draft_json,
    is_readable_draft,
    keep_draft_file,
    submitted_code_of,
)
from axdesk.ui.order_entry.form import OrderForm
from axdesk.ui.order_entry.form_order import FormOrder
from axdesk.ui.order_entry.inventory_cache import InventoryCache
from axdesk.ui.order_entry.result_panel import OrderResultPanel
from axdesk.ui.order_entry.rules.fields import server_error_field
from axdesk.ui.order_entry.rules.issue import Issue
from axdesk.ui.order_entry.state import OrderFormState
from axdesk.ui.order_entry.widgets import FORM_STYLE, repolish

log = logging.getLogger(__name__)

DRAFT_DELAY_MS = 400


class OrderTab(QWidget):
    """Point-and-click order entry for the operator on the phone.

    Signals:
        order_sent(str): AX made this channel order (after a submit, a Check
            again, or the start-up reconciliation).
    """

    order_sent = Signal(str)
    _sending = Signal(str)  # from the worker: the seats are fine, this order goes out now

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        retry_delays: Sequence[float] = DEFAULT_RETRY_DELAYS,
    ) -> None:
        super().__init__(parent)
        self.setStyleSheet(FORM_STYLE)
        self.ctx = ctx
        self._stopping = threading.Event()
        self.reconciler = Reconciler(
            ctx.connection.client,
            ctx.journal,
            sleep=self._pause,
            retry_delays=retry_delays,
        )
        self.submission = OrderSubmission(
            ctx.connection.client, ctx.journal, self.reconciler, draft_key=DRAFT_KEY
        )
        self._busy = False
        self._submitted_code = ""
        self._closed = False
        self._draft_dirty = False
        self._draft_saving = False
        self._reconciling_pending = False
        self._reconcile_pending_again = False

        self.inventory = InventoryCache(ctx.worker, ctx.connection, self)
        self.form = OrderForm(
            ctx.catalog, self.inventory, lambda: ctx.connection.supplier_timezone, self
        )
        self.result = OrderResultPanel(self)

        self.bar = QFrame(self)
        self.bar.setObjectName("orderBar")
        self.bar.setStyleSheet(
            "QFrame#orderBar { border-top: 1px solid palette(mid); background: palette(window); }"
        )
        self.total_label = QLabel(self.bar)
        self.total_label.setProperty("role", "total")
        self.reason_label = QLabel(self.bar)
        self.reason_label.setProperty("role", "reason")
        self.reason_label.setWordWrap(True)
        self.reason_label.setTextFormat(Qt.TextFormat.RichText)
        self.reason_label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.reason_label.linkActivated.connect(lambda _link: self.show_problems())
        self.new_button = QPushButton(self.bar)
        self.submit_button = QPushButton(self.bar)
        self.submit_button.setDefault(False)
        self.submit_button.setAutoDefault(False)
        self.submit_button.setMinimumWidth(150)
        font = self.submit_button.font()
        font.setBold(True)
        self.submit_button.setFont(font)
        bar_layout = QHBoxLayout(self.bar)
        bar_layout.setContentsMargins(16, 8, 16, 8)
        bar_layout.addWidget(self.total_label)
        bar_layout.addSpacing(16)
        bar_layout.addWidget(self.reason_label, 1)
        bar_layout.addWidget(self.new_button)
        bar_layout.addWidget(self.submit_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        result_holder = QVBoxLayout()
        result_holder.setContentsMargins(16, 10, 16, 0)
        result_holder.addWidget(self.result)
        layout.addLayout(result_holder)
        layout.addWidget(self.form, 1)
        layout.addWidget(self.bar)

        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self._save_draft)

        self._sending.connect(self._show_sending)
        self.submit_button.clicked.connect(self.submit)
        self.new_button.clicked.connect(self.new_order)
        self.result.retry_requested.connect(self.retry)
        self.form.changed.connect(self._form_changed)
        self.form.validated.connect(self._update_bar)
        ctx.connection.changed.connect(self._update_bar)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self._submit_shortcut)

        self.form.tail_widgets = [
            self.submit_button,
            self.new_button,
            self.result.copy_button,
            self.result.retry_button,
            self.result.close_button,
        ]
        self.form.apply_tab_order()
        self.retranslate_ui()
        self._restore_draft()
        self._update_bar()

    def _pause(self, seconds: float) -> None:
        """The reconciler's wait between attempts; cut short when the tab shuts down."""
        self._stopping.wait(seconds)

    def retranslate_ui(self) -> None:
        self.new_button.setText(self.tr("Ne&w order"))
        self.new_button.setAccessibleName(self.tr("New order"))
        self.new_button.setToolTip(self.tr("Clear the form and start another order"))
        self.submit_button.setText(self.tr("Send order"))
        self.submit_button.setAccessibleName(self.tr("Send order"))
        self._update_bar()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- the tab contract --------------------------------------------------------------

    def on_shown(self) -> None:
        """The tab became current: read the catalog again (another tab may have changed it)."""
        self.form.reload_catalog()
        for line in self.form.lines:
            line.refresh_times_if_needed()
        self._update_bar()

    def shutdown(self) -> None:
        """The window closes: keep the draft and stop waiting on AX."""
        if self._closed:
            return
        self._closed = True
        self._stopping.set()
        self.inventory.shutdown()
        if self._draft_timer.isActive() or self._draft_dirty:
            self._draft_timer.stop()
            try:
                self._write_draft(self._draft_json())
            except Exception:
                log.exception("The order draft could not be saved while closing")

    def prefill_slot(self, slot: SlotRef) -> None:
        """Fill a line with a slot picked in the inventory ("Book this slot")."""
        if self._locked():
            self.result.show_info(
                self.tr("The form is busy with another order"),
                self.tr("Wait for its outcome, or press New order, then book the slot again."),
            )
            return
        line = self.form.line_for_slot()
        line.set_slot(slot.product_code, slot.dc_code, slot.date, slot.start_time)
        self.form.revalidate()
        line.quantity_spin.setFocus(Qt.FocusReason.OtherFocusReason)
        line.quantity_spin.selectAll()
        self.form.scroll_area.ensureWidgetVisible(line)

    def reconcile_pending(self) -> None:
        """Settle the orders left "sending" or "unknown", then show the result.

        The main window calls it whenever a connection becomes usable. Only the
        orders sent to the server in use are asked about; the others are
        reported as they stand. One run at a time: asked again meanwhile (the
        operator switched profile), it runs once more when the current run
        ends, against the server in use then.
        """
        if self._closed:
            return
        if self._reconciling_pending:
            self._reconcile_pending_again = True
            return
        self._reconciling_pending = True
        self.ctx.worker.call(self.submission.settle_pending).on_success(
            self._pending_reconciled
        ).on_error(self._reconcile_failed).on_done(self._pending_run_ended).start()

    def _pending_run_ended(self) -> None:
        self._reconciling_pending = False
        if self._reconcile_pending_again:
            self._reconcile_pending_again = False
            self.reconcile_pending()

    # -- draft --------------------------------------------------------------------------

    def _draft_json(self) -> str:
        return draft_json(self.form.state(), self._submitted_code)

    def _write_draft(self, text: str | None) -> None:
        """Write (or with None clear) the draft; runs on the worker, or at shutdown."""
        if text is None:
            self.ctx.journal.clear_draft(DRAFT_KEY)
        else:
            self.ctx.journal.save_draft(DRAFT_KEY, text)

    def _form_changed(self) -> None:
        if self._closed:
            return
        self._draft_dirty = True
        self._draft_timer.start()

    def _save_draft(self) -> None:
        """Write the draft on the worker; one write at a time, the newest wins."""
        if self._draft_saving:
            self._draft_timer.start()
            return
        self._draft_dirty = False
        state = self.form.state()
        text = None if state.is_blank() and not self._submitted_code else self._draft_json()
        self._draft_saving = True

        def done() -> None:
            self._draft_saving = False

        def failed(error: BaseException) -> None:
            self._draft_saving = False
            self._draft_dirty = True
            log.error("Saving the order draft failed", exc_info=error)

        self.ctx.worker.call(lambda: self._write_draft(text)).on_success(
            lambda _none: done()
        ).on_error(failed).start()

    def _restore_draft(self) -> None:
        """Bring back the half-typed order (a cheap local read at construction)."""
        try:
            text = self.ctx.journal.load_draft(DRAFT_KEY)
        except Exception:
            log.exception("The order draft could not be read")
            return
        if not text:
            return
        if not is_readable_draft(text):
            self._keep_unreadable_draft(text)
            return
        state = OrderFormState.from_json(text)
        code = submitted_code_of(text)
        journal_state = self.ctx.journal.state_of(code) if code else None
        if journal_state is JournalState.SENT:
            # The order in the draft was made (the draft outlived it): do not offer it again.
            self.ctx.journal.clear_draft(DRAFT_KEY)
            return
        self.form.set_state(state)
        if journal_state is not None and journal_state.needs_reconciliation:
            self._submitted_code = code
            self.form.set_editable(False)
            self.result.show_unknown(
                code, self.tr("This order was being sent when axdesk stopped.")
            )
            return
        self.result.show_info(
            self.tr("Your unfinished order is back"),
            self.tr("It was saved as you typed. Press New order to start from a blank form."),
        )

    def _keep_unreadable_draft(self, text: str) -> None:
        """Move a draft that cannot be read to a file of its own and say where it is.

        The form starts blank, but nothing typed before is thrown away: the
        draft's exact text goes to ``unreadable-draft-<time>.json`` in the data
        folder (on the worker: a file write), and only then leaves the journal.
        """
        journal = self.ctx.journal
        folder = self.ctx.paths.data_dir

        def keep() -> Path:
            path = keep_draft_file(folder, text, dt.datetime.now())
            if journal.load_draft(DRAFT_KEY) == text:  # not yet replaced by a new draft
                journal.clear_draft(DRAFT_KEY)
            return path

        def kept(path: Path) -> None:
            self.result.show_info(
                self.tr("The saved draft could not be read"),
                self.tr(
                    "The saved draft could not be read, so the form starts blank; "
                    "it was kept in {path}."
                ).format(path=str(path)),
            )

        def not_kept(error: BaseException) -> None:
            log.error("The unreadable order draft could not be kept aside", exc_info=error)
            self.result.show_info(
                self.tr("The saved draft could not be read"),
                self.tr(
                    "The saved draft could not be read, and it could not be copied to {folder}; "
                    "it stays in the order journal until you type a new order."
                ).format(folder=str(folder)),
            )

        log.warning("The order draft is not readable; keeping it aside")
        self.ctx.worker.call(keep).on_success(kept).on_error(not_kept).start()

    # -- the submit bar -----------------------------------------------------------------

    def _locked(self) -> bool:
        return self._busy or bool(self._submitted_code)

    def _blocking_reason(self) -> tuple[str, Issue | None]:
        if self._busy:
            return self.tr("Sending… wait for AX's answer."), None
        if self._submitted_code:
            return (
                self.tr(
                    "Waiting to know whether AX made order {code}. Press Retry, "
                    "or New order to start another one."
                ).format(code=self._submitted_code),
                None,
            )
        issues = self.form.issues
        if issues and self.form.state().is_blank():
            return (
                self.tr("Type the purchaser's name, or book a slot from the Inventory tab."),
                None,
            )
        if issues:
            first = issues[0]
            where = self.form.describe_field(first.field)
            text = self.tr("{where}: {sentence}").format(
                where=where, sentence=first.sentence(self.form.translate_template)
            )
            if len(issues) > 1:
                text += " " + self.tr("(and {count} more)").format(count=len(issues) - 1)
            return text, first
        if not self.ctx.connection.is_connected:
            return self.tr(
                "Not connected to AX. Choose a connection in Connection > Connect."
            ), None
        return "", None

    def _update_bar(self) -> None:
        totals = self.form.totals
        currency = self.form.header.currency
        self.total_label.setText(
            self.tr("Total {amount}").format(amount=format_money(totals.total, currency))
            if totals.total is not None
            else self.tr("Total —")
        )
        reason, issue = self._blocking_reason()
        enabled = not reason
        self.submit_button.setEnabled(enabled)
        role = "ready" if enabled else "reason"
        if self.reason_label.property("role") != role:
            self.reason_label.setProperty("role", role)
            repolish(self.reason_label)
        if enabled:
            self.submit_button.setToolTip(self.tr("Send the order to AX (Ctrl+Enter)"))
            self.reason_label.setText(self.tr("Ready to send: Ctrl+Enter"))
            self.reason_label.setAccessibleName(self.tr("Ready to send"))
        else:
            self.submit_button.setToolTip(
                self.tr("Cannot send yet: {reason}").format(reason=reason)
            )
            shown = reason.replace("&", "&amp;").replace("<", "&lt;")
            if issue is not None:
                show = self.tr("Show")
                shown += f' <a href="#problems">{show}</a>'
            self.reason_label.setText(shown)
            self.reason_label.setAccessibleName(reason)
        self.submit_button.setAccessibleDescription("" if enabled else reason)

    def show_problems(self) -> None:
        """Show every problem, empty required fields too, and go to the first one."""
        self.form.show_all_problems()
        issues = self.form.issues
        if issues:
            self.form.focus_field(issues[0].field)

    def _submit_shortcut(self) -> None:
        """Ctrl+Enter: send, or when something is wrong, go to it."""
        if self._locked():
            return
        self.form.commit_open_editors()
        state = self.form.state()
        self.form.revalidate(state)
        self._update_bar()
        if not self.submit_button.isEnabled():
            self.show_problems()
        elif not self._closed:
            self._send(state)

    # -- sending ------------------------------------------------------------------------

    def submit(self) -> None:
        """Send the order (Submit button, Ctrl+Enter). A second press while busy does nothing."""
        if self._locked() or self._closed:
            return
        self.form.commit_open_editors()
        state = self.form.state()
        if self.form.revalidate(state):
            self.show_problems()
            self._update_bar()
            return
        self._send(state)

    def _send(self, state: OrderFormState) -> None:
        """Send ``state`` in one worker call (:meth:`OrderSubmission.send`) under a new code.

        The code is chosen here, before the call: from now until the outcome
        the form is locked on it, and a draft written meanwhile (the window
        closing) names it, as the one the call writes does.
        """
        code = new_channel_order_code()
        order = FormOrder(state, tuple(self.form.products), self.ctx.connection.supplier_timezone)
        self._busy = True
        self._submitted_code = code
        self._draft_timer.stop()
        self.form.set_editable(False)
        self._update_bar()
        self.result.show_busy(
            self.tr("Checking the seats…"),
            self.tr("Reading the seats left once more before anything is sent."),
        )
        submission, stopping, sending = self.submission, self._stopping, self._sending

        def announce() -> None:  # on the worker: the seats are fine, the order goes out
            if not stopping.is_set():
                sending.emit(code)

        self.ctx.worker.call(lambda: submission.send(order, code, on_sending=announce)).on_success(
            self._sent
        ).start()

    def _show_sending(self, code: str) -> None:
        if self._busy and code == self._submitted_code:
            self.result.show_busy(
                self.tr("Sending the order to AX…"),
                self.tr("Order {code} is recorded in the journal before it is sent.").format(
                    code=code
                ),
                code,
            )

    def _sent(self, result: SendResult[Issue]) -> None:
        """The one answer to a send: show the seats read, then what became of the order."""
        for key, inventory in result.inventories.items():
            self.inventory.store(key, inventory)
        match result.outcome:
            case SeatsNotRead(error=error):
                self._nothing_sent()
                sentence = describe_error(error) or self.tr("The seat check was cancelled.")
                self.result.show_not_sent(
                    self.tr("Not sent: the seats could not be checked"),
                    sentence + "\n" + self.tr("Nothing was sent to AX. Try again in a moment."),
                )
            case SeatsChanged(problems=problems):
                self._seats_changed(problems)
            case NotSent() as not_sent:
                self._not_sent(result.code, not_sent)
            case settled:
                self._settled(settled)

    def _seats_changed(self, problems: Sequence[Issue]) -> None:
        lines = [
            self.tr("{where}: {sentence}").format(
                where=self.form.describe_field(issue.field),
                sentence=issue.sentence(self.form.translate_template),
            )
            for issue in problems
        ]
        self._nothing_sent()
        self.form.revalidate()
        self.show_problems()
        self.result.show_not_sent(
            self.tr("Not sent: the seats changed"),
            "\n".join(lines) + "\n" + self.tr("Nothing was sent to AX. Adjust and send again."),
        )

    def _not_sent(self, code: str, not_sent: NotSent) -> None:
        """Nothing of ``code`` is on its way to AX: the form opens again, with a sentence."""
        if code == self._submitted_code:
            self._submitted_code = ""
            if not_sent.draft_named_it:
                self._form_changed()  # the draft saved for the send names the code
        self._stop_sending()
        sentence = describe_error(not_sent.error) or self.tr("Sending was cancelled.")
        self.result.show_not_sent(self.tr("Not sent"), sentence)

    def retry(self, code: str | None = None, *, assign_endpoint: bool = False) -> None:
        """Check the pending order with AX once more (the Retry button).

        When axdesk did not record which server the order went to, the operator
        is asked whether it was the one in use; only a Yes checks it there
        (``assign_endpoint``).
        """
        code = code or self._submitted_code
        if not code or self._busy:
            return
        self._busy = True
        self._update_bar()
        self.result.show_busy(self.tr("Checking the order with AX…"), "", code)
        submission = self.submission
        self.ctx.worker.call(
            lambda: submission.check_again(code, assign_endpoint=assign_endpoint)
        ).on_success(lambda checked: self._checked(code, checked, asked=assign_endpoint)).start()

    def _checked(self, code: str, checked: Settled | NotSent, *, asked: bool) -> None:
        if isinstance(checked, NotSent):
            self._busy = False
            self._not_sent(code, checked)
            return
        self._settled(checked)
        if asked or not checked.outcome.needs_assignment or self._closed:
            return
        profile = self.ctx.connection.profile
        server = profile.base_url if profile is not None else ""
        if server and self.ask_confirmation(
            self.tr("Which AX server has this order?"),
            self.tr(
                "axdesk did not record which AX server order {code} was sent to. Was it "
                "taken while connected to {server}?\n\nAnswer Yes only if so: it is then "
                "checked there and, if AX does not have it, sent there under the same code. "
                "Otherwise answer No and connect to the server it was taken on."
            ).format(code=checked.code, server=server),
        ):
            self.retry(checked.code, assign_endpoint=True)

    def _settled(self, settled: Settled) -> None:
        code = settled.code
        self._busy = False
        match settled:
            case Sent():
                self._order_made(settled)
            case Rejected():
                self._order_rejected(settled.outcome)
            case Unknown():
                if code == self._submitted_code:
                    self.form.set_editable(False)
                else:
                    self.form.set_editable(not self._submitted_code)
                self.result.show_unknown(code, self._unknown_reason(settled))
        self._update_bar()

    def _unknown_reason(self, unknown: Unknown) -> str:
        if unknown.error is None:
            return unknown.outcome.message
        return describe_error(unknown.error) or self.tr("Sending was cancelled.")

    def _order_made(self, sent: Sent) -> None:
        code = sent.code
        if code == self._submitted_code:
            self._submitted_code = ""
            self.form.set_state(OrderFormState())
            self.form.set_editable(True)
            self._draft_timer.stop()
            self._draft_dirty = False
            journal = self.ctx.journal
            self.ctx.worker.call(lambda: journal.clear_draft(DRAFT_KEY)).start()
        if sent.detail is not None:
            self.result.show_sent(sent.detail, self.ctx.connection.supplier_timezone)
        else:
            self.result.show_info(self.tr("Order sent to AX"), sent.outcome.message)
        self.order_sent.emit(code)

    def _order_rejected(self, outcome: SubmitOutcome) -> None:
        """AX refused it: nothing was made, so the form is editable again with AX's words."""
        if outcome.channel_order_code != self._submitted_code:
            # Another order (checked at start-up): its fields are not on this form.
            self._busy = False
            self.result.show_rejected(outcome.message, list(outcome.errors))
            return
        self._submitted_code = ""
        self._stop_sending()
        by_field: dict[str, str] = {}
        unplaced: list[str] = []
        same = self.form.header.same_check.isChecked()
        for entry in outcome.errors:
            key, message = server_error_field(entry)
            if key is not None and same and key.startswith("representative."):
                key = "purchaser." + key.split(".", 1)[1]  # the purchaser was sent as it
            if key is None or not self.form.shows_field(key):
                unplaced.append(entry)
            elif key in by_field:
                by_field[key] += " " + message
            else:
                by_field[key] = message
        self.form.set_server_problems(by_field)
        self.result.show_rejected(outcome.message, unplaced)
        if by_field:
            self.form.focus_field(next(iter(by_field)))
        self._form_changed()

    def _stop_sending(self) -> None:
        """Nothing is on its way any more; the form opens again unless locked on an order."""
        self._busy = False
        self.form.set_editable(not self._submitted_code)
        self._update_bar()

    def _nothing_sent(self) -> None:
        """The send stopped before the order could reach the journal: the form opens again."""
        self._submitted_code = ""
        self._stop_sending()

    # -- start-up reconciliation --------------------------------------------------------

    def _pending_reconciled(self, settled: list[Settled]) -> None:
        if not settled:
            return
        mine = [s for s in settled if s.outcome.channel_order_code == self._submitted_code]
        others = [s for s in settled if s not in mine]
        for item in others:
            if item.outcome.is_sent:
                self.order_sent.emit(item.outcome.channel_order_code)
        if mine:
            self._settled(mine[0])  # the order this form is locked on
        if not others:
            return
        if len(others) == 1 and not mine:
            only = others[0]
            if only.outcome.is_sent and only.detail is not None:
                self.result.show_sent(only.detail, self.ctx.connection.supplier_timezone)
                return
            if only.outcome.is_unknown:
                self.result.show_unknown(only.outcome.channel_order_code, only.outcome.message)
                return
        sent = sum(1 for s in others if s.outcome.is_sent)
        rejected = sum(1 for s in others if s.outcome.is_rejected)
        elsewhere = sum(1 for s in others if s.outcome.is_elsewhere)
        unknown = sum(1 for s in others if s.outcome.is_unknown) - elsewhere
        if mine and not unknown and not elsewhere:
            return  # the form's own order is what the banner shows
        text = self.tr(
            "{sent} sent, {rejected} refused by AX, {unknown} still not known. See the Orders tab."
        ).format(sent=sent, rejected=rejected, unknown=unknown)
        if elsewhere:
            text += " " + self.tr(
                "{count} were sent to another AX server, or to one axdesk did not record, "
                "and were not checked here."
            ).format(count=elsewhere)
        self.result.show_info(self.tr("Unfinished orders were checked with AX"), text)

    def _reconcile_failed(self, error: BaseException) -> None:
        sentence = describe_error(error)
        if sentence:
            self.result.show_info(self.tr("Unfinished orders could not be checked"), sentence)

    # -- new order ----------------------------------------------------------------------

    def ask_confirmation(self, title: str, text: str) -> bool:
        """Ask yes/no (tests replace this)."""
        answer = QMessageBox.question(
            self,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def new_order(self) -> None:
        """Clear the form (after a confirmation when something was typed)."""
        if self._busy:
            return
        state = self.form.state()
        if not state.is_blank() or self._submitted_code:
            text = self.tr("Clear the form? What is typed now will be lost.")
            if self._submitted_code:
                text = self.tr(
                    "Start a new order? Order {code} stays in the journal and is still checked "
                    "with AX; nothing is lost."
                ).format(code=self._submitted_code)
            if not self.ask_confirmation(self.tr("New order"), text):
                return
        self._submitted_code = ""
        self.form.set_state(OrderFormState())
        self.form.set_editable(True)
        self.result.hide()
        self._draft_timer.stop()
        self._draft_dirty = False
        journal = self.ctx.journal
        self.ctx.worker.call(lambda: journal.clear_draft(DRAFT_KEY)).start()
        self._update_bar()
        self.form.header.purchaser.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)
