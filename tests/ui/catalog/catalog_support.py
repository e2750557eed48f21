"""Helpers shared by the catalog tests (imported as ``catalog_support``)."""

from __future__ import annotations

from axdesk.ui.catalog.dialog import CatalogDialog
from axdesk.ui.common.context import AppContext


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
