"""Helpers for the Inventory tab tests (imported as ``inventory_support``; holds no tests).

The sandbox is seeded with one day per state (see :data:`SEED`). Broken numbers
(remain + ordered != max) and malformed answers cannot come from the sandbox,
which keeps its numbers right: those come from an ``AxClient`` over
``httpx.MockTransport`` (:func:`use_fake_server`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import httpx
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from axdesk.api import AxClient
from axdesk.ui.common.context import ENVIRONMENT_TEST, AppContext, ConnectionProfile
from axdesk.ui.inventory.tab import InventoryTab

TODAY = dt.date(2030, 3, 1)
PRODUCT = "prod-seoul-walk"
OTHER_PRODUCT = "prod-busan-night"
ADULT = "dc-adult"
CHILD = "dc-child"
LOAD_TIMEOUT_MS = 10_000


def seed_slot(
    code: str, day: str, start: str, *, maximum: int, minimum: int, ordered: int, on_sale: bool
) -> dict[str, Any]:
    return {
        "inventory_code": code,
        "date": day,
        "start_time": start,
        "max_quantity": maximum,
        "min_quantity": minimum,
        "ordered_quantity": ordered,
        "is_order": on_sale,
    }


# One day per state, with the threshold at its default of 3 seats:
#   4 March: room and guaranteed     5 March: nearly full (2 left)
#   6 March: sold out                7 March: closed (not on sale)
#   8 March: room, below minimum     11 March: one guaranteed, one below minimum
#   2 April: the next month
SEED: dict[str, Any] = {
    "timezone": "Asia/Seoul",
    "credentials": [{"api_key": "inventory-test-key", "channel_code": "inventory-test-channel"}],
    "products": [
        {
            "product_code": PRODUCT,
            "name": "서울 도보 투어 / Seoul Walking Tour",
            "options": [
                {
                    "dc_code": ADULT,
                    "name": "성인 / Adult",
                    "channel_product_mapping_code": "map-adult",
                    "unit_price": "50000",
                    "currency": "KRW",
                    "slots": [
                        seed_slot(
                            "inv-room",
                            "2030-03-04",
                            "10:00",
                            maximum=20,
                            minimum=5,
                            ordered=5,
                            on_sale=True,
                        ),
                        seed_slot(
                            "inv-nearly",
                            "2030-03-05",
                            "10:00",
                            maximum=20,
                            minimum=5,
                            ordered=18,
                            on_sale=True,
                        ),
                        seed_slot(
                            "inv-sold",
                            "2030-03-06",
                            "10:00",
                            maximum=10,
                            minimum=5,
                            ordered=10,
                            on_sale=True,
                        ),
                        seed_slot(
                            "inv-closed",
                            "2030-03-07",
                            "10:00",
                            maximum=20,
                            minimum=5,
                            ordered=3,
                            on_sale=False,
                        ),
                        seed_slot(
                            "inv-below",
                            "2030-03-08",
                            "10:00",
                            maximum=20,
                            minimum=5,
                            ordered=2,
                            on_sale=True,
                        ),
                        seed_slot(
                            "inv-early",
                            "2030-03-11",
                            "09:00",
                            maximum=20,
                            minimum=5,
                            ordered=6,
                            on_sale=True,
                        ),
                        seed_slot(
                            "inv-late",
                            "2030-03-11",
                            "14:00",
                            maximum=20,
                            minimum=5,
                            ordered=1,
                            on_sale=True,
                        ),
                        seed_slot(
                            "inv-april",
                            "2030-04-02",
                            "10:00",
                            maximum=20,
                            minimum=5,
                            ordered=0,
                            on_sale=True,
                        ),
                    ],
                },
                {
                    "dc_code": CHILD,
                    "name": "어린이 / Child",
                    "channel_product_mapping_code": "map-child",
                    "unit_price": "30000",
                    "currency": "KRW",
                    "slots": [
                        seed_slot(
                            "inv-child",
                            "2030-03-05",
                            "10:00",
                            maximum=10,
                            minimum=0,
                            ordered=1,
                            on_sale=True,
                        ),
                    ],
                },
            ],
        },
        {
            "product_code": OTHER_PRODUCT,
            "name": "부산 야경 투어 / Busan Night Tour",
            "options": [
                {
                    "dc_code": "dc-night",
                    "name": "성인 / Adult",
                    "channel_product_mapping_code": "map-night",
                    "unit_price": "39000",
                    "currency": "KRW",
                    "slots": [
                        seed_slot(
                            "inv-night",
                            "2030-05-15",
                            "19:30",
                            maximum=20,
                            minimum=6,
                            ordered=0,
                            on_sale=True,
                        ),
                    ],
                }
            ],
        },
    ],
}


def load(qtbot: QtBot, tab: InventoryTab, code: str = PRODUCT) -> None:
    with qtbot.waitSignal(tab.inventory_loaded, timeout=LOAD_TIMEOUT_MS) as loaded:
        tab.show_product(code)
    assert loaded.args == [code]


def day_text(tab: InventoryTab, day: dt.date) -> str:
    model = tab.calendar.month_model()
    text = model.data(model.index_of(day), Qt.ItemDataRole.AccessibleTextRole)
    assert isinstance(text, str)
    return text


def table_texts(tab: InventoryTab, column: int) -> list[str]:
    model = tab.day_panel.slot_model
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def use_fake_server(ctx: AppContext, handler: Callable[[httpx.Request], httpx.Response]) -> None:
    """Point the connection at a server that answers with ``handler`` (no network)."""
    client = AxClient(
        "https://test.ax-cloud.com",
        "fake-key",
        "fake-channel",
        transport=httpx.MockTransport(handler),
        max_retries=0,
    )
    ctx.connection.use(
        ConnectionProfile("Fake", ENVIRONMENT_TEST, "https://test.ax-cloud.com"), client
    )


def wire_slot(code: str, day: str, *, remain: int, ordered: int, maximum: int) -> dict[str, Any]:
    return {
        "inventory_code": code,
        "date": day,
        "start_time": "10:00",
        "day_of_the_week": "Sunday",
        "is_order": True,
        "max_quantity": maximum,
        "min_quantity": 2,
        "remain_quantity": remain,
        "ordered_quantity": ordered,
    }
