"""The team journal on a real PostgreSQL: 10 desks sending at once, and search at 500,000 tickets.

Figures are printed, never asserted (see docs/standards.md). Run from the project root:

    .venv/bin/python benchmarks/bench_team_journal.py [--desks 10] [--orders 100]
        [--rounds 5] [--tickets 500000] [--repeat 5] [--skip throughput|search]

It starts its own PostgreSQL (``initdb`` + ``pg_ctl`` in a temporary folder on a
free loopback port, exactly as the tests do: ``tests/pg_server.py``; Debian's
``postgresql`` package) and deletes it afterwards.

Throughput: each round starts a fresh sandbox (``axdesk.sandbox.embedded``, in this
process) and a fresh team journal, then sends ``desks`` x ``orders`` orders of one
traveler each through the app's own code (``OrderSubmission.send``: the seat check
with Get Inventory, the draft, the journal's "sending", the POST, the settling and
the order read back), each desk a process with its own journal connection
(``axdesk.store.open_journal``) and its own ``AxClient``, all started together. The
floor, in the same round on the same kind of fresh sandbox and journal, is one desk
sending all those orders alone. The ratio is the desks' orders per second over the
lone desk's: 1.0 means ten desks together are no faster than one (they queue on
something shared), ``desks`` would be ten desks each at a lone desk's pace. Both are
bounded by this machine's cores, which the sandbox, the server and the desks share.

Search: the journal is filled with ``tickets`` tickets in orders of 1-4 travelers
(the data of ``bench_journal_search.py``, written with COPY into the journal's own
tables, each order's search document built by ``axdesk.store.search``'s
``build_document`` from the parts ``index_order`` uses), analysed, then searched
the way the Orders tab does per keystroke (``fetch_rows``, one page of 100) for
"0", "01", "u", "e", "최 호"; the count, which the tab reads after a full page
and caps at 20,000, is timed apart ("lazy"). Median and worst of ``repeat``
repetitions per query.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import json
import multiprocessing as mp
import os
import platform
import random
import statistics
import sys
import time
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "benchmarks")]

from keystrokes import WORDS, time_keystrokes  # noqa: E402 - found through the path above

SURNAMES = "김이박최정강조윤장임한오서신권황안송류홍"
GIVEN = "민서준지현우수영하은도윤예진성호재희유나태경"
START = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
ENDPOINT = "https://test.ax-cloud.com"


# -- the desks -------------------------------------------------------------------------


@dataclass(frozen=True)
class Seat:
    """One bookable departure of the sandbox's catalog (plain values: sent to the desks)."""

    product_code: str
    product_name: str
    option_name: str
    dc_code: str
    mapping_code: str
    unit_price: str
    currency: str
    day: str
    start: str


@dataclass(frozen=True)
class OneTraveler:
    """A typed order of one traveler on one departure (``submission.TypedOrder``)."""

    seat: Seat
    name: str

    @property
    def _day(self) -> dt.date:
        return dt.date.fromisoformat(self.seat.day)

    def seat_keys(self) -> Sequence[tuple[str, dt.date]]:
        return [(self.seat.product_code, self._day)]

    def seat_problems(self, inventories: Mapping[tuple[str, dt.date], Any]) -> Sequence[str]:
        inventory = inventories[(self.seat.product_code, self._day)]
        for slot in inventory.options.get(self.seat.dc_code, []):
            if slot.start_time.isoformat() == self.seat.start:
                return [] if slot.remain_quantity >= 1 else ["sold out"]
        return ["the departure is gone"]

    def request(self, channel_order_code: str) -> Any:
        from decimal import Decimal

        from axdesk.api import LineInput, TravelerInput, build_order_request, slot_datetime

        person = TravelerInput(self.name, "82", "010-1234-5678", "desk@example.com")
        line = LineInput(
            channel_product_mapping_code=self.seat.mapping_code,
            dc_code=self.seat.dc_code,
            inventory_at=slot_datetime(
                self._day, dt.time.fromisoformat(self.seat.start), "Asia/Seoul"
            ),
            unit_price=Decimal(self.seat.unit_price),
            travelers=[person],
        )
        return build_order_request(
            [line], person, currency=self.seat.currency, channel_order_code=channel_order_code
        )

    def labels(self) -> Mapping[str, Any]:
        from axdesk.store.journal import OptionLabel

        return {
            self.seat.dc_code: OptionLabel(
                self.seat.product_code, self.seat.product_name, self.seat.option_name
            )
        }

    def draft(self, channel_order_code: str) -> str:
        return json.dumps({"submitted_code": channel_order_code})


