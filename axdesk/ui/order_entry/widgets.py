"""Small pieces the New order form is built from: an input with its sentence.

Every input of the form sits in a :class:`FieldBox`: the input itself and,
under it, the sentence saying what is wrong with it. A wrong input turns red
(a dynamic ``invalid`` property matched by :data:`FORM_STYLE`), carries the
sentence as its tooltip and accessible description, so a screen reader says
it too.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

INVALID_BORDER = "#c62828"
INVALID_BACKGROUND = "#fff4f4"

FORM_STYLE = f"""
QLineEdit[invalid="true"], QComboBox[invalid="true"], QSpinBox[invalid="true"],
QPlainTextEdit[invalid="true"] {{
    border: 1px solid {INVALID_BORDER};
    border-radius: 3px;
    background: {INVALID_BACKGROUND};
}}
QTableView[invalid="true"] {{ border: 1px solid {INVALID_BORDER}; }}
QLabel[role="field-message"] {{ color: {INVALID_BORDER}; }}
QLabel[role="section"] {{ font-weight: 600; font-size: 11pt; }}
QLabel[role="hint"] {{ color: palette(placeholder-text); }}
QLabel[role="figures"] {{ color: palette(text); }}
QLabel[role="total"] {{ font-weight: 700; font-size: 13pt; }}
QLabel[role="reason"] {{ color: #8a5a00; }}
QLabel[role="ready"] {{ color: #1e7d34; }}
QFrame[role="line"] {{
    border: 1px solid palette(mid);
    border-radius: 6px;
    background: palette(base);
}}
QFrame[role="line"] QLabel {{ background: transparent; border: none; }}
QFrame#orderTotals {{ border-top: 1px solid palette(midlight); }}
"""


def repolish(widget: QWidget) -> None:
    """Re-apply the style sheet after a dynamic property changed."""
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


def set_invalid(widget: QWidget, sentence: str | None, tooltip: str = "") -> None:
    """Paint ``widget`` red with ``sentence`` as its tooltip, or back to normal."""
    invalid = bool(sentence)
    if bool(widget.property("invalid")) != invalid:
        widget.setProperty("invalid", invalid)
        repolish(widget)
    widget.setToolTip(sentence or tooltip)
    widget.setAccessibleDescription(sentence or "")


class MessageLabel(QLabel):
    """The red sentence under an input; takes no room while empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "field-message")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.setVisible(False)

    def show_message(self, sentence: str | None) -> None:
        self.setText(sentence or "")
        self.setVisible(bool(sentence))


class FieldBox(QWidget):
    """An input with its sentence underneath."""

    def __init__(
        self, editor: QWidget, parent: QWidget | None = None, *, paint: QWidget | None = None
    ) -> None:
        """``paint`` is the widget turned red when ``editor`` is a compound one."""
        super().__init__(parent)
        self.editor = editor
        self._painted = paint or editor
        self.message = MessageLabel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        layout.addWidget(self.message)
        self._hint = ""

    def set_hint(self, hint: str) -> None:
        """The tooltip shown while the input is fine."""
        self._hint = hint
        if not self.message.text():
            self._painted.setToolTip(hint)

    def set_problem(self, sentence: str | None) -> None:
        set_invalid(self._painted, sentence, self._hint)
        self.message.show_message(sentence)

    @property
    def problem(self) -> str:
        return self.message.text()


def section_label(parent: QWidget | None = None) -> QLabel:
    label = QLabel(parent)
    label.setProperty("role", "section")
    return label


def field_label(parent: QWidget | None = None) -> QLabel:
    """A label for a :class:`FieldBox`: as tall as one input row, so it lines up with the
    input and not with the sentence that may appear under it."""
    label = QLabel(parent)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    label.setMinimumHeight(INPUT_ROW_HEIGHT)
    return label


INPUT_ROW_HEIGHT = 26
