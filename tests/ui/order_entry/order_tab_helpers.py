"""Finding bookable departures in the sandbox and typing into the New order tab's real widgets."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from axdesk.api import LineInput, OrderRequest, build_order_request, slot_datetime
from axdesk.store.catalog import CatalogOption, CatalogProduct
from axdesk.store.reconcile import DEFAULT_SETTLE_WINDOW
from axdesk.ui.common.context import AppContext, supplier_zone
from axdesk.ui.order_entry.line import LineEditor
from axdesk.ui.order_entry.request import traveler_input
from axdesk.ui.order_entry.result_panel import Outcome
from axdesk.ui.order_entry.state import PersonState
from axdesk.ui.order_entry.tab import OrderTab

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
    """Bookable departures with at least ``seats`` seats left, by product and option, that
    leave more than an hour from now by the supplier's clock (the demo starts today)."""
    client = ctx.connection.client()
    soon = dt.datetime.now(supplier_zone(ctx.connection.supplier_timezone)) + dt.timedelta(hours=1)
    later = (soon.date(), soon.time().replace(tzinfo=None))
    for product in ctx.catalog.list_products():
        inventory = client.get_inventory(product.product_code)
        for option in product.options:
            for slot in inventory.options.get(option.dc_code, []):
                if (
                    slot.is_bookable
                    and slot.remain_quantity >= seats
                    and (slot.date, slot.start_time.replace(tzinfo=None)) > later
                ):
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


def tell_ax_repeats_orders(ctx: AppContext) -> None:
    """Say in the connection profile what the sandbox does: it answers a repeated order code
    with the order it already made."""
    profile = ctx.connection.profile
    assert profile is not None
    ctx.connection.use(replace(profile, same_order_on_repeat=True), ctx.connection.client())


def build_tab(
    qtbot: QtBot,
    ctx: AppContext,
    *,
    retry_delays: tuple[float, ...] = FAST_RETRIES,
    settle_window: float = DEFAULT_SETTLE_WINDOW,
    owned_by_qtbot: bool = True,
    wait_for_draft: bool = True,
) -> OrderTab:
    """The tab, shown, with its catalog read and (``wait_for_draft``) its saved draft read."""
    tab = OrderTab(ctx, retry_delays=retry_delays, settle_window=settle_window)
    if owned_by_qtbot:
        qtbot.addWidget(tab, before_close_func=OrderTab.shutdown)  # as the window closes it
    tab.resize(1200, 900)
    tab.show()
    tab.activateWindow()
    qtbot.waitExposed(tab)
    qtbot.waitUntil(tab.isActiveWindow, timeout=2000)
    wait_for_catalog(qtbot, tab)
    if wait_for_draft:
        qtbot.waitUntil(lambda: tab.drafts.is_restored, timeout=WAIT_MS)
    return tab


def wait_for_catalog(qtbot: QtBot, tab: OrderTab) -> None:
    """Wait until the catalog the form asked for is in (it is read on the worker)."""
    qtbot.waitUntil(lambda: not tab.form.reading_catalog, timeout=WAIT_MS)


def a_complete_order(qtbot: QtBot, tab: OrderTab, departure: Departure, quantity: int = 2) -> None:
    fill_purchaser(qtbot, tab)
    line = tab.form.lines[0]
    fill_line(qtbot, tab, line, departure, quantity)
    fill_travelers(qtbot, line, traveler_rows(quantity))
    tab.form.revalidate()


def one_ticket_order(departure: Departure, name: str) -> OrderRequest:
    """A one-traveler order for ``departure``, built without the form."""
    person = traveler_input(
        PersonState(name=name, phone="010-1234-5678", email="someone@example.com")
    )
    line = LineInput(
        departure.option.channel_product_mapping_code,
        departure.option.dc_code,
        slot_datetime(departure.day, departure.start),
        departure.option.unit_price,
        [person],
    )
    return build_order_request([line], person, currency=departure.option.currency)


def wait_outcome(qtbot: QtBot, tab: OrderTab, *outcomes: Outcome) -> None:
    qtbot.waitUntil(
        lambda: not tab.sending.busy and tab.result.outcome in outcomes, timeout=WAIT_MS
    )


# --- the tests -------------------------------------------------------------------------


def shown_problem(box_owner: object, name: str) -> str:
    boxes = box_owner.boxes  # type: ignore[attr-defined]
    return str(boxes[name].problem)
