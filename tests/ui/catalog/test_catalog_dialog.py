"""Catalog dialog: list, edit with validation (Decimal prices), import/export without loss."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from axdesk.ui.catalog.dialog import CatalogDialog
from axdesk.ui.catalog.tree import OPTION, PRODUCT, show_price
from axdesk.ui.common.context import AppContext


@pytest.fixture
def dialog(qtbot, app_context: AppContext) -> CatalogDialog:
    built = CatalogDialog(app_context)
    qtbot.addWidget(built)
    return built


def select(dialog: CatalogDialog, kind: str, code: str) -> None:
    dialog.reload(select=(kind, code))
    assert dialog.current_item() == (kind, code)


def save_and_wait(qtbot, dialog: CatalogDialog, ctx: AppContext) -> None:
    with (
        qtbot.assert_not_emitted(dialog.problem_shown),
        qtbot.assert_not_emitted(ctx.worker.error_reported),
        qtbot.waitSignal(dialog.catalog_changed),
    ):
        dialog.item_form.save_button.click()


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


def test_remove_an_option(qtbot, dialog: CatalogDialog, sandbox, app_context) -> None:
    option = sandbox.catalog()[0]["options"][0]
    with qtbot.waitSignal(dialog.catalog_changed):
        dialog.remove(OPTION, option["dc_code"])
    assert app_context.catalog.get_option(option["dc_code"]) is None


def test_a_bad_import_changes_nothing_and_lists_the_problems(
    qtbot, dialog: CatalogDialog, app_context, tmp_path: Path
) -> None:
    before = app_context.catalog.list_products()
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "product_code,product_name,dc_code,option_name,channel_product_mapping_code,"
        "unit_price,currency\n"
        "P1,Tour,DC1,Adult,M1,not-a-price,KRW\n"
        "P1,Tour,DC2,Child,M2,100,EUR\n",
        encoding="utf-8",
    )
    with (
        qtbot.assert_not_emitted(dialog.catalog_changed),
        qtbot.waitSignal(dialog.problem_shown) as blocker,
    ):
        dialog.import_file(bad)
    sentence = blocker.args[0]
    assert sentence.startswith("Nothing was imported from bad.csv")
    assert sentence.count("\n") >= 2  # one line per problem
    assert app_context.catalog.list_products() == before


def test_export_then_import_round_trips(
    qtbot, dialog: CatalogDialog, app_context, tmp_path: Path
) -> None:
    before = app_context.catalog.list_products()
    target = tmp_path / "catalog.json"
    with qtbot.assert_not_emitted(dialog.problem_shown):
        dialog.export_file(target)
        qtbot.waitUntil(lambda: target.exists() and "Exported" in dialog.message_label.text())
    exported = json.loads(target.read_text(encoding="utf-8"))
    assert exported

    for product in before:
        app_context.catalog.delete_product(product.product_code)
    assert app_context.catalog.is_empty()
    with qtbot.waitSignal(dialog.catalog_changed):
        dialog.import_file(target)
    assert app_context.catalog.list_products() == before
    assert dialog.model.rowCount() == len(before)


def test_prices_are_shown_without_float_noise() -> None:
    assert show_price(Decimal("45000.00000")) == "45,000"
    assert show_price(Decimal("12.50000")) == "12.5"
    assert show_price(Decimal("0.00001")) == "0.00001"
