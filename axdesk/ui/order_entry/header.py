"""The top of the order form: purchaser, representative and the order's own fields."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from axdesk.api import CURRENCIES
from axdesk.ui.common.wheel_guard import guard_wheel
from axdesk.ui.order_entry.person import PersonEditor
from axdesk.ui.order_entry.state import OrderFormState
from axdesk.ui.order_entry.widgets import FieldBox, field_label


class OrderHeader(QWidget):
    """Purchaser, representative ("same as purchaser" by default) and order details.

    Signals:
        changed(): anything in the header changed.
        edited(str): the user changed this field (a form field key, e.g. ``"purchaser.email"``).
    """

    changed = Signal()
    edited = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.purchaser_box = QGroupBox(self)
        self.purchaser = PersonEditor("purchaser", self.purchaser_box)
        self.more_info_check = QCheckBox(self.purchaser_box)
        purchaser_layout = QVBoxLayout(self.purchaser_box)
        purchaser_layout.addWidget(self.purchaser)
        purchaser_layout.addWidget(self.more_info_check)

        self.representative_box = QGroupBox(self)
        self.same_check = QCheckBox(self.representative_box)
        self.same_check.setChecked(True)
        self.representative = PersonEditor("representative", self.representative_box)
        self.representative.setVisible(False)
        self.same_hint = QLabel(self.representative_box)
        self.same_hint.setProperty("role", "hint")
        self.same_hint.setWordWrap(True)
        representative_layout = QVBoxLayout(self.representative_box)
        representative_layout.addWidget(self.same_check)
        representative_layout.addWidget(self.same_hint)
        representative_layout.addWidget(self.representative)
        representative_layout.addStretch(1)

        self.details_box = QGroupBox(self)
        self.currency_combo = QComboBox(self.details_box)
        for currency in CURRENCIES:
            self.currency_combo.addItem(currency, currency)
        guard_wheel(self.currency_combo)
        self.voucher_check = QCheckBox(self.details_box)
        self.discount_edit = QLineEdit(self.details_box)
        self.discount_edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.discount_edit.setPlaceholderText("0")
        self.method_edit = QLineEdit(self.details_box)
        self.comment_edit = QLineEdit(self.details_box)
        self.inputs: dict[str, QWidget] = {
            "currency": self.currency_combo,
            "discount": self.discount_edit,
            "discount_method": self.method_edit,
            "comment": self.comment_edit,
        }
        self.boxes = {
            name: FieldBox(widget, self.details_box) for name, widget in self.inputs.items()
        }
        self.labels = {name: field_label(self.details_box) for name in self.inputs}
        for name, label in self.labels.items():
            label.setBuddy(self.inputs[name])
        details = QGridLayout(self.details_box)
        details.setHorizontalSpacing(10)
        details.addWidget(self.labels["currency"], 0, 0, Qt.AlignmentFlag.AlignTop)
        currency_row = QHBoxLayout()
        currency_row.addWidget(self.boxes["currency"])
        currency_row.addSpacing(16)
        currency_row.addWidget(self.voucher_check)
        currency_row.addStretch(1)
        details.addLayout(currency_row, 0, 1)
        details.addWidget(self.labels["discount"], 0, 2, Qt.AlignmentFlag.AlignTop)
        details.addWidget(self.boxes["discount"], 0, 3)
        details.addWidget(self.labels["discount_method"], 0, 4, Qt.AlignmentFlag.AlignTop)
        details.addWidget(self.boxes["discount_method"], 0, 5)
        details.addWidget(self.labels["comment"], 1, 0, Qt.AlignmentFlag.AlignTop)
        details.addWidget(self.boxes["comment"], 1, 1, 1, 5)
        details.setColumnStretch(1, 1)
        details.setColumnStretch(3, 1)
        details.setColumnStretch(5, 2)

        people = QHBoxLayout()
        people.setSpacing(12)
        people.addWidget(self.purchaser_box, 1)
        people.addWidget(self.representative_box, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addLayout(people)
        layout.addWidget(self.details_box)

        self.purchaser.changed.connect(self.changed)
        self.representative.changed.connect(self.changed)
        self.purchaser.edited.connect(lambda field: self.edited.emit(f"purchaser.{field}"))
        self.representative.edited.connect(
            lambda field: self.edited.emit(f"representative.{field}")
        )
        self.same_check.toggled.connect(self._same_toggled)
        self.more_info_check.toggled.connect(self.changed)
        self.voucher_check.toggled.connect(self.changed)
        self.currency_combo.currentIndexChanged.connect(self.changed)
        self.currency_combo.activated.connect(lambda _i: self.edited.emit("order.currency"))
        for name, edit in (
            ("discount", self.discount_edit),
            ("discount_method", self.method_edit),
            ("comment", self.comment_edit),
        ):
            edit.textChanged.connect(self.changed)
            edit.textEdited.connect(lambda _text, field=name: self.edited.emit(f"order.{field}"))

        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.purchaser_box.setTitle(self.tr("Purchaser"))
        self.more_info_check.setText(self.tr("Needs more information from the &buyer"))
        self.more_info_check.setAccessibleName(self.tr("Purchaser needs more information"))
        self.representative_box.setTitle(self.tr("Representative (lead traveler)"))
        self.same_check.setText(self.tr("&Same as purchaser"))
        self.same_check.setAccessibleName(self.tr("Representative same as purchaser"))
        self.same_hint.setText(
            self.tr("The purchaser is sent as the representative. Untick to enter someone else.")
        )
        self.details_box.setTitle(self.tr("Order"))
        self.labels["currency"].setText(self.tr("Currenc&y"))
        self.labels["discount"].setText(self.tr("Order discount"))
        self.labels["discount_method"].setText(self.tr("Method"))
        self.labels["comment"].setText(self.tr("Comment"))
        self.voucher_check.setText(self.tr("Vouche&r"))
        self.voucher_check.setToolTip(self.tr("The product comes with a voucher"))
        self.voucher_check.setAccessibleName(self.tr("Order has a voucher"))
        self.currency_combo.setAccessibleName(self.tr("Order currency"))
        self.discount_edit.setAccessibleName(self.tr("Whole-order discount"))
        self.method_edit.setAccessibleName(self.tr("Whole-order discount method"))
        self.method_edit.setPlaceholderText(self.tr("e.g. 10% for members"))
        self.comment_edit.setAccessibleName(self.tr("Order comment"))
        self.comment_edit.setPlaceholderText(self.tr("Comment sent with the order"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _same_toggled(self, same: bool) -> None:
        self.representative.setVisible(not same)
        self.same_hint.setVisible(same)
        if not same and self.representative.state().is_blank():
            # Someone else: start from the purchaser's country, not from their name.
            self.representative.code_edit.setText(self.purchaser.code_edit.text())
        self.changed.emit()

    @property
    def currency(self) -> str:
        return str(self.currency_combo.currentData() or CURRENCIES[0])

    def set_currency(self, currency: str) -> None:
        index = self.currency_combo.findData(currency)
        if index >= 0:
            self.currency_combo.setCurrentIndex(index)

    def fill_state(self, state: OrderFormState) -> None:
        """Write the header's fields into ``state``."""
        state.purchaser = self.purchaser.state()
        state.needs_more_information = self.more_info_check.isChecked()
        state.representative_same = self.same_check.isChecked()
        state.representative = self.representative.state()
        state.currency = self.currency
        state.is_voucher = self.voucher_check.isChecked()
        state.comment = self.comment_edit.text()
        state.order_discount = self.discount_edit.text()
        state.order_discount_method = self.method_edit.text()

    def set_state(self, state: OrderFormState) -> None:
        self.purchaser.set_state(state.purchaser)
        self.more_info_check.setChecked(state.needs_more_information)
        self.representative.set_state(state.representative)
        self.same_check.setChecked(state.representative_same)
        self._same_toggled(state.representative_same)
        self.set_currency(state.currency)
        self.voucher_check.setChecked(state.is_voucher)
        self.comment_edit.setText(state.comment)
        self.discount_edit.setText(state.order_discount)
        self.method_edit.setText(state.order_discount_method)

    def set_problems(self, problems: Mapping[str, str]) -> None:
        """Show sentences by field key (``purchaser.*``, ``representative.*``, ``order.*``)."""
        for prefix, editor in (
            ("purchaser", self.purchaser),
            ("representative", self.representative),
        ):
            editor.set_problems(
                {
                    key.split(".", 1)[1]: text
                    for key, text in problems.items()
                    if key.startswith(prefix + ".")
                }
            )
        for name, box in self.boxes.items():
            box.set_problem(problems.get(f"order.{name}"))

    def focus_chain(self) -> list[QWidget]:
        """The inputs in the order Tab visits them (hidden ones are skipped by Qt)."""
        return [
            *self.purchaser.focus_chain(),
            self.more_info_check,
            self.same_check,
            *self.representative.focus_chain(),
            self.currency_combo,
            self.voucher_check,
            self.discount_edit,
            self.method_edit,
            self.comment_edit,
        ]

    def field_widget(self, key: str) -> QWidget | None:
        prefix, _, name = key.partition(".")
        if prefix == "purchaser":
            if name == "needs_more_information":
                return self.more_info_check
            return self.purchaser.field_widget(name)
        if prefix == "representative":
            if self.same_check.isChecked():
                return self.same_check
            return self.representative.field_widget(name)
        if prefix == "order":
            return self.inputs.get(name)
        return None
