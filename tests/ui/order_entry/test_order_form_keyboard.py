"""The form by keyboard and mouse wheel: nothing changes under the wheel unless chosen, and
Tab walks everything, in and out of the travelers table."""

from __future__ import annotations

import re

import pytest
from order_tab_helpers import build_tab, departures, focused
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QWidget,
)
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


def focus_target(widget: QWidget) -> QWidget:
    """The control that has the focus (a spin box's focus sits on its inner line edit)."""
    parent = widget.parentWidget()
    return parent if isinstance(parent, QAbstractSpinBox) else widget


def reachable(tab: QWidget) -> set[QWidget]:
    """Every control of the tab that Tab can reach now: shown, enabled, takes Tab focus."""
    return {
        widget
        for widget in tab.findChildren(QWidget)
        if widget.isVisible()
        and widget.isEnabled()
        and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        and widget.focusProxy() is None
        and not isinstance(widget.parentWidget(), QAbstractSpinBox | QComboBox)
    }


def walk(qtbot: QtBot, start: QWidget, key: Qt.Key) -> list[QWidget]:
    """Press ``key`` from ``start`` until the focus comes back to it; the controls met."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(start.hasFocus)
    met = [start]
    for _press in range(400):
        qtbot.keyClick(focused(), key)
        widget = focus_target(focused())
        if widget is start:
            return met
        if widget is not met[-1]:
            met.append(widget)
    names = [f"{type(w).__name__} {w.accessibleName()!r}" for w in met[-40:]]
    raise AssertionError(f"{key.name} never came back to the start; stuck at {names}")


def test_tab_and_shift_tab_walk_the_whole_form_in_and_out_of_the_travelers_table(
    qtbot: QtBot, app_context: AppContext
) -> None:
    """Tab, Shift+Tab and Ctrl+Tab never left the travelers table."""
    tab = build_tab(qtbot, app_context)
    qtbot.mouseClick(tab.form.add_line_button, Qt.MouseButton.LeftButton)
    first = tab.form.lines[0]
    first.quantity_spin.setValue(2)  # two rows of six cells
    start = tab.form.header.purchaser.name_edit

    forward = walk(qtbot, start, Qt.Key.Key_Tab)
    assert set(forward) == reachable(tab)
    table = first.travelers
    assert forward.index(table.view) + 1 == forward.index(table.copy_purchaser_button)
    backward = walk(qtbot, start, Qt.Key.Key_Backtab)
    assert backward == [start, *reversed(forward[1:])]

    # Ctrl+Tab leaves the table from any cell, either way.
    table.view.setFocus(Qt.FocusReason.MouseFocusReason)
    table.view.setCurrentIndex(table.model.index(0, 2))
    qtbot.keyClick(table.view, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert focused() is table.copy_purchaser_button
    table.view.setFocus(Qt.FocusReason.MouseFocusReason)
    table.view.setCurrentIndex(table.model.index(1, 3))
    qtbot.keyClick(
        table.view,
        Qt.Key.Key_Backtab,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert focus_target(focused()) is forward[forward.index(table.view) - 1]


def test_tab_while_typing_in_the_last_cell_goes_on_to_the_buttons(
    qtbot: QtBot, app_context: AppContext
) -> None:
    tab = build_tab(qtbot, app_context)
    table = tab.form.lines[0].travelers
    view = table.view
    view.setFocus(Qt.FocusReason.TabFocusReason)
    view.setCurrentIndex(table.model.index(0, table.model.columnCount() - 1))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    qtbot.keyClicks(focused(), "passport=M1234")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is table.copy_purchaser_button
    assert table.model.travelers()[0].additional == [("passport", "M1234")]


def test_the_copy_buttons_have_shortcut_letters_of_their_own(
    qtbot: QtBot, app_context: AppContext
) -> None:
    tab = build_tab(qtbot, app_context)
    table = tab.form.lines[0].travelers
    letters: dict[str, list[QWidget]] = {}
    for widget in tab.findChildren(QWidget):
        text = widget.text() if isinstance(widget, QAbstractButton | QLabel) else ""
        for letter in re.findall(r"(?<!&)&(\w)", text):
            letters.setdefault(letter.casefold(), []).append(widget)
    for button in (table.copy_purchaser_button, table.copy_first_button):
        found = re.findall(r"(?<!&)&(\w)", button.text())
        assert len(found) == 1, button.text()
        assert letters[found[0].casefold()] == [button]
        # Not a letter of the window's menus or tabs either (File, Connection, Catalog,
        # View, Help; Inventory, New order, Orders).
        assert found[0].casefold() not in "fcavhino"
