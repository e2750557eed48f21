"""The confirmations and the report of the per-ticket cancel.

:class:`CancelTicketDialog` names the traveler, the date and time of use and
the option, takes an optional comment, and has "Cancel ticket" as its
default button: the operator on the phone presses Enter to confirm.
:class:`CancelAllDialog` lists every live ticket of an order before they are
all cancelled, and :class:`CancelReportDialog` tells, ticket by ticket, which
cancels succeeded and which failed and why. :class:`CancelFailedBox` says that
one ticket's cancel failed, and offers to send it again when AX's answer was
lost.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from axdesk.store.cancel import CancelOutcome, CancelTarget
from axdesk.ui.common.placeholders import fill_args

COMMENT_MAX_LENGTH = 500


def format_use_at(value: dt.datetime | None, locale: QLocale | None = None) -> str:
    """A date and time of use as people read it ("Saturday, 1 March 2025, 14:00")."""
    if value is None:
        return "—"
    locale = locale or QLocale()
    day = locale.toString(QDate(value.year, value.month, value.day), QLocale.FormatType.LongFormat)
    return f"{day}, {value.strftime('%H:%M')}"


def option_text(target: CancelTarget) -> str:
    if target.product_name and target.option_name:
        return f"{target.product_name} — {target.option_name}"
    return target.product_name or target.option_name or "—"


class CancelTicketDialog(QDialog):
    """Asks to confirm the cancel of one traveler's ticket; Enter confirms."""

    def __init__(self, target: CancelTarget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.target = target
        self.setWindowTitle(self.tr("Cancel ticket"))
        self.setModal(True)

        question = QLabel(
            fill_args(self.tr("Cancel the ticket of <b>%1</b>?"), _escape(target.traveler_name))
        )
        question.setTextFormat(Qt.TextFormat.RichText)
        bigger = QFont(question.font())
        bigger.setPointSizeF(bigger.pointSizeF() * 1.2)
        question.setFont(bigger)

        facts = QFormLayout()
        facts.addRow(self.tr("Traveler:"), _value_label(target.traveler_name))
        facts.addRow(self.tr("Date and time:"), _value_label(format_use_at(target.use_at)))
        facts.addRow(self.tr("Option:"), _value_label(option_text(target)))
        facts.addRow(self.tr("Ticket:"), _value_label(target.ticket_code, mono=True))
        facts.addRow(self.tr("AX order:"), _value_label(target.ax_order_code, mono=True))

        self.comment_edit = QLineEdit()
        self.comment_edit.setMaxLength(COMMENT_MAX_LENGTH)
        self.comment_edit.setPlaceholderText(self.tr("Optional, sent to AX with the cancel"))
        self.comment_edit.setAccessibleName(self.tr("Cancellation comment"))
        facts.addRow(self.tr("&Comment:"), self.comment_edit)
        label = facts.labelForField(self.comment_edit)
        if isinstance(label, QLabel):
            label.setBuddy(self.comment_edit)

        note = QLabel(
            self.tr("AX gives the seat back. A cancelled ticket cannot be restored here.")
        )
        note.setWordWrap(True)
        note.setEnabled(False)

        buttons = QDialogButtonBox()
        self.confirm_button = QPushButton(self.tr("Cancel &ticket"))
        self.confirm_button.setAccessibleName(self.tr("Confirm: cancel the ticket"))
        self.keep_button = QPushButton(self.tr("&Keep ticket"))
        self.keep_button.setAccessibleName(self.tr("Keep the ticket, do not cancel"))
        buttons.addButton(self.confirm_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.keep_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.keep_button.setAutoDefault(False)
        self.confirm_button.setAutoDefault(True)
        self.confirm_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addLayout(facts)
        layout.addWidget(note)
        layout.addWidget(buttons)

        self.setTabOrder(self.comment_edit, self.confirm_button)
        self.setTabOrder(self.confirm_button, self.keep_button)
        # Focus starts in the comment: the operator may type a reason, and Enter
        # (from the comment or anywhere) presses the default button, "Cancel ticket".
        self.comment_edit.setFocus()

    def comment(self) -> str | None:
        """The comment to send, or None when the operator typed none."""
        text = self.comment_edit.text().strip()
        return text or None


class CancelAllDialog(QDialog):
    """Lists every live ticket of an order and asks to cancel them all."""

    def __init__(
        self, order_code: str, targets: Sequence[CancelTarget], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.targets = list(targets)
        self.setWindowTitle(self.tr("Cancel all tickets"))
        self.setModal(True)

        question = QLabel(
            fill_args(
                self.tr("Cancel all %1 live ticket(s) of order %2?"),
                str(len(self.targets)),
                order_code,
            )
        )
        question.setWordWrap(True)

        self.ticket_list = QTreeWidget()
        self.ticket_list.setAccessibleName(self.tr("Tickets to cancel"))
        self.ticket_list.setHeaderLabels(
            [self.tr("Traveler"), self.tr("Date and time"), self.tr("Option"), self.tr("Ticket")]
        )
        self.ticket_list.setRootIsDecorated(False)
        self.ticket_list.setSelectionMode(QTreeWidget.SelectionMode.NoSelection)
        self.ticket_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for target in self.targets:
            QTreeWidgetItem(
                self.ticket_list,
                [
                    target.traveler_name,
                    format_use_at(target.use_at),
                    option_text(target),
                    target.ticket_code,
                ],
            )
        for column in range(4):
            self.ticket_list.resizeColumnToContents(column)

        self.comment_edit = QLineEdit()
        self.comment_edit.setMaxLength(COMMENT_MAX_LENGTH)
        self.comment_edit.setPlaceholderText(self.tr("Optional, sent to AX with each cancel"))
        self.comment_edit.setAccessibleName(self.tr("Cancellation comment"))
        form = QFormLayout()
        form.addRow(self.tr("&Comment:"), self.comment_edit)

        buttons = QDialogButtonBox()
        self.confirm_button = QPushButton(
            self.tr("Cancel &ticket")
            if len(self.targets) == 1
            else fill_args(self.tr("Cancel %1 &tickets"), str(len(self.targets)))
        )
        self.confirm_button.setAccessibleName(self.tr("Confirm: cancel every listed ticket"))
        self.keep_button = QPushButton(self.tr("&Keep tickets"))
        self.keep_button.setAccessibleName(self.tr("Keep the tickets, do not cancel"))
        buttons.addButton(self.confirm_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.keep_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.keep_button.setAutoDefault(False)
        self.confirm_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(self.ticket_list)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setTabOrder(self.comment_edit, self.confirm_button)
        self.setTabOrder(self.confirm_button, self.keep_button)
        self.comment_edit.setFocus()
        self.resize(620, 360)

    def comment(self) -> str | None:
        text = self.comment_edit.text().strip()
        return text or None


class CancelReportDialog(QDialog):
    """Says, ticket by ticket, which cancels succeeded and which failed and why."""

    def __init__(self, outcomes: Sequence[CancelOutcome], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.outcomes = list(outcomes)
        self.setWindowTitle(self.tr("Cancel all tickets: result"))
        failed = sum(1 for outcome in self.outcomes if not outcome.succeeded)
        if failed:
            summary = (
                self.tr("1 ticket could not be cancelled.")
                if failed == 1
                else fill_args(self.tr("%1 tickets could not be cancelled."), str(failed))
            )
        else:
            summary = self.tr("Every ticket was cancelled.")
        unknown = sum(1 for outcome in self.outcomes if outcome.unknown)
        if unknown:
            summary += " " + fill_args(
                self.tr(
                    "AX's answer did not arrive for %1 of them: AX may have cancelled them, "
                    "and axdesk asks again on its own."
                ),
                str(unknown),
            )
        heading = QLabel(summary)
        heading.setWordWrap(True)

        self.result_list = QTreeWidget()
        self.result_list.setAccessibleName(self.tr("Result for each ticket"))
        self.result_list.setHeaderLabels(
            [self.tr("Traveler"), self.tr("Ticket"), self.tr("Result"), self.tr("Detail")]
        )
        self.result_list.setRootIsDecorated(False)
        self.result_list.setWordWrap(True)
        for outcome in self.outcomes:
            item = QTreeWidgetItem(
                self.result_list,
                [
                    outcome.target.traveler_name,
                    outcome.target.ticket_code,
                    self._result_word(outcome),
                    outcome.detail,
                ],
            )
            item.setToolTip(3, outcome.detail)
        for column in range(3):
            self.result_list.resizeColumnToContents(column)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close the result"))
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.result_list)
        layout.addWidget(buttons)
        self.resize(640, 320)

    def _result_word(self, outcome: CancelOutcome) -> str:
        if outcome.succeeded:
            return self.tr("Cancelled")
        if outcome.unknown:
            return self.tr("Not confirmed yet")
        return self.tr("Failed")


class CancelFailedBox(QMessageBox):
    """Says the cancel of ``traveler_name``'s ticket failed, with ``sentence`` (why).

    When AX's answer was lost (``answer_lost``: the ticket may be cancelled
    already), "Try again" is the default button and accepts the box: sending
    the same cancel again is safe (see :func:`axdesk.store.cancel.cancel_one`).
    The box's ``retry`` property is True then, and unset otherwise.
    """

    def __init__(
        self,
        traveler_name: str,
        sentence: str,
        *,
        answer_lost: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Cancel ticket"))
        self.setIcon(QMessageBox.Icon.Warning)
        if answer_lost:
            self.setText(
                fill_args(
                    self.tr("AX's answer about the ticket of %1 did not arrive."), traveler_name
                )
            )
            self.setInformativeText(
                self.tr(
                    "The ticket may already be cancelled. Trying again is safe: AX answers "
                    "a ticket that is already cancelled with the same result, and nothing "
                    "is cancelled twice."
                )
            )
            self.setDetailedText(sentence)
            retry = self.addButton(self.tr("Try again"), QMessageBox.ButtonRole.AcceptRole)
            retry.setAccessibleName(self.tr("Send the same cancel again"))
            close = self.addButton(QMessageBox.StandardButton.Close)
            close.setAccessibleName(self.tr("Close without trying again"))
            self.setDefaultButton(retry)
            self.setProperty("retry", True)
        else:
            self.setText(
                fill_args(self.tr("The ticket of %1 could not be cancelled."), traveler_name)
            )
            self.setInformativeText(sentence)
            close = self.addButton(QMessageBox.StandardButton.Close)
            close.setAccessibleName(self.tr("Close the message"))
            self.setDefaultButton(close)

    @property
    def offers_retry(self) -> bool:
        return self.property("retry") is True


def _value_label(text: str, *, mono: bool = False) -> QLabel:
    label = QLabel(text or "—")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if mono:
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        label.setFont(font)
    return label


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
