"""Get Inventory, authentication and the error bodies, over real loopback HTTP."""

from __future__ import annotations

from datetime import date

import httpx
import pytest
from sandbox_support import (
    API_KEY,
    CHANNEL,
    DC_ADULT,
    DC_CHILD,
    OTHER_CHANNEL,
    OTHER_KEY,
    PRODUCT,
    SLOT_CLOSED,
    SLOT_FULL,
    SLOT_OPEN,
    auth,
)

from axdesk.sandbox import RunningSandbox

FORBIDDEN = {"message": "이 작업을 수행할 권한(permission)이 없습니다."}
NOT_FOUND = {"message": "찾을 수 없습니다."}
INVENTORY = f"/v1/channel/inventory/tour/{PRODUCT}"
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def test_inventory_lists_each_option_with_its_slots(client: httpx.Client) -> None:
    response = client.get(INVENTORY)

    assert response.status_code == 200
    body = response.json()
    assert body["status_code"] == 200
    assert set(body["option_codes"]) == {DC_ADULT, DC_CHILD}
    adult = {slot["inventory_code"]: slot for slot in body["option_codes"][DC_ADULT]}
    assert list(adult) == [SLOT_OPEN, "inv-small", SLOT_CLOSED, SLOT_FULL]
    assert adult[SLOT_OPEN] == {
        "inventory_code": SLOT_OPEN,
        "date": "2026-12-01",
        "start_time": "14:00",
        "day_of_the_week": "Tuesday",
        "is_order": True,
        "max_quantity": 25,
        "min_quantity": 5,
        "remain_quantity": 15,
        "ordered_quantity": 10,
        "depth_combination_id": DC_ADULT,
    }
    assert adult[SLOT_CLOSED]["is_order"] is False
    assert adult[SLOT_FULL]["remain_quantity"] == 0


def test_every_demo_slot_has_the_right_weekday_and_counts() -> None:
    from axdesk.sandbox import start_sandbox

    with (
        start_sandbox(confirm_after=None) as demo,
        httpx.Client(base_url=demo.base_url, headers=auth(demo.api_key, demo.channel_code)) as http,
    ):
        for product in demo.catalog():
            body = http.get(f"/v1/channel/inventory/tour/{product['product_code']}").json()
            for dc_code, slots in body["option_codes"].items():
                assert slots
                for slot in slots:
                    day = date.fromisoformat(slot["date"])
                    assert slot["day_of_the_week"] == WEEKDAYS[day.weekday()]
                    assert (
                        slot["remain_quantity"] + slot["ordered_quantity"] == slot["max_quantity"]
                    )
                    assert slot["depth_combination_id"] == dc_code


def test_date_filters_are_inclusive(client: httpx.Client) -> None:
    response = client.get(INVENTORY, params={"start_date": "2026-12-02", "end_date": "2026-12-03"})

    codes = [slot["inventory_code"] for slot in response.json()["option_codes"][DC_ADULT]]
    assert codes == ["inv-small", SLOT_CLOSED]
    assert response.json()["option_codes"][DC_CHILD] == []


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"start_date": "01/12/2026"}, "start_date"),
        ({"end_date": "2026-13-01"}, "end_date"),
        ({"start_date": "2026-12-05", "end_date": "2026-12-01"}, "start_date"),
    ],
)
def test_bad_date_filters_are_a_400_naming_the_parameter(
    client: httpx.Client, params: dict[str, str], field: str
) -> None:
    response = client.get(INVENTORY, params=params)

    assert response.status_code == 400
    assert response.json()["message"].startswith(field)
    assert response.json()["errors"][0].startswith(f"{field}:")


def test_post_on_the_inventory_path_answers_like_get(client: httpx.Client) -> None:
    """The Get Inventory page's curl uses POST, with a pasted response (not even JSON) as body."""
    pasted = b'{"status_code": 200, "data": [{"inventory_code": c2befdbe-57fa-4a47-9132}]}'

    response = client.post(INVENTORY, content=pasted, headers={"Content-Type": "application/json"})

    assert response.status_code == 200
    assert response.json() == client.get(INVENTORY).json()


def test_unknown_product_is_the_documented_404(client: httpx.Client) -> None:
    response = client.get("/v1/channel/inventory/tour/15a8b34ec-1a32-4b70-a5ba-8f2c81ec4c09")

    assert response.status_code == 404
    assert response.json() == NOT_FOUND


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": f"Token {API_KEY}"},  # Channel required outside Create Order
        {"Channel": f"Code {CHANNEL}"},
        {"Authorization": "Token wrong", "Channel": f"Code {CHANNEL}"},
        {"Authorization": f"Token {API_KEY}", "Channel": "Code wrong"},
        {"Authorization": f"Bearer {API_KEY}", "Channel": f"Code {CHANNEL}"},
        {"Authorization": f"Token {API_KEY}", "Channel": CHANNEL},
        {"Authorization": f"Token {API_KEY}", "Channel": f"Code {OTHER_CHANNEL}"},
    ],
)
def test_bad_credentials_are_the_documented_403(
    sandbox: RunningSandbox, headers: dict[str, str]
) -> None:
    response = httpx.get(sandbox.base_url + INVENTORY, headers=headers)

    assert response.status_code == 403
    assert response.json() == FORBIDDEN


def test_authentication_comes_before_not_found(sandbox: RunningSandbox) -> None:
    response = httpx.get(sandbox.base_url + "/v1/channel/inventory/tour/nope")

    assert response.status_code == 403


def test_every_credential_of_the_seed_works_and_csrf_header_is_ignored(
    sandbox: RunningSandbox,
) -> None:
    headers = {**auth(OTHER_KEY, OTHER_CHANNEL), "X-CSRFTOKEN": "qE3VQawgUcqbERA2G3LiGZQ1"}

    response = httpx.get(sandbox.base_url + INVENTORY, headers=headers)

    assert response.status_code == 200


def test_header_schemes_are_case_insensitive(sandbox: RunningSandbox) -> None:
    headers = {"authorization": f"token {API_KEY}", "channel": f"CODE {CHANNEL}"}

    assert httpx.get(sandbox.base_url + INVENTORY, headers=headers).status_code == 200


def test_unknown_paths_and_methods_answer_in_the_api_shape(client: httpx.Client) -> None:
    missing = client.get("/v1/channel/nothing")
    wrong_method = client.delete(INVENTORY)

    assert (missing.status_code, missing.json()) == (404, NOT_FOUND)
    assert wrong_method.status_code == 405
    assert "DELETE" in wrong_method.json()["message"]


def test_catalog_returns_plain_products_and_options(sandbox: RunningSandbox) -> None:
    products = sandbox.catalog()

    assert [p["product_code"] for p in products] == [PRODUCT, "prod-jeju-trek"]
    assert products[0]["options"][0] == {
        "dc_code": DC_ADULT,
        "name": "성인 / Adult",
        "channel_product_mapping_code": "map-adult",
        "unit_price": "50000.00000",
        "currency": "KRW",
    }
    assert products[0]["options"][1]["unit_price"] == "30000.00000"
    assert products[1]["options"][0]["currency"] == "USD"
