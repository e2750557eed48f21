"""Turn a validated New order form into the Create Order body (no Qt).

Only called once :func:`axdesk.ui.order_entry.rules.order.validate_order` found
nothing: the builders still check everything again and raise
``OrderInputError`` with a sentence if something slipped through.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from axdesk.api import (
    LineInput,
    OrderInputError,
    OrderRequest,
    TravelerInput,
    build_order_request,
    slot_datetime,
)
from axdesk.ui.common.money_text import parse_amount_text
from axdesk.ui.order_entry.rules.people import wire_national_code, wire_phone
from axdesk.ui.order_entry.state import LineState, OrderFormState, PersonState


def traveler_input(person: PersonState) -> TravelerInput:
    """A person as the builders want it: phone as national digits, code without "+"."""
    additional = {key.strip(): value for key, value in person.additional if key.strip()}
    return TravelerInput(
        name=person.name.strip(),
        national_code=wire_national_code(person.national_code),
        phone=wire_phone(person.national_code, person.phone),
        email=person.email.strip(),
        extra=person.extra.strip() or None,
        additional=additional or None,
    )


def _amount(text: str, what: str) -> Decimal:
    if not text.strip():
        return Decimal(0)
    amount = parse_amount_text(text)
    if amount is None:
        raise OrderInputError(f"The {what} {text.strip()!r} is not an amount.")
    return amount


def line_input(line: LineState, number: int, mapping_code: str, tz_name: str) -> LineInput:
    if line.date is None or line.start_time is None:
        raise OrderInputError(f"Line {number} has no date and start time.")
    return LineInput(
        channel_product_mapping_code=mapping_code,
        dc_code=line.dc_code,
        inventory_at=slot_datetime(line.date, line.start_time, tz_name),
        unit_price=_amount(line.unit_price, f"unit price of line {number}"),
        travelers=[traveler_input(traveler) for traveler in line.travelers],
        discount=_amount(line.discount, f"discount of line {number}"),
        discount_method=line.discount_method.strip() or None,
    )


def build_request(
    state: OrderFormState,
    *,
    mapping_code_for: Callable[[str, str], str | None],
    tz_name: str,
    channel_order_code: str | None = None,
) -> OrderRequest:
    """The Create Order body for this form (a new channel order code unless given).

    ``mapping_code_for(product_code, dc_code)`` gives the channel product
    mapping code from the catalog.
    """
    lines: list[LineInput] = []
    for number, line in enumerate(state.lines, start=1):
        mapping_code = mapping_code_for(line.product_code, line.dc_code)
        if not mapping_code:
            raise OrderInputError(
                f"Line {number}'s option has no channel product mapping code in the catalog."
            )
        lines.append(line_input(line, number, mapping_code, tz_name))
    representative = None if state.representative_same else traveler_input(state.representative)
    return build_order_request(
        lines,
        traveler_input(state.purchaser),
        currency=state.currency,
        channel_order_code=channel_order_code,
        representative=representative,
        order_discount=_amount(state.order_discount, "order discount"),
        order_discount_method=state.order_discount_method.strip() or None,
        is_voucher=state.is_voucher,
        comment=state.comment.strip() or None,
        needs_more_information=state.needs_more_information,
    )
