"""Create Order: validation (every 400 reason), the 201 shape, repeats, and Get Confirm."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from sandbox_support import (
    API_KEY,
    CHANNEL,
    DC_ADULT,
    DC_CHILD,
    DC_USD,
    MAP_CHILD,
    MAP_USD,
    OTHER_CHANNEL,
    OTHER_KEY,
    SLOT_CLOSED_AT,
    SLOT_FULL_AT,
    SLOT_OPEN,
    SLOT_OPEN_AT,
    SLOT_USD_AT,
    auth,
    line,
    order_body,
    seed,
)

from axdesk.sandbox import RunningSandbox, start_sandbox

ORDERS = "/v1/channel/orders/tour"
Body = dict[str, Any]


def _set(path: str, value: object) -> Callable[[Body], None]:
    """A mutation that sets (or, with ``...``, deletes) a dotted path such as ``order.total``."""

    def mutate(body: Body) -> None:
        *parents, last = path.split(".")
        target: Any = body
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        if value is ...:
            del target[int(last) if last.isdigit() else last]
        else:
            target[int(last) if last.isdigit() else last] = value

    return mutate


def _one_ticket(body: Body) -> None:
    body["depth_combinations"][0]["tickets"] = body["depth_combinations"][0]["tickets"][:1]


def _duplicate_ticket_code(body: Body) -> None:
    tickets = body["depth_combinations"][0]["tickets"]
    tickets[1]["channel_code"] = tickets[0]["channel_code"]


def _both_order_keys(body: Body) -> None:
    body["order"]["channel_order_id"] = "something-else"


DC0 = "depth_combinations[0]"
INVALID_CASES: list[tuple[str, Callable[[Body], None], str]] = [
    (
        "no mapping code",
        _set("depth_combinations.0.channel_product_mapping_code", ...),
        f"{DC0}.channel_product_mapping_code: is required",
    ),
    ("no dc_code", _set("depth_combinations.0.dc_code", ...), f"{DC0}.dc_code: is required"),
    (
        "no inventory_at",
        _set("depth_combinations.0.inventory_at", ...),
        f"{DC0}.inventory_at: is required",
    ),
    ("no tickets", _set("depth_combinations.0.tickets", ...), f"{DC0}.tickets: is required"),
    ("tickets != quantity", _one_ticket, f"{DC0}.tickets: 1 ticket for quantity 2"),
    (
        "quantity as text",
        _set("depth_combinations.0.quantity", "2"),
        f"{DC0}.quantity: must be a whole number",
    ),
    (
        "quantity as bool",
        _set("depth_combinations.0.quantity", True),
        f"{DC0}.quantity: must be a whole number",
    ),
    (
        "quantity zero",
        _set("depth_combinations.0.quantity", 0),
        f"{DC0}.quantity: must be at least 1",
    ),
    (
        "amount_price wrong",
        _set("depth_combinations.0.amount_price", "49000"),
        f"{DC0}.amount_price: 49000 is not unit_selling_price 50000 minus discount 0 (50000)",
    ),
    (
        "sub_total wrong",
        _set("order.sub_total", "1"),
        "order.sub_total: 1 is not the sum of unit_selling_price × quantity (100000)",
    ),
    (
        "total wrong",
        _set("order.total", "99999"),
        "order.total: 99999 is not sub_total 100000 minus discount 0 (100000)",
    ),
    (
        "unknown dc_code",
        _set("depth_combinations.0.dc_code", "nope"),
        f'{DC0}.dc_code: no option has the code "nope"',
    ),
    (
        "unknown mapping",
        _set("depth_combinations.0.channel_product_mapping_code", "nope"),
        f'{DC0}.channel_product_mapping_code: "nope" is not a known mapping',
    ),
    (
        "mapping of another option",
        _set("depth_combinations.0.channel_product_mapping_code", MAP_CHILD),
        f'{DC0}.channel_product_mapping_code: "{MAP_CHILD}" maps to option "{DC_CHILD}", '
        f'not to dc_code "{DC_ADULT}"',
    ),
    (
        "no slot at that time",
        _set("depth_combinations.0.inventory_at", "2026-12-01T06:00:00Z"),
        f'{DC0}.inventory_at: option "{DC_ADULT}" has no departure at 2026-12-01T06:00:00Z '
        "(2026-12-01 15:00 in Asia/Seoul)",
    ),
    (
        "local time sent as UTC",
        _set("depth_combinations.0.inventory_at", "2026-12-01 14:00:00"),
        f'{DC0}.inventory_at: option "{DC_ADULT}" has no departure at 2026-12-01T14:00:00Z '
        "(2026-12-01 23:00 in Asia/Seoul)",
    ),
    (
        "slot closed",
        _set("depth_combinations.0.inventory_at", SLOT_CLOSED_AT),
        f"{DC0}.inventory_at: the departure on 2026-12-03 at 14:00 (Asia/Seoul) is closed for sale "
        "(is_order is false)",
    ),
    (
        "sold out",
        _set("depth_combinations.0.inventory_at", SLOT_FULL_AT),
        f"{DC0}.quantity: 2 requested but only 0 left on 2026-12-04 at 14:00 (Asia/Seoul)",
    ),
    (
        "currency unknown",
        _set("order.currency", "EUR"),
        'order.currency: must be "KRW" or "USD", not "EUR"',
    ),
    (
        "currency not the option's",
        _set("order.currency", "USD"),
        f'{DC0}.dc_code: option "{DC_ADULT}" is sold in KRW, but order.currency is USD',
    ),
    (
        "status not New",
        _set("order.status", "Used"),
        'order.status: must be "New" for a new order, not "Used"',
    ),
    (
        "no order code",
        _set("order.channel_order_code", ...),
        "order.channel_order_code: is required (channel_order_id is accepted too)",
    ),
    (
        "two different order codes",
        _both_order_keys,
        "order.channel_order_id: differs from order.channel_order_code; send one",
    ),
    (
        "empty order code",
        _set("order.channel_order_code", " "),
        "order.channel_order_code: must not be empty",
    ),
    (
        "price as bool",
        _set("depth_combinations.0.unit_selling_price", True),
        f"{DC0}.unit_selling_price: must be an amount of 0 or more with at most 5 decimals, "
        'as a string such as "2222.00000" or a number',
    ),
    (
        "price with a comma",
        _set("depth_combinations.0.unit_selling_price", "50,000"),
        f"{DC0}.unit_selling_price: must be an amount",
    ),
    (
        "price with 6 decimals",
        _set("depth_combinations.0.unit_selling_price", "50000.000001"),
        f"{DC0}.unit_selling_price: must be an amount",
    ),
    (
        "negative discount",
        _set("depth_combinations.0.discount", "-1"),
        f"{DC0}.discount: must be an amount",
    ),
    (
        "price as an object",
        _set("order.sub_total", {"amount": 1}),
        "order.sub_total: must be an amount",
    ),
    ("no sub_total", _set("order.sub_total", ...), "order.sub_total: is required"),
    ("no total", _set("order.total", ...), "order.total: is required"),
    (
        "date only",
        _set("depth_combinations.0.inventory_at", "2026-12-01"),
        f'{DC0}.inventory_at: must be a date-time such as "2023-03-01T05:00:00Z" (RFC 3339, UTC)',
    ),
    ("no purchased_at", _set("order.purchased_at", ...), "order.purchased_at: is required"),
    (
        "bad reserved_at",
        _set("order.reserved_at", "yesterday"),
        "order.reserved_at: must be a date-time",
    ),
    ("no is_voucher", _set("order.is_voucher", ...), "order.is_voucher: is required"),
    (
        "is_voucher as text",
        _set("order.is_voucher", "yes"),
        "order.is_voucher: must be true or false",
    ),
    ("no status", _set("order.status", ...), "order.status: is required"),
    ("no currency", _set("order.currency", ...), "order.currency: is required"),
    ("comment not text", _set("order.comment", 5), "order.comment: must be a string"),
    ("no purchaser", _set("purchaser", ...), "purchaser: is required"),
    ("purchaser not an object", _set("purchaser", "Hong"), "purchaser: must be an object"),
    ("purchaser without extra", _set("purchaser.extra", ...), "purchaser.extra: is required"),
    (
        "purchaser without flag",
        _set("purchaser.is_required_more_information", ...),
        "purchaser.is_required_more_information: is required",
    ),
    ("purchaser without email", _set("purchaser.email", ...), "purchaser.email: is required"),
    (
        "representative without phone",
        _set("representative.phone", ...),
        "representative.phone: is required",
    ),
    (
        "ticket without name",
        _set("depth_combinations.0.tickets.0.name", ...),
        f"{DC0}.tickets[0].name: is required",
    ),
    (
        "ticket name not text",
        _set("depth_combinations.0.tickets.1.name", 5),
        f"{DC0}.tickets[1].name: must be a string",
    ),
    (
        "ticket national_code empty",
        _set("depth_combinations.0.tickets.0.national_code", ""),
        f"{DC0}.tickets[0].national_code: must not be empty",
    ),
    (
        "ticket without channel_code",
        _set("depth_combinations.0.tickets.0.channel_code", ...),
        f"{DC0}.tickets[0].channel_code: is required",
    ),
    (
        "ticket additional not an object",
        _set("depth_combinations.0.tickets.0.additional", "x"),
        f"{DC0}.tickets[0].additional: must be an object",
    ),
    (
        "ticket extra not text",
        _set("depth_combinations.0.tickets.0.extra", 1),
        f"{DC0}.tickets[0].extra: must be a string",
    ),
    (
        "duplicate ticket codes",
        _duplicate_ticket_code,
        f'{DC0}.tickets[1].channel_code: "t-0" is used by another ticket',
    ),
    (
        "ticket not an object",
        _set("depth_combinations.0.tickets.1", "t-1"),
        f"{DC0}.tickets[1]: must be an object",
    ),
    (
        "no depth combinations",
        _set("depth_combinations", []),
        "depth_combinations: must be a non-empty list of the options bought",
    ),
    (
        "depth combination not an object",
        _set("depth_combinations.0", 3),
        f"{DC0}: must be an object",
    ),
    ("no order", _set("order", ...), "order: is required"),
]


@pytest.fixture(scope="module")
def shared_sandbox() -> Iterator[RunningSandbox]:
    """One sandbox for the many rejected requests: a rejected request changes nothing."""
    with start_sandbox(seed=seed(), confirm_after=None) as running:
        yield running


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [pytest.param(mutate, expected, id=name) for name, mutate, expected in INVALID_CASES],
)
def test_each_invalid_field_is_a_400_naming_it(
    shared_sandbox: RunningSandbox, mutate: Callable[[Body], None], expected: str
) -> None:
    sandbox = shared_sandbox
    body = order_body()
    mutate(body)
    before = sandbox.state.slot(SLOT_OPEN)

    response = httpx.post(sandbox.base_url + ORDERS, json=body, headers=auth())

    assert response.status_code == 400, response.text
    errors = response.json()["errors"]
    assert any(error.startswith(expected) for error in errors), errors
    count = len(errors)
    noun = "problem" if count == 1 else "problems"
    assert response.json()["message"] == (
        f"The order request has {count} {noun} (see errors); nothing was ordered."
    )
    assert sandbox.state.order_count() == 0
    assert sandbox.state.slot(SLOT_OPEN) == before


def test_all_problems_are_reported_at_once(client: httpx.Client) -> None:
    body = order_body()
    body["order"]["status"] = "Done"
    body["depth_combinations"][0]["dc_code"] = "nope"
    del body["purchaser"]["name"]

    errors = client.post(ORDERS, json=body).json()["errors"]

    assert len(errors) == 3


@pytest.mark.parametrize(
    ("content", "message_start"),
    [
        (b'{"order": ', "The body is not valid JSON"),
        (b"", "The body is empty"),
        (b"\xff\xfe{}", "The body is not UTF-8 text."),
        (b'{"order": NaN}', "The body is not valid JSON"),
        (b"[1, 2]", "The request body must be a JSON object"),
        (b'"order"', "The request body must be a JSON object"),
    ],
)
def test_unreadable_bodies_are_a_400_with_a_sentence(
    client: httpx.Client, content: bytes, message_start: str
) -> None:
    response = client.post(ORDERS, content=content, headers={"Content-Type": "application/json"})

    assert response.status_code == 400
    assert response.json()["message"].startswith(message_start)
    assert response.json()["errors"] == []


def test_created_order_has_one_ax_order_per_option_and_tickets_in_request_order(
    sandbox: RunningSandbox, client: httpx.Client
) -> None:
    adult = line(quantity=3, ticket_prefix="adult")
    adult["tickets"].reverse()  # request order is adult-2, adult-1, adult-0
    child = line(
        dc_code=DC_CHILD, mapping=MAP_CHILD, price="30000.00000", quantity=1, ticket_prefix="child"
    )
    body = order_body("co-two", [adult, child])

    response = client.post(ORDERS, json=body)

    assert response.status_code == 201, response.text
    data = response.json()["data"]
    assert response.json()["status_code"] == 201
    assert data["channel_order_code"] == "co-two"
    assert data["channel_order_status"] == "New"
    first, second = data["depth_combinations"]
    assert (first["dc_code"], first["quantity"], second["dc_code"], second["quantity"]) == (
        DC_ADULT,
        3,
        DC_CHILD,
        1,
    )
    assert first["inventory_at"] == SLOT_OPEN_AT
    assert first["ax_order_code"] != second["ax_order_code"]
    views = sandbox.state.orders_for("co-two")
    assert [t.channel_ticket_code for t in views[0].tickets] == ["adult-2", "adult-1", "adult-0"]
    assert [t["ax_ticket_code"] for t in first["tickets"]] == [
        t.ax_ticket_code for t in views[0].tickets
    ]
    assert sandbox.state.slot(SLOT_OPEN).ordered_quantity == 13
    assert sandbox.state.seat_problems() == []


@pytest.mark.parametrize(
    "mutate",
    [
        pytest.param(_set("depth_combinations.0.unit_selling_price", 50000), id="int price"),
        pytest.param(_set("depth_combinations.0.amount_price", 50000.0), id="float price"),
        pytest.param(_set("order.sub_total", "100000"), id="no decimals"),
        pytest.param(_set("order.discount", None), id="null optional discount"),
        pytest.param(_set("depth_combinations.0.discount", ...), id="no line discount"),
        pytest.param(_set("representative", ...), id="no representative"),
        pytest.param(
            _set("depth_combinations.0.inventory_at", "2026-12-01 05:00:00"), id="zoneless UTC"
        ),
        pytest.param(
            _set("depth_combinations.0.inventory_at", "2026-12-01T14:00:00+09:00"), id="offset"
        ),
        pytest.param(_set("order.purchased_at", "2026-11-20T01:02:03.123456Z"), id="fractions"),
        pytest.param(_set("depth_combinations.0.tickets.0.extra", ...), id="no ticket extra"),
        pytest.param(_set("depth_combinations.0.tickets.0.additional", None), id="null additional"),
    ],
)
def test_accepted_variants(client: httpx.Client, mutate: Callable[[Body], None]) -> None:
    body = order_body()
    mutate(body)

    response = client.post(ORDERS, json=body)

    assert response.status_code == 201, response.text


def test_channel_order_id_is_accepted_as_the_order_key(client: httpx.Client) -> None:
    body = order_body()
    body["order"]["channel_order_id"] = body["order"].pop("channel_order_code")

    response = client.post(ORDERS, json=body)

    assert response.status_code == 201
    assert response.json()["data"]["channel_order_code"] == "co-1"


def test_discounts_per_line_and_per_order(client: httpx.Client) -> None:
    body = order_body("co-disc", [line(discount="5000.00000")], discount="10000.00000")
    body["depth_combinations"][0]["amount_price"] = "45000.00000"

    assert client.post(ORDERS, json=body).status_code == 201


def test_usd_order_for_a_usd_option(client: httpx.Client) -> None:
    usd = line(
        dc_code=DC_USD, mapping=MAP_USD, inventory_at=SLOT_USD_AT, price="89.00000", quantity=1
    )
    body = order_body("co-usd", [usd], currency="USD")

    response = client.post(ORDERS, json=body)

    assert response.status_code == 201, response.text


def test_two_lines_on_one_slot_are_counted_together(client: httpx.Client) -> None:
    body = order_body(
        "co-split",
        [
            line(inventory_at="2026-12-02T05:00:00Z", quantity=3, ticket_prefix="a"),
            line(inventory_at="2026-12-02T05:00:00Z", quantity=3, ticket_prefix="b"),
        ],
    )

    response = client.post(ORDERS, json=body)

    assert response.status_code == 400
    assert response.json()["errors"][0] == (
        "depth_combinations[0].quantity: 6 requested but only 5 left on 2026-12-02 at 14:00 "
        "(Asia/Seoul)"
    )


def test_missing_channel_header_is_accepted_on_create_order_only(sandbox: RunningSandbox) -> None:
    url = sandbox.base_url + ORDERS

    without = httpx.post(url, json=order_body("co-a"), headers=auth(channel=None))
    wrong = httpx.post(url, json=order_body("co-b"), headers=auth(channel="wrong"))

    assert without.status_code == 201
    assert wrong.status_code == 403
    assert wrong.json() == {"message": "이 작업을 수행할 권한(permission)이 없습니다."}


def test_missing_channel_is_refused_when_the_key_has_two_channels() -> None:
    with start_sandbox(
        seed=seed(), confirm_after=None, api_key=API_KEY, channel_code="second-channel"
    ) as running:
        response = httpx.post(
            running.base_url + ORDERS, json=order_body(), headers=auth(channel=None)
        )
        assert (running.api_key, running.channel_code) == (API_KEY, "second-channel")

    assert response.status_code == 403


def test_repeating_the_same_request_returns_the_same_order(
    sandbox: RunningSandbox, client: httpx.Client
) -> None:
    body = order_body()
    first = client.post(ORDERS, json=body)
    reordered = dict(reversed(list(body.items())))  # same JSON, other key order

    second = client.post(ORDERS, json=reordered)

    assert (first.status_code, second.status_code) == (201, 201)
    assert second.json() == first.json()
    assert sandbox.state.order_count() == 1
    assert sandbox.state.slot(SLOT_OPEN).ordered_quantity == 12


def test_repeat_is_recognised_even_when_the_seats_are_gone(
    sandbox: RunningSandbox, client: httpx.Client
) -> None:
    body = order_body("co-small", [line(inventory_at="2026-12-02T05:00:00Z", quantity=5)])
    first = client.post(ORDERS, json=body)

    second = client.post(ORDERS, json=body)

    assert second.status_code == 201
    assert second.json() == first.json()


def test_same_order_code_with_another_body_is_a_409(
    sandbox: RunningSandbox, client: httpx.Client
) -> None:
    client.post(ORDERS, json=order_body())
    changed = order_body(lines=[line(quantity=1)])

    response = client.post(ORDERS, json=changed)

    assert response.status_code == 409
    assert response.json() == {
        "message": 'An order with channel_order_code "co-1" already exists with different '
        "content; a new order needs a new channel_order_code."
    }
    assert sandbox.state.slot(SLOT_OPEN).ordered_quantity == 12


def test_order_codes_are_per_channel(sandbox: RunningSandbox, client: httpx.Client) -> None:
    client.post(ORDERS, json=order_body())

    other = httpx.post(
        sandbox.base_url + ORDERS,
        json=order_body(lines=[line(quantity=1)]),
        headers=auth(OTHER_KEY, OTHER_CHANNEL),
    )

    assert other.status_code == 201
    assert sandbox.state.order_count() == 2


def test_get_confirm_by_ax_order_code_and_by_channel_order_code(
    sandbox: RunningSandbox, client: httpx.Client
) -> None:
    child = line(
        dc_code=DC_CHILD, mapping=MAP_CHILD, price="30000.00000", quantity=1, ticket_prefix="c"
    )
    data = client.post(ORDERS, json=order_body("co-9", [line(), child])).json()["data"]
    codes = [dc["ax_order_code"] for dc in data["depth_combinations"]]

    by_ax = client.get(f"{ORDERS}/{codes[1]}")
    by_channel = client.get(f"{ORDERS}/co-9")

    assert by_ax.json() == {
        "status_code": 200,
        "data": [
            {"channel_order_code": "co-9", "ax_order_code": codes[1], "status": 1, "comment": None}
        ],
    }
    assert [item["ax_order_code"] for item in by_channel.json()["data"]] == codes
    assert all(isinstance(item["status"], int) for item in by_channel.json()["data"])


def test_get_confirm_of_an_unknown_or_foreign_order_is_404(
    sandbox: RunningSandbox, client: httpx.Client
) -> None:
    data = client.post(ORDERS, json=order_body()).json()["data"]
    ax_code = data["depth_combinations"][0]["ax_order_code"]

    unknown = client.get(f"{ORDERS}/d96b2ed4-12c5-4fb5-ae94-4f39b11ee980")
    foreign = httpx.get(
        f"{sandbox.base_url}{ORDERS}/{ax_code}", headers=auth(OTHER_KEY, OTHER_CHANNEL)
    )
    no_auth = httpx.get(f"{sandbox.base_url}{ORDERS}/{ax_code}", headers=auth(channel=None))

    assert (unknown.status_code, unknown.json()) == (404, {"message": "찾을 수 없습니다."})
    assert foreign.status_code == 404
    assert no_auth.status_code == 403
    assert CHANNEL != OTHER_CHANNEL
