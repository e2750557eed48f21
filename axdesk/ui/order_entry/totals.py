"""Live totals of the New order form, in ``Decimal`` (no Qt).

The arithmetic is the one the ``axdesk.api`` builders put on the wire (see
``compute_totals`` there), done here on the form's text so the operator sees
the figures while typing, before any of it is a valid order:

- amount per unit = unit price - per-unit discount (the line's ``amount_price``);
- line total      = unit price x quantity (what the spec sums into ``sub_total``);
- sub-total       = sum of line totals;
- total           = sub-total - whole-order discount.

The five-decimal wire strings are built only when sending, by the builders.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from axdesk.ui.common.money_text import parse_amount_text
from axdesk.ui.order_entry.state import LineState, OrderFormState


@dataclass(frozen=True)
class LineFigures:
    """One line's figures; None where the typed text is not (yet) an amount."""

    unit_price: Decimal | None
    discount: Decimal | None
    amount_per_unit: Decimal | None
    quantity: int
    line_total: Decimal | None
    line_discount: Decimal | None


@dataclass(frozen=True)
class FormTotals:
    lines: tuple[LineFigures, ...]
    sub_total: Decimal | None
    order_discount: Decimal | None
    total: Decimal | None


def optional_amount(text: str) -> Decimal | None:
    """An optional amount field: empty means zero, unreadable means None."""
    if not text.strip():
        return Decimal(0)
    return parse_amount_text(text)


def line_figures(line: LineState) -> LineFigures:
    unit = parse_amount_text(line.unit_price) if line.unit_price.strip() else None
    discount = optional_amount(line.discount)
    per_unit = unit - discount if unit is not None and discount is not None else None
    line_total = unit * line.quantity if unit is not None else None
    line_discount = discount * line.quantity if discount is not None else None
    return LineFigures(
        unit_price=unit,
        discount=discount,
        amount_per_unit=per_unit,
        quantity=line.quantity,
        line_total=line_total,
        line_discount=line_discount,
    )


def compute_form_totals(state: OrderFormState) -> FormTotals:
    figures = tuple(line_figures(line) for line in state.lines)
    line_totals = [figure.line_total for figure in figures]
    sub_total = (
        sum((total for total in line_totals if total is not None), Decimal(0))
        if all(total is not None for total in line_totals)
        else None
    )
    order_discount = optional_amount(state.order_discount)
    total = (
        sub_total - order_discount if sub_total is not None and order_discount is not None else None
    )
    return FormTotals(
        lines=figures, sub_total=sub_total, order_discount=order_discount, total=total
    )
