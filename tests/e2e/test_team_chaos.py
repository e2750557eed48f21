"""Chaos at the team journal (issue 15, Evidence): desk processes on one PostgreSQL journal.

Four desk *processes* (``team_chaos_driver.py``: each its own
``open_journal(pg_url)``, so its own PostgreSQL sessions and advisory locks,
and its own ``AxClient``) share one real PostgreSQL journal
(``tests/pg_server.py``) and one sandbox that faults 30 % of the requests
(500, 502, 503, dropped connections, requests held past the client's timeout
and applied later, writes applied with the answer lost; fixed seed). The
sandbox does not recognise a repeated channel order code (``dedup=False``):
an order sent twice is two orders there, so a double cannot hide. Each desk
sends N orders of two travelers (``Reconciler.submit``) and cancels N
tickets of its own orders (``cancel_one``), with start-up settling and the
"unknown" re-checks (``reconcile_pending``, ``settle_cancels``, live sync's
steps on the desk that leads it) running on every desk all along. One desk,
its work done, journals one more order and one more cancel, sends both and
is killed (kill -9) before it records either answer; the others settle them.

Then the sandbox's own state is the ground truth: every order the desks
meant to send is in the journal; each is at AX at most once (0 doubled) and
AX has no order the journal does not know (0 lost); the journal's state
agrees with AX's, order by order and ticket by ticket; every order was
settled (sent or refused) by exactly one desk, and every cancel requested
once and answered once — the who-did-what lines say which desk, and the
killed desk's order and cancel were settled by another. Every slot's seats
add up.

``AXDESK_TEAM_CHAOS_ORDERS`` sets N, orders and cancels per desk (default 20).

Measured once at the issue's full size (``AXDESK_TEAM_CHAOS_ORDERS=250``, 2 Dec 2026,
2 cores shared with other jobs, load average 1.8 to 2.2; also in
docs/team-journal/README.md, "Evidence")::

    4 desk processes x 250 orders and cancels, fault rate 0.3, seed 20261202; 215 s in all
    faults injected: GET 2153, PATCH 454, POST 374
    orders 1001: sent 1001 (132 without ticket codes), refused 0; doubled 0, lost 0;
      settled by another desk than the one that journaled it 146;
      settled per desk: desk-0 270, desk-1 266, desk-2 248, desk-3 217
    cancels 1001 (of 1001 asked): each requested once, answered once, done at AX
    killed desk's order settled by desk-2, its cancel by desk-0 (13.3 s after the
      kill at the latest: the settle window of its uncertain POST, 4 s here, is waited)

The default size runs in about half a minute.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from cancel_evidence import evidence_seed
from pg_server import pg_url, postgres_server

from axdesk.api import TicketStatus
from axdesk.sandbox.embedded import RunningSandbox, start_sandbox
from axdesk.store import open_journal
from axdesk.store.journal import OrderJournal
from axdesk.store.journal_activity import ActivityKind
from axdesk.store.journal_cancels import CancelState
from axdesk.store.journal_queries import JournalState

__all__ = ["pg_url", "postgres_server"]

ORDERS = int(os.environ.get("AXDESK_TEAM_CHAOS_ORDERS", "20"))
DESKS = 4
FAULT_RATE = 0.3
RANDOM_SEED = 20261202
FAULT_DELAY = 0.6
"""A held request outlives the desks' 0.5 s client timeout, then is applied: a late write."""
DRIVER = Path(__file__).with_name("team_chaos_driver.py")
WAIT = 60.0 + ORDERS * 4.0
"""Seconds a desk may take for its whole run (a loaded machine, 2 shared cores)."""

pytestmark = [pytest.mark.e2e, pytest.mark.slow, pytest.mark.timeout(int(WAIT) + 120)]


@pytest.fixture
def sandbox() -> Iterator[RunningSandbox]:
    running = start_sandbox(
        seed=evidence_seed(),
        confirm_after=None,
        fault_rate=FAULT_RATE,
        random_seed=RANDOM_SEED,
        fault_delay=FAULT_DELAY,
        dedup=False,
    )
    try:
        yield running
    finally:
        running.stop()


@dataclass
class DeskProcess:
    """One desk process and what it printed (read on a thread of its own)."""

    number: int
    process: subprocess.Popen[str]
    log: Path
    """Its standard error: the client's log lines, a traceback if it broke."""
    orders: list[str] = field(default_factory=list)
    cancels: list[str] = field(default_factory=list)
    posted: threading.Event = field(default_factory=threading.Event)
    summary: dict[str, object] | None = None
    other: list[str] = field(default_factory=list)

    def read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            word, _, rest = line.strip().partition(" ")
            if word == "ORDER":
                self.orders.append(rest)
            elif word == "CANCEL":
                self.cancels.append(rest)
            elif word == "POSTED":
                self.posted.set()
            elif line.startswith("{"):
                self.summary = json.loads(line)
            elif line.strip() and word != "WORKED":
                self.other.append(line.rstrip())


