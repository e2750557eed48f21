"""Cancelling a whole departure (weather, the guide is ill): every live ticket, one confirmation.

"Departures > Cancel a departure…" opens :class:`DepartureCancelDialog`: a day
and one of its departures from the journal (starting on the selected order's),
every traveler on it with the ticket's status, and a comment for AX. "Cancel N
tickets…" asks once (:meth:`DepartureCancelling.confirm`), then
:class:`DepartureCancelRun` sends the cancels one ticket at a time on the
worker, each through :func:`axdesk.store.departures.cancel_departure_ticket`
(the store's ``cancel_one``: journaled, one server only), so the list shows
each result as it comes and "Stop" leaves the tickets not sent yet as they
are. The report says per ticket: cancelled, not cancelled (why), outcome
unknown (AX may have cancelled it; trying again is safe), or not sent.
Orders on the departure whose outcome at AX is not known yet have no tickets
to cancel; the dialog names them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from axdesk.store.cancel import CancelTarget
from axdesk.store.departures import (
    CancelResult,
    Departure,
    DepartureCancelOutcome,
    cancel_departure_ticket,
    cancel_target,
)
from axdesk.ui.common.context import Connection, supplier_today
from axdesk.ui.common.placeholders import fill_args
from axdesk.ui.common.worker import Call, Worker, describe_error
from axdesk.ui.orders.cancel_dialogs import COMMENT_MAX_LENGTH
from axdesk.ui.orders.departure_picker import DeparturePicker, default_choice, departure_heading
from axdesk.ui.orders.status_look import status_text, ticket_status_text

if TYPE_CHECKING:
    from axdesk.store.journal import OrderJournal
    from axdesk.ui.orders.tab import OrdersTab

RESULT_COLUMN = 4
_RESULT_COLOURS = {
    CancelResult.CANCELLED: "#1e8e3e",
    CancelResult.FAILED: "#d93025",
    CancelResult.UNKNOWN: "#8e24aa",
    CancelResult.NOT_SENT: "#5f6368",
}


class DepartureCancelRun(QObject):
    """Cancels ``targets`` one at a time on the worker, until done or stopped.

    Signals:
        ticket_finished(int, object): the ticket at this index has its
            :class:`DepartureCancelOutcome`.
        finished(object): every ticket has an outcome (a list, in order; those
            the operator stopped are ``NOT_SENT``).
    """

    ticket_finished = Signal(int, object)
    finished = Signal(object)

    def __init__(
        self,
        worker: Worker,
        connection: Connection,
        journal: OrderJournal,
        targets: Sequence[CancelTarget],
        comment: str | None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._connection = connection
        self._journal = journal
        self.targets = list(targets)
        self._comment = comment
        self.outcomes: list[DepartureCancelOutcome] = []
        self._stopped = False
        self._call: Call[DepartureCancelOutcome] | None = None
        self.is_running = False

    def start(self) -> None:
        self.is_running = True
        self._next()

    def stop(self) -> None:
        """Send no further cancel; the one under way still gets its answer."""
        self._stopped = True

    def _next(self) -> None:
        index = len(self.outcomes)
        if index == len(self.targets):
            self._finish()
            return
        if self._stopped:
            for target in self.targets[index:]:
                self._record(DepartureCancelOutcome(target, CancelResult.NOT_SENT))
            self._finish()
            return
        target = self.targets[index]
        connection, journal, comment = self._connection, self._journal, self._comment
        self._call = (
            self._worker.call(
                lambda: cancel_departure_ticket(connection.client(), journal, target, comment)
            )
            .on_success(self._answered)
            .on_error(
                lambda error: self._answered(
                    DepartureCancelOutcome(target, CancelResult.UNKNOWN, error=error)
                )
            )
            .start()
        )

    def _answered(self, outcome: DepartureCancelOutcome) -> None:
        self._call = None
        self._record(outcome)
        self._next()

    def _record(self, outcome: DepartureCancelOutcome) -> None:
        self.outcomes.append(outcome)
        self.ticket_finished.emit(len(self.outcomes) - 1, outcome)

    def _finish(self) -> None:
        self.is_running = False
        self.finished.emit(list(self.outcomes))


class DepartureCancelReport(QObject):
    """The sum of a departure's cancel (its own ``tr`` context: plural forms need a class)."""

    def report_sentence(self, outcomes: Sequence[DepartureCancelOutcome]) -> str:
        counts = {result: 0 for result in CancelResult}
        for outcome in outcomes:
            counts[outcome.result] += 1
        return fill_args(
            self.tr(
                "Of %n ticket(s): %1 cancelled, %2 not cancelled, %3 unknown, %4 not sent.",
                "",
                len(outcomes),
            ),
            str(counts[CancelResult.CANCELLED]),
            str(counts[CancelResult.FAILED]),
            str(counts[CancelResult.UNKNOWN]),
            str(counts[CancelResult.NOT_SENT]),
        )


