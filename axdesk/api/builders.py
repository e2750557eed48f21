"""Build a consistent ``OrderRequest`` from what the operator entered.

The spec's arithmetic (from the Create Order page and its example):

* ``amount_price = unit_selling_price - discount`` (per unit),
* ``sub_total = sum(unit_selling_price x quantity)``: per-unit discounts are
  *not* taken off the sub total (the example: 2222 x 2 = 4444 with a 22 discount),
* ``total = sub_total - order discount``.

Every inconsistency is refused with an ``OrderInputError`` sentence before
anything is sent.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from datetime import date as _date
from datetime import time as _time
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import ValidationError

from axdesk.api.errors import OrderInputError
from axdesk.api.models import (
    DepthCombinationRequest,
    OrderInfo,
    OrderRequest,
    Purchaser,
    Representative,
    TicketRequest,
    describe_validation_error,
)
from axdesk.api.money import CURRENCIES, check_currency_precision, parse_money, to_wire_money

__all__ = [
    "DEFAULT_SUPPLIER_TIME_ZONE",
    "LineInput",
    "LineTotal",
    "Totals",
    "TravelerInput",
    "build_order_request",
    "compute_totals",
    "slot_datetime",
]

DEFAULT_SUPPLIER_TIME_ZONE = "Asia/Seoul"


def slot_datetime(date: _date, time: _time, tz_name: str = DEFAULT_SUPPLIER_TIME_ZONE) -> datetime:
    """The UTC moment of an inventory slot given in the supplier's local date and time.

    Inventory slots are the supplier's local date and start time; AX wants UTC.
    """
    if time.tzinfo is not None:
        raise OrderInputError(
            "The slot's start time already carries a time zone; give the supplier's local time."
        )
    try:
        zone = ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError):
        raise OrderInputError(f"The time zone {tz_name!r} is not known.") from None
    local = datetime.combine(date, time, tzinfo=zone)
    return local.astimezone(UTC)


@dataclass(frozen=True)
class TravelerInput:
    """One person as the operator entered them (also used for the purchaser)."""

    name: str
    national_code: str
    phone: str
    email: str
    extra: str | None = None
    additional: dict[str, Any] | None = None


@dataclass(frozen=True)
class LineInput:
    """One option bought; its quantity is the number of travelers."""

    channel_product_mapping_code: str
    dc_code: str
    inventory_at: datetime
    unit_price: Decimal
    travelers: list[TravelerInput] = field(default_factory=list)
    discount: Decimal = Decimal(0)
    discount_method: str | None = None

    @property
    def quantity(self) -> int:
        return len(self.travelers)


@dataclass(frozen=True)
class LineTotal:
    """The money of one line: per-unit prices and the line's share of the sub total."""

    quantity: int
    unit_price: Decimal
    discount: Decimal
    amount_price: Decimal
    line_total: Decimal
    """``unit_price x quantity``: what this line adds to the sub total."""


@dataclass(frozen=True)
class Totals:
    line_totals: list[LineTotal]
    sub_total: Decimal
    discount: Decimal
    total: Decimal


def _money(value: object, what: str) -> Decimal:
    if isinstance(value, float):
        raise OrderInputError(f"The {what} must be an exact decimal, not a float.")
    amount = parse_money(value, what=what)
    to_wire_money(amount)  # refuses more than five decimals with a sentence
    return amount


