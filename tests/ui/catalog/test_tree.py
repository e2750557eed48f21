"""The catalog tree (catalog/tree.py): every product with its options under it, prices
shown as Decimal text without float noise."""

from __future__ import annotations

from decimal import Decimal

from catalog_support import select

from axdesk.ui.catalog.dialog import CatalogDialog
from axdesk.ui.catalog.tree import OPTION, show_price


def test_lists_the_sandbox_catalog(dialog: CatalogDialog, sandbox) -> None:
    catalog = sandbox.catalog()
    assert dialog.model.rowCount() == len(catalog)
    by_code = {p["product_code"]: p for p in catalog}
    for row in range(dialog.model.rowCount()):
        product_item = dialog.model.item(row, 0)
        code = dialog.model.item(row, 1).text()
        assert product_item.text() == by_code[code]["name"]
        assert product_item.rowCount() == len(by_code[code]["options"])
    first_option = catalog[0]["options"][0]
    select(dialog, OPTION, first_option["dc_code"])
    assert dialog.item_form.mapping_code_edit.text() == first_option["channel_product_mapping_code"]
    assert Decimal(dialog.item_form.price_edit.text()) == Decimal(first_option["unit_price"])
    assert dialog.item_form.currency_combo.currentText() == first_option["currency"]


def test_prices_are_shown_without_float_noise() -> None:
    assert show_price(Decimal("45000.00000")) == "45,000"
    assert show_price(Decimal("12.50000")) == "12.5"
    assert show_price(Decimal("0.00001")) == "0.00001"
