"""One line of the order: an option at one departure, its price and its travelers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal

from PySide6.QtCore import QEvent, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from axdesk.api import MINOR_UNIT_DIGITS
from axdesk.store.catalog import CatalogOption, CatalogProduct
from axdesk.ui.common.money_text import format_money
from axdesk.ui.common.placeholders import fill_args
from axdesk.ui.common.wheel_guard import guard_wheel
from axdesk.ui.order_entry.date_field import DateField
from axdesk.ui.order_entry.departures import DeparturePicker
from axdesk.ui.order_entry.inventory_cache import InventoryCache
from axdesk.ui.order_entry.line_layout import lay_out_line
from axdesk.ui.order_entry.options import OptionPicker
from axdesk.ui.order_entry.state import LineState
from axdesk.ui.order_entry.totals import LineFigures
from axdesk.ui.order_entry.travelers import TravelerTable
from axdesk.ui.order_entry.widgets import INPUT_ROW_HEIGHT, FieldBox, field_label

MAX_QUANTITY = 999


def price_text(amount: Decimal, currency: str) -> str:
    """A catalog price as the operator would type it ("50000", "19.90")."""
    places = MINOR_UNIT_DIGITS.get(currency, 2)
    quantum = Decimal(1).scaleb(-places)
    if amount == amount.quantize(quantum):
        return f"{amount.quantize(quantum):f}"
    return f"{amount.normalize():f}"


class LineEditor(QFrame):
    """Product, option, date, time, quantity, prices and the travelers table of one line.

    Signals:
        changed(): anything in the line changed.
        edited(str): the user changed this field ("quantity", "travelers[1].email", ...).
        remove_requested(): the line's Remove button was pressed.
        option_chosen(str): the user chose an option priced in this currency.
        refreshed(): live inventory for this line arrived (seats may have changed).
    """

    changed = Signal()
    refreshed = Signal()
    edited = Signal(str)
    remove_requested = Signal()
    option_chosen = Signal(str)

    def __init__(
        self,
        inventory: InventoryCache,
        today: Callable[[], dt.date],
        now: Callable[[], dt.datetime],
        parent: QWidget | None = None,
    ) -> None:
        """``today`` and ``now``: the supplier's date and clock (departures gone by it are
        marked in the time list)."""
        super().__init__(parent)
        self.setProperty("role", "line")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._inventory = inventory
        self._currency = "KRW"
        self._number = 1
        self._setting = False

        self.title = QLabel(self)
        self.title.setProperty("role", "section")
        self.remove_button = QPushButton(self)
        self.remove_button.setFlat(True)
        self.options = OptionPicker(self)
        self.product_combo = self.options.product_combo
        self.option_combo = self.options.option_combo
        self.date_field = DateField(today, self)
        self.date_edit = self.date_field.edit
        self.weekday_label = QLabel(self)
        self.weekday_label.setProperty("role", "hint")
        self.weekday_label.setMinimumWidth(28)
        self.weekday_label.setMinimumHeight(INPUT_ROW_HEIGHT)
        self.departures = DeparturePicker(inventory, now, self)
        self.time_combo = self.departures.time_combo
        self.refresh_button = self.departures.refresh_button
        self.quantity_spin = QSpinBox(self)
        self.quantity_spin.setRange(1, MAX_QUANTITY)
        self.quantity_spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.seats_label = self.departures.seats_label
        self.price_edit = QLineEdit(self)
        self.discount_edit = QLineEdit(self)
        self.method_edit = QLineEdit(self)
        for edit in (self.price_edit, self.discount_edit):
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.figures_label = QLabel(self)
        self.figures_label.setProperty("role", "figures")
        self.figures_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.travelers = TravelerTable(self)

        self.inputs: dict[str, QWidget] = {
            "product": self.product_combo,
            "option": self.option_combo,
            "date": self.date_field,
            "time": self.time_combo,
            "quantity": self.quantity_spin,
            "unit_price": self.price_edit,
            "discount": self.discount_edit,
            "discount_method": self.method_edit,
        }
        self.boxes = {
            name: FieldBox(widget, self, paint=self.date_edit if name == "date" else None)
            for name, widget in self.inputs.items()
        }
        self.labels = {name: field_label(self) for name in self.inputs}
        for name, label in self.labels.items():
            label.setBuddy(self.inputs[name])
        lay_out_line(self)
        self._connect()
        guard_wheel(self.product_combo, self.option_combo, self.time_combo, self.quantity_spin)
        self.retranslate_ui()
        self._rebuild_times()

    def _connect(self) -> None:
        self.product_combo.activated.connect(self._product_activated)
        self.option_combo.activated.connect(self._option_activated)
        self.date_field.date_changed.connect(self._date_changed)
        self.date_field.edited.connect(lambda: self.edited.emit("date"))
        self.time_combo.activated.connect(self._time_activated)
        self.quantity_spin.valueChanged.connect(self._quantity_changed)
        for name, edit in (
            ("unit_price", self.price_edit),
            ("discount", self.discount_edit),
            ("discount_method", self.method_edit),
        ):
            edit.textChanged.connect(self._emit_changed)
            edit.textEdited.connect(lambda _text, field=name: self.edited.emit(field))
        self.refresh_button.clicked.connect(self.refresh_inventory)
        self.remove_button.clicked.connect(self.remove_requested)
        self.travelers.model.edited.connect(
            lambda row, field: self.edited.emit(f"travelers[{row}].{field}")
        )
        self.travelers.model.dataChanged.connect(self._emit_changed)
        self._inventory.updated.connect(self._inventory_updated)

    def retranslate_ui(self) -> None:
        texts = {
            "product": self.tr("Pro&duct"),
            "option": self.tr("Op&tion"),
            "date": self.tr("Date"),
            "time": self.tr("Time"),
            "quantity": self.tr("&Quantity"),
            "unit_price": self.tr("&Unit price"),
            "discount": self.tr("Discount / unit"),
            "discount_method": self.tr("Discount method"),
        }
        for name, text in texts.items():
            self.labels[name].setText(text)
        accessible = {
            "product": self.tr("Line %1 product"),
            "option": self.tr("Line %1 option"),
            "date": self.tr("Line %1 date"),
            "time": self.tr("Line %1 start time"),
            "quantity": self.tr("Line %1 quantity"),
            "unit_price": self.tr("Line %1 unit price"),
            "discount": self.tr("Line %1 discount per unit"),
            "discount_method": self.tr("Line %1 discount method"),
        }
        for name, text in accessible.items():
            self.inputs[name].setAccessibleName(fill_args(text, str(self._number)))
        self.title.setText(fill_args(self.tr("Line %1"), str(self._number)))
        self.remove_button.setText(self.tr("Remove line"))
        self.remove_button.setAccessibleName(
            fill_args(self.tr("Remove line %1"), str(self._number))
        )
        self.departures.retranslate(self._number)
        self.date_edit.setPlaceholderText(self.tr("YYYY-MM-DD or 11/23"))
        self.date_edit.setAccessibleName(fill_args(self.tr("Line %1 date"), str(self._number)))
        self.date_field.calendar_button.setAccessibleName(self.tr("Open the calendar"))
        self.boxes["date"].set_hint(
            self.tr("Type 2026-11-23 or 11/23; Up and Down change the day; F4 opens a calendar")
        )
        self.discount_edit.setPlaceholderText("0")
        self.method_edit.setPlaceholderText(self.tr("e.g. coupon"))
        self.boxes["discount"].set_hint(
            self.tr("Taken off each ticket's price (sent to AX as the amount per unit)")
        )
        self.options.retranslate()
        self._rebuild_times()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def set_number(self, number: int) -> None:
        self._number = number
        self.retranslate_ui()

    # -- catalog --------------------------------------------------------------------

    def set_catalog(self, products: Sequence[CatalogProduct]) -> None:
        """Offer ``products``, keeping the product and option chosen. A line whose option
        the catalog did not know yet (a slot booked while it was being read, on the
        worker) takes the option's price now, as choosing it would have."""
        known_before = self.catalog_option() is not None
        self.options.set_catalog(products)
        option = self.catalog_option()
        if option is None or known_before or self.price_edit.text().strip():
            return
        self.price_edit.setText(price_text(option.unit_price, option.currency))
        self.option_chosen.emit(option.currency)
        self._emit_changed()

    def catalog_option(self) -> CatalogOption | None:
        return self.options.catalog_option()

    # -- user actions ---------------------------------------------------------------

    def _product_activated(self, _index: int) -> None:
        product_code = self.options.product_code
        self.options.fill_options(product_code)
        product = self.options.product(product_code)
        if product is not None and len(product.options) == 1:
            self.option_combo.setCurrentIndex(1)
            self._option_activated(1)
        self.departures.wanted_time = None
        self._request_inventory()
        self._rebuild_times()
        self.edited.emit("product")
        self._emit_changed()

    def _option_activated(self, _index: int) -> None:
        option = self.catalog_option()
        if option is not None:
            self.price_edit.setText(price_text(option.unit_price, option.currency))
            self.option_chosen.emit(option.currency)
        self._rebuild_times()
        self.edited.emit("option")
        self._emit_changed()

    def _date_changed(self, _day: object) -> None:
        self._show_weekday()
        if self._setting:
            return
        self._request_inventory()
        self._rebuild_times()
        self._emit_changed()

    def _time_activated(self, _index: int) -> None:
        self.departures.choose_current()
        self.edited.emit("time")
        self._emit_changed()

    def _quantity_changed(self, value: int) -> None:
        self.travelers.model.resize(value)
        if not self._setting:
            self.edited.emit("quantity")
            self._emit_changed()

    def _emit_changed(self) -> None:
        if not self._setting:
            self.changed.emit()

    # -- inventory ------------------------------------------------------------------

    def _show_weekday(self) -> None:
        day = self.selected_date()
        self.weekday_label.setText(
            QLocale().dayName(day.isoweekday(), QLocale.FormatType.ShortFormat) if day else ""
        )

    def selected_date(self) -> dt.date | None:
        return self.date_field.date()

    def _request_inventory(self) -> None:
        self._inventory.request(self.options.product_code, self.selected_date())

    def refresh_inventory(self) -> None:
        self._inventory.request(self.options.product_code, self.selected_date(), refresh=True)
        self._rebuild_times()

    def _inventory_updated(self, product_code: str, day: object) -> None:
        if product_code == self.options.product_code and day == self.selected_date():
            self._rebuild_times()
            self.refreshed.emit()

    def refresh_times_if_needed(self) -> None:
        """Ask for this line's departures unless they are known (or on their way)."""
        self._request_inventory()
        self._rebuild_times()

    def _rebuild_times(self) -> None:
        """List the departures of the chosen option and day with their seats left."""
        self.departures.show(self.options.product_code, self.options.dc_code, self.selected_date())

    # -- state ----------------------------------------------------------------------

    def state(self) -> LineState:
        travelers = self.travelers.model.travelers()
        return LineState(
            product_code=self.options.product_code,
            dc_code=self.options.dc_code,
            date=self.selected_date(),
            start_time=self.departures.wanted_time,
            quantity=self.quantity_spin.value(),
            unit_price=self.price_edit.text(),
            discount=self.discount_edit.text(),
            discount_method=self.method_edit.text(),
            travelers=travelers,
        )

    def set_state(self, line: LineState) -> None:
        self._setting = True
        try:
            self.options.select_product(line.product_code)
            self.options.fill_options(line.product_code)
            self.options.select_option(line.dc_code)
            self.date_field.set_date(line.date)
            self.departures.wanted_time = line.start_time
            self.travelers.model.set_travelers(line.travelers)
            self.quantity_spin.setValue(max(1, line.quantity))
            self.travelers.model.resize(self.quantity_spin.value())
            self.price_edit.setText(line.unit_price)
            self.discount_edit.setText(line.discount)
            self.method_edit.setText(line.discount_method)
        finally:
            self._setting = False
        self._request_inventory()
        self._rebuild_times()

    def set_slot(self, product_code: str, dc_code: str, day: dt.date, start: dt.time) -> None:
        """Fill product, option, date and time from a slot picked in the inventory."""
        state = self.state()
        state.product_code = product_code
        state.dc_code = dc_code
        state.date = day
        state.start_time = start.replace(second=0, microsecond=0, tzinfo=None)
        option = self.options.product(product_code)
        catalog_option = option.option(dc_code) if option else None
        if catalog_option is not None:
            state.unit_price = price_text(catalog_option.unit_price, catalog_option.currency)
        self.set_state(state)
        if catalog_option is not None:
            self.option_chosen.emit(catalog_option.currency)
        self.changed.emit()

    # -- problems and figures -----------------------------------------------------

    def set_problems(
        self, problems: Mapping[str, str], traveler_problems: Mapping[tuple[int, str], str]
    ) -> None:
        shown = dict(problems)
        if self.date_field.has_unreadable_text():
            shown["date"] = fill_args(
                self.tr("“%1” is not a date; write it like 2026-11-23."),
                self.date_field.text().strip(),
            )
        for name, box in self.boxes.items():
            box.set_problem(shown.get(name))
        self.travelers.set_problems(traveler_problems)

    def show_figures(self, figures: LineFigures, currency: str) -> None:
        if figures.unit_price is None:
            self.figures_label.setText(self.tr("Enter the unit price to see the line total."))
            return
        text = fill_args(
            self.tr("%1 × %2 = %3"),
            str(figures.quantity),
            format_money(figures.unit_price, currency),
            format_money(figures.line_total or Decimal(0), currency),
        )
        if figures.discount and figures.amount_per_unit is not None:
            text += "   ·   " + fill_args(
                self.tr("after the discount %1 per ticket"),
                format_money(figures.amount_per_unit, currency),
            )
        self.figures_label.setText(text)

    def field_widget(self, name: str) -> QWidget | None:
        return self.inputs.get(name)

    def focus_chain(self) -> list[QWidget]:
        """The inputs in the order Tab visits them."""
        return [
            self.product_combo,
            self.option_combo,
            self.date_field,  # not its line edit: the field stands in the chain for it
            self.time_combo,
            self.refresh_button,
            self.quantity_spin,
            self.price_edit,
            self.discount_edit,
            self.method_edit,
            self.travelers.view,
            self.travelers.copy_purchaser_button,
            self.travelers.copy_first_button,
            self.remove_button,
        ]
