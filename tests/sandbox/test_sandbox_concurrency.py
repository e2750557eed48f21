"""Parallel orders for the last seats: the check and the taking are one step."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from sandbox_support import SLOT_SMALL, SLOT_SMALL_AT, auth, line, order_body

from axdesk.sandbox import RunningSandbox, SandboxState
from axdesk.sandbox.validation import LinePlan

ORDERS = "/v1/channel/orders/tour"


def test_twenty_parallel_orders_for_five_seats_exactly_five_win(
    sandbox: RunningSandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Widen the gap between checking the seats and taking them, so that without the
    # state's lock the requests would overtake each other (and this test would fail).
    check_seats = SandboxState._check_seats

    def slow_check(self: SandboxState, lines: list[LinePlan]) -> None:
        check_seats(self, lines)
        time.sleep(0.01)

    monkeypatch.setattr(SandboxState, "_check_seats", slow_check)
    start = threading.Barrier(20)

    def order(index: int) -> int:
        body = order_body(
            f"race-{index}",
            [line(inventory_at=SLOT_SMALL_AT, quantity=1, ticket_prefix=f"r{index}")],
        )
        with httpx.Client(base_url=sandbox.base_url, headers=auth(), timeout=30) as http:
            start.wait()
            return http.post(ORDERS, json=body).status_code

    with ThreadPoolExecutor(max_workers=20) as pool:
        statuses = list(pool.map(order, range(20)))

    assert sorted(statuses) == [201] * 5 + [400] * 15
    slot = sandbox.state.slot(SLOT_SMALL)
    assert (slot.ordered_quantity, slot.remain_quantity) == (5, 0)
    assert sandbox.state.order_count() == 5
    assert sandbox.state.seat_problems() == []


def test_parallel_repeats_of_one_order_create_it_once(sandbox: RunningSandbox) -> None:
    body = order_body("same", [line(inventory_at=SLOT_SMALL_AT, quantity=2)])
    start = threading.Barrier(10)

    def post(_: int) -> tuple[int, str]:
        with httpx.Client(base_url=sandbox.base_url, headers=auth(), timeout=30) as http:
            start.wait()
            response = http.post(ORDERS, json=body)
            return response.status_code, response.json()["data"]["depth_combinations"][0][
                "ax_order_code"
            ]

    with ThreadPoolExecutor(max_workers=10) as pool:
        results = set(pool.map(post, range(10)))

    assert len(results) == 1
    assert next(iter(results))[0] == 201
    assert sandbox.state.slot(SLOT_SMALL).ordered_quantity == 2
