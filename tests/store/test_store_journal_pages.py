"""A page of the orders table: chosen first, read in a few statements whatever its length,
the same rows as reading each order in full; counts that stop early; short fragments
checked order by order with the same results as a scan of every document."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from store_helpers import ENDPOINT, FakeClock, created_for, make_request, traveler

from axdesk.api import CancelledTicket, OrderStatus, OrderStatusInfo, TicketStatus
from axdesk.store.db import Database
from axdesk.store.journal import OrderJournal
from axdesk.store.journal_queries import OrderFilter, OrderSort
from axdesk.ui.orders.rows import fetch_rows, row_from_detail

NAMES = ["김민수", "이서연", "박지훈", "최호준", "정하은", "Kim Soo", "Lee Ann"]


@pytest.fixture
def varied(journal: OrderJournal, clock: FakeClock) -> OrderJournal:
    """Orders of every kind: sent with one or two lines, some tickets cancelled, checked or
    not, unknown, rejected, still sending, and one looked up by code (no lines)."""
    rng = random.Random(7)
    for number in range(60):
        clock.advance(60)
        people = [traveler(rng.choice(NAMES), f"010-{number:04d}-{rng.randrange(10000):04d}")]
        lines = [("dc-adult", people)]
        if number % 3 == 0:
            lines.append(("dc-child", [traveler(rng.choice(NAMES)), traveler(rng.choice(NAMES))]))
        request = make_request(*lines, code=f"order-{number:03d}")
        journal.record_sending(request, endpoint=ENDPOINT)
        kind = number % 6
        code = request.order.channel_order_code
        if kind == 4:
            journal.mark_unknown(code, "no answer")
        elif kind == 5:
            journal.mark_rejected(code, "refused", ["sold out"])
        elif kind != 3:
            journal.mark_sent(code, created_for(request))
            if kind == 1:
                journal.apply_cancellation(
                    CancelledTicket.model_validate(
                        {
                            "ax_order_code": f"ax-{code}-0",
                            "channel_order_code": code,
                            "ax_order_status": int(OrderStatus.TRAVELER_CANCEL),
                            "ax_ticket_code": f"ax-{code}-0-t0",
                            "ax_ticket_status": TicketStatus.TRAVELER_CANCELED.value,
                        }
                    )
                )
            if kind == 2:
                journal.touch_checked(f"ax-{code}-0", clock.advance(5))
    journal.import_remote_order(
        [
            OrderStatusInfo.model_validate(
                {
                    "channel_order_code": "remote-1",
                    "ax_order_code": "ax-remote-1",
                    "status": int(OrderStatus.SUPPLIER_CONFIRM),
                }
            )
        ],
        endpoint=ENDPOINT,
    )
    return journal


@pytest.mark.parametrize("sort", list(OrderSort))
@pytest.mark.parametrize("descending", [True, False])
@pytest.mark.parametrize("text", ["", "김", "0", "01", "호 최", "order-01", "Kim", "remote"])
def test_a_page_is_the_rows_of_each_order_read_in_full(
    varied: OrderJournal, sort: OrderSort, descending: bool, text: str
) -> None:
    criteria = OrderFilter(text=text)
    summaries = varied.list_orders(criteria, limit=1000, sort=sort, descending=descending)
    for offset, limit in ((0, 1000), (0, 7), (7, 7), (50, 100)):
        rows = fetch_rows(varied, criteria, sort, descending, offset, limit)
        expected = []
        for summary in summaries[offset : offset + limit]:
            detail = varied.get_order(summary.channel_order_code)
            assert detail is not None
            expected.append(row_from_detail(detail))
        assert rows == expected


class StatementCounter:
    """The SQL statements run meanwhile (FTS5's own reads, traced as "-- ...", left out)."""

    def __init__(self, db: Database) -> None:
        self.statements: list[str] = []
        self._db = db

    def __enter__(self) -> StatementCounter:
        self._db.set_trace_callback(self._traced)
        return self

    def _traced(self, sql: str) -> None:
        if not sql.startswith("--"):
            self.statements.append(sql)

    def __exit__(self, *_exc: object) -> None:
        self._db.set_trace_callback(None)


@pytest.fixture
def many(journal: OrderJournal, clock: FakeClock) -> OrderJournal:
    for number in range(250):
        clock.advance(1)
        request = make_request(("dc-adult", [traveler(NAMES[number % len(NAMES)])]))
        journal.record_sending(request, endpoint=ENDPOINT)
        journal.mark_sent(request.order.channel_order_code, created_for(request))
    return journal


@pytest.mark.parametrize(
    ("text", "probes"),
    [("김", 2), ("e", 2), ("0", 2), ("", 0), ("01", 2), ("최 호", 3), ("kim", 0)],
)
def test_a_page_is_read_in_four_statements_whatever_its_length(
    db: Database, many: OrderJournal, text: str, probes: int
) -> None:
    """Four statements, and before them, for fragments under three characters, the size of
    the journal and one look at the side index per fragment (is it common?); on
    PostgreSQL four (its planner weighs the fragments from the statistics of the indexes:
    pg_trgm for three characters or more, ``grams`` of schema 4 for fewer)."""
    if not many.uses_short_index:
        probes = 0
    for limit in (10, 100, 240):
        with StatementCounter(db) as counted:
            rows = fetch_rows(many, OrderFilter(text=text), OrderSort.CREATED, True, 0, limit)
        assert rows
        assert len(counted.statements) == 4 + probes, counted.statements


def test_a_count_can_stop_early(many: OrderJournal) -> None:
    everything = OrderFilter()
    assert many.count_orders(everything) == 250
    assert many.count_orders(everything, at_most=100) == 101  # more than 100
    assert many.count_orders(everything, at_most=250) == 250
    assert many.count_orders(OrderFilter(text="김민수"), at_most=10) == 11
    assert many.count_orders(OrderFilter(text="없는 이름"), at_most=10) == 0


@pytest.mark.parametrize("fts", [True, False], ids=["fts5", "like-only"])
def test_short_and_long_fragments_find_what_a_scan_of_every_document_finds(
    varied: OrderJournal, db: Database, fts: bool
) -> None:
    varied.uses_fts = fts and varied.uses_fts  # the plain-table fallback takes the LIKE path
    documents = {
        order_id: text for order_id, text in db.execute("SELECT rowid, text FROM order_search")
    }
    codes = dict(db.execute("SELECT id, channel_order_code FROM channel_order"))
    for query in [
        "0",
        "01",
        "e",
        "E",
        "김",
        "최 호",
        "호 최",
        "-0",
        "order-0",
        "kim",
        "t1@",
        "%",
        "민수",
        "@e",
        "_",
    ]:
        words = query.split()
        expected = {
            codes[order_id]
            for order_id, text in documents.items()
            if all(_ascii_lower(word) in _ascii_lower(text) for word in words)
        }
        found = varied.list_orders(OrderFilter(text=query), limit=10_000)
        assert {summary.channel_order_code for summary in found} == expected, query
        assert varied.count_orders(OrderFilter(text=query)) == len(expected)


def _ascii_lower(text: str) -> str:
    """Case folding as SQLite's LIKE does it (ASCII letters only)."""
    return "".join(ch.lower() if ch.isascii() else ch for ch in text)


def test_the_newest_page_of_a_common_short_fragment_is_the_newest_matches(
    many: OrderJournal, clock: FakeClock
) -> None:
    newest = many.list_orders(OrderFilter(text="e"), limit=5)
    everything = many.list_orders(limit=5)
    assert [o.channel_order_code for o in newest] == [o.channel_order_code for o in everything]
    assert all(o.created_at <= clock.now for o in newest)
    assert newest[0].created_at - newest[-1].created_at == dt.timedelta(seconds=4)
