"""Money as the New order form reads and shows it, and as the Orders list shows it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from axdesk.ui.common.money_text import format_money, parse_amount_text
from axdesk.ui.orders import table_model as orders_model


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("12,000", Decimal(12000)),
        ("₩ 12 000", Decimal(12000)),
        ("$19.90", Decimal("19.90")),
        ("-5", Decimal(-5)),
        (".5", Decimal("0.5")),
        ("1e3", None),
        ("12.3.4", None),
        ("abc", None),
        ("", None),
    ],
)
def test_amount_text(text: str, amount: Decimal | None) -> None:
    assert parse_amount_text(text) == amount


def test_money_is_formatted_for_its_currency() -> None:
    assert format_money(Decimal("1234567"), "KRW") == "₩1,234,567"
    assert format_money(Decimal("1234.5"), "USD") == "$1,234.50"
    assert format_money(Decimal("-5"), "USD") == "-$5.00"


def test_amounts_longer_than_decimal_precision_are_formatted() -> None:
    huge = Decimal("9" * 30)
    assert format_money(huge, "KRW") == "₩" + f"{huge:,}"
    assert orders_model.format_money(huge, "USD") == f"${huge:,}.00"


@pytest.mark.parametrize(
    ("amount", "currency", "shown"),
    [
        (Decimal("150000"), "KRW", "₩150,000"),
        (Decimal("1234567"), "KRW", "₩1,234,567"),
        (Decimal("0.125"), "USD", "$0.13"),
        (Decimal("-5"), "USD", "-$5.00"),
        (Decimal("7.5"), "EUR", "7.50 EUR"),
    ],
)
def test_the_form_and_the_orders_list_show_money_the_same_way(
    amount: Decimal, currency: str, shown: str
) -> None:
    assert format_money(amount, currency) == shown
    assert orders_model.format_money(amount, currency) == shown
