"""The order's figures under the form: sub-total, order discount and total.

They sit under the scrolled form, not at the end of it, so they are on screen
whole however long the order is and wherever it is scrolled (at 1400×840 in
Korean, the total was cut by the bottom of the scrolled form). One row keeps
them short:  Sub-total ₩130,000   Order discount −₩1,000   Total ₩129,000
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from axdesk.ui.common.money_text import format_money
from axdesk.ui.order_entry.totals import FormTotals
from axdesk.ui.order_entry.widgets import MessageLabel


class TotalsView(QFrame):
    """Sub-total, discount and total in one right-aligned row, with the total's own sentence
    under them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("orderTotals")
        self.sub_total_caption = QLabel(self)
        self.sub_total_value = QLabel(self)
        self.discount_caption = QLabel(self)
        self.discount_value = QLabel(self)
        self.total_caption = QLabel(self)
        self.total_value = QLabel(self)
        self.total_caption.setProperty("role", "total")
        self.total_value.setProperty("role", "total")
        self.total_message = MessageLabel(self)
        row = QHBoxLayout()
        row.setSpacing(6)
        row.addStretch(1)
        pairs = (
            (self.sub_total_caption, self.sub_total_value),
            (self.discount_caption, self.discount_value),
            (self.total_caption, self.total_value),
        )
        for number, (caption, value) in enumerate(pairs):
            if number:
                row.addSpacing(24)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            row.addWidget(caption, 0, Qt.AlignmentFlag.AlignBaseline)
            row.addWidget(value, 0, Qt.AlignmentFlag.AlignBaseline)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 6, 16, 6)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.total_message, 0, Qt.AlignmentFlag.AlignRight)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.sub_total_caption.setText(self.tr("Sub-total"))
        self.discount_caption.setText(self.tr("Order discount"))
        self.total_caption.setText(self.tr("Total"))
        self.sub_total_value.setAccessibleName(self.tr("Sub-total"))
        self.discount_value.setAccessibleName(self.tr("Order discount"))
        self.total_value.setAccessibleName(self.tr("Total"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def show_totals(self, totals: FormTotals, currency: str) -> None:
        def money(value: object) -> str:
            return format_money(value, currency) if isinstance(value, Decimal) else "—"

        self.sub_total_value.setText(money(totals.sub_total))
        discount = totals.order_discount
        self.discount_value.setText("−" + money(discount) if discount else money(discount))
        self.total_value.setText(money(totals.total))
