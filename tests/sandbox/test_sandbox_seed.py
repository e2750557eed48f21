"""Seed documents: checking them (problems named by path) and the built-in demo catalog."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sandbox_support import seed

from axdesk.sandbox import SeedError, load_seed_file, parse_seed
from axdesk.sandbox.demo import DEMO_API_KEY, DEMO_CHANNEL_CODE, demo_seed

Doc = dict[str, Any]
OPTION = "products[0].options[0]"
SLOT = f"{OPTION}.slots[0]"


def _edit(change: Callable[[Doc], None]) -> Doc:
    doc = seed()
    change(doc)
    return doc


def _option(doc: Doc) -> Doc:
    option: Doc = doc["products"][0]["options"][0]
    return option


def _slot(doc: Doc) -> Doc:
    slot: Doc = _option(doc)["slots"][0]
    return slot


BAD_SEEDS: list[tuple[str, Callable[[Doc], None], str]] = [
    (
        "unknown zone",
        lambda d: d.update(timezone="Mars/Olympus"),
        'timezone "Mars/Olympus" is not a known time zone',
    ),
    (
        "no products",
        lambda d: d.update(products=[]),
        "products must be a non-empty list of products",
    ),
    ("unknown top-level key", lambda d: d.update(product=[]), "product is not a known field"),
    (
        "credential without key",
        lambda d: d["credentials"][0].pop("api_key"),
        "credentials[0].api_key is missing",
    ),
    (
        "credentials not a list",
        lambda d: d.update(credentials={"api_key": "k"}),
        'credentials must be a list of {"api_key", "channel_code"} objects',
    ),
    (
        "empty product code",
        lambda d: d["products"][0].update(product_code=""),
        "products[0].product_code must be a non-empty string",
    ),
    (
        "duplicate product code",
        lambda d: d["products"][1].update(product_code="prod-city-walk"),
        'products[1].product_code "prod-city-walk" is used twice',
    ),
    (
        "no options",
        lambda d: d["products"][0].update(options=[]),
        "products[0].options must be a non-empty list of options",
    ),
    (
        "duplicate dc code",
        lambda d: d["products"][0]["options"][1].update(dc_code="dc-adult"),
        'products[0].options[1].dc_code "dc-adult" is used twice',
    ),
    (
        "duplicate mapping",
        lambda d: _option(d).update(channel_product_mapping_code="map-usd"),
        'products[1].options[0].channel_product_mapping_code "map-usd" is used twice',
    ),
    (
        "price with comma",
        lambda d: _option(d).update(unit_price="50,000"),
        f"{OPTION}.unit_price must be an amount of 0 or more with at most 5 decimals, such as "
        '"50000.00000"',
    ),
    (
        "currency",
        lambda d: _option(d).update(currency="JPY"),
        f'{OPTION}.currency must be "KRW" or "USD"',
    ),
    (
        "misspelt slot field",
        lambda d: _slot(d).update(max_quantiy=3),
        f"{SLOT}.max_quantiy is not a known field",
    ),
    ("no max", lambda d: _slot(d).pop("max_quantity"), f"{SLOT}.max_quantity is missing"),
    (
        "negative max",
        lambda d: _slot(d).update(max_quantity=-1),
        f"{SLOT}.max_quantity must be a whole number of 0 or more",
    ),
    (
        "ordered over max",
        lambda d: _slot(d).update(ordered_quantity=26),
        f"{SLOT}.ordered_quantity 26 exceeds max_quantity 25",
    ),
    (
        "bad date",
        lambda d: _slot(d).update(date="2026-02-30"),
        f'{SLOT}.date must be a date such as "2026-12-01"',
    ),
    (
        "bad time",
        lambda d: _slot(d).update(start_time="2pm"),
        f'{SLOT}.start_time must be a local start time such as "14:00"',
    ),
    (
        "is_order text",
        lambda d: _slot(d).update(is_order="yes"),
        f"{SLOT}.is_order must be true or false",
    ),
    (
        "duplicate inventory code",
        lambda d: _option(d)["slots"][1].update(inventory_code="inv-open"),
        f'{OPTION}.slots[1].inventory_code "inv-open" is used twice',
    ),
    (
        "same departure twice",
        lambda d: _option(d)["slots"][1].update(date="2026-12-01"),
        f"{OPTION}.slots[1] repeats the departure on 2026-12-01 at 14:00",
    ),
]


@pytest.mark.parametrize(
    ("change", "problem"),
    [pytest.param(change, problem, id=name) for name, change, problem in BAD_SEEDS],
)
def test_seed_problems_are_sentences_naming_the_place(
    change: Callable[[Doc], None], problem: str
) -> None:
    with pytest.raises(SeedError) as caught:
        parse_seed(_edit(change), source="file shop.json")

    assert problem in caught.value.problems
    assert str(caught.value).startswith("The seed file shop.json has ")
    assert str(caught.value).endswith(".")


def test_all_problems_are_reported_together() -> None:
    def break_three(doc: Doc) -> None:
        doc["timezone"] = 9
        _option(doc)["currency"] = "EUR"
        _slot(doc)["date"] = "tomorrow"

    with pytest.raises(SeedError) as caught:
        parse_seed(_edit(break_three))

    assert len(caught.value.problems) == 3
    assert str(caught.value).startswith("The seed document has 3 problems: timezone must be")


def test_a_good_seed_builds_the_catalog() -> None:
    catalog = parse_seed(seed())

    assert catalog.timezone == "Asia/Seoul"
    assert [c.channel_code for c in catalog.credentials] == ["test-channel", "other-channel"]
    child = catalog.options_by_dc["dc-child"]
    assert child.unit_price == Decimal("30000")  # a number is accepted for unit_price
    assert catalog.slots_by_code["inv-open"].min_quantity == 5
    assert "test-key" not in repr(catalog.credentials)
    assert "test-channel" not in repr(catalog.credentials)


def test_optional_slot_fields_have_defaults() -> None:
    doc = seed()
    _option(doc)["slots"] = [
        {"inventory_code": "x", "date": "2026-12-01", "start_time": "09:30", "max_quantity": 4}
    ]

    slot = parse_seed(doc).slots_by_code["x"]

    assert (slot.min_quantity, slot.ordered_quantity, slot.is_order) == (0, 0, True)


def test_codes_need_not_be_uuids() -> None:
    doc = seed()
    doc["products"][0]["product_code"] = "15a8b34ec-1a32-4b70-a5ba-8f2c81ec4c09"
    _option(doc)["dc_code"] = "d96b2td4-15c5-4fb5-ae94-4f36667ee980"

    assert "d96b2td4-15c5-4fb5-ae94-4f36667ee980" in parse_seed(doc).options_by_dc


def test_seed_files_are_read_and_their_problems_name_the_file(tmp_path: Path) -> None:
    good = tmp_path / "good.json"
    good.write_text(json.dumps(seed(), ensure_ascii=False), encoding="utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text('{"products": [', encoding="utf-8")

    assert load_seed_file(good).products_by_code["prod-city-walk"].name.startswith("서울")
    with pytest.raises(
        SeedError,
        match=r"^The seed file .*broken\.json has 1 problem: The body "
        r"is not valid JSON",
    ):
        load_seed_file(broken)
    with pytest.raises(SeedError, match="cannot be read"):
        load_seed_file(tmp_path / "missing.json")


def test_the_demo_catalog() -> None:
    today = date(2026, 11, 23)

    catalog = parse_seed(demo_seed(today))

    assert [(c.api_key, c.channel_code) for c in catalog.credentials] == [
        (DEMO_API_KEY, DEMO_CHANNEL_CODE)
    ]
    assert len(catalog.products) >= 3
    names = [p.name for p in catalog.products]
    assert "DMZ 반나절 투어 / DMZ Half-Day Tour" in names
    assert all(" / " in name for name in names)  # Korean and English
    assert all(2 <= len(p.options) <= 3 for p in catalog.products)
    currencies = {o.currency for o in catalog.options_by_dc.values()}
    assert currencies == {"KRW", "USD"}
    slots = list(catalog.slots_by_code.values())
    assert min(s.date for s in slots) >= today
    assert max(s.date for s in slots) == today + timedelta(days=119)
    assert any(s.ordered_quantity == s.max_quantity and s.is_order for s in slots)  # sold out
    assert any(not s.is_order for s in slots)  # closed
    assert any(s.is_order and s.ordered_quantity < s.min_quantity for s in slots)  # not guaranteed
    assert any(s.min_quantity <= s.ordered_quantity < s.max_quantity for s in slots)
    for option in catalog.options_by_dc.values():  # every option has departures most weeks
        assert len(option.slots) >= 30


def test_the_demo_is_repeatable_and_its_codes_are_stable() -> None:
    monday = demo_seed(date(2026, 11, 23))
    tuesday = demo_seed(date(2026, 11, 24))

    assert monday == demo_seed(date(2026, 11, 23))
    assert [p["product_code"] for p in monday["products"]] == [
        p["product_code"] for p in tuesday["products"]
    ]
    monday_slots = {
        s["inventory_code"]: s for p in monday["products"] for o in p["options"] for s in o["slots"]
    }
    tuesday_slots = {
        s["inventory_code"]: s
        for p in tuesday["products"]
        for o in p["options"]
        for s in o["slots"]
    }
    shared = monday_slots.keys() & tuesday_slots.keys()
    assert len(shared) > 100
    assert all(monday_slots[code] == tuesday_slots[code] for code in shared)
