"""The rules for one line of the order (option, seats, prices), without Qt."""

from __future__ import annotations

import datetime as dt

from order_entry_helpers import TODAY, fields, valid_state

from axdesk.ui.order_entry.rules.lines import SlotAvailability
from axdesk.ui.order_entry.state import LineState


def test_quantity_above_the_seats_left_is_refused() -> None:
    state = valid_state()
    found = fields(state, availability=[SlotAvailability(seats_left=1)])
    assert found["lines[0].quantity"] == (
        "Seats left at this time: 1, but 2 are asked for; lower the quantity."
    )
    sold_out = fields(state, availability=[SlotAvailability(seats_left=0)])
    assert sold_out["lines[0].quantity"] == "This departure is sold out; pick another time."


def test_two_lines_on_one_departure_share_its_seats() -> None:
    state = valid_state()
    second = LineState.from_dict(state.lines[0].to_dict())
    state.lines.append(second)
    seats = SlotAvailability(seats_left=3)
    found = fields(state, availability=[seats, seats])
    assert found["lines[1].quantity"] == (
        "Lines 1, 2 together want 4 seats of the same departure, but only 3 are left."
    )


def test_amounts_follow_the_currency() -> None:
    state = valid_state()
    state.lines[0].unit_price = "12.5"
    assert fields(state)["lines[0].unit_price"] == "KRW amounts are whole numbers."
    state.currency = "USD"
    assert "lines[0].unit_price" not in fields(state)
    state.lines[0].unit_price = "12.505"
    assert fields(state)["lines[0].unit_price"] == "USD amounts have at most 2 decimals."
    state.lines[0].unit_price = "twelve"
    assert fields(state)["lines[0].unit_price"] == "“twelve” is not an amount."
    state.lines[0].unit_price = "10"
    state.lines[0].discount = "11"
    assert fields(state)["lines[0].discount"] == (
        "The discount per ticket ($11.00) is more than the unit price ($10.00)."
    )


def test_an_option_must_be_in_the_catalog_and_sold_in_the_orders_currency() -> None:
    state = valid_state()
    assert fields(state, known_options={("P1", "D1"): "KRW"}) == {}
    assert fields(state, known_options={("P1", "D2"): "KRW"})["lines[0].option"] == (
        "This option is no longer in the catalog; choose another one."
    )
    assert fields(state, known_options={("P1", "D1"): "USD"})["lines[0].option"] == (
        "This option is sold in USD, but the order is in KRW; change the order's currency."
    )


def test_a_departure_already_gone_is_refused_with_a_sentence() -> None:
    """By the supplier's clock: today's 09:00 is gone at 09:43; the 10:00 is not."""
    state = valid_state()
    line = state.lines[0]
    line.date = TODAY
    line.start_time = dt.time(9, 0)
    now = dt.datetime.combine(TODAY, dt.time(9, 43))
    assert fields(state, now=now)["lines[0].time"] == (
        "This departure left at 09:00; choose a later one."
    )
    line.start_time = dt.time(10, 0)
    assert "lines[0].time" not in fields(state, now=now)
