"""From the form's state to the Create Order body (no Qt, no network)."""

from __future__ import annotations

import datetime as dt

import pytest

from axdesk.api import OrderInputError, OrderRequest
from axdesk.ui.order_entry.request import build_request
from axdesk.ui.order_entry.state import LineState, OrderFormState, PersonState
from axdesk.ui.order_entry.totals import compute_form_totals

MAPPINGS = {("P1", "D1"): "M1", ("P1", "D2"): "M2"}


def mapping(product: str, option: str) -> str | None:
    return MAPPINGS.get((product, option))


def person(name: str, phone: str = "010-1234-5678", code: str = "82") -> PersonState:
    return PersonState(
        name=name, national_code=code, phone=phone, email=f"{name.split()[0].lower()}@example.com"
    )


def state() -> OrderFormState:
    first = LineState(
        product_code="P1",
        dc_code="D1",
        date=dt.date(2030, 5, 3),
        start_time=dt.time(9, 30),
        quantity=2,
        unit_price="50,000",
        discount="5000",
        discount_method="coupon",
        travelers=[
            person("Kim Minji"),
            PersonState(
                name="Lee Jun",
                national_code="+1",
                phone="(650) 253-0000",
                email="jun@example.com",
                extra="vegetarian",
                additional=[("english_name", "Jun Lee")],
            ),
        ],
    )
    second = LineState(
        product_code="P1",
        dc_code="D2",
        date=dt.date(2030, 5, 3),
        start_time=dt.time(14, 0),
        quantity=1,
        unit_price="30000",
        travelers=[person("Kim Dana")],
    )
    return OrderFormState(
        purchaser=person("Kim Minji"),
        needs_more_information=True,
        representative_same=False,
        representative=person("Park Sora", "+82 10-9876-5432"),
        currency="KRW",
        is_voucher=True,
        comment="  Window seats  ",
        order_discount="10,000",
        order_discount_method="member",
        lines=[first, second],
    )


def test_the_body_carries_what_was_typed_in_the_wire_form() -> None:
    request = build_request(state(), mapping_code_for=mapping, tz_name="Asia/Seoul")
    wire = request.to_wire()
    first, second = wire["depth_combinations"]
    assert first["channel_product_mapping_code"] == "M1"
    assert first["inventory_at"] == "2030-05-03T00:30:00Z"  # 09:30 in Seoul
    assert first["unit_selling_price"] == "50000.00000"
    assert first["discount"] == "5000.00000"
    assert first["amount_price"] == "45000.00000"
    assert first["discount_method"] == "coupon"
    lee = first["tickets"][1]
    assert (lee["national_code"], lee["phone"]) == ("1", "6502530000")
    assert lee["additional"] == {"english_name": "Jun Lee"}
    assert lee["extra"] == "vegetarian"
    assert first["tickets"][0]["phone"] == "01012345678"
    assert second["quantity"] == 1
    order = wire["order"]
    assert (order["sub_total"], order["discount"], order["total"]) == (
        "130000.00000",
        "10000.00000",
        "120000.00000",
    )
    assert order["is_voucher"] is True
    assert order["comment"] == "Window seats"
    assert wire["purchaser"]["is_required_more_information"] is True
    assert wire["representative"]["name"] == "Park Sora"
    assert wire["representative"]["phone"] == "01098765432"
    assert OrderRequest.from_wire(wire).to_wire() == wire


def test_live_totals_agree_with_the_builders() -> None:
    form = state()
    request = build_request(form, mapping_code_for=mapping, tz_name="Asia/Seoul")
    live = compute_form_totals(form)
    assert live.sub_total == request.order.sub_total
    assert live.total == request.order.total
    assert [figure.amount_per_unit for figure in live.lines] == [
        line.amount_price for line in request.depth_combinations
    ]


def test_the_representative_defaults_to_the_purchaser() -> None:
    form = state()
    form.representative_same = True
    wire = build_request(form, mapping_code_for=mapping, tz_name="Asia/Seoul").to_wire()
    assert wire["representative"]["name"] == "Kim Minji"


def test_each_send_gets_a_new_channel_order_code_unless_given() -> None:
    one = build_request(state(), mapping_code_for=mapping, tz_name="Asia/Seoul")
    two = build_request(state(), mapping_code_for=mapping, tz_name="Asia/Seoul")
    assert one.order.channel_order_code != two.order.channel_order_code
    fixed = build_request(
        state(), mapping_code_for=mapping, tz_name="Asia/Seoul", channel_order_code="ORDER-1"
    )
    assert fixed.order.channel_order_code == "ORDER-1"


def test_an_option_without_a_mapping_code_is_refused_with_a_sentence() -> None:
    with pytest.raises(OrderInputError, match="Line 2's option has no channel product mapping"):
        build_request(
            state(),
            mapping_code_for=lambda p, o: "M1" if o == "D1" else None,
            tz_name="Asia/Seoul",
        )
