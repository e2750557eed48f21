"""Order builders: the spec's arithmetic, refusals with sentences, exact round trip."""

from __future__ import annotations

import json
import uuid
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from axdesk.api import (
    LineInput,
    OrderInputError,
    OrderRequest,
    TravelerInput,
    build_order_request,
    compute_totals,
    encode_json,
    slot_datetime,
)

SLOT = datetime(2023, 3, 1, 5, 0, tzinfo=UTC)
BOUGHT = datetime(2023, 2, 1, 9, 30, tzinfo=UTC)


def traveler(number: int = 1, **changes: Any) -> TravelerInput:
    data: dict[str, Any] = {
        "name": f"Traveler {number}",
        "national_code": "82",
        "phone": "01012345678",
        "email": f"t{number}@example.com",
    }
    data.update(changes)
    return TravelerInput(**data)


def line(
    unit_price: str = "2222", travelers: int = 2, discount: str = "0", **changes: Any
) -> LineInput:
    data: dict[str, Any] = {
        "channel_product_mapping_code": "af01c7c4-1637-46fb-b289-a090a9be0397",
        "dc_code": "d96b2ed4-12c5-4fb5-ae94-4f39b11ee980",
        "inventory_at": SLOT,
        "unit_price": Decimal(unit_price),
        "travelers": [traveler(number) for number in range(1, travelers + 1)],
        "discount": Decimal(discount),
    }
    data.update(changes)
    return LineInput(**data)


def build(lines: list[LineInput] | None = None, **options: Any) -> OrderRequest:
    options.setdefault("currency", "KRW")
    options.setdefault("purchased_at", BOUGHT)
    return build_order_request([line()] if lines is None else lines, traveler(0), **options)


# --------------------------------------------------------------------------- slot time


def test_slot_datetime_converts_seoul_local_time_to_utc() -> None:
    moment = slot_datetime(date(2023, 3, 1), time(14, 0))
    assert moment == datetime(2023, 3, 1, 5, 0, tzinfo=UTC)
    assert moment.tzinfo is UTC


def test_slot_datetime_follows_daylight_saving_of_the_given_zone() -> None:
    summer = slot_datetime(date(2023, 7, 1), time(9, 0), "Europe/Paris")
    winter = slot_datetime(date(2023, 1, 1), time(9, 0), "Europe/Paris")
    assert (summer.hour, winter.hour) == (7, 8)


def test_slot_datetime_refuses_unknown_zones_and_zoned_times() -> None:
    with pytest.raises(OrderInputError, match="time zone 'Mars/Olympus' is not known"):
        slot_datetime(date(2023, 3, 1), time(14, 0), "Mars/Olympus")
    with pytest.raises(OrderInputError, match="already carries a time zone"):
        slot_datetime(date(2023, 3, 1), time(14, 0, tzinfo=UTC))


# --------------------------------------------------------------------------- totals


def test_totals_follow_the_page_example() -> None:
    totals = compute_totals([line("2222", 2, "22")], Decimal("444"))
    (only,) = totals.line_totals
    assert (only.quantity, only.amount_price, only.line_total) == (2, Decimal(2200), Decimal(4444))
    assert totals.sub_total == Decimal("4444")  # per-unit discounts are not taken off
    assert totals.discount == Decimal("444")
    assert totals.total == Decimal("4000")


@pytest.mark.parametrize(
    ("lines", "order_discount", "fragment"),
    [
        ([line("-1", 1)], "0", "unit price of line 1 is negative"),
        ([line("100", 1, "-1")], "0", "discount of line 1 is negative"),
        ([line("100", 1, "101")], "0", "larger than its unit price"),
        ([line("100", 1)], "-5", "order discount is negative"),
        ([line("100", 1)], "100.01", "larger than the sub total"),
        ([line("100.000001", 1)], "0", "more than 5 decimal places"),
    ],
)
def test_totals_refuse_impossible_amounts(
    lines: list[LineInput], order_discount: str, fragment: str
) -> None:
    with pytest.raises(OrderInputError, match=fragment):
        compute_totals(lines, Decimal(order_discount))


def test_totals_refuse_floats() -> None:
    with pytest.raises(OrderInputError, match="not a float"):
        compute_totals([replace(line(), unit_price=1.5)], Decimal(0))


money = st.decimals(min_value=0, max_value=10**7, places=2, allow_nan=False, allow_infinity=False)


@st.composite
def priced_lines(draw: st.DrawFn) -> tuple[list[LineInput], Decimal]:
    lines = []
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        unit = draw(money)
        discount = draw(st.decimals(min_value=0, max_value=unit, places=2))
        lines.append(line(str(unit), draw(st.integers(1, 4)), str(discount)))
    sub_total = sum((item.unit_price * item.quantity for item in lines), Decimal(0))
    order_discount = draw(st.decimals(min_value=0, max_value=sub_total, places=2))
    return lines, order_discount


