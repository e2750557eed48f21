"""What the Inventory tab shows: the product (picked, recent or pasted) and the option filter.

Each combo's entries are kept by position in a list, not as item data:
PySide6 6.12 returns an empty item datum as an uncounted None.
"""

from __future__ import annotations

import logging
import sqlite3

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QComboBox

from axdesk.store.catalog import CatalogProduct
from axdesk.ui.common.context import AppContext
from axdesk.ui.inventory.index import ALL_OPTIONS, InventoryIndex
from axdesk.ui.inventory.slot_model import option_label

log = logging.getLogger(__name__)


class ProductPicker(QObject):
    """The product combo: recent products first, then the rest of the catalog; a pasted
    code works too (the catalog is a convenience, not a condition).

    The catalog is read by :meth:`reload` only (the tab is shown, the catalog changed);
    names, and reordering after a load (:meth:`show_recent`), come from that reading,
    so an inventory arriving never waits on the database.

    Signals:
        product_chosen(str): the operator picked a listed product (its code).
    """

    product_chosen = Signal(str)

    def __init__(self, combo: QComboBox, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._combo = combo
        self._ctx = ctx
        self._product_codes: list[str | None] = []  # what each entry stands for, by position
        self._option_names: dict[str, str] = {}
        self._products: list[CatalogProduct] = []
        self._names: dict[str, str] = {}
        combo.activated.connect(self._on_activated)

    @property
    def option_names(self) -> dict[str, str]:
        """The catalog's name of each option, by ``dc_code`` (read with the product list)."""
        return self._option_names

    def reload(self) -> None:
        """Read the catalog, then fill the product combo: recent products first, then the
        rest of the catalog."""
        try:
            products = self._ctx.catalog.list_products()
        except sqlite3.Error:  # a pasted code still works without the list
            log.exception("Could not read the product catalog")
            products = []
        self._products = products
        self._names = {product.product_code: product.name for product in products}
        self._option_names = {
            option.dc_code: option.name for product in products for option in product.options
        }
        self.show_recent()

    def show_recent(self) -> None:
        """Fill the combo again from the catalog last read (the recent products changed)."""
        current_text = self._combo.currentText()
        current_code = self.current_code()
        products = self._products
        names = self._names
        recent = [code for code in self._ctx.settings.recent_products if code]
        entries: list[tuple[str, str] | None] = [(names.get(code, code), code) for code in recent]
        others = [product for product in products if product.product_code not in recent]
        if recent and others:
            entries.append(None)  # a separator between recent and other products
        entries.extend((product.name, product.product_code) for product in others)
        combo = self._combo
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

    def current_code(self) -> str:
        """The product the combo designates: a listed product's code, or the pasted text."""
        text = self._combo.currentText().strip()
        if not text:
            return ""
        position = self._combo.currentIndex()
        if position < 0 or self._combo.itemText(position).strip() != text:
            position = self._combo.findText(text, Qt.MatchFlag.MatchExactly)
        if 0 <= position < len(self._product_codes):
            code = self._product_codes[position]
            if code:
                return code
        return text

    def select(self, code: str) -> None:
        """Make ``code`` the current entry, adding it at the top if it is not listed."""
        if code not in self._product_codes:
            self._combo.insertItem(0, self.product_name(code))
            self._combo.setItemData(0, code, Qt.ItemDataRole.ToolTipRole)
            self._product_codes.insert(0, code)
        self._combo.setCurrentIndex(self._product_codes.index(code))

    def product_name(self, code: str) -> str:
        """The catalog's name of the product (as last read); its code when it is not there."""
        return self._names.get(code) or code

    def _on_activated(self, position: int) -> None:
        code = self._product_codes[position] if 0 <= position < len(self._product_codes) else None
        if code:
            self.product_chosen.emit(code)


class OptionPicker(QObject):
    """The option filter: "All options", then each option of the inventory shown.

    Signals: none (the combo's ``currentIndexChanged`` says the filter changed).
    """

    def __init__(self, combo: QComboBox, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._combo = combo
        self._option_filters: list[str | None] = []  # what each entry stands for, by position
        self._entries: list[tuple[str, str | None]] = []  # each entry's text and tooltip

    def fill(self, index: InventoryIndex | None, option_names: dict[str, str]) -> None:
        """List the options of ``index``, keeping the one chosen if it is still there.

        A refresh of the product shown lists the same options: the combo is then left
        as it is. Refilling it changed its size hint, and the whole tab was laid out
        and repainted again on every arrival.
        """
        filters: list[str | None] = [ALL_OPTIONS]
        if index is not None:
            filters.extend(index.option_codes)
        entries: list[tuple[str, str | None]] = [(self.tr("All options"), None)]
        for code in filters[1:]:
            assert code is not None
            label = option_label(code, option_names)
            entries.append((label, code or label))
        if filters == self._option_filters and entries == self._entries:
            return
        previous = self.selected()
        self._option_filters = filters
        self._entries = entries
        combo = self._combo
        combo.blockSignals(True)
        combo.clear()
        for label, tooltip in entries:
            combo.addItem(label)
            if tooltip is not None:
                combo.setItemData(combo.count() - 1, tooltip, Qt.ItemDataRole.ToolTipRole)
        keep = previous in self._option_filters
        combo.setCurrentIndex(self._option_filters.index(previous) if keep else 0)
        combo.blockSignals(False)

    def selected(self) -> str | None:
        """The option filter: a ``dc_code``, or ``ALL_OPTIONS``."""
        position = self._combo.currentIndex()
        if 0 <= position < len(self._option_filters):
            return self._option_filters[position]
        return ALL_OPTIONS

    def select(self, dc_code: str | None) -> None:
        """Filter on one option (``ALL_OPTIONS`` for all); an option not listed is ignored."""
        if dc_code in self._option_filters:
            self._combo.setCurrentIndex(self._option_filters.index(dc_code))

    def retranslate(self) -> None:
        if self._combo.count():
            text = self.tr("All options")
            self._combo.setItemText(0, text)
            self._entries[:1] = [(text, None)]
