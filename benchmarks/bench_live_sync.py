"""2,000 Get Confirm through live sync, against a bare httpx.Client loop at the same concurrency.

Figures are printed, not asserted (see the developers' guide). Run:

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_live_sync.py \\
        [--orders 2000] [--in-flight 3] [--repeat 5] [--sandbox-in process|thread]

The AX sandbox runs as shipped (no latency, no faults; its supplier decides
only after 10^7 s, so every order stays open), by default in a process of
its own so that the two sides of the measurement do not share one GIL with
it (``--sandbox-in thread`` runs it in this process, as practice mode does).
``--orders`` one-traveler orders are made there and journaled as sent, in a
journal file on disk (``synchronous=FULL``, as the app opens it); not timed.

Measured, interleaved, ``--repeat`` times each:

- floor: ``--in-flight`` threads, each with one keep-alive ``httpx.Client``,
  GET Get Confirm of every order (each its share) — what the network and
  the sandbox cost by themselves;
- live sync: one cycle of the app's ``OrderSync`` over all the orders
  (``refresh_now`` to ``cycle_finished``: the listing, every Get Confirm
  through ``AxClient`` on the app's ``Worker`` with ``max_in_flight`` =
  ``--in-flight``, and writing every answer to the journal), with the
  client the app makes (``make_client``) and its call log hook
  (``record_calls``: a log line and a cross-thread signal per request);
- live sync without the call log hook (``on_call=None``): what the log line
  and the signal cost;
- the app's client alone: ``--in-flight`` threads sharing one client from
  ``make_client`` (no hook), each asking Get Confirm of its share through
  ``AxClient`` — no Qt, no worker, no journal: what the client costs over
  bare httpx, so that the rest is what live sync itself costs.

Medians are printed with their ratio to the floor: of the wall time (the
target), and of this process's CPU time (with the sandbox in its own
process: what axdesk's side costs, a figure that a busy machine blurs less),
and the journal commits per cycle. The load average is printed: the wall
times mean little on a busy machine. The script uses only what axdesk had before the answers were
batched, so the same file measures an older tree (``PYTHONPATH=<old tree>``).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

import httpx
from PySide6.QtCore import QEventLoop, QTimer
from qt_app import application

from axdesk.api import (
    AxClient,
    CreatedOrder,
    LineInput,
    OrderRequest,
    TravelerInput,
    build_order_request,
)
from axdesk.store.db import Database, open_database
from axdesk.store.journal import OrderJournal
from axdesk.ui.common.context import Connection, ConnectionProfile
from axdesk.ui.common.worker import Worker
from axdesk.ui.connection.net import make_client
from axdesk.ui.connection.secrets import Credentials
from axdesk.ui.orders.live_sync import OrderSync
from axdesk.ui.shell.bootstrap import record_calls
from axdesk.ui.shell.call_log import CallLog
from axdesk.ui.shell.memory import tune_garbage_collector

API_KEY = "bench-key"
CHANNEL = "bench-channel"
OPTION = "dc-bench"
MAPPING = "map-bench"
PRICE = Decimal("10000")
DAYS = [dt.date(2030, 3, day) for day in range(1, 11)]
ORDERS_PATH = "/v1/channel/orders/tour/"
CLIENT_ONLY = "the app's AxClient alone"


def seed_document(seats: int) -> dict[str, object]:
    return {
        "timezone": "Asia/Seoul",
        "credentials": [{"api_key": API_KEY, "channel_code": CHANNEL}],
        "products": [
            {
                "product_code": "tour-bench",
                "name": "Bench tour",
                "options": [
                    {
                        "dc_code": OPTION,
                        "name": "Adult",
                        "channel_product_mapping_code": MAPPING,
                        "unit_price": str(PRICE),
                        "currency": "KRW",
                        "slots": [
                            {
                                "inventory_code": f"slot-{day}",
                                "date": day.isoformat(),
                                "start_time": "09:00",
                                "max_quantity": seats,
                            }
                            for day in DAYS
                        ],
                    }
                ],
            }
        ],
    }


# --- the sandbox ---------------------------------------------------------------------

SANDBOX_CODE = """
import os, sys, threading
from axdesk.sandbox.cli import main

def orphaned():
    sys.stdin.read()  # the end of the pipe: the benchmark is gone, however it went
    os._exit(0)

