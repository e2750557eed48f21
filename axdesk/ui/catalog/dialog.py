"""Catalog > Edit catalog…: the products and options this channel sells.

AX has no call that lists them, so the operator keeps, per option, its
``dc_code``, ``channel_product_mapping_code``, a display name and a default
unit price (``Decimal``) and currency. The dialog lists them in a tree
(products, their options under them), edits one item at a time in a form
with validation, and imports/exports CSV and JSON through
:class:`~axdesk.store.catalog.CatalogStore` (imports are all-or-nothing: a bad
file changes nothing and every problem is listed).

Reads of the small local catalog happen on the GUI thread; writes and file
work go through the worker.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from axdesk.store.catalog import (
    CURRENCIES,
    MAX_CODE_LENGTH,
    MAX_NAME_LENGTH,
    CatalogError,
    CatalogImportError,
    CatalogOption,
    CatalogProduct,
    ImportResult,
    parse_price,
)
from axdesk.ui.common.context import AppContext
from axdesk.ui.common.i18n import fill_args
from axdesk.ui.common.worker import Call, CallGroup, describe_error

CODE_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2
PRODUCT, OPTION = "product", "option"
PAGE_EMPTY, PAGE_PRODUCT, PAGE_OPTION = range(3)
MAX_LISTED_PROBLEMS = 20


def catalog_file_filter(_widget: QWidget | None = None) -> str:
    return QCoreApplication.translate(
        "CatalogDialog", "Catalog files (*.csv *.json);;CSV files (*.csv);;JSON files (*.json)"
    )


def show_price(amount: Decimal) -> str:
    """``45000.00000`` -> ``45,000``; ``12.50000`` -> ``12.5``."""
    normal = amount.normalize()
    if normal == normal.to_integral_value():
        normal = normal.quantize(Decimal(1))
    return f"{normal:,f}"


def describe_catalog_failure(error: BaseException, path: Path | None = None) -> str:
    """A sentence for a failed catalog change, import or export (nothing was changed)."""
    if isinstance(error, CatalogImportError):
        listed = list(error.problems[:MAX_LISTED_PROBLEMS])
        if len(error.problems) > MAX_LISTED_PROBLEMS:
            listed.append(
                fill_args(
                    QCoreApplication.translate("CatalogDialog", "… and %1 more."),
                    str(len(error.problems) - MAX_LISTED_PROBLEMS),
                )
            )
        head = fill_args(
            QCoreApplication.translate(
                "CatalogDialog",
                "Nothing was imported from %1. Fix these problems and import again:",
            ),
            path.name if path else QCoreApplication.translate("CatalogDialog", "the file"),
        )
        return "\n".join([head, *listed])
    if isinstance(error, CatalogError | OSError):
        return str(error)
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
        self._editing_code: str | None = None  # code of the item in the form (None = new)
        self._option_product: str | None = None
        self._calls = CallGroup()
        self._build()
        self.finished.connect(self._calls.cancel_all)
        self.retranslate_ui()
        self.reload()

    # -- layout ------------------------------------------------------------------------

    def _build(self) -> None:
        self.setMinimumSize(900, 520)
        self.model = QStandardItemModel(0, 5, self)
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

        # product page
        self.product_code_edit = QLineEdit()
        self.product_code_edit.setMaxLength(MAX_CODE_LENGTH)
        self.product_name_edit = QLineEdit()
        self.product_name_edit.setMaxLength(MAX_NAME_LENGTH)
        self.product_form = QFormLayout()
        self.product_labels = [QLabel(), QLabel()]
        for label, edit in zip(
            self.product_labels, (self.product_code_edit, self.product_name_edit), strict=True
        ):
            label.setBuddy(edit)
            self.product_form.addRow(label, edit)
        product_page = QWidget()
        product_page.setLayout(self.product_form)

        # option page
        self.option_product_label = QLabel()
        self.option_product_label.setWordWrap(True)
        self.dc_code_edit = QLineEdit()
        self.dc_code_edit.setMaxLength(MAX_CODE_LENGTH)
        self.option_name_edit = QLineEdit()
        self.option_name_edit.setMaxLength(MAX_NAME_LENGTH)
        self.mapping_code_edit = QLineEdit()
        self.mapping_code_edit.setMaxLength(MAX_CODE_LENGTH)
        self.price_edit = QLineEdit()
        self.price_edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.currency_combo = QComboBox()
        self.currency_combo.addItems(list(CURRENCIES))
        self.option_form = QFormLayout()
        self.option_form.addRow(self.option_product_label)
        self.option_labels = [QLabel() for _ in range(5)]
        option_fields: list[QWidget] = [
            self.dc_code_edit,
            self.option_name_edit,
            self.mapping_code_edit,
            self.price_edit,
            self.currency_combo,
        ]
        for label, field in zip(self.option_labels, option_fields, strict=True):
            label.setBuddy(field)
            self.option_form.addRow(label, field)
        option_page = QWidget()
        option_page.setLayout(self.option_form)

        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.empty_label)
        self.pages.addWidget(product_page)
        self.pages.addWidget(option_page)

        self.save_button = QPushButton()
        self.revert_button = QPushButton()
        form_buttons = QHBoxLayout()
        form_buttons.addStretch(1)
        form_buttons.addWidget(self.revert_button)
        form_buttons.addWidget(self.save_button)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.pages)
        right_layout.addLayout(form_buttons)
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
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self._revert)
        self.import_button.clicked.connect(self.choose_import)
        self.export_button.clicked.connect(self.choose_export)
        for edit in (
            self.product_code_edit,
            self.product_name_edit,
            self.dc_code_edit,
            self.option_name_edit,
            self.mapping_code_edit,
            self.price_edit,
        ):
            edit.returnPressed.connect(self.save)

        order: list[QWidget] = [
            self.tree,
            self.add_product_button,
            self.add_option_button,
            self.remove_button,
            self.product_code_edit,
            self.product_name_edit,
            self.dc_code_edit,
            self.option_name_edit,
            self.mapping_code_edit,
            self.price_edit,
            self.currency_combo,
            self.revert_button,
            self.save_button,
            self.import_button,
            self.export_button,
        ]
        for first, second in itertools.pairwise(order):
            self.setTabOrder(first, second)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Catalog"))
        self.model.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Code"),
                self.tr("Mapping code"),
                self.tr("Unit price"),
                self.tr("Currency"),
            ]
        )
        self.tree.setAccessibleName(self.tr("Products and options"))
        pairs = [
            (self.add_product_button, self.tr("Add &product"), self.tr("Add a product")),
            (self.add_option_button, self.tr("Add &option"), self.tr("Add an option")),
            (self.remove_button, self.tr("&Remove"), self.tr("Remove the selected item")),
            (self.save_button, self.tr("&Save"), self.tr("Save this item")),
            (self.revert_button, self.tr("Re&vert"), self.tr("Undo the changes to this item")),
            (self.import_button, self.tr("&Import…"), self.tr("Import a catalog file")),
            (self.export_button, self.tr("E&xport…"), self.tr("Export the catalog to a file")),
        ]
        for button, text, accessible in pairs:
            button.setText(text)
            button.setAccessibleName(accessible)
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        if close is not None:
            close.setAccessibleName(self.tr("Close"))
        product_texts = [
            (self.tr("Product &code:"), self.tr("Product code")),
            (self.tr("Product &name:"), self.tr("Product name")),
        ]
        for label, (text, accessible) in zip(self.product_labels, product_texts, strict=True):
            label.setText(text)
            buddy = label.buddy()
            if buddy is not None:
                buddy.setAccessibleName(accessible)
        option_texts = [
            (self.tr("Option code (dc_&code):"), self.tr("Option code (dc_code)")),
            (self.tr("Option &name:"), self.tr("Option name")),
            (
                self.tr("&Mapping code:"),
                self.tr("Channel product mapping code"),
            ),
            (self.tr("Default unit &price:"), self.tr("Default unit price")),
            (self.tr("C&urrency:"), self.tr("Currency")),
        ]
        for label, (text, accessible) in zip(self.option_labels, option_texts, strict=True):
            label.setText(text)
            buddy = label.buddy()
            if buddy is not None:
                buddy.setAccessibleName(accessible)
        self.mapping_code_edit.setToolTip(
            self.tr("channel_product_mapping_code: how AX maps your channel's option to its own")
        )
        self.price_edit.setPlaceholderText(self.tr("for example 45000 or 12.50"))
        self.empty_label.setText(
            self.tr(
                "Choose a product or an option to edit it, or add one. AX has no list of "
                "products, so this catalog is where axdesk learns each option's codes and price."
            )
        )
        self.practice_label.setText(
            self.tr(
                "Practice mode: this catalog comes from the sandbox and is loaded again at "
                "every start; your real catalog is not touched."
            )
        )
        self._show_option_product()

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _track(self, call: Call[Any]) -> None:
        self._calls.add(call)

    # -- the tree ----------------------------------------------------------------------

    def reload(self, select: tuple[str, str] | None = None) -> None:
        """Read the catalog again; select ``(kind, code)`` when given."""
        self.model.removeRows(0, self.model.rowCount())
        target: QModelIndex | None = None
        for product in self._catalog.list_products():
            row = self._row(PRODUCT, product.product_code, product.name)
            self.model.appendRow(row)
            if select == (PRODUCT, product.product_code):
                target = row[0].index()
            for option in product.options:
                option_row = self._row(
                    OPTION,
                    option.dc_code,
                    option.name,
                    option.channel_product_mapping_code,
                    show_price(option.unit_price),
                    option.currency,
                )
                row[0].appendRow(option_row)
                if select == (OPTION, option.dc_code):
                    target = option_row[0].index()
        self.tree.expandAll()
        if target is not None:
            self.tree.selectionModel().setCurrentIndex(
                target,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        else:
            self._show_page(PAGE_EMPTY)
        self.remove_button.setEnabled(target is not None)

    @staticmethod
    def _row(kind: str, code: str, name: str, *rest: str) -> list[QStandardItem]:
        cells = [name, code, *rest]
        items = [QStandardItem(text) for text in cells]
        for item in items:
            item.setToolTip(item.text())
            item.setData(code, CODE_ROLE)
            item.setData(kind, KIND_ROLE)
        if len(items) > 3:
            items[3].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return items

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.remove_button.setEnabled(current.isValid())
        self.message_label.clear()
        if not current.isValid():
            self._show_page(PAGE_EMPTY)
            return
        kind = current.data(KIND_ROLE)
        code = current.data(CODE_ROLE)
        if kind == PRODUCT:
            product = self._catalog.get_product(code)
            if product is not None:
                self._edit_product(product)
        else:
            option = self._catalog.get_option(code)
            if option is not None:
                self._edit_option(option)

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

    def _show_page(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        editing = page != PAGE_EMPTY
        self.save_button.setEnabled(editing)
        self.revert_button.setEnabled(editing)

    def _edit_product(self, product: CatalogProduct | None) -> None:
        self._editing_code = product.product_code if product else None
        self.product_code_edit.setText(product.product_code if product else "")
        self.product_name_edit.setText(product.name if product else "")
        self.product_code_edit.setCursorPosition(0)
        self.product_name_edit.setCursorPosition(0)
        self._show_page(PAGE_PRODUCT)

    def _edit_option(self, option: CatalogOption | None, product_code: str | None = None) -> None:
        self._editing_code = option.dc_code if option else None
        self._option_product = option.product_code if option else product_code
        self.dc_code_edit.setText(option.dc_code if option else "")
        self.option_name_edit.setText(option.name if option else "")
        self.mapping_code_edit.setText(option.channel_product_mapping_code if option else "")
        self.price_edit.setText(show_price(option.unit_price).replace(",", "") if option else "")
        self.currency_combo.setCurrentText(option.currency if option else CURRENCIES[0])
        for edit in (self.dc_code_edit, self.option_name_edit, self.mapping_code_edit):
            edit.setCursorPosition(0)  # show the start of long codes
        self._show_option_product()
        self._show_page(PAGE_OPTION)

    def _show_option_product(self) -> None:
        code = self._option_product
        if code is None:
            self.option_product_label.clear()
            return
        name = self._catalog.product_name(code) or code
        self.option_product_label.setText(fill_args(self.tr("Option of %1"), name))

    def new_product(self) -> None:
        self.tree.clearSelection()
        self._edit_product(None)
        self.message_label.clear()
        self.product_code_edit.setFocus()

    def new_option(self) -> None:
        product_code = self._current_product_code()
        if product_code is None:
            self._show_problem(self.tr("Choose the product the new option belongs to first."))
            return
        self._edit_option(None, product_code)
        self.message_label.clear()
        self.dc_code_edit.setFocus()

    def _revert(self) -> None:
        item = self.current_item()
        if item is None:
            self._show_page(PAGE_EMPTY)
            return
        self.reload(select=item)

    # -- saving ------------------------------------------------------------------------

    def save(self) -> None:
        if self.pages.currentIndex() == PAGE_PRODUCT:
            self._save_product()
        elif self.pages.currentIndex() == PAGE_OPTION:
            self._save_option()

    def _required(self, edit: QLineEdit, sentence: str) -> str | None:
        text = edit.text().strip()
        if not text:
            self._show_problem(sentence)
            edit.setFocus()
            return None
        return text

    def _save_product(self) -> None:
        code = self._required(self.product_code_edit, self.tr("Enter the product code."))
        if code is None:
            return
        name = self._required(self.product_name_edit, self.tr("Enter the product name."))
        if name is None:
            return
        old_code = self._editing_code
        catalog = self._catalog
        if code != old_code and catalog.get_product(code) is not None:
            self._show_problem(
                fill_args(self.tr("A product with the code %1 is already in the catalog."), code)
            )
            return

        def write() -> None:
            if old_code is None or old_code == code:
                catalog.upsert_product(code, name)
                return
            current = catalog.get_product(old_code)
            options = current.options if current else ()
            moved = tuple(
                CatalogOption(
                    o.dc_code,
                    code,
                    o.name,
                    o.channel_product_mapping_code,
                    o.unit_price,
                    o.currency,
                )
                for o in options
            )
            catalog.save_product(CatalogProduct(code, name, moved))
            catalog.delete_product(old_code)

        self._write(write, (PRODUCT, code), fill_args(self.tr("Saved the product %1."), code))

    def _save_option(self) -> None:
        product_code = self._option_product
        if product_code is None:
            return
        dc_code = self._required(self.dc_code_edit, self.tr("Enter the option code (dc_code)."))
        if dc_code is None:
            return
        name = self._required(self.option_name_edit, self.tr("Enter the option name."))
        if name is None:
            return
        mapping = self._required(
            self.mapping_code_edit, self.tr("Enter the channel product mapping code.")
        )
        if mapping is None:
            return
        try:
            price = parse_price(self.price_edit.text())
        except ValueError:
            self._show_problem(
                self.tr(
                    "The unit price must be a number of 0 or more with at most 5 decimals, "
                    "for example 45000 or 12.50."
                )
            )
            self.price_edit.setFocus()
            return
        currency = self.currency_combo.currentText()
        old_code = self._editing_code
        catalog = self._catalog
        if dc_code != old_code:
            clash = catalog.get_option(dc_code)
            if clash is not None:
                self._show_problem(
                    fill_args(
                        self.tr("The option code %1 is already used by %2."),
                        dc_code,
                        catalog.product_name(clash.product_code) or clash.product_code,
                    )
                )
                self.dc_code_edit.setFocus()
                return
        option = CatalogOption(dc_code, product_code, name, mapping, price, currency)

        def write() -> None:
            product = catalog.get_product(product_code)
            if product is None:
                raise CatalogError(
                    QCoreApplication.translate(
                        "CatalogDialog", "The product of this option is no longer in the catalog."
                    )
                )
            options = list(product.options)
            position = next(
                (i for i, o in enumerate(options) if o.dc_code == old_code), len(options)
            )
            options[position : position + 1] = [option]
            catalog.save_product(CatalogProduct(product.product_code, product.name, tuple(options)))

        self._write(write, (OPTION, dc_code), fill_args(self.tr("Saved the option %1."), dc_code))

    def _write(self, write: Callable[[], None], select: tuple[str, str], done: str) -> None:
        def saved(_result: object) -> None:
            self.reload(select=select)
            self._show_message(done)
            self.catalog_changed.emit()

        self._track(
            self._ctx.worker.call(write)
            .on_success(saved)
            .on_error(self._failed)
            .busy(self.save_button)
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
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import catalog"), "", catalog_file_filter(self)
        )
        if chosen:
            self.import_file(Path(chosen))

    def import_file(self, path: Path) -> None:
        def imported(result: ImportResult) -> None:
            self.reload()
            text = fill_args(
                self.tr("Imported %1 products with %2 options."),
                str(result.products),
                str(result.options),
            )
            if result.warnings:
                text += "\n" + "\n".join(result.warnings)
            self._show_message(text)
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
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export catalog"), "catalog.csv", catalog_file_filter(self)
        )
        if chosen:
            self.export_file(Path(chosen))

    def export_file(self, path: Path) -> None:
        self._track(
            run_catalog_export(
                self._ctx,
                path,
                lambda count: self._show_message(
                    fill_args(self.tr("Exported %1 products to %2."), str(count), str(path))
                ),
                self._failed,
            )
        )

    # -- messages ----------------------------------------------------------------------

    def _failed(self, error: BaseException) -> None:
        self._show_problem(describe_catalog_failure(error))

    def _show_message(self, text: str) -> None:
        self.message_label.setStyleSheet("")
        self.message_label.setText(text)

    def _show_problem(self, sentence: str) -> None:
        self.message_label.setStyleSheet("color: #b3261e;")
        self.message_label.setText(sentence)
        self.problem_shown.emit(sentence)
