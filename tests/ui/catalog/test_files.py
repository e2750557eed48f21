"""Catalog files (catalog/files.py): imports are all-or-nothing with every problem listed,
and an export imports back to the same catalog, from the dialog and from the main window."""

from __future__ import annotations

import json
from pathlib import Path

from axdesk.store.catalog import CatalogImportError
from axdesk.ui.catalog.dialog import CatalogDialog
from axdesk.ui.catalog.files import MAX_LISTED_PROBLEMS, describe_catalog_failure, export_summary
from axdesk.ui.shell.main_window import MainWindow


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


def test_a_long_list_of_problems_is_cut_after_twenty() -> None:
    problems = [f"Row {row}: the unit price is not a number." for row in range(2, 27)]
    sentence = describe_catalog_failure(CatalogImportError(problems), Path("big.csv"))
    lines = sentence.splitlines()
    assert lines[0] == "Nothing was imported from big.csv. Fix these problems and import again:"
    assert lines[1:21] == problems[:MAX_LISTED_PROBLEMS]
    assert lines[21:] == ["… and 5 more."]
    assert describe_catalog_failure(CatalogImportError(problems[:1])).startswith(
        "Nothing was imported from the file."
    )


def test_the_main_window_imports_and_exports_through_the_same_helpers(
    qtbot, shell, tmp_path: Path, english
) -> None:
    window = MainWindow(shell)
    qtbot.addWidget(window)
    catalog = shell.ctx.catalog
    before = catalog.list_products()
    target = tmp_path / "catalog.csv"
    window.export_catalog(target)
    qtbot.waitUntil(lambda: window.status.note().startswith("Exported"))
    assert window.status.note() == f"Exported {len(before)} products to {target}."

    for product in before:
        catalog.delete_product(product.product_code)
    notes: list[str] = []
    window.show_note = notes.append
    window.import_catalog(target)
    qtbot.waitUntil(lambda: bool(notes))
    options = sum(len(product.options) for product in before)
    assert notes == [f"Imported {len(before)} products with {options} options."]
    assert export_summary(1, target) == f"Exported 1 product to {target}."
    assert catalog.list_products() == before

    bad = tmp_path / "bad.csv"
    bad.write_text("not,a,catalog\n", encoding="utf-8")
    with qtbot.waitSignal(window.problem_shown) as blocker:
        window.import_catalog(bad)
    assert blocker.args[0].startswith("Nothing was imported from bad.csv.")
    window.close()