threading.Thread(target=orphaned, daemon=True).start()
sys.exit(main(sys.argv[1:]))
"""
"""``axdesk-sandbox`` as a child that ends with the benchmark: when the benchmark dies
hard (a crash, a kill), its end of the child's standard input closes, and the child
exits instead of serving on for ever."""


@contextmanager
def sandbox(where: str, folder: Path, orders: int) -> Iterator[str]:
    """The sandbox's base URL, in a process of its own or in a thread of this one."""
    seed = seed_document(orders // len(DAYS) + 10)
    if where == "thread":
        from axdesk.sandbox.embedded import start_sandbox  # only when asked for

        with start_sandbox(seed=seed, confirm_after=None) as running:
            yield running.base_url
        return
    seed_path = folder / "seed.json"
    seed_path.write_text(json.dumps(seed), encoding="utf-8")
    process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
        [
            sys.executable,
            "-c",
            SANDBOX_CODE,
            "--port",
            "0",
            "--seed",
            str(seed_path),
            "--confirm-after",
            "10000000",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        banner = process.stdout.readline()
        if "listening on " not in banner:
            raise SystemExit(f"The sandbox did not start: {banner!r}")
        yield banner.split("listening on ", 1)[1].strip()
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:  # it would hold the runner's pipes open for ever
            process.kill()
            process.wait(10)
        for pipe in (process.stdin, process.stdout):
            if pipe is not None:
                pipe.close()


def make_orders(base_url: str, journal: OrderJournal, count: int, threads: int) -> list[str]:
    """``count`` one-traveler orders made at AX and journaled as sent; their AX order codes."""
    made: dict[int, tuple[OrderRequest, CreatedOrder]] = {}

    def post(offset: int) -> None:
        with AxClient(base_url, API_KEY, CHANNEL, timeout=30) as client:
            for index in range(offset, count, threads):
                person = TravelerInput(f"Traveler {index}", "82", "010-0000-0000", "t@example.com")
                day = DAYS[index % len(DAYS)]
                at = dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
                line = LineInput(MAPPING, OPTION, at, PRICE, [person])
                request = build_order_request([line], person, currency="KRW")
                made[index] = (request, client.create_order(request))

    workers = [threading.Thread(target=post, args=(n,)) for n in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    if len(made) != count:
        raise SystemExit(f"Only {len(made)} of {count} orders could be made.")
    codes = []
    # Setup only (the app journals each order before its POST): in one transaction where
    # the journal can batch.
    batch = getattr(journal, "batch", contextlib.nullcontext)
    with batch():
        for index in range(count):
            request, created = made[index]
            journal.record_sending(request, endpoint=base_url)
            journal.mark_sent(request.order.channel_order_code, created)
            codes.append(created.depth_combinations[0].ax_order_code)
    return codes


# --- the floor: a bare httpx.Client loop ------------------------------------------------


def bare_loop(base_url: str, codes: Sequence[str], threads: int) -> tuple[float, float]:
    headers = {
        "Authorization": f"Token {API_KEY}",
        "Channel": f"Code {CHANNEL}",
        "Accept": "application/json",
    }
    shares = [list(codes[index::threads]) for index in range(threads)]
    barrier = threading.Barrier(threads + 1)
    failures: list[str] = []

    def run(share: list[str]) -> None:
        with httpx.Client(base_url=base_url, headers=headers, timeout=30) as http:
            http.get(ORDERS_PATH + share[0])  # the connection is open before the clock starts
            barrier.wait()
            for code in share:
                response = http.get(ORDERS_PATH + code)
                if response.status_code != 200:
                    failures.append(f"{code}: {response.status_code}")
                response.json()
            barrier.wait()

    workers = [threading.Thread(target=run, args=(share,)) for share in shares]
    for worker in workers:
        worker.start()
    barrier.wait()
    began, cpu = time.perf_counter(), time.process_time()
    barrier.wait()
    elapsed, cpu = time.perf_counter() - began, time.process_time() - cpu
    for worker in workers:
        worker.join()
    if failures:
        raise SystemExit(f"{len(failures)} requests failed, e.g. {failures[0]}")
    return elapsed, cpu


def client_loop(base_url: str, codes: Sequence[str], threads: int) -> tuple[float, float]:
    client, transport = make_client(base_url, Credentials(API_KEY, CHANNEL), None)
    shares = [list(codes[index::threads]) for index in range(threads)]
    barrier = threading.Barrier(threads + 1)

    def run(share: list[str]) -> None:
        client.get_order_status(share[0])
        barrier.wait()
        for code in share:
            client.get_order_status(code)
        barrier.wait()

    workers = [threading.Thread(target=run, args=(share,)) for share in shares]
    for worker in workers:
        worker.start()
    barrier.wait()
    began, cpu = time.perf_counter(), time.process_time()
    barrier.wait()
    elapsed, cpu = time.perf_counter() - began, time.process_time() - cpu
    for worker in workers:
        worker.join()
    client.close()
    transport.close()
    return elapsed, cpu


# --- live sync ----------------------------------------------------------------------------


class LiveSyncRun:
    """The app's live sync on its own worker, connection and client."""

    def __init__(
        self,
        base_url: str,
        journal: OrderJournal,
        db: Database,
        in_flight: int,
        *,
        call_log: CallLog | None,
    ) -> None:
        self.worker = Worker()
        self.connection = Connection()
        hook = None if call_log is None else record_calls(call_log, self.connection)
        self.client, transport = make_client(base_url, Credentials(API_KEY, CHANNEL), hook)
        self.connection.use(
            ConnectionProfile("bench", "custom", base_url), self.client, abort=transport.abort
        )
        self.sync = OrderSync(
            self.worker,
            self.connection,
            journal,
            interval_seconds=lambda: 3600.0,
            max_in_flight=in_flight,
        )
        self.db = db
        self.commits = 0

    def cycle(self) -> tuple[float, float]:
        statements: list[str] = []
        loop = QEventLoop()
        self.sync.cycle_finished.connect(loop.quit)
        problems: list[str] = []
        self.sync.problem.connect(problems.append)
        self.worker.error_reported.connect(lambda text: problems.append(str(text)))
        self.db.set_trace_callback(statements.append)
        QTimer.singleShot(60_000, loop.quit)
        began, cpu = time.perf_counter(), time.process_time()
        self.sync.refresh_now()
        loop.exec()
        elapsed, cpu = time.perf_counter() - began, time.process_time() - cpu
        self.db.set_trace_callback(None)
        self.sync.cycle_finished.disconnect(loop.quit)
        self.sync.stop()
        if problems:
            raise SystemExit(f"live sync reported a problem: {problems[0]}")
        self.commits = statements.count("COMMIT")
        return elapsed, cpu

    def close(self) -> None:
        self.sync.stop()
        self.worker.shutdown(5000)
        self.connection.close_client()


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--orders", type=int, default=2000)
    parser.add_argument("--in-flight", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--sandbox-in", choices=("process", "thread"), default="process")
    args = parser.parse_args(argv)
    _app = application()  # alive until main() returns

    with tempfile.TemporaryDirectory(prefix="bench-live-sync-") as tmp:
        folder = Path(tmp)
        db = open_database(folder / "journal.sqlite3")
        journal = OrderJournal(db)
        call_log = CallLog(folder / "calls.log")
        with sandbox(args.sandbox_in, folder, args.orders) as base_url:
            codes = make_orders(base_url, journal, args.orders, args.in_flight)
            tune_garbage_collector()  # as axdesk's main() does once start-up is done
            variants: dict[str, Callable[[], LiveSyncRun]] = {
                "live sync (as shipped)": lambda: LiveSyncRun(
                    base_url, journal, db, args.in_flight, call_log=call_log
                ),
                "live sync, no call-log hook": lambda: LiveSyncRun(
                    base_url, journal, db, args.in_flight, call_log=None
                ),
            }
            runs: dict[str, list[float]] = {
                "floor": [],
                CLIENT_ONLY: [],
                **{name: [] for name in variants},
            }
            cpus: dict[str, list[float]] = {name: [] for name in runs}
            commits: dict[str, int] = {}

            def measure(name: str) -> None:
                if name == "floor":
                    elapsed, cpu = bare_loop(base_url, codes, args.in_flight)
                elif name == CLIENT_ONLY:
                    elapsed, cpu = client_loop(base_url, codes, args.in_flight)
                else:
                    run = variants[name]()
                    try:
                        elapsed, cpu = run.cycle()
                        commits[name] = run.commits
                    finally:
                        run.close()
                runs[name].append(elapsed)
                cpus[name].append(cpu)

            # Each round in another order (the order rotates by one each round): a run
            # is measured at every place in a round as often as the others, so that what
            # one leaves behind (the sandbox's connections, the collector's counts) does
            # not always weigh on the same next one.
            order = list(runs)
            for round_number in range(args.repeat):
                shift = round_number % len(order)
                for name in order[shift:] + order[:shift]:
                    measure(name)
        call_log.close()
        db.close()

    floor = statistics.median(runs["floor"])
    floor_cpu = statistics.median(cpus["floor"])
    load = os.getloadavg()[0]
    print(
        f"Get Confirm of {len(codes)} open orders, {args.in_flight} at a time, keep-alive; "
        f"sandbox in a {args.sandbox_in}"
    )
    print(
        f"median of {args.repeat} interleaved runs; load average {load:.2f}, {os.cpu_count()} CPUs"
    )
    print(f"  {'':34} {'wall':>15} {'ratio':>6}   {'CPU of this process':>19} {'ratio':>6}")
    print(
        f"  {'floor (bare httpx.Client loop)':34} {len(codes) / floor:6.0f} orders/s  {1:5.2f}x"
        f"   {floor_cpu:13.2f} s     {1:5.2f}x"
    )
    for name in (CLIENT_ONLY, *variants):
        median = statistics.median(runs[name])
        cpu = statistics.median(cpus[name])
        print(
            f"  {name:34} {len(codes) / median:6.0f} orders/s  {median / floor:5.2f}x"
            f"   {cpu:13.2f} s     {cpu / floor_cpu:5.2f}x"
            + (f"   ({commits[name]} commits per cycle)" if name in commits else "")
        )
    for name, values in runs.items():
        print(f"  runs, s: {name:32}", " ".join(f"{value:.2f}" for value in values))


if __name__ == "__main__":
    main()
