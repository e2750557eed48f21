"""What happened to the order just sent: the banner above the form.

Shows, depending on the outcome, AX's order and ticket codes (copyable as a
text summary, and saying why no ticket can be cancelled when AX gave no
ticket codes), "not known yet" with a Retry button (and, when AX may still
make the order or cannot be asked, exactly that), AX's refusal, or a note
that nothing was sent (seats gone, form incomplete).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from enum import Enum
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from axdesk.store.journal_queries import OrderDetail, ProblemKind
from axdesk.ui.common.money_text import format_money
from axdesk.ui.common.placeholders import fill_args
from axdesk.ui.order_entry.unsettled_text import order_problem_text


class Outcome(Enum):
    BUSY = "busy"
    SENT = "sent"
    UNKNOWN = "unknown"
    REJECTED = "rejected"
    NOT_SENT = "not-sent"
    INFO = "info"


_COLORS = {
    Outcome.BUSY: ("#e8f0fe", "#1a56b0"),
    Outcome.SENT: ("#e6f4ea", "#1e7d34"),
    Outcome.UNKNOWN: ("#fff4e0", "#8a5a00"),
    Outcome.REJECTED: ("#fdecea", "#b3261e"),
    Outcome.NOT_SENT: ("#fdecea", "#b3261e"),
    Outcome.INFO: ("#eef1f5", "#33475b"),
}


def _local(moment: dt.datetime, tz_name: str) -> str:
    try:
        zone = ZoneInfo(tz_name)
    except (ValueError, KeyError):
        zone = ZoneInfo("UTC")
    return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M")


def order_summary_text(detail: OrderDetail, tz_name: str) -> str:
    """A plain-text summary of a sent order, to paste into a chat or an e-mail."""

    not_known = QCoreApplication.translate("OrderResultPanel", "not known yet")
    out = [
        fill_args(
            QCoreApplication.translate("OrderResultPanel", "Order %1"), detail.channel_order_code
        )
    ]
    if detail.total is not None and detail.currency:
        out.append(
            fill_args(
                QCoreApplication.translate("OrderResultPanel", "Total: %1"),
                format_money(detail.total, detail.currency),
            )
        )
    for line in detail.lines:
        name = " / ".join(part for part in (line.product_name, line.option_name) if part)
        out.append(
            fill_args(
                QCoreApplication.translate(
                    "OrderResultPanel", "Line %1: %2, %3 (%4), %5 ticket(s)"
                ),
                str(line.position + 1),
                name or line.dc_code,
                _local(line.inventory_at, tz_name),
                tz_name,
                str(line.quantity),
            )
        )
        out.append(
            "  "
            + fill_args(
                QCoreApplication.translate("OrderResultPanel", "AX order: %1"),
                line.ax_order.ax_order_code if line.ax_order else not_known,
            )
        )
        for ticket in line.tickets:
            out.append(
                "  "
                + fill_args(
                    QCoreApplication.translate("OrderResultPanel", "%1. %2: ticket %3"),
                    str(ticket.position + 1),
                    ticket.name,
                    ticket.ax_ticket_code or not_known,
                )
            )
    problem = order_problem_text(detail)
    if problem:
        out.append(fill_args(QCoreApplication.translate("OrderResultPanel", "Note: %1"), problem))
    return "\n".join(out)


class OrderResultPanel(QFrame):
    """The outcome banner.

    Signals:
        retry_requested(str): "Retry" was pressed for this channel order code.
    """

    retry_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("orderResult")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._code = ""
        self._summary = ""
        self._outcome = Outcome.INFO
        self.title = QLabel(self)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.codes = QTreeWidget(self)
        self.codes.setColumnCount(2)
        self.codes.setRootIsDecorated(True)
        self.codes.setUniformRowHeights(True)
        self.codes.setVisible(False)
        self.copy_button = QPushButton(self)
        self.retry_button = QPushButton(self)
        self.close_button = QPushButton(self)
        self.close_button.setFlat(True)
        self.copy_button.clicked.connect(self.copy_summary)
        self.retry_button.clicked.connect(lambda: self.retry_requested.emit(self._code))
        self.close_button.clicked.connect(self.hide)
        copy_shortcut = QShortcut(QKeySequence.StandardKey.Copy, self.codes)
        copy_shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        copy_shortcut.activated.connect(self._copy_current_code)

        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.close_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.retry_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addLayout(head)
        layout.addWidget(self.text)
        layout.addWidget(self.codes)
        layout.addLayout(buttons)
        self.retranslate_ui()
        self._apply(Outcome.INFO, "", "")
        self.setVisible(False)

    def retranslate_ui(self) -> None:
        self.codes.setHeaderLabels([self.tr("Line / traveler"), self.tr("AX code")])
        self.codes.setAccessibleName(self.tr("AX order and ticket codes"))
        self.copy_button.setText(self.tr("Copy summary"))
        self.copy_button.setAccessibleName(self.tr("Copy order summary"))
        self.retry_button.setText(self.tr("Retry"))
        self.retry_button.setToolTip(
            self.tr(
                "Ask AX whether the order was made; if it was not, the same order is sent "
                "again under the same code"
            )
        )
        self.retry_button.setAccessibleName(self.tr("Retry: check the order with AX"))
        self.close_button.setText(self.tr("Dismiss"))
        self.close_button.setAccessibleName(self.tr("Dismiss the result"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- what is shown ------------------------------------------------------------

    @property
    def outcome(self) -> Outcome:
        return self._outcome

    @property
    def channel_order_code(self) -> str:
        return self._code

    def summary_text(self) -> str:
        return self._summary

    def _apply(self, outcome: Outcome, title: str, text: str, code: str = "") -> None:
        self._outcome = outcome
        self._code = code
        background, foreground = _COLORS[outcome]
        self.setStyleSheet(
            f"QFrame#orderResult {{ background: {background}; border: 1px solid {foreground};"
            f" border-radius: 6px; }}"
            f" QFrame#orderResult > QLabel {{ color: {foreground}; background: transparent; }}"
        )
        self.title.setText(title)
        self.text.setText(text)
        self.text.setVisible(bool(text))
        self.setAccessibleName(title)
        self.setAccessibleDescription(text)
        self.retry_button.setVisible(outcome == Outcome.UNKNOWN and bool(code))
        self.copy_button.setVisible(outcome == Outcome.SENT)
        self.close_button.setVisible(outcome != Outcome.BUSY)
        self.codes.setVisible(outcome == Outcome.SENT)
        self.setVisible(True)

    def show_busy(self, title: str, text: str = "", code: str = "") -> None:
        self._apply(Outcome.BUSY, title, text, code)

    def show_info(self, title: str, text: str = "") -> None:
        self._apply(Outcome.INFO, title, text)

    def show_not_sent(self, title: str, text: str) -> None:
        self._apply(Outcome.NOT_SENT, title, text)

    def show_unknown(self, code: str, reason: str, kind: ProblemKind | None = None) -> None:
        """Not known whether AX made order ``code``; ``reason`` says why, ``kind`` what kind."""
        if kind is ProblemKind.CANNOT_ASK:
            title = self.tr("AX cannot be asked about the order")
            tail = self.tr(
                "The order %1 is kept in the journal. It is never sent twice under another code."
            )
        else:
            title = (
                self.tr("Not known yet: AX may still make the order")
                if kind is ProblemKind.MAY_STILL_LAND
                else self.tr("Not known yet whether AX made the order")
            )
            tail = self.tr(
                "The order %1 is kept in the journal and is checked with AX "
                "again (now, at every start, and when you press Retry). It is never "
                "sent twice under another code."
            )
        self._apply(Outcome.UNKNOWN, title, reason + "\n" + fill_args(tail, code), code)

    def show_rejected(self, message: str, details: Sequence[str]) -> None:
        text = message
        if details:
            text += "\n" + "\n".join(f"• {detail}" for detail in details)
        text += "\n" + self.tr("Nothing was booked. Fix the fields marked in red and send again.")
        self._apply(Outcome.REJECTED, self.tr("AX refused the order"), text)

    def show_sent(self, detail: OrderDetail, tz_name: str) -> None:
        """AX made the order: list every AX order code and ticket code."""
        self.codes.clear()
        for line in detail.lines:
            name = " / ".join(part for part in (line.product_name, line.option_name) if part)
            line_item = QTreeWidgetItem(
                [
                    fill_args(
                        self.tr("Line %1: %2, %3"),
                        str(line.position + 1),
                        name or line.dc_code,
                        _local(line.inventory_at, tz_name),
                    ),
                    line.ax_order.ax_order_code if line.ax_order else self.tr("not known yet"),
                ]
            )
            for ticket in line.tickets:
                line_item.addChild(
                    QTreeWidgetItem(
                        [
                            f"{ticket.position + 1}. {ticket.name}",
                            ticket.ax_ticket_code or self.tr("not known yet"),
                        ]
                    )
                )
            self.codes.addTopLevelItem(line_item)
        self.codes.expandAll()
        self.codes.resizeColumnToContents(0)
        self.codes.setColumnWidth(0, self.codes.columnWidth(0) + 24)
        rows = sum(1 + len(line.tickets) for line in detail.lines)
        row_height = self.codes.sizeHintForRow(0)
        if row_height <= 0:
            row_height = self.codes.fontMetrics().height() + 4
        header = self.codes.header().sizeHint().height()
        frame = 2 * self.codes.frameWidth()
        self.codes.setFixedHeight(min(12, rows) * row_height + header + frame + 2)
        self._summary = order_summary_text(detail, tz_name)
        total = (
            format_money(detail.total, detail.currency)
            if detail.total is not None and detail.currency
            else ""
        )
        text = fill_args(
            self.tr("Order %1 · %2 ticket(s) · %3"),
            detail.channel_order_code,
            str(len(detail.tickets)),
            total,
        )
        problem = order_problem_text(detail)
        if problem:
            text += "\n" + problem
        self._apply(Outcome.SENT, self.tr("Order sent to AX"), text, detail.channel_order_code)

    def copy_summary(self) -> None:
        QGuiApplication.clipboard().setText(self._summary)

    def _copy_current_code(self) -> None:
        item = self.codes.currentItem()
        if item is not None:
            QGuiApplication.clipboard().setText(item.text(1))
