"""One desk process of the team chaos test (tests/e2e/test_team_chaos.py); holds no tests.

Usage: team_chaos_driver.py JOURNAL_URL BASE_URL DESK ORDERS SETTLE_FLAG [doomed]

The desk opens the team journal with ``axdesk.store.open_journal`` and its own
``AxClient``, and works as the app's worker does, through the store's own
actions: start-up settling (``Reconciler.reconcile_pending`` and
``settle_cancels``), ORDERS orders sent with ``Reconciler.submit``, then one
cancel with ``cancel_one`` for each ticket it knows of its own orders, up to
ORDERS cancels, with the "unknown" re-checks (both settlings, and live sync's
steps when this desk leads it: ``listing_for_this_desk``, ``ask_one``,
``send_again``, ``record_answers``) every few actions. It then prints
``WORKED`` and keeps settling until the file SETTLE_FLAG exists and the
journal has nothing left to settle; it prints one JSON line of what it did
(``{"desk": …, "counts": {…}, "settled": …, "errors": […]}``) and exits.
Each order's code is printed (``ORDER <code>``) before it is journaled and
each ticket's (``CANCEL <code>``) before its cancel, so the test knows what
a killed desk meant to do.

A ``doomed`` desk, after its work, journals one more order and one more
cancel and sends both, then prints ``POSTED <order code> <ticket code>`` and
waits to be killed (kill -9) before recording either answer: left "sending"
and "cancelling", for the other desks to settle.
"""

from __future__ import annotations

import contextlib
import json
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

from cancel_evidence import API_KEY, CHANNEL_CODE, MAPPING, OPTION, PRICE, SLOT_DATES, use_at

from axdesk.api import AxClient, AxError, LineInput, OrderRequest, TravelerInput
from axdesk.api import build_order_request as build
from axdesk.store import open_journal
from axdesk.store.cancel import CancelTarget, cancel_one, settle_cancels
from axdesk.store.journal import OrderJournal
from axdesk.store.journal_activity import Actor
from axdesk.store.journal_queries import ProblemKind
from axdesk.store.reconcile import Reconciler
from axdesk.store.sync import ask_one, listing_for_this_desk, record_answers, send_again

CLIENT_TIMEOUT = 0.5
SETTLE_WINDOW = 4.0
"""The settle window here: the sandbox's 0.6 s hold past the client's timeout, with margin."""
RECHECK_EVERY = 5
"""Actions between two "unknown" re-check passes (the app's: when a connection becomes usable,
and live sync's cycle)."""
SETTLE_DEADLINE = 300.0
TRAVELERS = 2


def fast_sleep(seconds: float) -> None:
    """The client's and the reconciler's waits between tries, cut short (the faults are quick)."""
    time.sleep(min(seconds, 0.05))


class Desk:
    def __init__(self, url: str, base_url: str, number: int) -> None:
        self.number = number
        self.journal: OrderJournal = open_journal(url)
        self.journal.act_as(Actor(f"operator {number}", f"desk-{number}"))
        self.client = AxClient(
            base_url, API_KEY, CHANNEL_CODE, timeout=CLIENT_TIMEOUT, sleep=fast_sleep
        )
        self.reconciler = Reconciler(
            self.client,
            self.journal,
            sleep=fast_sleep,
            retry_delays=(0.05, 0.2),
            settle_window=SETTLE_WINDOW,
        )
        self.counts: Counter[str] = Counter()
        self.codes: list[str] = []
        self.cancelled: list[str] = []

    def request(self, serial: int) -> OrderRequest:
        day = SLOT_DATES[(self.number * 7 + serial) % len(SLOT_DATES)]
        people = [
            TravelerInput(f"여행자 {self.number}-{serial}-{n}", "82", "010-0000-0000", "t@x.kr")
            for n in range(TRAVELERS)
        ]
        return build(
            [LineInput(MAPPING, OPTION, use_at(day), PRICE, people)], people[0], currency="KRW"
        )

    def send(self, serial: int) -> None:
        request = self.request(serial)
        self.codes.append(request.order.channel_order_code)
        print(f"ORDER {request.order.channel_order_code}", flush=True)  # before it is journaled
        outcome = self.reconciler.submit(request)
        self.counts[f"submit: {outcome.state.value}"] += 1

    def cancel(self, target: CancelTarget) -> None:
        self.cancelled.append(target.ticket_code)
        print(f"CANCEL {target.ticket_code}", flush=True)
        try:
            cancel_one(self.client, self.journal, target, f"desk {self.number}")
        except AxError as error:
            kind = "unknown" if error.outcome_unknown else type(error).__name__
            self.counts[f"cancel_one: {kind}"] += 1
        else:
            self.counts["cancel_one: done"] += 1

    def targets(self, limit: int) -> list[CancelTarget]:
        """Tickets of this desk's own orders whose codes the journal knows, up to ``limit``."""
        found: list[CancelTarget] = []
        for code in self.codes:
            detail = self.journal.get_order(code)
            if detail is None:
                continue
            for ticket in detail.tickets:
                if ticket.ax_order_code is None or ticket.ax_ticket_code is None:
                    continue
                found.append(
                    CancelTarget(
                        code,
                        ticket.ax_order_code,
                        ticket.ax_ticket_code,
                        ticket.name,
                        "증거 투어",
                        "성인",
                        None,
                    )
                )
                if len(found) == limit:
                    return found
        return found

    def recheck(self) -> None:
        """One pass of every desk's "unknown" re-checks, as the app runs them."""
        for outcome in self.reconciler.reconcile_pending():
            self.counts[f"settle order: {outcome.state.value}"] += 1
        for settled in settle_cancels(self.client, self.journal):
            self.counts[f"settle cancel: {settled.state.value}"] += 1
        self.live_sync_cycle()

    def live_sync_cycle(self) -> None:
        """Live sync's steps, when this desk leads it (one desk at a time)."""
        refs, pendings = listing_for_this_desk(self.journal, self.client.base_url)
        checked = []
        for ref in refs[:20]:
            try:
                checked.append(ask_one(self.client, ref))
            except AxError:
                self.counts["live sync: ask failed"] += 1
        resent = []
        for pending in pendings:
            try:
                one = send_again(self.client, self.journal, pending)
            except AxError:
                self.counts["live sync: resend failed"] += 1
                continue
            if one is not None:
                resent.append(one)
        try:
            for change in record_answers(self.journal, checked, resent).cancels:
                self.counts[f"live sync cancel: {change.state.value}"] += 1
        finally:
            for one in resent:
                self.journal.release_cancel(one.pending.ax_ticket_code)

    def nothing_left(self) -> bool:
        pending = [
            p
            for p in self.journal.needs_reconciliation()
            if p.problem_kind is not ProblemKind.CANNOT_ASK
        ]
        return not pending and not self.journal.unsettled_cancels()


