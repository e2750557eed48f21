"""Catalog dialog: list, edit and remove, the form and the files through their own helpers
(the tree, the item form and the files have tests of their own)."""

from __future__ import annotations

from axdesk.ui.catalog.dialog import CatalogDialog
from axdesk.ui.catalog.tree import OPTION


def test_remove_an_option(qtbot, dialog: CatalogDialog, sandbox, app_context) -> None:
    option = sandbox.catalog()[0]["options"][0]
    with qtbot.waitSignal(dialog.catalog_changed):
        dialog.remove(OPTION, option["dc_code"])
    assert app_context.catalog.get_option(option["dc_code"]) is None


def test_a_new_option_needs_its_product_chosen_first(qtbot, dialog: CatalogDialog) -> None:
    dialog.reload()
    assert dialog.current_item() is None
    assert not dialog.item_form.save_button.isEnabled()  # nothing in the form to save
    with qtbot.waitSignal(dialog.problem_shown) as blocker:
        dialog.add_option_button.click()
    assert blocker.args[0] == "Choose the product the new option belongs to first."
    assert dialog.item_form.change() is None
