"""Crash: a desk cancelling tickets is killed with SIGKILL at random moments, 20 times.

``cancel_crash_driver.py`` runs as a subprocess on a journal file, against a
sandbox (in this process, so it outlives every kill) with some latency, so
the kill often lands while a PATCH is out, and 10 % faults. Each start
settles what the last one left (``settle_cancels``, as axdesk does at
start-up) and cancels more tickets until it is killed. After the last kill a
final start settles everything. Then: no cancel lost (every ticket AX
cancelled has a done cancel in the journal, every other ticket none),
none doubled (each departure got back exactly one seat per cancelled
ticket), none unsettled, every ticket's status as AX has it, and
``PRAGMA integrity_check`` says ok.

``AXDESK_CRASH_RUNS`` sets the number of kills (default 20).
"""

from __future__ import annotations

import contextlib
import os
import queue
import random
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from typing import IO

import pytest
from cancel_evidence import (
    API_KEY,
    CHANNEL_CODE,
    client_for,
    compare,
    evidence_seed,
    place_orders,
    seats_free,
)

from axdesk.api import TicketStatus
from axdesk.sandbox.embedded import start_sandbox
from axdesk.store.db import open_database
from axdesk.store.journal import OrderJournal

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

RUNS = int(os.environ.get("AXDESK_CRASH_RUNS", "20"))
RANDOM_SEED = 20240612
DRIVER = Path(__file__).with_name("cancel_crash_driver.py")
ORDERS = 80
TRAVELERS = 4
LINE_WAIT = 60.0


def lines_of(stream: IO[str]) -> queue.Queue[str | None]:
    """The lines a subprocess writes, as they come (None at its end)."""
    lines: queue.Queue[str | None] = queue.Queue()

    def pump() -> None:
        with stream:
            for line in stream:
                lines.put(line.strip())
        lines.put(None)

    threading.Thread(target=pump, daemon=True).start()
    return lines


def test_cancels_killed_at_random_moments_are_never_lost_doubled_or_unsettled(
    tmp_path: Path,
) -> None:
    sandbox = start_sandbox(
        seed=evidence_seed(),
        confirm_after=None,
        random_seed=RANDOM_SEED,
        latency_ms=25,
        fault_delay=1.0,
    )
    database = tmp_path / "desk.sqlite3"
    stack = contextlib.ExitStack()  # the drivers' log (stderr), kept for a post-mortem
    try:
        conn = open_database(database)
        client = client_for(sandbox)
        made = place_orders(client, OrderJournal(conn), 0, ORDERS, TRAVELERS)
        client.close()
        conn.close()
        seats_before = seats_free(sandbox)
        sandbox.state.faults.rate = 0.1
        rng = random.Random(RANDOM_SEED)
        found_at_start: list[int] = []
        cancels_per_run: list[int] = []
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}

        log = stack.enter_context((tmp_path / "driver.log").open("a", encoding="utf-8"))

        def start(*extra: str) -> tuple[subprocess.Popen[str], queue.Queue[str | None]]:
            process = subprocess.Popen(  # noqa: S603 - our own interpreter and script
                [
                    sys.executable,
                    str(DRIVER),
                    str(database),
                    sandbox.base_url,
                    API_KEY,
                    CHANNEL_CODE,
                    *extra,
                ],
                stdout=subprocess.PIPE,
                stderr=log,
                text=True,
                env=env,
            )
            assert process.stdout is not None
            return process, lines_of(process.stdout)

        for run in range(RUNS):
            process, lines = start(str(RANDOM_SEED + run))
            ready = lines.get(timeout=LINE_WAIT)
            assert ready is not None
            assert ready.startswith("ready "), ready
            found_at_start.append(int(ready.split()[1]))
            time.sleep(rng.uniform(0.02, 0.6))  # a random moment to die at, not a wait
            process.send_signal(signal.SIGKILL)
            assert process.wait(timeout=LINE_WAIT) == -signal.SIGKILL
            done = 0
            while (line := lines.get(timeout=LINE_WAIT)) is not None:
                if line.startswith("cancelled "):
                    done = int(line.split()[1])
            cancels_per_run.append(done)

        process, lines = start("0", "--settle-only")
        assert process.wait(timeout=300) == 0
        last = lines.get(timeout=LINE_WAIT)
        assert last is not None
        assert last.startswith("settled ")

        conn = open_database(database)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            journal = OrderJournal(conn)
            agreement = compare(journal, sandbox, {m.target.channel_order_code for m in made})
            freed: Counter[str] = Counter()
            for item in made:
                detail_status = {
                    t.ax_ticket_code: t.status
                    for ax in sandbox.state.orders_for(item.target.channel_order_code)
                    for t in ax.tickets
                }[item.target.ticket_code]
                if detail_status == TicketStatus.TRAVELER_CANCELED.value:
                    freed[item.slot] += 1
            seats_after = seats_free(sandbox)
            doubled = [
                f"{slot}: {seats_after[slot] - before} seats back for {freed[slot]} cancels"
                for slot, before in seats_before.items()
                if seats_after[slot] - before != freed[slot]
            ]
        finally:
            conn.close()
        print(
            f"\ncancel crash: {RUNS} kills; tickets {agreement.tickets}; cancelled at AX "
            f"{agreement.cancelled_at_ax}; journal cancels {dict(agreement.cancels_by_state)}\n"
            f"  unsettled found at each start: {found_at_start}\n"
            f"  cancels finished per run before the kill: {cancels_per_run}\n"
            f"  final settling: {last}; integrity_check ok; seats doubled: {len(doubled)}"
        )
        assert agreement.disagreements == []
        assert doubled == []
        assert sandbox.state.seat_problems() == []
        assert agreement.cancelled_at_ax > 0
        assert sum(found_at_start) > 0, "no kill left a cancel unsettled: nothing was tested"
    finally:
        stack.close()
        sandbox.stop()
