"""The built-in demo catalog, used when no seed file is given.

Four Korean tours with Korean and English names, two or three options each
(one product sold in USD), departures for the next 120 days from *today* in
Seoul. Codes are uuid5 values derived from the names and dates, and seat
counts come from a random generator seeded by the slot's code, so the same
day gives the same demo on every run and every machine.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

DEMO_API_KEY = "sandbox-demo-key"
DEMO_CHANNEL_CODE = "sandbox-demo-channel"
DEMO_TIMEZONE = "Asia/Seoul"
DEMO_DAYS = 120
_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_DNS, "sandbox.axdesk.invalid")

MON, TUE, WED, THU, FRI, SAT, SUN = range(7)


@dataclass(frozen=True)
class _Tour:
    name: str
    currency: str
    options: tuple[tuple[str, str], ...]  # (name, unit price)
    weekdays: frozenset[int]
    start_times: tuple[str, ...]
    max_quantity: int
    min_quantity: int


_TOURS = (
    _Tour(
        name="DMZ 반나절 투어 / DMZ Half-Day Tour",
        currency="KRW",
        options=(("성인 / Adult", "65000"), ("어린이 / Child (6-12)", "45000")),
        weekdays=frozenset({TUE, WED, THU, FRI, SAT, SUN}),  # the DMZ closes on Mondays
        start_times=("07:30",),
        max_quantity=30,
        min_quantity=8,
    ),
    _Tour(
        name="경복궁 한복 체험 / Gyeongbokgung Palace Hanbok Experience",
        currency="KRW",
        options=(
            ("성인 / Adult", "55000"),
            ("청소년 / Youth (13-18)", "45000"),
            ("어린이 / Child (6-12)", "35000"),
        ),
        weekdays=frozenset({MON, WED, THU, FRI, SAT, SUN}),  # the palace closes on Tuesdays
        start_times=("10:00", "14:00"),
        max_quantity=16,
        min_quantity=2,
    ),
    _Tour(
        name="부산 야경 요트 투어 / Busan Night Yacht Tour",
        currency="KRW",
        options=(("성인 / Adult", "39000"), ("어린이 / Child (4-12)", "29000")),
        weekdays=frozenset({THU, FRI, SAT, SUN}),
        start_times=("19:30",),
        max_quantity=20,
        min_quantity=6,
    ),
    _Tour(
        name="제주 한라산 일출 트레킹 / Jeju Hallasan Sunrise Trek",
        currency="USD",
        options=(("성인 / Adult", "89.00"), ("청소년 / Teen (13-17)", "69.00")),
        weekdays=frozenset({WED, SAT}),
        start_times=("05:00",),
        max_quantity=10,
        min_quantity=4,
    ),
)


def stable_code(*parts: str) -> str:
    """A uuid5 from names, so the demo's codes never change between runs."""
    return str(uuid.uuid5(_NAMESPACE, "/".join(parts)))


def demo_seed(today: date, days: int = DEMO_DAYS) -> dict[str, Any]:
    """The demo catalog as a seed document (it goes through the same checks as a seed file)."""
    return {
        "timezone": DEMO_TIMEZONE,
        "credentials": [{"api_key": DEMO_API_KEY, "channel_code": DEMO_CHANNEL_CODE}],
        "products": [_product(tour, today, days) for tour in _TOURS],
    }


def _product(tour: _Tour, today: date, days: int) -> dict[str, Any]:
    return {
        "product_code": stable_code("product", tour.name),
        "name": tour.name,
        "options": [
            {
                "dc_code": stable_code("option", tour.name, option_name),
                "name": option_name,
                "channel_product_mapping_code": stable_code("mapping", tour.name, option_name),
                "unit_price": price,
                "currency": tour.currency,
                "slots": _slots(tour, option_name, today, days),
            }
            for option_name, price in tour.options
        ],
    }


def _slots(tour: _Tour, option_name: str, today: date, days: int) -> list[dict[str, Any]]:
    slots: list[dict[str, Any]] = []
    for offset in range(days):
        day = today + timedelta(days=offset)
        if day.weekday() not in tour.weekdays:
            continue
        for start in tour.start_times:
            code = stable_code("slot", tour.name, option_name, day.isoformat(), start)
            slots.append(_slot(code, day, start, tour))
    return slots


def _slot(code: str, day: date, start: str, tour: _Tour) -> dict[str, Any]:
    """Seat counts for one slot: mostly part sold, some sold out or closed, many under minimum."""
    rng = random.Random(code)
    roll = rng.random()
    maximum = tour.max_quantity
    if roll < 0.06:
        ordered, is_order = rng.randint(0, maximum // 2), False
    elif roll < 0.14:
        ordered, is_order = maximum, True
    elif roll < 0.50:
        ordered, is_order = rng.randint(0, max(tour.min_quantity - 1, 0)), True
    else:
        ordered, is_order = rng.randint(tour.min_quantity, maximum - 1), True
    return {
        "inventory_code": code,
        "date": day.isoformat(),
        "start_time": start,
        "max_quantity": maximum,
        "min_quantity": tour.min_quantity,
        "ordered_quantity": ordered,
        "is_order": is_order,
    }
