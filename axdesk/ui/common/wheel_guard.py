"""No value changes under the mouse wheel unless the operator chose the box.

Qt gives combo and spin boxes the wheel even when they do not have the focus
(``Qt.WheelFocus``): scrolling down a long form over a product or option box
silently picks another one. :func:`guard_wheel` makes such a box take the
focus only by Tab or a click (``Qt.StrongFocus``) and lets the wheel pass it
by while it does not have the focus, so the form (or whatever holds the box)
scrolls instead. A box the operator clicked into takes the wheel as usual.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QWidget


class WheelGuard(QObject):
    """An event filter that turns a wheel event away from a box without the focus.

    The event is ignored, not eaten: Qt then offers it to the box's parents, and the
    scroll area around the form scrolls. Signals: none.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Wheel
            and isinstance(watched, QWidget)
            and not watched.hasFocus()
        ):
            event.ignore()
            return True
        return super().eventFilter(watched, event)


def guard_wheel(*boxes: QWidget) -> None:
    """Let ``boxes`` change under the wheel only while they have the focus (see above)."""
    for box in boxes:
        box.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        box.installEventFilter(WheelGuard(box))


def guard_wheel_in(root: QWidget) -> None:
    """:func:`guard_wheel` every combo and spin box inside ``root`` (and ``root`` itself)."""
    found = root.findChildren(QComboBox) + root.findChildren(QAbstractSpinBox)
    if isinstance(root, QComboBox | QAbstractSpinBox):
        found.append(root)
    guard_wheel(*found)
