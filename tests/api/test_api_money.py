"""Money: exact five-decimal writing, tolerant but refusing reading, currency precision."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from axdesk.api import (
    AxError,
    OrderInputError,
    check_currency_precision,
    parse_money,
    to_wire_money,
)
from axdesk.api.money import MAX_AMOUNT

WIRE_MONEY = re.compile(r"-?[0-9]+\.[0-9]{5}")


@pytest.mark.parametrize(
    ("amount", "wire"),
    [
        (Decimal("2222"), "2222.00000"),
        (2222, "2222.00000"),
        (Decimal("2200.5"), "2200.50000"),
        (Decimal("0.00001"), "0.00001"),
        (Decimal("1.2345000000"), "1.23450"),
        (Decimal("-0"), "0.00000"),
        (Decimal("0E-10"), "0.00000"),
        (Decimal("1E+3"), "1000.00000"),
        (Decimal("-12.5"), "-12.50000"),
        (Decimal("999999999999999.99999"), "999999999999999.99999"),
    ],
)
def test_to_wire_money_writes_exactly_five_decimals(amount: Decimal | int, wire: str) -> None:
    assert to_wire_money(amount) == wire


@pytest.mark.parametrize(
    ("amount", "fragment"),
    [
        (Decimal("1.000001"), "more than 5 decimal places"),
        (1.5, "exact decimal"),
        (True, "exact decimal"),
        (Decimal("NaN"), "finite"),
        (Decimal("Infinity"), "finite"),
        (MAX_AMOUNT, "too large"),
        ("12.00", "exact decimal"),
    ],
)
def test_to_wire_money_refuses_what_it_cannot_write_exactly(amount: object, fragment: str) -> None:
    with pytest.raises(OrderInputError, match=fragment):
        to_wire_money(amount)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2222.00000", Decimal("2222")),
        ("2200", Decimal("2200")),
        (" 1.5 ", Decimal("1.5")),
        (2222, Decimal("2222")),
        (Decimal("22.10"), Decimal("22.1")),
        (0.1, Decimal("0.1")),
        ("1e3", Decimal("1000")),
        ("-0", Decimal("0")),
        ("+7", Decimal("7")),
    ],
)
def test_parse_money_reads_numbers_and_numeric_strings(value: object, expected: Decimal) -> None:
    parsed = parse_money(value)
    assert isinstance(parsed, Decimal)
    assert parsed == expected


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        (True, "not true or false"),
        (False, "not true or false"),
        (float("nan"), "finite"),
        (float("inf"), "finite"),
        (Decimal("sNaN"), "finite"),
        ("NaN", "not a number"),
        ("Infinity", "not a number"),
        ("", "empty"),
        ("   ", "empty"),
        ("abc", "not a number"),
        ("1,000", "not a number"),
        ("1_000", "not a number"),
        ("١٢", "not a number"),
        (None, "missing"),
        ([1], "not list"),
        ("1e20", "too large"),
    ],
)
def test_parse_money_refuses_junk_with_a_sentence(value: object, fragment: str) -> None:
    with pytest.raises(OrderInputError, match=fragment) as caught:
        parse_money(value, what="unit price")
    assert isinstance(caught.value, ValueError)
    assert isinstance(caught.value, AxError)
    if fragment != "not list":
        assert "unit price" in str(caught.value)


def test_fractional_krw_is_refused_but_whole_krw_and_usd_cents_pass() -> None:
    check_currency_precision(Decimal("2222.00000"), "KRW")
    check_currency_precision(Decimal("19.99"), "USD")
    with pytest.raises(OrderInputError, match="KRW amounts are whole numbers"):
        check_currency_precision(Decimal("2222.5"), "KRW", what="unit price")
    with pytest.raises(OrderInputError, match="more than 2 decimal places"):
        check_currency_precision(Decimal("19.999"), "USD")
    with pytest.raises(OrderInputError, match="not accepted"):
        check_currency_precision(Decimal("1"), "EUR")


wire_decimals = st.decimals(
    min_value=-(10**15) + Decimal("0.00001"),
    max_value=10**15 - Decimal("0.00001"),
    places=5,
    allow_nan=False,
    allow_infinity=False,
)


@given(wire_decimals)
def test_wire_money_round_trips_exactly(amount: Decimal) -> None:
    wire = to_wire_money(amount)
    assert WIRE_MONEY.fullmatch(wire)
    assert parse_money(wire) == amount
    assert to_wire_money(parse_money(wire)) == wire


@given(st.decimals(places=5, allow_nan=False, allow_infinity=False, min_value=0, max_value=10**9))
def test_number_and_string_forms_read_the_same(amount: Decimal) -> None:
    assert parse_money(str(amount)) == parse_money(amount) == amount


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12))
def test_finite_floats_read_as_their_shortest_decimal(value: float) -> None:
    parsed = parse_money(value)
    assert float(parsed) == value
