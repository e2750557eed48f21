"""The one message bar: a calm, dismissible sentence above a window's or a tab's content.

No modal box, no beep. The main window shows here the problems no tab
handled (``Worker.error_reported``), the result of a catalog import and
start-up warnings; the Inventory tab shows the outcome of its own actions
and its data warnings.

- Three kinds: :data:`INFO`, :data:`WARNING` and :data:`PROBLEM`, each with its
  icon and tint (blended into the palette's base colour, so it reads on light
  and dark themes).
- Optional details (the tooltip of the sentence), e.g. the client's own
  English sentence when the bar shows a translated one.
- A problem shown while a problem is shown is appended below it (the main
  window's bar collects unrelated problems); a bar that reports the state of
  one thing (``append_problems=False``) replaces its sentence instead.
- An optional action button (:attr:`NoticeBar.action`, hidden until its owner
  shows it) and a close button that dismisses the message.
- Sentences given as :class:`~axdesk.ui.common.live_text.LiveText` (errors, the
  store's problems) are said again in the new language after a live switch.
- Accessible names follow the language: the sentence is named by its kind,
  the close button "Dismiss this message" unless its owner names it
  (:meth:`NoticeBar.set_close_name`), and the bar's accessible description is
  the sentence.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStyle,
    QToolButton,
    QWidget,
)

from axdesk.ui.common.live_text import again

INFO = "info"
WARNING = "warning"
PROBLEM = "problem"
KINDS = (INFO, WARNING, PROBLEM)

_TINTS = {INFO: "#1e88e5", WARNING: "#e08600", PROBLEM: "#c62828"}
_ICONS = {
    INFO: QStyle.StandardPixmap.SP_MessageBoxInformation,
    WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
    PROBLEM: QStyle.StandardPixmap.SP_MessageBoxCritical,
}
_BACKGROUND_TINT = 0.1  # how much of the kind's colour goes into the background


def _tinted(base: QColor, tint: QColor, amount: float) -> QColor:
    """``amount`` of ``tint`` over ``base``."""
    keep = 1.0 - amount
    return QColor(
        round(base.red() * keep + tint.red() * amount),
        round(base.green() * keep + tint.green() * amount),
        round(base.blue() * keep + tint.blue() * amount),
    )


class NoticeBar(QFrame):
    """An icon, a sentence (plain text, selectable, wrapped), an optional action button and
    a close button; hidden when empty.

    Signals: none (connect to :attr:`action` ``.clicked`` for the action button).
    """

    def __init__(self, parent: QWidget | None = None, *, append_problems: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBar")
        self.kind = INFO
        self._append_problems = append_problems
        self._close_name = ""
        self._parts: list[tuple[str, str]] = []  # (sentence, details) shown, in order
        self.icon = QLabel(self)
        self.icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.text = QLabel(self)
        self.text.setTextFormat(Qt.TextFormat.PlainText)  # codes, names, server words: no markup
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.action = QPushButton(self)
        self.action.hide()
        self.close_button = QToolButton(self)
        self.close_button.setAutoRaise(True)
        self.close_button.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_TitleBarCloseButton)
        )
        self.close_button.clicked.connect(self.clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.setSpacing(8)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.action)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.setVisible(False)
        self.retranslate_ui()

    def show_notice(self, kind: str, sentence: str, details: str = "") -> None:
        """Show ``sentence`` (``details`` as its tooltip); a problem while a problem is
        shown is appended, unless the bar was made with ``append_problems=False``."""
        if kind not in KINDS:
            raise ValueError(f"unknown notice kind {kind!r}")
        appending = self._append_problems and kind == PROBLEM and self.kind == PROBLEM
        if appending and not self.isHidden():
            self._parts.append((sentence, details))
        else:
            self._parts = [(sentence, details)]
        self.kind = kind
        tint = QColor(_TINTS[kind])
        base = self.palette().color(QPalette.ColorRole.Base)
        self.setStyleSheet(
            f"QFrame#noticeBar {{ background: {_tinted(base, tint, _BACKGROUND_TINT).name()};"
            f" border: 1px solid {tint.name()}; border-left: 4px solid {tint.name()};"
            " border-radius: 4px; }"
        )
        size = max(16, self.fontMetrics().height())
        self.icon.setPixmap(self.style().standardIcon(_ICONS[kind]).pixmap(size, size))
        self._show_parts()
        self.retranslate_ui()
        self.setVisible(True)

    def _show_parts(self) -> None:
        sentence = "\n".join(part for part, _details in self._parts)
        details = "\n".join(details for _part, details in self._parts if details)
        self.text.setText(sentence)
        self.text.setToolTip(details)
        self.setAccessibleDescription(sentence)

    def clear(self) -> None:
        """Dismiss the message (the close button does the same)."""
        self._parts = []
        self.text.clear()
        self.text.setToolTip("")
        self.setAccessibleDescription("")
        self.setVisible(False)

    def set_close_name(self, name: str) -> None:
        """Name the close button after what it dismisses (its owner retranslates it)."""
        self._close_name = name
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.close_button.setToolTip(self._close_name or self.tr("Dismiss"))
        self.close_button.setAccessibleName(self._close_name or self.tr("Dismiss this message"))
        names = {INFO: self.tr("Note"), WARNING: self.tr("Warning"), PROBLEM: self.tr("Problem")}
        self.text.setAccessibleName(names[self.kind])

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            if self._parts:
                self._parts = [(again(part), again(details)) for part, details in self._parts]
                self._show_parts()
        super().changeEvent(event)
