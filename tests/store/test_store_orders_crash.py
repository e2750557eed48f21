"""Crash: a desk sending orders is killed with SIGKILL at random points, again and again.

A driver process (``orders_crash_driver.py``) settles what its journal holds
pending, as axdesk does at start-up, then sends orders through the real
Reconciler and AxClient to the sandbox, which answers 20 % of the requests
with a fault (held requests, lost answers, 5xx) and does not deduplicate a
repeated channel order code (the hardest AX to stay single on). It is killed
20 times, at a random moment each time, and started again on the same
journal. After the last kill, the start-up settling runs once more until
nothing is pending: no order is lost (the sandbox has none the journal does
not hold as made or unknown), none is doubled, none is unsettled, and the
journal file passes SQLite's integrity check. The counts are printed.

``AXDESK_CRASH_RUNS`` sets the number of kills (default 20).
"""

from __future__ import annotations

import dataclasses
import json
import os
import queue
import random
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sandbox_orders import departures

from axdesk.api import AxClient
from axdesk.sandbox.embedded import RunningSandbox, start_sandbox
from axdesk.store.db import open_database
from axdesk.store.journal import OrderJournal
from axdesk.store.journal_queries import JournalState
from axdesk.store.reconcile import Reconciler

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.slow,
    pytest.mark.timeout(600),
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL"),
]

RUNS = int(os.environ.get("AXDESK_CRASH_RUNS", "20"))
SEED = 20250312
HOLD_SECONDS = 0.5
SETTLE_WINDOW = 3.0
"""The driver's client gives up after 0.3 s; the sandbox applies a held POST after 0.5 s."""
HERE = Path(__file__).parent
START_WAIT = 30.0


@pytest.fixture
def sandbox() -> Iterator[RunningSandbox]:
    running = start_sandbox(
        host="127.0.0.1",
        port=0,
        confirm_after=None,
        fault_rate=0.2,
        random_seed=SEED,
        fault_delay=HOLD_SECONDS,
        latency_ms=15,
        dedup=False,
    )
    try:
        yield running
    finally:
        running.stop()


class Driver:
    """One run of the driver process, its stdout read line by line on a thread."""

    def __init__(
        self, journal: Path, catalog: Path, seed: int, sandbox: RunningSandbox, log: Path
    ) -> None:
        env = dict(os.environ)
        env.update(
            AXDESK_CRASH_URL=sandbox.base_url,
            AXDESK_CRASH_KEY=sandbox.api_key,
            AXDESK_CRASH_CHANNEL=sandbox.channel_code,
            AXDESK_CRASH_WINDOW=str(SETTLE_WINDOW),
            PYTHONPATH=os.pathsep.join([str(HERE), env.get("PYTHONPATH", "")]),
        )
        self._log = log.open("w", encoding="utf-8")  # the driver's own log lines
        command = [sys.executable, str(HERE / "orders_crash_driver.py"), str(journal)]
        command += [str(catalog), str(seed)]
        self.process = subprocess.Popen(  # noqa: S603 - our own interpreter and script
            command,
            stdout=subprocess.PIPE,
            stderr=self._log,
            env=env,
            text=True,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.strip())

    def wait_for(self, word: str, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while True:
            try:
                line = self.lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                pytest.fail(f"The driver did not say {word!r} within {seconds} s.")
            self.seen.append(line)
            if line == word:
                return

    def kill(self) -> str:
        """SIGKILL now; returns the driver's last line."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)
        self._reader.join(timeout=10)
        assert self.process.stdout is not None
        self.process.stdout.close()
        self._log.close()
        while not self.lines.empty():
            self.seen.append(self.lines.get())
        return self.seen[-1] if self.seen else ""


def test_a_desk_killed_at_random_points_loses_doubles_and_leaves_unsettled_nothing(
    sandbox: RunningSandbox, tmp_path: Path
) -> None:
    with AxClient(sandbox.base_url, sandbox.api_key, sandbox.channel_code, timeout=5) as reader:
        rate, sandbox.state.faults.rate = sandbox.state.faults.rate, 0.0
        found = departures(sandbox, reader)
        sandbox.state.faults.rate = rate
    rng = random.Random(SEED)
    chosen = (
        rng.sample([d for d in found if d.bookable], 40) + [d for d in found if not d.bookable][:2]
    )
    catalog = tmp_path / "departures.json"
    catalog.write_text(
        json.dumps(
            [
                {**dataclasses.asdict(d), "day": d.day.isoformat(), "start": d.start.isoformat()}
                for d in chosen
            ]
        ),
        encoding="utf-8",
    )
    journal_path = tmp_path / "desk.sqlite3"
    mid_submit = 0
    for run in range(RUNS):
        driver = Driver(journal_path, catalog, SEED + run, sandbox, tmp_path / f"run-{run}.log")
        driver.wait_for("ready", START_WAIT)
        time.sleep(rng.uniform(0.05, 1.5))  # the random point of the kill
        if driver.kill().startswith("sending "):
            mid_submit += 1

    database = open_database(journal_path)
    try:
        assert database.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        journal = OrderJournal(database)
        with AxClient(
            sandbox.base_url, sandbox.api_key, sandbox.channel_code, timeout=0.3
        ) as client:
            reconciler = Reconciler(client, journal, retry_delays=(), settle_window=SETTLE_WINDOW)
            pending_at_restart = len(journal.needs_reconciliation())
            deadline = time.monotonic() + 120
            rounds = 0
            while journal.needs_reconciliation():
                assert time.monotonic() < deadline, journal.needs_reconciliation()
                if rounds == 20:
                    sandbox.state.faults.rate = 0.0  # the network recovers
                reconciler.reconcile_pending()
                rounds += 1
                time.sleep(0.25)
        codes = [row[0] for row in database.execute("SELECT channel_order_code FROM channel_order")]
        counts = {state: 0 for state in JournalState}
        made_at_ax = 0
        doubled = 0
        for code in codes:
            order = journal.get_order(code)
            assert order is not None
            counts[order.state] += 1
            made = len(sandbox.state.orders_for(code))
            made_at_ax += made
            doubled += made > 1
            assert made == (1 if order.state is JournalState.SENT else 0), (code, order.state)
        lost = sandbox.state.order_count() - made_at_ax
        assert database.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        database.close()

    print(
        f"\ncrash: {RUNS} kills ({mid_submit} in the middle of a submit), {len(codes)} orders "
        f"journaled, {pending_at_restart} pending at the last restart, settled in {rounds} "
        f"rounds: {counts[JournalState.SENT]} made, {counts[JournalState.REJECTED]} refused, "
        f"{counts[JournalState.UNKNOWN] + counts[JournalState.SENDING]} unsettled; doubled "
        f"{doubled}, lost {lost}; {len(sandbox.state.faults.injected)} faults; integrity ok"
    )
    assert doubled == 0
    assert lost == 0
    assert counts[JournalState.UNKNOWN] + counts[JournalState.SENDING] == 0
    assert sandbox.state.seat_problems() == []
    assert mid_submit > 0