def desk(
    number: int,
    url: str,
    sandbox: tuple[str, str, str],
    seats: list[Seat],
    orders: int,
    ready: Any,
    go: Any,
    results: Any,
) -> None:
    """One desk process: open its journal and client, wait for ``go``, send ``orders``."""
    from axdesk.api import AxClient
    from axdesk.store import open_journal
    from axdesk.store.journal_activity import Actor
    from axdesk.store.reconcile import Reconciler
    from axdesk.store.submission import OrderSubmission, Sent, new_channel_order_code

    journal = open_journal(url)
    journal.act_as(Actor(f"Operator {number}", f"desk-{number}"))
    base_url, api_key, channel_code = sandbox
    with AxClient(base_url, api_key, channel_code, timeout=30.0) as client:
        submission = OrderSubmission(
            lambda: client,
            journal,
            Reconciler(client, journal),
            draft_key=f"new-order-desk-{number}",
        )
        journal.count_orders()  # the journal's first statement (its pool is warm)
        ready.put(number)
        go.wait()
        began = time.perf_counter()
        sent = 0
        for n in range(orders):
            order = OneTraveler(seats[(number * orders + n) % len(seats)], f"여행자 {number}-{n}")
            result = submission.send(order, new_channel_order_code())
            sent += isinstance(result.outcome, Sent)
        results.put((number, sent, time.perf_counter() - began))
    journal.close()


def bookable_seats(base_url: str, api_key: str, channel_code: str, catalog: Any) -> list[Seat]:
    """Every departure of the sandbox with a few seats, in catalog order."""
    from axdesk.api import AxClient

    seats: list[Seat] = []
    with AxClient(base_url, api_key, channel_code) as client:
        for product in catalog:
            inventory = client.get_inventory(str(product["product_code"]))
            for option in product["options"]:
                for slot in inventory.options.get(option["dc_code"], []):
                    if slot.is_bookable and slot.remain_quantity >= 3:
                        seats.append(
                            Seat(
                                str(product["product_code"]),
                                str(product["name"]),
                                str(option["name"]),
                                str(option["dc_code"]),
                                str(option["channel_product_mapping_code"]),
                                str(option["unit_price"]),
                                str(option["currency"]),
                                slot.date.isoformat(),
                                slot.start_time.isoformat(),
                            )
                        )
    return seats


def one_round(server: Any, desks: int, orders: int, name: str) -> tuple[float, int]:
    """``desks`` desk processes sending ``orders`` each, together, on a fresh sandbox and
    journal: (orders per second from ``go`` to the last desk done, orders sent)."""
    from axdesk.sandbox.embedded import start_sandbox

    server.admin(f"CREATE DATABASE {name} TEMPLATE journal_template")
    url = server.url(name)
    sandbox = start_sandbox(confirm_after=None, random_seed=7)
    context = mp.get_context("spawn")
    ready, results, go = context.Queue(), context.Queue(), context.Event()
    try:
        access = (sandbox.base_url, sandbox.api_key, sandbox.channel_code)
        seats = bookable_seats(*access, sandbox.catalog())
        processes = [
            context.Process(target=desk, args=(n, url, access, seats, orders, ready, go, results))
            for n in range(desks)
        ]
        for process in processes:
            process.start()
        for _ in processes:
            ready.get(timeout=120)
        began = time.perf_counter()
        go.set()
        done = [results.get(timeout=600) for _ in processes]
        wall = time.perf_counter() - began
        for process in processes:
            process.join(timeout=60)
        sent = sum(d[1] for d in done)
        return sent / wall, sent
    finally:
        sandbox.stop()
        server.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def throughput(server: Any, args: argparse.Namespace) -> dict[str, Any]:
    """Rounds of the floor (one desk, all the orders) and ``desks`` desks, interleaved."""
    total = args.desks * args.orders
    alone: list[float] = []
    together: list[float] = []
    sent: list[int] = []
    for number in range(args.rounds):
        rate, count = one_round(server, 1, total, f"floor_{number}")
        alone.append(rate)
        sent.append(count)
        rate, count = one_round(server, args.desks, args.orders, f"desks_{number}")
        together.append(rate)
        sent.append(count)
        print(
            f"  round {number + 1}: one desk {alone[-1]:.1f}, {args.desks} desks "
            f"{together[-1]:.1f} orders/s",
            flush=True,
        )
    return {"alone": alone, "together": together, "sent": sent, "total": total}


# -- the big journal -----------------------------------------------------------------------


def korean_name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(2))


