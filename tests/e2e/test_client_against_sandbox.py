"""The client against the sandbox over real loopback HTTP: every endpoint and error path.

The two are independent readings of the spec, so each test here checks that
they agree (and each will catch a mistake the other made).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest

from axdesk.api import (
    AxAuthError,
    AxClient,
    AxNetworkError,
    AxNotFoundError,
    AxRejectedError,
    AxServerError,
    LineInput,
    OrderRequest,
    OrderStatus,
    TicketStatus,
    TravelerInput,
    build_order_request,
    slot_datetime,
)
from axdesk.sandbox import ManualClock, RunningSandbox, start_sandbox

pytestmark = pytest.mark.e2e

PRODUCT = "5f1c2d3e-0000-4000-8000-000000000001"
ADULT = "5f1c2d3e-0000-4000-8000-0000000000a1"
ADULT_MAPPING = "5f1c2d3e-0000-4000-8000-0000000000b1"
CHILD = "5f1c2d3e-0000-4000-8000-0000000000a2"
CHILD_MAPPING = "5f1c2d3e-0000-4000-8000-0000000000b2"
DAY = dt.date(2026, 12, 1)
NEXT_DAY = dt.date(2026, 12, 2)
TZ = "Asia/Seoul"


def _slot(code: str, day: dt.date, max_quantity: int, ordered: int = 0) -> dict[str, Any]:
    return {
        "inventory_code": code,
        "date": day.isoformat(),
        "start_time": "09:00",
        "max_quantity": max_quantity,
        "min_quantity": 2,
        "ordered_quantity": ordered,
        "is_order": True,
    }


def seed() -> dict[str, Any]:
    return {
        "timezone": TZ,
        "credentials": [{"api_key": "e2e-key", "channel_code": "e2e-channel"}],
        "products": [
            {
                "product_code": PRODUCT,
                "name": "남산 야경 투어 / Namsan Night Tour",
                "options": [
                    {
                        "dc_code": ADULT,
                        "name": "성인 / Adult",
                        "channel_product_mapping_code": ADULT_MAPPING,
                        "unit_price": "50000.00000",
                        "currency": "KRW",
                        "slots": [
                            _slot("inv-adult-1", DAY, 10),
                            _slot("inv-adult-2", NEXT_DAY, 3, ordered=3),
                        ],
                    },
                    {
                        "dc_code": CHILD,
                        "name": "어린이 / Child",
                        "channel_product_mapping_code": CHILD_MAPPING,
                        "unit_price": "30000.00000",
                        "currency": "KRW",
                        "slots": [_slot("inv-child-1", DAY, 4)],
                    },
                ],
            }
        ],
    }


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(dt.datetime(2026, 11, 20, tzinfo=dt.UTC))


@pytest.fixture
def sandbox(clock: ManualClock) -> Iterator[RunningSandbox]:
    with start_sandbox(
        seed=seed(),
        confirm_after=None,
        clock=clock,
        random_seed=3,
        api_key="e2e-key",
        channel_code="e2e-channel",
        fault_delay=2.0,
    ) as running:
        yield running


@pytest.fixture
def client(sandbox: RunningSandbox) -> Iterator[AxClient]:
    with AxClient(
        sandbox.base_url, sandbox.api_key, sandbox.channel_code, timeout=1.0, sleep=lambda _: None
    ) as ax:
        yield ax


def traveler(name: str) -> TravelerInput:
    return TravelerInput(name=name, national_code="82", phone="01012345678", email="t@example.com")


def order(adults: int = 2, children: int = 1, **kwargs: Any) -> OrderRequest:
    at = slot_datetime(DAY, dt.time(9, 0), TZ)
    lines = [
        LineInput(
            ADULT_MAPPING, ADULT, at, Decimal(50000), [traveler(f"성인{i}") for i in range(adults)]
        )
    ]
    if children:
        lines.append(
            LineInput(
                CHILD_MAPPING,
                CHILD,
                at,
                Decimal(30000),
                [traveler(f"아이{i}") for i in range(children)],
            )
        )
    return build_order_request(lines, traveler("김구매"), currency="KRW", **kwargs)


def test_inventory_reads_every_option_with_true_weekdays(client: AxClient) -> None:
    inventory = client.get_inventory(PRODUCT)
    assert set(inventory.options) == {ADULT, CHILD}
    adult_day = {slot.date: slot for slot in inventory.options[ADULT]}
    assert adult_day[DAY].weekday == "Tuesday"
    assert adult_day[DAY].remain_quantity == 10
    assert adult_day[NEXT_DAY].is_sold_out
    assert all(not slot.problems for slots in inventory.options.values() for slot in slots)


def test_inventory_date_range_is_honoured(client: AxClient) -> None:
    inventory = client.get_inventory(PRODUCT, start_date=NEXT_DAY, end_date=NEXT_DAY)
    dates = {slot.date for slots in inventory.options.values() for slot in slots}
    assert dates == {NEXT_DAY}


def test_order_then_status_then_cancel(client: AxClient, sandbox: RunningSandbox) -> None:
    request = order()
    created = client.create_order(request)
    assert created.channel_order_code == request.order.channel_order_code
    assert created.channel_order_status is OrderStatus.NEW
    assert [dc.quantity for dc in created.depth_combinations] == [2, 1]
    assert sandbox.state.slot("inv-adult-1").remain_quantity == 8

    adult_order = created.depth_combinations[0]
    by_ax_code = client.get_order_status(adult_order.ax_order_code)
    assert [info.ax_order_code for info in by_ax_code] == [adult_order.ax_order_code]
    by_channel_code = client.get_order_status(request.order.channel_order_code)
    assert {info.ax_order_code for info in by_channel_code} == {
        dc.ax_order_code for dc in created.depth_combinations
    }

    sandbox.state.set_order_status(adult_order.ax_order_code, 3, "Supplier 확정")
    (info,) = client.get_order_status(adult_order.ax_order_code)
    assert info.status is OrderStatus.SUPPLIER_CONFIRM
    assert info.comment == "Supplier 확정"

    ticket = adult_order.tickets[0].ax_ticket_code
    cancelled = client.cancel_ticket(adult_order.ax_order_code, ticket, comment="전화 취소")
    assert cancelled.ax_ticket_status is TicketStatus.TRAVELER_CANCELED
    assert sandbox.state.slot("inv-adult-1").remain_quantity == 9
    again = client.cancel_ticket(adult_order.ax_order_code, ticket, comment="전화 취소")
    assert again == cancelled
    assert sandbox.state.slot("inv-adult-1").remain_quantity == 9


def test_cancelling_every_ticket_cancels_the_order(client: AxClient) -> None:
    created = client.create_order(order(adults=2, children=0))
    (adult_order,) = created.depth_combinations
    for ticket in adult_order.tickets:
        last = client.cancel_ticket(adult_order.ax_order_code, ticket.ax_ticket_code)
    assert last.ax_order_status is OrderStatus.TRAVELER_CANCEL


def test_used_ticket_cannot_be_cancelled(client: AxClient, sandbox: RunningSandbox) -> None:
    created = client.create_order(order(adults=1, children=0))
    dc = created.depth_combinations[0]
    sandbox.state.set_ticket_status(dc.tickets[0].ax_ticket_code, "Used")
    with pytest.raises(AxRejectedError) as caught:
        client.cancel_ticket(dc.ax_order_code, dc.tickets[0].ax_ticket_code)
    assert caught.value.status == 409


def test_repeated_order_is_idempotent_and_a_changed_body_conflicts(
    client: AxClient, sandbox: RunningSandbox
) -> None:
    request = order()
    first = client.create_order(request)
    second = client.create_order(request)
    assert second == first
    assert sandbox.state.order_count() == 1
    assert sandbox.state.slot("inv-adult-1").remain_quantity == 8

    changed = order(channel_order_code=request.order.channel_order_code, comment="different")
    with pytest.raises(AxRejectedError) as caught:
        client.create_order(changed)
    assert caught.value.status == 409


def test_wrong_credentials_are_refused(sandbox: RunningSandbox) -> None:
    with (
        AxClient(sandbox.base_url, "wrong-key", sandbox.channel_code) as ax,
        pytest.raises(AxAuthError) as caught,
    ):
        ax.get_inventory(PRODUCT)
    assert caught.value.status == 403
    assert "wrong-key" not in str(caught.value)
    with (
        AxClient(sandbox.base_url, sandbox.api_key, "wrong-channel") as ax,
        pytest.raises(AxAuthError),
    ):
        ax.get_order_status("anything")


def test_unknown_codes_are_not_found(client: AxClient) -> None:
    with pytest.raises(AxNotFoundError):
        client.get_inventory("00000000-0000-4000-8000-000000000000")
    with pytest.raises(AxNotFoundError):
        client.get_order_status("00000000-0000-4000-8000-000000000000")
    created = client.create_order(order(adults=1, children=0))
    with pytest.raises(AxNotFoundError):
        client.cancel_ticket(created.depth_combinations[0].ax_order_code, "no-such-ticket")


def test_too_many_travelers_are_rejected_with_the_field(client: AxClient) -> None:
    with pytest.raises(AxRejectedError) as caught:
        client.create_order(order(adults=1, children=5))
    assert caught.value.status == 400
    assert caught.value.errors
    assert any("depth_combinations[1]" in error for error in caught.value.errors)
    assert not caught.value.outcome_unknown


def test_get_retries_through_a_passing_server_fault(
    client: AxClient, sandbox: RunningSandbox
) -> None:
    sandbox.state.queue_fault("503", method="GET")
    sandbox.state.queue_fault("drop", method="GET")
    inventory = client.get_inventory(PRODUCT)
    assert ADULT in inventory.options


def test_post_is_not_retried_and_a_502_leaves_the_outcome_unknown(
    client: AxClient, sandbox: RunningSandbox
) -> None:
    sandbox.state.queue_fault("502", method="POST")
    with pytest.raises(AxServerError) as caught:
        client.create_order(order())
    assert caught.value.outcome_unknown
    assert sandbox.state.order_count() == 0


def test_lost_response_after_commit_is_recovered_by_resending_the_same_body(
    client: AxClient, sandbox: RunningSandbox
) -> None:
    request = order()
    sandbox.state.queue_fault("commit_then_drop", method="POST")
    with pytest.raises(AxNetworkError) as caught:
        client.create_order(request)
    assert caught.value.outcome_unknown
    assert sandbox.state.order_count() == 1
    statuses = client.get_order_status(request.order.channel_order_code)
    assert len(statuses) == 2
    recovered = client.create_order(request)
    assert {dc.ax_order_code for dc in recovered.depth_combinations} == {
        info.ax_order_code for info in statuses
    }
    assert sandbox.state.order_count() == 1
    assert sandbox.state.slot("inv-adult-1").remain_quantity == 8


def test_a_delay_past_the_timeout_is_a_network_error(
    client: AxClient, sandbox: RunningSandbox
) -> None:
    for _ in range(4):  # the first try and every retry of the GET
        sandbox.state.queue_fault("delay", method="GET")
    with pytest.raises(AxNetworkError) as caught:
        client.get_order_status("00000000-0000-4000-8000-000000000000")
    assert "did not answer within" in str(caught.value)


def test_a_closed_port_is_a_network_error_that_sent_nothing() -> None:
    with start_sandbox(seed=seed()) as running:
        address = running.base_url
    with (
        AxClient(address, "e2e-key", "e2e-channel", max_retries=0) as ax,
        pytest.raises(AxNetworkError) as caught,
    ):
        ax.get_inventory(PRODUCT)
    assert not caught.value.request_sent
    assert not caught.value.outcome_unknown
