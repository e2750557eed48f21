"""A small, fixed seed and order bodies for the sandbox tests."""

from __future__ import annotations

import copy
from decimal import Decimal
from typing import Any

API_KEY = "test-key"
CHANNEL = "test-channel"
OTHER_KEY = "other-key"
OTHER_CHANNEL = "other-channel"

PRODUCT = "prod-city-walk"
USD_PRODUCT = "prod-jeju-trek"
DC_ADULT = "dc-adult"
DC_CHILD = "dc-child"
DC_USD = "dc-usd"
MAP_ADULT = "map-adult"
MAP_CHILD = "map-child"
MAP_USD = "map-usd"

# Slots are local Seoul times; in UTC they are nine hours earlier.
SLOT_OPEN = "inv-open"  # 2026-12-01 14:00 KST = 05:00Z, 25 seats, 10 already sold
SLOT_OPEN_AT = "2026-12-01T05:00:00Z"
SLOT_SMALL = "inv-small"  # 2026-12-02 14:00 KST, 5 seats, none sold
SLOT_SMALL_AT = "2026-12-02T05:00:00Z"
SLOT_CLOSED = "inv-closed"  # 2026-12-03 14:00 KST, not on sale
SLOT_CLOSED_AT = "2026-12-03T05:00:00Z"
SLOT_FULL = "inv-full"  # 2026-12-04 14:00 KST, sold out
SLOT_FULL_AT = "2026-12-04T05:00:00Z"
SLOT_CHILD = "inv-child"  # child option, 2026-12-01 14:00 KST
SLOT_USD = "inv-usd"  # 2026-12-05 06:00 KST = 2026-12-04T21:00Z
SLOT_USD_AT = "2026-12-04T21:00:00Z"


def _slot(code: str, day: str, start: str, maximum: int, ordered: int, is_order: bool = True):
    return {
        "inventory_code": code,
        "date": day,
        "start_time": start,
        "max_quantity": maximum,
        "min_quantity": 5,
        "ordered_quantity": ordered,
        "is_order": is_order,
    }


SEED: dict[str, Any] = {
    "timezone": "Asia/Seoul",
    "credentials": [
        {"api_key": API_KEY, "channel_code": CHANNEL},
        {"api_key": OTHER_KEY, "channel_code": OTHER_CHANNEL},
    ],
    "products": [
        {
            "product_code": PRODUCT,
            "name": "서울 도보 투어 / Seoul Walking Tour",
            "options": [
                {
                    "dc_code": DC_ADULT,
                    "name": "성인 / Adult",
                    "channel_product_mapping_code": MAP_ADULT,
                    "unit_price": "50000.00000",
                    "currency": "KRW",
                    "slots": [
                        _slot(SLOT_OPEN, "2026-12-01", "14:00", 25, 10),
                        _slot(SLOT_SMALL, "2026-12-02", "14:00", 5, 0),
                        _slot(SLOT_CLOSED, "2026-12-03", "14:00", 25, 0, is_order=False),
                        _slot(SLOT_FULL, "2026-12-04", "14:00", 25, 25),
                    ],
                },
                {
                    "dc_code": DC_CHILD,
                    "name": "어린이 / Child",
                    "channel_product_mapping_code": MAP_CHILD,
                    "unit_price": 30000,
                    "currency": "KRW",
                    "slots": [_slot(SLOT_CHILD, "2026-12-01", "14:00", 10, 0)],
                },
            ],
        },
        {
            "product_code": USD_PRODUCT,
            "name": "제주 트레킹 / Jeju Trek",
            "options": [
                {
                    "dc_code": DC_USD,
                    "name": "성인 / Adult",
                    "channel_product_mapping_code": MAP_USD,
                    "unit_price": "89.00000",
                    "currency": "USD",
                    "slots": [_slot(SLOT_USD, "2026-12-05", "06:00", 10, 0)],
                }
            ],
        },
    ],
}


def _money(amount: Decimal) -> str:
    return f"{amount.quantize(Decimal('0.00001')):f}"


def seed() -> dict[str, Any]:
    return copy.deepcopy(SEED)


def auth(key: str = API_KEY, channel: str | None = CHANNEL) -> dict[str, str]:
    headers = {"Authorization": f"Token {key}"}
    if channel is not None:
        headers["Channel"] = f"Code {channel}"
    return headers


def ticket(code: str, name: str = "Hong Gildong") -> dict[str, Any]:
    return {
        "channel_code": code,
        "name": name,
        "national_code": "82",
        "phone": "01012345678",
        "email": "gildong@example.com",
        "additional": {"english_name": name},
        "extra": "",
    }


def line(
    *,
    dc_code: str = DC_ADULT,
    mapping: str = MAP_ADULT,
    inventory_at: str = SLOT_OPEN_AT,
    quantity: int = 2,
    price: str = "50000.00000",
    discount: str = "0.00000",
    ticket_prefix: str = "t",
) -> dict[str, Any]:
    amount = _money(Decimal(price) - Decimal(discount))
    return {
        "channel_product_mapping_code": mapping,
        "dc_code": dc_code,
        "quantity": quantity,
        "inventory_at": inventory_at,
        "unit_selling_price": price,
        "discount": discount,
        "discount_method": "쿠폰 할인",
        "amount_price": amount,
        "tickets": [ticket(f"{ticket_prefix}-{i}") for i in range(quantity)],
    }


def order_body(
    code: str = "co-1",
    lines: list[dict[str, Any]] | None = None,
    *,
    currency: str = "KRW",
    discount: str = "0.00000",
) -> dict[str, Any]:
    """A valid Create Order body; sub_total and total are computed from the lines."""
    lines = lines if lines is not None else [line()]
    sub_total = sum(Decimal(x["unit_selling_price"]) * x["quantity"] for x in lines)
    return {
        "depth_combinations": lines,
        "order": {
            "channel_order_code": code,
            "purchased_at": "2026-11-20T01:02:03Z",
            "sub_total": _money(sub_total),
            "discount": discount,
            "total": _money(sub_total - Decimal(discount)),
            "status": "New",
            "is_voucher": False,
            "currency": currency,
        },
        "purchaser": {
            "is_required_more_information": False,
            "name": "Hong Gildong",
            "national_code": "82",
            "phone": "01012345678",
            "email": "gildong@example.com",
            "extra": "",
        },
        "representative": {
            "name": "Hong Gildong",
            "national_code": "82",
            "phone": "01012345678",
            "email": "gildong@example.com",
        },
    }
