"""Write-to-other-desk latency on the team journal (issue 15, Evidence): ≤ 2 s, measured.

Desk A is a process of its own (``team_writer_driver.py``, its own
``open_journal`` and ``AxClient``) writing through the store's actions: a new
order (``Reconciler.submit`` against the sandbox), a ticket's cancel
(``cancel_one``), an internal note. Desk B is this test: it hears the team
journal's change notices with the store's ``journal_listener`` (LISTEN/NOTIFY,
as the Orders tab's feed does) and, on a notice naming the order, reads the
order again from its own journal until the change is there. The latency of
a write is from the moment desk A starts it (its wall clock, printed just
before the call; one machine, one clock) to desk B having read the change:
the store's write, the commit, the notice, the read. ``AXDESK_TEAM_LATENCY_WRITES``
sets the number of writes (default 51: 17 of each kind). The median and the
worst are printed (``pytest -s``); the issue promises ≤ 2 s.
"""

from __future__ import annotations

import os
import queue
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from cancel_evidence import evidence_seed
from pg_server import pg_url, postgres_server

from axdesk.sandbox.embedded import RunningSandbox, start_sandbox
from axdesk.store import open_journal
from axdesk.store.journal import OrderJournal
from axdesk.store.journal_queries import OrderDetail
from axdesk.store.pg_listen import journal_listener

__all__ = ["pg_url", "postgres_server"]

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

WRITES = int(os.environ.get("AXDESK_TEAM_LATENCY_WRITES", "51"))
PROMISE = 2.0
"""Seconds within which a write at one desk shows at the others (the issue's promise)."""
DRIVER = Path(__file__).with_name("team_writer_driver.py")


@pytest.fixture
def sandbox() -> Iterator[RunningSandbox]:
    running = start_sandbox(seed=evidence_seed(), confirm_after=None)
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture
def desk_a(pg_url: str, sandbox: RunningSandbox, tmp_path: Path) -> Iterator[subprocess.Popen[str]]:
    process = subprocess.Popen(  # noqa: S603 - this interpreter and the test's own driver
        [sys.executable, str(DRIVER), pg_url, sandbox.base_url],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "AXDESK_HOME": str(tmp_path / "desk-a")},
    )
    try:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "READY"
        yield process
    finally:
        if process.stdin is not None:
            process.stdin.close()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)
        if process.stdout is not None:
            process.stdout.close()


def has_order(_ticket: str, _serial: int) -> Callable[[OrderDetail | None], bool]:
    return lambda detail: detail is not None


def has_cancel(ticket: str, _serial: int) -> Callable[[OrderDetail | None], bool]:
    return lambda detail: (
        detail is not None
        and any(t.ax_ticket_code == ticket and t.cancel is not None for t in detail.tickets)
    )


def has_note(_ticket: str, serial: int) -> Callable[[OrderDetail | None], bool]:
    return lambda detail: detail is not None and detail.internal_note == f"note {serial}"


KINDS = [("order", has_order), ("cancel", has_cancel), ("note", has_note)]


def seen_at(
    heard: queue.SimpleQueue[frozenset[str]],
    reader: OrderJournal,
    code: str,
    seen: Callable[[OrderDetail | None], bool],
    deadline: float,
) -> float | None:
    """Desk B's wall clock when it has read the change, after a notice naming ``code``."""
    while time.monotonic() < deadline:
        try:
            codes = heard.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            return None
        if code in codes and seen(reader.get_order(code)):
            return time.time()
    return None


def drain(heard: queue.SimpleQueue[frozenset[str]]) -> None:
    while not heard.empty():
        heard.get_nowait()


def test_a_write_at_one_desk_process_is_read_at_another_within_two_seconds(
    desk_a: subprocess.Popen[str], pg_url: str
) -> None:
    assert desk_a.stdin is not None
    assert desk_a.stdout is not None
    reader = open_journal(pg_url)
    heard: queue.SimpleQueue[frozenset[str]] = queue.SimpleQueue()
    online: queue.SimpleQueue[bool] = queue.SimpleQueue()
    listener = journal_listener(reader, heard.put, online.put)
    assert listener is not None
    listener.start()
    latencies: dict[str, list[float]] = {kind: [] for kind, _ in KINDS}
    try:
        assert online.get(timeout=10) is True
        for serial in range(WRITES):
            kind, predicate = KINDS[serial % len(KINDS)]
            command = f"note {serial}" if kind == "note" else kind
            drain(heard)  # the notices of the writes before, still arriving
            desk_a.stdin.write(command + "\n")
            desk_a.stdin.flush()
            word, code, ticket, started = desk_a.stdout.readline().split()
            assert word == "AT"
            deadline = time.monotonic() + PROMISE * 5
            seen = seen_at(heard, reader, code, predicate(ticket, serial), deadline)
            assert seen is not None, f"{kind} {code} never seen at the other desk"
            latencies[kind].append(seen - float(started))
            assert desk_a.stdout.readline().strip() == "DONE"
    finally:
        listener.stop()
        reader.close()
    every = [s for kind in latencies.values() for s in kind]
    by_kind = ", ".join(
        f"{kind} median {statistics.median(values) * 1000:.0f} ms worst {max(values) * 1000:.0f} ms"
        for kind, values in latencies.items()
    )
    print(
        f"\nwrite at desk A to read at desk B (two processes, LISTEN/NOTIFY): median "
        f"{statistics.median(every) * 1000:.0f} ms, worst {max(every) * 1000:.0f} ms over "
        f"{len(every)} writes ({by_kind}; load average {os.getloadavg()[0]:.2f})"
    )
    assert max(every) <= PROMISE
