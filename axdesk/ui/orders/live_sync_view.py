"""What the Orders tab shows of live sync: its state, the rows it checked, its notifications.

:class:`~axdesk.ui.orders.live_sync.OrderSync` polls AX; this view keeps the
footer's "Live sync: …" text current (every second, for the pause's
countdown), refreshes each row live sync asked about (and the order of each
cancel it settled), turns a supplier's confirm or reject into a desktop
notification (the tab's ``notify``), and starts a cycle at once when a
connection is made.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from axdesk.api import OrderStatus
from axdesk.store.journal_cancels import CancelState
from axdesk.store.sync import CancelChange, SyncChange
from axdesk.ui.common.placeholders import fill_args
from axdesk.ui.orders.rows import local_time
from axdesk.ui.orders.status_look import status_text

if TYPE_CHECKING:
    from axdesk.ui.orders.tab import OrdersTab


class LiveSyncView(QObject):
    """Live sync as the Orders tab shows it (built as ``LiveSyncView(tab)``)."""

    def __init__(self, tab: OrdersTab) -> None:
        super().__init__(tab)
        self._tab = tab
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        sync = tab.sync
        sync.status_changed.connect(self._status_changed)
        sync.orders_checked.connect(self._orders_checked)
        sync.cancel_changed.connect(self._cancel_changed)
        sync.backing_off.connect(lambda _s, reason: self.show_state(reason))
        sync.problem.connect(tab.show_message)
        sync.running_changed.connect(lambda _r: self.show_state())
        self._tick.timeout.connect(lambda: self.show_state())
        self._tick.start()
        tab.ctx.connection.changed.connect(self._connection_changed)

    def stop(self) -> None:
        """Stop updating the state text (the window is closing)."""
        self._tick.stop()

    def show_state(self, reason: str | None = None) -> None:
        """Say where live sync stands; ``reason`` (why it pauses) becomes the tooltip."""
        sync, label = self._tab.sync, self._tab.sync_label
        if reason:
            label.setToolTip(reason)
        if not self._tab.ctx.connection.is_connected:
            text = self.tr("Live sync: not connected")
        elif sync.is_paused:
            text = fill_args(
                self.tr("Live sync: paused, again in %1 s"), str(round(sync.pause_remaining))
            )
        elif sync.in_cycle:
            text = self.tr("Live sync: checking…")
        elif sync.last_cycle_at is not None:
            text = fill_args(
                self.tr("Live sync: checked at %1"),
                sync.last_cycle_at.astimezone().strftime("%H:%M:%S"),
            )
        else:
            text = self.tr("Live sync: starting")
        label.setText(text)

    def _status_changed(self, change: SyncChange) -> None:
        tab = self._tab
        tab.selection.after_change(change.channel_order_code)
        tab.status_changed.emit(change)
        title = {
            OrderStatus.SUPPLIER_CONFIRM: self.tr("Supplier confirmed an order"),
            OrderStatus.SUPPLIER_REJECT: self.tr("Supplier rejected an order"),
        }.get(change.new)
        if title is None:
            return
        row_number = tab.model.row_of(change.channel_order_code)
        row = tab.model.order_at(row_number) if row_number is not None else None
        parts = []
        if row is not None:
            who = row.purchaser_name or ", ".join(row.traveler_names[:2])
            what = row.summary
            when = local_time(row.first_use_at, tab.zone())
            parts.append(" — ".join(part for part in (who, what, when) if part))
        parts.append(
            fill_args(
                self.tr("AX order %1: %2"),
                change.ax_order_code,
                status_text(change.new),
            )
        )
        if change.comment:
            parts.append(change.comment)
        tab.notify.emit(title, "\n".join(parts))

    def _orders_checked(self, codes: tuple[str, ...]) -> None:
        """Refresh the rows shown of a batch of orders live sync asked about (a batch may
        name every open order: only the page's rows are read again)."""
        model = self._tab.model
        shown = {row.channel_order_code for row in model.rows()}
        for code in codes:
            if code in shown:
                model.update_order(code)

    def _cancel_changed(self, change: CancelChange) -> None:
        tab = self._tab
        tab.selection.after_change(change.channel_order_code)
        if change.state is CancelState.DONE:
            tab.ticket_cancelled.emit(change.ax_ticket_code)

    def _connection_changed(self) -> None:
        if self._tab.ctx.connection.is_connected:
            self._tab.sync.refresh_now()
        self.show_state()
