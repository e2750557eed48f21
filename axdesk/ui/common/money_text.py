"""Money as the operator types and reads it: "12,000", "₩12,000", "$1,234.50" (no Qt).

The one way money is shown and read, in the New order tab and the Orders tab
alike. Amounts are ``Decimal``; KRW has no minor unit, USD two decimals.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext

from axdesk.api.money import MINOR_UNIT_DIGITS

CURRENCY_SYMBOLS = {"KRW": "₩", "USD": "$"}

# What a user may type into an amount: digits, one dot, thousands commas and
# spaces, an optional leading minus and currency sign. Nothing else.
_AMOUNT_TEXT = re.compile(r"[-−]?\s*[₩$]?\s*[0-9][0-9,\s]*(\.[0-9]*)?|[-−]?\s*[₩$]?\s*\.[0-9]+")


def parse_amount_text(text: str) -> Decimal | None:
    """Read an amount as a person types it ("12,000", "₩12000", "19.90").

    Returns None for anything that is not plainly a number (the validation
    says why); an empty text is not handled here (callers decide whether
    empty means zero or missing).
    """
    cleaned = text.strip()
    if not cleaned or not _AMOUNT_TEXT.fullmatch(cleaned):
        return None
    negative = cleaned.startswith(("-", "−"))
    digits = re.sub(r"[-−₩$,\s]", "", cleaned)
    if not digits or digits == ".":
        return None
    try:
        amount = Decimal(digits)
    except InvalidOperation:
        return None
    return -amount if negative and amount else amount


def decimal_places(amount: Decimal) -> int:
    """Decimal places really used (``Decimal("1.50")`` uses 1)."""
    exponent = amount.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def rounded_amount(amount: Decimal, currency: str | None) -> Decimal:
    """An amount at its currency's own decimals (KRW none, USD two; two for any
    other or none), rounded half up: ``Decimal("12.50")``, ``Decimal("150000")``.

    Any length of amount the operator can type is kept: the rounding works with
    as many digits as it needs (Decimal's default 28 would raise on a longer one).
    """
    places = MINOR_UNIT_DIGITS.get(currency or "", 2)
    quantum = Decimal(1).scaleb(-places)
    with localcontext() as context:
        context.prec = max(context.prec, amount.adjusted() + places + 2)
        return amount.quantize(quantum, rounding=ROUND_HALF_UP)


def grouped_amount(amount: Decimal, currency: str | None) -> tuple[str, str]:
    """``(sign, digits)`` of an amount for people: ``("-", "1,234.50")``.

    The digits of :func:`rounded_amount`, thousands grouped.
    """
    places = MINOR_UNIT_DIGITS.get(currency or "", 2)
    rounded = rounded_amount(amount, currency)
    return ("-" if rounded < 0 else ""), f"{rounded.copy_abs():,.{places}f}"


def format_money(amount: Decimal, currency: str | None) -> str:
    """An amount for people: "₩12,000", "$1,234.50", "-$5.00".

    The one way money is shown, in the New order tab and the Orders tab alike.
    KRW has no minor unit, USD two decimals; any other currency is shown
    with two decimals and its code (no code when the currency is not known).
    """
    sign, body = grouped_amount(amount, currency)
    symbol = CURRENCY_SYMBOLS.get(currency or "")
    if symbol is None:
        return f"{sign}{body} {currency}" if currency else f"{sign}{body}"
    return f"{sign}{symbol}{body}"
