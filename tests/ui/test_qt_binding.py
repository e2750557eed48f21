"""Guards against a Qt binding that corrupts Python's reference counts.

PySide6 6.12.0 on Python 3.11 drops one reference to ``None`` on every Qt
method that returns nothing (and one to ``True`` per signal emit); after a
few minutes of repainting, the interpreter aborts with "deallocating None".
pyproject pins a release below it; this test fails if a release with the
same fault is installed.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

CALLS = 1000


class _Emitter(QObject):
    fired = Signal(int)


def test_void_qt_calls_and_emits_keep_reference_counts(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    emitter = _Emitter()
    none_before = sys.getrefcount(None)
    true_before = sys.getrefcount(True)
    for number in range(CALLS):
        label.setText(str(number))
        label.setEnabled(True)
        emitter.fired.emit(number)
    assert none_before - sys.getrefcount(None) < CALLS // 10
    assert true_before - sys.getrefcount(True) < CALLS // 10
