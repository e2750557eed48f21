"""The Inventory tab: which days still have seats, for which option, at a glance.

The operator picks a product (from the catalog, a recent one, or a pasted
code); the inventory is fetched on the worker, aggregated there once
(:class:`~axdesk.ui.inventory.index.InventoryIndex`), and shown as a month
calendar (:class:`~axdesk.ui.inventory.calendar.InventoryCalendar`) with a
list of the selected day's slots. "Book this slot" hands a :class:`SlotRef`
to the order form.

A failed fetch never replaces what is on screen: the last good inventory
stays, and a sentence in the tab's message area says what went wrong.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QDate,
    QEvent,
    QLocale,
    QModelIndex,
    QStandardPaths,
    Qt,
    QTime,
    Signal,
)
from PySide6.QtGui import QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStyle,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from axdesk.api import AxError
from axdesk.store.export import ExportError
from axdesk.store.settings import SettingsError
from axdesk.ui.common.context import AppContext, NotConnectedError, SlotRef, supplier_today
from axdesk.ui.common.notice_bar import INFO, PROBLEM, WARNING, NoticeBar
from axdesk.ui.common.worker import Call, describe_error
from axdesk.ui.inventory.calendar import InventoryCalendar
from axdesk.ui.inventory.index import (
    ALL_OPTIONS,
    MONTH_CSV_FIELDS,
    InventoryIndex,
    SlotRow,
    SlotState,
    export_month_csv,
)
from axdesk.ui.inventory.legend import InventoryLegend
from axdesk.ui.inventory.painting import state_word
from axdesk.ui.inventory.slot_model import (
    ParticipantsDelegate,
    SlotTableModel,
    option_label,
)

log = logging.getLogger(__name__)


class InventoryTab(QWidget):
    """Availability by date for one product, per option, with booking from a slot.

    Signals:
        book_slot_requested(object): the operator chose "Book this slot"; carries a
            :class:`~axdesk.ui.common.context.SlotRef` for the order form.
        inventory_loaded(str): a product's inventory (its code) arrived and is shown.
        month_exported(str): the month shown was written to this CSV file.
    """

    book_slot_requested = Signal(object)
    inventory_loaded = Signal(str)
    month_exported = Signal(str)

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._clock = clock
        self._today = today or self._supplier_today
        self._index: InventoryIndex | None = None
        self._loaded_at: float | None = None
        self._loaded_wall: dt.datetime | None = None
        self._option_names: dict[str, str] = {}
        self._call: Call[InventoryIndex] | None = None
        self._export_call: Call[int] | None = None
        self._loading_code: str | None = None
        # What each combo entry stands for, by position. Kept here rather than as item
        # data: PySide6 6.12 returns an empty item datum as an uncounted None.
        self._product_codes: list[str | None] = []
        self._option_filters: list[str | None] = []
        self._build()
        self._connect()
        self._reload_products()

    # ------------------------------------------------------------------ build

    def _build(self) -> None:
        self.setObjectName("inventoryTab")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(10, 10, 10, 10)
        outer.setSpacing(8)

        bar = QHBoxLayout()
        bar.setSpacing(6)
        self.product_label = QLabel(self)
        self.product_combo = QComboBox(self)
        self.product_combo.setEditable(True)
        self.product_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.product_combo.setMinimumContentsLength(28)
        self.product_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.product_label.setBuddy(self.product_combo)
        self.refresh_button = QPushButton(self)
        self.refresh_button.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_BrowserReload)
        )
        self.option_label = QLabel(self)
        self.option_combo = QComboBox(self)
        self.option_combo.setMinimumContentsLength(18)
        self.option_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.option_label.setBuddy(self.option_combo)
        self.status_label = QLabel(self)
        self.status_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        bar.addWidget(self.product_label)
        bar.addWidget(self.product_combo, 3)
        bar.addWidget(self.refresh_button)
        bar.addSpacing(12)
        bar.addWidget(self.option_label)
        bar.addWidget(self.option_combo, 2)
        bar.addStretch(1)
        bar.addWidget(self.status_label)
        outer.addLayout(bar)

        self.message_bar = NoticeBar(self, append_problems=False)
        outer.addWidget(self.message_bar)
        self.warning_bar = NoticeBar(self, append_problems=False)
        self.warning_bar.action.show()
        outer.addWidget(self.warning_bar)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        outer.addWidget(splitter, 1)

        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 6, 0)
        left_layout.setSpacing(6)
        nav = QHBoxLayout()
        nav.setSpacing(4)
        self.previous_button = QToolButton(left)
        self.previous_button.setArrowType(Qt.ArrowType.LeftArrow)
        self.next_button = QToolButton(left)
        self.next_button.setArrowType(Qt.ArrowType.RightArrow)
        self.month_label = QLabel(left)
        title_font = self.month_label.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.35)
        title_font.setBold(True)
        self.month_label.setFont(title_font)
        self.today_button = QPushButton(left)
        self.export_button = QPushButton(left)
        self.export_button.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton)
        )
        nav.addWidget(self.previous_button)
        nav.addWidget(self.next_button)
        nav.addSpacing(6)
        nav.addWidget(self.month_label)
        nav.addStretch(1)
        nav.addWidget(self.today_button)
        nav.addWidget(self.export_button)
        left_layout.addLayout(nav)
        self.calendar = InventoryCalendar(left, today=self._today)
        left_layout.addWidget(self.calendar, 1)
        self.legend = InventoryLegend(left)
        left_layout.addWidget(self.legend)

        right = QWidget(splitter)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 0, 0, 0)
        right_layout.setSpacing(6)
        self.day_label = QLabel(right)
        day_font = self.day_label.font()
        day_font.setPointSizeF(day_font.pointSizeF() * 1.2)
        day_font.setBold(True)
        self.day_label.setFont(day_font)
        self.day_summary_label = QLabel(right)
        self.day_summary_label.setWordWrap(True)
        self.slot_model = SlotTableModel(self)
        self.slot_table = QTableView(right)
        self.slot_table.setModel(self.slot_model)
        self.slot_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.slot_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.slot_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.slot_table.setTabKeyNavigation(False)
        self.slot_table.setAlternatingRowColors(True)
        self.slot_table.setWordWrap(False)
        self.slot_table.verticalHeader().hide()
        self.slot_table.setItemDelegateForColumn(
            SlotTableModel.PARTICIPANTS, ParticipantsDelegate(self.slot_table)
        )
        self.book_button = QPushButton(right)
        book_row = QHBoxLayout()
        book_row.addStretch(1)
        book_row.addWidget(self.book_button)
        right_layout.addWidget(self.day_label)
        right_layout.addWidget(self.day_summary_label)
        right_layout.addWidget(self.slot_table, 1)
        right_layout.addLayout(book_row)

        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([560, 500])

        QWidget.setTabOrder(self.product_combo, self.refresh_button)
        QWidget.setTabOrder(self.refresh_button, self.option_combo)
        QWidget.setTabOrder(self.option_combo, self.message_bar.action)
        QWidget.setTabOrder(self.message_bar.action, self.warning_bar.action)
        QWidget.setTabOrder(self.warning_bar.action, self.previous_button)
        QWidget.setTabOrder(self.previous_button, self.next_button)
        QWidget.setTabOrder(self.next_button, self.today_button)
        QWidget.setTabOrder(self.today_button, self.export_button)
        QWidget.setTabOrder(self.export_button, self.calendar)
        QWidget.setTabOrder(self.calendar, self.slot_table)
        QWidget.setTabOrder(self.slot_table, self.book_button)

        self._refresh_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self)
        self._refresh_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.retranslate_ui()
        self._update_enabled()

    def retranslate_ui(self) -> None:
        """Set every text in the current language (at start and on a live language switch)."""
        self.product_label.setText(self.tr("&Product:"))
        self.product_combo.setAccessibleName(self.tr("Product"))
        self.product_combo.setToolTip(
            self.tr("Pick a product from the catalog, or paste a product code and press Enter.")
        )
        line_edit = self.product_combo.lineEdit()
        assert line_edit is not None  # the combo is editable
        line_edit.setPlaceholderText(self.tr("Product name or code"))
        line_edit.setAccessibleName(self.tr("Product name or code"))
        self.refresh_button.setText(self.tr("&Refresh"))
        self.refresh_button.setAccessibleName(self.tr("Refresh inventory"))
        self.refresh_button.setToolTip(self.tr("Fetch the inventory from AX again (F5)"))
        self.option_label.setText(self.tr("&Option:"))
        self.option_combo.setAccessibleName(self.tr("Option"))
        self.status_label.setAccessibleName(self.tr("Inventory status"))
        self.message_bar.setAccessibleName(self.tr("Message"))
        self.message_bar.set_close_name(self.tr("Close message"))
        self.message_bar.action.setAccessibleName(self.tr("Message action"))
        self.warning_bar.setAccessibleName(self.tr("Data warnings"))
        self.warning_bar.set_close_name(self.tr("Close data warnings"))
        self.warning_bar.action.setText(self.tr("Show first"))
        self.warning_bar.action.setAccessibleName(self.tr("Show the first slot with a warning"))
        self.previous_button.setAccessibleName(self.tr("Previous month"))
        self.previous_button.setToolTip(self.tr("Previous month (Page Up)"))
        self.next_button.setAccessibleName(self.tr("Next month"))
        self.next_button.setToolTip(self.tr("Next month (Page Down)"))
        self.month_label.setAccessibleName(self.tr("Month shown"))
        self.today_button.setText(self.tr("&Today"))
        self.today_button.setAccessibleName(self.tr("Go to today"))
        self.export_button.setText(self.tr("&Export month…"))
        self.export_button.setAccessibleName(self.tr("Export the month shown to CSV"))
        self.calendar.setAccessibleName(self.tr("Availability calendar"))
        self.calendar.setAccessibleDescription(
            self.tr(
                "Arrow keys move the day, Page Up and Page Down change month, "
                "Enter goes to the day's departures."
            )
        )
        self.legend.setAccessibleName(self.tr("Legend"))
        self.day_label.setAccessibleName(self.tr("Selected day"))
        self.day_summary_label.setAccessibleName(self.tr("Selected day summary"))
        self.slot_table.setAccessibleName(self.tr("Departures on the selected day"))
        self.book_button.setText(self.tr("&Book this slot"))
        self.book_button.setAccessibleName(self.tr("Book this slot"))
        self.book_button.setToolTip(
            self.tr("Start an order for the selected departure (Enter or double-click)")
        )
        # Texts that are computed: month and day names follow the (new) locale too.
        self.calendar.retranslate()
        self.legend.set_threshold(
            self._index.nearly_full_threshold
            if self._index is not None
            else self._ctx.settings.nearly_full_threshold
        )
        self.slot_model.retranslate()
        self._size_slot_columns()
        if self.option_combo.count():
            self.option_combo.setItemText(0, self.tr("All options"))
        self._update_month_label()
        self._update_status()
        self._show_day()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _size_slot_columns(self) -> None:
        """Fixed widths from the font, not ResizeToContents: that mode asks the model for
        every cell of a 60-slot day again on each change (8,000 calls, 70 ms)."""
        header = self.slot_table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(SlotTableModel.OPTION, QHeaderView.ResizeMode.Stretch)
        metrics = self.slot_table.fontMetrics()
        padding = 2 * metrics.averageCharWidth() + 8
        model = self.slot_model
        samples = {
            SlotTableModel.START: "00:00",
            SlotTableModel.SEATS: "999 / 999",
            SlotTableModel.PARTICIPANTS: "999 / 999",
            SlotTableModel.STATE: max((state_word(s) for s in SlotState), key=len),
            SlotTableModel.WARNINGS: "",
        }
        for column, sample in samples.items():
            title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            width = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title))
            if column == SlotTableModel.PARTICIPANTS:
                width += ParticipantsDelegate.BAR_WIDTH + metrics.height() + 18
            if column == SlotTableModel.WARNINGS:
                width = max(width, 24)
            header.resizeSection(column, width + padding)

    def _connect(self) -> None:
        self.product_combo.activated.connect(self._on_product_activated)
        line_edit = self.product_combo.lineEdit()
        assert line_edit is not None
        line_edit.returnPressed.connect(self.refresh)
        self.refresh_button.clicked.connect(self.refresh)
        self._refresh_shortcut.activated.connect(self.refresh)
        self.option_combo.currentIndexChanged.connect(self._on_option_changed)
        self.previous_button.clicked.connect(self.calendar.previous_month)
        self.next_button.clicked.connect(self.calendar.next_month)
        self.today_button.clicked.connect(self.calendar.go_to_today)
        self.export_button.clicked.connect(self._choose_export_file)
        self.calendar.month_changed.connect(self._update_month_label)
        self.calendar.selected_date_changed.connect(self._show_day)
        self.calendar.day_activated.connect(self._focus_slots)
        self.slot_table.activated.connect(self._book_index)
        self.slot_table.selectionModel().selectionChanged.connect(self._update_enabled)
        self.book_button.clicked.connect(self.book_selected_slot)
        self.warning_bar.action.clicked.connect(self._show_first_problem)
        self._ctx.connection.changed.connect(self._on_connection_changed)

    # ------------------------------------------------------------------ public API

    def on_shown(self) -> None:
        """The tab became current: refresh the product list, and the data when it is old."""
        self._reload_products()
        if self._loading_code is not None:
            return
        code = self.current_product_code()
        if not code:
            return
        if self._index is None or self._index.product_code != code or self._is_stale():
            self.refresh()

    def shutdown(self) -> None:
        """The window closes: drop any call in flight (its answer is ignored)."""
        for call in (self._call, self._export_call):
            if call is not None:
                call.cancel()
        self._call = self._export_call = None
        self._loading_code = None

    def refresh(self) -> None:
        """Fetch the chosen product's inventory on the worker (the window stays responsive)."""
        code = self.current_product_code()
        if not code:
            self.message_bar.show_notice(
                INFO,
                self.tr("Choose a product from the list, or paste a product code and press Enter."),
            )
            return
        self._load(code)

    def show_product(self, product_code: str) -> None:
        """Show ``product_code`` (adding it to the list if needed) and fetch its inventory."""
        code = product_code.strip()
        if not code:
            return
        self._select_product_in_combo(code)
        self._load(code)

    def current_product_code(self) -> str:
        """The product the combo designates: a listed product's code, or the pasted text."""
        text = self.product_combo.currentText().strip()
        if not text:
            return ""
        position = self.product_combo.currentIndex()
        if position < 0 or self.product_combo.itemText(position).strip() != text:
            position = self.product_combo.findText(text, Qt.MatchFlag.MatchExactly)
        if 0 <= position < len(self._product_codes):
            code = self._product_codes[position]
            if code:
                return code
        return text

    @property
    def inventory_index(self) -> InventoryIndex | None:
        """The inventory on screen (None before the first successful fetch)."""
        return self._index

    def selected_option(self) -> str | None:
        """The option filter: a ``dc_code``, or ``ALL_OPTIONS``."""
        position = self.option_combo.currentIndex()
        if 0 <= position < len(self._option_filters):
            return self._option_filters[position]
        return ALL_OPTIONS

    def set_option(self, dc_code: str | None) -> None:
        """Filter the calendar on one option (``ALL_OPTIONS`` for all)."""
        if dc_code in self._option_filters:
            self.option_combo.setCurrentIndex(self._option_filters.index(dc_code))

    def book_selected_slot(self) -> None:
        """Emit ``book_slot_requested`` for the selected slot, if it can be booked."""
        rows = self.slot_table.selectionModel().selectedRows()
        if rows:
            self._book_index(rows[0])

    def export_month(self, path: Path) -> None:
        """Write the month shown (for the option shown) to ``path`` as CSV, on the worker."""
        index = self._index
        if index is None:
            return
        year, month = self.calendar.visible_month()
        option = self.selected_option()
        header = self._csv_header()
        option_names = {code: option_label(code, self._option_names) for code in index.option_codes}
        words = {state: state_word(state) for state in SlotState}
        yes_no = (self.tr("yes"), self.tr("no"))
        if self._export_call is not None:
            self._export_call.cancel()
        self._export_call = (
            self._ctx.worker.call(
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
            .on_error(self._export_failed)
            .busy(self.export_button)
            .start()
        )

    # ------------------------------------------------------------------ products

    def _reload_products(self) -> None:
        """Fill the product combo: recent products first, then the rest of the catalog."""
        current_text = self.product_combo.currentText()
        current_code = self.current_product_code()
        try:
            products = self._ctx.catalog.list_products()
        except sqlite3.Error:  # a pasted code still works without the list
            log.exception("Could not read the product catalog")
            products = []
        names = {product.product_code: product.name for product in products}
        self._option_names = {
            option.dc_code: option.name for product in products for option in product.options
        }
        recent = [code for code in self._ctx.settings.recent_products if code]
        entries: list[tuple[str, str] | None] = [(names.get(code, code), code) for code in recent]
        others = [product for product in products if product.product_code not in recent]
        if recent and others:
            entries.append(None)  # a separator between recent and other products
        entries.extend((product.name, product.product_code) for product in others)
        combo = self.product_combo
        combo.blockSignals(True)
        combo.clear()
        self._product_codes = []
        for entry in entries:
            if entry is None:
                combo.insertSeparator(combo.count())
                self._product_codes.append(None)
                continue
            name, code = entry
            combo.addItem(name)
            combo.setItemData(combo.count() - 1, code, Qt.ItemDataRole.ToolTipRole)
            self._product_codes.append(code)
        if current_code in self._product_codes:
            combo.setCurrentIndex(self._product_codes.index(current_code))
        else:
            combo.setCurrentIndex(-1)
            combo.setEditText(current_text)
        combo.blockSignals(False)

    def _select_product_in_combo(self, code: str) -> None:
        if code not in self._product_codes:
            self.product_combo.insertItem(0, self._product_name(code))
            self.product_combo.setItemData(0, code, Qt.ItemDataRole.ToolTipRole)
            self._product_codes.insert(0, code)
        self.product_combo.setCurrentIndex(self._product_codes.index(code))

    def _product_name(self, code: str) -> str:
        try:
            name = self._ctx.catalog.product_name(code)
        except sqlite3.Error:
            log.exception("Could not read the product catalog")
            name = None
        return name or code

    def _on_product_activated(self, position: int) -> None:
        code = self._product_codes[position] if 0 <= position < len(self._product_codes) else None
        if code:
            self._load(code)

    # ------------------------------------------------------------------ loading

    def _load(self, code: str) -> None:
        if self._call is not None and self._loading_code == code:
            return  # already on its way (Enter in the product box also fires "activated")
        if self._call is not None:
            self._call.cancel()
        try:
            client = self._ctx.connection.client()
        except NotConnectedError as error:
            self._show_load_error(error)
            return
        threshold = self._ctx.settings.nearly_full_threshold
        self._loading_code = code
        self._update_status()
        self._call = (
            self._ctx.worker.call(
                lambda: InventoryIndex.build(client.get_inventory(code), threshold)
            )
            .on_success(self.show_inventory)
            .on_error(self._show_load_error)
            .on_done(self._load_finished)
            .busy(self.refresh_button)
            .start()
        )

    def _load_finished(self) -> None:
        self._call = None
        self._loading_code = None
        self._update_status()

    def show_inventory(self, index: InventoryIndex) -> None:
        """Show an inventory already fetched and aggregated (what a fetch ends with)."""
        previous = self._index
        self._index = index
        self._loaded_at = self._clock()
        self._loaded_wall = dt.datetime.now().astimezone()
        self.message_bar.clear()
        recent = self._ctx.settings.recent_products
        if not recent or recent[0] != index.product_code:  # a save writes (and syncs) a file
            try:
                self._ctx.settings.remember_product(index.product_code)
            except SettingsError as error:  # the list of recent products is a convenience
                log.warning("Could not remember the recent product: %s", error)
            self._reload_products()
        self._select_product_in_combo(index.product_code)
        self._fill_options()
        self.legend.set_threshold(index.nearly_full_threshold)
        self._show_data()
        if previous is None or previous.product_code != index.product_code:
            self._go_to_first_departure()
        self._update_warning_bar()
        self.inventory_loaded.emit(index.product_code)

    def _show_load_error(self, error: BaseException) -> None:
        """The sentence for the error's class (one per class, see ``error_text``), and that
        the last good inventory is still on screen."""
        sentence = describe_error(error)
        if sentence is None:
            return
        # The client's own English sentence, when the one shown is a translation of its class.
        details = str(error) if isinstance(error, AxError) and str(error) != sentence else ""
        if self._index is not None:
            sentence += " " + self.tr("Still showing {product}, loaded at {time}.").format(
                product=self._product_name(self._index.product_code),
                time=self._loaded_time_text(),
            )
        self.message_bar.show_notice(PROBLEM, sentence, details)

    def _is_stale(self) -> bool:
        if self._loaded_at is None or self._index is None:
            return True
        if self._index.nearly_full_threshold != self._ctx.settings.nearly_full_threshold:
            return True
        age = self._clock() - self._loaded_at
        return age >= self._ctx.settings.inventory_refresh_age_seconds

    def _on_connection_changed(self) -> None:
        """Data from another connection is not this one's: fetch again when next shown."""
        self._loaded_at = None
        if self.isVisible() and self._index is not None:
            self.refresh()

    # ------------------------------------------------------------------ options

    def _fill_options(self) -> None:
        previous = self.selected_option()
        self._option_filters = [ALL_OPTIONS]
        if self._index is not None:
            self._option_filters.extend(self._index.option_codes)
        combo = self.option_combo
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("All options"))
        for code in self._option_filters[1:]:
            assert code is not None
            label = option_label(code, self._option_names)
            combo.addItem(label)
            combo.setItemData(combo.count() - 1, code or label, Qt.ItemDataRole.ToolTipRole)
        keep = previous in self._option_filters
        combo.setCurrentIndex(self._option_filters.index(previous) if keep else 0)
        combo.blockSignals(False)

    def _on_option_changed(self, _position: int) -> None:
        self._show_data()

    # ------------------------------------------------------------------ showing

    def _show_data(self) -> None:
        self.calendar.set_data(self._index, self.selected_option())
        self._update_enabled()
        self._show_day()

    def _go_to_first_departure(self) -> None:
        """A new product: stay on the month shown if it has departures, else jump to the next."""
        index = self._index
        if index is None:
            return
        year, month = self.calendar.visible_month()
        dates = index.dates(self.selected_option())
        if not dates or any((d.year, d.month) == (year, month) for d in dates):
            return
        today = self._today()
        upcoming = [d for d in dates if d >= today]
        self.calendar.set_selected_date(upcoming[0] if upcoming else dates[0])

    def _show_day(self, _day: object = None) -> None:
        day = self.calendar.selected_date()
        qdate = QDate(day.year, day.month, day.day)
        self.day_label.setText(QLocale().toString(qdate, QLocale.FormatType.LongFormat))
        index = self._index
        rows = [] if index is None else index.slots_on(day, self.selected_option())
        self.slot_model.set_rows(rows, self._option_names)
        summary = None if index is None else index.summary(day, self.selected_option())
        if index is None:
            text = self.tr("Choose a product to see its departures.")
        elif summary is None:
            text = self.tr("No departures on this day.")
        elif summary.state is SlotState.CLOSED:
            text = self.tr("Closed: no departure on sale.")
        else:
            text = self.tr("{state}. Departures on sale: {open}. Seats left: {seats}.").format(
                state=state_word(summary.state), open=summary.open_count, seats=summary.seats_left
            )
        self.day_summary_label.setText(text)
        if rows:
            bookable = (r for r, row in enumerate(rows) if row.slot.is_bookable)
            self.slot_table.selectRow(next(bookable, 0))
        self._update_enabled()

    def _focus_slots(self, _day: object = None) -> None:
        self.slot_table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_month_label(self, *_args: object) -> None:
        year, month = self.calendar.visible_month()
        locale = QLocale()
        text = self.tr("{month} {year}").format(
            month=locale.standaloneMonthName(month, QLocale.FormatType.LongFormat), year=year
        )
        self.month_label.setText(text)
        self.month_label.setAccessibleDescription(text)

    def _update_status(self) -> None:
        if self._loading_code is not None:
            self.status_label.setText(self.tr("Loading…"))
        elif self._index is None:
            self.status_label.setText("")
        else:
            self.status_label.setText(
                self.tr("{count} slots, updated {time}").format(
                    count=QLocale().toString(self._index.slot_count),
                    time=self._loaded_time_text(),
                )
            )

    def _loaded_time_text(self) -> str:
        if self._loaded_wall is None:
            return ""
        moment = self._loaded_wall
        return QLocale().toString(
            QTime(moment.hour, moment.minute, moment.second), QLocale.FormatType.ShortFormat
        )

    def _update_warning_bar(self) -> None:
        index = self._index
        if index is None or not index.problem_count:
            self.warning_bar.clear()
            return
        text = self.tr(
            "Numbers that do not add up in {count} of the slots AX sent (remaining + ordered "
            "is not the maximum, or a number is negative). They are marked and shown as "
            "received; check them with the supplier before selling."
        ).format(count=index.problem_count)
        details = "\n".join(problem for row in index.problem_rows[:20] for problem in row.problems)
        self.warning_bar.show_notice(WARNING, text, details)

    def _show_first_problem(self) -> None:
        index = self._index
        if index is None or not index.problem_rows:
            return
        first = index.problem_rows[0]
        if self.selected_option() not in (ALL_OPTIONS, first.dc_code):
            self.set_option(ALL_OPTIONS)
        self.calendar.set_selected_date(first.slot.date)
        for position, row in enumerate(self.slot_model.rows()):
            if row is first:
                self.slot_table.selectRow(position)
        self.slot_table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_enabled(self, *_args: object) -> None:
        has_data = self._index is not None
        self.export_button.setEnabled(has_data and self._export_call is None)
        self.option_combo.setEnabled(has_data)
        row = self._selected_row()
        self.book_button.setEnabled(row is not None and row.slot.is_bookable)

    # ------------------------------------------------------------------ booking

    def _selected_row(self) -> SlotRow | None:
        rows = self.slot_table.selectionModel().selectedRows()
        return self.slot_model.row_at(rows[0].row()) if rows else None

    def _book_index(self, index: QModelIndex) -> None:
        row = self.slot_model.row_at(index.row())
        if row is None or self._index is None:
            return
        slot = row.slot
        if not slot.is_bookable:
            reason = (
                self.tr("This departure is not on sale.")
                if not slot.is_order
                else self.tr("This departure is sold out.")
            )
            self.message_bar.show_notice(INFO, reason + " " + self.tr("Choose another departure."))
            return
        self.book_slot_requested.emit(
            SlotRef(
                product_code=self._index.product_code,
                dc_code=row.dc_code,
                date=slot.date,
                start_time=slot.start_time,
                inventory_code=slot.inventory_code,
            )
        )

    # ------------------------------------------------------------------ export

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

    def _choose_export_file(self) -> None:
        index = self._index
        if index is None:
            return
        year, month = self.calendar.visible_month()
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        ) or str(Path.home())
        suggested = Path(folder) / f"inventory-{index.product_code[:8]}-{year}-{month:02d}.csv"
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export month to CSV"),
            str(suggested),
            self.tr("CSV files (*.csv)"),
        )
        if path:
            self.export_month(Path(path))

    def _exported(self, path: Path, count: int) -> None:
        self._export_call = None
        self._update_enabled()
        self.message_bar.show_notice(
            INFO,
            self.tr("Saved the month to {path} (slots: {count}).").format(
                path=str(path), count=count
            ),
        )
        self.month_exported.emit(str(path))

    def _export_failed(self, error: BaseException) -> None:
        self._export_call = None
        self._update_enabled()
        sentence = str(error) if isinstance(error, ExportError) else describe_error(error)
        if sentence:
            self.message_bar.show_notice(PROBLEM, sentence)

    # ------------------------------------------------------------------ time

    def _supplier_today(self) -> dt.date:
        """Today where the tours run (the slots' dates are the supplier's local dates)."""
        return supplier_today(self._ctx.connection.supplier_timezone)
