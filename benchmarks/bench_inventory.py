"""How fast the Inventory tab shows a big product: 20 options x 365 days x 3 start times.

Figures are printed, not asserted (see docs/standards.md). Run:

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_inventory.py [--repeat 5]

The answer (21,900 slots, about 6.6 MB of JSON) is served from memory by an
``httpx.MockTransport``, so "parse" is everything the client does after the
bytes arrive: JSON decoding and model validation. "aggregate" is
``prepared_index`` (the rest of the worker thread's share: the index, and the
month on screen folded), "show + paint" the GUI thread's: filling the tab and
painting its window once (``widget.repaint()``,
which paints at once everything the window has to repaint, as the event loop
would next). ``widget.grab()`` is not used: it renders a copy into a pixmap and
leaves the window's own repaint pending, so each load would be painted twice,
the second time during the next measurement.
"end to end" goes through the tab's own path: ``show_product`` -> worker ->
``inventory_loaded`` -> paint; "GUI callback" is the loader's callback alone
(``show_inventory``) during those loads. The worker folds the days of the month
on screen, so "show + paint" folds none; "next month" folds a month never shown
before (February to December, each with its data), and "a month seen before" is
the way back; switching option folds the month's days for that option.

"GC" is the part of a stage spent in Python's cyclic garbage collector, which
runs when allocations pile up, so it lands in whichever stage is allocating
then; it is included in the stage's time. "careful reading" is the client's
general path (``decode_json`` then ``Inventory.from_payload``) on the same
bytes, which it takes for any answer the fast reader leaves to it: the
figure to compare "parse" with. The load average is printed because the
figures mean little on a busy machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import itertools
import json
import os
import random
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import httpx
from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from qt_app import application

from axdesk.api import AxClient, Inventory
from axdesk.api.wire import decode_json
from axdesk.store.catalog import CatalogOption, CatalogProduct
from axdesk.store.paths import AppPaths
from axdesk.ui.common.context import ENVIRONMENT_TEST, ConnectionProfile
from axdesk.ui.inventory.index import InventoryIndex
from axdesk.ui.inventory.loading import prepared_index
from axdesk.ui.inventory.tab import InventoryTab
from axdesk.ui.shell.bootstrap import open_shell
from axdesk.ui.shell.memory import tune_garbage_collector

OPTIONS = 20
DAYS = 365
START_TIMES = ("09:00", "13:00", "17:30")
FIRST_DAY = dt.date(2030, 1, 1)
PRODUCT = str(uuid.UUID(int=1))


def build_response(rng: random.Random) -> tuple[bytes, list[str]]:
    """The Get Inventory answer, as the current API page shows it."""
    option_codes = [str(uuid.UUID(int=1000 + number)) for number in range(OPTIONS)]
    options: dict[str, list[dict[str, object]]] = {}
    for code in option_codes:
        slots: list[dict[str, object]] = []
        for offset in range(DAYS):
            day = FIRST_DAY + dt.timedelta(days=offset)
            for start in START_TIMES:
                maximum = 25
                ordered = rng.randint(0, maximum)
                slots.append(
                    {
                        "inventory_code": str(uuid.UUID(int=rng.getrandbits(128))),
                        "date": day.isoformat(),
                        "start_time": start,
                        "day_of_the_week": "Sunday",
                        "is_order": rng.random() > 0.05,
                        "max_quantity": maximum,
                        "min_quantity": 5,
                        "remain_quantity": maximum - ordered,
                        "ordered_quantity": ordered,
                        "depth_combination_id": code,
                    }
                )
        options[code] = slots
    body = json.dumps({"status_code": 200, "option_codes": options}).encode()
    return body, option_codes


def wait_for(condition: Callable[[], bool], timeout: float = 30.0) -> None:
    """Run the event loop until ``condition`` holds, sleeping in it as the app does.

    Spinning ``processEvents`` instead would keep the GUI thread busy and take the
    GIL from the worker thread, adding time the real application does not spend.
    """
    deadline = time.perf_counter() + timeout
    wake_up = QTimer()  # so that the deadline is checked even if nothing arrives
    wake_up.start(100)
    try:
        while not condition():
            if time.perf_counter() > deadline:
                raise TimeoutError("the inventory did not arrive")
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    finally:
        wake_up.stop()


def milliseconds(samples: list[float], collecting: list[float] | None = None) -> str:
    values = [sample * 1000 for sample in samples]
    text = (
        f"median {statistics.median(values):7.1f} ms   "
        f"min {min(values):7.1f}   max {max(values):7.1f}   (n={len(values)})"
    )
    if collecting is not None:
        text += f"   GC median {statistics.median(collecting) * 1000:5.1f}"
    return text


class GcClock:
    """Adds up the time spent in the cyclic garbage collector (by whichever thread runs it)."""

    def __init__(self) -> None:
        self._started = 0.0
        self._spent = 0.0
        gc.callbacks.append(self._on_collection)

    def _on_collection(self, phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self._spent += time.perf_counter() - self._started

    def take(self) -> float:
        """Seconds spent collecting since the last call."""
        spent, self._spent = self._spent, 0.0
        return spent

    def close(self) -> None:
        gc.callbacks.remove(self._on_collection)


def load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f}, {five:.2f}, {fifteen:.2f} on {os.cpu_count()} CPUs"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs of each measurement")
    arguments = parser.parse_args()
    repeat = max(1, arguments.repeat)

    app = application()
    # A different answer (the same options, other seat counts) for each run, so that
    # nothing the app keeps from one answer (laid-out texts, say) helps with the next.
    bodies: list[bytes] = []
    for run in range(2 * repeat):
        body, option_codes = build_response(random.Random(20300101 + run))
        bodies.append(body)
    answers = itertools.cycle(bodies)  # the step-by-step runs, then the end-to-end ones
    slot_count = OPTIONS * DAYS * len(START_TIMES)
    print(f"Inventory: {OPTIONS} options x {DAYS} days x {len(START_TIMES)} start times")
    print(f"          = {slot_count:,} slots, {len(body) / 1e6:.1f} MB of JSON")
    print(f"Load average at the start: {load_average()}\n")

    with tempfile.TemporaryDirectory() as home:
        os.environ["AXDESK_HOME"] = home
        paths = AppPaths.default()
        shell = open_shell(paths, sandbox_mode=True, database_path=Path(home) / "bench.sqlite3")
        try:
            shell.ctx.catalog.replace_all(
                [
                    CatalogProduct(
                        PRODUCT,
                        "벤치마크 투어 / Benchmark Tour",
                        tuple(
                            CatalogOption(
                                code, PRODUCT, f"Option {n + 1}", f"map-{n}", Decimal(1000), "KRW"
                            )
                            for n, code in enumerate(option_codes)
                        ),
                    )
                ]
            )
            client = AxClient(
                "https://test.ax-cloud.com",
                "bench-key",
                "bench-channel",
                transport=httpx.MockTransport(
                    lambda request: httpx.Response(200, content=next(answers))
                ),
            )
            shell.ctx.connection.use(
                ConnectionProfile("Bench", ENVIRONMENT_TEST, "https://test.ax-cloud.com"), client
            )
            threshold = shell.ctx.settings.nearly_full_threshold
            tab = InventoryTab(shell.ctx, today=lambda: FIRST_DAY)
            tab.resize(1280, 800)
            tab.show()
            app.processEvents()
            tune_garbage_collector()  # as axdesk's main() does once its window is built

            parse: list[float] = []
            aggregate: list[float] = []
            paint: list[float] = []
            collecting: dict[str, list[float]] = {"parse": [], "aggregate": [], "paint": []}
            gc_clock = GcClock()
            for _ in range(repeat):
                gc_clock.take()
                began = time.perf_counter()
                inventory = client.get_inventory(PRODUCT)
                parsed = time.perf_counter()
                collecting["parse"].append(gc_clock.take())
                index = prepared_index(
                    inventory, threshold, tab.calendar.month_shown(tab.selected_option())
                )
                built = time.perf_counter()
                collecting["aggregate"].append(gc_clock.take())
                tab.show_inventory(index)
                tab.repaint()
                shown = time.perf_counter()
                collecting["paint"].append(gc_clock.take())
                parse.append(parsed - began)
                aggregate.append(built - parsed)
                paint.append(shown - built)
            totals = [a + b + c for a, b, c in zip(parse, aggregate, paint, strict=True)]
            collecting_totals = [
                a + b + c
                for a, b, c in zip(
                    collecting["parse"], collecting["aggregate"], collecting["paint"], strict=True
                )
            ]

            careful: list[float] = []
            for _ in range(repeat):
                began = time.perf_counter()
                Inventory.from_payload(PRODUCT, decode_json(bodies[0], status=200))
                careful.append(time.perf_counter() - began)
                gc_clock.take()
            gc_clock.close()

            end_to_end: list[float] = []
            callbacks: list[float] = []
            arrivals: list[str] = []
            tab.inventory_loaded.connect(arrivals.append)
            tab.loading.loaded.disconnect(tab.show_inventory)

            def timed_arrival(index: InventoryIndex) -> None:
                began = time.perf_counter()
                tab.show_inventory(index)
                callbacks.append(time.perf_counter() - began)

            tab.loading.loaded.connect(timed_arrival)
            for run in range(repeat):
                began = time.perf_counter()
                tab.show_product(PRODUCT)
                wait_for(lambda run=run: len(arrivals) > run)
                tab.repaint()
                end_to_end.append(time.perf_counter() - began)

            months: list[float] = []  # February to December 2030: months never shown
            tab.calendar.set_selected_date(FIRST_DAY)
            for _ in range(11):
                began = time.perf_counter()
                tab.calendar.next_month()
                tab.calendar.repaint()
                months.append(time.perf_counter() - began)
            months_again: list[float] = []  # back to January: months shown before
            for _ in range(11):
                began = time.perf_counter()
                tab.calendar.previous_month()
                tab.calendar.repaint()
                months_again.append(time.perf_counter() - began)

            options: list[float] = []
            for code in option_codes[:repeat]:
                began = time.perf_counter()
                tab.set_option(code)
                tab.calendar.repaint()
                options.append(time.perf_counter() - began)

            print("After the bytes arrive (one response, measured step by step):")
            for label, samples, stage in (
                ("parse (JSON + models)   ", parse, "parse"),
                ("aggregate (index, month)", aggregate, "aggregate"),
                ("show + paint (repaint)  ", paint, "paint"),
            ):
                print(f"  {label}   {milliseconds(samples, collecting[stage])}")
            print(f"  total                      {milliseconds(totals, collecting_totals)}")
            print(f"\n  careful reading, to compare with parse:\n{' ' * 29}{milliseconds(careful)}")
            print(
                f"\nEnd to end via show_product (worker, in-memory HTTP):\n"
                f"                             {milliseconds(end_to_end)}\n"
                f"  of which the GUI callback  {milliseconds(callbacks)}"
            )
            print("\nWith the data on screen:")
            print(f"  next month + paint         {milliseconds(months)}")
            print(f"  a month seen before        {milliseconds(months_again)}")
            print(f"  change option + paint      {milliseconds(options)}")
            print("\nTarget: parse + aggregate + paint within 150 ms; month switch unnoticeable.")
            print(f"Load average at the end: {load_average()}")
            tab.shutdown()
            tab.close()
            tab.deleteLater()
            QTimer.singleShot(0, app.quit)
            app.processEvents()
        finally:
            shell.close()


if __name__ == "__main__":
    main()
