"""Catalog > Import… and Export… from the main window: every tab that shows products
follows a change of the catalog at once (no tab switch needed)."""

from __future__ import annotations

from pathlib import Path

from axdesk.store.catalog import CSV_COLUMNS
from axdesk.ui.shell.main_window import INVENTORY_TAB

NEW_PRODUCT_CSV = (
    ",".join(CSV_COLUMNS)
    + "\r\nIMPORTED-1,Imported night tour,IMPORTED-1-A,Adult,MAP-IMPORTED-1-A,30000,KRW\r\n"
)


def combo_texts(combo) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def test_an_import_shows_in_the_inventory_and_the_order_form_at_once(
    qtbot, launch_window, tmp_path: Path
) -> None:
    window = launch_window()
    window.show()
    qtbot.waitExposed(window)
    assert window.tabs.currentIndex() == INVENTORY_TAB
    combo = window.inventory_tab.product_combo
    assert "Imported night tour" not in combo_texts(combo)
    path = tmp_path / "catalog.csv"
    path.write_text(NEW_PRODUCT_CSV, encoding="utf-8")

    window.import_catalog(path)
    qtbot.waitUntil(lambda: "Imported" in window.notice.text.text(), timeout=10_000)

    assert window.tabs.currentIndex() == INVENTORY_TAB  # no tab switch
    # Each tab reads the catalog again on the worker.
    qtbot.waitUntil(lambda: "Imported night tour" in combo_texts(combo), timeout=10_000)
    qtbot.waitUntil(
        lambda: "IMPORTED-1" in {p.product_code for p in window.order_tab.form.products},
        timeout=10_000,
    )


def test_an_edit_in_the_catalog_dialog_reaches_the_tabs_too(qtbot, launch_window) -> None:
    window = launch_window()
    window.show()
    dialog = window.open_catalog_dialog()
    with qtbot.waitSignal(window.ctx.events.catalog_changed, timeout=10_000):
        dialog.remove("product", window.ctx.catalog.list_products()[0].product_code)
    names = {p.name for p in window.ctx.catalog.list_products()}
    qtbot.waitUntil(lambda: not window.inventory_tab.products.reading, timeout=10_000)
    assert set(combo_texts(window.inventory_tab.product_combo)) - {""} <= names
    dialog.close()
