"""The Orders tab: every journaled order, live sync with AX, search, and per-ticket cancel.

Layout: the search and filter bar (:mod:`axdesk.ui.orders.filter_bar`); the
orders list (paged, fetched off the GUI thread, :mod:`axdesk.ui.orders.table_model`);
under it the selected order's detail (:mod:`axdesk.ui.orders.detail_pane`); a
status line with the live-sync state.

The tab builds, lays out and wires; each action is one helper object built as
``Helper(tab)``, which uses the tab's parts, its signals and its two doors,
:meth:`OrdersTab.show_message` and :meth:`OrdersTab.open_dialog`:

- ``tab.selection``, :class:`~axdesk.ui.orders.selected_order.SelectedOrder`:
  the detail pane follows the list's current order;
- ``tab.search``, :class:`~axdesk.ui.orders.search.OrderSearch`: the search
  box, the filters and the keyboard walk from the search to the tickets;
- ``tab.cancelling``, :class:`~axdesk.ui.orders.cancel.TicketCancelling`;
- ``tab.lookup``, :class:`~axdesk.ui.orders.lookup.OrderLookup`;
- ``tab.exporting``, :class:`~axdesk.ui.orders.export.OrderExport`;
- ``tab.note_saving``, :class:`~axdesk.ui.orders.order_note.OrderNoteSaving`:
  the desk's internal note, typed in the detail pane;
- ``tab.manifest``, :class:`~axdesk.ui.orders.manifest_print.ManifestPrinting`:
  the guide's day manifest, printed or saved as PDF;
- ``tab.departure_cancelling``,
  :class:`~axdesk.ui.orders.departure_cancel.DepartureCancelling`: every live
  ticket of a departure cancelled with one confirmation;
- ``tab.live_sync``, :class:`~axdesk.ui.orders.live_sync_view.LiveSyncView`.

The phoned-in cancel, keyboard only (documented in ``axdesk/resources/docs/cancel-flow.md``):
Ctrl+F, type the caller's name or phone, Enter (the first match is selected
and the focus moves to its tickets), arrow to the traveler, Delete, Enter.

Live sync (:class:`~axdesk.ui.orders.live_sync.OrderSync`) runs from the moment the
tab is built until :meth:`OrdersTab.shutdown`, whichever tab is shown, so a
supplier's confirm or reject becomes a desktop notification (``notify``).
"""

from __future__ import annotations

import datetime as dt
import itertools

from PySide6.QtCore import QEvent, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from axdesk.ui.common.context import AppContext, supplier_today, supplier_zone
from axdesk.ui.common.elided_label import ElidedLabel
from axdesk.ui.common.placeholders import fill_args
from axdesk.ui.common.team_cause import TeamJournalCause
from axdesk.ui.common.team_feed import TeamJournalFeed
from axdesk.ui.orders.cancel import TicketCancelling
from axdesk.ui.orders.departure_cancel import DepartureCancelling
from axdesk.ui.orders.detail_pane import OrderDetailPane
from axdesk.ui.orders.export import OrderExport
from axdesk.ui.orders.filter_bar import OrderFilterBar
from axdesk.ui.orders.live_sync import OrderSync
from axdesk.ui.orders.live_sync_view import LiveSyncView
from axdesk.ui.orders.lookup import OrderLookup
from axdesk.ui.orders.manifest_print import ManifestPrinting
from axdesk.ui.orders.order_note import OrderNoteSaving
from axdesk.ui.orders.search import OrderSearch
from axdesk.ui.orders.selected_order import SelectedOrder
from axdesk.ui.orders.table_model import OrdersModel
from axdesk.ui.orders.table_view import OrdersTableView
from axdesk.ui.orders.team_banner import TeamJournalBanner


