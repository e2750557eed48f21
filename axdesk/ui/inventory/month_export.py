"""Export the month shown to CSV: pick a file, write it on the worker, say where it went.

The rows are written by the Qt-free
:func:`~axdesk.ui.inventory.index.export_month_csv`; this helper gives it the
words of the operator's language (column titles, option names, state words).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from axdesk.store.export import ExportError
from axdesk.ui.common.notice_bar import INFO, PROBLEM, NoticeBar
from axdesk.ui.common.placeholders import fill_args
from axdesk.ui.common.worker import Call, Worker, describe_error
from axdesk.ui.inventory.calendar import InventoryCalendar
from axdesk.ui.inventory.index import MONTH_CSV_FIELDS, InventoryIndex, SlotState, export_month_csv
from axdesk.ui.inventory.painting import state_word
from axdesk.ui.inventory.slot_model import option_label


class MonthExport(QObject):
    """Writes the month the calendar shows, for the option shown, one row per slot.

    Signals:
        exported(str): the month was written to this CSV file.
        finished(): the export ended, written or not (the button may be enabled again).
    """

    exported = Signal(str)
    finished = Signal()

    def __init__(
        self,
        worker: Worker,
        *,
        button: QWidget,
        calendar: InventoryCalendar,
        message_bar: NoticeBar,
        inventory: Callable[[], InventoryIndex | None],
        option: Callable[[], str | None],
        option_names: Callable[[], Mapping[str, str]],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._button = button
        self._calendar = calendar
        self._message_bar = message_bar
        self._inventory = inventory
        self._option = option
        self._option_names = option_names
        self._call: Call[int] | None = None

    @property
    def is_running(self) -> bool:
        return self._call is not None

    def choose_file(self) -> None:
        """Ask where to save (in the documents folder by default), then export there."""
        index = self._inventory()
        if index is None:
            return
        year, month = self._calendar.visible_month()
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        ) or str(Path.home())
        suggested = Path(folder) / f"inventory-{index.product_code[:8]}-{year}-{month:02d}.csv"
        path, _filter = QFileDialog.getSaveFileName(
            self._button,
            self.tr("Export month to CSV"),
            str(suggested),
            self.tr("CSV files (*.csv)"),
        )
        if path:
            self.export(Path(path))

    def export(self, path: Path) -> None:
        """Write the month shown (for the option shown) to ``path`` as CSV, on the worker."""
        index = self._inventory()
        if index is None:
            return
        year, month = self._calendar.visible_month()
        option = self._option()
        header = self._csv_header()
        names = self._option_names()
        option_names = {code: option_label(code, names) for code in index.option_codes}
        words = {state: state_word(state) for state in SlotState}
        yes_no = (self.tr("yes"), self.tr("no"))
        if self._call is not None:
            self._call.cancel()
        self._call = (
            self._worker.call(
                lambda: export_month_csv(
                    path,
                    index,
                    year,
                    month,
                    option,
                    header=header,
                    option_names=option_names,
                    state_words=words,
                    yes_no=yes_no,
                )
            )
            .on_success(lambda count: self._exported(path, count))
            .on_error(self._failed)
            .busy(self._button)
            .start()
        )

    def shutdown(self) -> None:
        """Drop the export in flight (its answer is ignored)."""
        if self._call is not None:
            self._call.cancel()
        self._call = None

    def _csv_header(self) -> list[str]:
        titles = {
            "date": self.tr("Date"),
            "weekday": self.tr("Weekday"),
            "start_time": self.tr("Start"),
            "option_code": self.tr("Option code"),
            "option_name": self.tr("Option"),
            "state": self.tr("State"),
            "on_sale": self.tr("On sale"),
            "remaining": self.tr("Seats left"),
            "max": self.tr("Maximum"),
            "ordered": self.tr("Ordered"),
            "minimum": self.tr("Minimum"),
            "guaranteed": self.tr("Guaranteed"),
            "warnings": self.tr("Warnings"),
            "inventory_code": self.tr("Inventory code"),
        }
        return [titles[field] for field in MONTH_CSV_FIELDS]

    def _exported(self, path: Path, count: int) -> None:
        self._call = None
        self.finished.emit()
        self._message_bar.show_notice(
            INFO,
            fill_args(self.tr("Saved the month to %1 (slots: %2)."), str(path), str(count)),
        )
        self.exported.emit(str(path))

    def _failed(self, error: BaseException) -> None:
        self._call = None
        self.finished.emit()
        sentence = str(error) if isinstance(error, ExportError) else describe_error(error)
        if sentence:
            self._message_bar.show_notice(PROBLEM, sentence)
