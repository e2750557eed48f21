"""What the Orders tab exports: the filtered table and a per-date traveler manifest.

The writing is Qt-free (``axdesk.store.export``); this module gathers the rows
from the journal. The ``export_*`` functions run on the worker: they read the
journal and write the file, so neither a big journal nor a slow disk holds
up the window. Column titles are translated on the GUI thread and handed in.
:class:`ManifestDialog` asks which day's manifest to write, and
:class:`OrderExport` is the tab's "Export" menu: it asks where, runs the
export on the worker and says how many rows were written, or why not.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QObject
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from axdesk.store.departures import manifest_entry, read_departures
from axdesk.store.export import (
    MANIFEST_FIELDS,
    CellValue,
    ExportError,
    ManifestEntry,
    manifest_rows,
    write_csv,
)
from axdesk.store.journal import OrderJournal
from axdesk.store.journal_queries import OrderDetail, OrderFilter, OrderSort
from axdesk.ui.common.context import supplier_today
from axdesk.ui.common.money_text import rounded_amount
from axdesk.ui.common.placeholders import fill_args
from axdesk.ui.common.worker import describe_error
from axdesk.ui.orders.departure_picker import default_choice
from axdesk.ui.orders.rows import OrderRow, row_from_detail
from axdesk.ui.orders.table_model import Column, cell_text, column_title

if TYPE_CHECKING:
    from axdesk.ui.orders.tab import OrdersTab

EXPORT_PAGE = 500


def table_titles() -> list[str]:
    """The table's column titles, with the currency in a column of its own after the total."""
    titles: list[str] = []
    for column in Column:
        titles.append(column_title(column))
        if column is Column.TOTAL:
            titles.append(QCoreApplication.translate("OrdersExport", "Currency"))
    return titles


def export_cells(row: OrderRow, zone: dt.tzinfo) -> list[CellValue]:
    """One order as the table shows it, except the total: a plain decimal at the
    currency's own decimals ("150000", "12.50") followed by the currency, so a
    spreadsheet can sum the column (the export writes Decimals without grouping)."""
    cells: list[CellValue] = []
    for column in Column:
        if column is Column.TOTAL:
            total = row.total
            cells.append(None if total is None else rounded_amount(total, row.currency))
            cells.append(row.currency or "")
        else:
            cells.append(cell_text(row, column, zone))
    return cells


def manifest_titles() -> list[str]:
    translate = QCoreApplication.translate
    titles = {
        "date": translate("OrdersExport", "Date"),
        "time": translate("OrdersExport", "Time"),
        "product": translate("OrdersExport", "Product"),
        "option": translate("OrdersExport", "Option"),
        "traveler": translate("OrdersExport", "Traveler"),
        "phone": translate("OrdersExport", "Phone"),
        "email": translate("OrdersExport", "E-mail"),
        "national_code": translate("OrdersExport", "Country code"),
        "ticket_code": translate("OrdersExport", "Ticket"),
        "ticket_status": translate("OrdersExport", "Ticket status"),
        "ax_order_code": translate("OrdersExport", "AX order"),
        "ax_order_status": translate("OrdersExport", "AX status"),
        "channel_order_code": translate("OrdersExport", "Channel order"),
        "traveler_note": translate("OrdersExport", "Traveler note"),
        "additional": translate("OrdersExport", "Additional"),
        "purchaser_note": translate("OrdersExport", "Purchaser note"),
        "order_comment": translate("OrdersExport", "Order comment"),
    }
    return [titles[field] for field in MANIFEST_FIELDS]


def matching_orders(
    journal: OrderJournal, criteria: OrderFilter, sort: OrderSort, descending: bool
) -> Iterator[OrderDetail]:
    """Every order matching ``criteria``, in order, read from the journal a page at a time."""
    offset = 0
    while True:
        page = journal.list_orders(
            criteria, limit=EXPORT_PAGE, offset=offset, sort=sort, descending=descending
        )
        for summary in page:
            detail = journal.get_order(summary.channel_order_code)
            if detail is not None:
                yield detail
        if len(page) < EXPORT_PAGE:
            return
        offset += EXPORT_PAGE


def table_rows(
    journal: OrderJournal,
    criteria: OrderFilter,
    sort: OrderSort,
    descending: bool,
    zone: dt.tzinfo,
) -> list[list[CellValue]]:
    """Every order matching ``criteria`` (not only the fetched pages), as the table shows it."""
    rows: list[list[CellValue]] = []
    for detail in matching_orders(journal, criteria, sort, descending):
        rows.append(export_cells(row_from_detail(detail), zone))
    return rows


def export_table(
    path: Path,
    titles: Sequence[str],
    journal: OrderJournal,
    criteria: OrderFilter,
    sort: OrderSort,
    descending: bool,
    zone: dt.tzinfo,
) -> int:
    """Write the filtered table to ``path``; returns the number of orders written."""
    return write_csv(path, titles, table_rows(journal, criteria, sort, descending, zone))


