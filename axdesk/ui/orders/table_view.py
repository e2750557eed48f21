"""The orders list's view: one row per order, newest first, sortable where the journal can sort.

A click on a column the journal cannot sort by (:data:`SORT_BY_COLUMN`) leaves
the sort indicator where it was, so the arrow never claims an order the rows
are not in.

Column widths follow the view's width (:meth:`OrdersTableView.fit_columns`):
"Product / option" takes what is left but never less than
:data:`PRODUCT_MIN_WIDTH`; the status column is as wide as its widest status
needs (in the language shown); dates and money keep their whole text. When
the view is narrow (1180 pixels, say) the code columns, the travelers and the
purchaser give way first, their cells elided with the whole text in the
tooltip; narrower still, the list scrolls sideways rather than crush a column.
A column the operator resized by hand keeps its width.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from axdesk.api import OrderStatus
from axdesk.ui.orders.rows import format_money, local_time
from axdesk.ui.orders.status_look import status_text
from axdesk.ui.orders.table_model import SORT_BY_COLUMN, Column, OrdersModel, column_title

PRODUCT_MIN_WIDTH = 200
""""Product / option" never gets narrower than this: a product name can be read."""

PREFERRED_WIDTHS = {
    Column.CHANNEL_ORDER: 110,
    Column.AX_ORDERS: 110,
    Column.TRAVELERS: 190,
    Column.PURCHASER: 110,
}
"""Widths of the columns that give way when the view is narrow, and how narrow they get:"""
MINIMUM_WIDTHS = {
    Column.CHANNEL_ORDER: 72,
    Column.AX_ORDERS: 72,
    Column.TRAVELERS: 110,
    Column.PURCHASER: 80,
}
GIVE_WAY_ORDER = (Column.AX_ORDERS, Column.CHANNEL_ORDER, Column.TRAVELERS, Column.PURCHASER)

_CELL_PADDING = 16
_ICON_ROOM = 22
_SAMPLE_TIME = dt.datetime(2026, 12, 28, 23, 59, tzinfo=dt.UTC)


class OrdersTableView(QTableView):
    """The orders list (rows of an :class:`OrdersModel`), one row selected at a time."""

    def __init__(self, model: OrdersModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setSortingEnabled(True)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(26)
        header = self.horizontalHeader()
        header.setSortIndicator(int(Column.CREATED), Qt.SortOrder.DescendingOrder)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setHighlightSections(False)
        self._sort_column = int(Column.CREATED)
        self._sort_order = Qt.SortOrder.DescendingOrder
        header.sortIndicatorChanged.connect(self._sort_changed)

        self._fitting = False
        self._by_hand: dict[Column, int] = {}
        self._fit_soon = QTimer(self)
        self._fit_soon.setSingleShot(True)
        self._fit_soon.setInterval(0)
        self._fit_soon.timeout.connect(self.fit_columns)
        header.sectionResized.connect(self._section_resized)
        for signal in (
            model.modelReset,
            model.rowsInserted,
            model.dataChanged,
            model.headerDataChanged,
        ):
            signal.connect(lambda *_args: self._fit_soon.start())
        self.viewport().installEventFilter(self)
        self.fit_columns()

    # -- widths ----------------------------------------------------------------------------

    def fit_columns(self) -> None:
        """Share the view's width out among the columns (see the module docstring)."""
        widths = self._wanted_widths()
        available = self.viewport().width()
        deficit = sum(widths.values()) + self._product_minimum() - available
        for column in GIVE_WAY_ORDER:
            if deficit <= 0:
                break
            if column in self._by_hand:
                continue
            room = widths[column] - MINIMUM_WIDTHS[column]
            give = min(room, deficit)
            widths[column] -= give
            deficit -= give
        if Column.PRODUCT in self._by_hand:
            widths[Column.PRODUCT] = self._by_hand[Column.PRODUCT]
        else:
            rest = available - sum(widths.values())
            widths[Column.PRODUCT] = max(self._product_minimum(), rest)
        self._fitting = True
        try:
            for column, width in widths.items():
                if self.columnWidth(int(column)) != width:
                    self.setColumnWidth(int(column), width)
        finally:
            self._fitting = False

    def _wanted_widths(self) -> dict[Column, int]:
        """Every column's width but the product's, before any gives way."""
        metrics = self.fontMetrics()

        def text_width(*texts: str) -> int:
            return max(metrics.horizontalAdvance(text) for text in texts) + _CELL_PADDING

        header = self.horizontalHeader()
        time_width = text_width(local_time(_SAMPLE_TIME))
        statuses = [status_text(status) for status in OrderStatus]
        wanted: dict[Column, int] = {
            Column.STATUS: max(
                text_width(*statuses) + _ICON_ROOM,
                self.sizeHintForColumn(int(Column.STATUS)),
            ),
            Column.USE_AT: time_width,
            Column.CREATED: time_width,
            Column.LAST_CHECKED: time_width,
            Column.TOTAL: text_width(format_money(Decimal("1234567"), "KRW")),
            **PREFERRED_WIDTHS,
        }
        for column in Column:
            if column is Column.PRODUCT:
                continue
            if column in self._by_hand:
                wanted[column] = self._by_hand[column]
                continue
            title = header.fontMetrics().horizontalAdvance(column_title(column)) + 24
            if column not in PREFERRED_WIDTHS:
                wanted[column] = max(wanted[column], title)
        return wanted

    def _product_minimum(self) -> int:
        title = (
            self.horizontalHeader().fontMetrics().horizontalAdvance(column_title(Column.PRODUCT))
        )
        return max(PRODUCT_MIN_WIDTH, title + 24)

    def _section_resized(self, index: int, _old: int, new: int) -> None:
        if not self._fitting and 0 <= index < len(Column):
            self._by_hand[Column(index)] = new

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if watched is self.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_soon.start()
        return super().eventFilter(watched, event)

    # -- selection and sorting ---------------------------------------------------------------

    def select_row(self, row: int, *, quietly: bool = False) -> None:
        """Make ``row`` the current, selected row and scroll to it; ``quietly``: without
        ``currentRowChanged`` (the row is already shown, only its place moved)."""
        index = self.model().index(row, 0)
        selection = self.selectionModel()
        if quietly:
            selection.blockSignals(True)
        selection.setCurrentIndex(
            index,
            selection.SelectionFlag.ClearAndSelect | selection.SelectionFlag.Rows,
        )
        if quietly:
            selection.blockSignals(False)
            self.viewport().update()
        self.scrollTo(index)

    def _sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        if Column(column) not in SORT_BY_COLUMN:
            header = self.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(self._sort_column, self._sort_order)
            header.blockSignals(False)
            return
        self._sort_column, self._sort_order = column, order
