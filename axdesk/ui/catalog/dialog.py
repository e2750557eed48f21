"""Catalog > Edit catalog…: the products and options this channel sells.

AX has no call that lists them, so the operator keeps, per option, its
``dc_code``, ``channel_product_mapping_code``, a display name and a default
unit price (``Decimal``) and currency. The dialog lists them in a tree
(:mod:`~axdesk.ui.catalog.tree`: products, their options under them), edits one
item at a time in a form with validation (:mod:`~axdesk.ui.catalog.item_form`),
and imports/exports CSV and JSON (:mod:`~axdesk.ui.catalog.files`; imports are
all-or-nothing: a bad file changes nothing and every problem is listed).

Reads of the small local catalog happen on the GUI thread; writes and file
work go through the worker.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from axdesk.store.catalog import ImportResult
from axdesk.ui.catalog.files import (
    choose_export_path,
    choose_import_path,
    describe_catalog_failure,
    export_summary,
    import_summary,
    run_catalog_export,
    run_catalog_import,
)
from axdesk.ui.catalog.item_form import CatalogChange, CatalogItemForm
from axdesk.ui.catalog.tree import CODE_ROLE, KIND_ROLE, PRODUCT, CatalogTreeModel
from axdesk.ui.common.context import AppContext
from axdesk.ui.common.form_problem import FormProblem
from axdesk.ui.common.live_text import again
from axdesk.ui.common.placeholders import fill_args
from axdesk.ui.common.worker import Call, CallGroup


class CatalogDialog(QDialog):
    """Products and options: list, add, edit, remove, import and export.

    Signals:
        catalog_changed(): the catalog was written (an edit, a removal or an import).
        problem_shown(str): a sentence about a problem was shown.
    """

    catalog_changed = Signal()
    problem_shown = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._catalog = ctx.catalog
        self._calls = CallGroup()
        self._message = ""  # the sentence on the message line (said again after a switch)
        self._build()
        self.finished.connect(self._calls.cancel_all)
        self.catalog_changed.connect(ctx.events.catalog_changed)  # the tabs follow
        self.retranslate_ui()
        self.reload()

    # -- layout ------------------------------------------------------------------------

    def _build(self) -> None:
        self.setMinimumSize(900, 520)
        self.model = CatalogTreeModel(self)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # long UUID codes
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, 130)
        for column in (3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.selectionModel().currentChanged.connect(self._on_current_changed)

        self.add_product_button = QPushButton()
        self.add_option_button = QPushButton()
        self.remove_button = QPushButton()
        list_buttons = QHBoxLayout()
        for button in (self.add_product_button, self.add_option_button, self.remove_button):
            list_buttons.addWidget(button)
        list_buttons.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.tree, 1)
        left_layout.addLayout(list_buttons)

        self.item_form = CatalogItemForm(self._catalog)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.item_form)
        right_layout.addWidget(self.message_label)
        right_layout.addStretch(1)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([600, 380])
        right.setMinimumWidth(340)

        self.practice_label = QLabel()
        self.practice_label.setWordWrap(True)
        self.practice_label.setVisible(self._ctx.sandbox_mode)
        self.import_button = QPushButton()
        self.export_button = QPushButton()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.practice_label)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)

        self.add_product_button.clicked.connect(self.new_product)
        self.add_option_button.clicked.connect(self.new_option)
        self.remove_button.clicked.connect(self.remove_current)
        self.item_form.save_requested.connect(self.save)
        self.item_form.revert_requested.connect(self._revert)
        self.import_button.clicked.connect(self.choose_import)
        self.export_button.clicked.connect(self.choose_export)

        order: list[QWidget] = [
            self.tree,
            self.add_product_button,
            self.add_option_button,
            self.remove_button,
            *self.item_form.tab_order(),
            self.import_button,
            self.export_button,
        ]
        for first, second in itertools.pairwise(order):
            self.setTabOrder(first, second)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Catalog"))
        self.model.retranslate_ui()
        self.tree.setAccessibleName(self.tr("Products and options"))
        pairs = [
            (self.add_product_button, self.tr("Add &product"), self.tr("Add a product")),
            (self.add_option_button, self.tr("Add &option"), self.tr("Add an option")),
            (self.remove_button, self.tr("&Remove"), self.tr("Remove the selected item")),
            (self.import_button, self.tr("&Import…"), self.tr("Import a catalog file")),
            (self.export_button, self.tr("E&xport…"), self.tr("Export the catalog to a file")),
        ]
        for button, text, accessible in pairs:
            button.setText(text)
            button.setAccessibleName(accessible)
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        if close is not None:
            close.setAccessibleName(self.tr("Close"))
        self.practice_label.setText(
            self.tr(
                "Practice mode: this catalog comes from the sandbox and is loaded again at "
                "every start; your real catalog is not touched."
            )
        )

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            shown = self._message
            if shown and self.message_label.text() == shown:  # still on screen
                self._message = again(shown)
                self.message_label.setText(self._message)
        super().changeEvent(event)

    def _track(self, call: Call[Any]) -> None:
        self._calls.add(call)

    # -- the tree ----------------------------------------------------------------------

    def reload(self, select: tuple[str, str] | None = None) -> None:
        """Read the catalog again; select ``(kind, code)`` when given."""
        target = self.model.fill(self._catalog.list_products(), select)
        self.tree.expandAll()
        if target is not None:
            self.tree.selectionModel().setCurrentIndex(
                target,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        else:
            self.item_form.show_empty()
        self.remove_button.setEnabled(target is not None)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.remove_button.setEnabled(current.isValid())
        self.message_label.clear()
        if not current.isValid():
            self.item_form.show_empty()
            return
        kind = current.data(KIND_ROLE)
        code = current.data(CODE_ROLE)
        if kind == PRODUCT:
            product = self._catalog.get_product(code)
            if product is not None:
                self.item_form.edit_product(product)
        else:
            option = self._catalog.get_option(code)
            if option is not None:
                self.item_form.edit_option(option)

    def current_item(self) -> tuple[str, str] | None:
        index = self.tree.currentIndex()
        if not index.isValid():
            return None
        return index.data(KIND_ROLE), index.data(CODE_ROLE)

    def _current_product_code(self) -> str | None:
        item = self.current_item()
        if item is None:
            return None
        kind, code = item
        if kind == PRODUCT:
            return code
        option = self._catalog.get_option(code)
        return option.product_code if option else None

    # -- the form ----------------------------------------------------------------------

    def new_product(self) -> None:
        self.tree.clearSelection()
        self.item_form.edit_product(None)
        self.message_label.clear()
        self.item_form.product_code_edit.setFocus()

    def new_option(self) -> None:
        product_code = self._current_product_code()
        if product_code is None:
            self._show_problem(self.tr("Choose the product the new option belongs to first."))
            return
        self.item_form.edit_option(None, product_code)
        self.message_label.clear()
        self.item_form.dc_code_edit.setFocus()

    def _revert(self) -> None:
        item = self.current_item()
        if item is None:
            self.item_form.show_empty()
            return
        self.reload(select=item)

    # -- saving ------------------------------------------------------------------------

    def save(self) -> None:
        """Check the item in the form and write it on the worker."""
        try:
            change = self.item_form.change()
        except FormProblem as problem:
            self._show_problem(str(problem))
            if problem.field is not None:
                problem.field.setFocus()
            return
        if change is not None:
            self._write(change)

    def _write(self, change: CatalogChange) -> None:
        def saved(_result: object) -> None:
            self.reload(select=change.select)
            self._show_message(change.done)
            self.catalog_changed.emit()

        self._track(
            self._ctx.worker.call(change.write)
            .on_success(saved)
            .on_error(self._failed)
            .busy(self.item_form.save_button)
            .start()
        )

    def remove_current(self) -> None:
        item = self.current_item()
        if item is None:
            return
        kind, code = item
        if kind == PRODUCT:
            question = fill_args(self.tr("Remove the product %1 and all its options?"), code)
        else:
            question = fill_args(self.tr("Remove the option %1?"), code)
        answer = QMessageBox.question(self, self.tr("Remove"), question)
        if answer == QMessageBox.StandardButton.Yes:
            self.remove(kind, code)

    def remove(self, kind: str, code: str) -> None:
        catalog = self._catalog

        def delete() -> None:
            if kind == PRODUCT:
                catalog.delete_product(code)
            else:
                catalog.delete_option(code)

        def removed(_result: object) -> None:
            self.reload()
            self._show_message(fill_args(self.tr("Removed %1."), code))
            self.catalog_changed.emit()

        self._track(
            self._ctx.worker.call(delete).on_success(removed).on_error(self._failed).start()
        )

    # -- files -------------------------------------------------------------------------

    def choose_import(self) -> None:
        path = choose_import_path(self)
        if path is not None:
            self.import_file(path)

    def import_file(self, path: Path) -> None:
        def imported(result: ImportResult) -> None:
            self.reload()
            self._show_message(import_summary(result, "\n"))
            self.catalog_changed.emit()

        self._track(
            run_catalog_import(
                self._ctx,
                path,
                imported,
                lambda error: self._show_problem(describe_catalog_failure(error, path)),
            )
        )

    def choose_export(self) -> None:
        path = choose_export_path(self)
        if path is not None:
            self.export_file(path)

    def export_file(self, path: Path) -> None:
        self._track(
            run_catalog_export(
                self._ctx,
                path,
                lambda count: self._show_message(export_summary(count, path)),
                self._failed,
            )
        )

    # -- messages ----------------------------------------------------------------------

    def _failed(self, error: BaseException) -> None:
        self._show_problem(describe_catalog_failure(error))

    def _show_message(self, text: str) -> None:
        self._message = text
        self.message_label.setStyleSheet("")
        self.message_label.setText(text)

    def _show_problem(self, sentence: str) -> None:
        self._message = sentence
        self.message_label.setStyleSheet("color: #b3261e;")
        self.message_label.setText(sentence)
        self.problem_shown.emit(sentence)
