"""The rules of the whole New order, without Qt."""

from __future__ import annotations

from order_entry_helpers import fields, valid_state

from axdesk.ui.order_entry.rules.lines import SlotAvailability
from axdesk.ui.order_entry.rules.order import issues_by_field, validate_order


def test_a_complete_form_has_no_issue() -> None:
    assert fields(valid_state(), availability=[SlotAvailability(seats_left=5)]) == {}


def test_required_fields_each_say_what_to_enter() -> None:
    state = valid_state()
    state.purchaser.name = "  "
    state.purchaser.email = ""
    state.lines[0].travelers[1].phone = ""
    state.lines[0].unit_price = ""
    state.lines[0].start_time = None
    found = fields(state)
    assert found["purchaser.name"] == "Enter a name."
    assert found["purchaser.email"] == "Enter an email address."
    assert found["lines[0].travelers[1].phone"] == "Enter a phone number."
    assert found["lines[0].unit_price"] == "Enter a price."
    assert found["lines[0].time"] == "Choose a start time."


def test_a_discount_larger_than_the_sub_total_makes_a_negative_total() -> None:
    state = valid_state()
    state.order_discount = "100001"
    found = fields(state)
    assert found["order.total"] == (
        "The total is negative: the discount (₩100,001) is larger than the sub-total (₩100,000)."
    )
    state.order_discount = "100000"
    assert "order.total" not in fields(state)


def test_empty_required_fields_are_marked_missing_and_wrong_values_are_not() -> None:
    state = valid_state()
    state.purchaser.name = ""
    state.purchaser.email = "nope"
    by_field = issues_by_field(validate_order(state))
    assert by_field["purchaser.name"].missing
    assert not by_field["purchaser.email"].missing
