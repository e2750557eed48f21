"""What the Inventory tab shows: the product (picked, recent or pasted) and the option filter.

Each combo's entries are kept by position in a list, not as item data:
PySide6 6.12 returns an empty item datum as an uncounted None.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QComboBox

from axdesk.store.catalog import CatalogProduct
from axdesk.ui.common.catalog_read import CatalogReading
from axdesk.ui.common.context import AppContext
from axdesk.ui.inventory.index import ALL_OPTIONS, InventoryIndex
from axdesk.ui.inventory.slot_model import option_label


class ProductPicker(QObject):
    """The product combo: recent products first, then the rest of the catalog; a pasted
    code works too (the catalog is a convenience, not a condition).

    The catalog is read on the worker by :meth:`reload` only (the tab is made or shown,
    the catalog changed); meanwhile the combo keeps the list read last (or says it is
    reading the catalog), and a pasted code works. Names, and reordering after a load
    (:meth:`show_recent`), come from that reading, so neither the GUI thread nor an
    arriving inventory waits on the database.

    Signals:
        product_chosen(str): the operator picked a listed product (its code).
        problem(object): the catalog could not be read: a sentence for the tab's message
            bar (the list read before stays).
    """

    product_chosen = Signal(str)
    problem = Signal(object)

    def __init__(self, combo: QComboBox, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._combo = combo
        self._ctx = ctx
        self._product_codes: list[str | None] = []  # what each entry stands for, by position
        self._option_names: dict[str, str] = {}
        self._products: list[CatalogProduct] = []
        self._names: dict[str, str] = {}
        self._reading = CatalogReading(ctx.worker, lambda: ctx.catalog, self)
        self._reading.read.connect(self._catalog_read)
        self._reading.failed.connect(self._read_failed)
        combo.activated.connect(self._on_activated)

    @property
    def option_names(self) -> dict[str, str]:
        """The catalog's name of each option, by ``dc_code`` (read with the product list)."""
        return self._option_names

    @property
    def reading(self) -> bool:
        """The catalog is being read (the combo shows the list read before)."""
        return self._reading.reading

    def reload(self) -> None:
        """Read the catalog on the worker, then fill the product combo again."""
        self._reading.reload()
        self.show_placeholder()

    def stop(self) -> None:
        """Drop a read in flight (the tab closes)."""
        self._reading.stop()

    def show_placeholder(self) -> None:
        """The empty combo's hint: that the catalog is being read, or what to type."""
        line_edit = self._combo.lineEdit()
        if line_edit is None:
            return
        if self.reading and not self._products:
            line_edit.setPlaceholderText(self.tr("Reading the catalog…"))
        else:
            line_edit.setPlaceholderText(self.tr("Product name or code"))

    def _catalog_read(self, products: list[CatalogProduct]) -> None:
        self._products = products
        self._names = {product.product_code: product.name for product in products}
        self._option_names = {
            option.dc_code: option.name for product in products for option in product.options
        }
        self.show_recent()
        self.show_placeholder()

    def _read_failed(self, sentence: str) -> None:
        self.show_placeholder()
        self.problem.emit(sentence)

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
