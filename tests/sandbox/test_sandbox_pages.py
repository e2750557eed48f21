"""The four Korean API pages' own examples work against the sandbox, end to end."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from sandbox_page_examples import (
    CONFIRM_EXAMPLE_HEADERS,
    CREATE_ORDER_EXAMPLE,
    CREATE_ORDER_EXAMPLE_HEADERS,
    INVENTORY_EXAMPLE_BODY,
    INVENTORY_EXAMPLE_HEADERS,
    INVENTORY_EXAMPLE_PRODUCT,
)

from axdesk.sandbox import RunningSandbox, start_sandbox

DC_CODE = "d96b2ed4-12c5-4fb5-ae94-4f39b11ee980"


def pages_seed() -> dict[str, Any]:
    """What the examples refer to; 2017-05-23 23:30 UTC is 08:30 the next day in Seoul."""
    return {
        "timezone": "Asia/Seoul",
        "credentials": [{"api_key": "api_key_secret", "channel_code": "code_secret"}],
        "products": [
            {
                "product_code": INVENTORY_EXAMPLE_PRODUCT,
                "name": "예시 투어 / Example Tour",
                "options": [
                    {
                        "dc_code": DC_CODE,
                        "name": "성인 / Adult",
                        "channel_product_mapping_code": "af01c7c4-1637-46fb-b289-a090a9be0397",
                        "unit_price": "2222.00000",
                        "currency": "KRW",
                        "slots": [
                            {
                                "inventory_code": "d50a6594-3457-4e87-afe1-435ca13b8cdd",
                                "date": "2017-05-24",
                                "start_time": "08:30",
                                "max_quantity": 25,
                                "min_quantity": 5,
                                "ordered_quantity": 10,
                                "is_order": True,
                            }
                        ],
                    }
                ],
            }
        ],
    }


@pytest.fixture
def pages_sandbox() -> Iterator[RunningSandbox]:
    with start_sandbox(seed=pages_seed(), confirm_after=None) as running:
        yield running


def test_inventory_curl_example_with_post_and_a_pasted_body(pages_sandbox: RunningSandbox) -> None:
    response = httpx.post(
        f"{pages_sandbox.base_url}/v1/channel/inventory/tour/{INVENTORY_EXAMPLE_PRODUCT}",
        headers=INVENTORY_EXAMPLE_HEADERS,
        content=INVENTORY_EXAMPLE_BODY.encode(),
    )

    assert response.status_code == 200
    [slot] = response.json()["option_codes"][DC_CODE]
    assert slot["date"] == "2017-05-24"
    assert slot["day_of_the_week"] == "Wednesday"
    assert (slot["remain_quantity"], slot["ordered_quantity"]) == (15, 10)


def test_create_order_example_then_confirm_and_cancel(pages_sandbox: RunningSandbox) -> None:
    base = pages_sandbox.base_url

    created = httpx.post(
        f"{base}/v1/channel/orders/tour",
        headers=CREATE_ORDER_EXAMPLE_HEADERS,
        content=CREATE_ORDER_EXAMPLE.encode(),
    )

    assert created.status_code == 201, created.text
    body = created.json()
    assert body["status_code"] == 201
    data = body["data"]
    assert data["channel_order_code"] == "d96b3ed4-12c5-4fb5-ae22-4f39b11ee980"
    assert data["channel_order_status"] == "New"
    [line] = data["depth_combinations"]
    assert line["dc_code"] == DC_CODE
    assert line["inventory_at"] == "2017-05-23T23:30:00Z"
    assert line["ax_order_status"] == "New"
    assert line["quantity"] == 2
    assert [t["ax_ticket_status"] for t in line["tickets"]] == ["New", "New"]
    ax_order_code = line["ax_order_code"]

    confirm = httpx.get(
        f"{base}/v1/channel/orders/tour/{ax_order_code}", headers=CONFIRM_EXAMPLE_HEADERS
    )

    assert confirm.status_code == 200
    assert confirm.json() == {
        "status_code": 200,
        "data": [
            {
                "channel_order_code": data["channel_order_code"],
                "ax_order_code": ax_order_code,
                "status": 1,
                "comment": None,
            }
        ],
    }

    ticket_code = line["tickets"][0]["ax_ticket_code"]
    cancelled = httpx.patch(
        f"{base}/v1/channel/orders/tour/{ax_order_code}/tickets/{ticket_code}",
        headers=INVENTORY_EXAMPLE_HEADERS,
        json={"status": "Traveler canceled", "comment": "여행자 요청"},
    )

    assert cancelled.status_code == 200
    assert cancelled.json() == {
        "status_code": 200,
        "data": {
            "channel_order_code": data["channel_order_code"],
            "ax_order_code": ax_order_code,
            "ax_order_status": "New",
            "ax_ticket_code": ticket_code,
            "ax_ticket_status": "Traveler canceled",
        },
    }
    inventory = httpx.get(
        f"{base}/v1/channel/inventory/tour/{INVENTORY_EXAMPLE_PRODUCT}",
        headers=INVENTORY_EXAMPLE_HEADERS,
    ).json()
    assert inventory["option_codes"][DC_CODE][0]["ordered_quantity"] == 11


def test_the_example_body_is_rejected_when_its_sums_are_broken(
    pages_sandbox: RunningSandbox,
) -> None:
    """The example only passes because its numbers add up: the checks are real."""
    body = json.loads(CREATE_ORDER_EXAMPLE)
    body["order"]["total"] = "4001"

    response = httpx.post(
        f"{pages_sandbox.base_url}/v1/channel/orders/tour",
        headers=CREATE_ORDER_EXAMPLE_HEADERS,
        json=body,
    )

    assert response.status_code == 400
    assert response.json()["errors"] == [
        "order.total: 4001 is not sub_total 4444 minus discount 444 (4000)"
    ]
