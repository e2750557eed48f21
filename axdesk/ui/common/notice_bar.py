"""A calm, dismissible notice at the top of the main window (no modal box, no beep).

Problems that no tab handled (``Worker.error_reported``), the result of a
catalog import and start-up warnings are shown here; a second problem while
one is shown is added below it rather than stacked in another window.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QStyle, QToolButton, QWidget

PROBLEM = "problem"
INFO = "info"

_COLOURS = {PROBLEM: ("#fdecea", "#b3261e"), INFO: ("#e8f0fe", "#1a56b0")}


class NoticeBar(QFrame):
    """An icon, a sentence (selectable, wrapped) and a close button; hidden when empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBar")
        self.kind = INFO
        self.icon = QLabel(self)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QToolButton(self)
        self.close_button.setAutoRaise(True)
        self.close_button.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_TitleBarCloseButton)
        )
        self.close_button.clicked.connect(self.clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.setVisible(False)
        self.retranslate_ui()

    def show_notice(self, kind: str, sentence: str) -> None:
        """Show ``sentence``; a problem while a problem is shown is appended."""
        if not self.isHidden() and kind == PROBLEM and self.kind == PROBLEM:
            sentence = f"{self.text.text()}\n{sentence}"
        self.kind = kind
        background, accent = _COLOURS.get(kind, _COLOURS[INFO])
        self.setStyleSheet(
            f"QFrame#noticeBar {{ background: {background}; border-left: 4px solid {accent}; }}"
        )
        icon = (
            QStyle.StandardPixmap.SP_MessageBoxWarning
            if kind == PROBLEM
            else QStyle.StandardPixmap.SP_MessageBoxInformation
        )
        self.icon.setPixmap(self.style().standardIcon(icon).pixmap(20, 20))
        self.text.setText(sentence)
        self.retranslate_ui()
        self.setVisible(True)

    def clear(self) -> None:
        self.text.clear()
        self.setVisible(False)

    def retranslate_ui(self) -> None:
        self.close_button.setToolTip(self.tr("Dismiss"))
        self.close_button.setAccessibleName(self.tr("Dismiss this message"))
        self.text.setAccessibleName(self.tr("Problem") if self.kind == PROBLEM else self.tr("Note"))

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