@given(priced_lines())
def test_totals_identities_hold(case: tuple[list[LineInput], Decimal]) -> None:
    lines, order_discount = case
    totals = compute_totals(lines, order_discount)
    assert totals.sub_total == sum((item.line_total for item in totals.line_totals), Decimal(0))
    assert totals.total == totals.sub_total - totals.discount >= 0
    for item, total in zip(lines, totals.line_totals, strict=True):
        assert total.amount_price == item.unit_price - item.discount >= 0
        assert total.line_total == item.unit_price * item.quantity


@given(priced_lines())
def test_built_usd_orders_round_trip_through_the_wire_exactly(
    case: tuple[list[LineInput], Decimal],
) -> None:
    lines, order_discount = case
    request = build(lines, currency="USD", order_discount=order_discount)
    wire = request.to_wire()
    assert OrderRequest.from_wire(wire) == request
    assert OrderRequest.from_wire(wire).to_wire() == wire
    assert encode_json(OrderRequest.from_wire(json.loads(encode_json(wire))).to_wire()) == (
        encode_json(wire)
    )
    assert Decimal(wire["order"]["total"]) == Decimal(wire["order"]["sub_total"]) - order_discount


# --------------------------------------------------------------------------- building


def test_build_writes_the_page_example_exactly() -> None:
    request = build(
        [line("2222", 2, "22", discount_method="쿠폰 할인")],
        order_discount=Decimal("444"),
        order_discount_method="주문 전체 10% 할인",
        channel_order_code="d96b3ed4-12c5-4fb5-ae22-4f39b11ee980",
        is_voucher=True,
        comment="string",
        ticket_codes=[["t-1", "t-2"]],
        needs_more_information=True,
    )
    wire = request.to_wire()
    (combination,) = wire["depth_combinations"]
    assert combination == {
        "channel_product_mapping_code": "af01c7c4-1637-46fb-b289-a090a9be0397",
        "dc_code": "d96b2ed4-12c5-4fb5-ae94-4f39b11ee980",
        "quantity": 2,
        "inventory_at": "2023-03-01T05:00:00Z",
        "unit_selling_price": "2222.00000",
        "discount": "22.00000",
        "discount_method": "쿠폰 할인",
        "amount_price": "2200.00000",
        "tickets": [
            {
                "channel_code": "t-1",
                "name": "Traveler 1",
                "national_code": "82",
                "phone": "01012345678",
                "email": "t1@example.com",
            },
            {
                "channel_code": "t-2",
                "name": "Traveler 2",
                "national_code": "82",
                "phone": "01012345678",
                "email": "t2@example.com",
            },
        ],
    }
    assert wire["order"] == {
        "channel_order_code": "d96b3ed4-12c5-4fb5-ae22-4f39b11ee980",
        "purchased_at": "2023-02-01T09:30:00Z",
        "sub_total": "4444.00000",
        "discount_method": "주문 전체 10% 할인",
        "discount": "444.00000",
        "total": "4000.00000",
        "status": "New",
        "is_voucher": True,
        "comment": "string",
        "currency": "KRW",
    }
    assert wire["purchaser"] == {
        "is_required_more_information": True,
        "name": "Traveler 0",
        "national_code": "82",
        "phone": "01012345678",
        "email": "t0@example.com",
        "extra": "",
    }
    # No representative given: the purchaser's data, as the page says.
    assert wire["representative"] == {
        "name": "Traveler 0",
        "national_code": "82",
        "phone": "01012345678",
        "email": "t0@example.com",
    }


def test_defaults_new_uuids_zero_discounts_omitted_and_now() -> None:
    before = datetime.now(UTC).replace(microsecond=0)
    request = build_order_request([line()], traveler(0), currency="krw")
    wire = request.to_wire()
    codes = [ticket["channel_code"] for ticket in wire["depth_combinations"][0]["tickets"]]
    assert len(set(codes)) == 2
    for code in [*codes, wire["order"]["channel_order_code"]]:
        assert uuid.UUID(code).version == 4
    assert "discount" not in wire["depth_combinations"][0]
    assert "discount" not in wire["order"]
    assert wire["order"]["currency"] == "KRW"
    assert before <= request.order.purchased_at <= datetime.now(UTC)
    assert request.order.purchased_at.microsecond == 0
    assert wire["order"]["is_voucher"] is False


def test_representative_and_traveler_extras_are_written() -> None:
    lead = traveler(9, extra=" 조개 알레르기 ", additional={"korean_name": "성 이름"})
    request = build([line(travelers=1)], representative=lead)
    wire = request.to_wire()
    assert wire["representative"]["name"] == "Traveler 9"
    assert wire["representative"]["extra"] == "조개 알레르기"
    assert wire["representative"]["additional"] == {"korean_name": "성 이름"}


