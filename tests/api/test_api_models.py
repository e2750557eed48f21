"""Models: tolerant reading of every variant the pages show, exact writing of the order."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time
from typing import Any

import pytest
from page_examples import (
    CANCEL_TICKET_200,
    CREATE_ORDER_201,
    CREATE_ORDER_REQUEST,
    GET_CONFIRM_200,
    INVENTORY_CURL_FLAT,
    INVENTORY_NEW,
    INVENTORY_OLD,
    OPTION_CODE,
    PRODUCT_CODE,
    with_quoted_uuids,
)

from axdesk.api import (
    UNKNOWN_OPTION,
    AxMalformedResponseError,
    CancelledTicket,
    CreatedOrder,
    Inventory,
    InventorySlot,
    OrderInputError,
    OrderRequest,
    OrderStatus,
    OrderStatusInfo,
    TicketStatus,
    decode_json,
    pair_tickets,
)

# --------------------------------------------------------------------------- statuses


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (3, OrderStatus.SUPPLIER_CONFIRM),
        ("3", OrderStatus.SUPPLIER_CONFIRM),
        (" 3 ", OrderStatus.SUPPLIER_CONFIRM),
        ("New ", OrderStatus.NEW),
        ("supplier confirm", OrderStatus.SUPPLIER_CONFIRM),
        ("Supplier pending ", OrderStatus.SUPPLIER_PENDING),
        ("  SUPPLIER   REJECT", OrderStatus.SUPPLIER_REJECT),
        ("supplier_reject", OrderStatus.SUPPLIER_REJECT),
        ("Traveler cancel ", OrderStatus.TRAVELER_CANCEL),
        ("Unavoidable cancel", OrderStatus.UNAVOIDABLE_CANCEL),
        ("“New“", OrderStatus.NEW),
        (OrderStatus.NEW, OrderStatus.NEW),
    ],
)
def test_order_status_parses_every_form(value: object, expected: OrderStatus) -> None:
    assert OrderStatus.parse(value) is expected


@pytest.mark.parametrize("value", [0, 7, "7", "Confirmed", "", True, None, 3.0])
def test_order_status_refuses_unknown_values_with_value_error(value: object) -> None:
    with pytest.raises(ValueError, match="order status"):
        OrderStatus.parse(value)


def test_order_status_labels_and_finality() -> None:
    assert OrderStatus.SUPPLIER_CONFIRM.label == "Supplier confirm"
    assert [status.label for status in OrderStatus] == [
        "New",
        "Supplier pending",
        "Supplier confirm",
        "Supplier reject",
        "Traveler cancel",
        "Unavoidable cancel",
    ]
    assert [status.is_final for status in OrderStatus] == [False, False, True, True, True, True]
    assert int(OrderStatus.UNAVOIDABLE_CANCEL) == 6


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("New", TicketStatus.NEW),
        ("New ", TicketStatus.NEW),
        ("Used ", TicketStatus.USED),
        ("Traveler canceled", TicketStatus.TRAVELER_CANCELED),
        ("Traveler canceled”", TicketStatus.TRAVELER_CANCELED),
        ("traveler cancelled", TicketStatus.TRAVELER_CANCELED),
        ("TRAVELER_CANCELED", TicketStatus.TRAVELER_CANCELED),
        ("Supplier canceled ", TicketStatus.SUPPLIER_CANCELED),
    ],
)
def test_ticket_status_parses_trimmed_names(value: str, expected: TicketStatus) -> None:
    assert TicketStatus.parse(value) is expected


@pytest.mark.parametrize("value", ["Cancelled", "", 1, None])
def test_ticket_status_refuses_unknown_values(value: object) -> None:
    with pytest.raises(ValueError, match="ticket status"):
        TicketStatus.parse(value)


def test_only_new_tickets_are_cancellable() -> None:
    assert [status.is_cancellable for status in TicketStatus] == [True, False, False, False]
    assert TicketStatus.TRAVELER_CANCELED == "Traveler canceled"


# --------------------------------------------------------------------------- inventory


def _slot(**changes: Any) -> InventorySlot:
    data: dict[str, Any] = {
        "inventory_code": "c2befdbe-57fa-4a47-9132-f7f8153b5f2c",
        "date": "2023-03-01",
        "start_time": "14:00",
        "day_of_the_week": "Sunday",
        "is_order": True,
        "max_quantity": 25,
        "min_quantity": 5,
        "remain_quantity": 15,
        "ordered_quantity": 10,
    }
    data.update(changes)
    return InventorySlot.validate(data)


def test_new_inventory_example_is_read() -> None:
    inventory = Inventory.from_payload(PRODUCT_CODE, decode_json(INVENTORY_NEW))
    assert inventory.product_code == PRODUCT_CODE
    assert list(inventory.options) == [OPTION_CODE]
    slots = inventory.options[OPTION_CODE]
    assert [slot.date for slot in slots] == [date(2023, 3, 1), date(2023, 3, 8), date(2023, 3, 15)]
    first = slots[0]
    assert first.inventory_code == "d50a6594-3457-4e87-afe1-435ca13b8cdd"
    assert first.start_time == time(14, 0)
    assert (first.remain_quantity, first.ordered_quantity) == (15, 10)
    assert first.depth_combination_id is None
    # The page says Sunday; 2023-03-01 was a Wednesday. The date wins.
    assert first.reported_weekday == "Sunday"
    assert first.weekday == "Wednesday"
    assert all(slot.problems == [] for slot in slots)
    assert [slot.is_guaranteed for slot in slots] == [True, True, True]


def test_old_inventory_example_is_refused_as_written_and_read_once_quoted() -> None:
    with pytest.raises(AxMalformedResponseError):
        decode_json(INVENTORY_OLD)
    inventory = Inventory.from_payload(PRODUCT_CODE, decode_json(with_quoted_uuids(INVENTORY_OLD)))
    slots = inventory.options[OPTION_CODE]
    assert [slot.inventory_code for slot in slots] == [
        "c2befdbe-57fa-4a47-9132-f7f8153b5f2c",
        "0c529494-955f-4429-8fe6-6afc67d2a058",
        "2269ced3-3cf9-4a75-b1fd-c6aa36a189e9",
    ]
    assert (slots[0].remain_quantity, slots[0].ordered_quantity) == (10, 15)


def test_old_flat_inventory_goes_under_the_unknown_option() -> None:
    payload = decode_json(with_quoted_uuids(INVENTORY_CURL_FLAT))
    inventory = Inventory.from_payload(PRODUCT_CODE, payload)
    assert list(inventory.options) == [UNKNOWN_OPTION]
    assert len(inventory.options[UNKNOWN_OPTION]) == 3
    assert len(inventory.slots) == 3


@pytest.mark.parametrize(
    "wrap",
    [
        lambda slots: {"status_code": 200, "option_codes": {"opt": slots}},
        lambda slots: {"option_codes": {"opt": slots}},
        lambda slots: {"status_code": 200, "data": {"option_codes": {"opt": slots}}},
        lambda slots: {"status_code": 200, "data": {"opt": slots}},
        lambda slots: {"opt": slots},
    ],
)
def test_every_inventory_shape_gives_the_same_options(wrap: Any) -> None:
    slots = json.loads(INVENTORY_NEW)["option_codes"][OPTION_CODE]
    inventory = Inventory.from_payload(PRODUCT_CODE, wrap(slots))
    assert list(inventory.options) == ["opt"]
    assert len(inventory.options["opt"]) == 3


@pytest.mark.parametrize(
    "payload",
    [
        {"status_code": 200, "option_codes": ["not", "a", "mapping"]},
        {"status_code": 200, "data": "nothing"},
        {"status_code": 200, "data": {"opt": "not a list"}},
        "just text",
        {"status_code": 200, "data": [{"inventory_code": "x"}]},
        {"data": [{**json.loads(INVENTORY_NEW)["option_codes"][OPTION_CODE][0], "date": "soon"}]},
    ],
)
def test_wrong_inventory_shapes_are_malformed(payload: object) -> None:
    with pytest.raises(AxMalformedResponseError, match="inventory"):
        Inventory.from_payload(PRODUCT_CODE, payload)


def test_slot_quantities_may_be_strings() -> None:
    slot = _slot(max_quantity="25", remain_quantity=" 15 ", ordered_quantity="10")
    assert (slot.max_quantity, slot.remain_quantity) == (25, 15)


def test_slot_with_depth_combination_id() -> None:
    assert _slot(depth_combination_id="abc").depth_combination_id == "abc"


def test_slot_problems_name_broken_arithmetic_and_negatives() -> None:
    broken = _slot(remain_quantity=16)
    assert len(broken.problems) == 1
    assert "does not add up to its maximum of 25" in broken.problems[0]
    assert "2023-03-01 at 14:00" in broken.problems[0]
    negative = _slot(remain_quantity=-1, ordered_quantity=26)
    assert any("negative remaining quantity (-1)" in text for text in negative.problems)
    too_few_seats = _slot(min_quantity=30)
    assert any("needs at least 30" in text for text in too_few_seats.problems)


def test_slot_sold_out_and_guarantee() -> None:
    assert _slot(remain_quantity=0, ordered_quantity=25).is_sold_out
    assert not _slot().is_sold_out
    assert not _slot(is_order=False).is_bookable
    assert _slot().is_bookable
    assert not _slot(remain_quantity=21, ordered_quantity=4).is_guaranteed
    assert _slot(remain_quantity=20, ordered_quantity=5).is_guaranteed


# --------------------------------------------------------------------------- responses


def test_create_order_example_is_read_bare() -> None:
    created = CreatedOrder.from_payload(decode_json(CREATE_ORDER_201))
    assert created.channel_order_code == "915c1218-f41c-492b-bb0b-96177ff4d2ee"
    assert created.channel_order_status is OrderStatus.NEW
    first, second = created.depth_combinations
    assert first.quantity == 2  # "quantity": "2"
    assert first.inventory_at == datetime(2017, 5, 23, 23, 30, tzinfo=UTC)
    assert first.ax_order_code == "b9872ed4-12c5-4fb5-ae18-4f39b11ee912"
    assert [ticket.ax_ticket_status for ticket in first.tickets] == [TicketStatus.NEW] * 2
    assert second.quantity == 2  # absent in the example: counted from its tickets


def test_create_order_example_is_read_wrapped() -> None:
    bare = decode_json(CREATE_ORDER_201)
    wrapped = {"status_code": 201, "data": bare}
    assert CreatedOrder.from_payload(wrapped) == CreatedOrder.from_payload(bare)


def test_created_order_statuses_with_stray_spaces() -> None:
    bare = decode_json(CREATE_ORDER_201)
    bare["channel_order_status"] = "Supplier pending "
    bare["depth_combinations"][0]["ax_order_status"] = "New "
    bare["depth_combinations"][0]["tickets"][0]["ax_ticket_status"] = "Used "
    created = CreatedOrder.from_payload(bare)
    assert created.channel_order_status is OrderStatus.SUPPLIER_PENDING
    assert created.depth_combinations[0].tickets[0].ax_ticket_status is TicketStatus.USED


def test_created_order_with_unknown_status_is_malformed_with_a_sentence() -> None:
    bare = decode_json(CREATE_ORDER_201)
    bare["depth_combinations"][1]["ax_order_status"] = "Exploded"
    with pytest.raises(AxMalformedResponseError) as caught:
        CreatedOrder.from_payload(bare)
    text = str(caught.value)
    assert text.startswith("AX sent the created order in a shape axdesk does not understand")
    assert "depth_combinations.1.ax_order_status" in text
    assert "'Exploded' is not a known order status" in text


def test_get_confirm_example_is_read() -> None:
    infos = OrderStatusInfo.list_from_payload(decode_json(GET_CONFIRM_200))
    assert infos == [
        OrderStatusInfo(
            channel_order_code="af01c7c4-1637-46fb-b289-a090a9be0397",
            ax_order_code="d96b2ed4-12c5-4fb5-ae94-4f39b11ee980",
            status=OrderStatus.SUPPLIER_CONFIRM,
            comment="Supplier 확정",
        )
    ]


@pytest.mark.parametrize(
    "payload",
    [
        {
            "status_code": 200,
            "data": {"channel_order_code": "c", "ax_order_code": "a", "status": 4},
        },
        [{"channel_order_code": "c", "ax_order_code": "a", "status": "Supplier reject"}],
        {"channel_order_code": "c", "ax_order_code": "a", "status": "4", "comment": None},
    ],
)
def test_get_confirm_variants(payload: object) -> None:
    (info,) = OrderStatusInfo.list_from_payload(payload)
    assert info.status is OrderStatus.SUPPLIER_REJECT


def test_cancel_example_is_read_bare_and_wrapped() -> None:
    bare = decode_json(CANCEL_TICKET_200)
    cancelled = CancelledTicket.from_payload(bare)
    assert cancelled.ax_ticket_status is TicketStatus.TRAVELER_CANCELED
    assert cancelled.ax_order_status is OrderStatus.NEW
    assert cancelled.ax_ticket_code == "827c0381-f41c-492b-bb0b-88229ff4d2ee"
    assert CancelledTicket.from_payload({"status_code": 200, "data": bare}) == cancelled


# --------------------------------------------------------------------------- request


def test_page_request_example_reads_and_writes_exactly() -> None:
    request = OrderRequest.from_wire(json.loads(CREATE_ORDER_REQUEST))
    wire = request.to_wire()
    line = wire["depth_combinations"][0]
    assert line["unit_selling_price"] == "2222.00000"  # the page sent the number 2222
    assert line["discount"] == "22.00000"
    assert line["amount_price"] == "2200.00000"
    assert line["inventory_at"] == "2017-05-23T23:30:00Z"  # zone-less on the page: UTC
    assert line["quantity"] == 2
    order = wire["order"]
    assert order["channel_order_code"] == "d96b3ed4-12c5-4fb5-ae22-4f39b11ee980"
    assert "channel_order_id" not in order
    assert (order["sub_total"], order["discount"], order["total"]) == (
        "4444.00000",
        "444.00000",
        "4000.00000",
    )
    assert order["purchased_at"] == "2017-05-23T23:30:00Z"
    assert wire["purchaser"]["additional"] == {
        "english_name": "first last",
        "korean_name": "성이름",
    }
    assert OrderRequest.from_wire(wire).to_wire() == wire


def test_channel_order_id_is_read_as_channel_order_code() -> None:
    page = json.loads(CREATE_ORDER_REQUEST)
    page["order"]["channel_order_id"] = page["order"].pop("channel_order_code")
    wire = OrderRequest.from_wire(page).to_wire()
    assert wire["order"]["channel_order_code"] == "d96b3ed4-12c5-4fb5-ae22-4f39b11ee980"


def test_optional_fields_are_omitted_when_none() -> None:
    page = json.loads(CREATE_ORDER_REQUEST)
    line = page["depth_combinations"][0]
    for key in ("discount", "discount_method"):
        del line[key]
    line["amount_price"] = "2222"
    for ticket in line["tickets"]:
        del ticket["additional"], ticket["extra"]
    for key in ("purchase_requested_at", "reserved_at", "reservation_requested_at"):
        del page["order"][key]
    for key in ("discount", "discount_method", "comment"):
        del page["order"][key]
    page["order"]["total"] = "4444"
    del page["representative"]["extra"], page["representative"]["additional"]
    wire = OrderRequest.from_wire(page).to_wire()
    assert set(wire["depth_combinations"][0]) == {
        "channel_product_mapping_code",
        "dc_code",
        "quantity",
        "inventory_at",
        "unit_selling_price",
        "amount_price",
        "tickets",
    }
    assert set(wire["depth_combinations"][0]["tickets"][0]) == {
        "channel_code",
        "name",
        "national_code",
        "phone",
        "email",
    }
    assert set(wire["order"]) == {
        "channel_order_code",
        "purchased_at",
        "sub_total",
        "total",
        "status",
        "is_voucher",
        "currency",
    }
    assert "extra" not in wire["representative"]
    assert wire["purchaser"]["extra"] == "폐쇄 공포증이 있습니다."


def _page(**order_changes: Any) -> dict[str, Any]:
    page: dict[str, Any] = json.loads(CREATE_ORDER_REQUEST)
    page["order"].update(order_changes)
    return page


@pytest.mark.parametrize(
    ("page", "fragment"),
    [
        (_page(sub_total="4400"), "not the sum of unit selling prices"),
        (_page(total="4044"), "is not the sub total 4444 minus the discount 444"),
        (_page(currency="EUR"), "currency 'EUR'"),
        (_page(status="Supplier confirm"), 'status "New"'),
        (_page(purchased_at="whenever"), "order.purchased_at"),
        (_page(discount="4445", total="-1"), "negative"),
        (_page(sub_total="4444.000001"), "more than 5 decimal places"),
        (_page(unexpected="field"), "order.unexpected"),
        ({**_page(), "depth_combinations": []}, "depth_combinations"),
    ],
)
def test_inconsistent_orders_are_refused_with_a_sentence(
    page: dict[str, Any], fragment: str
) -> None:
    with pytest.raises(OrderInputError, match="The order could not be read") as caught:
        OrderRequest.from_wire(page)
    assert fragment in str(caught.value)


def test_ticket_count_must_match_quantity() -> None:
    page = _page()
    page["depth_combinations"][0]["quantity"] = 3
    with pytest.raises(OrderInputError, match="quantity is 3 but there are 2 tickets"):
        OrderRequest.from_wire(page)


def test_amount_price_must_be_unit_price_minus_discount() -> None:
    page = _page()
    page["depth_combinations"][0]["amount_price"] = "2222"
    with pytest.raises(OrderInputError, match="amount price 2222 is not the unit selling price"):
        OrderRequest.from_wire(page)


def test_naive_datetime_objects_are_refused_on_the_request_side() -> None:
    page = _page(purchased_at=datetime(2023, 3, 1, 5, 0))
    with pytest.raises(OrderInputError, match="no time zone"):
        OrderRequest.from_wire(page)


def test_fractional_krw_is_refused_in_a_stored_order() -> None:
    page = _page(sub_total="4445", total="4001")
    line = page["depth_combinations"][0]
    line.update(unit_selling_price="2222.5", amount_price="2200.5")
    with pytest.raises(OrderInputError, match="KRW amounts are whole numbers"):
        OrderRequest.from_wire(page)


def test_duplicate_ticket_codes_are_refused() -> None:
    page = _page()
    tickets = page["depth_combinations"][0]["tickets"]
    tickets[1]["channel_code"] = tickets[0]["channel_code"]
    with pytest.raises(OrderInputError, match="same channel code"):
        OrderRequest.from_wire(page)


# --------------------------------------------------------------------------- pairing


def _request_for_created() -> OrderRequest:
    page = _page(sub_total="8888", total="8444")
    second = json.loads(json.dumps(page["depth_combinations"][0]))
    second["dc_code"] = "d96b2ed4-12c5-4fb5-ae94-4f39b11ee981"
    for number, ticket in enumerate(second["tickets"]):
        ticket["channel_code"] = f"second-{number}"
    page["depth_combinations"][0]["dc_code"] = "d96b2ed4-12c5-4fb5-ae94-4f39b11ee980"
    page["depth_combinations"].append(second)
    return OrderRequest.from_wire(page)


def test_tickets_are_paired_by_position() -> None:
    request = _request_for_created()
    created = CreatedOrder.from_payload(decode_json(CREATE_ORDER_201))
    pairs = pair_tickets(request, created)
    assert [(pair.channel_code, pair.ax_ticket_code) for pair in pairs] == [
        ("d96b2td4-15c5-4fb5-ae94-4f36667ee980", "827c0381-f41c-492b-bb0b-88229ff4d2ee"),
        ("d96b2td4-15c5-4fb5-ae94-4f36667ee981", "827c9283-f41c-492b-bb0b-88102ff4d8ee"),
        ("second-0", "087c2263-f41c-492b-bb0b-87263ff4d2ee"),
        ("second-1", "829c9283-f41c-492b-bb0b-65738ff4d8fe"),
    ]
    assert pairs[2].ax_order_code == "b9872ed4-12c5-4fb5-ae18-4f39b11ee913"


def test_pairing_refuses_answers_that_do_not_line_up() -> None:
    request = _request_for_created()
    body = decode_json(CREATE_ORDER_201)
    body["depth_combinations"][1]["tickets"].pop()
    with pytest.raises(AxMalformedResponseError, match="1 tickets for 2 travelers"):
        pair_tickets(request, CreatedOrder.from_payload(body))
    body = decode_json(CREATE_ORDER_201)
    body["depth_combinations"].reverse()
    with pytest.raises(AxMalformedResponseError, match="where d96b2ed4"):
        pair_tickets(request, CreatedOrder.from_payload(body))
    body["depth_combinations"].pop()
    with pytest.raises(AxMalformedResponseError, match="1 orders for 2 options"):
        pair_tickets(request, CreatedOrder.from_payload(body))


@pytest.mark.parametrize("payload", [{"status_code": 200}, {}, {"status_code": 200, "data": None}])
def test_inventory_without_any_options_is_malformed(payload: object) -> None:
    with pytest.raises(AxMalformedResponseError, match="inventory"):
        Inventory.from_payload(PRODUCT_CODE, payload)


def test_explicitly_empty_options_are_an_empty_inventory() -> None:
    inventory = Inventory.from_payload(PRODUCT_CODE, {"status_code": 200, "option_codes": {}})
    assert inventory.options == {}
    assert inventory.slots == []