def compute_totals(lines: Sequence[LineInput], order_discount: Decimal = Decimal(0)) -> Totals:
    """The spec's totals; raises ``OrderInputError`` for negative or impossible amounts."""
    line_totals: list[LineTotal] = []
    sub_total = Decimal(0)
    for number, line in enumerate(lines, start=1):
        unit_price = _money(line.unit_price, f"unit price of line {number}")
        discount = _money(line.discount, f"discount of line {number}")
        if unit_price < 0:
            raise OrderInputError(f"The unit price of line {number} is negative ({unit_price}).")
        if discount < 0:
            raise OrderInputError(f"The discount of line {number} is negative ({discount}).")
        if discount > unit_price:
            raise OrderInputError(
                f"The discount of line {number} ({discount}) is larger than its "
                f"unit price ({unit_price})."
            )
        line_total = unit_price * line.quantity
        line_totals.append(
            LineTotal(
                quantity=line.quantity,
                unit_price=unit_price,
                discount=discount,
                amount_price=unit_price - discount,
                line_total=line_total,
            )
        )
        sub_total += line_total
    discount = _money(order_discount, "order discount")
    if discount < 0:
        raise OrderInputError(f"The order discount is negative ({discount}).")
    total = sub_total - discount
    if total < 0:
        raise OrderInputError(
            f"The order discount ({discount}) is larger than the sub total ({sub_total})."
        )
    return Totals(line_totals=line_totals, sub_total=sub_total, discount=discount, total=total)


