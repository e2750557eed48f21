"""The catalog as a tree: products, their options under them, one row each.

Each row's cells carry the item's kind (:data:`PRODUCT` or :data:`OPTION`) and
code in :data:`KIND_ROLE` and :data:`CODE_ROLE`, so a selected row names the
item to edit. Prices are shown as ``Decimal`` text, without float noise.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from axdesk.store.catalog import CatalogProduct

CODE_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2
PRODUCT, OPTION = "product", "option"


def show_price(amount: Decimal) -> str:
    """``45000.00000`` -> ``45,000``; ``12.50000`` -> ``12.5``."""
    normal = amount.normalize()
    if normal == normal.to_integral_value():
        normal = normal.quantize(Decimal(1))
    return f"{normal:,f}"


class CatalogTreeModel(QStandardItemModel):
    """Name, code, mapping code, unit price and currency of every product and option."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(0, 5, parent)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Code"),
                self.tr("Mapping code"),
                self.tr("Unit price"),
                self.tr("Currency"),
            ]
        )

    def fill(
        self, products: Sequence[CatalogProduct], select: tuple[str, str] | None = None
    ) -> QModelIndex | None:
        """Show ``products``; returns the index of the ``(kind, code)`` to select, if shown."""
        self.removeRows(0, self.rowCount())
        target: QModelIndex | None = None
        for product in products:
            row = self._row(PRODUCT, product.product_code, product.name)
            self.appendRow(row)
            if select == (PRODUCT, product.product_code):
                target = row[0].index()
            for option in product.options:
                option_row = self._row(
                    OPTION,
                    option.dc_code,
                    option.name,
                    option.channel_product_mapping_code,
                    show_price(option.unit_price),
                    option.currency,
                )
                row[0].appendRow(option_row)
                if select == (OPTION, option.dc_code):
                    target = option_row[0].index()
        return target

    @staticmethod
    def _row(kind: str, code: str, name: str, *rest: str) -> list[QStandardItem]:
        cells = [name, code, *rest]
        items = [QStandardItem(text) for text in cells]
        for item in items:
            item.setToolTip(item.text())
            item.setData(code, CODE_ROLE)
            item.setData(kind, KIND_ROLE)
        if len(items) > 3:
            items[3].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return items
