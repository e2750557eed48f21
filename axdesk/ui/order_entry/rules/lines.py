"""The rules for one line: its option, date, departure, seats, prices and travelers (no Qt).

What the live inventory says about a line's departure comes in as a
:class:`SlotAvailability`; not knowing it yet is no problem here (the seats
are checked again just before sending, see :mod:`axdesk.ui.order_entry.seats`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from axdesk.api.money import CURRENCIES, MINOR_UNIT_DIGITS
from axdesk.ui.common.money_text import decimal_places, format_money, parse_amount_text
from axdesk.ui.common.supplier_clock import has_left
from axdesk.ui.order_entry.rules.fields import line_key
from axdesk.ui.order_entry.rules.issue import QT_TRANSLATE_NOOP, Collector, Found, required_sentence
from axdesk.ui.order_entry.rules.people import validate_person
from axdesk.ui.order_entry.state import LineState


@dataclass(frozen=True)
class SlotAvailability:
    """What the live inventory says about a line's slot.

    ``found`` is False when the inventory was read and has no such departure;
    ``seats_left`` is None while it is not known yet.
    """

    seats_left: int | None = None
    on_sale: bool = True
    found: bool = True


def check_amount(text: str, currency: str, *, required: bool) -> Found | None:
    """An amount typed in a price or discount field."""
    if not text.strip():
        return (
            (required_sentence(QT_TRANSLATE_NOOP("OrderValidation", "Enter a price.")), ())
            if required
            else None
        )
    amount = parse_amount_text(text)
    if amount is None:
        return QT_TRANSLATE_NOOP("OrderValidation", "“%1” is not an amount."), (text.strip(),)
    if amount < 0:
        return QT_TRANSLATE_NOOP("OrderValidation", "An amount cannot be negative."), ()
    places = MINOR_UNIT_DIGITS.get(currency)
    if places is not None and decimal_places(amount) > places:
        if places == 0:
            return (
                QT_TRANSLATE_NOOP("OrderValidation", "%1 amounts are whole numbers."),
                (currency,),
            )
        return (
            QT_TRANSLATE_NOOP("OrderValidation", "%1 amounts have at most %2 decimals."),
            (currency, str(places)),
        )
    return None


def validate_line(
    out: Collector,
    index: int,
    line: LineState,
    currency: str,
    slot: SlotAvailability | None,
    known_options: Mapping[tuple[str, str], str] | None,
    today: dt.date | None,
    now: dt.datetime | None = None,
) -> None:
    """``today`` and ``now`` are the supplier's date and local time (None: not checked)."""
    if not line.product_code:
        out.add(
            line_key(index, "product"),
            (required_sentence(QT_TRANSLATE_NOOP("OrderValidation", "Choose a product.")), ()),
        )
    elif not line.dc_code:
        out.add(
            line_key(index, "option"),
            (required_sentence(QT_TRANSLATE_NOOP("OrderValidation", "Choose an option.")), ()),
        )
    elif known_options is not None and (line.product_code, line.dc_code) not in known_options:
        out.add(
            line_key(index, "option"),
            (
                QT_TRANSLATE_NOOP(
                    "OrderValidation",
                    "This option is no longer in the catalog; choose another one.",
                ),
                (),
            ),
        )
    elif (
        known_options is not None
        and known_options[(line.product_code, line.dc_code)] != currency
        and currency in CURRENCIES
    ):
        out.add(
            line_key(index, "option"),
            (
                QT_TRANSLATE_NOOP(
                    "OrderValidation",
                    "This option is sold in %1, but the order is in %2; "
                    "change the order's currency.",
                ),
                (known_options[(line.product_code, line.dc_code)], currency),
            ),
        )
    if line.date is None:
        out.add(
            line_key(index, "date"),
            (required_sentence(QT_TRANSLATE_NOOP("OrderValidation", "Choose a date.")), ()),
        )
    elif today is not None and line.date < today:
        out.add(
            line_key(index, "date"),
            (
                QT_TRANSLATE_NOOP("OrderValidation", "%1 is in the past."),
                (line.date.isoformat(),),
            ),
        )
    if line.start_time is None:
        out.add(
            line_key(index, "time"),
            (required_sentence(QT_TRANSLATE_NOOP("OrderValidation", "Choose a start time.")), ()),
        )
    elif line.date is not None and line.date == today and has_left(line.date, line.start_time, now):
        out.add(
            line_key(index, "time"),
            (
                QT_TRANSLATE_NOOP(
                    "OrderValidation", "This departure left at %1; choose a later one."
                ),
                (line.start_time,),
            ),
        )
    elif slot is not None and not slot.found:
        out.add(
            line_key(index, "time"),
            (
                QT_TRANSLATE_NOOP("OrderValidation", "There is no departure at %1 on this date."),
                (line.start_time,),
            ),
        )
    elif slot is not None and not slot.on_sale:
        out.add(
            line_key(index, "time"),
            (QT_TRANSLATE_NOOP("OrderValidation", "This departure is not on sale."), ()),
        )
    if line.quantity < 1:
        out.add(
            line_key(index, "quantity"),
            (QT_TRANSLATE_NOOP("OrderValidation", "Sell at least one ticket."), ()),
        )
    elif (
        slot is not None
        and slot.found
        and slot.seats_left is not None
        and line.quantity > slot.seats_left
    ):
        out.add(line_key(index, "quantity"), _seats_sentence(slot.seats_left, line.quantity))
    out.add(line_key(index, "unit_price"), check_amount(line.unit_price, currency, required=True))
    discount_problem = check_amount(line.discount, currency, required=False)
    out.add(line_key(index, "discount"), discount_problem)
    if discount_problem is None and line.discount.strip():
        unit = parse_amount_text(line.unit_price) if line.unit_price.strip() else None
        discount = parse_amount_text(line.discount)
        if unit is not None and discount is not None and discount > unit:
            out.add(
                line_key(index, "discount"),
                (
                    QT_TRANSLATE_NOOP(
                        "OrderValidation",
                        "The discount per ticket (%1) is more than the unit price (%2).",
                    ),
                    (format_money(discount, currency), format_money(unit, currency)),
                ),
            )
    for row, traveler in enumerate(line.travelers):
        validate_person(traveler, f"lines[{index}].travelers[{row}]", out)


