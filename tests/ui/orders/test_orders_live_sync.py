"""The live-sync poller against a scripted AX (httpx.MockTransport): back-off, bounds, finals.

Our sandbox has no 429 fault, and a scripted transport lets each test say
exactly what AX answers and when, and see exactly what the poller asked.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import httpx
import pytest

from axdesk.api import (
    AxClient,
    LineInput,
    OrderStatus,
    TravelerInput,
    build_order_request,
)
from axdesk.store.catalog import CatalogStore
from axdesk.store.db import Database, open_database
from axdesk.store.journal import OrderJournal
from axdesk.store.paths import AppPaths
from axdesk.store.reconcile import Reconciler
from axdesk.store.settings import Settings
from axdesk.store.sync import SyncChange
from axdesk.ui.common.context import AppContext, Connection, ConnectionProfile
from axdesk.ui.common.placeholders import fill_args
from axdesk.ui.common.worker import Worker
from axdesk.ui.orders.live_sync import OrderSync

USE_AT = dt.datetime(2030, 6, 1, 5, 0, tzinfo=dt.UTC)
ORDERS_PATH = "/v1/channel/orders/tour/"


@dataclass
class ScriptedAx:
    """Answers Get Confirm from ``statuses``; ``script`` overrides answers per AX order code."""

    statuses: dict[str, int] = field(default_factory=dict)
    channel_codes: dict[str, str] = field(default_factory=dict)
    script: dict[str, list[httpx.Response]] = field(default_factory=dict)
    asked: list[tuple[float, str]] = field(default_factory=list)
    gate: threading.Event | None = None
    held: dict[str, threading.Event] = field(default_factory=dict)
    """Get Confirm of these AX order codes waits until its event is set."""
    in_flight: int = 0
    peak: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.method == "POST":
            return self._create(json.loads(request.content))
        code = request.url.path.removeprefix(ORDERS_PATH)
        with self.lock:
            self.asked.append((time.monotonic(), code))
            self.in_flight += 1
            self.peak = max(self.peak, self.in_flight)
        try:
            if self.gate is not None:
                self.gate.wait(10)
            hold = self.held.get(code)
            if hold is not None:
                hold.wait(10)
            with self.lock:
                queued = self.script.get(code)
                if queued:
                    return queued.pop(0)
            return httpx.Response(
                200,
                json={
                    "status_code": 200,
                    "data": [
                        {
                            "channel_order_code": self.channel_codes[code],
                            "ax_order_code": code,
                            "status": self.statuses[code],
                            "comment": None,
                        }
                    ],
                },
            )
        finally:
            with self.lock:
                self.in_flight -= 1

    def _create(self, body: dict[str, Any]) -> httpx.Response:
        """Create Order: one AX order per option, named after the first traveler."""
        code = body["order"]["channel_order_code"]
        lines = []
        for line in body["depth_combinations"]:
            ax_code = f"ax-{line['tickets'][0]['name']}"
            self.channel_codes[ax_code] = code
            self.statuses.setdefault(ax_code, 1)
            lines.append(
                {
                    "dc_code": line["dc_code"],
                    "inventory_at": line["inventory_at"],
                    "ax_order_code": ax_code,
                    "ax_order_status": "New",
                    "quantity": line["quantity"],
                    "tickets": [
                        {"ax_ticket_code": f"{ax_code}-t{n}", "ax_ticket_status": "New"}
                        for n in range(len(line["tickets"]))
                    ],
                }
            )
        return httpx.Response(
            201,
            json={
                "status_code": 201,
                "data": {
                    "channel_order_code": code,
                    "channel_order_status": "New",
                    "depth_combinations": lines,
                },
            },
        )

    def asked_for(self, code: str) -> list[float]:
        with self.lock:
            return [moment for moment, asked in self.asked if asked == code]


@pytest.fixture
def ax() -> ScriptedAx:
    return ScriptedAx()


@pytest.fixture
def database() -> Iterator[Database]:
    conn = open_database(":memory:")
    yield conn
    conn.close()


@pytest.fixture
def ctx(qapp: Any, ax: ScriptedAx, database: Database) -> Iterator[AppContext]:
    worker = Worker()
    connection = Connection()
    client = AxClient(
        "http://127.0.0.1:9",
        "test-key",
        "test-channel",
        transport=httpx.MockTransport(ax),
        max_retries=0,
    )
    connection.use(ConnectionProfile("scripted", "custom", "http://127.0.0.1:9"), client)
    context = AppContext(
        worker=worker,
        connection=connection,
        settings=Settings(None),
        paths=AppPaths.default(),
        catalog=CatalogStore(database),
        journal=OrderJournal(database),
    )
    try:
        yield context
    finally:
        stopped = worker.shutdown()
        client.close()
    assert stopped, f"live sync calls still ran after the test: {worker.running}"


def journal_order(ctx: AppContext, ax: ScriptedAx, name: str, status: int = 1) -> str:
    """Send one order through the store's Reconciler (so it is journaled as the app does);
    AX will answer ``status`` for its AX order afterwards. Returns the AX order code."""
    traveler = TravelerInput(name, "82", "010-1234-5678", "t@example.com")
    request = build_order_request(
        [
            LineInput(
                channel_product_mapping_code="map-adult",
                dc_code="dc-adult",
                inventory_at=USE_AT,
                unit_price=Decimal("45000"),
                travelers=[traveler],
            )
        ],
        traveler,
        currency="KRW",
    )
    outcome = Reconciler(ctx.connection.client, ctx.journal).submit(request)
    assert outcome.is_sent, outcome.message
    ax_code = f"ax-{name}"
    ax.statuses[ax_code] = status
    return ax_code


def make_sync(qtbot: Any, ctx: AppContext, *, interval: float = 0.1, **options: Any) -> OrderSync:
    return OrderSync(
        ctx.worker, ctx.connection, ctx.journal, interval_seconds=lambda: interval, **options
    )


def collect(signal: Any) -> list[Any]:
    seen: list[Any] = []
    signal.connect(lambda *args: seen.append(args if len(args) > 1 else args[0]))
    return seen


def test_backs_off_for_retry_after_on_429_then_picks_the_change_up(
    qtbot: Any, ctx: AppContext, ax: ScriptedAx
) -> None:
    code = journal_order(ctx, ax, "kim", status=3)
    ax.script[code] = [
        httpx.Response(429, headers={"Retry-After": "1"}, json={"message": "slow down"})
    ]
    sync = make_sync(qtbot, ctx)
    pauses = collect(sync.backing_off)
    with (
        qtbot.assert_not_emitted(ctx.worker.error_reported),
        qtbot.waitSignal(sync.status_changed, timeout=5_000) as changed,
    ):
        sync.start()

    assert [seconds for seconds, _reason in pauses] == [1.0]
    assert "again in 1.0 s" in pauses[0][1]
    first, second = ax.asked_for(code)
    assert second - first >= 0.95, "asked again before Retry-After was over"
    change = changed.args[0]
    assert isinstance(change, SyncChange)
    assert (change.old, change.new) == (OrderStatus.NEW, OrderStatus.SUPPLIER_CONFIRM)
    detail = ctx.journal.get_order(change.channel_order_code)
    assert detail is not None
    assert detail.ax_orders[0].status is OrderStatus.SUPPLIER_CONFIRM
    sync.stop()


def test_no_request_at_all_while_paused_for_429(
    qtbot: Any, ctx: AppContext, ax: ScriptedAx
) -> None:
    codes = [journal_order(ctx, ax, f"p{n}") for n in range(5)]
    ax.script[codes[0]] = [httpx.Response(429, headers={"Retry-After": "0.8"})]
    sync = make_sync(qtbot, ctx, max_in_flight=1)
    with qtbot.waitSignal(sync.backing_off, timeout=5_000):
        sync.start()
    paused_at = time.monotonic()
    qtbot.wait(500)
    with ax.lock:
        during = [moment for moment, _code in ax.asked if paused_at < moment]
    assert during == []
    assert sync.is_paused
    qtbot.waitUntil(lambda: sync.cycles_finished >= 1, timeout=5_000)
    assert all(ax.asked_for(code) for code in codes)
    sync.stop()


def test_server_errors_back_off_doubling_and_reset_after_success(
    qtbot: Any, ctx: AppContext, ax: ScriptedAx
) -> None:
    code = journal_order(ctx, ax, "lee")
    ax.script[code] = [httpx.Response(503), httpx.Response(502), httpx.Response(500)]
    sync = make_sync(qtbot, ctx, min_backoff=0.1, max_backoff=0.3)
    pauses = collect(sync.backing_off)
    with qtbot.assert_not_emitted(ctx.worker.error_reported):
        sync.start()
        qtbot.waitUntil(lambda: sync.cycles_finished >= 1, timeout=5_000)
    assert [round(seconds, 2) for seconds, _reason in pauses] == [0.1, 0.2, 0.3]
    assert len(ax.asked_for(code)) == 4

    ax.script[code] = [httpx.Response(503)]
    qtbot.waitUntil(lambda: len(pauses) == 4, timeout=5_000)
    assert round(pauses[-1][0], 2) == 0.1, "the back-off starts over after a success"
    sync.stop()


def test_at_most_max_in_flight_requests_at_once(
    qtbot: Any, ctx: AppContext, ax: ScriptedAx
) -> None:
    codes = [journal_order(ctx, ax, f"n{n}") for n in range(10)]
    ax.gate = threading.Event()
    sync = make_sync(qtbot, ctx)
    assert sync.max_in_flight == 3
    sync.start()
    qtbot.waitUntil(lambda: ax.in_flight == 3, timeout=5_000)
    qtbot.wait(200)
    assert ax.in_flight == 3
    assert sync.in_flight == 3
    ax.gate.set()
    qtbot.waitUntil(lambda: sync.cycles_finished >= 1, timeout=5_000)
    assert ax.peak == 3
    assert sync.peak_in_flight == 3
    assert sorted(code for _moment, code in ax.asked[:10]) == sorted(codes)
    sync.stop()


def test_final_states_are_not_polled_again(qtbot: Any, ctx: AppContext, ax: ScriptedAx) -> None:
    confirmed = journal_order(ctx, ax, "confirmed", status=3)
    rejected = journal_order(ctx, ax, "rejected", status=4)
    waiting = journal_order(ctx, ax, "waiting", status=2)
    sync = make_sync(qtbot, ctx)
    changes = collect(sync.status_changed)
    sync.start()
    qtbot.waitUntil(lambda: sync.cycles_finished >= 4, timeout=5_000)
    sync.stop()
    assert len(ax.asked_for(confirmed)) == 1
    assert len(ax.asked_for(rejected)) == 1
    assert len(ax.asked_for(waiting)) >= 4
    assert {(c.ax_order_code, c.new) for c in changes} == {
        (confirmed, OrderStatus.SUPPLIER_CONFIRM),
        (rejected, OrderStatus.SUPPLIER_REJECT),
        (waiting, OrderStatus.SUPPLIER_PENDING),
    }


def test_refused_key_ends_the_cycle_with_a_sentence(
    qtbot: Any, ctx: AppContext, ax: ScriptedAx
) -> None:
    first = journal_order(ctx, ax, "a")
    second = journal_order(ctx, ax, "b")
    refused = httpx.Response(403, json={"message": "이 작업을 수행할 권한(permission)이 없습니다."})
    ax.script[first] = [refused]
    ax.script[second] = [refused]
    sync = make_sync(qtbot, ctx, max_in_flight=1, interval=30)
    with (
        qtbot.assert_not_emitted(ctx.worker.error_reported),
        qtbot.waitSignal(sync.problem, timeout=5_000) as problem,
    ):
        sync.start()
    qtbot.waitUntil(lambda: sync.cycles_finished == 1, timeout=5_000)
    assert problem.args[0].startswith("Live sync stopped for now:")
    assert len(ax.asked) == 1, "after a refused key the other orders are not tried"
    sync.stop()


def test_not_connected_ends_the_cycle_quietly(qtbot: Any, ctx: AppContext, ax: ScriptedAx) -> None:
    journal_order(ctx, ax, "quiet")
    ctx.connection.drop()
    sync = make_sync(qtbot, ctx)
    with (
        qtbot.assert_not_emitted(ctx.worker.error_reported),
        qtbot.assert_not_emitted(sync.problem),
        qtbot.waitSignal(sync.cycle_finished, timeout=5_000),
    ):
        sync.start()
    assert ax.asked == []
    sync.stop()


def test_stop_drops_answers_still_on_their_way(qtbot: Any, ctx: AppContext, ax: ScriptedAx) -> None:
    code = journal_order(ctx, ax, "late", status=3)
    ax.gate = threading.Event()
    sync = make_sync(qtbot, ctx)
    sync.start()
    qtbot.waitUntil(lambda: ax.in_flight == 1, timeout=5_000)
    with qtbot.assert_not_emitted(sync.status_changed):
        sync.stop()
        ax.gate.set()
        qtbot.waitUntil(lambda: ax.in_flight == 0, timeout=5_000)
        qtbot.wait(100)
    assert not sync.in_cycle
    assert ax.asked_for(code)


def test_refresh_now_during_a_cycle_runs_another_right_after(
    qtbot: Any, ctx: AppContext, ax: ScriptedAx
) -> None:
    code = journal_order(ctx, ax, "again")
    ax.gate = threading.Event()
    sync = make_sync(qtbot, ctx, interval=60)
    sync.start()
    qtbot.waitUntil(lambda: ax.in_flight == 1, timeout=5_000)
    sync.refresh_now()
    ax.gate.set()
    qtbot.waitUntil(lambda: len(ax.asked_for(code)) == 2, timeout=5_000)
    qtbot.waitUntil(lambda: sync.cycles_finished == 2, timeout=5_000)
    sync.stop()


def use_server(ctx: AppContext, ax: ScriptedAx, base_url: str) -> AxClient:
    """Switch the connection to another AX server (answered by the same script)."""
    client = AxClient(
        base_url, "test-key", "test-channel", transport=httpx.MockTransport(ax), max_retries=0
    )
    ctx.connection.use(ConnectionProfile("other", "custom", base_url), client)
    return client


def test_only_orders_of_the_server_in_use_are_asked_about(
    qtbot: Any, ctx: AppContext, ax: ScriptedAx
) -> None:
    on_first = journal_order(ctx, ax, "first-server")
    other = use_server(ctx, ax, "http://127.0.0.2:9")
    on_second = journal_order(ctx, ax, "second-server")
    sync = make_sync(qtbot, ctx)
    with qtbot.assert_not_emitted(ctx.worker.error_reported):
        sync.start()
        qtbot.waitUntil(lambda: sync.cycles_finished >= 2, timeout=5_000)
    sync.stop()
    assert ax.asked_for(on_first) == []
    assert len(ax.asked_for(on_second)) >= 2
    other.close()


def test_a_connection_change_mid_cycle_drops_the_old_servers_orders(
    qtbot: Any, ctx: AppContext, ax: ScriptedAx
) -> None:
    codes = [journal_order(ctx, ax, f"old{n}") for n in range(3)]
    ax.gate = threading.Event()
    sync = make_sync(qtbot, ctx, max_in_flight=1, interval=60)
    sync.start()
    qtbot.waitUntil(lambda: ax.in_flight == 1, timeout=5_000)
    other = use_server(ctx, ax, "http://127.0.0.2:9")
    with qtbot.assert_not_emitted(ctx.worker.error_reported):
        ax.gate.set()
        # The cycle for the old server ends, and one for the new server follows at once.
        qtbot.waitUntil(lambda: sync.cycles_finished >= 2, timeout=5_000)
    sync.stop()
    assert [code for _moment, code in ax.asked] == [codes[0]]
    other.close()


def test_a_server_text_holding_percent_two_is_shown_as_it_came(
    qtbot: Any, ctx: AppContext, ax: ScriptedAx
) -> None:
    unreachable = journal_order(ctx, ax, "choi")
    refused = journal_order(ctx, ax, "jung")
    ax.script[unreachable] = [httpx.Response(503, json={"message": "quota %2 used up"})]
    ax.script[refused] = [httpx.Response(404, json={"message": "no order %2 here"})]
    sync = make_sync(qtbot, ctx, min_backoff=0.1, max_backoff=0.1)
    pauses = collect(sync.backing_off)
    problems = collect(sync.problem)
    sync.start()
    qtbot.waitUntil(lambda: sync.cycles_finished >= 1, timeout=5_000)
    sync.stop()

    assert "quota %2 used up" in pauses[0][1]
    assert pauses[0][1].endswith("checking again in 0.1 s.")
    assert problems[0].startswith(f"Could not check order {refused}: ")
    assert "no order %2 here" in problems[0]


def test_fill_args_replaces_every_marker_in_one_pass() -> None:
    assert fill_args("%2 then %1", "a %2", "b %1") == "b %1 then a %2"
    assert fill_args("%1 and %3", "x") == "x and %3"


# -- every Retry-After is capped (issue 11 §4) -------------------------------------------


@pytest.mark.parametrize(
    "retry_after",
    ["99999999999", "Fri, 31 Dec 9999 23:59:59 GMT"],
    ids=["huge-seconds", "far-date"],
)
def test_a_huge_retry_after_is_capped_and_sync_goes_on(
    qtbot: Any, ctx: AppContext, ax: ScriptedAx, retry_after: str
) -> None:
    code = journal_order(ctx, ax, "kang", status=3)
    ax.script[code] = [httpx.Response(429, headers={"Retry-After": retry_after})]
    sync = make_sync(qtbot, ctx, min_backoff=0.1, max_backoff=0.5)
    pauses = collect(sync.backing_off)
    with (
        qtbot.assert_not_emitted(ctx.worker.error_reported),
        qtbot.waitSignal(sync.backing_off, timeout=5_000),
    ):
        sync.start()
    assert sync.is_paused
    assert pauses[0][0] == 0.5, "AX's wait was obeyed as given, not capped"
    assert sync.pause_remaining < 1.0
    with qtbot.waitSignal(sync.status_changed, timeout=5_000) as changed:
        pass  # the pause ends within the cap and the order is asked again
    assert changed.args[0].new is OrderStatus.SUPPLIER_CONFIRM
    sync.stop()


# -- a cycle's changes in one transaction (issue 13) ------------------------------------


def test_a_sync_cycle_of_many_orders_commits_once(
    qtbot: Any, ctx: AppContext, ax: ScriptedAx, database: Database
) -> None:
    codes = [journal_order(ctx, ax, f"c{n}", status=2 + n % 2) for n in range(40)]
    statements: list[str] = []
    database.set_trace_callback(statements.append)
    sync = make_sync(qtbot, ctx, interval=60, flush_after=3600.0)
    changes = collect(sync.status_changed)
    checked = collect(sync.order_checked)
    with qtbot.waitSignal(sync.cycle_finished, timeout=10_000):
        sync.start()
    sync.stop()
    database.set_trace_callback(None)

    assert all(ax.asked_for(code) for code in codes)
    assert statements.count("COMMIT") == 1, "one commit per answer instead of one per cycle"
    assert len(changes) == 40, "every change is reported once it is in the journal"
    assert len(set(checked)) == 40
    for change in changes:
        detail = ctx.journal.get_order(change.channel_order_code)
        assert detail is not None
        assert detail.ax_orders[0].status is change.new


def test_a_long_cycle_writes_what_it_learned_on_the_way(
    qtbot: Any, ctx: AppContext, ax: ScriptedAx
) -> None:
    """A change seen early in a long cycle is in the journal (and reported) before the cycle
    ends: the batch is written every ``flush_after`` seconds too."""
    first = journal_order(ctx, ax, "early", status=3)
    slow = journal_order(ctx, ax, "slow")
    release = ax.held[slow] = threading.Event()
    sync = make_sync(qtbot, ctx, max_in_flight=1, interval=60, flush_after=0.2)
    try:
        with qtbot.waitSignal(sync.status_changed, timeout=5_000) as changed:
            sync.start()
        assert changed.args[0].ax_order_code == first
        assert sync.in_cycle, "the change was reported only when the cycle ended"
        qtbot.waitUntil(lambda: bool(ax.asked_for(slow)), timeout=5_000)
        assert sync.in_cycle, "the slow order is still being asked"
    finally:
        release.set()
    qtbot.waitUntil(lambda: sync.cycles_finished == 1, timeout=5_000)
    assert ax.asked_for(slow)
    sync.stop()


def test_every_lane_stops_sending_while_paused(qtbot: Any, ctx: AppContext, ax: ScriptedAx) -> None:
    """Each of the three lanes works through its share on its own thread; a 429 met by one
    pauses them all: at most one request each may already be on its way."""
    codes = [journal_order(ctx, ax, f"lane{n:02d}") for n in range(30)]
    ax.script[codes[0]] = [httpx.Response(429, headers={"Retry-After": "1"})]
    sync = make_sync(qtbot, ctx, interval=60)
    with qtbot.waitSignal(sync.backing_off, timeout=5_000):
        sync.start()
    paused_at = time.monotonic()
    qtbot.wait(600)
    with ax.lock:
        during = [code for moment, code in ax.asked if paused_at < moment]
    assert len(during) <= sync.max_in_flight - 1
    qtbot.waitUntil(lambda: sync.cycles_finished >= 1, timeout=10_000)
    assert all(ax.asked_for(code) for code in codes)
    assert len(ax.asked_for(codes[0])) == 2
    sync.stop()


def test_a_lane_sends_nothing_more_once_the_worker_shut_down(
    qtbot: Any, ctx: AppContext, ax: ScriptedAx
) -> None:
    """axdesk closing cancels every call: a lane then stops before its next request, so its
    thread ends within the window's bounded wait instead of outliving the window."""
    codes = [journal_order(ctx, ax, f"closing{n:02d}") for n in range(10)]
    release = threading.Event()
    ax.held[codes[0]] = release
    sync = make_sync(qtbot, ctx, max_in_flight=1, interval=60)
    sync.start()
    qtbot.waitUntil(lambda: ax.in_flight == 1, timeout=5_000)
    ctx.worker.shutdown(timeout_ms=0)
    release.set()
    qtbot.waitUntil(lambda: not ctx.worker.running, timeout=5_000)
    assert [code for _moment, code in ax.asked] == [codes[0]]
