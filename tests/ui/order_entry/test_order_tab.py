"""The New order tab end to end: real widgets, typed into, against the sandbox over loopback."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass, replace

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCalendarWidget,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QSpinBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from axdesk.api import LineInput, OrderRequest, build_order_request, slot_datetime
from axdesk.sandbox.embedded import RunningSandbox
from axdesk.store.catalog import CatalogOption, CatalogProduct
from axdesk.store.db import transaction
from axdesk.store.journal import JournalState
from axdesk.ui.common.context import AppContext, SlotRef
from axdesk.ui.order_entry.drafts import DRAFT_KEY
from axdesk.ui.order_entry.line import LineEditor
from axdesk.ui.order_entry.request import traveler_input
from axdesk.ui.order_entry.result_panel import Outcome
from axdesk.ui.order_entry.state import PersonState
from axdesk.ui.order_entry.tab import OrderTab
from axdesk.ui.shell.bootstrap import Shell
from axdesk.ui.shell.tab import Tab

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


def build_tab(
    qtbot: QtBot,
    ctx: AppContext,
    *,
    retry_delays: tuple[float, ...] = FAST_RETRIES,
    owned_by_qtbot: bool = True,
) -> OrderTab:
    tab = OrderTab(ctx, retry_delays=retry_delays)
    if owned_by_qtbot:
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
    assert tab.bar.submit_button.isEnabled()

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
        assert ticket.ax_ticket_code
        assert ticket.ax_ticket_code in tab.result.summary_text()
    tab.result.copy_summary()
    assert QApplication.clipboard().text() == tab.result.summary_text()
    assert tab.form.state().is_blank()
    qtbot.waitUntil(lambda: app_context.journal.load_draft(DRAFT_KEY) is None, timeout=WAIT_MS)


def shown_problem(box_owner: object, name: str) -> str:
    boxes = box_owner.boxes  # type: ignore[attr-defined]
    return str(boxes[name].problem)


def test_each_rule_shows_its_sentence_next_to_the_field_while_typing(
    qtbot: QtBot, app_context: AppContext
) -> None:
    tab = build_tab(qtbot, app_context)
    purchaser = tab.form.header.purchaser

    # Required: a name typed and erased again.
    type_into(qtbot, purchaser.name_edit, "K")
    qtbot.keyClick(purchaser.name_edit, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: shown_problem(purchaser, "name") == "Enter a name.")

    # Email syntax.
    type_into(qtbot, purchaser.email_edit, "minji@example")
    qtbot.waitUntil(lambda: shown_problem(purchaser, "email") != "")
    assert shown_problem(purchaser, "email") == (
        "“minji@example” is not an email address; it should look like name@example.com."
    )
    assert purchaser.email_edit.property("invalid") is True
    qtbot.keyClicks(purchaser.email_edit, ".com")
    qtbot.waitUntil(lambda: shown_problem(purchaser, "email") == "")
    assert purchaser.email_edit.property("invalid") is False

    # Phone for its country: a US number is not a Korean one.
    type_into(qtbot, purchaser.phone_edit, "650-253-0000")
    qtbot.waitUntil(lambda: shown_problem(purchaser, "phone") != "")
    assert shown_problem(purchaser, "phone") == (
        "“650-253-0000” is not a valid phone number for +82 (KR)."
    )
    type_into(qtbot, purchaser.code_edit, "1")
    qtbot.waitUntil(lambda: shown_problem(purchaser, "phone") == "")

    # The button says why it is disabled, in its tooltip and next to it.
    assert not tab.bar.submit_button.isEnabled()
    assert "Enter a name." in tab.bar.reason_label.text()
    assert "Enter a name." in tab.bar.submit_button.toolTip()


def test_quantity_above_the_seats_left_is_refused_with_a_sentence(
    qtbot: QtBot, app_context: AppContext
) -> None:
    departure = a_departure(app_context, 1, most=10)
    tab = build_tab(qtbot, app_context)
    line = tab.form.lines[0]
    fill_line(qtbot, tab, line, departure, departure.seats + 1)
    qtbot.waitUntil(lambda: shown_problem(line, "quantity") != "")
    assert shown_problem(line, "quantity") == (
        f"Seats left at this time: {departure.seats}, but {departure.seats + 1} are asked "
        "for; lower the quantity."
    )
    assert line.travelers.model.rowCount() == departure.seats + 1
    type_into(qtbot, line.quantity_spin, str(departure.seats))
    qtbot.waitUntil(lambda: shown_problem(line, "quantity") == "")


def test_a_discount_above_the_sub_total_is_a_negative_total(
    qtbot: QtBot, app_context: AppContext
) -> None:
    departure = a_departure(app_context, 2)
    tab = build_tab(qtbot, app_context)
    a_complete_order(qtbot, tab, departure, 2)
    assert tab.bar.submit_button.isEnabled()
    sub_total = departure.option.unit_price * 2
    type_into(qtbot, tab.form.header.discount_edit, str(int(sub_total) + 1))
    qtbot.waitUntil(lambda: tab.form.totals_view.total_message.text() != "")
    assert tab.form.totals_view.total_message.text().startswith("The total is negative")
    assert not tab.bar.submit_button.isEnabled()
    assert "The total is negative" in tab.bar.submit_button.toolTip()


def test_travelers_follow_the_quantity_and_copy_buttons_fill_them(
    qtbot: QtBot, app_context: AppContext
) -> None:
    departure = a_departure(app_context, 3)
    tab = build_tab(qtbot, app_context)
    fill_purchaser(qtbot, tab)
    line = tab.form.lines[0]
    fill_line(qtbot, tab, line, departure, 3)
    model = line.travelers.model
    assert model.rowCount() == 3
    fill_travelers(qtbot, line, [["Lee Jun", "82", "010-2222-3333", "jun@example.com"]])
    qtbot.mouseClick(line.travelers.copy_first_button, Qt.MouseButton.LeftButton)
    rows = model.travelers()
    assert [(r.phone, r.email) for r in rows] == [("010-2222-3333", "jun@example.com")] * 3
    assert [r.name for r in rows] == ["Lee Jun", "", ""]
    qtbot.mouseClick(line.travelers.copy_purchaser_button, Qt.MouseButton.LeftButton)
    assert [r.name for r in model.travelers()] == ["Kim Minji"] * 3
    # Lowering the quantity keeps what was typed in the rows taken away.
    type_into(qtbot, line.quantity_spin, "1")
    assert model.rowCount() == 1
    type_into(qtbot, line.quantity_spin, "3")
    assert [r.name for r in model.travelers()] == ["Kim Minji"] * 3


def test_the_draft_survives_a_crash_and_a_close(qtbot: QtBot, app_context: AppContext) -> None:
    departure = a_departure(app_context, 2)
    tab = build_tab(qtbot, app_context, owned_by_qtbot=False)
    fill_purchaser(qtbot, tab)
    fill_line(qtbot, tab, tab.form.lines[0], departure, 2)
    fill_travelers(qtbot, tab.form.lines[0], traveler_rows(1))
    typed = tab.form.state()
    # A crash: the window goes away without shutdown(); the debounced save already ran.
    qtbot.waitUntil(
        lambda: "Traveler 1" in (app_context.journal.load_draft(DRAFT_KEY) or ""),
        timeout=WAIT_MS,
    )
    tab.hide()
    tab.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(tab))

    again = build_tab(qtbot, app_context)
    assert again.form.state() == typed
    assert again.result.outcome is Outcome.INFO
    # A close: shutdown() writes what was typed a moment ago, before the debounce.
    type_into(qtbot, again.form.header.comment_edit, "Window seats")
    again.shutdown()
    third = build_tab(qtbot, app_context)
    assert third.form.state().comment == "Window seats"


@pytest.mark.parametrize("stored", ["{not json", "[1, 2]"])
def test_an_unreadable_draft_is_kept_aside_and_the_operator_told_where(
    qtbot: QtBot, app_context: AppContext, shell: Shell, stored: str
) -> None:
    app_context.journal.save_draft(DRAFT_KEY, "{}")
    with transaction(shell.database):  # damaged behind the journal's back
        shell.database.execute("UPDATE draft SET json_text = ? WHERE key = ?", (stored, DRAFT_KEY))

    tab = build_tab(qtbot, app_context)

    qtbot.waitUntil(lambda: "could not be read" in tab.result.text.text(), timeout=WAIT_MS)
    kept = list(app_context.paths.data_dir.glob("unreadable-draft-*.json"))
    assert len(kept) == 1
    assert kept[0].read_text(encoding="utf-8") == stored
    assert str(kept[0]) in tab.result.text.text()
    assert tab.result.outcome is Outcome.INFO
    assert tab.form.state().is_blank()
    qtbot.waitUntil(lambda: app_context.journal.load_draft(DRAFT_KEY) is None, timeout=WAIT_MS)


def test_new_order_clears_the_form_and_its_draft_only_after_confirming(
    qtbot: QtBot, app_context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = build_tab(qtbot, app_context)
    fill_purchaser(qtbot, tab)
    qtbot.waitUntil(lambda: app_context.journal.load_draft(DRAFT_KEY) is not None)
    answers = iter([False, True])
    monkeypatch.setattr(tab, "ask_confirmation", lambda _title, _text: next(answers))
    qtbot.mouseClick(tab.bar.new_button, Qt.MouseButton.LeftButton)
    assert tab.form.state().purchaser.name == "Kim Minji"
    qtbot.mouseClick(tab.bar.new_button, Qt.MouseButton.LeftButton)
    assert tab.form.state().is_blank()
    qtbot.waitUntil(lambda: app_context.journal.load_draft(DRAFT_KEY) is None)


def test_a_lost_answer_after_the_commit_leaves_exactly_one_order(
    qtbot: QtBot, app_context: AppContext, sandbox: RunningSandbox
) -> None:
    departure = a_departure(app_context, 2)
    tab = build_tab(qtbot, app_context)
    a_complete_order(qtbot, tab, departure, 2)
    sandbox.state.queue_fault("commit_then_drop", "POST")
    with qtbot.waitSignal(tab.order_sent, timeout=WAIT_MS) as sent:
        qtbot.mouseClick(tab.bar.submit_button, Qt.MouseButton.LeftButton)
    code = sent.args[0]
    assert sandbox.state.order_count() == 1
    ax_orders = sandbox.state.orders_for(code)
    detail = app_context.journal.get_order(code)
    assert detail is not None
    assert detail.state is JournalState.SENT
    assert detail.attempts >= 2  # the lost answer, then the same code again
    assert [t.ax_ticket_code for t in detail.tickets] == [
        ticket.ax_ticket_code for order in ax_orders for ticket in order.tickets
    ]
    assert tab.result.outcome is Outcome.SENT


def test_an_order_left_sending_is_settled_by_the_start_up_reconciliation(
    qtbot: QtBot, app_context: AppContext, sandbox: RunningSandbox
) -> None:
    departure = a_departure(app_context, 1)
    request = one_ticket_order(departure, "Kim Minji")
    code = request.order.channel_order_code
    # axdesk stopped before the POST
    app_context.journal.record_sending(request, endpoint=sandbox.base_url)
    assert sandbox.state.order_count() == 0

    tab = build_tab(qtbot, app_context)
    with qtbot.waitSignal(tab.order_sent, timeout=WAIT_MS) as sent:
        tab.reconcile_pending()
    assert sent.args == [code]
    detail = app_context.journal.get_order(code)
    assert detail is not None
    assert detail.state is JournalState.SENT
    ax_orders = sandbox.state.orders_for(code)
    assert sandbox.state.order_count() == 1
    assert [t.ax_ticket_code for t in detail.tickets] == [
        ticket.ax_ticket_code for order in ax_orders for ticket in order.tickets
    ]
    assert tab.result.outcome is Outcome.SENT


def test_an_order_whose_server_was_not_recorded_is_checked_only_once_the_operator_confirms(
    qtbot: QtBot,
    app_context: AppContext,
    shell: Shell,
    sandbox: RunningSandbox,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    request = one_ticket_order(a_departure(app_context, 1), "Park Jisoo")
    code = request.order.channel_order_code
    app_context.journal.record_sending(request, endpoint=sandbox.base_url)
    # As if journaled before axdesk kept the server of each order (migration 2 leaves NULL).
    shell.database.execute(
        "UPDATE channel_order SET endpoint = NULL WHERE channel_order_code = ?", (code,)
    )
    tab = build_tab(qtbot, app_context)
    tab.reconcile_pending()
    wait_outcome(qtbot, tab, Outcome.UNKNOWN)
    assert "did not record which AX server" in tab.result.text.text()
    assert sandbox.state.order_count() == 0

    questions: list[str] = []
    answers = iter([False, True])

    def answer(_title: str, text: str) -> bool:
        questions.append(text)
        return next(answers)

    monkeypatch.setattr(tab, "ask_confirmation", answer)
    qtbot.mouseClick(tab.result.retry_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(questions) == 1, timeout=WAIT_MS)
    assert code in questions[0]
    assert sandbox.base_url in questions[0]
    wait_outcome(qtbot, tab, Outcome.UNKNOWN)
    assert sandbox.state.order_count() == 0
    assert app_context.journal.endpoint_of(code) is None

    with qtbot.waitSignal(tab.order_sent, timeout=WAIT_MS) as sent:
        qtbot.mouseClick(tab.result.retry_button, Qt.MouseButton.LeftButton)
    assert sent.args == [code]
    assert len(questions) == 2
    assert sandbox.state.order_count() == 1
    assert app_context.journal.endpoint_of(code) == sandbox.base_url
    assert app_context.journal.state_of(code) is JournalState.SENT


def test_unfinished_orders_of_another_server_are_counted_apart_and_left_alone(
    qtbot: QtBot, app_context: AppContext, sandbox: RunningSandbox
) -> None:
    departure = a_departure(app_context, 1)
    here = one_ticket_order(departure, "Kim Minji")
    journal = app_context.journal
    journal.record_sending(here, endpoint=sandbox.base_url)
    elsewhere = [one_ticket_order(departure, name) for name in ("Lee Jiwoo", "Choi Yuna")]
    for request in elsewhere:
        journal.record_sending(request, endpoint="https://prod.ax-cloud.com")

    tab = build_tab(qtbot, app_context)
    with qtbot.waitSignal(tab.order_sent, timeout=WAIT_MS):
        tab.reconcile_pending()
    wait_outcome(qtbot, tab, Outcome.INFO)
    text = tab.result.text.text()
    assert "1 sent, 0 refused by AX, 0 still not known" in text
    assert "2 were sent to another AX server" in text
    assert sandbox.state.order_count() == 1
    for request in elsewhere:
        assert journal.state_of(request.order.channel_order_code) is JournalState.SENDING
        assert sandbox.state.orders_for(request.order.channel_order_code) == []


def test_double_submit_makes_one_order(
    qtbot: QtBot, app_context: AppContext, sandbox: RunningSandbox
) -> None:
    departure = a_departure(app_context, 2)
    tab = build_tab(qtbot, app_context)
    a_complete_order(qtbot, tab, departure, 2)
    with qtbot.waitSignal(tab.order_sent, timeout=WAIT_MS):
        qtbot.mouseDClick(tab.bar.submit_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(tab.bar.submit_button, Qt.MouseButton.LeftButton)
        for _ in range(2):
            qtbot.keyClick(
                tab.bar.submit_button, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
            )
        tab.submit()
    qtbot.wait(300)
    assert sandbox.state.order_count() == 1
    assert len(app_context.journal.list_orders()) == 1


def test_seats_taken_meanwhile_stop_the_order_before_anything_is_sent(
    qtbot: QtBot, app_context: AppContext, sandbox: RunningSandbox
) -> None:
    departure = a_departure(app_context, 2, most=8)
    tab = build_tab(qtbot, app_context)
    a_complete_order(qtbot, tab, departure, departure.seats)
    assert tab.bar.submit_button.isEnabled()
    # Another channel takes a seat of the same departure.
    other = one_ticket_order(departure, "Other Channel")
    app_context.connection.client().create_order(other)
    assert sandbox.state.order_count() == 1

    qtbot.mouseClick(tab.bar.submit_button, Qt.MouseButton.LeftButton)
    wait_outcome(qtbot, tab, Outcome.NOT_SENT)
    assert "the seats changed" in tab.result.title.text()
    assert sandbox.state.order_count() == 1
    assert app_context.journal.list_orders() == []
    line = tab.form.lines[0]
    assert shown_problem(line, "quantity") == (
        f"Seats left at this time: {departure.seats - 1}, but {departure.seats} are asked "
        "for; lower the quantity."
    )
    assert line.quantity_spin.isEnabled()


def test_a_400_from_ax_is_shown_next_to_the_field_it_names(
    qtbot: QtBot, app_context: AppContext, sandbox: RunningSandbox
) -> None:
    departure = a_departure(app_context, 2)
    # The local catalog's mapping code went stale: only AX can tell.
    app_context.catalog.upsert_option(
        replace(departure.option, channel_product_mapping_code="stale-mapping-code")
    )
    tab = build_tab(qtbot, app_context)
    a_complete_order(qtbot, tab, departure, 2)
    assert tab.bar.submit_button.isEnabled()
    qtbot.mouseClick(tab.bar.submit_button, Qt.MouseButton.LeftButton)
    wait_outcome(qtbot, tab, Outcome.REJECTED)
    line = tab.form.lines[0]
    assert shown_problem(line, "option") == '"stale-mapping-code" is not a known mapping'
    assert line.option_combo.property("invalid") is True
    assert sandbox.state.order_count() == 0
    (summary,) = app_context.journal.list_orders()
    assert app_context.journal.state_of(summary.channel_order_code) is JournalState.REJECTED
    assert line.option_combo.isEnabled()
    assert tab.bar.submit_button.isEnabled()  # fixable and sendable again


def test_an_unknown_outcome_locks_the_form_until_check_again_settles_it(
    qtbot: QtBot, app_context: AppContext, sandbox: RunningSandbox
) -> None:
    departure = a_departure(app_context, 1)
    tab = build_tab(qtbot, app_context, retry_delays=())
    a_complete_order(qtbot, tab, departure, 1)
    sandbox.state.queue_fault("drop", "POST")
    qtbot.mouseClick(tab.bar.submit_button, Qt.MouseButton.LeftButton)
    wait_outcome(qtbot, tab, Outcome.UNKNOWN)
    code = tab.result.channel_order_code
    assert app_context.journal.state_of(code) is JournalState.UNKNOWN
    assert not tab.bar.submit_button.isEnabled()
    assert code in tab.bar.reason_label.text()
    assert not tab.form.header.isEnabled()
    assert tab.result.retry_button.isVisible()

    with qtbot.waitSignal(tab.order_sent, timeout=WAIT_MS) as sent:
        qtbot.mouseClick(tab.result.retry_button, Qt.MouseButton.LeftButton)
    assert sent.args == [code]
    assert sandbox.state.order_count() == 1
    assert app_context.journal.state_of(code) is JournalState.SENT
    assert tab.form.header.isEnabled()


def test_refresh_reads_the_catalog_and_the_seats_of_the_lines_again(
    qtbot: QtBot, app_context: AppContext, sandbox: RunningSandbox
) -> None:
    departure = a_departure(app_context, 2, most=8)
    tab = build_tab(qtbot, app_context)
    line = tab.form.lines[0]
    fill_line(qtbot, tab, line, departure, 1)
    assert f"{departure.seats} seats left" in line.time_combo.currentText()
    # Meanwhile another channel takes a seat and the catalog renames the option.
    app_context.connection.client().create_order(one_ticket_order(departure, "Other Channel"))
    app_context.catalog.upsert_option(replace(departure.option, name="Sunset cruise"))
    tab.on_shown()  # showing the tab reads the catalog, not the seats
    assert line.option_combo.currentText().startswith("Sunset cruise")
    assert f"{departure.seats} seats left" in line.time_combo.currentText()
    app_context.catalog.upsert_option(replace(departure.option, name="Night cruise"))

    tab.refresh()

    qtbot.waitUntil(
        lambda: f"{departure.seats - 1} seats left" in line.time_combo.currentText(),
        timeout=WAIT_MS,
    )
    assert line.option_combo.currentText().startswith("Night cruise")
    assert line.time_combo.currentData() == departure.start.isoformat(timespec="minutes")


def test_the_tab_keeps_the_tab_contract(qtbot: QtBot, app_context: AppContext) -> None:
    assert isinstance(build_tab(qtbot, app_context), Tab)


def test_book_this_slot_fills_a_line(qtbot: QtBot, app_context: AppContext) -> None:
    departure = a_departure(app_context, 1)
    tab = build_tab(qtbot, app_context)
    tab.prefill_slot(
        SlotRef(
            departure.product.product_code,
            departure.option.dc_code,
            departure.day,
            departure.start,
        )
    )
    line = tab.form.lines[0]
    state = line.state()
    assert (state.product_code, state.dc_code, state.date, state.start_time) == (
        departure.product.product_code,
        departure.option.dc_code,
        departure.day,
        departure.start,
    )
    assert state.unit_price == f"{departure.option.unit_price:.0f}"
    wanted = departure.start.isoformat(timespec="minutes")
    qtbot.waitUntil(lambda: "seats left" in line.time_combo.currentText(), timeout=WAIT_MS)
    assert line.time_combo.currentData() == wanted
    assert QApplication.focusWidget() is line.quantity_spin
    # A second slot goes to a new line.
    tab.prefill_slot(
        SlotRef(
            departure.product.product_code, departure.option.dc_code, departure.day, departure.start
        )
    )
    assert len(tab.form.lines) == 2


def test_every_input_and_button_has_an_accessible_name(
    qtbot: QtBot, app_context: AppContext
) -> None:
    tab = build_tab(qtbot, app_context)
    qtbot.mouseClick(tab.form.add_line_button, Qt.MouseButton.LeftButton)
    tab.form.header.same_check.setChecked(False)
    kinds = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView)
    nameless = [
        f"{type(widget).__name__} {getattr(widget, 'text', lambda: '')()!r}"
        for widget in tab.findChildren(QWidget)
        if isinstance(widget, kinds)
        and not isinstance(widget, QHeaderView)  # named by the table's column titles
        and not widget.accessibleName()
        # Qt's own parts: a spin box's line edit, a combo's list, a table's corner button.
        and not isinstance(widget.parent(), (QAbstractSpinBox, QComboBox, QAbstractItemView))
        and widget.window() is tab
        and not _inside_calendar(widget)
    ]
    assert nameless == []


def _inside_calendar(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QCalendarWidget):
            return True
        parent = parent.parentWidget()
    return False


def test_tab_key_walks_the_form_in_reading_order(qtbot: QtBot, app_context: AppContext) -> None:
    tab = build_tab(qtbot, app_context)
    person = tab.form.header.purchaser
    line = tab.form.lines[0]
    expected = [
        person.name_edit,
        person.code_edit,
        person.phone_edit,
        person.email_edit,
        person.extra_edit,
        person.additional_edit,
        tab.form.header.more_info_check,
        tab.form.header.same_check,
        tab.form.header.currency_combo,
        tab.form.header.voucher_check,
        tab.form.header.discount_edit,
        tab.form.header.method_edit,
        tab.form.header.comment_edit,
        line.product_combo,
        line.option_combo,
        line.date_edit,
        line.time_combo,
        line.quantity_spin,
        line.price_edit,
        line.discount_edit,
        line.method_edit,
        line.travelers.view,
    ]
    person.name_edit.setFocus(Qt.FocusReason.TabFocusReason)
    visited = [focused()]
    for _ in expected[1:]:
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        widget = focused()
        # A spin box's focus sits on its inner line edit.
        visited.append(
            widget.parentWidget() if isinstance(widget.parentWidget(), QSpinBox) else widget
        )
    assert visited == expected


def test_a_crash_while_the_outcome_is_unknown_reopens_locked_and_start_up_settles_it(
    qtbot: QtBot, app_context: AppContext, sandbox: RunningSandbox
) -> None:
    departure = a_departure(app_context, 1)
    tab = build_tab(qtbot, app_context, retry_delays=(), owned_by_qtbot=False)
    a_complete_order(qtbot, tab, departure, 1)
    sandbox.state.queue_fault("drop", "POST")
    qtbot.mouseClick(tab.bar.submit_button, Qt.MouseButton.LeftButton)
    wait_outcome(qtbot, tab, Outcome.UNKNOWN)
    code = tab.result.channel_order_code
    typed = tab.form.state()
    tab.hide()
    tab.deleteLater()  # axdesk dies here, without shutdown()
    qtbot.waitUntil(lambda: not shiboken6.isValid(tab))

    again = build_tab(qtbot, app_context)
    # The same order comes back, locked: it cannot be sent again under a new code.
    assert again.form.state() == typed
    assert again.result.outcome is Outcome.UNKNOWN
    assert not again.bar.submit_button.isEnabled()
    again.submit()
    assert app_context.journal.count_orders() == 1

    with qtbot.waitSignal(again.order_sent, timeout=WAIT_MS) as sent:
        again.reconcile_pending()
    assert sent.args == [code]
    assert sandbox.state.order_count() == 1
    assert app_context.journal.state_of(code) is JournalState.SENT
    assert again.form.state().is_blank()
    assert again.form.header.isEnabled()
    qtbot.waitUntil(lambda: app_context.journal.load_draft(DRAFT_KEY) is None, timeout=WAIT_MS)


def test_ctrl_enter_while_still_typing_in_a_cell_keeps_that_cell(
    qtbot: QtBot, app_context: AppContext, sandbox: RunningSandbox
) -> None:
    departure = a_departure(app_context, 1)
    tab = build_tab(qtbot, app_context)
    fill_purchaser(qtbot, tab)
    line = tab.form.lines[0]
    fill_line(qtbot, tab, line, departure, 1)
    view = line.travelers.view
    view.setFocus(Qt.FocusReason.TabFocusReason)
    view.setCurrentIndex(line.travelers.model.index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    for value in ["Choi Yuna", "82", "010-3333-4444"]:
        qtbot.keyClicks(focused(), value)
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), "yuna@example.com")  # the email cell is still being edited
    with qtbot.waitSignal(tab.order_sent, timeout=WAIT_MS) as sent:
        qtbot.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    (order,) = sandbox.state.orders_for(sent.args[0])
    detail = app_context.journal.get_order(sent.args[0])
    assert detail is not None
    assert [(t.name, t.email) for t in detail.tickets] == [("Choi Yuna", "yuna@example.com")]
    assert len(order.tickets) == 1


def test_a_representative_other_than_the_purchaser_is_checked_and_sent(
    qtbot: QtBot, app_context: AppContext
) -> None:
    departure = a_departure(app_context, 1)
    tab = build_tab(qtbot, app_context)
    a_complete_order(qtbot, tab, departure, 1)
    header = tab.form.header
    header.same_check.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(header.same_check, Qt.Key.Key_Space)
    assert not header.same_check.isChecked()
    tab.form.show_all_problems()
    qtbot.waitUntil(lambda: header.representative.boxes["name"].problem == "Enter a name.")
    assert not tab.bar.submit_button.isEnabled()
    representative = header.representative
    type_into(qtbot, representative.name_edit, "Park Sora")
    type_into(qtbot, representative.phone_edit, "010-9876-5432")
    type_into(qtbot, representative.email_edit, "sora@example.com")
    qtbot.waitUntil(tab.bar.submit_button.isEnabled)
    with qtbot.waitSignal(tab.order_sent, timeout=WAIT_MS) as sent:
        qtbot.mouseClick(tab.bar.submit_button, Qt.MouseButton.LeftButton)
    detail = app_context.journal.get_order(sent.args[0])
    assert detail is not None
    assert detail.wire_json is not None
    wire = json.loads(detail.wire_json)
    assert wire["representative"]["name"] == "Park Sora"
    assert wire["representative"]["phone"] == "01098765432"
    assert wire["purchaser"]["name"] == "Kim Minji"


def test_a_price_too_long_for_money_arithmetic_is_shown_not_raised(
    qtbot: QtBot, app_context: AppContext
) -> None:
    tab = build_tab(qtbot, app_context)
    huge = "9" * 30  # beyond Decimal's 28 digits of working precision

    qtbot.keyClicks(tab.form.lines[0].price_edit, huge)
    tab.form.revalidate()

    # (No exception in the slots; sending it is refused with the builders' sentence.)
    assert tab.bar.total_label.text().startswith("Total ₩")
    assert len(tab.bar.total_label.text().replace(",", "")) >= len("Total ₩") + 30