def _seats_sentence(seats_left: int, wanted: int) -> Found:
    if seats_left <= 0:
        return QT_TRANSLATE_NOOP(
            "OrderValidation", "This departure is sold out; pick another time."
        ), ()
    return (
        QT_TRANSLATE_NOOP(
            "OrderValidation",
            "Seats left at this time: %1, but %2 are asked for; lower the quantity.",
        ),
        (str(seats_left), str(wanted)),
    )


def validate_shared_slots(
    out: Collector,
    lines: Sequence[LineState],
    availability: Sequence[SlotAvailability | None],
) -> None:
    """Two lines on the same departure share its seats."""
    groups: dict[tuple[str, str, dt.date, dt.time], list[int]] = {}
    for index, line in enumerate(lines):
        if line.product_code and line.dc_code and line.date and line.start_time:
            groups.setdefault(
                (line.product_code, line.dc_code, line.date, line.start_time), []
            ).append(index)
    for indexes in groups.values():
        if len(indexes) < 2:
            continue
        slot = next(
            (availability[i] for i in indexes if i < len(availability) and availability[i]),
            None,
        )
        if slot is None or slot.seats_left is None:
            continue
        wanted = sum(lines[i].quantity for i in indexes)
        if wanted > slot.seats_left and all(lines[i].quantity <= slot.seats_left for i in indexes):
            out.add(
                line_key(indexes[-1], "quantity"),
                (
                    QT_TRANSLATE_NOOP(
                        "OrderValidation",
                        "Lines %1 together want %2 seats of the same departure, "
                        "but only %3 are left.",
                    ),
                    (
                        ", ".join(str(i + 1) for i in indexes),
                        str(wanted),
                        str(slot.seats_left),
                    ),
                ),
            )
