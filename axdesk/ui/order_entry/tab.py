"""The New order tab: the form, the result panel and the submit bar, wired together.

The tab owns no step of its own; one helper per action does the work:

* :class:`~axdesk.ui.order_entry.sending.OrderSending`: Send and Retry, and
  the form's lock on an order whose outcome is not known (the submit
  workflow itself is :class:`~axdesk.store.submission.OrderSubmission`'s);
* :class:`~axdesk.ui.order_entry.pending.PendingOrders`: settling the
  orders left unfinished, whenever a connection becomes usable;
* :class:`~axdesk.ui.order_entry.draft_keeper.DraftKeeper`: the draft,
  written as the operator types and brought back at start.

Send stays disabled (and the bar says why) while anything is wrong, and from
the first press until the outcome is known. Nothing here waits on the GUI
thread.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QVBoxLayout, QWidget

from axdesk.store.reconcile import DEFAULT_RETRY_DELAYS, DEFAULT_SETTLE_WINDOW
from axdesk.ui.common.catalog_read import CatalogReading
from axdesk.ui.common.context import AppContext, SlotRef
from axdesk.ui.common.placeholders import fill_args
from axdesk.ui.order_entry.bar import SubmitBar
from axdesk.ui.order_entry.draft_keeper import DraftKeeper
from axdesk.ui.order_entry.form import OrderForm
from axdesk.ui.order_entry.inventory_cache import InventoryCache
from axdesk.ui.order_entry.pending import PendingOrders
from axdesk.ui.order_entry.result_panel import OrderResultPanel
from axdesk.ui.order_entry.sending import OrderSending
from axdesk.ui.order_entry.state import OrderFormState
from axdesk.ui.order_entry.widgets import FORM_STYLE


class OrderTab(QWidget):
    """Point-and-click order entry for the operator on the phone.

    Signals:
        order_sent(str): AX made this channel order (after a send, a Retry, or
            the start-up reconciliation).
    """

    order_sent = Signal(str)

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        retry_delays: Sequence[float] = DEFAULT_RETRY_DELAYS,
        settle_window: float = DEFAULT_SETTLE_WINDOW,
    ) -> None:
        super().__init__(parent)
        self.setStyleSheet(FORM_STYLE)
        self.ctx = ctx
        self.closed = False

        self.inventory = InventoryCache(ctx.worker, ctx.connection, self)
        self.catalog = CatalogReading(ctx.worker, lambda: ctx.catalog, self)
        # A failed read is said once in the window's bar; the lines keep the products
        # read before, and a product already chosen stays chosen.
        self.catalog.failed.connect(ctx.worker.error_reported)
        self.form = OrderForm(
            self.catalog, self.inventory, lambda: ctx.connection.supplier_timezone, self
        )
        self.result = OrderResultPanel(self)
        self.bar = SubmitBar(self)
        self.sending = OrderSending(self, retry_delays=retry_delays, settle_window=settle_window)
        self.pending = PendingOrders(self)
        self.drafts = DraftKeeper(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        result_holder = QVBoxLayout()
        result_holder.setContentsMargins(16, 10, 16, 0)
        result_holder.addWidget(self.result)
        layout.addLayout(result_holder)
        layout.addWidget(self.form, 1)
        layout.addWidget(self.bar)

        self.bar.submit_button.clicked.connect(self.submit)
        self.bar.new_button.clicked.connect(self.new_order)
        self.bar.problems_requested.connect(self.show_problems)
        self.result.retry_requested.connect(self.sending.retry)
        self.sending.order_sent.connect(self.order_sent)
        self.pending.order_sent.connect(self.order_sent)
        self.form.changed.connect(self.drafts.form_changed)
        self.form.validated.connect(self.update_bar)
        ctx.connection.changed.connect(self.update_bar)
        ctx.events.catalog_changed.connect(self.form.reload_catalog)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self._submit_shortcut)

        self.form.tail_widgets = [
            self.bar.submit_button,
            self.bar.new_button,
            self.result.copy_button,
            self.result.retry_button,
            self.result.close_button,
        ]
        self.form.apply_tab_order()
        self.drafts.restore()
        self.update_bar()

    def retranslate_ui(self) -> None:
        self.update_bar()

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
        self.update_bar()

    def refresh(self) -> None:
        """View > Refresh (F5): read the catalog again, and every line's seats from AX."""
        self.form.reload_catalog()
        for line in self.form.lines:
            line.refresh_inventory()
        self.update_bar()

    def shutdown(self) -> None:
        """The window closes: keep the draft and stop waiting on AX."""
        if self.closed:
            return
        self.closed = True
        self.catalog.stop()
        self.sending.stop()
        self.pending.stop()
        self.inventory.shutdown()
        self.drafts.write_now()

    # -- what the main window asks ------------------------------------------------------

    def prefill_slot(self, slot: SlotRef) -> None:
        """Fill a line with a slot picked in the inventory ("Book this slot")."""
        if self.sending.locked:
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
        """Settle the unfinished orders (the main window calls it when a connection is usable)."""
        self.pending.settle()

    # -- the submit bar -----------------------------------------------------------------

    def _blocking_reason(self) -> tuple[str, bool]:
        """Why Send is disabled ("" when it is not), and whether that names a field."""
        if self.sending.busy:
            return self.tr("Sending… wait for AX's answer."), False
        if self.sending.submitted_code:
            return (
                fill_args(
                    self.tr(
                        "Waiting to know whether AX made order %1. Press Retry, "
                        "or New order to start another one."
                    ),
                    self.sending.submitted_code,
                ),
                False,
            )
        issues = self.form.issues
        if issues and self.form.state().is_blank():
            return (
                self.tr("Type the purchaser's name, or book a slot from the Inventory tab."),
                False,
            )
        if issues:
            first = issues[0]
            where = self.form.describe_field(first.field)
            text = fill_args(self.tr("%1: %2"), where, self.form.issue_sentence(first))
            if len(issues) > 1:
                text += " " + fill_args(self.tr("(and %1 more)"), str(len(issues) - 1))
            return text, True
        if not self.ctx.connection.is_connected:
            return self.tr(
                "Not connected to AX. Choose a connection in Connection > Connect."
            ), False
        return "", False

    def update_bar(self) -> None:
        """Show the total and whether the order can be sent, and why not."""
        reason, names_a_field = self._blocking_reason()
        self.bar.show_state(
            self.form.totals.total, self.form.header.currency, reason, names_a_field=names_a_field
        )

    def show_problems(self) -> None:
        """Show every problem, empty required fields too, and go to the first one."""
        self.form.show_all_problems()
        issues = self.form.issues
        if issues:
            self.form.focus_field(issues[0].field)

    # -- sending ------------------------------------------------------------------------

    def _submit_shortcut(self) -> None:
        """Ctrl+Enter: send, or when something is wrong, go to it."""
        if self.sending.locked:
            return
        self.form.commit_open_editors()
        state = self.form.state()
        self.form.revalidate(state)
        self.update_bar()
        if not self.bar.submit_button.isEnabled():
            self.show_problems()
        elif not self.closed and self.form.confirm_low_prices(state, self.ask_confirmation):
            self.sending.send(state)

    def submit(self) -> None:
        """Send the order (the Send order button). A second press while busy does nothing."""
        if self.sending.locked or self.closed:
            return
        self.form.commit_open_editors()
        state = self.form.state()
        if self.form.revalidate(state):
            self.show_problems()
            self.update_bar()
            return
        if not self.form.confirm_low_prices(state, self.ask_confirmation):
            return
        self.sending.send(state)

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

    def ask_choice(self, title: str, text: str, choices: Sequence[str]) -> int | None:
        """Ask which of ``choices`` holds (tests replace this); None: none was chosen."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self)
        buttons = [box.addButton(choice, QMessageBox.ButtonRole.AcceptRole) for choice in choices]
        box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
        box.exec()
        clicked = box.clickedButton()
        return next((i for i, button in enumerate(buttons) if button is clicked), None)

    def ask_text(self, title: str, label: str) -> str | None:
        """Ask for one line of text (tests replace this); None: cancelled."""
        text, accepted = QInputDialog.getText(self, title, label, QLineEdit.EchoMode.Normal)
        return text if accepted else None

    def new_order(self) -> None:
        """Clear the form (after a confirmation when something was typed)."""
        if self.sending.busy:
            return
        code = self.sending.submitted_code
        if not self.form.state().is_blank() or code:
            text = self.tr("Clear the form? What is typed now will be lost.")
            if code:
                text = fill_args(
                    self.tr(
                        "Start a new order? Order %1 stays in the journal and is still checked "
                        "with AX; nothing is lost."
                    ),
                    code,
                )
            if not self.ask_confirmation(self.tr("New order"), text):
                return
        self.sending.release()
        self.form.set_state(OrderFormState())
        self.form.set_editable(True)
        self.result.hide()
        self.drafts.discard()
        self.update_bar()
        self.form.header.purchaser.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)