class OrdersTab(QWidget):
    """The Orders tab (see the module docstring).

    Signals:
        notify(str, str): (title, text) of a desktop notification: the supplier
            confirmed or rejected an order.
        status_changed(object): live sync saw an AX order change status (a
            ``SyncChange``); the table row is refreshed at the same time.
        detail_shown(str): the detail pane now shows this channel order.
        ticket_cancelled(str): AX confirmed the cancel of this ticket code and the
            journal holds it.
        cancel_failed(str, str): the cancel of this ticket code failed (sentence).
        cancel_all_finished(object): "Cancel all tickets" ended; a list of
            ``CancelOutcome``, one per ticket.
        order_imported(str): an order looked up at AX is now in the journal.
        export_finished(str, int): a CSV was written (path, rows).
        export_failed(str): a CSV could not be written (sentence).
        manifest_written(str): the day manifest was saved as this PDF file.
        manifest_printed(): the day manifest was sent to a printer.
        manifest_failed(str): the manifest (of this file, "" when printing) was not made.
        departure_cancel_finished(object): a departure's cancel ended; a list of
            ``DepartureCancelOutcome``, one per ticket.
        note_saved(str): the internal note of this channel order is in the journal.
        note_failed(str, str): the internal note of this channel order was not saved
            (sentence); the text typed is still in the detail pane.
    """

    notify = Signal(str, str)
    status_changed = Signal(object)
    detail_shown = Signal(str)
    ticket_cancelled = Signal(str)
    cancel_failed = Signal(str, str)
    cancel_all_finished = Signal(object)
    order_imported = Signal(str)
    export_finished = Signal(str, int)
    export_failed = Signal(str)
    manifest_written = Signal(str)
    manifest_printed = Signal()
    manifest_failed = Signal(str)
    departure_cancel_finished = Signal(object)
    note_saved = Signal(str)
    note_failed = Signal(str, str)

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        poll_interval_seconds: float | None = None,
        start_sync: bool = True,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.active_dialog: QDialog | None = None
        self._shown_once = False

        self.model = OrdersModel(ctx.worker, ctx.journal, zone=self.zone, parent=self)
        # Another desk of the team journal wrote: read the table and the shown order again.
        ctx.events.journal_changed.connect(lambda _codes: self.reload())
        self.team_feed = TeamJournalFeed(ctx.journal, ctx.events, self)
        self.team_cause = TeamJournalCause(ctx.worker, ctx.journal, self.team_feed, self)
        interval = poll_interval_seconds
        self.sync = OrderSync(
            ctx.worker,
            ctx.connection,
            ctx.journal,
            interval_seconds=(
                (lambda: interval)
                if interval is not None
                else (lambda: float(ctx.settings.poll_interval_seconds))
            ),
            parent=self,
        )

        self._build()
        self.selection = SelectedOrder(self)
        self.search = OrderSearch(self)
        self.cancelling = TicketCancelling(self)
        self.lookup = OrderLookup(self)
        self.exporting = OrderExport(self)
        self.note_saving = OrderNoteSaving(self)
        self.manifest = ManifestPrinting(self)
        self.departure_cancelling = DepartureCancelling(self)
        self.live_sync = LiveSyncView(self)
        self._connect()
        self.retranslate_ui()
        self.search.apply_filters()
        if start_sync:
            self.sync.start(first_delay=1.0)

    # -- building ------------------------------------------------------------------------

    def _build(self) -> None:
        self.filters = OrderFilterBar(supplier_today(self.ctx.connection.supplier_timezone))
        self.table = OrdersTableView(self.model)
        self.detail = OrderDetailPane(self.zone)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([420, 380])
        self.splitter.setChildrenCollapsible(False)

        self.count_label = QLabel()
        self.sync_label = QLabel()
        self.sync_label.setEnabled(False)
        self.message_label = ElidedLabel()
        # Texts here change while the window is open: give the labels fixed minimum
        # widths so a longer text never changes the window's minimum size.
        # (A long message is elided, its whole text in the tooltip.)
        for label, width in (
            (self.count_label, 80),
            (self.message_label, 40),
            (self.sync_label, 120),
        ):
            label.setMinimumWidth(width)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.sync_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        footer = QHBoxLayout()
        footer.addWidget(self.count_label, 1)
        footer.addWidget(self.message_label, 6)
        footer.addWidget(self.sync_label, 2)

        self.team_banner = TeamJournalBanner()

        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addWidget(self.team_banner)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(footer)

        order = [
            *self.filters.focus_order(),
            self.table,
            self.detail.tickets_view,
            self.detail.cancel_button,
            self.detail.cancel_all_button,
            self.detail.history_tree,
            self.detail.note_box.editor,
            self.detail.note_box.save_button,
        ]
        for first, second in itertools.pairwise(order):
            self.setTabOrder(first, second)

    def _connect(self) -> None:
        self.filters.refresh_button.clicked.connect(self.refresh_now)
        self.team_feed.online_changed.connect(self.team_banner.set_online)
        self.team_cause.changed.connect(self.team_banner.set_cause)
        self.model.loaded.connect(self.team_banner.note_read)
        self.team_feed.start()

        self.model.count_changed.connect(self._show_count)
        self.model.loading_changed.connect(lambda _busy: self._show_count(self.model.total_count))

    # -- the contract ----------------------------------------------------------------------

    def on_shown(self) -> None:
        """The tab became the current one: bring the list up to date, focus the search."""
        if self._shown_once:
            self.reload()
        self._shown_once = True
        self.filters.search_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def shutdown(self) -> None:
        """Keep a note still being typed, stop live sync and forget calls under way (the
        window is closing)."""
        self.note_saving.save_before_closing()
        self.team_feed.stop()
        self.departure_cancelling.stop()
        self.sync.stop()
        self.live_sync.stop()
        self.search.stop()
        self.selection.stop()
        if self.active_dialog is not None:
            self.active_dialog.close()
            self.active_dialog = None

    def refresh(self) -> None:
        """View > Refresh (F5): the same as "Refresh now"."""
        self.refresh_now()

    def reload(self) -> None:
        """Read the table and the shown order again from the journal."""
        self.model.reload(keep=self.model.rowCount())
        self.selection.reload()

    def refresh_now(self) -> None:
        """ "Refresh now": re-read the journal and ask AX about every open order at once."""
        self.reload()
        self.sync.refresh_now()

    def show_order(self, channel_order_code: str) -> None:
        """Select and show this order (clearing filters that would hide it)."""
        self.selection.load(channel_order_code)
        row = self.model.row_of(channel_order_code)
        if row is not None:
            self.selection.select_row(row)
            return
        self.search.find_order(channel_order_code)

    def zone(self) -> dt.tzinfo:
        """The supplier's time zone: dates and times of use are shown in it."""
        return supplier_zone(self.ctx.connection.supplier_timezone)

    def _show_count(self, count: int) -> None:
        if self.model.is_loading and not self.model.has_loaded:
            self.count_label.setText(self.tr("Searching…"))
        elif self.model.count_is_lower_bound:
            self.count_label.setText(fill_args(self.tr("%1+ orders"), QLocale().toString(count)))
        else:
            self.count_label.setText(
                self.tr("1 order") if count == 1 else fill_args(self.tr("%1 orders"), str(count))
            )

    # -- dialogs ------------------------------------------------------------------------------

    def open_dialog(self, dialog: QDialog) -> None:
        """Open ``dialog`` window-modal over the tab, closing the one open before; when it
        closes, the shown order's tickets get the focus back."""
        previous = self.active_dialog
        self.active_dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        if previous is not None and previous.isVisible():
            previous.close()
        dialog.open()

    def _dialog_closed(self, dialog: QDialog) -> None:
        if self.active_dialog is dialog:
            self.active_dialog = None
            if self.detail.detail is not None and self.isVisible():
                self.detail.tickets_view.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- texts -------------------------------------------------------------------------------

    def show_message(self, text: str) -> None:
        """Say ``text`` in the status line under the list."""
        self.message_label.setText(text)

    def retranslate_ui(self) -> None:
        self.table.setAccessibleName(self.tr("Orders"))
        self.count_label.setAccessibleName(self.tr("Number of orders shown"))
        self.sync_label.setAccessibleName(self.tr("Live sync state"))
        self.model.retranslate()
        self._show_count(self.model.total_count)
        self.live_sync.show_state()

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