def manifest_entries(journal: OrderJournal, day: dt.date, zone: dt.tzinfo) -> list[ManifestEntry]:
    """Every traveler of every departure of ``day`` (a day in the supplier's ``zone``),
    with the notes their order sent; orders AX refused are left out."""
    return [
        manifest_entry(traveler)
        for departure in read_departures(journal, day, zone, page=EXPORT_PAGE)
        for traveler in departure.travelers
    ]


def export_manifest(
    path: Path,
    titles: Sequence[str],
    journal: OrderJournal,
    day: dt.date,
    zone: dt.tzinfo,
    *,
    include_cancelled: bool = False,
) -> int:
    """Write the traveler manifest of ``day``; returns the number of travelers written."""
    rows = manifest_rows(
        manifest_entries(journal, day, zone),
        day,
        timezone=zone,
        include_cancelled=include_cancelled,
    )
    return write_csv(path, titles, rows)


class ManifestDialog(QDialog):
    """Asks which day's traveler manifest to export, starting from ``day`` (the selected
    order's day, else the supplier's today: a manifest is for a day where the tours run)."""

    def __init__(self, day: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Traveler manifest"))
        self.date_edit = QDateEdit(QDate(day.year, day.month, day.day))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setAccessibleName(self.tr("Date of use"))
        self.cancelled_check = QCheckBox(self.tr("Include cancelled tickets"))
        self.cancelled_check.setAccessibleName(self.tr("Include cancelled tickets"))
        form = QFormLayout()
        form.addRow(self.tr("&Date of use:"), self.date_edit)
        form.addRow("", self.cancelled_check)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Choose file…"))
        ok.setAccessibleName(self.tr("Choose where to save the manifest"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(
            self.tr("Do not export")
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def day(self) -> dt.date:
        value = self.date_edit.date().toPython()
        assert isinstance(value, dt.date)
        return value

    def include_cancelled(self) -> bool:
        return self.cancelled_check.isChecked()


class OrderExport(QObject):
    """The Orders tab's "Export" menu (built as ``OrderExport(tab)``).

    Outcomes are announced by the tab's signals ``export_finished`` and
    ``export_failed``; the "Export" button is busy while a file is written.
    """

    def __init__(self, tab: OrdersTab) -> None:
        super().__init__(tab)
        self._tab = tab
        tab.filters.export_table_action.triggered.connect(self.choose_table_export)
        tab.filters.export_manifest_action.triggered.connect(self.choose_manifest_export)

    def choose_table_export(self) -> None:
        """Ask where to write the orders shown, then write them."""
        path, _filter = QFileDialog.getSaveFileName(
            self._tab,
            self.tr("Export orders to CSV"),
            str(Path.home() / "axdesk-orders.csv"),
            self.tr("CSV files (*.csv)"),
        )
        if path:
            self.export_table(Path(path))

    def choose_manifest_export(self) -> None:
        """Ask which day (the selected order's, else the supplier's today) and where, then
        write its manifest."""
        tab = self._tab
        today = supplier_today(tab.ctx.connection.supplier_timezone)
        day, _departure = default_choice(tab.detail.detail, today, tab.zone())
        dialog = ManifestDialog(day, tab)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        day = dialog.day()
        path, _filter = QFileDialog.getSaveFileName(
            tab,
            self.tr("Export traveler manifest"),
            str(Path.home() / f"axdesk-manifest-{day.isoformat()}.csv"),
            self.tr("CSV files (*.csv)"),
        )
        if path:
            self.export_manifest(day, Path(path), include_cancelled=dialog.include_cancelled())

    def export_table(self, path: Path) -> None:
        """Write every order matching the current filter (all pages) to ``path``."""
        tab = self._tab
        journal, zone, titles = tab.ctx.journal, tab.zone(), table_titles()
        model = tab.model
        criteria, sort, descending = model.criteria, model.sort_key, model.descending
        self._run(
            path,
            lambda: export_table(path, titles, journal, criteria, sort, descending, zone),
        )

    def export_manifest(self, day: dt.date, path: Path, *, include_cancelled: bool = False) -> None:
        """Write the travelers of ``day`` (supplier's date) to ``path``."""
        tab = self._tab
        journal, zone, titles = tab.ctx.journal, tab.zone(), manifest_titles()
        self._run(
            path,
            lambda: export_manifest(
                path, titles, journal, day, zone, include_cancelled=include_cancelled
            ),
        )

    def _run(self, path: Path, write: Callable[[], int]) -> None:
        tab = self._tab

        def done(count: int) -> None:
            tab.show_message(fill_args(self.tr("%n row(s) written to %1.", "", count), str(path)))
            tab.export_finished.emit(str(path), count)

        def failed(error: BaseException) -> None:
            sentence = str(error) if isinstance(error, ExportError) else describe_error(error) or ""
            tab.show_message(sentence)
            tab.export_failed.emit(sentence)

        tab.ctx.worker.call(write).on_success(done).on_error(failed).busy(
            tab.filters.export_button
        ).start()
