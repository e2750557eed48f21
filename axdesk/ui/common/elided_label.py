"""A one-line label that elides a text too long for it ("…") and says the whole in its tooltip.

A plain ``QLabel`` with an ignored size policy cuts a long text at its edge,
mid-letter, and nothing says there was more. :class:`ElidedLabel` keeps the
whole text (:meth:`ElidedLabel.full_text`, the tooltip) and shows as much as
fits, re-elided whenever its width changes.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class ElidedLabel(QLabel):
    """One line of text, elided at the right end to the label's width; the tooltip has it all."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setWordWrap(False)
        self.setText(text)

    def setText(self, text: str) -> None:  # Qt override: keeps the whole text
        self._full = " · ".join(part.strip() for part in text.splitlines() if part.strip())
        self.setToolTip(text)
        self._elide()

    def full_text(self) -> str:
        return self._full

    def minimumSizeHint(self) -> QSize:  # Qt override: any width will do
        hint = super().minimumSizeHint()
        return QSize(0, hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt override
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width = self.contentsRect().width()
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, width)
        super().setText(shown)
