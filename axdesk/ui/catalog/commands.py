"""The main window's Catalog menu: Edit catalog…, Import… and Export… (``CatalogCommands(window)``).

An import or an edit in the dialog announces ``ctx.events.catalog_changed``, which
every tab that shows products follows; the outcome goes to the window's notice bar
(import) or status bar (export), a failure to its notice bar.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt

from axdesk.store.catalog import ImportResult
from axdesk.ui.catalog.dialog import CatalogDialog
from axdesk.ui.catalog.files import (
    choose_export_path,
    choose_import_path,
    describe_catalog_failure,
    export_summary,
    import_summary,
    run_catalog_export,
    run_catalog_import,
)

if TYPE_CHECKING:
    from axdesk.ui.shell.main_window import MainWindow


class CatalogCommands(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window

    def open_dialog(self) -> CatalogDialog:
        window = self._window
        dialog = CatalogDialog(window.ctx, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def import_file(self, path: Path | None = None) -> None:
        """Import ``path`` (asked for when None) on the worker."""
        window = self._window
        chosen = path if path is not None else choose_import_path(window)
        if chosen is None:
            return

        def imported(result: ImportResult) -> None:
            window.ctx.events.catalog_changed.emit()
            window.show_note(import_summary(result, "\n\n"))

        run_catalog_import(
            window.ctx,
            chosen,
            imported,
            lambda error: window.show_problem(describe_catalog_failure(error, chosen)),
        )

    def export_file(self, path: Path | None = None) -> None:
        """Export to ``path`` (asked for when None) on the worker."""
        window = self._window
        chosen = path if path is not None else choose_export_path(window)
        if chosen is None:
            return
        run_catalog_export(
            window.ctx,
            chosen,
            lambda count: window.status.show_note(export_summary(count, chosen)),
            lambda error: window.show_problem(describe_catalog_failure(error)),
        )
