"""The product and option of one line, chosen from the local catalog."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QComboBox, QWidget

from axdesk.store.catalog import CatalogOption, CatalogProduct
from axdesk.ui.common.money_text import format_money
from axdesk.ui.common.placeholders import fill_args


class OptionPicker(QObject):
    """The product and option lists of one line (the line lays them out).

    A product or option the catalog no longer has stays selected, marked
    "not in the catalog", so a restored draft shows what was typed.
    """

    def __init__(self, line: QWidget) -> None:
        super().__init__(line)
        self._products: list[CatalogProduct] = []
        self.product_combo = QComboBox(line)
        self.option_combo = QComboBox(line)
        for combo in (self.product_combo, self.option_combo):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(18)
        self.fill_products()

    def retranslate(self) -> None:
        if self.product_combo.count():
            self.product_combo.setItemText(0, self.tr("Choose a product…"))
        if self.option_combo.count():
            self.option_combo.setItemText(0, self.tr("Choose an option…"))

    @property
    def product_code(self) -> str:
        return str(self.product_combo.currentData() or "")

    @property
    def dc_code(self) -> str:
        return str(self.option_combo.currentData() or "")

    def set_catalog(self, products: Sequence[CatalogProduct]) -> None:
        """Offer ``products``, keeping the product and option chosen."""
        product_code, dc_code = self.product_code, self.dc_code
        self._products = list(products)
        self.fill_products()
        self.select_product(product_code)
        self.fill_options(product_code)
        self.select_option(dc_code)

    def fill_products(self) -> None:
        self.product_combo.clear()
        self.product_combo.addItem(self.tr("Choose a product…"), "")
        for product in self._products:
            self.product_combo.addItem(product.name, product.product_code)

    def select_product(self, product_code: str) -> None:
        index = self.product_combo.findData(product_code) if product_code else 0
        if index < 0:
            self.product_combo.addItem(
                fill_args(self.tr("%1 (not in the catalog)"), product_code), product_code
            )
            index = self.product_combo.count() - 1
        self.product_combo.setCurrentIndex(index)

    def product(self, product_code: str) -> CatalogProduct | None:
        return next((p for p in self._products if p.product_code == product_code), None)

    def fill_options(self, product_code: str) -> None:
        """List the options of ``product_code``, each with its price."""
        self.option_combo.clear()
        self.option_combo.addItem(self.tr("Choose an option…"), "")
        product = self.product(product_code)
        for option in product.options if product else ():
            self.option_combo.addItem(
                f"{option.name} · {format_money(option.unit_price, option.currency)}",
                option.dc_code,
            )

    def select_option(self, dc_code: str) -> None:
        index = self.option_combo.findData(dc_code) if dc_code else 0
        if index < 0:
            self.option_combo.addItem(
                fill_args(self.tr("%1 (not in the catalog)"), dc_code), dc_code
            )
            index = self.option_combo.count() - 1
        self.option_combo.setCurrentIndex(index)

    def catalog_option(self) -> CatalogOption | None:
        """The chosen option as the catalog has it (None if none, or no longer there)."""
        product = self.product(self.product_code)
        return product.option(self.dc_code) if product else None
