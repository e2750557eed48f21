"""The orders table: journaled orders as rows, fetched a page at a time off the GUI thread.

:class:`OrdersModel` never touches the database on the GUI thread. A query
(filter, search text, sort) is run on the worker one page at a time
(:data:`PAGE_SIZE` orders), and the view asks for the next page when it
scrolls to the end (``canFetchMore``/``fetchMore``). Each new query bumps a
generation number, so the answer of an older query (the operator kept
typing) is dropped when it arrives.

The rows themselves (:class:`~axdesk.ui.orders.rows.OrderRow`) are built
Qt-free in :mod:`axdesk.ui.orders.rows`, so the CSV export uses exactly what
the table shows. The status look (colour, icon, words) is shared with the
detail pane (:mod:`axdesk.ui.orders.status_look`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QFont, QIcon

from axdesk.store.journal import OrderJournal
from axdesk.store.journal_queries import OrderFilter, OrderSort
from axdesk.ui.common.placeholders import fill_args
from axdesk.ui.common.worker import Call, Worker
from axdesk.ui.orders.order_note import note_icon
from axdesk.ui.orders.rows import (
    OrderRow,
    fetch_row,
    fetch_rows,
    format_money,
    local_time,
    travelers_text,
)
from axdesk.ui.orders.status_look import Look, LookIcons, look_color, row_look, row_status_text

PAGE_SIZE = 100
COUNT_LIMIT = 20_000
"""Counting stops past this many matches: the count then reads "20,000+"."""

ModelIndex = QModelIndex | QPersistentModelIndex


# ---------------------------------------------------------------------------
# Texts the model shows


def channel_order_tooltip(row: OrderRow) -> str:
    """The code, and the desk's internal note when there is one."""
    note = row.internal_note.strip()
    if not note:
        return row.channel_order_code
    return fill_args(
        QCoreApplication.translate("OrdersModel", "%1\nInternal note: %2"),
        row.channel_order_code,
        note,
    )


# ---------------------------------------------------------------------------
# The model


class Column(IntEnum):
    STATUS = 0
    CHANNEL_ORDER = 1
    AX_ORDERS = 2
    PRODUCT = 3
    USE_AT = 4
    TRAVELERS = 5
    PURCHASER = 6
    TOTAL = 7
    CREATED = 8
    LAST_CHECKED = 9


SORT_BY_COLUMN: dict[Column, OrderSort] = {
    Column.STATUS: OrderSort.STATE,
    Column.USE_AT: OrderSort.FIRST_USE,
    Column.TRAVELERS: OrderSort.TICKETS,
    Column.PURCHASER: OrderSort.PURCHASER,
    Column.TOTAL: OrderSort.TOTAL,
    Column.CREATED: OrderSort.CREATED,
}
"""Columns the journal can sort by; the others keep the current order."""

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
"""``data(index, ROW_ROLE)`` is the row's :class:`OrderRow`."""


def column_title(column: Column) -> str:
    translate = QCoreApplication.translate
    titles = {
        Column.STATUS: translate("OrdersModel", "AX status"),
        Column.CHANNEL_ORDER: translate("OrdersModel", "Channel order"),
        Column.AX_ORDERS: translate("OrdersModel", "AX orders"),
        Column.PRODUCT: translate("OrdersModel", "Product / option"),
        Column.USE_AT: translate("OrdersModel", "Date and time of use"),
        Column.TRAVELERS: translate("OrdersModel", "Travelers"),
        Column.PURCHASER: translate("OrdersModel", "Purchaser"),
        Column.TOTAL: translate("OrdersModel", "Total"),
        Column.CREATED: translate("OrdersModel", "Ordered"),
        Column.LAST_CHECKED: translate("OrdersModel", "Last checked"),
    }
    return titles[column]


def cell_text(row: OrderRow, column: Column, zone: dt.tzinfo) -> str:
    """The text of one cell (the table and the CSV export both use it)."""
    if column is Column.STATUS:
        return row_status_text(row)
    if column is Column.CHANNEL_ORDER:
        return row.channel_order_code
    if column is Column.AX_ORDERS:
        return ", ".join(row.ax_order_codes)
    if column is Column.PRODUCT:
        if row.summary:
            return row.summary
        return QCoreApplication.translate("OrdersModel", "Made elsewhere (looked up by code)")
    if column is Column.USE_AT:
        return local_time(row.first_use_at, zone)
    if column is Column.TRAVELERS:
        return travelers_text(row)
    if column is Column.PURCHASER:
        return row.purchaser_name
    if column is Column.TOTAL:
        return format_money(row.total, row.currency)
    if column is Column.CREATED:
        return local_time(row.created_at)
    return local_time(row.last_checked_at)


