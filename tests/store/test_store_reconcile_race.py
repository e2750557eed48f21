"""The held first POST (issue 11 §2), end to end: AX holds the POST, the client gives up,
Get Confirm does not list the order yet, a re-send is refused (sold out) — and then the
first POST lands. The order must never have been called rejected.

The sandbox's ``delay`` fault holds the POST past the client's timeout and then applies
it. Meanwhile another channel takes the last seats (so the re-send is refused) and gives
them back before the held POST is handled (so it succeeds).
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterator

import pytest
from sandbox_orders import Departure, departures, order_for

from axdesk.api import AxClient, AxRejectedError
from axdesk.sandbox.embedded import RunningSandbox, start_sandbox
from axdesk.store.journal import OrderJournal
from axdesk.store.journal_queries import JournalState, ProblemKind
from axdesk.store.reconcile import Reconciler

pytestmark = pytest.mark.e2e

HOLD_SECONDS = 3.0
"""How long the sandbox holds the first POST (its ``fault_delay``)."""
CLIENT_TIMEOUT = 0.5


@pytest.fixture
def sandbox() -> Iterator[RunningSandbox]:
    running = start_sandbox(
        host="127.0.0.1", port=0, confirm_after=None, random_seed=5, fault_delay=HOLD_SECONDS
    )
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture
def client(sandbox: RunningSandbox) -> Iterator[AxClient]:
    with AxClient(
        sandbox.base_url, sandbox.api_key, sandbox.channel_code, timeout=CLIENT_TIMEOUT
    ) as ax:
        yield ax


def a_small_departure(sandbox: RunningSandbox, client: AxClient) -> Departure:
    for departure in departures(sandbox, client):
        if departure.bookable and 2 <= departure.seats <= 8 and departure.currency == "KRW":
            return departure
    pytest.fail("The demo catalog has no departure with a few seats left.")


def wait_for(condition: Callable[[], object], seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail("The held POST never landed at the sandbox.")
        time.sleep(0.05)


@pytest.mark.parametrize("repeats", [True, False], ids=["told-ax-repeats", "not-told"])
def test_a_refused_resend_while_the_first_post_is_held_never_rejects_the_order(
    sandbox: RunningSandbox, client: AxClient, journal: OrderJournal, repeats: bool
) -> None:
    """Told that AX answers a repeated code with the same order, the reconciler sends the
    order again when Get Confirm does not list it, and AX refuses that (sold out): the
    order stays "unknown — AX may still make it". Not told, it does not send it again
    while the first send may land. Either way, once the held POST lands it is made."""
    departure = a_small_departure(sandbox, client)
    request = order_for(departure, 1)
    code = request.order.channel_order_code
    rival = order_for(departure, departure.seats, name="Rival")
    rival_orders: list[str] = []

    def meanwhile(_seconds: float) -> None:
        # The first POST is held at AX; another channel takes every seat left.
        if not rival_orders:
            made = client.create_order(rival)
            rival_orders.extend(dc.ax_order_code for dc in made.depth_combinations)

    sandbox.state.queue_fault("delay", "POST")
    reconciler = Reconciler(
        client, journal, sleep=meanwhile, retry_delays=(0.1,), same_order_on_repeat=repeats
    )
    outcome = reconciler.submit(request)

    assert rival_orders, "the check after the held POST was never reached"
    assert outcome.may_still_land, outcome.message
    assert outcome.settle_by is not None
    assert outcome.settle_by - dt.datetime.now(dt.UTC) > dt.timedelta(seconds=100)
    order = journal.get_order(code)
    assert order is not None
    assert order.state is JournalState.UNKNOWN
    assert order.problem_kind is ProblemKind.MAY_STILL_LAND
    posts = [kind for method, _path, kind in sandbox.state.faults.injected if method == "POST"]
    assert posts == ["delay"]
    if repeats:
        assert "refused the order" in outcome.message
        assert isinstance(outcome.error, AxRejectedError)
        assert order.attempts == 2
    else:
        assert "does not list the order" in outcome.message
        assert order.attempts == 1  # never sent again while the first send may land
    # The rival gives its seats back before AX handles the held POST.
    for ax_order_code in rival_orders:
        sandbox.state.set_order_status(ax_order_code, 6)
    wait_for(lambda: sandbox.state.orders_for(code), HOLD_SECONDS * 3)

    assert not outcome.is_rejected, outcome.message
    assert journal.state_of(code) is not JournalState.REJECTED
    settled = reconciler.reconcile(code)
    assert settled.is_sent, settled.message
    made = journal.get_order(code)
    assert made is not None
    assert made.state is JournalState.SENT
    (view,) = sandbox.state.orders_for(code)
    assert [a.ax_order_code for a in made.ax_orders] == [view.ax_order_code]
    if repeats:  # sent again to learn the ticket codes: AX answered with the order it made
        assert [t.ax_ticket_code for t in made.tickets] == [t.ax_ticket_code for t in view.tickets]
    else:
        assert made.lacks_ticket_codes
    assert sandbox.state.seat_problems() == []