class DepartureCancelDialog(QDialog):
    """A departure and its travelers; cancels every live ticket on it (see the module)."""

    def __init__(self, picker: DeparturePicker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Cancel a departure"))
        self.picker = picker
        self.departure: Departure | None = None
        self.targets: list[CancelTarget] = []
        self.confirm_box: QMessageBox | None = None
        self._rows: dict[str, QTreeWidgetItem] = {}

        self.warning_label = QLabel()
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet(
            "QLabel { background: #fef7e0; color: #7a4d00; border: 1px solid #f9dc8c;"
            " border-radius: 3px; padding: 4px 8px; }"
        )
        self.warning_label.hide()
        self.ticket_list = QTreeWidget()
        self.ticket_list.setAccessibleName(self.tr("Travelers on the departure"))
        self.ticket_list.setRootIsDecorated(False)
        self.ticket_list.setSelectionMode(QTreeWidget.SelectionMode.NoSelection)
        self.ticket_list.setHeaderLabels(
            [
                self.tr("Traveler"),
                self.tr("Phone"),
                self.tr("Order"),
                self.tr("Ticket"),
                self.tr("Status / result"),
            ]
        )
        self.comment_edit = QLineEdit()
        self.comment_edit.setMaxLength(COMMENT_MAX_LENGTH)
        self.comment_edit.setPlaceholderText(self.tr("e.g. Typhoon: the tour does not run"))
        self.comment_edit.setAccessibleName(self.tr("Cancellation comment"))
        form = QFormLayout()
        form.addRow(self.tr("&Comment for AX:"), self.comment_edit)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)

        buttons = QDialogButtonBox()
        self.cancel_button = QPushButton()
        self.cancel_button.setAccessibleName(self.tr("Cancel every live ticket of the departure"))
        self.stop_button = QPushButton(self.tr("&Stop"))
        self.stop_button.setAccessibleName(self.tr("Stop: send no further cancel"))
        self.stop_button.hide()
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setAccessibleName(self.tr("Close"))
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.stop_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(picker)
        layout.addWidget(self.warning_label)
        layout.addWidget(self.ticket_list, 1)
        layout.addLayout(form)
        layout.addWidget(self.summary_label)
        layout.addWidget(buttons)
        picker.chosen.connect(self._chosen)
        self._chosen()
        self.resize(760, 560)

    def comment(self) -> str | None:
        text = self.comment_edit.text().strip()
        return text or None

    def _chosen(self) -> None:
        self.show_departure(self.picker.departure())

    def show_departure(self, departure: Departure | None) -> None:
        """List the travelers of ``departure`` and what cancelling it would send."""
        self.departure = departure
        self.ticket_list.clear()
        self._rows.clear()
        zone = self.picker.zone()
        self.targets = []
        for traveler in departure.travelers if departure is not None else ():
            order, ticket = traveler.order, traveler.ticket
            line = traveler.line
            ax_status = status_text(line.ax_order.status) if line.ax_order is not None else ""
            item = QTreeWidgetItem(
                self.ticket_list,
                [
                    ticket.name,
                    ticket.phone,
                    f"{order.purchaser_name} · {order.channel_order_code[:8]}",
                    ticket.ax_ticket_code or "—",
                    ticket_status_text(ticket.status),
                ],
            )
            item.setToolTip(2, f"{order.channel_order_code}\n{ax_status}".strip())
            target = cancel_target(traveler, zone)
            if target is None:
                item.setDisabled(True)
            else:
                self.targets.append(target)
                self._rows[target.ticket_code] = item
        for column in range(4):
            self.ticket_list.resizeColumnToContents(column)
        unsettled = departure.unsettled_order_codes if departure is not None else ()
        if unsettled:
            self.warning_label.setText(
                fill_args(
                    self.tr(
                        "%n order(s) on this departure are not settled with AX yet (%1): their "
                        "tickets are not issued, so they cannot be cancelled until the journal "
                        "knows their outcome.",
                        "",
                        len(unsettled),
                    ),
                    ", ".join(code[:8] for code in unsettled),
                )
            )
        self.warning_label.setVisible(bool(unsettled))
        count = len(self.targets)
        self.cancel_button.setText(self.tr("Cancel %n ticket(s)…", "", count))
        self.cancel_button.setEnabled(count > 0)
        self.summary_label.setText(
            self.tr("No live ticket on this departure.") if departure and not count else ""
        )

    def set_running(self, running: bool) -> None:
        self.picker.setEnabled(not running)
        self.comment_edit.setEnabled(not running)
        self.cancel_button.setVisible(not running)
        self.stop_button.setVisible(running)
        self.stop_button.setEnabled(running)
        if running:
            self.summary_label.setText(self.tr("Cancelling at AX, one ticket at a time…"))

    def outcome_words(self, outcome: DepartureCancelOutcome) -> str:
        """What became of one ticket, in a sentence or two."""
        if outcome.result is CancelResult.CANCELLED:
            return fill_args(self.tr("Cancelled (%1)"), ticket_status_text(outcome.status))
        if outcome.result is CancelResult.NOT_SENT:
            return self.tr("Not sent: stopped before this ticket")
        reason = describe_error(outcome.error) if outcome.error is not None else None
        if outcome.result is CancelResult.UNKNOWN:
            return fill_args(
                self.tr(
                    "Outcome unknown: AX may have cancelled it (%1). Live sync will tell; "
                    "cancelling it again is safe."
                ),
                reason or "—",
            )
        return fill_args(self.tr("Not cancelled: %1"), reason or "—")

    @staticmethod
    def report_sentence_for(outcomes: Sequence[DepartureCancelOutcome]) -> str:
        """:meth:`report_sentence` without a dialog (it may be closed by then)."""
        return DepartureCancelReport().report_sentence(outcomes)

    def report_sentence(self, outcomes: Sequence[DepartureCancelOutcome]) -> str:
        """``Of 12 tickets: 10 cancelled, 1 not cancelled, 1 unknown, 0 not sent.``"""
        return DepartureCancelReport().report_sentence(outcomes)

    def show_outcome(self, outcome: DepartureCancelOutcome) -> None:
        item = self._rows.get(outcome.target.ticket_code)
        if item is None:
            return
        words = self.outcome_words(outcome)
        item.setText(RESULT_COLUMN, words)
        item.setToolTip(RESULT_COLUMN, words)
        item.setForeground(RESULT_COLUMN, QBrush(QColor(_RESULT_COLOURS[outcome.result])))

    def show_report(self, outcomes: Sequence[DepartureCancelOutcome]) -> None:
        """The summary line under the per-ticket results."""
        self.set_running(False)
        self.cancel_button.setEnabled(False)
        self.summary_label.setText(self.report_sentence(outcomes))