class OrdersModel(QAbstractTableModel):
    """Journaled orders, fetched a page at a time on the worker.

    Signals:
        loaded(): the first page of the current query arrived (rows may be 0).
        count_changed(int): how many orders match the current query (at least that many
            while ``count_is_lower_bound``: counting is under way, or passed COUNT_LIMIT).
        loading_changed(bool): a page is being fetched (True) or not (False).
        row_updated(str): one order's row changed in place (channel order code); a mere
            new "last checked" time updates the row without this signal.
    """

    loaded = Signal()
    count_changed = Signal(int)
    loading_changed = Signal(bool)
    row_updated = Signal(str)

    def __init__(
        self,
        worker: Worker,
        journal: OrderJournal,
        *,
        zone: Callable[[], dt.tzinfo],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._journal = journal
        self._zone = zone
        self._rows: list[OrderRow] = []
        self._criteria = OrderFilter()
        self.sort_key = OrderSort.CREATED
        self.descending = True
        self._generation = 0
        self._exhausted = True
        self._page_call: Call[list[OrderRow]] | None = None
        self._count_call: Call[int] | None = None
        self.total_count = 0
        self.count_is_lower_bound = False
        self.has_loaded = False
        self._icons = LookIcons()
        self._note_mark: QIcon | None = None

    # -- query ----------------------------------------------------------------------

    @property
    def criteria(self) -> OrderFilter:
        return self._criteria

    @property
    def is_loading(self) -> bool:
        return self._page_call is not None

    def set_query(
        self,
        criteria: OrderFilter,
        sort: OrderSort | None = None,
        descending: bool | None = None,
    ) -> None:
        """Show the orders matching ``criteria``; the rows come back asynchronously."""
        self._criteria = criteria
        if sort is not None:
            self.sort_key = sort
        if descending is not None:
            self.descending = descending
        self.reload()

    def reload(self, *, keep: int = 0) -> None:
        """Run the current query again; ``keep`` asks for at least that many rows at once
        (a refresh keeps what the operator had scrolled to)."""
        self._generation += 1
        for call in (self._page_call, self._count_call):
            if call is not None:
                call.cancel()
        self._count_call = None
        self._page_call = None
        self.has_loaded = False
        self._exhausted = False
        self._fetch(offset=0, limit=max(PAGE_SIZE, keep), replace=True)

    def _count(self) -> None:
        """Count the matches past the first page, on the worker, up to COUNT_LIMIT."""
        generation = self._generation
        journal = self._journal
        criteria = self._criteria
        self._count_call = (
            self._worker.call(lambda: journal.count_orders(criteria, at_most=COUNT_LIMIT))
            .on_success(lambda count: self._counted(generation, count))
            .start()
        )

    def _fetch(self, *, offset: int, limit: int, replace: bool) -> None:
        generation = self._generation
        journal = self._journal
        criteria, sort, descending = self._criteria, self.sort_key, self.descending
        was_loading = self.is_loading
        self._page_call = (
            self._worker.call(
                lambda: fetch_rows(journal, criteria, sort, descending, offset, limit)
            )
            .on_success(lambda rows: self._page_arrived(generation, rows, limit, replace))
            .on_error(lambda error: self._page_failed(generation, error))
            .start()
        )
        if not was_loading:
            self.loading_changed.emit(True)

    def _page_arrived(
        self, generation: int, rows: list[OrderRow], limit: int, replace: bool
    ) -> None:
        if generation != self._generation:
            return
        self._page_call = None
        self._exhausted = len(rows) < limit
        if replace:
            # The first page holding every match is the count; a full one is a lower
            # bound until the count (started only then) answers.
            self.total_count = len(rows)
            self.count_is_lower_bound = not self._exhausted
            self.count_changed.emit(self.total_count)
            if not self._exhausted:
                self._count()
        if replace:
            self.beginResetModel()
            self._rows = list(rows)
            self.endResetModel()
        elif rows:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        self.loading_changed.emit(False)
        if replace:
            self.has_loaded = True
            self.loaded.emit()

    def _page_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self._page_call = None
        self._exhausted = True
        self.loading_changed.emit(False)
        self._worker.report_error(error)

    def _counted(self, generation: int, count: int) -> None:
        if generation != self._generation:
            return
        self._count_call = None
        self.count_is_lower_bound = count > COUNT_LIMIT
        self.total_count = min(count, COUNT_LIMIT)
        self.count_changed.emit(self.total_count)

    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted and not self.is_loading

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._fetch(offset=len(self._rows), limit=PAGE_SIZE, replace=False)

    def update_order(self, channel_order_code: str) -> None:
        """Re-read one order and refresh its row in place (if it is shown)."""
        if self.row_of(channel_order_code) is None:
            return
        journal = self._journal
        generation = self._generation
        self._worker.call(lambda: fetch_row(journal, channel_order_code)).on_success(
            lambda row: self._row_arrived(generation, channel_order_code, row)
        ).start()

    def _row_arrived(self, generation: int, code: str, row: OrderRow | None) -> None:
        if generation != self._generation or row is None:
            return
        index = self.row_of(code)
        if index is None:
            return
        previous = self._rows[index]
        self._rows[index] = row
        self.dataChanged.emit(self.index(index, 0), self.index(index, len(Column) - 1))
        if dataclasses.replace(previous, last_checked_at=None) != dataclasses.replace(
            row, last_checked_at=None
        ):
            self.row_updated.emit(code)

    # -- access -----------------------------------------------------------------------

    def rows(self) -> Sequence[OrderRow]:
        return tuple(self._rows)

    def order_at(self, row: int) -> OrderRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, channel_order_code: str) -> int | None:
        for number, row in enumerate(self._rows):
            if row.channel_order_code == channel_order_code:
                return number
        return None

    def zone(self) -> dt.tzinfo:
        return self._zone()

    def _travelers_tooltip(self, row: OrderRow) -> str | None:
        if not row.traveler_names:
            return None
        lines = list(row.traveler_names)
        if row.cancelled_ticket_count:
            cancelled = self.tr("%1 of %n ticket(s) cancelled", "", row.ticket_count)
            lines.append(fill_args(cancelled, str(row.cancelled_ticket_count)))
        return "\n".join(lines)

    def _note_icon(self) -> QIcon:
        if self._note_mark is None:
            self._note_mark = note_icon()
        return self._note_mark

    # -- Qt model interface ------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        column = Column(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return column_title(column)
        if role == Qt.ItemDataRole.ToolTipRole and column not in SORT_BY_COLUMN:
            return QCoreApplication.translate("OrdersModel", "This column cannot be sorted.")
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(row, column, self._zone())
        if role == ROW_ROLE:
            return row
        if column is Column.STATUS:
            look = row_look(row)
            if role == Qt.ItemDataRole.DecorationRole:
                return self._icons(look)
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(look_color(look))
            if role == Qt.ItemDataRole.ToolTipRole:
                return row.problem or row_status_text(row)
            if role == Qt.ItemDataRole.FontRole and look in (Look.REJECTED, Look.TROUBLE):
                font = QFont()
                font.setBold(True)
                return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column is Column.TOTAL:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if column is Column.CHANNEL_ORDER and role == Qt.ItemDataRole.DecorationRole:
            return self._note_icon() if row.internal_note.strip() else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if column is Column.TRAVELERS:
                return self._travelers_tooltip(row)
            if column is Column.CHANNEL_ORDER:
                return channel_order_tooltip(row)
            if column in (Column.AX_ORDERS, Column.PRODUCT, Column.PURCHASER):
                return cell_text(row, column, self._zone()) or None
        if role == Qt.ItemDataRole.FontRole and column in (
            Column.CHANNEL_ORDER,
            Column.AX_ORDERS,
        ):
            font = QFont("monospace")
            font.setStyleHint(QFont.StyleHint.Monospace)
            return font
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = SORT_BY_COLUMN.get(Column(column)) if 0 <= column < len(Column) else None
        if key is None:
            return
        self.set_query(self._criteria, sort=key, descending=order == Qt.SortOrder.DescendingOrder)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(Column) - 1)
            )
