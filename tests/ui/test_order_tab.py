"""The New order tab end to end: real widgets, typed into, against the sandbox over loopback."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from axdesk.sandbox.embedded import RunningSandbox
from axdesk.store.catalog import CatalogOption, CatalogProduct
from axdesk.store.journal import JournalState
from axdesk.ui.context import AppContext
from axdesk.ui.order_line import LineEditor
from axdesk.ui.order_result import Outcome
from axdesk.ui.order_tab import DRAFT_KEY, OrderTab

pytestmark = [
    pytest.mark.e2e,
    # The offscreen platform says this whenever a window's minimum size changes (the
    # travelers table grows with the quantity); it is a notice about the plugin, not a fault.
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

FAST_RETRIES = (0.05, 0.2, 0.5)
WAIT_MS = 15_000


# --- finding bookable departures in the sandbox ----------------------------------


@dataclass(frozen=True)
class Departure:
    product: CatalogProduct
    option: CatalogOption
    day: dt.date
    start: dt.time
    seats: int


def departures(ctx: AppContext, seats: int) -> Iterator[Departure]:
    """Bookable departures with at least ``seats`` seats left, by product and option."""
    client = ctx.connection.client()
    for product in ctx.catalog.list_products():
        inventory = client.get_inventory(product.product_code)
        for option in product.options:
            for slot in inventory.options.get(option.dc_code, []):
                if slot.is_bookable and slot.remain_quantity >= seats:
                    yield Departure(
                        product, option, slot.date, slot.start_time, slot.remain_quantity
                    )


def two_options_same_day(ctx: AppContext) -> tuple[Departure, Departure]:
    """Two options of one product, bookable (3 and 2 seats) on the same day."""
    found = list(departures(ctx, 3))
    for first in found:
        for second in found:
            if (
                first.product.product_code == second.product.product_code
                and first.option.dc_code != second.option.dc_code
                and first.day == second.day
                and first.option.currency == "KRW"
            ):
                return first, second
    raise AssertionError("the demo catalog has no product with two options on one day")


def a_departure(ctx: AppContext, seats: int = 3, *, most: int | None = None) -> Departure:
    for departure in departures(ctx, seats):
        if departure.option.currency == "KRW" and (most is None or departure.seats <= most):
            return departure
    raise AssertionError("no bookable departure")


# --- typing into the real widgets ------------------------------------------------------


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def type_into(qtbot: QtBot, widget: QWidget, text: str, *, clear: bool = True) -> None:
    """Click into ``widget`` and type ``text`` there, key by key."""
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget, timeout=2000)
    if clear:
        qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(widget, Qt.Key.Key_Delete)
    qtbot.keyClicks(widget, text)


def choose_by_keyboard(qtbot: QtBot, combo: QWidget, data: str) -> None:
    """Pick the combo item carrying ``data`` with the arrow keys."""
    from PySide6.QtWidgets import QComboBox

    assert isinstance(combo, QComboBox)
    combo.setFocus(Qt.FocusReason.TabFocusReason)
    target = combo.findData(data)
    assert target >= 0, f"{data!r} is not offered"
    while combo.currentIndex() != target:
        key = Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up
        before = combo.currentIndex()
        qtbot.keyClick(combo, key)
        assert combo.currentIndex() != before, "the arrow key did not move (item disabled?)"


def fill_travelers(qtbot: QtBot, line: LineEditor, rows: list[list[str]]) -> None:
    """Type each traveler's cells: F2 opens the first cell, Tab moves on still editing."""
    view = line.travelers.view
    view.setFocus(Qt.FocusReason.TabFocusReason)
    view.setCurrentIndex(line.travelers.model.index(0, 0))
    for row_number, row in enumerate(rows):
        view.setCurrentIndex(line.travelers.model.index(row_number, 0))
        qtbot.keyClick(view, Qt.Key.Key_F2)
        for value in row:
            editor = focused()
            qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
            qtbot.keyClicks(editor, value)
            qtbot.keyClick(editor, Qt.Key.Key_Tab)
        qtbot.keyClick(focused(), Qt.Key.Key_Escape)


