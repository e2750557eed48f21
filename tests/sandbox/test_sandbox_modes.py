"""Behaviour modes for what the AX pages do not promise: no deduplication of a repeated
channel order code, and Get Confirm by AX order code only. Over real loopback HTTP."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest
from sandbox_support import (
    DC_CHILD,
    MAP_CHILD,
    OTHER_CHANNEL,
    OTHER_KEY,
    SLOT_OPEN,
    SLOT_SMALL,
    SLOT_SMALL_AT,
    auth,
    line,
    order_body,
    seed,
)

from axdesk.sandbox import ManualClock, RunningSandbox, start_sandbox

ORDERS = "/v1/channel/orders/tour"
NOT_FOUND = {"message": "찾을 수 없습니다."}
CONNECTION_LOST = (httpx.RemoteProtocolError, httpx.ReadError)


@pytest.fixture
def no_dedup(clock: ManualClock) -> Iterator[RunningSandbox]:
    with start_sandbox(seed=seed(), confirm_after=None, clock=clock, dedup=False) as running:
        yield running


@pytest.fixture
def no_dedup_client(no_dedup: RunningSandbox) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=no_dedup.base_url, headers=auth(), timeout=10) as http:
        yield http


@pytest.fixture
def by_ax_code(clock: ManualClock) -> Iterator[RunningSandbox]:
    with start_sandbox(
        seed=seed(), confirm_after=None, clock=clock, confirm_by="ax-code"
    ) as running:
        yield running


def _made(response: httpx.Response) -> dict[str, Any]:
    assert response.status_code == 201, response.text
    data: dict[str, Any] = response.json()["data"]
    return data


def _codes(data: dict[str, Any]) -> list[str]:
    """The AX order and ticket codes of a Create Order answer."""
    return [
        code
        for dc in data["depth_combinations"]
        for code in [dc["ax_order_code"], *(t["ax_ticket_code"] for t in dc["tickets"])]
    ]


# --- no deduplication ---


def test_a_repeated_code_makes_a_new_separate_order(
    no_dedup: RunningSandbox, no_dedup_client: httpx.Client
) -> None:
    body = order_body()

    first = _made(no_dedup_client.post(ORDERS, json=body))
    second = _made(no_dedup_client.post(ORDERS, json=body))

    assert first["channel_order_code"] == second["channel_order_code"] == "co-1"
    assert not set(_codes(first)) & set(_codes(second))
    assert no_dedup.state.order_count() == 2
    assert no_dedup.state.ax_order_count() == 2
    assert no_dedup.state.slot(SLOT_OPEN).ordered_quantity == 14  # 10 seeded + 2 + 2
    assert no_dedup.state.seat_problems() == []
    views = no_dedup.state.orders_for("co-1")
    assert [v.ax_order_code for v in views] == [
        first["depth_combinations"][0]["ax_order_code"],
        second["depth_combinations"][0]["ax_order_code"],
    ]


def test_a_repeated_code_with_another_body_is_a_new_order_not_a_409(
    no_dedup: RunningSandbox, no_dedup_client: httpx.Client
) -> None:
    _made(no_dedup_client.post(ORDERS, json=order_body()))

    other = no_dedup_client.post(ORDERS, json=order_body(lines=[line(quantity=1)]))

    assert _made(other)["depth_combinations"][0]["quantity"] == 1
    assert no_dedup.state.slot(SLOT_OPEN).ordered_quantity == 13


def test_a_repeat_needs_seats_again(
    no_dedup: RunningSandbox, no_dedup_client: httpx.Client
) -> None:
    body = order_body("co-small", [line(inventory_at=SLOT_SMALL_AT, quantity=5)])
    _made(no_dedup_client.post(ORDERS, json=body))

    again = no_dedup_client.post(ORDERS, json=body)

    assert again.status_code == 400
    assert "5 requested but only 0 left" in again.json()["errors"][0]
    assert no_dedup.state.order_count() == 1
    assert no_dedup.state.slot(SLOT_SMALL).ordered_quantity == 5


def test_a_lost_answer_retried_doubles_the_order(
    no_dedup: RunningSandbox, no_dedup_client: httpx.Client
) -> None:
    """The case issue 11 names: a client that re-sends after a lost answer buys twice."""
    no_dedup.state.queue_fault("commit_then_drop", "POST")
    body = order_body()

    with pytest.raises(CONNECTION_LOST):
        no_dedup_client.post(ORDERS, json=body)
    _made(no_dedup_client.post(ORDERS, json=body))

    assert len(no_dedup.state.orders_for("co-1")) == 2
    assert no_dedup.state.slot(SLOT_OPEN).ordered_quantity == 14


def test_get_confirm_by_a_code_with_several_orders_lists_every_ax_order_oldest_first(
    no_dedup: RunningSandbox, no_dedup_client: httpx.Client
) -> None:
    child = line(
        dc_code=DC_CHILD, mapping=MAP_CHILD, price="30000.00000", quantity=1, ticket_prefix="c"
    )
    body = order_body("co-2", [line(), child])
    first = _made(no_dedup_client.post(ORDERS, json=body))
    second = _made(no_dedup_client.post(ORDERS, json=body))
    ax_codes = [dc["ax_order_code"] for d in (first, second) for dc in d["depth_combinations"]]
    no_dedup.state.set_order_status(ax_codes[2], 3)

    by_channel = no_dedup_client.get(f"{ORDERS}/co-2")
    by_ax = no_dedup_client.get(f"{ORDERS}/{ax_codes[2]}")

    assert by_channel.status_code == 200
    assert [(i["ax_order_code"], i["status"]) for i in by_channel.json()["data"]] == [
        (ax_codes[0], 1),
        (ax_codes[1], 1),
        (ax_codes[2], 3),
        (ax_codes[3], 1),
    ]
    assert {i["channel_order_code"] for i in by_channel.json()["data"]} == {"co-2"}
    assert [i["ax_order_code"] for i in by_ax.json()["data"]] == [ax_codes[2]]


def test_parallel_repeats_make_one_order_each(no_dedup: RunningSandbox) -> None:
    body = order_body("same", [line(quantity=1)])
    start = threading.Barrier(10)

    def post(_: int) -> str:
        with httpx.Client(base_url=no_dedup.base_url, headers=auth(), timeout=30) as http:
            start.wait()
            data = _made(http.post(ORDERS, json=body))
            code: str = data["depth_combinations"][0]["ax_order_code"]
            return code

    with ThreadPoolExecutor(max_workers=10) as pool:
        codes = set(pool.map(post, range(10)))

    assert len(codes) == 10
    assert no_dedup.state.order_count() == 10
    assert no_dedup.state.slot(SLOT_OPEN).ordered_quantity == 20
    assert no_dedup.state.seat_problems() == []


def test_repeats_are_still_per_channel(
    no_dedup: RunningSandbox, no_dedup_client: httpx.Client
) -> None:
    _made(no_dedup_client.post(ORDERS, json=order_body()))
    _made(no_dedup_client.post(ORDERS, json=order_body()))

    foreign = httpx.get(f"{no_dedup.base_url}{ORDERS}/co-1", headers=auth(OTHER_KEY, OTHER_CHANNEL))

    assert (foreign.status_code, foreign.json()) == (404, NOT_FOUND)


def test_separate_orders_under_one_code_survive_a_restart(
    tmp_path: Path, clock: ManualClock
) -> None:
    path = tmp_path / "state.sqlite"
    body = order_body()
    with (
        start_sandbox(seed=seed(), state_path=path, clock=clock, dedup=False) as first,
        httpx.Client(base_url=first.base_url, headers=auth()) as http,
    ):
        made = [_made(http.post(ORDERS, json=body)) for _ in range(2)]
        ticket = made[1]["depth_combinations"][0]["tickets"][0]["ax_ticket_code"]
        first.state.set_ticket_status(ticket, "Used")

    with (
        start_sandbox(seed=seed(), state_path=path, clock=clock, dedup=False) as second,
        httpx.Client(base_url=second.base_url, headers=auth()) as http,
    ):
        third = _made(http.post(ORDERS, json=body))
        listed = [i["ax_order_code"] for i in http.get(f"{ORDERS}/co-1").json()["data"]]
        views = second.state.orders_for("co-1")
        assert second.state.seat_problems() == []
        assert second.state.slot(SLOT_OPEN).ordered_quantity == 16

    assert listed == [d["depth_combinations"][0]["ax_order_code"] for d in [*made, third]]
    assert [[t.status for t in v.tickets] for v in views] == [
        ["New", "New"],
        ["Used", "New"],
        ["New", "New"],
    ]

    # Opened deduplicating, the file answers a repeat with the first order made.
    with (
        start_sandbox(seed=seed(), state_path=path, clock=clock) as third_run,
        httpx.Client(base_url=third_run.base_url, headers=auth()) as http,
    ):
        repeat = _made(http.post(ORDERS, json=body))
        assert third_run.state.order_count() == 3

    assert _codes(repeat) == _codes(made[0])


# --- Get Confirm by AX order code only ---


def test_get_confirm_by_channel_order_code_is_404_in_ax_code_mode(
    by_ax_code: RunningSandbox,
) -> None:
    with httpx.Client(base_url=by_ax_code.base_url, headers=auth(), timeout=10) as http:
        data = _made(http.post(ORDERS, json=order_body("co-7")))
        ax_code = data["depth_combinations"][0]["ax_order_code"]

        by_channel = http.get(f"{ORDERS}/co-7")
        by_ax = http.get(f"{ORDERS}/{ax_code}")

    assert (by_channel.status_code, by_channel.json()) == (404, NOT_FOUND)
    assert by_ax.json() == {
        "status_code": 200,
        "data": [
            {"channel_order_code": "co-7", "ax_order_code": ax_code, "status": 1, "comment": None}
        ],
    }


def test_ax_code_mode_still_deduplicates_and_without_dedup_still_404s(
    clock: ManualClock,
) -> None:
    for dedup, orders in [(True, 1), (False, 2)]:
        with (
            start_sandbox(
                seed=seed(), confirm_after=None, clock=clock, dedup=dedup, confirm_by="ax-code"
            ) as running,
            httpx.Client(base_url=running.base_url, headers=auth()) as http,
        ):
            for _ in range(2):
                _made(http.post(ORDERS, json=order_body()))
            assert running.state.order_count() == orders
            assert http.get(f"{ORDERS}/co-1").status_code == 404


def test_an_unknown_confirm_by_is_refused_with_a_sentence() -> None:
    with pytest.raises(ValueError, match="confirm_by must be one of any, ax-code, not 'channel'"):
        start_sandbox(seed=seed(), confirm_by="channel")
