"""The rules for the whole New order: people, currency, lines, discount and total (no Qt)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from decimal import Decimal

from axdesk.api.money import CURRENCIES
from axdesk.ui.common.money_text import format_money
from axdesk.ui.order_entry.rules.issue import QT_TRANSLATE_NOOP, Collector, Issue, required_sentence
from axdesk.ui.order_entry.rules.lines import (
    SlotAvailability,
    check_amount,
    validate_line,
    validate_shared_slots,
)
from axdesk.ui.order_entry.rules.people import validate_person
from axdesk.ui.order_entry.state import OrderFormState
from axdesk.ui.order_entry.totals import FormTotals, compute_form_totals


def validate_order(
    state: OrderFormState,
    *,
    availability: Sequence[SlotAvailability | None] = (),
    known_options: Mapping[tuple[str, str], str] | None = None,
    today: dt.date | None = None,
    now: dt.datetime | None = None,
    totals: FormTotals | None = None,
) -> list[Issue]:
    """Every problem of the form, in the order the fields appear.

    ``availability[i]`` is what the inventory says about line ``i``'s slot (None
    or missing: not known yet, which is not an error here; the seats are
    checked again just before sending). ``known_options`` maps the catalog's
    (product code, option code) pairs to the option's currency; ``today`` is
    the supplier's date and ``now`` its local time (a departure gone by then is
    refused; ``today`` is then ``now``'s date unless given).
    """
    if today is None and now is not None:
        today = now.date()
    out = Collector()
    validate_person(state.purchaser, "purchaser", out)
    if not state.representative_same:
        validate_person(state.representative, "representative", out)
    if state.currency not in CURRENCIES:
        out.add(
            "order.currency",
            (
                QT_TRANSLATE_NOOP("OrderValidation", "Choose the currency: %1."),
                (", ".join(CURRENCIES),),
            ),
        )
    currency = state.currency
    if not state.lines:
        out.add(
            "order.lines",
            (required_sentence(QT_TRANSLATE_NOOP("OrderValidation", "Add at least one line.")), ()),
        )
    for index, line in enumerate(state.lines):
        slot = availability[index] if index < len(availability) else None
        validate_line(out, index, line, currency, slot, known_options, today, now)
    validate_shared_slots(out, state.lines, availability)
    out.add("order.discount", check_amount(state.order_discount, currency, required=False))
    totals = totals or compute_form_totals(state)
    if totals.total is not None and totals.total < 0 and totals.sub_total is not None:
        out.add(
            "order.total",
            (
                QT_TRANSLATE_NOOP(
                    "OrderValidation",
                    "The total is negative: the discount (%1) is larger than the sub-total (%2).",
                ),
                (
                    format_money(totals.order_discount or Decimal(0), currency),
                    format_money(totals.sub_total, currency),
                ),
            ),
        )
    return out.issues


def issues_by_field(issues: Sequence[Issue]) -> dict[str, Issue]:
    """The first issue of each field."""
    first: dict[str, Issue] = {}
    for issue in issues:
        first.setdefault(issue.field, issue)
    return first
