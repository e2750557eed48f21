"""The form by keyboard and mouse wheel: nothing changes under the wheel unless chosen, and
Tab walks everything, in and out of the travelers table."""

from __future__ import annotations

import pytest
from order_tab_helpers import build_tab, departures
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QWidget
from pytestqt.qtbot import QtBot

from axdesk.ui.common.context import AppContext, SlotRef

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


def wheel(widget: QWidget, notches: int = -1) -> bool:
    """Turn the mouse wheel over ``widget`` (down for a negative count); True when the widget
    took the event (a real wheel event it leaves goes on to its parents, e.g. the form's scroll
    area; one sent by a test is delivered only to ``widget``)."""
    where = QPointF(widget.rect().center())
    event = QWheelEvent(
        where,
        QPointF(widget.mapToGlobal(where.toPoint())),
        QPoint(),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def value(widget: QWidget) -> object:
    if isinstance(widget, QComboBox):
        return widget.currentIndex()
    assert isinstance(widget, QAbstractSpinBox)
    return widget.text()


def test_the_wheel_changes_no_box_of_the_form_that_was_not_clicked(
    qtbot: QtBot, app_context: AppContext
) -> None:
    """Adult ₩55,000 once became Youth ₩45,000 under the wheel, and the line stayed valid."""
    departure = next(d for d in departures(app_context, 2) if len(d.product.options) > 1)
    tab = build_tab(qtbot, app_context)
    tab.resize(1200, 500)  # the form scrolls
    tab.prefill_slot(
        SlotRef(
            departure.product.product_code,
            departure.option.dc_code,
            departure.day,
            departure.start,
        )
    )
    line = tab.form.lines[0]
    line.quantity_spin.setValue(2)
    tab.form.header.purchaser.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: tab.form.header.purchaser.name_edit.hasFocus())
    boxes = [
        widget
        for widget in tab.findChildren(QWidget)
        if isinstance(widget, QComboBox | QAbstractSpinBox) and widget.isVisible()
    ]
    assert {line.product_combo, line.option_combo, line.time_combo, line.quantity_spin} <= set(
        boxes
    )
    assert tab.form.header.currency_combo in boxes
    before = {box: value(box) for box in boxes}
    taken = [box for box in boxes for notches in (-1, 1, -2) if wheel(box, notches)]
    assert {box: value(box) for box in boxes} == before
    assert line.state().dc_code == departure.option.dc_code
    assert taken == []  # passed on: the form scrolls instead

    # A box the operator clicked into takes the wheel as usual.
    qtbot.mouseClick(line.quantity_spin, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(line.quantity_spin.hasFocus)
    assert line.quantity_spin.focusPolicy() == Qt.FocusPolicy.StrongFocus
    wheel(line.quantity_spin, 1)
    assert line.quantity_spin.value() == 3