def phone(rng: random.Random) -> str:
    return f"010-{rng.randrange(10000):04d}-{rng.randrange(10000):04d}"


class Rows:
    """Tab-separated COPY text for one table (no value here holds a tab, newline or \\)."""

    def __init__(self) -> None:
        self.buffer = io.StringIO()

    def add(self, *values: object) -> None:
        cells = (
            "\\N" if v is None else str(v).replace("\\", "\\\\").replace("\n", "\\n")
            for v in values
        )
        self.buffer.write("\t".join(cells) + "\n")


def vector_literal(pieces: list[str]) -> str:
    """The text form of the ``tsvector`` of ``pieces``, each one lexeme as it is."""
    from axdesk.store.search import ts_lexeme

    return " ".join(map(ts_lexeme, pieces))


def fill_journal(url: str, tickets: int, rng: random.Random) -> int:
    """Write orders of 1-4 travelers until ``tickets`` tickets exist; returns the orders."""
    import psycopg

    from axdesk.store.db import time_to_db
    from axdesk.store.journal_open import pg_connect_kwargs
    from axdesk.store.search import build_document, pg_grams, phone_forms

    began = time.perf_counter()
    tables = {
        name: Rows() for name in ("channel_order", "order_line", "ax_order", "ticket", "search")
    }
    made = 0
    number = 0
    while made < tickets:
        number += 1
        count = min(rng.randint(1, 4), tickets - made)
        people = [
            (korean_name(rng), phone(rng), f"user{number}-{i}@example.com") for i in range(count)
        ]
        code = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        created = time_to_db(START + dt.timedelta(seconds=number))
        use_at = time_to_db(START + dt.timedelta(days=rng.randrange(365), hours=1))
        dc_code = f"dc-{rng.randrange(20)}"
        price = rng.choice([30000, 45000, 50000])
        total = price * count
        buyer = people[0]
        wire = json.dumps(
            {
                "representative": {
                    "name": buyer[0],
                    "phone": buyer[1],
                    "email": buyer[2],
                    "national_code": "82",
                }
            },
            ensure_ascii=False,
        )
        tables["channel_order"].add(
            number,
            code,
            "sent",
            wire,
            created,
            created,
            created,
            1,
            buyer[0],
            "82",
            buyer[1],
            buyer[2],
            total,
            total,
            "KRW",
            use_at,
            count,
            f"{dc_code} ×{count}",
            ENDPOINT,
            1,
        )
        tables["order_line"].add(
            number, number, 0, dc_code, "map-adult", use_at, count, price, price * count, total
        )
        ax_code = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        tables["ax_order"].add(ax_code, number, number, 1, created)
        parts = [code, buyer[0], buyer[2], "", *phone_forms(buyer[1], "82"), buyer[0], buyer[2]]
        parts.extend(phone_forms(buyer[1], "82"))
        parts.append(ax_code)
        parts.extend(("", ""))
        for index, (name, number_text, email) in enumerate(people):
            ticket_code = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            channel_code = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            tables["ticket"].add(
                made + index + 1,
                number,
                number,
                index,
                channel_code,
                name,
                "82",
                number_text,
                email,
                ticket_code,
                "New",
            )
            parts.extend((channel_code, name, email, ticket_code, *phone_forms(number_text, "82")))
        document = build_document(parts)
        tables["search"].add(number, document, vector_literal(pg_grams(document)))
        made += count
    columns = {
        "channel_order": "id, channel_order_code, state, wire_json, created_at, updated_at,"
        " sent_at, attempts, purchaser_name, purchaser_national_code, purchaser_phone,"
        " purchaser_email, sub_total, total, currency, first_use_at, ticket_count, summary,"
        " endpoint, channel_order_status",
        "order_line": "id, order_id, position, dc_code, channel_product_mapping_code,"
        " inventory_at, quantity, unit_price, amount_price, line_total",
        "ax_order": "ax_order_code, order_id, line_id, status, checked_at",
        "ticket": "id, order_id, line_id, position, channel_code, name, national_code, phone,"
        " email, ax_ticket_code, status",
        "search": "order_id, text, grams",
    }
    generated = time.perf_counter()
    with psycopg.connect(**pg_connect_kwargs(url)) as conn:
        conn.execute("SET statement_timeout = 0")
        conn.execute("SET maintenance_work_mem = '256MB'")
        # The search indexes are built once after the rows (as the schema defines them,
        # read back from the server), not grown row by row: the same indexes, sooner.
        indexes = conn.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'order_search'"
            " AND indexname NOT LIKE '%_pkey'"
        ).fetchall()
        for name, _ in indexes:
            conn.execute(f"DROP INDEX {name}")
        for table, rows in tables.items():
            target = "order_search" if table == "search" else table
            with conn.cursor().copy(f"COPY {target} ({columns[table]}) FROM STDIN") as copy:
                copy.write(rows.buffer.getvalue())
        for _, definition in indexes:
            conn.execute(definition)
        for table in ("channel_order", "order_line", "ticket"):
            conn.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"
                f" (SELECT max(id) FROM {table}))"
            )
        conn.execute("VACUUM ANALYZE")
    written = time.perf_counter() - generated
    print(f"  rows made in {generated - began:.0f} s, written in {written:.0f} s", flush=True)
    return number


