"""Order status over time, the supplier's decisions, cancelling tickets, and seat accounting."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import httpx
import pytest
from sandbox_support import (
    API_KEY,
    CHANNEL,
    DC_CHILD,
    MAP_CHILD,
    OTHER_CHANNEL,
    OTHER_KEY,
    SLOT_CHILD,
    SLOT_OPEN,
    auth,
    line,
    order_body,
    seed,
)

from axdesk.sandbox import ManualClock, RunningSandbox, start_sandbox

ORDERS = "/v1/channel/orders/tour"


def _create(client: httpx.Client, code: str = "co-1", quantity: int = 2) -> dict[str, Any]:
    response = client.post(ORDERS, json=order_body(code, [line(quantity=quantity)]))
    assert response.status_code == 201, response.text
    data: dict[str, Any] = response.json()["data"]["depth_combinations"][0]
    return data


def _status(client: httpx.Client, code: str) -> tuple[int, str | None]:
    [item] = client.get(f"{ORDERS}/{code}").json()["data"]
    return item["status"], item["comment"]


def _cancel(client: httpx.Client, order: str, ticket: str, **body: Any) -> httpx.Response:
    return client.patch(
        f"{ORDERS}/{order}/tickets/{ticket}", json={"status": "Traveler canceled", **body}
    )


@pytest.fixture
def timed(clock: ManualClock) -> Iterator[RunningSandbox]:
    """A sandbox whose supplier decides 60 s after an order (pending after 30 s)."""
    with start_sandbox(seed=seed(), confirm_after=60, clock=clock, random_seed=1) as running:
        yield running


@pytest.fixture
def timed_client(timed: RunningSandbox) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=timed.base_url, headers=auth()) as http:
        yield http


def test_status_moves_new_pending_confirm_on_the_clock(
    timed: RunningSandbox, timed_client: httpx.Client, clock: ManualClock
) -> None:
    code = _create(timed_client)["ax_order_code"]
    created_at = clock()

    seen = [_status(timed_client, code)]
    timed.state.advance(29)
    seen.append(_status(timed_client, code))
    timed.state.advance(1)
    seen.append(_status(timed_client, code))
    clock.advance(30)  # the injected clock itself moving works the same
    seen.append(_status(timed_client, code))
    timed.state.advance(3600)
    seen.append(_status(timed_client, code))

    assert seen == [
        (1, None),
        (1, None),
        (2, "Supplier 대기"),
        (3, "Supplier 확정"),
        (3, "Supplier 확정"),
    ]
    [view] = timed.state.orders_for("co-1")
    assert [(h.from_status, h.to_status) for h in view.history] == [(None, 1), (1, 2), (2, 3)]
    assert [h.at - created_at for h in view.history] == [
        timedelta(0),
        timedelta(seconds=30),
        timedelta(seconds=60),
    ]


def test_a_late_read_applies_both_steps_at_their_due_times(
    timed: RunningSandbox, timed_client: httpx.Client
) -> None:
    code = _create(timed_client)["ax_order_code"]
    timed.state.advance(1000)

    assert _status(timed_client, code) == (3, "Supplier 확정")
    assert [h.to_status for h in timed.state.orders_for("co-1")[0].history] == [1, 2, 3]


def test_orders_decided_in_their_own_time_order_whatever_the_creation_order(
    timed: RunningSandbox, timed_client: httpx.Client
) -> None:
    first = _create(timed_client, "co-1", quantity=1)["ax_order_code"]
    timed.state.advance(40)
    second = _create(timed_client, "co-2", quantity=1)["ax_order_code"]

    timed.state.advance(35)  # 75 s: the first decided (at 60 s), the second pending (at 70 s)
    assert (_status(timed_client, first)[0], _status(timed_client, second)[0]) == (3, 2)
    timed.state.advance(25)  # 100 s: the second decided
    assert _status(timed_client, second)[0] == 3


def test_an_order_a_hook_moves_back_is_carried_on_by_the_supplier(
    timed: RunningSandbox, timed_client: httpx.Client
) -> None:
    code = _create(timed_client)["ax_order_code"]
    timed.state.set_order_status(code, 2, "검토 중")  # pending early, by hand

    timed.state.advance(59)
    assert _status(timed_client, code) == (2, "검토 중")
    timed.state.advance(1)
    assert _status(timed_client, code) == (3, "Supplier 확정")

    timed.state.set_order_status(code, 1)  # back to New: its schedule is long past
    assert _status(timed_client, code) == (3, "Supplier 확정")
    history = [h.to_status for h in timed.state.orders_for("co-1")[0].history]
    assert history == [1, 2, 3, 1, 2, 3]


def test_create_response_repeat_reflects_the_current_status(
    timed: RunningSandbox, timed_client: httpx.Client
) -> None:
    body = order_body()
    timed_client.post(ORDERS, json=body)
    timed.state.advance(61)

    again = timed_client.post(ORDERS, json=body).json()["data"]

    assert again["channel_order_status"] == "Supplier confirm"
    assert again["depth_combinations"][0]["ax_order_status"] == "Supplier confirm"


def test_rejected_orders_give_their_seats_back(clock: ManualClock) -> None:
    with (
        start_sandbox(seed=seed(), confirm_after=10, reject_rate=1.0, clock=clock) as running,
        httpx.Client(base_url=running.base_url, headers=auth()) as http,
    ):
        code = _create(http, quantity=3)["ax_order_code"]
        assert running.state.slot(SLOT_OPEN).ordered_quantity == 13

        running.state.advance(10)

        assert _status(http, code) == (4, "Supplier 거절")
        assert running.state.slot(SLOT_OPEN).ordered_quantity == 10
        view = running.state.orders_for("co-1")[0]
        assert {t.status for t in view.tickets} == {"Supplier canceled"}
        cancel = _cancel(http, code, view.tickets[0].ax_ticket_code)
        assert cancel.status_code == 409
        assert running.state.seat_problems() == []


def test_reject_rate_with_a_random_seed_is_repeatable(clock: ManualClock) -> None:
    def outcomes() -> list[int]:
        with (
            start_sandbox(
                seed=seed(), confirm_after=0, reject_rate=0.5, random_seed=42, clock=clock
            ) as running,
            httpx.Client(base_url=running.base_url, headers=auth()) as http,
        ):
            for index in range(12):
                http.post(
                    ORDERS,
                    json=order_body(f"co-{index}", [line(quantity=1, ticket_prefix=f"{index}")]),
                )
            return [running.state.orders_for(f"co-{i}")[0].status for i in range(12)]

    first = outcomes()

    assert first == outcomes()
    assert set(first) == {3, 4}


def test_without_confirm_after_orders_wait_for_the_supplier(
    sandbox: RunningSandbox, client: httpx.Client
) -> None:
    code = _create(client)["ax_order_code"]
    sandbox.state.advance(10**6)
    assert _status(client, code) == (1, None)

    sandbox.state.set_order_status(code, 3, "확정했습니다")

    assert _status(client, code) == (3, "확정했습니다")


@pytest.mark.parametrize(
    ("status", "ticket_status"),
    [(4, "Supplier canceled"), (5, "Traveler canceled"), (6, "Supplier canceled")],
)
def test_set_order_status_to_a_cancelling_status_frees_the_seats(
    sandbox: RunningSandbox, client: httpx.Client, status: int, ticket_status: str
) -> None:
    code = _create(client)["ax_order_code"]

    sandbox.state.set_order_status(code, status)

    assert sandbox.state.slot(SLOT_OPEN).ordered_quantity == 10
    assert {t.status for t in sandbox.state.orders_for("co-1")[0].tickets} == {ticket_status}
    assert sandbox.state.seat_problems() == []


def test_set_order_status_refuses_unknown_codes_and_statuses(sandbox: RunningSandbox) -> None:
    with pytest.raises(KeyError, match="No AX order"):
        sandbox.state.set_order_status("nope", 3)
    with pytest.raises(ValueError, match="use 1 to 6"):
        sandbox.state.set_order_status("nope", 7)


def test_cancel_ticket_gives_the_seat_back_and_repeats_safely(
    sandbox: RunningSandbox, client: httpx.Client
) -> None:
    order = _create(client)
    code = order["ax_order_code"]
    ticket = order["tickets"][1]["ax_ticket_code"]

    first = _cancel(client, code, ticket, comment="여행자 요청")
    second = _cancel(client, code, ticket)

    assert first.status_code == 200
    assert first.json() == {
        "status_code": 200,
        "data": {
            "channel_order_code": "co-1",
            "ax_order_code": code,
            "ax_order_status": "New",
            "ax_ticket_code": ticket,
            "ax_ticket_status": "Traveler canceled",
        },
    }
    assert (second.status_code, second.json()) == (200, first.json())
    assert sandbox.state.slot(SLOT_OPEN).ordered_quantity == 11
    assert _status(client, code) == (1, None)


def test_cancelling_every_ticket_makes_the_order_traveler_cancel(
    sandbox: RunningSandbox, client: httpx.Client
) -> None:
    order = _create(client)
    code = order["ax_order_code"]
    sandbox.state.set_order_status(code, 3)
    first, second = (t["ax_ticket_code"] for t in order["tickets"])

    _cancel(client, code, first)
    last = _cancel(client, code, second, comment="일정 변경")

    assert last.json()["data"]["ax_order_status"] == "Traveler cancel"
    assert _status(client, code) == (5, "일정 변경")
    assert sandbox.state.slot(SLOT_OPEN).ordered_quantity == 10


def test_a_used_ticket_cannot_be_cancelled(sandbox: RunningSandbox, client: httpx.Client) -> None:
    order = _create(client)
    ticket = order["tickets"][0]["ax_ticket_code"]
    sandbox.state.set_ticket_status(ticket, "Used")

    response = _cancel(client, order["ax_order_code"], ticket)

    assert response.status_code == 409
    assert response.json() == {"message": f"Ticket {ticket} has been used and cannot be cancelled."}
    assert sandbox.state.slot(SLOT_OPEN).ordered_quantity == 12


def test_cancel_of_unknown_or_foreign_codes_is_404(
    sandbox: RunningSandbox, client: httpx.Client
) -> None:
    adult = _create(client, "co-1")
    child_line = line(
        dc_code=DC_CHILD, mapping=MAP_CHILD, price="30000.00000", quantity=1, ticket_prefix="c"
    )
    child = client.post(ORDERS, json=order_body("co-2", [child_line])).json()["data"]
    child_ticket = child["depth_combinations"][0]["tickets"][0]["ax_ticket_code"]
    code = adult["ax_order_code"]
    own_ticket = adult["tickets"][0]["ax_ticket_code"]

    responses = [
        _cancel(client, "nope", own_ticket),
        _cancel(client, code, "nope"),
        _cancel(client, code, child_ticket),  # a ticket of another AX order
        httpx.patch(
            f"{sandbox.base_url}{ORDERS}/{code}/tickets/{own_ticket}",
            json={"status": "Traveler canceled"},
            headers=auth(OTHER_KEY, OTHER_CHANNEL),
        ),
        client.patch(f"{ORDERS}/{code}/tickets/nope", content=b"{broken"),  # 404 before body
    ]

    assert [(r.status_code, r.json()) for r in responses] == [
        (404, {"message": "찾을 수 없습니다."})
    ] * 5
    assert sandbox.state.slot(SLOT_CHILD).ordered_quantity == 1


@pytest.mark.parametrize(
    ("content", "error"),
    [
        (b'{"status": "New"}', 'status: only "Traveler canceled" can be requested'),
        (b"{}", "status: is required"),
        (b'{"status": "Traveler canceled", "comment": 3}', "comment: must be a string"),
    ],
)
def test_bad_cancel_bodies_are_a_400(
    sandbox: RunningSandbox, client: httpx.Client, content: bytes, error: str
) -> None:
    order = _create(client)
    url = f"{ORDERS}/{order['ax_order_code']}/tickets/{order['tickets'][0]['ax_ticket_code']}"

    response = client.patch(url, content=content)

    assert response.status_code == 400
    assert response.json()["errors"] == [error]
    assert sandbox.state.slot(SLOT_OPEN).ordered_quantity == 12


def test_malformed_cancel_body_is_a_400_with_a_sentence(client: httpx.Client) -> None:
    order = _create(client)
    url = f"{ORDERS}/{order['ax_order_code']}/tickets/{order['tickets'][0]['ax_ticket_code']}"

    response = client.patch(url, content=b"status=cancel")

    assert response.status_code == 400
    assert response.json()["message"].startswith("The body is not valid JSON")


def test_set_ticket_status_moves_seats_both_ways(
    sandbox: RunningSandbox, client: httpx.Client
) -> None:
    order = _create(client)
    ticket = order["tickets"][0]["ax_ticket_code"]

    sandbox.state.set_ticket_status(ticket, "Supplier canceled")
    after_cancel = sandbox.state.slot(SLOT_OPEN).ordered_quantity
    sandbox.state.set_ticket_status(ticket, "New")

    assert (after_cancel, sandbox.state.slot(SLOT_OPEN).ordered_quantity) == (11, 12)
    with pytest.raises(KeyError):
        sandbox.state.set_ticket_status("nope", "Used")


def test_seats_always_add_up_through_a_mixed_history(
    sandbox: RunningSandbox, client: httpx.Client
) -> None:
    inventory_url = "/v1/channel/inventory/tour/prod-city-walk"
    orders = [_create(client, f"co-{i}", quantity=1 + i % 3) for i in range(6)]
    _cancel(client, orders[0]["ax_order_code"], orders[0]["tickets"][0]["ax_ticket_code"])
    sandbox.state.set_order_status(orders[1]["ax_order_code"], 4)
    sandbox.state.set_ticket_status(orders[2]["tickets"][0]["ax_ticket_code"], "Used")
    sandbox.state.set_order_status(orders[2]["ax_order_code"], 6)  # the used ticket keeps its seat

    slots = client.get(inventory_url).json()["option_codes"]

    for option_slots in slots.values():
        for slot in option_slots:
            assert slot["remain_quantity"] + slot["ordered_quantity"] == slot["max_quantity"]
    held = {0: 0, 1: 0, 2: 1, 3: 1, 4: 2, 5: 3}
    open_slot = next(s for s in slots["dc-adult"] if s["inventory_code"] == SLOT_OPEN)
    assert open_slot["ordered_quantity"] == 10 + sum(held.values())
    assert sandbox.state.seat_problems() == []
    assert sandbox.state.ax_order_count() == 6


def test_no_repr_of_the_sandbox_or_its_orders_shows_a_credential(
    sandbox: RunningSandbox, client: httpx.Client
) -> None:
    _create(client)

    orders = list(sandbox.state._channel_orders.values())  # the orders as the sandbox keeps them
    shown = repr(sandbox) + repr(sandbox.state.catalog) + repr(orders)

    assert "co-1" in shown  # the orders are in there
    assert API_KEY not in shown
    assert CHANNEL not in shown