def fill_line(
    qtbot: QtBot, tab: OrderTab, line: LineEditor, departure: Departure, quantity: int
) -> None:
    choose_by_keyboard(qtbot, line.product_combo, departure.product.product_code)
    choose_by_keyboard(qtbot, line.option_combo, departure.option.dc_code)
    type_into(qtbot, line.date_edit, departure.day.isoformat())
    wanted = departure.start.isoformat(timespec="minutes")
    qtbot.waitUntil(lambda: line.time_combo.findData(wanted) > 0, timeout=WAIT_MS)
    choose_by_keyboard(qtbot, line.time_combo, wanted)
    type_into(qtbot, line.quantity_spin, str(quantity))


def fill_purchaser(qtbot: QtBot, tab: OrderTab) -> None:
    purchaser = tab.form.header.purchaser
    type_into(qtbot, purchaser.name_edit, "Kim Minji")
    type_into(qtbot, purchaser.phone_edit, "010-1234-5678")
    type_into(qtbot, purchaser.email_edit, "minji@example.com")


def traveler_rows(count: int, start: int = 1) -> list[list[str]]:
    return [
        [f"Traveler {n}", "82", f"010-5555-{1000 + n}", f"t{n}@example.com"]
        for n in range(start, start + count)
    ]


def build_tab(qtbot: QtBot, ctx: AppContext, **kwargs: object) -> OrderTab:
    tab = OrderTab(ctx, retry_delays=kwargs.pop("retry_delays", FAST_RETRIES))  # type: ignore[arg-type]
    qtbot.addWidget(tab)
    tab.resize(1200, 900)
    tab.show()
    tab.activateWindow()
    qtbot.waitExposed(tab)
    qtbot.waitUntil(tab.isActiveWindow, timeout=2000)
    return tab


def a_complete_order(qtbot: QtBot, tab: OrderTab, departure: Departure, quantity: int = 2) -> None:
    fill_purchaser(qtbot, tab)
    line = tab.form.lines[0]
    fill_line(qtbot, tab, line, departure, quantity)
    fill_travelers(qtbot, line, traveler_rows(quantity))
    tab.form.revalidate()


def wait_outcome(qtbot: QtBot, tab: OrderTab, *outcomes: Outcome) -> None:
    qtbot.waitUntil(lambda: not tab._busy and tab.result.outcome in outcomes, timeout=WAIT_MS)


# --- the tests -------------------------------------------------------------------------


def test_two_option_order_typed_from_the_keyboard_reaches_ax_and_the_journal(
    qtbot: QtBot, app_context: AppContext, sandbox: RunningSandbox
) -> None:
    first, second = two_options_same_day(app_context)
    tab = build_tab(qtbot, app_context)
    fill_purchaser(qtbot, tab)
    fill_line(qtbot, tab, tab.form.lines[0], first, 3)
    fill_travelers(qtbot, tab.form.lines[0], traveler_rows(3))
    qtbot.mouseClick(tab.form.add_line_button, Qt.MouseButton.LeftButton)
    assert len(tab.form.lines) == 2
    fill_line(qtbot, tab, tab.form.lines[1], second, 2)
    fill_travelers(qtbot, tab.form.lines[1], traveler_rows(2, start=4))
    tab.form.revalidate()
    assert tab.form.issues == []
    assert tab.submit_button.isEnabled()

    with qtbot.waitSignal(tab.order_sent, timeout=WAIT_MS) as sent:
        qtbot.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    code = sent.args[0]

    ax_orders = sandbox.state.orders_for(code)
    assert [len(order.tickets) for order in ax_orders] == [3, 2]
    detail = app_context.journal.get_order(code)
    assert detail is not None
    assert detail.state is JournalState.SENT
    assert [line.ax_order.ax_order_code for line in detail.lines if line.ax_order] == [
        order.ax_order_code for order in ax_orders
    ]
    assert [t.ax_ticket_code for t in detail.tickets] == [
        ticket.ax_ticket_code for order in ax_orders for ticket in order.tickets
    ]
    assert [t.name for t in detail.tickets] == [f"Traveler {n}" for n in range(1, 6)]
    assert tab.result.outcome is Outcome.SENT
    for ticket in detail.tickets:
        assert ticket.ax_ticket_code in tab.result.summary_text()
    tab.result.copy_summary()
    assert QApplication.clipboard().text() == tab.result.summary_text()
    assert tab.form.state().is_blank()
    qtbot.waitUntil(lambda: app_context.journal.load_draft(DRAFT_KEY) is None, timeout=WAIT_MS)