class DepartureCancelling(QObject):
    """The bulk cancel of a departure (built as ``DepartureCancelling(tab)``).

    The outcome is announced by the tab's signal ``departure_cancel_finished``
    (a list of :class:`DepartureCancelOutcome`, one per ticket).
    """

    def __init__(self, tab: OrdersTab) -> None:
        super().__init__(tab)
        self._tab = tab
        self.dialog: DepartureCancelDialog | None = None
        self.run: DepartureCancelRun | None = None
        tab.filters.cancel_departure_action.triggered.connect(self.choose)

    def choose(self) -> None:
        """Open the dialog on the selected order's day and departure."""
        tab = self._tab
        today = supplier_today(tab.ctx.connection.supplier_timezone)
        day, key = default_choice(tab.detail.detail, today, tab.zone())
        picker = DeparturePicker(tab.ctx.worker, tab.ctx.journal, tab.zone, day, key)
        dialog = DepartureCancelDialog(picker, tab)
        dialog.cancel_button.clicked.connect(lambda: self.confirm(dialog))
        dialog.stop_button.clicked.connect(self.stop)
        dialog.finished.connect(lambda _result: self._closed(dialog))
        self.dialog = dialog
        tab.open_dialog(dialog)

    def confirm(self, dialog: DepartureCancelDialog) -> None:
        """The one confirmation: every live ticket listed is cancelled on "Cancel N tickets"."""
        departure, targets = dialog.departure, list(dialog.targets)
        if departure is None or not targets:
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("Cancel a departure"), "", parent=dialog
        )
        box.setText(
            fill_args(
                self.tr("Cancel all %n live ticket(s) of %1?", "", len(targets)),
                departure_heading(departure, self._tab.zone()),
            )
        )
        box.setInformativeText(
            self.tr(
                "AX gives the seats back and each traveler's ticket is cancelled. A cancelled "
                "ticket cannot be restored here."
            )
        )
        yes = box.addButton(
            self.tr("Cancel %n ticket(s)", "", len(targets)), QMessageBox.ButtonRole.AcceptRole
        )
        yes.setAccessibleName(self.tr("Confirm: cancel every listed ticket"))
        keep = box.addButton(self.tr("&Keep tickets"), QMessageBox.ButtonRole.RejectRole)
        keep.setAccessibleName(self.tr("Keep the tickets, do not cancel"))
        box.setDefaultButton(keep)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.accepted.connect(lambda: self.start(dialog, targets, dialog.comment()))
        dialog.confirm_box = box
        box.open()

    def start(
        self, dialog: DepartureCancelDialog, targets: Sequence[CancelTarget], comment: str | None
    ) -> DepartureCancelRun:
        """Send the cancels (no confirmation; :meth:`confirm` asks)."""
        tab = self._tab
        dialog.confirm_box = None
        run = DepartureCancelRun(
            tab.ctx.worker, tab.ctx.connection, tab.ctx.journal, targets, comment, self
        )
        self.run = run
        dialog.set_running(True)
        run.ticket_finished.connect(lambda _index, outcome: self._ticket_finished(dialog, outcome))
        run.finished.connect(lambda outcomes: self._finished(dialog, outcomes))
        tab.show_message(self.tr("Cancelling %n ticket(s) of the departure…", "", len(targets)))
        run.start()
        return run

    def stop(self) -> None:
        """Send no further cancel (the window closes, or the operator said Stop)."""
        if self.run is not None and self.run.is_running:
            self.run.stop()

    def _ticket_finished(
        self, dialog: DepartureCancelDialog, outcome: DepartureCancelOutcome
    ) -> None:
        if self.dialog is dialog:  # (a dialog closed meanwhile is gone)
            dialog.show_outcome(outcome)

    def _finished(
        self, dialog: DepartureCancelDialog, outcomes: list[DepartureCancelOutcome]
    ) -> None:
        self.run = None
        if self.dialog is dialog:
            dialog.show_report(outcomes)
        tab = self._tab
        tab.show_message(DepartureCancelDialog.report_sentence_for(outcomes))
        tab.refresh()
        tab.departure_cancel_finished.emit(outcomes)

    def _closed(self, dialog: DepartureCancelDialog) -> None:
        dialog.picker.stop()
        if self.dialog is dialog:
            self.dialog = None
        self.stop()
