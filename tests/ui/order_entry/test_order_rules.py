"""The New order form's rules, state and totals, without Qt."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from axdesk.ui.common.money_text import format_money, parse_amount_text
from axdesk.ui.order_entry.rules.fields import server_error_field
from axdesk.ui.order_entry.rules.lines import SlotAvailability
from axdesk.ui.order_entry.rules.order import issues_by_field, validate_order
from axdesk.ui.order_entry.rules.people import check_phone, is_valid_email, wire_phone
from axdesk.ui.order_entry.state import (
    LineState,
    OrderFormState,
    PersonState,
    format_additional,
    parse_additional,
)
from axdesk.ui.order_entry.totals import compute_form_totals
from axdesk.ui.orders import table_model as orders_model

TODAY = dt.date(2030, 5, 1)


def person(name: str = "Kim Minji", phone: str = "010-1234-5678", code: str = "82") -> PersonState:
    return PersonState(name=name, national_code=code, phone=phone, email="minji@example.com")


def valid_state() -> OrderFormState:
    line = LineState(
        product_code="P1",
        dc_code="D1",
        date=dt.date(2030, 5, 3),
        start_time=dt.time(9, 0),
        unit_price="50,000",
    )
    line.resize_travelers(2)
    line.travelers = [person("Kim Minji"), person("Lee Jun", "+1 650 253 0000", "1")]
    return OrderFormState(purchaser=person(), lines=[line])


def fields(state: OrderFormState, **kwargs: object) -> dict[str, str]:
    issues = validate_order(state, today=TODAY, **kwargs)  # type: ignore[arg-type]
    return {key: issue.sentence() for key, issue in issues_by_field(issues).items()}


def test_a_complete_form_has_no_issue() -> None:
    assert fields(valid_state(), availability=[SlotAvailability(seats_left=5)]) == {}


def test_required_fields_each_say_what_to_enter() -> None:
    state = valid_state()
    state.purchaser.name = "  "
    state.purchaser.email = ""
    state.lines[0].travelers[1].phone = ""
    state.lines[0].unit_price = ""
    state.lines[0].start_time = None
    found = fields(state)
    assert found["purchaser.name"] == "Enter a name."
    assert found["purchaser.email"] == "Enter an email address."
    assert found["lines[0].travelers[1].phone"] == "Enter a phone number."
    assert found["lines[0].unit_price"] == "Enter a price."
    assert found["lines[0].time"] == "Choose a start time."


@pytest.mark.parametrize(
    ("email", "valid"),
    [
        ("minji@example.com", True),
        ("a.b+tag@mail.example.co.kr", True),
        ("minji@example", False),
        ("minji example.com", False),
        ("minji@@example.com", False),
        ("@example.com", False),
        ("minji@.com", False),
        ("minji.@example.com", False),
        ("min..ji@example.com", False),
        ("Minji <minji@example.com>", False),
    ],
)
def test_email_syntax(email: str, valid: bool) -> None:
    assert is_valid_email(email) is valid


def test_a_bad_email_gets_a_sentence_naming_it() -> None:
    state = valid_state()
    state.lines[0].travelers[0].email = "minji@example"
    assert fields(state)["lines[0].travelers[0].email"] == (
        "“minji@example” is not an email address; it should look like name@example.com."
    )


def test_phone_numbers_are_checked_for_their_country() -> None:
    assert check_phone("82", "010-1234-5678") is None
    assert check_phone("+82", "+82 10 1234 5678") is None
    assert check_phone("1", "(650) 253-0000") is None
    # A valid US number is not a valid Korean one.
    problem = check_phone("82", "650-253-0000")
    assert problem is not None
    assert problem[0].format(**problem[1]) == (
        "“650-253-0000” is not a valid phone number for +82 (KR)."
    )
    mismatch = check_phone("82", "+1 650 253 0000")
    assert mismatch is not None
    assert mismatch[0].format(**mismatch[1]) == (
        "This number is for +1, but the country code says +82."
    )
    assert check_phone("82", "12345") is not None


def test_an_unknown_country_code_is_reported_on_the_code_field() -> None:
    state = valid_state()
    state.purchaser.national_code = "999"
    found = fields(state)
    assert found["purchaser.national_code"].startswith("“999” is not a country calling code")
    assert "purchaser.phone" not in found


def test_phone_goes_on_the_wire_as_national_digits() -> None:
    assert wire_phone("82", "+82 10-1234-5678") == "01012345678"
    assert wire_phone("1", "(650) 253-0000") == "6502530000"


def test_quantity_above_the_seats_left_is_refused() -> None:
    state = valid_state()
    found = fields(state, availability=[SlotAvailability(seats_left=1)])
    assert found["lines[0].quantity"] == (
        "Seats left at this time: 1, but 2 are asked for; lower the quantity."
    )
    sold_out = fields(state, availability=[SlotAvailability(seats_left=0)])
    assert sold_out["lines[0].quantity"] == "This departure is sold out; pick another time."


def test_two_lines_on_one_departure_share_its_seats() -> None:
    state = valid_state()
    second = LineState.from_dict(state.lines[0].to_dict())
    state.lines.append(second)
    seats = SlotAvailability(seats_left=3)
    found = fields(state, availability=[seats, seats])
    assert found["lines[1].quantity"] == (
        "Lines 1, 2 together want 4 seats of the same departure, but only 3 are left."
    )


def test_a_discount_larger_than_the_sub_total_makes_a_negative_total() -> None:
    state = valid_state()
    state.order_discount = "100001"
    found = fields(state)
    assert found["order.total"] == (
        "The total is negative: the discount (₩100,001) is larger than the sub-total (₩100,000)."
    )
    state.order_discount = "100000"
    assert "order.total" not in fields(state)


def test_amounts_follow_the_currency() -> None:
    state = valid_state()
    state.lines[0].unit_price = "12.5"
    assert fields(state)["lines[0].unit_price"] == "KRW amounts are whole numbers."
    state.currency = "USD"
    assert "lines[0].unit_price" not in fields(state)
    state.lines[0].unit_price = "12.505"
    assert fields(state)["lines[0].unit_price"] == "USD amounts have at most 2 decimals."
    state.lines[0].unit_price = "twelve"
    assert fields(state)["lines[0].unit_price"] == "“twelve” is not an amount."
    state.lines[0].unit_price = "10"
    state.lines[0].discount = "11"
    assert fields(state)["lines[0].discount"] == (
        "The discount per ticket ($11.00) is more than the unit price ($10.00)."
    )


def test_an_option_must_be_in_the_catalog_and_sold_in_the_orders_currency() -> None:
    state = valid_state()
    assert fields(state, known_options={("P1", "D1"): "KRW"}) == {}
    assert fields(state, known_options={("P1", "D2"): "KRW"})["lines[0].option"] == (
        "This option is no longer in the catalog; choose another one."
    )
    assert fields(state, known_options={("P1", "D1"): "USD"})["lines[0].option"] == (
        "This option is sold in USD, but the order is in KRW; change the order's currency."
    )


def test_empty_required_fields_are_marked_missing_and_wrong_values_are_not() -> None:
    state = valid_state()
    state.purchaser.name = ""
    state.purchaser.email = "nope"
    by_field = issues_by_field(validate_order(state))
    assert by_field["purchaser.name"].missing
    assert not by_field["purchaser.email"].missing


def test_representative_is_checked_only_when_not_the_purchaser() -> None:
    state = valid_state()
    state.representative = PersonState()
    assert "representative.name" not in fields(state)
    state.representative_same = False
    assert fields(state)["representative.name"] == "Enter a name."


def test_additional_fields_need_names_and_no_duplicates() -> None:
    state = valid_state()
    state.purchaser.additional = [("english_name", "Kim"), ("english_name", "Minji")]
    assert fields(state)["purchaser.additional"] == (
        "The additional field “english_name” is given twice."
    )
    assert parse_additional("english_name=Kim Minji; korean_name = 김민지;") == [
        ("english_name", "Kim Minji"),
        ("korean_name", "김민지"),
    ]
    assert format_additional([("a", "1"), ("b", "2")]) == "a=1; b=2"


def test_totals_use_the_specs_arithmetic() -> None:
    state = valid_state()
    state.lines[0].discount = "5,000"
    state.order_discount = "10000"
    totals = compute_form_totals(state)
    assert totals.lines[0].amount_per_unit == Decimal(45000)
    assert totals.lines[0].line_total == Decimal(100000)
    assert totals.sub_total == Decimal(100000)
    assert totals.total == Decimal(90000)
    state.lines[0].unit_price = "abc"
    assert compute_form_totals(state).total is None


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


def test_draft_json_round_trips_and_survives_damage() -> None:
    state = valid_state()
    state.comment = "창가 자리"
    state.lines[0].travelers[1].additional = [("english_name", "Jun")]
    again = OrderFormState.from_json(state.to_json())
    assert again == state
    assert OrderFormState.from_json("{not json") == OrderFormState()
    damaged = OrderFormState.from_json(
        '{"currency": "EUR", "lines": [{"quantity": "three", "date": "yesterday"}]}'
    )
    assert damaged.currency == "KRW"
    assert damaged.lines[0].date is None
    assert len(damaged.lines[0].travelers) == damaged.lines[0].quantity == 1


@pytest.mark.parametrize(
    ("entry", "key", "message"),
    [
        (
            "depth_combinations[0].tickets[1].email: not an email",
            "lines[0].travelers[1].email",
            "not an email",
        ),
        ("depth_combinations[1].quantity: too many", "lines[1].quantity", "too many"),
        ("purchaser.phone: bad", "purchaser.phone", "bad"),
        ("order.total: does not add up", "order.total", "does not add up"),
        ("something else went wrong", None, "something else went wrong"),
    ],
)
def test_server_errors_map_to_form_fields(entry: str, key: str | None, message: str) -> None:
    assert server_error_field(entry) == (key, message)
