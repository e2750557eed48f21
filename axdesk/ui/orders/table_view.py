"""The orders list's view: one row per order, newest first, sortable where the journal can sort.

A click on a column the journal cannot sort by (:data:`SORT_BY_COLUMN`) leaves
the sort indicator where it was, so the arrow never claims an order the rows
are not in.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from axdesk.ui.orders.table_model import SORT_BY_COLUMN, Column, OrdersModel

COLUMN_WIDTHS = {
    Column.STATUS: 160,
    Column.CHANNEL_ORDER: 110,
    Column.AX_ORDERS: 110,
    Column.USE_AT: 130,
    Column.TRAVELERS: 190,
    Column.PURCHASER: 100,
    Column.TOTAL: 105,
    Column.CREATED: 125,
    Column.LAST_CHECKED: 125,
}


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
        header.setSectionResizeMode(int(Column.PRODUCT), QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        for column, width in COLUMN_WIDTHS.items():
            self.setColumnWidth(int(column), width)
        self._sort_column = int(Column.CREATED)
        self._sort_order = Qt.SortOrder.DescendingOrder
        header.sortIndicatorChanged.connect(self._sort_changed)

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
