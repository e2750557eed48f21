"""The Practice menu's situations (``RunningSandbox.practice``), over real loopback HTTP."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from sandbox_support import (
    DC_CHILD,
    MAP_CHILD,
    SLOT_CHILD,
    SLOT_OPEN,
    auth,
    line,
    order_body,
    seed,
)

from axdesk.sandbox import ManualClock, PracticeSituation, RunningSandbox, start_sandbox

ORDERS = "/v1/channel/orders/tour"
INVENTORY = "/v1/channel/inventory/tour/prod-city-walk"
CONNECTION_LOST = (httpx.RemoteProtocolError, httpx.ReadError)
PERMISSION_DENIED = {"message": "이 작업을 수행할 권한(permission)이 없습니다."}
NORMAL = PracticeSituation(
    answers_to_lose=0, slow_seconds=0.0, orders_to_reject=0, key_refused=False
)


@pytest.fixture
def timed(clock: ManualClock) -> Iterator[RunningSandbox]:
    """The supplier decides 60 s after an order, as in practice mode (there 30 s)."""
    with start_sandbox(seed=seed(), confirm_after=60, clock=clock) as running:
        yield running


@pytest.fixture
def timed_client(timed: RunningSandbox) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=timed.base_url, headers=auth(), timeout=10) as http:
        yield http


def _create(client: httpx.Client, body: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    response = client.post(ORDERS, json=body if body is not None else order_body())
    assert response.status_code == 201, response.text
    lines: list[dict[str, Any]] = response.json()["data"]["depth_combinations"]
    return lines


def _status(client: httpx.Client, ax_order_code: str) -> int:
    status: int = client.get(f"{ORDERS}/{ax_order_code}").json()["data"][0]["status"]
    return status


def test_nothing_is_staged_at_first(sandbox: RunningSandbox) -> None:
    assert sandbox.practice.situation() == NORMAL


# --- next answer lost after commit ---


def test_the_next_write_is_applied_and_its_answer_lost_reads_pass(
    sandbox: RunningSandbox, client: httpx.Client
) -> None:
    sandbox.practice.lose_next_answer()
    assert sandbox.practice.situation().answers_to_lose == 1

    assert client.get(INVENTORY).status_code == 200
    with pytest.raises(CONNECTION_LOST):
        client.post(ORDERS, json=order_body())

    assert sandbox.state.order_count() == 1
    assert sandbox.state.slot(SLOT_OPEN).ordered_quantity == 12
    assert sandbox.practice.situation() == NORMAL
    assert client.post(ORDERS, json=order_body("co-2")).status_code == 201  # only the next


def test_a_lost_answer_can_be_a_cancel(sandbox: RunningSandbox, client: httpx.Client) -> None:
    [made] = _create(client)
    ticket = made["tickets"][0]["ax_ticket_code"]
    sandbox.practice.lose_next_answer()

    with pytest.raises(CONNECTION_LOST):
        client.patch(
            f"{ORDERS}/{made['ax_order_code']}/tickets/{ticket}",
            json={"status": "Traveler canceled"},
        )

    assert sandbox.state.orders_for("co-1")[0].tickets[0].status == "Traveler canceled"


def test_lost_answers_staged_from_many_threads_are_each_used_once(
    sandbox: RunningSandbox, client: httpx.Client
) -> None:
    start = threading.Barrier(8)

    def stage() -> None:
        start.wait()
        sandbox.practice.lose_next_answer()

    threads = [threading.Thread(target=stage) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sandbox.practice.situation().answers_to_lose == 8

    for index in range(8):
        with pytest.raises(CONNECTION_LOST):
            client.post(ORDERS, json=order_body(f"co-{index}", [line(quantity=1)]))

    assert sandbox.state.order_count() == 8
    assert client.post(ORDERS, json=order_body("co-last", [line(quantity=1)])).status_code == 201


# --- AX slow ---


def test_slowness_is_set_while_serving_and_taken_back(
    sandbox: RunningSandbox, client: httpx.Client
) -> None:
    sandbox.practice.set_slow(0.5)
    started = time.monotonic()
    response = client.get(INVENTORY)
    elapsed = time.monotonic() - started

    assert response.status_code == 200
    assert elapsed >= 0.5
    assert sandbox.practice.situation().slow_seconds == 0.5

    sandbox.practice.set_slow(0)

    assert sandbox.practice.situation() == NORMAL
    assert sandbox.state.faults.latency_ms == 0
    assert client.get(INVENTORY).status_code == 200


@pytest.mark.parametrize("seconds", [-1, 60.5, float("nan"), float("inf")])
def test_slowness_outside_0_to_60_seconds_is_refused(
    sandbox: RunningSandbox, seconds: float
) -> None:
    with pytest.raises(ValueError, match="between 0 and 60 seconds"):
        sandbox.practice.set_slow(seconds)
    assert sandbox.practice.situation().slow_seconds == 0


# --- supplier rejects the next order ---


def test_the_supplier_rejects_the_next_ax_order_when_it_decides(
    timed: RunningSandbox, timed_client: httpx.Client
) -> None:
    timed.practice.reject_next_order()
    child = line(
        dc_code=DC_CHILD, mapping=MAP_CHILD, price="30000.00000", quantity=1, ticket_prefix="c"
    )
    first, second = _create(timed_client, order_body("co-1", [line(), child]))
    [later] = _create(timed_client, order_body("co-2", [line(quantity=1, ticket_prefix="x")]))
    assert timed.practice.situation().orders_to_reject == 0

    timed.state.advance(59)
    assert _status(timed_client, first["ax_order_code"]) == 2  # pending: not decided yet
    timed.state.advance(1)

    assert [_status(timed_client, o["ax_order_code"]) for o in (first, second, later)] == [4, 3, 3]
    [rejected, _] = timed.state.orders_for("co-1")
    assert {t.status for t in rejected.tickets} == {"Supplier canceled"}
    assert rejected.comment == "Supplier 거절"
    assert timed.state.slot(SLOT_OPEN).ordered_quantity == 11  # 10 seeded + the later order
    assert timed.state.slot(SLOT_CHILD).ordered_quantity == 1
    assert timed.state.seat_problems() == []


def test_a_repeat_answered_with_an_existing_order_does_not_use_up_the_rejection(
    timed: RunningSandbox, timed_client: httpx.Client
) -> None:
    [made] = _create(timed_client)
    timed.practice.reject_next_order()

    _create(timed_client)  # the same request again: the same order
    [new] = _create(timed_client, order_body("co-2"))
    timed.state.advance(60)

    assert (
        _status(timed_client, made["ax_order_code"]),
        _status(timed_client, new["ax_order_code"]),
    ) == (3, 4)


# --- a ticket marked used ---


def test_a_ticket_of_an_ax_order_is_marked_used_and_cannot_be_cancelled(
    sandbox: RunningSandbox, client: httpx.Client
) -> None:
    [made] = _create(client)
    order = made["ax_order_code"]
    tickets = [t["ax_ticket_code"] for t in made["tickets"]]

    used = sandbox.practice.mark_ticket_used(order)
    cancel = client.patch(f"{ORDERS}/{order}/tickets/{used}", json={"status": "Traveler canceled"})

    assert used == tickets[0]
    assert cancel.status_code == 409
    assert cancel.json() == {"message": f"Ticket {used} has been used and cannot be cancelled."}
    assert [t.status for t in sandbox.state.orders_for("co-1")[0].tickets] == ["Used", "New"]
    assert sandbox.state.slot(SLOT_OPEN).ordered_quantity == 12  # a used ticket keeps its seat
    assert sandbox.state.seat_problems() == []


def test_mark_ticket_used_takes_the_next_unused_ticket_then_refuses(
    sandbox: RunningSandbox, client: httpx.Client
) -> None:
    [made] = _create(client)
    order = made["ax_order_code"]
    tickets = [t["ax_ticket_code"] for t in made["tickets"]]

    assert sandbox.practice.mark_ticket_used(order, tickets[1]) == tickets[1]
    assert sandbox.practice.mark_ticket_used(order, tickets[1]) == tickets[1]  # stays used
    assert sandbox.practice.mark_ticket_used(order) == tickets[0]
    with pytest.raises(ValueError, match=f"AX order {order} has no unused ticket left"):
        sandbox.practice.mark_ticket_used(order)


def test_mark_ticket_used_refuses_unknown_codes_and_cancelled_tickets(
    sandbox: RunningSandbox, client: httpx.Client
) -> None:
    [made] = _create(client)
    order = made["ax_order_code"]
    ticket = made["tickets"][0]["ax_ticket_code"]
    client.patch(f"{ORDERS}/{order}/tickets/{ticket}", json={"status": "Traveler canceled"})

    with pytest.raises(KeyError, match="No AX order has the code nope"):
        sandbox.practice.mark_ticket_used("nope")
    with pytest.raises(KeyError, match=f"AX order {order} has no ticket nope"):
        sandbox.practice.mark_ticket_used(order, "nope")
    with pytest.raises(ValueError, match=f"Ticket {ticket} is traveler canceled and cannot"):
        sandbox.practice.mark_ticket_used(order, ticket)
    assert sandbox.state.orders_for("co-1")[0].tickets[0].status == "Traveler canceled"


# --- AX refuses the key ---


def test_while_the_key_is_refused_every_request_gets_403(
    sandbox: RunningSandbox, client: httpx.Client
) -> None:
    [made] = _create(client)
    order = made["ax_order_code"]
    ticket = made["tickets"][0]["ax_ticket_code"]
    sandbox.practice.refuse_key()

    answers = [
        client.get(INVENTORY),
        client.post(ORDERS, json=order_body("co-2")),
        httpx.post(sandbox.base_url + ORDERS, json=order_body("co-3"), headers=auth(channel=None)),
        client.get(f"{ORDERS}/{order}"),
        client.patch(f"{ORDERS}/{order}/tickets/{ticket}", json={"status": "Traveler canceled"}),
    ]

    assert [(a.status_code, a.json()) for a in answers] == [(403, PERMISSION_DENIED)] * 5
    assert sandbox.practice.situation().key_refused
    assert sandbox.state.order_count() == 1
    assert sandbox.state.orders_for("co-1")[0].tickets[0].status == "New"

    sandbox.practice.refuse_key(False)

    assert client.get(INVENTORY).status_code == 200
    assert sandbox.practice.situation() == NORMAL


# --- back to normal ---


def test_reset_undoes_everything_staged(timed: RunningSandbox, timed_client: httpx.Client) -> None:
    practice = timed.practice
    practice.lose_next_answer()
    practice.set_slow(3)
    practice.reject_next_order()
    practice.refuse_key()
    assert practice.situation() == PracticeSituation(
        answers_to_lose=1, slow_seconds=3.0, orders_to_reject=1, key_refused=True
    )

    practice.reset()

    assert practice.situation() == NORMAL
    [made] = _create(timed_client)  # answered: neither lost nor refused
    timed.state.advance(60)
    assert _status(timed_client, made["ax_order_code"]) == 3  # confirmed, not rejected
