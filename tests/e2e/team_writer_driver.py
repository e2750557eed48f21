"""A writing desk process for the latency test (tests/e2e/test_team_latency.py); holds no tests.

Usage: team_writer_driver.py JOURNAL_URL BASE_URL

Opens the team journal with ``axdesk.store.open_journal`` and its own
``AxClient``, prints ``READY``, then reads one command a line from stdin and
does it through the store's own actions, as the app's worker does:

- ``order``: a new order (``Reconciler.submit``);
- ``cancel``: cancels the next ticket of an order it sent (``cancel_one``);
- ``note N``: saves the internal note ``note N`` on the order it sent last.

Before each write it prints ``AT <order code> <ticket code or -> <wall clock>``
(``time.time()``, the same clock as the test's: one machine), after it
``DONE``. An empty line or end of input ends it.
"""

from __future__ import annotations

import sys
import time

from cancel_evidence import API_KEY, CHANNEL_CODE, MAPPING, OPTION, PRICE, SLOT_DATES, use_at

from axdesk.api import AxClient, LineInput, TravelerInput, build_order_request
from axdesk.store import open_journal
from axdesk.store.cancel import CancelTarget, cancel_one
from axdesk.store.journal import OrderJournal
from axdesk.store.journal_activity import Actor
from axdesk.store.reconcile import Reconciler


class Writer:
    def __init__(self, url: str, base_url: str) -> None:
        self.journal: OrderJournal = open_journal(url)
        self.journal.act_as(Actor("operator A", "desk-A"))
        self.client = AxClient(base_url, API_KEY, CHANNEL_CODE, timeout=5.0)
        self.reconciler = Reconciler(self.client, self.journal)
        self.sent: list[str] = []
        self.cancelled: set[str] = set()

    def order(self) -> None:
        serial = len(self.sent)
        people = [
            TravelerInput(f"지연 {serial}-{n}", "82", "010-0000-0000", "t@x.kr") for n in (0, 1)
        ]
        line = LineInput(
            MAPPING, OPTION, use_at(SLOT_DATES[serial % len(SLOT_DATES)]), PRICE, people
        )
        request = build_order_request([line], people[0], currency="KRW")
        code = request.order.channel_order_code
        say_at(code, "-")
        outcome = self.reconciler.submit(request)
        assert outcome.is_sent, outcome.message
        self.sent.append(code)

    def cancel(self) -> None:
        for code in reversed(self.sent):
            detail = self.journal.get_order(code)
            assert detail is not None
            for ticket in detail.tickets:
                if ticket.ax_ticket_code is None or ticket.ax_ticket_code in self.cancelled:
                    continue
                assert ticket.ax_order_code is not None
                self.cancelled.add(ticket.ax_ticket_code)
                say_at(code, ticket.ax_ticket_code)
                target = CancelTarget(
                    code, ticket.ax_order_code, ticket.ax_ticket_code, ticket.name, "", "", None
                )
                cancel_one(self.client, self.journal, target, "지연 측정")
                return
        raise AssertionError("no ticket left to cancel")

    def note(self, text: str) -> None:
        code = self.sent[-1]
        detail = self.journal.get_order(code)
        assert detail is not None
        say_at(code, "-")
        self.journal.save_internal_note(code, text, based_on=detail.internal_note)


def say_at(code: str, ticket: str) -> None:
    print(f"AT {code} {ticket} {time.time():.6f}", flush=True)


def main(url: str, base_url: str) -> None:
    writer = Writer(url, base_url)
    print("READY", flush=True)
    for line in sys.stdin:
        command = line.strip()
        if not command:
            break
        if command == "order":
            writer.order()
        elif command == "cancel":
            writer.cancel()
        else:
            writer.note(command)
        print("DONE", flush=True)
    writer.client.close()
    writer.journal.close()


if __name__ == "__main__":
    main(*sys.argv[1:3])