def _text(value: object, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise OrderInputError(f"The {what} is empty.")
    return value.strip()


def _optional_text(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    return value.strip()


def _checked_person(person: TravelerInput, who: str) -> TravelerInput:
    name = _text(person.name, f"name of {who}")
    national_code = _text(person.national_code, f"country calling code of {who}")
    digits = national_code.removeprefix("+")
    if not (digits.isascii() and digits.isdigit() and 1 <= len(digits) <= 4):
        raise OrderInputError(
            f"The country calling code of {who} ({national_code!r}) must be 1 to 4 digits, like 82."
        )
    phone = _text(person.phone, f"phone number of {who}")
    if not any(char.isdigit() for char in phone):
        raise OrderInputError(f"The phone number of {who} ({phone!r}) has no digits.")
    email = _text(person.email, f"email address of {who}")
    local, _, domain = email.partition("@")
    if not local or not domain or "@" in domain or " " in email:
        raise OrderInputError(f"The email address of {who} ({email!r}) is not valid.")
    if person.additional is not None and not isinstance(person.additional, dict):
        raise OrderInputError(f"The additional information of {who} must be a mapping.")
    return TravelerInput(
        name=name,
        national_code=digits,
        phone=phone,
        email=email,
        extra=_optional_text(person.extra),
        additional=person.additional,
    )


def _aware(moment: object, what: str) -> datetime:
    if not isinstance(moment, datetime):
        raise OrderInputError(f"The {what} is not a date and time.")
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise OrderInputError(f"The {what} has no time zone; axdesk needs to know it.")
    return moment.astimezone(UTC)


def _ticket_codes(
    lines: Sequence[LineInput], ticket_codes: Sequence[Sequence[str]] | None
) -> list[list[str]]:
    if ticket_codes is None:
        return [[str(uuid.uuid4()) for _ in line.travelers] for line in lines]
    if len(ticket_codes) != len(lines):
        raise OrderInputError(
            f"{len(ticket_codes)} lists of ticket codes were given for {len(lines)} lines."
        )
    result: list[list[str]] = []
    for number, (line, codes) in enumerate(zip(lines, ticket_codes, strict=True), start=1):
        if len(codes) != line.quantity:
            raise OrderInputError(
                f"Line {number} has {line.quantity} travelers but {len(codes)} ticket codes."
            )
        result.append([_text(code, f"ticket code on line {number}") for code in codes])
    flat = [code for codes in result for code in codes]
    if len(set(flat)) != len(flat):
        raise OrderInputError("Two tickets were given the same ticket code.")
    return result


def build_order_request(
    lines: Sequence[LineInput],
    purchaser: TravelerInput,
    *,
    currency: str,
    channel_order_code: str | None = None,
    representative: TravelerInput | None = None,
    order_discount: Decimal = Decimal(0),
    order_discount_method: str | None = None,
    is_voucher: bool = False,
    comment: str | None = None,
    purchased_at: datetime | None = None,
    needs_more_information: bool = False,
    ticket_codes: Sequence[Sequence[str]] | None = None,
) -> OrderRequest:
    """Turn the operator's lines and people into a consistent Create Order body.

    ``ticket_codes`` gives each traveler's channel ticket code per line (a new
    uuid4 each when None). ``purchased_at`` defaults to now (UTC, whole seconds).
    A zero discount is left out of the body rather than sent as ``"0.00000"``.
    """
    code = currency.strip().upper() if isinstance(currency, str) else ""
    if code not in CURRENCIES:
        raise OrderInputError(
            f"The currency {currency!r} is not accepted; use one of {', '.join(CURRENCIES)}."
        )
    if not lines:
        raise OrderInputError("The order has no lines; add at least one option.")
    for number, line in enumerate(lines, start=1):
        if not line.travelers:
            raise OrderInputError(f"Line {number} has no travelers; add at least one.")
    totals = compute_totals(lines, order_discount)
    for number, line_total in enumerate(totals.line_totals, start=1):
        check_currency_precision(line_total.unit_price, code, what=f"unit price of line {number}")
        check_currency_precision(line_total.discount, code, what=f"discount of line {number}")
    check_currency_precision(totals.discount, code, what="order discount")

    buyer = _checked_person(purchaser, "the purchaser")
    lead = buyer if representative is None else _checked_person(representative, "the lead traveler")
    order_code = (
        str(uuid.uuid4())
        if channel_order_code is None
        else _text(channel_order_code, "channel order code")
    )
    bought_at = (
        datetime.now(UTC).replace(microsecond=0)
        if purchased_at is None
        else _aware(purchased_at, "purchase time")
    )
    codes = _ticket_codes(lines, ticket_codes)

    combinations: list[DepthCombinationRequest] = []
    for number, (line, line_total, line_codes) in enumerate(
        zip(lines, totals.line_totals, codes, strict=True), start=1
    ):
        travelers = [
            _checked_person(traveler, f"traveler {index} on line {number}")
            for index, traveler in enumerate(line.travelers, start=1)
        ]
        has_discount = line_total.discount != 0 or _optional_text(line.discount_method)
        try:
            combinations.append(
                DepthCombinationRequest(
                    channel_product_mapping_code=_text(
                        line.channel_product_mapping_code, f"product mapping code of line {number}"
                    ),
                    dc_code=_text(line.dc_code, f"option code of line {number}"),
                    quantity=line.quantity,
                    inventory_at=_aware(line.inventory_at, f"slot time of line {number}"),
                    unit_selling_price=line_total.unit_price,
                    discount=line_total.discount if has_discount else None,
                    discount_method=_optional_text(line.discount_method),
                    amount_price=line_total.amount_price,
                    tickets=[
                        TicketRequest(
                            channel_code=ticket_code,
                            name=traveler.name,
                            national_code=traveler.national_code,
                            phone=traveler.phone,
                            email=traveler.email,
                            additional=traveler.additional,
                            extra=traveler.extra,
                        )
                        for traveler, ticket_code in zip(travelers, line_codes, strict=True)
                    ],
                )
            )
        except ValidationError as error:
            raise OrderInputError(
                f"Line {number} is not consistent: {describe_validation_error(error)}."
            ) from None

    has_order_discount = totals.discount != 0 or _optional_text(order_discount_method)
    try:
        return OrderRequest(
            depth_combinations=combinations,
            order=OrderInfo(
                channel_order_code=order_code,
                purchased_at=bought_at,
                sub_total=totals.sub_total,
                discount_method=_optional_text(order_discount_method),
                discount=totals.discount if has_order_discount else None,
                total=totals.total,
                status="New",
                is_voucher=is_voucher,
                comment=_optional_text(comment),
                currency=code,
            ),
            purchaser=Purchaser(
                is_required_more_information=needs_more_information,
                name=buyer.name,
                national_code=buyer.national_code,
                phone=buyer.phone,
                email=buyer.email,
                additional=buyer.additional,
                extra=buyer.extra or "",
            ),
            representative=Representative(
                name=lead.name,
                national_code=lead.national_code,
                phone=lead.phone,
                email=lead.email,
                additional=lead.additional,
                extra=lead.extra,
            ),
        )
    except ValidationError as error:
        raise OrderInputError(
            f"The order is not consistent: {describe_validation_error(error)}."
        ) from None
