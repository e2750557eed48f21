"""File > This desk…: the operator's name and the desk's name the journal records.

Every journal write records who did it (``axdesk.store.journal_activity``):
the operator at this desk and the desk's name (empty: the computer's host
name). The dialog keeps both in the settings and hands them to the journal
on the worker thread (the journal is not touched on the GUI thread).
"""

from __future__ import annotations

import socket

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from axdesk.ui.common.context import AppContext


class DeskDialog(QDialog):
    """Edit this desk's operator name and desk name (see the module docstring)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        # Imported here: the menu that opens this dialog is built before the window paints.
        from axdesk.store.journal_activity import DESK_MAX_LENGTH, OPERATOR_MAX_LENGTH

        super().__init__(parent)
        self._ctx = ctx
        self.setModal(True)
        self.setMinimumWidth(420)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.operator_edit = QLineEdit(ctx.settings.operator_name)
        self.operator_edit.setMaxLength(OPERATOR_MAX_LENGTH)
        self.desk_edit = QLineEdit(ctx.settings.desk_id)
        self.desk_edit.setMaxLength(DESK_MAX_LENGTH)
        self.desk_edit.setPlaceholderText(socket.gethostname())
        self.operator_label = QLabel()
        self.operator_label.setBuddy(self.operator_edit)
        self.desk_label = QLabel()
        self.desk_label.setBuddy(self.desk_edit)
        form = QFormLayout()
        form.addRow(self.operator_label, self.operator_edit)
        form.addRow(self.desk_label, self.desk_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.retranslate_ui()

    def accept(self) -> None:
        from axdesk.store.journal_activity import desk_actor

        settings = self._ctx.settings
        settings.operator_name = self.operator_edit.text().strip()
        settings.desk_id = self.desk_edit.text().strip()
        actor = desk_actor(settings.operator_name, settings.desk_id)
        ctx = self._ctx
        ctx.worker.call(lambda: ctx.journal.act_as(actor)).start()
        super().accept()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("This desk"))
        self.intro.setText(
            self.tr(
                "The journal records who did what: the operator's name and this desk's "
                "name go with every order sent, cancel asked and note saved here."
            )
        )
        self.operator_label.setText(self.tr("&Operator name:"))
        self.desk_label.setText(self.tr("&Desk name:"))
        self.desk_edit.setToolTip(self.tr("Empty: the computer's name is used."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