def work(desk: Desk, orders: int) -> None:
    desk.recheck()  # start-up settling
    for serial in range(orders):
        desk.send(serial)
        if serial % RECHECK_EVERY == RECHECK_EVERY - 1:
            desk.recheck()
    for done, target in enumerate(desk.targets(orders)):
        desk.cancel(target)
        if done % RECHECK_EVERY == RECHECK_EVERY - 1:
            desk.recheck()


def doom(desk: Desk, serial: int) -> None:
    """Send one more order and one more cancel, and die before either answer is recorded."""
    spare = [t for t in desk.targets(10**6) if t.ticket_code not in desk.cancelled]
    cancel_to_send = spare[0] if spare else None
    request = desk.request(serial)
    code = request.order.channel_order_code
    print(f"ORDER {code}", flush=True)
    journal = desk.journal
    ticket = "-"
    if cancel_to_send is not None:
        intent = journal.begin_cancel(
            cancel_to_send.ax_order_code, cancel_to_send.ticket_code, "doomed"
        )
        ticket = intent.ax_ticket_code
        print(f"CANCEL {ticket}", flush=True)
        with contextlib.suppress(AxError):  # lost or not: the journal says "cancelling"
            desk.client.cancel_ticket(intent.ax_order_code, intent.ax_ticket_code, intent.comment)
    with journal.hold_order(code) as held:
        assert held
        body = journal.record_sending(request, endpoint=desk.client.base_url)
        journal.note_attempt(code)
        with contextlib.suppress(AxError):  # lost or not: the journal says "sending"
            desk.client.create_order(request, body=body.encode("utf-8"))
        print(f"POSTED {code} {ticket}", flush=True)
        time.sleep(600)  # killed here, before the answers are recorded


def settle_until_told(desk: Desk, flag: Path) -> bool:
    deadline = time.monotonic() + SETTLE_DEADLINE
    while time.monotonic() < deadline:
        desk.recheck()
        if flag.exists() and desk.nothing_left():
            return True
        time.sleep(0.1)
    return False


def main(url: str, base_url: str, number: str, orders: str, flag: str, *rest: str) -> None:
    desk = Desk(url, base_url, int(number))
    errors: list[str] = []
    settled = False
    try:
        work(desk, int(orders))
        print("WORKED", flush=True)
        if rest and rest[0] == "doomed":
            doom(desk, int(orders))
        settled = settle_until_told(desk, Path(flag))
    except BaseException:  # reported to the test, which fails on it
        errors.append(traceback.format_exc())
    summary = {
        "desk": desk.number,
        "counts": dict(desk.counts),
        "settled": settled,
        "errors": errors,
    }
    print(json.dumps(summary), flush=True)
    desk.client.close()
    desk.journal.close()


if __name__ == "__main__":
    main(*sys.argv[1:])
