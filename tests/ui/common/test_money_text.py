"""Money text (common/money_text.py): the currency's own decimals, rounded half up, any
length of amount; Decimal throughout.

(How amounts are typed and shown in the New order form is checked in
tests/ui/order_entry/test_order_validation.py, with the orders list beside it.)
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from axdesk.ui.common.money_text import (
    decimal_places,
    format_money,
    grouped_amount,
    rounded_amount,
)


@pytest.mark.parametrize(
    ("amount", "places"),
    [(Decimal("1.50"), 1), (Decimal("12000"), 0), (Decimal("1E+3"), 0), (Decimal("0.00001"), 5)],
)
def test_decimal_places_counts_only_the_digits_used(amount: Decimal, places: int) -> None:
    assert decimal_places(amount) == places


@pytest.mark.parametrize(
    ("amount", "currency", "rounded"),
    [
        (Decimal("12.5"), "KRW", Decimal("13")),
        (Decimal("0.125"), "USD", Decimal("0.13")),
        (Decimal("-0.125"), "USD", Decimal("-0.13")),
        (Decimal("7.005"), "EUR", Decimal("7.01")),
        (Decimal("7.005"), None, Decimal("7.01")),
    ],
)
def test_amounts_round_half_up_to_their_currency(
    amount: Decimal, currency: str | None, rounded: Decimal
) -> None:
    result = rounded_amount(amount, currency)
    assert result == rounded
    assert str(result) == str(rounded)  # the currency's own number of decimals
    assert isinstance(result, Decimal)


def test_the_sign_stays_apart_from_the_grouped_digits() -> None:
    assert grouped_amount(Decimal("-1234.5"), "USD") == ("-", "1,234.50")
    assert grouped_amount(Decimal("-0.001"), "USD") == ("", "0.00")  # rounds to zero: no sign
    assert grouped_amount(Decimal("9" * 30), "KRW") == ("", f"{Decimal('9' * 30):,}")


def test_an_unknown_or_missing_currency_is_shown_by_its_code_or_not_at_all() -> None:
    assert format_money(Decimal("7.5"), "JPY") == "7.50 JPY"
    assert format_money(Decimal("7.5"), None) == "7.50"
    assert format_money(Decimal("-7.5"), "") == "-7.50"
