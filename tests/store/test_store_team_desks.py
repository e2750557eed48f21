"""Several desks on one team journal (issue 15 §4): each order is sent and settled by one desk.

Real desks: separate connections (each its own PostgreSQL session, so its own
advisory locks) and, for the kill -9 case, a separate process; a real
PostgreSQL and the sandbox over loopback HTTP.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sandbox_orders import departures, order_for
from store_helpers import ENDPOINT, created_for, make_request, traveler

from axdesk.api import (
    AxClient,
    AxNetworkError,
    CancelledTicket,
    CreatedOrder,
    OrderRequest,
    OrderStatus,
    OrderStatusInfo,
    TicketStatus,
)
from axdesk.sandbox.embedded import RunningSandbox, start_sandbox
from axdesk.store import open_journal
from axdesk.store.journal import OrderJournal
from axdesk.store.journal_activity import ActivityKind, Actor
from axdesk.store.journal_queries import JournalState
from axdesk.store.reconcile import Reconciler
from axdesk.store.sync import listing_for_this_desk, send_again

pytestmark = pytest.mark.e2e

DRIVER = Path(__file__).with_name("team_desk_driver.py")


@pytest.fixture
def sandbox() -> Iterator[RunningSandbox]:
    running = start_sandbox(host="127.0.0.1", port=0, confirm_after=None, random_seed=11)
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture
def desks(pg_url: str) -> Iterator[list[OrderJournal]]:
    opened: list[OrderJournal] = []
    for number in range(4):
        journal = open_journal(pg_url)
        journal.act_as(Actor(f"operator {number}", f"desk-{number}"))
        opened.append(journal)
    yield opened
    for journal in opened:
        journal.close()


def _client(sandbox: RunningSandbox) -> AxClient:
    return AxClient(sandbox.base_url, sandbox.api_key, sandbox.channel_code, timeout=5.0)


def test_an_order_held_by_one_desk_is_left_alone_by_the_others(
    desks: list[OrderJournal],
) -> None:
    first, second = desks[0], desks[1]
    with first.hold_order("o1") as held_here:
        assert held_here
        with second.hold_order("o1") as held_there:
            assert not held_there
        with first.hold_order("o1") as held_twice:  # another thread of the same desk
            assert not held_twice
        with second.hold_order("o2") as other_order:
            assert other_order
    with second.hold_order("o1") as after:
        assert after


def test_live_sync_is_led_by_one_desk_and_taken_over_when_it_quits(
    desks: list[OrderJournal],
) -> None:
    leader = desks[0]
    assert leader.lead()
    assert leader.lead()  # kept
    assert [desk.lead() for desk in desks[1:]] == [False, False, False]
    assert listing_for_this_desk(desks[1], "https://ax.example") == ([], [])
    leader.close()
    desks.remove(leader)
    assert desks[0].lead()
    assert not desks[1].lead()


def test_start_up_settling_at_four_desks_at_once_sends_each_order_once(
    sandbox: RunningSandbox, desks: list[OrderJournal]
) -> None:
    with _client(sandbox) as reader:
        free = [d for d in departures(sandbox, reader) if d.bookable and d.seats >= 1]
        base_url = reader.base_url
    codes = []
    for number in range(12):
        request = order_for(free[number % len(free)], 1, name=f"Traveler {number}")
        desks[0].record_sending(request, endpoint=base_url)  # then the desk stopped
        codes.append(request.order.channel_order_code)
    start = threading.Barrier(len(desks))
    errors: list[BaseException] = []

    def settle(journal: OrderJournal) -> None:
        try:
            with _client(sandbox) as ax:
                start.wait(10)
                Reconciler(ax, journal, sleep=lambda _s: None).reconcile_pending()
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=settle, args=(desk,)) for desk in desks]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    assert sandbox.state.order_count() == 12
    for code in codes:
        assert len(sandbox.state.orders_for(code)) == 1, code
        assert desks[3].state_of(code) is JournalState.SENT
        sent_lines = [a for a in desks[3].activity_of(code) if a.kind is ActivityKind.SENT]
        assert len(sent_lines) == 1, code  # settled by exactly one desk


def test_a_desk_killed_mid_send_is_settled_by_another(
    sandbox: RunningSandbox, desks: list[OrderJournal], pg_url: str, tmp_path: Path
) -> None:
    with _client(sandbox) as reader:
        departure = next(d for d in departures(sandbox, reader) if d.bookable and d.seats >= 2)
    request = order_for(departure, 2, name="Killed")
    code = request.order.channel_order_code
    request_file = tmp_path / "request.json"
    request_file.write_text(json.dumps(request.to_wire()), "utf-8")
    doomed = subprocess.Popen(  # noqa: S603 - this interpreter and the test's own driver
        [
            sys.executable,
            str(DRIVER),
            pg_url,
            sandbox.base_url,
            sandbox.api_key,
            sandbox.channel_code,
            str(request_file),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert doomed.stdout is not None
        assert doomed.stdout.readline().strip() == "POSTED"
        survivor = desks[1]
        with _client(sandbox) as ax:
            reconciler = Reconciler(ax, survivor, sleep=lambda _s: None)
            while_alive = reconciler.reconcile_pending()
            assert [o.channel_order_code for o in while_alive] == [code]
            assert "another desk" in while_alive[0].message
            assert survivor.state_of(code) is JournalState.SENDING
            doomed.kill()  # kill -9
            doomed.wait(10)
            killed_at = time.monotonic()
            while True:
                outcomes = reconciler.reconcile_pending()
                if survivor.state_of(code) is JournalState.SENT:
                    break
                assert time.monotonic() - killed_at < 10, [o.message for o in outcomes]
                time.sleep(0.05)
            takeover = time.monotonic() - killed_at
    finally:
        if doomed.poll() is None:
            doomed.kill()
            doomed.wait(10)
        if doomed.stdout is not None:
            doomed.stdout.close()
    print(f"kill -9 to settled by another desk: {takeover * 1000:.0f} ms")
    assert sandbox.state.order_count() == 1
    assert len(sandbox.state.orders_for(code)) == 1
    people = [(a.kind, a.desk) for a in survivor.activity_of(code)]
    assert people[0] == (ActivityKind.RECORDED, "desk-killed")
    assert people[-1] == (ActivityKind.SENT, "desk-1")


def test_a_cancel_being_sent_at_one_desk_is_not_sent_again_at_another(
    desks: list[OrderJournal],
) -> None:
    first, second = desks[0], desks[1]
    assert first.claim_cancel("T-1")
    assert not second.claim_cancel("T-1")
    second.release_cancel("T-1")  # a caller releasing what it never got changes nothing
    assert not second.claim_cancel("T-1")
    first.release_cancel("T-1")
    assert second.claim_cancel("T-1")
    second.release_cancel("T-1")


def test_a_claim_refused_because_this_desk_holds_it_leaves_the_cancel_free_once_released(
    desks: list[OrderJournal],
) -> None:
    first, second = desks[0], desks[1]
    assert first.claim_cancel("T-2")  # e.g. the operator's cancel, out now
    assert not first.claim_cancel("T-2")  # settling skips it, releasing nothing
    first.release_cancel("T-2")  # the operator's cancel is over
    assert second.claim_cancel("T-2"), "the cancel stayed locked to the first desk"
    second.release_cancel("T-2")


class _CountingClient:
    """An AX client that only counts what would be sent (a desk that must send nothing)."""

    base_url = ENDPOINT

    def __init__(self) -> None:
        self.posts: list[str] = []

    def create_order(self, request: OrderRequest, *, body: bytes | None = None) -> CreatedOrder:
        self.posts.append(request.order.channel_order_code)
        raise AxNetworkError("not sent (a test client)", request_sent=False)

    def get_order_status(self, order_code: str) -> list[OrderStatusInfo]:
        return []


def test_ticket_codes_are_not_learned_by_a_second_desk_while_one_holds_the_order(
    desks: list[OrderJournal],
) -> None:
    first, second = desks[0], desks[1]
    request = make_request(("dc-adult", [traveler("A")]), code="o-learn")
    line = created_for(request).depth_combinations[0]
    first.record_sending(request, endpoint=ENDPOINT)
    known = OrderStatusInfo(
        channel_order_code="o-learn", ax_order_code=line.ax_order_code, status=OrderStatus.NEW
    )
    first.mark_known_without_tickets("o-learn", [known], "The ticket codes are not known yet.")
    client = _CountingClient()
    with first.hold_order("o-learn") as held:  # the first desk is learning them now
        assert held
        Reconciler(client, second, same_order_on_repeat=True).reconcile_pending()
    assert client.posts == []
    Reconciler(client, second, same_order_on_repeat=True).reconcile_pending()
    assert client.posts == ["o-learn"]  # once the first desk let go


class _CountingCanceller:
    """A Cancel Ticket client that counts the PATCHes it is asked to send."""

    base_url = ENDPOINT

    def __init__(self) -> None:
        self.patches: list[str] = []

    def cancel_ticket(
        self, ax_order_code: str, ticket_code: str, comment: str | None = None
    ) -> CancelledTicket:
        self.patches.append(ticket_code)
        return _cancelled(ax_order_code, ticket_code)


def _cancelled(ax_order_code: str, ticket_code: str) -> CancelledTicket:
    return CancelledTicket(
        channel_order_code="o-c",
        ax_order_code=ax_order_code,
        ax_order_status=OrderStatus.NEW,
        ax_ticket_code=ticket_code,
        ax_ticket_status=TicketStatus.TRAVELER_CANCELED,
    )


def test_a_cancel_another_desk_settled_since_it_was_listed_is_not_sent_again(
    desks: list[OrderJournal],
) -> None:
    first, second = desks[0], desks[1]
    request = make_request(("dc-adult", [traveler("A")]), code="o-c")
    created = created_for(request)
    first.record_sending(request, endpoint=ENDPOINT)
    first.mark_sent("o-c", created)
    line = created.depth_combinations[0]
    ticket = line.tickets[0].ax_ticket_code
    first.begin_cancel(line.ax_order_code, ticket, None)
    first.mark_cancel_unknown(ticket, "no answer")
    first.release_cancel(ticket)
    (listed,) = second.unsettled_cancels(ENDPOINT)  # live sync's cycle lists it here…
    assert first.claim_cancel(ticket)  # …while the first desk settles it
    first.mark_cancel_done(ticket, _cancelled(line.ax_order_code, ticket), attempts=1)
    first.release_cancel(ticket)
    client = _CountingCanceller()

    assert send_again(client, second, listed) is None
    assert client.patches == []
    lines = [a.kind for a in second.activity_of("o-c") if a.detail == ticket]
    assert lines == [ActivityKind.CANCEL_REQUESTED, ActivityKind.CANCELLED]


def test_a_cancel_is_claimed_before_its_intent_can_be_seen_by_another_desk(
    desks: list[OrderJournal], pg_url: str
) -> None:
    other = desks[1]
    request = make_request(("dc-adult", [traveler("A")]), code="o-first")
    created = created_for(request)
    line = created.depth_combinations[0]
    ticket = line.tickets[0].ax_ticket_code
    others_claims: list[bool] = []
    watching = threading.Event()

    def clock() -> dt.datetime:
        """Asked by the journal while it writes: could another desk claim the cancel now?"""
        if watching.is_set():
            claimed = other.claim_cancel(ticket)
            if claimed:
                other.release_cancel(ticket)
            others_claims.append(claimed)
        return dt.datetime.now(dt.UTC)

    first = open_journal(pg_url, clock=clock)
    try:
        first.record_sending(request, endpoint=ENDPOINT)
        first.mark_sent("o-first", created)
        watching.set()
        intent = first.begin_cancel(line.ax_order_code, ticket, None)
        watching.clear()
        assert intent.claimed
        assert others_claims, "the journal never asked its clock while writing the intent"
        assert not any(others_claims), "another desk could claim the cancel being journaled"
        first.release_cancel(ticket)
        assert other.claim_cancel(ticket)
        other.release_cancel(ticket)
    finally:
        first.close()
