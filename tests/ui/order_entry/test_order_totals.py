"""The form's live totals, without Qt."""

from __future__ import annotations

from decimal import Decimal

from order_entry_helpers import valid_state

from axdesk.ui.order_entry.totals import compute_form_totals


def test_totals_use_the_specs_arithmetic() -> None:
    state = valid_state()
    state.lines[0].discount = "5,000"
    state.order_discount = "10000"
    totals = compute_form_totals(state)
    assert totals.lines[0].amount_per_unit == Decimal(45000)
    assert totals.lines[0].line_total == Decimal(100000)
    assert totals.sub_total == Decimal(100000)
    assert totals.total == Decimal(90000)
    state.lines[0].unit_price = "abc"
    assert compute_form_totals(state).total is None
