"""The catalog dialog's form: one product or one option at a time, checked before it is
written.

A product is its code and name; an option is its ``dc_code``, name,
``channel_product_mapping_code``, default unit price (``Decimal``) and currency,
under its product. :meth:`CatalogItemForm.change` checks the form against the
catalog and returns the write to run on the worker (:class:`CatalogChange`), or
raises :class:`~axdesk.ui.common.form_problem.FormProblem`. Renaming a product's
code moves its options with it; renaming an option's code keeps its place.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from axdesk.store.catalog import (
    CURRENCIES,
    MAX_CODE_LENGTH,
    MAX_NAME_LENGTH,
    CatalogError,
    CatalogOption,
    CatalogProduct,
    CatalogStore,
    parse_price,
)
from axdesk.ui.catalog.tree import OPTION, PRODUCT, show_price
from axdesk.ui.common.form_problem import FormProblem
from axdesk.ui.common.placeholders import fill_args

PAGE_EMPTY, PAGE_PRODUCT, PAGE_OPTION = range(3)


@dataclass(frozen=True)
class CatalogChange:
    """A checked edit: ``write`` runs on the worker, then ``select`` is shown with ``done``."""

    write: Callable[[], None]
    select: tuple[str, str]
    done: str


def write_product(catalog: CatalogStore, old_code: str | None, code: str, name: str) -> None:
    """Save a product; a new code takes the product's options along and drops the old one."""
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


def write_option(catalog: CatalogStore, old_code: str | None, option: CatalogOption) -> None:
    """Save an option in its product, in the place of ``old_code`` (else at the end)."""
    product = catalog.get_product(option.product_code)
    if product is None:
        raise CatalogError(
            QCoreApplication.translate(
                "CatalogItemForm", "The product of this option is no longer in the catalog."
            )
        )
    options = list(product.options)
    position = next((i for i, o in enumerate(options) if o.dc_code == old_code), len(options))
    options[position : position + 1] = [option]
    catalog.save_product(CatalogProduct(product.product_code, product.name, tuple(options)))


class CatalogItemForm(QWidget):
    """The product page, the option page (or a hint when nothing is chosen), Revert and Save.

    Signals:
        save_requested(): Save was clicked, or Enter pressed in a field.
        revert_requested(): Revert was clicked.
    """

    save_requested = Signal()
    revert_requested = Signal()

    def __init__(self, catalog: CatalogStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._editing_code: str | None = None  # code of the item in the form (None = new)
        self._option_product: str | None = None
        self._build()
        self.retranslate_ui()

    def _build(self) -> None:
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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        layout.addLayout(form_buttons)

        self.save_button.clicked.connect(self.save_requested)
        self.revert_button.clicked.connect(self.revert_requested)
        for edit in (
            self.product_code_edit,
            self.product_name_edit,
            self.dc_code_edit,
            self.option_name_edit,
            self.mapping_code_edit,
            self.price_edit,
        ):
            edit.returnPressed.connect(self.save_requested)

    def tab_order(self) -> list[QWidget]:
        """The form's inputs and buttons in the order Tab visits them."""
        return [
            self.product_code_edit,
            self.product_name_edit,
            self.dc_code_edit,
            self.option_name_edit,
            self.mapping_code_edit,
            self.price_edit,
            self.currency_combo,
            self.revert_button,
            self.save_button,
        ]

    def retranslate_ui(self) -> None:
        for button, text, accessible in (
            (self.save_button, self.tr("&Save"), self.tr("Save this item")),
            (self.revert_button, self.tr("Re&vert"), self.tr("Undo the changes to this item")),
        ):
            button.setText(text)
            button.setAccessibleName(accessible)
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
        self._show_option_product()

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- showing -----------------------------------------------------------------------

    def show_empty(self) -> None:
        self._show_page(PAGE_EMPTY)

    def _show_page(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        editing = page != PAGE_EMPTY
        self.save_button.setEnabled(editing)
        self.revert_button.setEnabled(editing)

    def edit_product(self, product: CatalogProduct | None) -> None:
        """Show ``product`` in the form, or an empty product page for a new one."""
        self._editing_code = product.product_code if product else None
        self.product_code_edit.setText(product.product_code if product else "")
        self.product_name_edit.setText(product.name if product else "")
        self.product_code_edit.setCursorPosition(0)
        self.product_name_edit.setCursorPosition(0)
        self._show_page(PAGE_PRODUCT)

    def edit_option(self, option: CatalogOption | None, product_code: str | None = None) -> None:
        """Show ``option``, or an empty option page for a new option of ``product_code``."""
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

    # -- reading -----------------------------------------------------------------------

    def change(self) -> CatalogChange | None:
        """The write the form asks for (None when no item is in the form).

        Raises ``FormProblem`` for the first thing to fix; nothing is written then.
        """
        if self.pages.currentIndex() == PAGE_PRODUCT:
            return self._product_change()
        if self.pages.currentIndex() == PAGE_OPTION:
            return self._option_change()
        return None

    def _required(self, edit: QLineEdit, sentence: str) -> str:
        text = edit.text().strip()
        if not text:
            raise FormProblem(sentence, edit)
        return text

    def _product_change(self) -> CatalogChange:
        code = self._required(self.product_code_edit, self.tr("Enter the product code."))
        name = self._required(self.product_name_edit, self.tr("Enter the product name."))
        old_code = self._editing_code
        catalog = self._catalog
        if code != old_code and catalog.get_product(code) is not None:
            raise FormProblem(
                fill_args(self.tr("A product with the code %1 is already in the catalog."), code)
            )
        return CatalogChange(
            lambda: write_product(catalog, old_code, code, name),
            (PRODUCT, code),
            fill_args(self.tr("Saved the product %1."), code),
        )

    def _option_change(self) -> CatalogChange | None:
        product_code = self._option_product
        if product_code is None:
            return None
        dc_code = self._required(self.dc_code_edit, self.tr("Enter the option code (dc_code)."))
        name = self._required(self.option_name_edit, self.tr("Enter the option name."))
        mapping = self._required(
            self.mapping_code_edit, self.tr("Enter the channel product mapping code.")
        )
        try:
            price = parse_price(self.price_edit.text())
        except ValueError:
            raise FormProblem(
                self.tr(
                    "The unit price must be a number of 0 or more with at most 5 decimals, "
                    "for example 45000 or 12.50."
                ),
                self.price_edit,
            ) from None
        currency = self.currency_combo.currentText()
        old_code = self._editing_code
        catalog = self._catalog
        if dc_code != old_code:
            clash = catalog.get_option(dc_code)
            if clash is not None:
                raise FormProblem(
                    fill_args(
                        self.tr("The option code %1 is already used by %2."),
                        dc_code,
                        catalog.product_name(clash.product_code) or clash.product_code,
                    ),
                    self.dc_code_edit,
                )
        option = CatalogOption(dc_code, product_code, name, mapping, price, currency)
        return CatalogChange(
            lambda: write_option(catalog, old_code, option),
            (OPTION, dc_code),
            fill_args(self.tr("Saved the option %1."), dc_code),
        )