def test_seoul_slot_times_are_sent_in_utc() -> None:
    local = datetime(2023, 3, 1, 14, 0, tzinfo=timezone(timedelta(hours=9)))
    wire = build([line(inventory_at=local)]).to_wire()
    assert wire["depth_combinations"][0]["inventory_at"] == "2023-03-01T05:00:00Z"


def test_national_code_plus_sign_and_spaces_are_cleaned() -> None:
    person = traveler(0, national_code=" +82 ", name="  Kim  ")
    wire = build_order_request([line(travelers=1)], person, currency="KRW").to_wire()
    assert wire["purchaser"]["national_code"] == "82"
    assert wire["purchaser"]["name"] == "Kim"


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"lines": []}, "no lines"),
        ({"lines": [line(travelers=0)]}, "Line 1 has no travelers"),
        ({"currency": "EUR"}, "currency 'EUR' is not accepted"),
        ({"currency": ""}, "is not accepted"),
        ({"lines": [line("2222.5", 1)]}, "KRW amounts are whole numbers"),
        ({"lines": [line("2222", 1, "0.5")]}, "KRW amounts are whole numbers"),
        ({"order_discount": Decimal("0.5")}, "KRW amounts are whole numbers"),
        ({"lines": [line("19.999", 1)], "currency": "USD"}, "more than 2 decimal places"),
        ({"lines": [line("-1", 1)]}, "negative"),
        ({"lines": [line("10", 1, "11")]}, "larger than its unit price"),
        ({"order_discount": Decimal("99999")}, "larger than the sub total"),
        ({"lines": [line(inventory_at=datetime(2023, 3, 1, 14))]}, "slot time of line 1 has no"),
        ({"purchased_at": datetime(2023, 3, 1, 14)}, "purchase time has no time zone"),
        ({"lines": [line(dc_code=" ")]}, "option code of line 1 is empty"),
        ({"lines": [line(channel_product_mapping_code="")]}, "product mapping code"),
        ({"channel_order_code": "  "}, "channel order code is empty"),
        ({"ticket_codes": [["a"]]}, "Line 1 has 2 travelers but 1 ticket codes"),
        ({"ticket_codes": [["a", "a"]]}, "same ticket code"),
        ({"ticket_codes": [["a", "b"], ["c"]]}, "2 lists of ticket codes were given for 1 lines"),
    ],
)
def test_inconsistent_input_is_refused_with_a_sentence(
    kwargs: dict[str, Any], fragment: str
) -> None:
    lines = kwargs.pop("lines", None)
    with pytest.raises(OrderInputError, match=fragment):
        build(lines, **kwargs)


@pytest.mark.parametrize(
    ("changes", "fragment"),
    [
        ({"name": "  "}, "name of traveler 2 on line 1 is empty"),
        ({"national_code": ""}, "country calling code of traveler 2 on line 1 is empty"),
        ({"national_code": "Korea"}, "must be 1 to 4 digits"),
        ({"phone": ""}, "phone number of traveler 2 on line 1 is empty"),
        ({"phone": "call me"}, "has no digits"),
        ({"email": ""}, "email address of traveler 2 on line 1 is empty"),
        ({"email": "nobody"}, "is not valid"),
        ({"email": "a@b@c"}, "is not valid"),
    ],
)
def test_empty_or_broken_traveler_fields_are_refused(
    changes: dict[str, Any], fragment: str
) -> None:
    broken = replace(line(), travelers=[traveler(1), traveler(2, **changes)])
    with pytest.raises(OrderInputError, match=fragment):
        build([broken])


def test_the_purchaser_is_checked_too() -> None:
    with pytest.raises(OrderInputError, match="email address of the purchaser is empty"):
        build_order_request([line()], traveler(0, email=""), currency="KRW")
    with pytest.raises(OrderInputError, match="name of the lead traveler is empty"):
        build_order_request(
            [line()], traveler(0), currency="KRW", representative=traveler(5, name="")
        )


def test_free_lines_are_allowed() -> None:
    request = build([line("0", 1), line("1000", 1)])
    assert request.order.total == Decimal(1000)


def test_slot_datetime_takes_the_contract_keywords() -> None:
    moment = slot_datetime(date=date(2023, 3, 1), time=time(14, 0), tz_name="UTC")
    assert moment == datetime(2023, 3, 1, 14, 0, tzinfo=UTC)


def test_additional_data_must_be_json() -> None:
    odd = traveler(2, additional={"when": datetime(2023, 1, 1)})
    with pytest.raises(OrderInputError, match="values JSON cannot carry"):
        build([replace(line(), travelers=[traveler(1), odd])])
    not_a_mapping = traveler(0, additional=["english_name"])
    with pytest.raises(OrderInputError, match="must be a mapping"):
        build_order_request([line()], not_a_mapping, currency="KRW")