def search(server: Any, args: argparse.Namespace) -> dict[str, Any]:
    """Fill the big journal, then time each keystroke's page and count ``repeat`` times."""
    from axdesk.store import open_journal

    server.admin("CREATE DATABASE big_journal TEMPLATE journal_template")
    url = server.url("big_journal")
    began = time.perf_counter()
    orders = fill_journal(url, args.tickets, random.Random(1))
    filled = time.perf_counter() - began
    print(f"  filled {args.tickets:,} tickets in {orders:,} orders in {filled:.0f} s", flush=True)
    journal = open_journal(url)
    times = time_keystrokes(journal, args.repeat)
    journal.close()
    if not all(times.found.values()):
        raise SystemExit(
            f"A search found nothing ({times.found}): the journal was not filled right."
        )
    return {
        "orders": orders,
        "pages": times.pages,
        "counts": times.counts,
        "found": times.found,
        "worst": times.worst,
    }


# -- the report ----------------------------------------------------------------------------


def machine() -> str:
    cpu = "?"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return (
        f"{os.cpu_count()} CPUs ({cpu}), Python {platform.python_version()}, "
        f"Linux {platform.release()}"
    )


def load() -> str:
    return " ".join(f"{v:.2f}" for v in os.getloadavg())


def report(
    args: argparse.Namespace,
    rates: dict[str, Any] | None,
    found: dict[str, Any] | None,
    pg_version: str,
    load_before: str,
) -> None:
    med = statistics.median
    print()
    print(f"machine: {machine()}; PostgreSQL {pg_version}")
    print(f"load average: {load_before} at the start, {load()} at the end")
    print()
    print("| figure | floor, same run | now | ratio | target |")
    print("|---|---|---|---|---|")
    if rates is not None:
        alone, together = med(rates["alone"]), med(rates["together"])
        print(
            f"| {args.desks} desks x {args.orders} orders through OrderSubmission, one sandbox "
            f"({min(rates['sent'])}-{max(rates['sent'])} of {rates['total']} sent per round) "
            f"| one desk alone, {rates['total']} orders: {alone:.1f} orders/s "
            f"| {together:.1f} orders/s | {together / alone:.2f}x | - |"
        )
    if found is not None:
        pages = ", ".join(
            f"{w!r} {med(found['pages'][w]):.1f} (max {max(found['pages'][w]):.1f})" for w in WORDS
        )
        counts = ", ".join(
            f"{w!r} {med(found['counts'][w]):.1f} (max {max(found['counts'][w]):.1f})"
            for w in WORDS
        )
        print(
            f"| search per keystroke, {args.tickets:,} tickets ({found['orders']:,} orders), "
            f"page of 100 | - | worst {med(found['worst']):.1f} ms (max {max(found['worst']):.1f})"
            f" | pages: {pages} | <= 50 ms |"
        )
        print(f"| count after a full page (capped at 20,000) | - | {counts} | - | lazy |")
        print()
        print("found: " + ", ".join(f"{w!r} {n:,}" for w, n in found["found"].items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--desks", type=int, default=10)
    parser.add_argument("--orders", type=int, default=100, help="orders per desk")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--tickets", type=int, default=500_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--skip", action="append", default=[], choices=["throughput", "search"])
    args = parser.parse_args()

    from pg_server import running_server

    from axdesk.store.journal_open import open_pg_connection

    load_before = load()
    with running_server() as server:
        server.admin("CREATE DATABASE journal_template")
        template = open_pg_connection(server.url("journal_template"))
        (pg_version,) = template.execute("SHOW server_version").fetchone() or ("?",)
        template.close()
        rates = None if "throughput" in args.skip else throughput(server, args)
        found = None if "search" in args.skip else search(server, args)
        report(args, rates, found, str(pg_version), load_before)


if __name__ == "__main__":
    main()
