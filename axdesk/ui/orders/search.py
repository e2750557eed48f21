"""Finding an order in the Orders tab, keyboard first (README, "Cancelling a ticket for a caller").

Ctrl+F focuses the search box (its text selected); typing narrows the list
after a short pause (:data:`SEARCH_DEBOUNCE_MS`), a filter change at once.
Enter selects the first match and moves the focus to its tickets, on the
caller's own ticket, waiting for the query and the order's detail when
they are still on their way. Down from the search box walks into the list,
and Enter there moves to the tickets too. A search that finds nothing but
looks like an order code offers to ask AX about it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut

if TYPE_CHECKING:
    from axdesk.ui.orders.tab import OrdersTab

SEARCH_DEBOUNCE_MS = 250
_CODE_LIKE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_\-]{5,}")


class OrderSearch(QObject):
    """The search box and the filters drive the list (built as ``OrderSearch(tab)``)."""

    def __init__(self, tab: OrdersTab) -> None:
        super().__init__(tab)
        self._tab = tab
        self._enter_pending = False
        self._select_code_when_loaded: str | None = None
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self.shortcut = QShortcut(QKeySequence.StandardKey.Find, tab)
        self.shortcut.setContext(Qt.ShortcutContext.WindowShortcut)

        edit = tab.filters.search_edit
        edit.installEventFilter(self)
        tab.table.installEventFilter(self)
        edit.textEdited.connect(lambda _text: self._debounce.start())
        edit.textChanged.connect(self._text_changed)
        edit.returnPressed.connect(self._enter_in_search)
        self._debounce.timeout.connect(self.apply_filters)
        tab.filters.filter_changed.connect(self.apply_filters)
        self.shortcut.activated.connect(self.focus)
        tab.model.loaded.connect(self._query_loaded)

    def focus(self) -> None:
        """Ctrl+F: the search box takes the focus, its text selected to type over."""
        edit = self._tab.filters.search_edit
        edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        edit.selectAll()

    def apply_filters(self) -> None:
        """Run the query the search box and the filters say now."""
        self._debounce.stop()
        self._tab.filters.hide_lookup_hint()
        self._tab.model.set_query(self._tab.filters.criteria(self._tab.zone()))

    def find_order(self, channel_order_code: str) -> None:
        """Search for this order with every filter off, and select it when found."""
        self._select_code_when_loaded = channel_order_code
        self._tab.filters.show_everything_matching(channel_order_code)
        self.apply_filters()

    def stop(self) -> None:
        """Drop a search still waiting for the typing to pause (the window is closing)."""
        self._debounce.stop()

    def _text_changed(self, text: str) -> None:
        if not text:
            self._debounce.stop()
            self.apply_filters()

    def _enter_in_search(self) -> None:
        """Enter: select the first match and move to its tickets (after the query if pending)."""
        model = self._tab.model
        if self._debounce.isActive() or model.criteria.text != self._tab.filters.search_text():
            self._enter_pending = True
            self.apply_filters()
            return
        if model.is_loading or not model.has_loaded:
            self._enter_pending = True
            return
        self._take_first_match()

    def _take_first_match(self) -> None:
        self._enter_pending = False
        if self._tab.model.rowCount() == 0:
            self._tab.show_message(self.tr("No order matches."))
            return
        self._tab.selection.select_and_focus_tickets(0)

    def _query_loaded(self) -> None:
        model, selection = self._tab.model, self._tab.selection
        code = self._select_code_when_loaded
        if code is not None:
            self._select_code_when_loaded = None
            row = model.row_of(code)
            if row is not None:
                selection.select_row(row)
        elif selection.code is not None:
            row = model.row_of(selection.code)
            if row is not None:
                selection.select_row(row, load=False)
            else:
                selection.clear()
        if self._enter_pending:
            self._take_first_match()
        text = self._tab.filters.search_text()
        if model.rowCount() == 0 and _CODE_LIKE.fullmatch(text):
            self._tab.filters.show_lookup_hint(text)
        else:
            self._tab.filters.hide_lookup_hint()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            tab, key = self._tab, event.key()
            if (
                watched is tab.filters.search_edit
                and key == Qt.Key.Key_Down
                and tab.model.rowCount()
            ):
                tab.table.setFocus(Qt.FocusReason.OtherFocusReason)
                if not tab.table.currentIndex().isValid():
                    tab.selection.select_row(0)
                return True
            if watched is tab.table and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if tab.table.currentIndex().isValid():
                    tab.selection.focus_tickets_when_shown()
                return True
        return super().eventFilter(watched, event)
