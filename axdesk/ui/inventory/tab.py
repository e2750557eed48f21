"""The Inventory tab: which days still have seats, for which option, at a glance.

The operator picks a product (from the catalog, a recent one, or a pasted
code); the inventory is fetched on the worker, aggregated there once
(:class:`~axdesk.ui.inventory.index.InventoryIndex`), and shown as a month
calendar (:class:`~axdesk.ui.inventory.calendar.InventoryCalendar`) with a
list of the selected day's slots. "Book this slot" hands a :class:`SlotRef`
to the order form.

The tab lays the widgets out and wires them; each action is a helper object
it builds: :class:`~axdesk.ui.inventory.pickers.ProductPicker` and
:class:`~axdesk.ui.inventory.pickers.OptionPicker` (what is shown),
:class:`~axdesk.ui.inventory.loading.InventoryLoader` (refresh),
:class:`~axdesk.ui.inventory.booking.SlotBooking` ("Book this slot"),
:class:`~axdesk.ui.inventory.month_export.MonthExport` (CSV of the month) and
:class:`~axdesk.ui.inventory.data_warnings.DataWarnings` (numbers that do not
add up).

A failed fetch never replaces what is on screen: the last good inventory
stays, and a sentence in the tab's message bar says what went wrong.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from axdesk.store.settings import SettingsError
from axdesk.ui.common.context import AppContext, supplier_zone
from axdesk.ui.common.notice_bar import INFO, PROBLEM, NoticeBar
from axdesk.ui.common.wheel_guard import guard_wheel
from axdesk.ui.inventory.booking import SlotBooking
from axdesk.ui.inventory.calendar import InventoryCalendar
from axdesk.ui.inventory.data_warnings import DataWarnings
from axdesk.ui.inventory.day_panel import DayPanel
from axdesk.ui.inventory.index import InventoryIndex
from axdesk.ui.inventory.legend import InventoryLegend
from axdesk.ui.inventory.loading import InventoryLoader
from axdesk.ui.inventory.month_export import MonthExport
from axdesk.ui.inventory.month_nav import MonthNavigation
from axdesk.ui.inventory.pickers import OptionPicker, ProductPicker
from axdesk.ui.inventory.staleness import StaleInventory

log = logging.getLogger(__name__)


class InventoryTab(QWidget):
    """Availability by date for one product, per option, with booking from a slot.

    Follows the Tab protocol (:mod:`axdesk.ui.shell.tab`): :meth:`on_shown`,
    :meth:`refresh`, :meth:`shutdown`.

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
        now: Callable[[], dt.datetime] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        # The supplier's clock: its date is the calendar's today, and departures gone by
        # it are past. A test hands in either (a given today starts at its midnight).
        self._given_today = today
        self._now = now or (self._start_of_given_day if today else self._supplier_now)
        self._today = today or self._clock_date
        self._build()
        self.products = ProductPicker(self.product_combo, ctx, self)
        self.options = OptionPicker(self.option_combo, self)
        self.loading = InventoryLoader(
            ctx,
            clock=clock,
            busy=self.refresh_button,
            status_label=self.status_label,
            message_bar=self.message_bar,
            product_name=self.products.product_name,
            month_shown=lambda: self.calendar.month_shown(self.options.selected()),
            parent=self,
        )
        self.stale = StaleInventory(
            self.loading,
            self.products,
            label=self.stale_label,
            dimmed=(self.calendar, self.day_panel),
            blocked=(self.day_panel.slot_table,),
            parent=self,
        )
        self.booking = SlotBooking(
            self.day_panel,
            self.message_bar,
            lambda: self.loading.index,
            self.stale.is_current,
            self._now,
            self,
        )
        self.exporting = MonthExport(
            ctx.worker,
            button=self.export_button,
            calendar=self.calendar,
            message_bar=self.message_bar,
            inventory=lambda: self.loading.index,
            option=self.options.selected,
            option_names=lambda: self.products.option_names,
            parent=self,
        )
        self.data_warnings = DataWarnings(
            self.warning_bar,
            calendar=self.calendar,
            options=self.options,
            panel=self.day_panel,
            inventory=lambda: self.loading.index,
            parent=self,
        )
        self.retranslate_ui()
        self._update_enabled()
        self._connect()
        self.products.reload()

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
        guard_wheel(self.product_combo, self.option_combo)
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
        outer.addWidget(self.warning_bar)
        self.stale_label = QLabel(self)
        outer.addWidget(self.stale_label)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        outer.addWidget(splitter, 1)

        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 6, 0)
        left_layout.setSpacing(6)
        self.month_nav = MonthNavigation(left)
        self.previous_button = self.month_nav.previous_button
        self.next_button = self.month_nav.next_button
        self.month_label = self.month_nav.month_label
        self.today_button = self.month_nav.today_button
        self.export_button = self.month_nav.export_button
        left_layout.addWidget(self.month_nav)
        self.calendar = InventoryCalendar(left, today=self._today, now=self._now)
        left_layout.addWidget(self.calendar, 1)
        self.legend = InventoryLegend(left)
        left_layout.addWidget(self.legend)

        self.day_panel = DayPanel(splitter)

        splitter.addWidget(left)
        splitter.addWidget(self.day_panel)
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
        QWidget.setTabOrder(self.calendar, self.day_panel.slot_table)
        QWidget.setTabOrder(self.day_panel.slot_table, self.day_panel.book_button)

    def retranslate_ui(self) -> None:
        """Set every text in the current language (at start and on a live language switch)."""
        self.product_label.setText(self.tr("&Product:"))
        self.product_combo.setAccessibleName(self.tr("Product"))
        self.product_combo.setToolTip(
            self.tr("Pick a product from the catalog, or paste a product code and press Enter.")
        )
        line_edit = self.product_combo.lineEdit()
        assert line_edit is not None  # the combo is editable
        self.products.show_placeholder()
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
        self.data_warnings.retranslate()
        self.calendar.setAccessibleName(self.tr("Availability calendar"))
        self.calendar.setAccessibleDescription(
            self.tr(
                "Arrow keys move the day, Page Up and Page Down change month, "
                "Enter goes to the day's departures."
            )
        )
        self.legend.setAccessibleName(self.tr("Legend"))
        self.day_panel.retranslate_ui()
        # Texts that are computed: month and day names follow the (new) locale too.
        self.calendar.retranslate()
        index = self.inventory_index
        self.legend.set_threshold(
            index.nearly_full_threshold
            if index is not None
            else self._ctx.settings.nearly_full_threshold
        )
        self.options.retranslate()
        self._update_month_label()
        self.loading.update_status()
        self.stale.update()
        self._show_day()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _connect(self) -> None:
        self.products.product_chosen.connect(self.loading.load)
        line_edit = self.product_combo.lineEdit()
        assert line_edit is not None
        line_edit.returnPressed.connect(self.refresh)
        line_edit.textChanged.connect(self.stale.update)
        self.stale.changed.connect(self._update_enabled)
        self.refresh_button.clicked.connect(self.refresh)
        self.loading.loaded.connect(self.show_inventory)
        self.option_combo.currentIndexChanged.connect(self._on_option_changed)
        self.previous_button.clicked.connect(self.calendar.previous_month)
        self.next_button.clicked.connect(self.calendar.next_month)
        self.today_button.clicked.connect(self.calendar.go_to_today)
        self.export_button.clicked.connect(self.exporting.choose_file)
        self.exporting.finished.connect(self._update_enabled)
        self.exporting.exported.connect(self.month_exported)
        self.calendar.month_changed.connect(self._update_month_label)
        self.calendar.selected_date_changed.connect(self._show_day)
        self.calendar.day_activated.connect(self.day_panel.focus_slots)
        selection = self.day_panel.slot_table.selectionModel()
        selection.selectionChanged.connect(self._update_enabled)
        self.booking.slot_chosen.connect(self.book_slot_requested)
        self._ctx.connection.changed.connect(self._on_connection_changed)
        self._ctx.events.catalog_changed.connect(self.products.reload)
        self.products.problem.connect(self._catalog_problem)

    # ------------------------------------------------------------------ public API

    def on_shown(self) -> None:
        """The tab became current: refresh the product list, and the data when it is old."""
        self.products.reload()
        if self.loading.loading_code is not None:
            return
        code = self.current_product_code()
        if not code:
            return
        index = self.inventory_index
        if index is None or index.product_code != code or self.loading.is_stale():
            self.refresh()

    def shutdown(self) -> None:
        """The window closes: drop any call in flight (its answer is ignored)."""
        self.products.stop()
        self.loading.shutdown()
        self.exporting.shutdown()

    def refresh(self) -> None:
        """Fetch the chosen product's inventory on the worker (the window stays responsive)."""
        code = self.current_product_code()
        if not code:
            self.message_bar.show_notice(
                INFO,
                self.tr("Choose a product from the list, or paste a product code and press Enter."),
            )
            return
        self.loading.load(code)

    def show_product(self, product_code: str) -> None:
        """Show ``product_code`` (adding it to the list if needed) and fetch its inventory."""
        code = product_code.strip()
        if not code:
            return
        self.products.select(code)
        self.loading.load(code)

    def current_product_code(self) -> str:
        """The product the combo designates: a listed product's code, or the pasted text."""
        return self.products.current_code()

    @property
    def inventory_index(self) -> InventoryIndex | None:
        """The inventory on screen (None before the first successful fetch)."""
        return self.loading.index

    def selected_option(self) -> str | None:
        """The option filter: a ``dc_code``, or ``ALL_OPTIONS``."""
        return self.options.selected()

    def set_option(self, dc_code: str | None) -> None:
        """Filter the calendar on one option (``ALL_OPTIONS`` for all)."""
        self.options.select(dc_code)

    def export_month(self, path: Path) -> None:
        """Write the month shown (for the option shown) to ``path`` as CSV, on the worker."""
        self.exporting.export(path)

    def show_inventory(self, index: InventoryIndex) -> None:
        """Show an inventory already fetched and aggregated (what a fetch ends with)."""
        previous = self.inventory_index
        self.loading.record(index)
        self.message_bar.clear()
        recent = self._ctx.settings.recent_products
        if not recent or recent[0] != index.product_code:
            # The change is written off this thread (the shell's settings saver); the
            # combo is reordered from the catalog already read (no database read here).
            try:
                self._ctx.settings.remember_product(index.product_code)
            except SettingsError as error:  # the list of recent products is a convenience
                log.warning("Could not remember the recent product: %s", error)
            self.products.show_recent()
        self.products.select(index.product_code)
        self.options.fill(index, self.products.option_names)
        if self.legend.threshold != index.nearly_full_threshold:  # else no repaint of it
            self.legend.set_threshold(index.nearly_full_threshold)
        self._show_data()
        if previous is None or previous.product_code != index.product_code:
            self.calendar.turn_to_departures(index.dates(self.selected_option()))
        self.data_warnings.update_bar()
        self.stale.update()
        self.inventory_loaded.emit(index.product_code)

    # ------------------------------------------------------------------ showing

    def _catalog_problem(self, sentence: str) -> None:
        """The catalog could not be read: said once in the tab's bar (a pasted code works)."""
        self.message_bar.show_notice(PROBLEM, sentence)

    def _on_connection_changed(self) -> None:
        """Data from another connection is not this one's: fetch again when next shown."""
        self.loading.forget_age()
        if self.isVisible() and self.inventory_index is not None:
            self.refresh()

    def _on_option_changed(self, _position: int) -> None:
        self._show_data()

    def _show_data(self) -> None:
        self.calendar.set_data(self.inventory_index, self.selected_option())
        self._update_enabled()
        self._show_day()

    def _show_day(self, _day: object = None) -> None:
        self.day_panel.show_day(
            self.calendar.selected_date(),
            self.inventory_index,
            self.selected_option(),
            self.products.option_names,
            self._now(),
        )
        self._update_enabled()

    def _update_month_label(self, *_args: object) -> None:
        self.month_nav.show_month(*self.calendar.visible_month())

    def _update_enabled(self, *_args: object) -> None:
        has_data = self.inventory_index is not None
        self.export_button.setEnabled(has_data and not self.exporting.is_running)
        self.option_combo.setEnabled(has_data)
        self.day_panel.book_button.setEnabled(self.booking.can_book_selected())

    def _start_of_given_day(self) -> dt.datetime:
        assert self._given_today is not None
        return dt.datetime.combine(self._given_today(), dt.time.min)

    def _clock_date(self) -> dt.date:
        return self._now().date()

    def _supplier_now(self) -> dt.datetime:
        """Now where the tours run (the slots' dates and times are the supplier's)."""
        return dt.datetime.now(supplier_zone(self._ctx.connection.supplier_timezone))
