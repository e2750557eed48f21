"""The order the Orders tab's detail pane shows: the list's current row, read off the GUI thread.

When the current row changes, the order is read from the journal on the
worker and shown in the detail pane; an answer for an order that is no
longer the current one is dropped. A search's Enter asks for the keyboard
focus on the found order's tickets: it moves there as soon as the order is
shown (at once when it already is).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from axdesk.store.journal_queries import OrderDetail
from axdesk.ui.common.worker import Call

if TYPE_CHECKING:
    from axdesk.ui.orders.tab import OrdersTab


class SelectedOrder(QObject):
    """Keeps the detail pane on the list's current order (built as ``SelectedOrder(tab)``)."""

    def __init__(self, tab: OrdersTab) -> None:
        super().__init__(tab)
        self._tab = tab
        self._code: str | None = None
        self._call: Call[OrderDetail | None] | None = None
        self._focus_tickets_when_shown = False
        tab.table.selectionModel().currentRowChanged.connect(self._current_row_changed)
        tab.model.row_updated.connect(self._row_updated)

    @property
    def code(self) -> str | None:
        """The channel order code shown (or being read), None when none is."""
        return self._code

    @property
    def is_loading(self) -> bool:
        return self._call is not None

    def select_row(self, row: int, *, load: bool = True) -> None:
        """Make ``row`` the list's current row; ``load=False`` keeps the detail as it is
        (the same order, only its place in the list moved)."""
        self._tab.table.select_row(row, quietly=not load)

    def select_and_focus_tickets(self, row: int) -> None:
        """Select ``row`` and move the focus to its tickets once its detail is shown."""
        self._focus_tickets_when_shown = True
        self.select_row(row)
        order = self._tab.model.order_at(row)
        if order is not None and self._is_shown(order.channel_order_code):
            self._focus_tickets_when_shown = False
            self.focus_tickets()

    def focus_tickets_when_shown(self) -> None:
        """Move the focus to the tickets now, or when the order being read is shown."""
        if self._call is None:
            self.focus_tickets()
        else:
            self._focus_tickets_when_shown = True

    def focus_tickets(self) -> bool:
        """Focus the tickets, on the one the search text names if any (see
        :meth:`OrderDetailPane.focus_tickets`)."""
        return self._tab.detail.focus_tickets(self._prefer_text())

    def load(self, code: str) -> None:
        """Read the order ``code`` from the journal and show it."""
        self._code = code
        if self._call is not None:
            self._call.cancel()
        journal = self._tab.ctx.journal
        self._call = (
            self._tab.ctx.worker.call(lambda: journal.get_order(code))
            .on_success(lambda detail: self._arrived(code, detail))
            .on_error(self._failed)
            .start()
        )

    def reload(self) -> None:
        """Read the shown order again (it may have changed in the journal)."""
        if self._code is not None:
            self.load(self._code)

    def after_change(self, channel_order_code: str) -> None:
        """The journal changed this order: refresh its row, and the detail if it is shown."""
        self._tab.model.update_order(channel_order_code)
        if channel_order_code == self._code:
            self.load(channel_order_code)

    def clear(self) -> None:
        """The shown order is no longer in the list (a new search or filter hid it)."""
        self._code = None
        if self._call is not None:
            self._call.cancel()
            self._call = None
        self._tab.detail.show_detail(None)

    def stop(self) -> None:
        """Forget the read under way (the window is closing)."""
        if self._call is not None:
            self._call.cancel()
            self._call = None

    def _prefer_text(self) -> str:
        """The search text, used to pick the caller's own ticket in the found order."""
        return self._tab.model.criteria.text

    def _is_shown(self, code: str) -> bool:
        shown = self._tab.detail.detail
        return (
            self._code == code
            and shown is not None
            and shown.channel_order_code == code
            and self._call is None
        )

    def _current_row_changed(self, _current: object, _previous: object) -> None:
        order = self._tab.model.order_at(self._tab.table.currentIndex().row())
        if order is not None and order.channel_order_code != self._code:
            self.load(order.channel_order_code)
        elif order is not None and self._focus_tickets_when_shown and self._call is None:
            self._focus_tickets_when_shown = False
            self.focus_tickets()

    def _arrived(self, code: str, detail: OrderDetail | None) -> None:
        if code != self._code:
            return
        self._call = None
        self._tab.detail.show_detail(detail)
        if detail is not None:
            self._tab.detail_shown.emit(code)
        if self._focus_tickets_when_shown:
            self._focus_tickets_when_shown = False
            if not self.focus_tickets():
                self._tab.show_message(self.tr("This order has no ticket that can be cancelled."))

    def _failed(self, error: BaseException) -> None:
        self._call = None
        self._focus_tickets_when_shown = False
        self._tab.ctx.worker.report_error(error)

    def _row_updated(self, code: str) -> None:
        if code == self._code and self._call is None:
            self.load(code)
