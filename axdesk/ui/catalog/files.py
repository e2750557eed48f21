"""Catalog files: import and export CSV or JSON on the worker, and their sentences.

Used by the catalog dialog and by the main window's Catalog > Import/Export.
Imports are all-or-nothing (:class:`~axdesk.store.catalog.CatalogStore`): a bad
file changes nothing and every problem is listed, the first
:data:`MAX_LISTED_PROBLEMS` of them in the sentence.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QFileDialog, QWidget

from axdesk.store.catalog import CatalogError, CatalogImportError, ImportResult
from axdesk.ui.common.context import AppContext
from axdesk.ui.common.live_text import LiveText, live
from axdesk.ui.common.placeholders import fill_args
from axdesk.ui.common.store_text import error_text, word
from axdesk.ui.common.worker import Call, describe_error

MAX_LISTED_PROBLEMS = 20


def catalog_file_filter(_widget: QWidget | None = None) -> str:
    return QCoreApplication.translate(
        "CatalogFiles", "Catalog files (*.csv *.json);;CSV files (*.csv);;JSON files (*.json)"
    )


def choose_import_path(parent: QWidget) -> Path | None:
    """Ask for the catalog file to import; None when the operator cancels."""
    chosen, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("CatalogFiles", "Import catalog"),
        "",
        catalog_file_filter(parent),
    )
    return Path(chosen) if chosen else None


def choose_export_path(parent: QWidget) -> Path | None:
    """Ask where to export the catalog; None when the operator cancels."""
    chosen, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("CatalogFiles", "Export catalog"),
        "catalog.csv",
        catalog_file_filter(parent),
    )
    return Path(chosen) if chosen else None


class CatalogFiles(QObject):
    """The counting sentences of this module: a ``QObject``'s ``tr`` with a count is what
    Qt's tools read as a text with plural forms ("1 product", "2 products")."""

    def products(self, count: int) -> str:
        return self.tr("%n product(s)", "", count)

    def options(self, count: int) -> str:
        return self.tr("%n option(s)", "", count)

    def exported(self, count: int) -> str:
        return self.tr("Exported %n product(s) to %1.", "", count)

    def more(self, count: int) -> str:
        return self.tr("… and %n more.", "", count)


def import_summary(result: ImportResult, separator: str = "\n") -> LiveText:
    """What an import brought in, then its warnings (one a line, after ``separator``),
    in the operator's language (and again after a switch)."""

    def render() -> str:
        text = fill_args(
            QCoreApplication.translate(
                "CatalogFiles", "Imported %1 with %2.", "products, then options"
            ),
            CatalogFiles().products(result.products),
            CatalogFiles().options(result.options),
        )
        if result.warnings:
            text += separator + "\n".join(word(warning) for warning in result.warnings)
        return text

    return live(render)


def export_summary(count: int, path: Path) -> LiveText:
    return live(lambda: fill_args(CatalogFiles().exported(count), str(path)))


def describe_catalog_failure(error: BaseException, path: Path | None = None) -> str:
    """A sentence for a failed catalog change, import or export (nothing was changed), in
    the operator's language (and again after a switch)."""
    if isinstance(error, CatalogImportError):
        problems = error.problems

        def render() -> str:
            listed = [word(problem) for problem in problems[:MAX_LISTED_PROBLEMS]]
            if len(problems) > MAX_LISTED_PROBLEMS:
                listed.append(CatalogFiles().more(len(problems) - MAX_LISTED_PROBLEMS))
            head = fill_args(
                QCoreApplication.translate(
                    "CatalogFiles",
                    "Nothing was imported from %1. Fix these problems and import again:",
                ),
                path.name if path else QCoreApplication.translate("CatalogFiles", "the file"),
            )
            return "\n".join([head, *listed])

        return live(render)
    if isinstance(error, CatalogError):
        return error_text(error)
    if isinstance(error, OSError):
        sentence = str(error)
        return live(lambda: sentence)
    return describe_error(error) or ""


def run_catalog_import(
    ctx: AppContext,
    path: Path,
    on_success: Callable[[ImportResult], None],
    on_error: Callable[[BaseException], None],
) -> Call[ImportResult]:
    """Import a CSV or JSON catalog file on the worker (merging: products in the file
    replace their own options; other products stay)."""
    catalog = ctx.catalog
    if path.suffix.lower() == ".json":
        call = ctx.worker.call(lambda: catalog.import_json(path))
    else:
        call = ctx.worker.call(lambda: catalog.import_csv(path))
    return call.on_success(on_success).on_error(on_error).start()


def run_catalog_export(
    ctx: AppContext,
    path: Path,
    on_success: Callable[[int], None],
    on_error: Callable[[BaseException], None],
) -> Call[int]:
    """Export the catalog as JSON (``.json``) or CSV (anything else) on the worker."""
    catalog = ctx.catalog
    if path.suffix.lower() == ".json":
        call = ctx.worker.call(lambda: catalog.export_json(path))
    else:
        call = ctx.worker.call(lambda: catalog.export_csv(path))
    return call.on_success(on_success).on_error(on_error).start()
