"""Lines of the order: Add line starts from the previous line, a price far below the
catalog's asks once, and a sent order clears the form without building it again."""

from __future__ import annotations

import pytest
import shiboken6
from order_tab_helpers import (
    WAIT_MS,
    a_complete_order,
    a_departure,
    build_tab,
    departures,
    type_into,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from axdesk.ui.common.context import AppContext, SlotRef
from axdesk.ui.common.money_text import format_money
from axdesk.ui.order_entry.line import LineEditor
from axdesk.ui.order_entry.state import OrderFormState

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


def test_add_line_starts_from_the_previous_lines_product_date_and_time(
    qtbot: QtBot, app_context: AppContext
) -> None:
    departure = next(d for d in departures(app_context, 1) if len(d.product.options) > 1)
    tab = build_tab(qtbot, app_context)
    tab.prefill_slot(
        SlotRef(
            departure.product.product_code, departure.option.dc_code, departure.day, departure.start
        )
    )
    qtbot.mouseClick(tab.form.add_line_button, Qt.MouseButton.LeftButton)
    second = tab.form.lines[1].state()
    assert (second.product_code, second.date, second.start_time) == (
        departure.product.product_code,
        departure.day,
        departure.start,
    )
    assert second.dc_code == ""  # another option: that is what the second line is for
    assert second.unit_price == ""
    assert QApplication.focusWidget() is tab.form.lines[1].option_combo


def test_a_unit_price_far_below_the_catalogs_asks_before_sending(
    qtbot: QtBot, app_context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """₩2 typed for a ₩55,000 option: a slip of the finger, or a price agreed on the phone."""
    departure = a_departure(app_context, 2)
    tab = build_tab(qtbot, app_context)
    a_complete_order(qtbot, tab, departure, 2)
    type_into(qtbot, tab.form.lines[0].price_edit, "2")
    tab.form.revalidate()
    assert tab.bar.submit_button.isEnabled()
    asked: list[str] = []
    answers = iter([False, True])

    def ask(_title: str, text: str) -> bool:
        asked.append(text)
        return next(answers)

    monkeypatch.setattr(tab, "ask_confirmation", ask)
    with qtbot.assert_not_emitted(tab.order_sent, wait=300):
        qtbot.mouseClick(tab.bar.submit_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1
    catalog = format_money(departure.option.unit_price, departure.option.currency)
    assert asked[0] == (
        f"Line 1: the unit price ₩2 is far below the catalog's {catalog}.\n\n"
        "Send the order at this price?"
    )
    assert not tab.sending.busy
    assert tab.form.state().lines[0].unit_price == "2"  # nothing was lost
    with qtbot.waitSignal(tab.order_sent, timeout=WAIT_MS):
        qtbot.mouseClick(tab.bar.submit_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 2


def test_a_low_price_once_confirmed_is_not_asked_again(
    qtbot: QtBot, app_context: AppContext
) -> None:
    departure = a_departure(app_context, 1)
    tab = build_tab(qtbot, app_context)
    a_complete_order(qtbot, tab, departure, 1)
    form = tab.form
    type_into(qtbot, form.lines[0].price_edit, "2")
    asked: list[str] = []

    def yes(_title: str, text: str) -> bool:
        asked.append(text)
        return True

    assert form.confirm_low_prices(form.state(), yes)
    assert form.confirm_low_prices(form.state(), yes)
    assert len(asked) == 1
    type_into(qtbot, form.lines[0].price_edit, "3")  # another price: asked again
    assert form.confirm_low_prices(form.state(), yes)
    assert len(asked) == 2
    type_into(qtbot, form.lines[0].price_edit, str(departure.option.unit_price))
    assert form.confirm_low_prices(form.state(), lambda _t, _x: False)  # not low: not asked


def line_widgets(line: LineEditor) -> list[QWidget]:
    return [
        *line.inputs.values(),
        *line.boxes.values(),
        *line.labels.values(),
        line.travelers.view,
        line.travelers.copy_purchaser_button,
        line.travelers.copy_first_button,
        line.title,
        line.remove_button,
        line.figures_label,
    ]


def test_a_sent_order_clears_the_form_without_building_its_line_again(
    qtbot: QtBot, app_context: AppContext
) -> None:
    """Rebuilding the line editor took ~35 ms of the GUI thread in one callback after each
    send (issue 13): the form is cleared in place, its first line kept and emptied."""
    departure = a_departure(app_context, 3)
    tab = build_tab(qtbot, app_context)
    a_complete_order(qtbot, tab, departure, 2)
    (first,) = tab.form.lines
    widgets = line_widgets(first)
    with qtbot.waitSignal(tab.order_sent, timeout=WAIT_MS):
        qtbot.mouseClick(tab.bar.submit_button, Qt.MouseButton.LeftButton)

    assert tab.form.lines == [first]
    assert line_widgets(first) == widgets
    assert all(shiboken6.isValid(widget) for widget in widgets)
    assert tab.form.state() == OrderFormState()
    assert first.travelers.model.rowCount() == 1
    assert first.time_combo.count() == 1  # "Choose a time…"
    assert first.quantity_spin.value() == 1
    assert first.boxes["time"].problem == ""
    assert first.figures_label.text() == "Enter the unit price to see the line total."


def test_a_form_of_several_lines_keeps_its_first_line_when_cleared(
    qtbot: QtBot, app_context: AppContext
) -> None:
    departure = a_departure(app_context, 1)
    tab = build_tab(qtbot, app_context)
    a_complete_order(qtbot, tab, departure, 1)
    tab.form.add_line()
    tab.form.add_line()
    first = tab.form.lines[0]
    others = tab.form.lines[1:]
    widgets = line_widgets(first)
    tab.form.set_state(OrderFormState())
    assert tab.form.lines == [first]
    assert line_widgets(first) == widgets
    qtbot.waitUntil(lambda: not any(shiboken6.isValid(line) for line in others))
    assert tab.form.state() == OrderFormState()
