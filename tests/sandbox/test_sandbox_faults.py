"""Injected trouble: each fault kind, method filters, the random fault rate, latency."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator

import httpx
import pytest
from sandbox_support import SLOT_OPEN, auth, line, order_body, seed

from axdesk.sandbox import RunningSandbox, start_sandbox

INVENTORY = "/v1/channel/inventory/tour/prod-city-walk"
ORDERS = "/v1/channel/orders/tour"
CONNECTION_LOST = (httpx.RemoteProtocolError, httpx.ReadError)


@pytest.fixture
def quick_delay() -> Iterator[RunningSandbox]:
    """A sandbox whose 'delay' fault holds a request for 0.6 s."""
    with start_sandbox(seed=seed(), confirm_after=None, fault_delay=0.6) as running:
        yield running


def _wait_until(condition: object, timeout: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if callable(condition) and condition():
            return True
        time.sleep(0.02)
    return False


@pytest.mark.parametrize("status", ["500", "503"])
def test_json_server_errors(sandbox: RunningSandbox, client: httpx.Client, status: str) -> None:
    sandbox.state.queue_fault(status)

    response = client.get(INVENTORY)

    assert response.status_code == int(status)
    assert isinstance(response.json()["message"], str)
    assert (response.headers.get("retry-after") == "1") == (status == "503")
    assert client.get(INVENTORY).status_code == 200  # only the next request


def test_bad_gateway_is_an_html_page(sandbox: RunningSandbox, client: httpx.Client) -> None:
    sandbox.state.queue_fault("502")

    response = client.get(INVENTORY)

    assert response.status_code == 502
    assert response.headers["content-type"].startswith("text/html")
    assert "<h1>502 Bad Gateway</h1>" in response.text


def test_drop_closes_the_connection_without_an_answer_and_changes_nothing(
    sandbox: RunningSandbox, client: httpx.Client, caplog: pytest.LogCaptureFixture
) -> None:
    sandbox.state.queue_fault("drop", method="POST")

    with pytest.raises(CONNECTION_LOST):
        client.post(ORDERS, json=order_body())

    assert sandbox.state.order_count() == 0
    assert client.post(ORDERS, json=order_body()).status_code == 201
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


def test_commit_then_drop_applies_the_order_and_loses_the_answer(
    sandbox: RunningSandbox, client: httpx.Client
) -> None:
    sandbox.state.queue_fault("commit_then_drop")
    body = order_body()

    with pytest.raises(CONNECTION_LOST):
        client.post(ORDERS, json=body)

    assert sandbox.state.order_count() == 1
    retry = client.post(ORDERS, json=body)
    assert retry.status_code == 201
    assert retry.json()["data"]["depth_combinations"][0]["ax_order_code"] == (
        sandbox.state.orders_for("co-1")[0].ax_order_code
    )
    assert sandbox.state.slot(SLOT_OPEN).ordered_quantity == 12


def test_commit_then_drop_on_a_cancel(sandbox: RunningSandbox, client: httpx.Client) -> None:
    order = client.post(ORDERS, json=order_body()).json()["data"]["depth_combinations"][0]
    ticket = order["tickets"][0]["ax_ticket_code"]
    sandbox.state.queue_fault("commit_then_drop", method="PATCH")

    with pytest.raises(CONNECTION_LOST):
        client.patch(
            f"{ORDERS}/{order['ax_order_code']}/tickets/{ticket}",
            json={"status": "Traveler canceled"},
        )

    assert sandbox.state.orders_for("co-1")[0].tickets[0].status == "Traveler canceled"
    assert sandbox.state.slot(SLOT_OPEN).ordered_quantity == 11


def test_commit_then_drop_waits_for_a_write(sandbox: RunningSandbox, client: httpx.Client) -> None:
    sandbox.state.queue_fault("commit_then_drop")

    assert client.get(INVENTORY).status_code == 200
    with pytest.raises(CONNECTION_LOST):
        client.post(ORDERS, json=order_body())


def test_delay_outlasts_the_client_timeout_and_the_write_still_happens(
    quick_delay: RunningSandbox,
) -> None:
    quick_delay.state.queue_fault("delay", method="POST")

    with (
        httpx.Client(base_url=quick_delay.base_url, headers=auth(), timeout=0.2) as http,
        pytest.raises(httpx.ReadTimeout),
    ):
        http.post(ORDERS, json=order_body())

    assert quick_delay.state.order_count() == 0
    assert _wait_until(lambda: quick_delay.state.order_count() == 1)


def test_delay_answers_a_patient_client(quick_delay: RunningSandbox) -> None:
    quick_delay.state.queue_fault("delay")
    started = time.monotonic()

    with httpx.Client(base_url=quick_delay.base_url, headers=auth(), timeout=5) as http:
        response = http.get(INVENTORY)

    assert response.status_code == 200
    assert time.monotonic() - started >= 0.6


def test_stop_does_not_wait_for_a_delayed_request() -> None:
    running = start_sandbox(seed=seed(), confirm_after=None, fault_delay=60)
    running.state.queue_fault("delay")
    with (
        httpx.Client(base_url=running.base_url, headers=auth(), timeout=0.2) as http,
        pytest.raises(httpx.ReadTimeout),
    ):
        http.get(INVENTORY)
    started = time.monotonic()

    running.stop()

    assert time.monotonic() - started < 10


def test_faults_wait_for_their_method(sandbox: RunningSandbox, client: httpx.Client) -> None:
    sandbox.state.queue_fault("500", method="post")
    sandbox.state.queue_fault("503")

    statuses = [
        client.get(INVENTORY).status_code,
        client.post(ORDERS, json=order_body()).status_code,
        client.get(INVENTORY).status_code,
    ]

    assert statuses == [503, 500, 200]


def test_unknown_fault_kinds_are_refused(sandbox: RunningSandbox) -> None:
    with pytest.raises(ValueError, match="Unknown fault kind"):
        sandbox.state.queue_fault("timeout")
    with pytest.raises(ValueError, match="POST and PATCH"):
        sandbox.state.queue_fault("commit_then_drop", method="GET")


def _outcomes(random_seed: int) -> tuple[list[str], list[tuple[str, str, str]]]:
    with (
        start_sandbox(
            seed=seed(),
            confirm_after=None,
            fault_rate=0.5,
            random_seed=random_seed,
            fault_delay=1.2,
        ) as running,
        httpx.Client(base_url=running.base_url, headers=auth(), timeout=1.0) as http,
    ):
        seen = []
        for index in range(24):
            try:
                if index % 3 == 0:
                    body = order_body(f"co-{index}", [line(quantity=1, ticket_prefix=str(index))])
                    response = http.post(ORDERS, json=body)
                else:
                    response = http.get(INVENTORY)
                seen.append(str(response.status_code))
            except httpx.TimeoutException:
                seen.append("timeout")
            except CONNECTION_LOST:
                seen.append("dropped")
        return seen, list(running.state.faults.injected)


@pytest.mark.slow
def test_fault_rate_with_a_random_seed_is_repeatable() -> None:
    first, first_injected = _outcomes(random_seed=3)
    second, second_injected = _outcomes(random_seed=3)
    other, _ = _outcomes(random_seed=4)

    assert first == second
    assert first_injected == second_injected
    assert first != other
    assert {"200", "201"} & set(first)
    assert {"500", "502", "503", "timeout", "dropped"} & set(first)
    assert 4 <= len(first_injected) <= 20


def test_latency_is_added_to_every_request() -> None:
    with start_sandbox(seed=seed(), confirm_after=None, latency_ms=300) as running:
        started = time.monotonic()
        response = httpx.get(running.base_url + INVENTORY, headers=auth())
        elapsed = time.monotonic() - started

    assert response.status_code == 200
    assert elapsed >= 0.3
