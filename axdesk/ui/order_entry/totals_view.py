"""The order's figures under its lines: sub-total, order discount and total."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QWidget

from axdesk.ui.common.money_text import format_money
from axdesk.ui.order_entry.totals import FormTotals
from axdesk.ui.order_entry.widgets import MessageLabel


class TotalsView(QFrame):
    """Sub-total, discount and total, right-aligned, with the total's own sentence under them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sub_total_caption = QLabel(self)
        self.sub_total_value = QLabel(self)
        self.discount_caption = QLabel(self)
        self.discount_value = QLabel(self)
        self.total_caption = QLabel(self)
        self.total_value = QLabel(self)
        self.total_caption.setProperty("role", "total")
        self.total_value.setProperty("role", "total")
        self.total_message = MessageLabel(self)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(0, 1)
        for row, (caption, value) in enumerate(
            (
                (self.sub_total_caption, self.sub_total_value),
                (self.discount_caption, self.discount_value),
                (self.total_caption, self.total_value),
            )
        ):
            caption.setAlignment(Qt.AlignmentFlag.AlignRight)
            value.setAlignment(Qt.AlignmentFlag.AlignRight)
            value.setMinimumWidth(130)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(caption, row, 1)
            grid.addWidget(value, row, 2)
        grid.addWidget(self.total_message, 3, 0, 1, 3, Qt.AlignmentFlag.AlignRight)
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