def start_desk(
    number: int, pg_url: str, sandbox: RunningSandbox, flag: Path, home: Path, *, doomed: bool
) -> tuple[DeskProcess, threading.Thread]:
    args = [str(DRIVER), pg_url, sandbox.base_url, str(number), str(ORDERS), str(flag)]
    env = {**os.environ, "AXDESK_HOME": str(home / f"desk-{number}")}
    log = home / f"desk-{number}.log"
    with log.open("w", encoding="utf-8") as errors:  # the client's log of each fault
        process = subprocess.Popen(  # noqa: S603 - this interpreter and the test's own driver
            [sys.executable, *args, *(["doomed"] if doomed else [])],
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
            env=env,
        )
    desk = DeskProcess(number, process, log)
    reader = threading.Thread(target=desk.read, daemon=True)
    reader.start()
    return desk, reader


@dataclass
class Tally:
    orders: int = 0
    sent: int = 0
    sent_without_ticket_codes: int = 0
    refused: int = 0
    doubled: int = 0
    lost: int = 0
    settled_by_another_desk: int = 0
    cancels: int = 0
    problems: list[str] = field(default_factory=list)
    settlers: Counter[str] = field(default_factory=Counter)


def check_orders(journal: OrderJournal, sandbox: RunningSandbox, codes: list[str]) -> Tally:
    """Each order against the sandbox: once at most, the journal's state AX's, one settler."""
    tally = Tally(orders=len(codes))
    at_ax = 0
    for code in codes:
        order = journal.get_order(code)
        if order is None:
            tally.problems.append(f"{code}: meant to be sent, not in the journal")
            continue
        views = sandbox.state.orders_for(code)
        at_ax += len(views)
        if len(views) > 1:
            tally.doubled += 1
            tally.problems.append(f"{code}: {len(views)} orders at AX")
        lines = journal.activity_of(code)
        settling = [a for a in lines if a.kind in (ActivityKind.SENT, ActivityKind.REJECTED)]
        if len(settling) != 1:
            tally.problems.append(
                f"{code}: settled {len(settling)} times ({[(a.kind, a.desk) for a in settling]})"
            )
        else:
            tally.settlers[settling[0].desk] += 1
            recorded_by = next(a.desk for a in lines if a.kind is ActivityKind.RECORDED)
            if settling[0].desk != recorded_by:
                tally.settled_by_another_desk += 1
        if order.state is JournalState.SENT:
            tally.sent += 1
            if len(views) != 1:
                tally.problems.append(f"{code}: the journal says sent, AX has {len(views)}")
                continue
            if order.lacks_ticket_codes:
                tally.sent_without_ticket_codes += 1
            else:
                ours = {t.channel_code: t.ax_ticket_code for t in order.tickets}
                theirs = {t.channel_ticket_code: t.ax_ticket_code for t in views[0].tickets}
                if ours != theirs:
                    tally.problems.append(f"{code}: ticket codes {ours} at AX {theirs}")
        elif order.state is JournalState.REJECTED:
            tally.refused += 1
            if views:
                tally.problems.append(f"{code}: the journal says refused, AX has it")
        else:
            tally.problems.append(f"{code}: still {order.state.value}: {order.problem}")
    tally.lost = sandbox.state.order_count() - at_ax
    if tally.lost:
        tally.problems.append(f"AX has {tally.lost} orders the desks did not mean to send")
    return tally


def check_cancels(
    journal: OrderJournal, sandbox: RunningSandbox, codes: list[str], wanted: set[str], t: Tally
) -> None:
    """Every ticket: cancelled at AX exactly when a desk cancelled it, requested and answered
    once in the who-did-what lines, the journal's cancel done."""
    for code in codes:
        order = journal.get_order(code)
        if order is None:
            continue
        at_ax = {
            ticket.ax_ticket_code: ticket.status
            for view in sandbox.state.orders_for(code)
            for ticket in view.tickets
        }
        lines = journal.activity_of(code)
        for ticket in order.tickets:
            ticket_code = ticket.ax_ticket_code
            if ticket_code is None:
                continue
            cancelled_at_ax = at_ax.get(ticket_code) == TicketStatus.TRAVELER_CANCELED.value
            if cancelled_at_ax != (ticket_code in wanted):
                t.problems.append(f"{ticket_code}: cancelled at AX {cancelled_at_ax}")
            if ticket_code not in wanted:
                continue
            t.cancels += 1
            about = [(a.kind.value, a.desk) for a in lines if a.detail == ticket_code]
            kinds = Counter(kind for kind, _desk in about)
            if kinds[ActivityKind.CANCEL_REQUESTED] != 1 or kinds[ActivityKind.CANCELLED] != 1:
                t.problems.append(f"{ticket_code}: cancel lines {about}")
            cancel = ticket.cancel
            if cancel is None or cancel.state is not CancelState.DONE:
                t.problems.append(f"{ticket_code}: cancel {cancel.state if cancel else None}")


