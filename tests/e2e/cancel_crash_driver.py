"""A desk that cancels tickets until it is killed: the subprocess of test_cancel_crash.py.

Usage: ``python cancel_crash_driver.py DATABASE BASE_URL API_KEY CHANNEL_CODE SEED [--settle-only]``

It does what axdesk does at start-up (settle every unsettled cancel of the
server, ``settle_cancels``), prints ``ready <unsettled found> <settled>``,
then cancels, through ``cancel_one``, every ticket of the journal that has
no cancel yet and is still New, in an order drawn from SEED, printing
``cancelled <n>`` after each, and ``done`` at the end. The test kills it
with SIGKILL at a random moment. ``--settle-only`` settles (again and again,
until nothing is unsettled) and exits: the last start.
"""

from __future__ import annotations

import contextlib
import random
import sys

from axdesk.api import AxClient, AxError, TicketStatus
from axdesk.store.cancel import CancelTarget, cancel_one, settle_cancels
from axdesk.store.db import open_database
from axdesk.store.journal import OrderJournal


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def targets(journal: OrderJournal) -> list[CancelTarget]:
    found: list[CancelTarget] = []
    offset = 0
    while True:
        page = journal.list_orders(limit=200, offset=offset)
        if not page:
            return found
        offset += len(page)
        for summary in page:
            detail = journal.get_order(summary.channel_order_code)
            assert detail is not None
            for ticket in detail.tickets:
                if (
                    ticket.cancel is None
                    and ticket.status is TicketStatus.NEW
                    and ticket.ax_ticket_code is not None
                    and ticket.ax_order_code is not None
                ):
                    found.append(
                        CancelTarget(
                            detail.channel_order_code,
                            ticket.ax_order_code,
                            ticket.ax_ticket_code,
                            ticket.name,
                            "",
                            "",
                            None,
                        )
                    )


def main(argv: list[str]) -> int:
    database, base_url, api_key, channel_code, seed = argv[:5]
    settle_only = "--settle-only" in argv[5:]
    conn = open_database(database)
    journal = OrderJournal(conn)
    client = AxClient(base_url, api_key, channel_code, timeout=2.0, max_retries=1)
    found = len(journal.unsettled_cancels(client.base_url))
    if settle_only:
        rounds = 0
        while journal.unsettled_cancels(client.base_url) and rounds < 100:
            settle_cancels(client, journal)
            rounds += 1
        say(f"settled {found} in {rounds} rounds")
        return 0
    settled = settle_cancels(client, journal)
    say(f"ready {found} {len(settled)}")
    chosen = targets(journal)
    random.Random(seed).shuffle(chosen)
    for number, target in enumerate(chosen, 1):
        with contextlib.suppress(AxError):  # unsettled or refused: the journal says which
            cancel_one(client, journal, target, f"crash run {seed}")
        say(f"cancelled {number}")
    say("done")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
