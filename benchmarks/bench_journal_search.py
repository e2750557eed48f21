"""Fill an order journal with 50,000 tickets and print how long searches take.

Figures are printed, not asserted (see docs/standards.md). Run:

    .venv/bin/python benchmarks/bench_journal_search.py [--tickets 50000] [--repeat 20]

The journal lives in a temporary folder and is deleted afterwards.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from axdesk.api import CreatedOrder, LineInput, TravelerInput, build_order_request
from axdesk.store.db import open_database, transaction
from axdesk.store.journal import OrderJournal
from axdesk.store.journal_queries import OrderFilter, OrderSort

SURNAMES = "김이박최정강조윤장임한오서신권황안송류홍"
GIVEN = "민서준지현우수영하은도윤예진성호재희유나태경"
START = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)


def korean_name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(2))


def phone(rng: random.Random) -> str:
    return f"010-{rng.randrange(10000):04d}-{rng.randrange(10000):04d}"


def fill(journal: OrderJournal, tickets: int, rng: random.Random) -> list[dict[str, str]]:
    """Record and mark sent orders of 1-4 travelers until ``tickets`` tickets exist.

    Returns a sample of what was stored, to search for.
    """
    samples: list[dict[str, str]] = []
    made = 0
    number = 0
    while made < tickets:
        number += 1
        count = min(rng.randint(1, 4), tickets - made)
        people = [
            TravelerInput(korean_name(rng), "82", phone(rng), f"user{number}-{i}@example.com")
            for i in range(count)
        ]
        request = build_order_request(
            [
                LineInput(
                    channel_product_mapping_code="map-adult",
                    dc_code=f"dc-{rng.randrange(20)}",
                    inventory_at=START + dt.timedelta(days=rng.randrange(365), hours=1),
                    unit_price=Decimal(rng.choice([30000, 45000, 50000])),
                    travelers=people,
                )
            ],
            people[0],
            currency="KRW",
            purchased_at=START,
        )
        code = request.order.channel_order_code
        journal.record_sending(request, endpoint="https://test.ax-cloud.com")
        line = request.depth_combinations[0]
        ax_code = str(uuid.UUID(int=rng.getrandbits(128)))
        ticket_codes = [str(uuid.UUID(int=rng.getrandbits(128))) for _ in range(count)]
        journal.mark_sent(
            code,
            CreatedOrder.model_validate(
                {
                    "channel_order_code": code,
                    "channel_order_status": "New",
                    "depth_combinations": [
                        {
                            "dc_code": line.dc_code,
                            "ax_order_code": ax_code,
                            "ax_order_status": "New",
                            "quantity": count,
                            "tickets": [
                                {"ax_ticket_code": t, "ax_ticket_status": "New"}
                                for t in ticket_codes
                            ],
                        }
                    ],
                }
            ),
        )
        if number % 500 == 0:
            samples.append(
                {
                    "name": people[-1].name,
                    "phone": people[-1].phone,
                    "code": code,
                    "ticket": ticket_codes[-1],
                    "email": people[-1].email,
                }
            )
        made += count
    return samples


def timed(run: Callable[[], int], repeat: int) -> tuple[float, float, int]:
    durations = []
    found = 0
    for _ in range(repeat):
        began = time.perf_counter()
        found = run()
        durations.append((time.perf_counter() - began) * 1000)
    return statistics.median(durations), max(durations), found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    with tempfile.TemporaryDirectory() as folder:
        conn = open_database(Path(folder) / "bench.sqlite3")
        journal = OrderJournal(conn)
        began = time.perf_counter()
        with transaction(conn):
            samples = fill(journal, args.tickets, rng)
        fill_seconds = time.perf_counter() - began
        orders = journal.count_orders()
        size_mb = (Path(folder) / "bench.sqlite3").stat().st_size / 1e6
        print(f"journal: {args.tickets} tickets in {orders} orders, filled in {fill_seconds:.1f} s")
        print(f"search index: {'FTS5 trigram' if journal.uses_fts else 'LIKE fallback'}")
        print(f"database file: {size_mb:.1f} MB (before WAL checkpoint)")
        print()
        sample = samples[len(samples) // 2]
        digits = "".join(ch for ch in sample["phone"] if ch.isdigit())
        queries = [
            ("name, full (3 syllables)", sample["name"]),
            ("name, given part (2 syllables)", sample["name"][1:]),
            ("name, surname (1 syllable)", sample["name"][0]),
            ("phone as typed", sample["phone"]),
            ("phone digits only", digits),
            ("phone +82 form", f"+82 {digits[1:3]} {digits[3:7]} {digits[7:]}"),
            ("phone E.164 digits", "82" + digits[1:]),
            ("phone last four digits", digits[-4:]),
            ("channel order code", sample["code"]),
            ("channel order code prefix", sample["code"][:8]),
            ("AX ticket code", sample["ticket"]),
            ("e-mail", sample["email"]),
            ("no match", "없는사람"),
        ]
        print(f"{'query':34} {'median ms':>10} {'max ms':>8} {'page':>5} {'count':>6}")
        for label, text in queries:
            criteria = OrderFilter(text=text)
            median, worst, page = timed(
                lambda c=criteria: len(journal.list_orders(c, limit=200)), args.repeat
            )
            count = journal.count_orders(criteria)
            print(f"{label:34} {median:10.2f} {worst:8.2f} {page:5d} {count:6d}")
        median, worst, page = timed(
            lambda: len(journal.list_orders(limit=200, sort=OrderSort.FIRST_USE)), args.repeat
        )
        print(f"{'first page, no filter':34} {median:10.2f} {worst:8.2f} {page:5d} {orders:6d}")

        def detail_tickets() -> int:
            detail = journal.get_order(sample["code"])
            return 0 if detail is None else len(detail.tickets)

        median, worst, _ = timed(detail_tickets, args.repeat)
        print(f"{'get_order (detail)':34} {median:10.2f} {worst:8.2f}")
        conn.close()


if __name__ == "__main__":
    main()
