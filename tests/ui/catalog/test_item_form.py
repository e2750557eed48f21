"""The catalog's item form (catalog/item_form.py): add and edit products and options,
each checked (Decimal prices, required fields, unique codes) before it is written."""

from __future__ import annotations

from decimal import Decimal

import pytest
from catalog_support import save_and_wait, select

from axdesk.store.catalog import CatalogError
from axdesk.ui.catalog.dialog import CatalogDialog
from axdesk.ui.catalog.item_form import write_option
from axdesk.ui.catalog.tree import OPTION, PRODUCT


def test_add_a_product_and_an_option(qtbot, dialog: CatalogDialog, app_context) -> None:
    dialog.add_product_button.click()
    dialog.item_form.product_code_edit.setText("P-JEJU-1")
    dialog.item_form.product_name_edit.setText("제주 올레길 트레킹")
    save_and_wait(qtbot, dialog, app_context)
    assert dialog.current_item() == (PRODUCT, "P-JEJU-1")

    dialog.add_option_button.click()
    dialog.item_form.dc_code_edit.setText("DC-JEJU-ADULT")
    dialog.item_form.option_name_edit.setText("성인")
    dialog.item_form.mapping_code_edit.setText("MAP-77")
    dialog.item_form.price_edit.setText("45,000.5")
    dialog.item_form.currency_combo.setCurrentText("KRW")
    save_and_wait(qtbot, dialog, app_context)

    option = app_context.catalog.get_option("DC-JEJU-ADULT")
    assert option is not None
    assert option.product_code == "P-JEJU-1"
    assert option.unit_price == Decimal("45000.5")
    assert isinstance(option.unit_price, Decimal)
    assert option.channel_product_mapping_code == "MAP-77"
    assert dialog.current_item() == (OPTION, "DC-JEJU-ADULT")


@pytest.mark.parametrize(
    ("price", "fragment"),
    [("abc", "must be a number"), ("-5", "must be a number"), ("1.123456", "at most 5 decimals")],
)
def test_bad_prices_are_refused_with_a_sentence(
    qtbot, dialog: CatalogDialog, sandbox, app_context, price: str, fragment: str
) -> None:
    option = sandbox.catalog()[0]["options"][0]
    select(dialog, OPTION, option["dc_code"])
    dialog.item_form.price_edit.setText(price)
    with (
        qtbot.assert_not_emitted(dialog.catalog_changed),
        qtbot.waitSignal(dialog.problem_shown) as blocker,
    ):
        dialog.item_form.save_button.click()
    assert fragment in blocker.args[0]
    stored = app_context.catalog.get_option(option["dc_code"])
    assert stored.unit_price == Decimal(option["unit_price"])  # nothing changed


def test_missing_fields_and_duplicate_codes_are_refused(
    qtbot, dialog: CatalogDialog, sandbox
) -> None:
    products = sandbox.catalog()
    select(dialog, OPTION, products[0]["options"][0]["dc_code"])
    dialog.item_form.mapping_code_edit.setText("  ")
    with qtbot.waitSignal(dialog.problem_shown) as blocker:
        dialog.item_form.save_button.click()
    assert "mapping code" in blocker.args[0]

    select(dialog, OPTION, products[0]["options"][0]["dc_code"])
    dialog.item_form.dc_code_edit.setText(products[-1]["options"][-1]["dc_code"])
    with qtbot.waitSignal(dialog.problem_shown) as blocker:
        dialog.item_form.save_button.click()
    assert "is already used by" in blocker.args[0]


def test_renaming_an_option_code_keeps_its_place(
    qtbot, dialog: CatalogDialog, sandbox, app_context
) -> None:
    product = sandbox.catalog()[0]
    old_codes = [o["dc_code"] for o in product["options"]]
    select(dialog, OPTION, old_codes[0])
    dialog.item_form.dc_code_edit.setText("DC-RENAMED")
    save_and_wait(qtbot, dialog, app_context)
    stored = app_context.catalog.get_product(product["product_code"])
    assert [o.dc_code for o in stored.options] == ["DC-RENAMED", *old_codes[1:]]
    assert app_context.catalog.get_option(old_codes[0]) is None


def test_renaming_a_product_code_moves_its_options(
    qtbot, dialog: CatalogDialog, sandbox, app_context
) -> None:
    product = sandbox.catalog()[0]
    select(dialog, PRODUCT, product["product_code"])
    dialog.item_form.product_code_edit.setText("P-NEW-CODE")
    save_and_wait(qtbot, dialog, app_context)
    assert app_context.catalog.get_product(product["product_code"]) is None
    moved = app_context.catalog.get_product("P-NEW-CODE")
    assert [o.dc_code for o in moved.options] == [o["dc_code"] for o in product["options"]]


def test_an_option_whose_product_is_gone_is_not_written(app_context, sandbox) -> None:
    product = sandbox.catalog()[0]
    option = app_context.catalog.get_option(product["options"][0]["dc_code"])
    app_context.catalog.delete_product(product["product_code"])
    with pytest.raises(CatalogError, match="no longer in the catalog"):
        write_option(app_context.catalog, option.dc_code, option)
    assert app_context.catalog.get_option(option.dc_code) is None
