"""The calendar's month model: what each day says, in words and in its cell."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import Qt

from axdesk.api import Inventory
from axdesk.ui.inventory.index import ALL_OPTIONS, InventoryIndex
from axdesk.ui.inventory.month_model import MonthModel, day_sentence

TODAY = dt.date(2030, 3, 1)  # before the departures below (days before today are past)


def slot(day: str, *, ordered: int, maximum: int = 10, is_order: bool = True) -> dict[str, Any]:
    return {
        "inventory_code": f"inv-{day}",
        "date": day,
        "start_time": "10:00",
        "is_order": is_order,
        "max_quantity": maximum,
        "min_quantity": 4,
        "remain_quantity": maximum - ordered,
        "ordered_quantity": ordered,
    }


@pytest.fixture
def index() -> InventoryIndex:
    inventory = Inventory.from_payload(
        "product",
        {
            "option_codes": {
                "dc": [
                    slot("2030-03-04", ordered=2),
                    slot("2030-03-05", ordered=9),
                    slot("2030-03-06", ordered=10),
                    slot("2030-03-07", ordered=1, is_order=False),
                ]
            }
        },
    )
    return InventoryIndex.build(inventory, 3)


def test_each_day_says_its_state_in_words(index: InventoryIndex) -> None:
    model = MonthModel(2030, 3, first_weekday=0, today=lambda: TODAY)
    model.set_data(index, ALL_OPTIONS)

    def words(day: int) -> str:
        text = model.data(model.index_of(dt.date(2030, 3, day)), Qt.ItemDataRole.AccessibleTextRole)
        assert isinstance(text, str)
        return text

    assert "On sale." in words(4)
    assert "Seats left: 8." in words(4)
    assert "Nearly full." in words(5)
    assert "Sold out." in words(6)
    assert "closed, not on sale" in words(7)
    assert "Guaranteed to run: 1." in words(6)
    assert "Not yet guaranteed (below the minimum): 1." in words(4)
    assert "no departures" in words(8)
    assert model.data(model.index_of(dt.date(2030, 3, 5)), Qt.ItemDataRole.DisplayRole) == (
        "5 1 Nearly full"
    )


def test_day_sentence_without_data() -> None:
    assert day_sentence(dt.date(2030, 3, 8), None).endswith(": no departures.")


def test_days_before_today_say_they_are_departed(index: InventoryIndex) -> None:
    model = MonthModel(2030, 3, first_weekday=0, today=lambda: dt.date(2030, 3, 6))
    model.set_data(index, ALL_OPTIONS)
    cell = model.data(model.index_of(dt.date(2030, 3, 4)), Qt.ItemDataRole.DisplayRole)
    assert cell == "4 Departed"
    sentence = model.data(model.index_of(dt.date(2030, 3, 4)), Qt.ItemDataRole.ToolTipRole)
    assert sentence.endswith(": departed.")
    assert "Sold out." in model.data(
        model.index_of(dt.date(2030, 3, 6)), Qt.ItemDataRole.ToolTipRole
    )