def settler_of(journal: OrderJournal, code: str, kinds: set[ActivityKind], detail: str) -> str:
    found = [a.desk for a in journal.activity_of(code) if a.kind in kinds and a.detail == detail]
    assert len(found) == 1, found
    return found[0]


def order_of_ticket(journal: OrderJournal, codes: list[str], ticket_code: str) -> str:
    for code in codes:
        order = journal.get_order(code)
        if order is not None and any(t.ax_ticket_code == ticket_code for t in order.tickets):
            return code
    raise AssertionError(f"the ticket {ticket_code} is of no order in the journal")


def test_four_desk_processes_at_30_percent_faults_lose_nothing_and_double_nothing(
    pg_url: str, sandbox: RunningSandbox, tmp_path: Path
) -> None:
    flag = tmp_path / "settle-now"
    started = time.monotonic()
    run = [
        start_desk(n, pg_url, sandbox, flag, tmp_path, doomed=n == DESKS - 1) for n in range(DESKS)
    ]
    desks = [desk for desk, _reader in run]
    doomed = desks[-1]
    try:
        assert doomed.posted.wait(WAIT), "the doomed desk never got its last order out"
        doomed.process.kill()  # kill -9, its order "sending" and its cancel "cancelling"
        doomed.process.wait(10)
        killed_at = time.monotonic()
        flag.touch()  # the survivors settle what is left, then stop
        for desk, reader in run[:-1]:
            desk.process.wait(WAIT)
            reader.join(10)
    finally:
        for desk, reader in run:
            if desk.process.poll() is None:
                desk.process.kill()
                desk.process.wait(10)
            reader.join(10)
            if desk.process.stdout is not None:
                desk.process.stdout.close()
    took = time.monotonic() - started
    survivors = desks[:-1]
    for desk in survivors:
        assert desk.summary is not None, (desk.number, desk.other, desk.log.read_text()[-3000:])
        assert desk.summary["errors"] == [], desk.summary["errors"]
        assert desk.summary["settled"], f"desk {desk.number} still had something unsettled"

    codes = [code for desk in desks for code in desk.orders]
    wanted = {ticket for desk in desks for ticket in desk.cancels}
    journal = open_journal(pg_url)
    try:
        tally = check_orders(journal, sandbox, codes)
        check_cancels(journal, sandbox, codes, wanted, tally)
        last_order = doomed.orders[-1]
        last_cancel = doomed.cancels[-1]
        order_settler = settler_of(
            journal, last_order, {ActivityKind.SENT, ActivityKind.REJECTED}, ""
        )
        cancel_owner = order_of_ticket(journal, codes, last_cancel)
        cancel_settler = settler_of(journal, cancel_owner, {ActivityKind.CANCELLED}, last_cancel)
    finally:
        journal.close()
    tally.problems.extend(sandbox.state.seat_problems())
    faults = Counter(method for method, _path, _kind in sandbox.state.faults.injected)
    counts: Counter[str] = Counter()
    for desk in survivors:
        assert desk.summary is not None
        counts.update(desk.summary["counts"])  # type: ignore[arg-type]
    print(
        f"\nteam chaos: {DESKS} desk processes x {ORDERS} orders and cancels, fault rate "
        f"{FAULT_RATE}, seed {RANDOM_SEED}; {took:.1f} s in all "
        f"(load average {os.getloadavg()[0]:.2f})\n"
        f"  faults injected: {dict(sorted(faults.items()))}\n"
        f"  orders {tally.orders}: sent {tally.sent} ({tally.sent_without_ticket_codes} "
        f"without ticket codes), refused {tally.refused}; doubled {tally.doubled}, lost "
        f"{tally.lost}; settled by another desk than the one that journaled it "
        f"{tally.settled_by_another_desk}; settled per desk {dict(sorted(tally.settlers.items()))}"
        "\n"
        f"  cancels {tally.cancels} (of {len(wanted)} asked)\n"
        f"  killed desk's order settled by {order_settler}, its cancel by {cancel_settler}, "
        f"{time.monotonic() - killed_at:.1f} s after the kill at the latest\n"
        f"  desks' outcomes: {dict(sorted(counts.items()))}\n"
        f"  problems: {len(tally.problems)}"
    )
    assert tally.problems == []
    assert tally.doubled == 0
    assert tally.lost == 0
    assert faults["POST"], "no POST was faulted: the test tested nothing"
    assert faults["PATCH"], "no PATCH was faulted: the test tested nothing"
    assert len(codes) == DESKS * ORDERS + 1
    assert tally.cancels == len(wanted)
    for desk in survivors:
        assert len(desk.cancels) == ORDERS, f"desk {desk.number} had too few tickets to cancel"
    assert order_settler != f"desk-{doomed.number}"
    assert cancel_settler != f"desk-{doomed.number}"
