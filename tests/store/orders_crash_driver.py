"""A desk that sends orders to the sandbox until it is killed (run by test_store_orders_crash.py).

    python orders_crash_driver.py JOURNAL DEPARTURES.json SEED

The sandbox's address and credential come in the environment
(``AXDESK_CRASH_URL``, ``AXDESK_CRASH_KEY``, ``AXDESK_CRASH_CHANNEL``), the
settle window in ``AXDESK_CRASH_WINDOW``. It settles what the journal holds
pending first, as axdesk does at start-up, then sends orders one after another,
saying on stdout (one line each, flushed) ``ready``, ``settled``, ``sending CODE``
before each submit and ``STATE CODE`` after it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import sys
import time
from pathlib import Path

from sandbox_orders import Departure, order_for

from axdesk.api import AxClient
from axdesk.store.db import open_database
from axdesk.store.journal import OrderJournal
from axdesk.store.reconcile import Reconciler


def fast_sleep(seconds: float) -> None:
    time.sleep(min(seconds, 0.05))


def say(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def main(journal_path: str, departures_path: str, seed: str) -> None:
    departures = [
        Departure(
            **{
                **d,
                "day": dt.date.fromisoformat(d["day"]),
                "start": dt.time.fromisoformat(d["start"]),
            }
        )
        for d in json.loads(Path(departures_path).read_text(encoding="utf-8"))
    ]
    database = open_database(journal_path)
    journal = OrderJournal(database)
    client = AxClient(
        os.environ["AXDESK_CRASH_URL"],
        os.environ["AXDESK_CRASH_KEY"],
        os.environ["AXDESK_CRASH_CHANNEL"],
        timeout=0.3,
        sleep=fast_sleep,
    )
    reconciler = Reconciler(
        client,
        journal,
        sleep=fast_sleep,
        retry_delays=(0.05,),
        settle_window=float(os.environ["AXDESK_CRASH_WINDOW"]),
    )
    say("ready")
    reconciler.reconcile_pending()
    say("settled")
    rng = random.Random(seed)
    while True:
        request = order_for(rng.choice(departures), rng.choice((1, 2)), name=f"Crash {seed}")
        code = request.order.channel_order_code
        say(f"sending {code}")
        outcome = reconciler.submit(request)
        say(f"{outcome.state.value} {code}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
