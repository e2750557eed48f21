"""The bar under the New order form: the total, why it cannot be sent yet, New and Send."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from axdesk.ui.common.money_text import format_money
from axdesk.ui.common.placeholders import fill_args
from axdesk.ui.order_entry.widgets import repolish


class SubmitBar(QFrame):
    """The order's total, the reason Send is disabled (or "Ready"), and the two buttons.

    The tab decides what the reason is; the bar shows it, next to the button
    and in the button's tooltip, with a "Show" link when it names a field.

    Signals:
        problems_requested(): the "Show" link next to the reason was clicked.
    """

    problems_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("orderBar")
        self.setStyleSheet(
            "QFrame#orderBar { border-top: 1px solid palette(mid); background: palette(window); }"
        )
        self.total_label = QLabel(self)
        self.total_label.setProperty("role", "total")
        self.reason_label = QLabel(self)
        self.reason_label.setProperty("role", "reason")
        self.reason_label.setWordWrap(True)
        self.reason_label.setTextFormat(Qt.TextFormat.RichText)
        self.reason_label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.reason_label.linkActivated.connect(lambda _link: self.problems_requested.emit())
        self.new_button = QPushButton(self)
        self.submit_button = QPushButton(self)
        self.submit_button.setDefault(False)
        self.submit_button.setAutoDefault(False)
        self.submit_button.setMinimumWidth(150)
        font = self.submit_button.font()
        font.setBold(True)
        self.submit_button.setFont(font)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.addWidget(self.total_label)
        layout.addSpacing(16)
        layout.addWidget(self.reason_label, 1)
        layout.addWidget(self.new_button)
        layout.addWidget(self.submit_button)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.new_button.setText(self.tr("Ne&w order"))
        self.new_button.setAccessibleName(self.tr("New order"))
        self.new_button.setToolTip(self.tr("Clear the form and start another order"))
        self.submit_button.setText(self.tr("Send order"))
        self.submit_button.setAccessibleName(self.tr("Send order"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def show_state(
        self, total: Decimal | None, currency: str, reason: str, *, names_a_field: bool
    ) -> None:
        """Show the total and ``reason`` ("": ready to send, and Send is enabled)."""
        self.total_label.setText(
            fill_args(self.tr("Total %1"), format_money(total, currency))
            if total is not None
            else self.tr("Total —")
        )
        enabled = not reason
        self.submit_button.setEnabled(enabled)
        role = "ready" if enabled else "reason"
        if self.reason_label.property("role") != role:
            self.reason_label.setProperty("role", role)
            repolish(self.reason_label)
        if enabled:
            self.submit_button.setToolTip(self.tr("Send the order to AX (Ctrl+Enter)"))
            self.reason_label.setText(self.tr("Ready to send: Ctrl+Enter"))
            self.reason_label.setAccessibleName(self.tr("Ready to send"))
        else:
            self.submit_button.setToolTip(fill_args(self.tr("Cannot send yet: %1"), reason))
            shown = reason.replace("&", "&amp;").replace("<", "&lt;")
            if names_a_field:
                show = self.tr("Show")
                shown += f' <a href="#problems">{show}</a>'
            self.reason_label.setText(shown)
            self.reason_label.setAccessibleName(reason)
        self.submit_button.setAccessibleDescription("" if enabled else reason)
