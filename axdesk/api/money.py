"""Money on the wire: exact ``Decimal`` in, exactly five decimals out.

The AX pages ask for amounts as strings with five decimals ("2222.00000"),
while their own examples send numbers (2222) and numeric strings ("2200").
Reading accepts all of these; writing produces only the five-decimal form.

``parse_money`` raises ``OrderInputError`` (a ``ValueError``) for input it
refuses. When it runs inside a response model's validator, pydantic turns that
``ValueError`` into a validation error, which the client reports as
``AxMalformedResponseError``: one parser, and the caller's context decides
whose fault the bad value was.
"""

from __future__ import annotations

import decimal
import re
from decimal import Decimal

from axdesk.api.errors import OrderInputError

__all__ = [
    "CURRENCIES",
    "MAX_AMOUNT",
    "MINOR_UNIT_DIGITS",
    "WIRE_DECIMALS",
    "check_currency_precision",
    "parse_money",
    "to_wire_money",
]

CURRENCIES: tuple[str, ...] = ("KRW", "USD")
"""The currencies AX accepts for an order."""

MINOR_UNIT_DIGITS: dict[str, int] = {"KRW": 0, "USD": 2}
"""How many decimal places a real price can have in each currency (KRW has no minor unit)."""

WIRE_DECIMALS = 5
_WIRE_QUANTUM = Decimal(1).scaleb(-WIRE_DECIMALS)

MAX_AMOUNT = Decimal(10) ** 15
"""Amounts at or above this are refused: no tour costs a quadrillion, and it bounds the work."""

# ASCII digits only: Decimal() would also take "1_000" and non-Latin digits.
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")


def _places(value: Decimal) -> int:
    """Number of decimal places a finite Decimal really uses (trailing zeros ignored).

    Computed from the digits, not with ``normalize()``, which would round to
    the context precision.
    """
    _, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)  # finite values only
    count = len(digits)
    while exponent < 0 and count > 0 and digits[count - 1] == 0:
        count -= 1
        exponent += 1
    return max(0, -exponent) if count > 0 else 0


def to_wire_money(value: Decimal | int) -> str:
    """Write an amount as AX wants it: a string with exactly five decimals.

    Refuses (``OrderInputError``) floats, bools, NaN/infinity and amounts with
    more than five decimal places: rounding money silently is never right.
    """
    if isinstance(value, bool) or not isinstance(value, (Decimal, int)):
        raise OrderInputError(
            f"An amount must be an exact decimal number, not {type(value).__name__}."
        )
    amount = Decimal(value)
    if not amount.is_finite():
        raise OrderInputError("An amount must be a finite number.")
    if _places(amount) > WIRE_DECIMALS:
        raise OrderInputError(
            f"The amount {amount} has more than {WIRE_DECIMALS} decimal places, "
            "which AX cannot store."
        )
    if abs(amount) >= MAX_AMOUNT:
        raise OrderInputError(f"The amount {amount} is too large.")
    with decimal.localcontext() as context:
        context.prec = 40  # 15 integer digits + 5 decimals fit with room to spare
        context.traps[decimal.Inexact] = True
        quantized = amount.quantize(_WIRE_QUANTUM)
    if quantized == 0:
        quantized = abs(quantized)  # never write "-0.00000"
    return format(quantized, "f")


def parse_money(value: object, *, what: str = "amount") -> Decimal:
    """Read an amount given as a Decimal, int, finite float or numeric string.

    ``what`` names the field in the sentence of the ``OrderInputError`` raised
    for bools, NaN, infinity, empty strings and anything that is not a number.
    """
    if isinstance(value, bool):
        raise OrderInputError(f"The {what} must be a number, not true or false.")
    if isinstance(value, Decimal):
        amount = value
    elif isinstance(value, int):
        amount = Decimal(value)
    elif isinstance(value, float):
        # repr gives the shortest text that reads back as the same float,
        # so 0.1 becomes Decimal("0.1") rather than 0.1000000000000000055...
        amount = Decimal(repr(value)) if value == value else Decimal("NaN")
    elif isinstance(value, str):
        text = value.strip()
        if not text:
            raise OrderInputError(f"The {what} is empty.")
        if not _NUMBER.fullmatch(text):
            raise OrderInputError(f"The {what} {value[:40]!r} is not a number.")
        amount = Decimal(text)
    elif value is None:
        raise OrderInputError(f"The {what} is missing.")
    else:
        raise OrderInputError(f"The {what} must be a number, not {type(value).__name__}.")
    if not amount.is_finite():
        raise OrderInputError(f"The {what} must be a finite number.")
    if abs(amount) >= MAX_AMOUNT:
        raise OrderInputError(f"The {what} {amount} is too large.")
    return amount + 0 if amount == 0 else amount  # "-0" reads as 0


def check_currency_precision(amount: Decimal, currency: str, *, what: str = "amount") -> None:
    """Refuse an amount with more decimal places than the currency has (e.g. fractional KRW)."""
    allowed = MINOR_UNIT_DIGITS.get(currency)
    if allowed is None:
        raise OrderInputError(
            f"The currency {currency!r} is not accepted; use one of {', '.join(CURRENCIES)}."
        )
    if _places(amount) > allowed:
        if allowed == 0:
            raise OrderInputError(
                f"The {what} {amount} has a fraction, but {currency} amounts are whole numbers."
            )
        raise OrderInputError(
            f"The {what} {amount} has more than {allowed} decimal places, "
            f"which {currency} does not have."
        )
