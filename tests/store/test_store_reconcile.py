"""Reconciler with a stub AX: every branch of submit and reconcile, one order at AX at most."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from store_helpers import (
    ENDPOINT,
    OTHER_ENDPOINT,
    FakeClock,
    created_for,
    make_request,
    traveler,
)

from axdesk.api import (
    AxAuthError,
    AxError,
    AxMalformedResponseError,
    AxNetworkError,
    AxNotFoundError,
    AxRateLimitedError,
    AxRejectedError,
    AxServerError,
    CreatedOrder,
    OrderRequest,
    OrderStatus,
    OrderStatusInfo,
    encode_json,
)
from axdesk.store.db import Database
from axdesk.store.endpoints import OtherEndpointError, UnrecordedEndpointError
from axdesk.store.journal import OrderJournal
from axdesk.store.journal_queries import JournalState, ProblemKind
from axdesk.store.reconcile import (
    DEFAULT_SETTLE_WINDOW,
    RECHECK_SECONDS,
    Reconciler,
    SubmitOutcome,
)


class StubAx:
    """A small AX stand-in: idempotent on the channel order code, with queued faults.

    Create faults: ``drop`` (lost before AX saw it), ``connect`` (never sent),
    ``commit_then_drop``, ``500_after_commit``, ``garbage_after_commit`` (order made, answer
    unreadable), ``reject``, ``auth``, ``404``, ``429``. Status faults: ``drop``, ``500``.
    """

    def __init__(
        self, base_url: str = ENDPOINT, *, dedup: bool = True, by_channel_code: bool = True
    ) -> None:
        self.base_url = base_url
        self.dedup = dedup
        """False: a repeated channel order code makes a new, separate order."""
        self.by_channel_code = by_channel_code
        """False: Get Confirm knows AX order codes only (a channel order code is 404)."""
        self.orders: dict[str, CreatedOrder] = {}
        self.made: dict[str, list[CreatedOrder]] = {}
        """Every order made under each code (more than one only without deduplication)."""
        self.statuses: dict[str, OrderStatus] = {}
        self.create_faults: list[str] = []
        self.status_faults: list[str] = []
        self.bodies: list[bytes] = []
        self.status_queries: list[str] = []
        self.refuse_repeats = False

    def create_order(self, request: OrderRequest, *, body: bytes | None = None) -> CreatedOrder:
        sent = encode_json(request.to_wire()) if body is None else body
        assert sent == encode_json(request.to_wire()), "the body sent is not this request's"
        self.bodies.append(sent)
        fault = self.create_faults.pop(0) if self.create_faults else None
        if fault == "drop":
            raise AxNetworkError("The connection to AX dropped.", request_sent=True)
        if fault == "connect":
            raise AxNetworkError("axdesk could not connect to AX.", request_sent=False)
        if fault == "reject":
            raise AxRejectedError(
                "AX refused the request (HTTP 400): invalid email",
                status=400,
                server_message="invalid email",
                errors=["depth_combinations.0.tickets.0.email: invalid"],
            )
        if fault == "auth":
            raise AxAuthError("AX refused the API key or the channel code (HTTP 403).", status=403)
        if fault == "404":
            raise AxNotFoundError("AX does not know the ordering address (HTTP 404).", status=404)
        if fault == "429":
            raise AxRateLimitedError(
                "AX is receiving too many requests (HTTP 429).", retry_after=20
            )
        code = request.order.channel_order_code
        repeat = code in self.orders
        if repeat and self.refuse_repeats:
            raise AxRejectedError("AX refused the request (HTTP 409): duplicate", status=409)
        if not repeat or not self.dedup:
            made = self.made.setdefault(code, [])
            created = created_for(request, prefix=f"AX{len(made) or ''}")
            made.append(created)
            self.orders.setdefault(code, created)
            for dc in created.depth_combinations:
                self.statuses[dc.ax_order_code] = OrderStatus.NEW
        if fault == "commit_then_drop":
            raise AxNetworkError("The connection to AX dropped.", request_sent=True)
        if fault == "500_after_commit":
            raise AxServerError("AX had an internal problem (HTTP 500).", status=500)
        if fault == "garbage_after_commit":
            raise AxMalformedResponseError("AX answered with a web page.", outcome_unknown=True)
        return self.orders[code]

    def get_order_status(self, order_code: str) -> list[OrderStatusInfo]:
        self.status_queries.append(order_code)
        fault = self.status_faults.pop(0) if self.status_faults else None
        if fault == "drop":
            raise AxNetworkError("The connection to AX dropped.", request_sent=True)
        if fault == "500":
            raise AxServerError("AX is temporarily unavailable (HTTP 503).", status=503)
        found = [
            (code, dc)
            for code, made in self.made.items()
            for created in made
            for dc in created.depth_combinations
            if dc.ax_order_code == order_code or (self.by_channel_code and code == order_code)
        ]
        if not found:
            raise AxNotFoundError(f"AX does not know the order {order_code} (HTTP 404).")
        return [
            OrderStatusInfo(
                channel_order_code=code,
                ax_order_code=dc.ax_order_code,
                status=self.statuses[dc.ax_order_code],
                comment=None,
            )
            for code, dc in found
        ]


@pytest.fixture
def ax() -> StubAx:
    return StubAx()


@pytest.fixture
def sleeps() -> list[float]:
    return []


@pytest.fixture
def reconciler(ax: StubAx, journal: OrderJournal, sleeps: list[float]) -> Reconciler:
    return Reconciler(ax, journal, sleep=sleeps.append)


@pytest.fixture
def trusting(ax: StubAx, journal: OrderJournal, sleeps: list[float]) -> Reconciler:
    """A reconciler told (by the connection profile) that this AX answers a repeated order
    code with the order it already made: the stub does."""
    return Reconciler(ax, journal, sleep=sleeps.append, same_order_on_repeat=True)


def _assert_known_without_tickets(journal: OrderJournal, ax: StubAx, code: str) -> None:
    """The journal holds AX's AX order codes for the order, as made, and no ticket code."""
    order = journal.get_order(code)
    assert order is not None
    assert order.state is JournalState.SENT
    assert order.problem_kind is ProblemKind.TICKETS_UNKNOWN
    assert order.lacks_ticket_codes
    assert [a.ax_order_code for a in order.ax_orders] == [
        dc.ax_order_code for dc in ax.orders[code].depth_combinations
    ]
    assert all(t.ax_ticket_code is None for t in order.tickets)


def _assert_matches_ax(journal: OrderJournal, ax: StubAx, code: str) -> None:
    """The journal holds exactly AX's AX order codes and ticket codes for the order."""
    order = journal.get_order(code)
    assert order is not None
    assert order.state is JournalState.SENT
    created = ax.orders[code]
    assert [line.ax_order.ax_order_code for line in order.lines if line.ax_order] == [
        dc.ax_order_code for dc in created.depth_combinations
    ]
    assert [t.ax_ticket_code for t in order.tickets] == [
        t.ax_ticket_code for dc in created.depth_combinations for t in dc.tickets
    ]


def test_a_201_marks_the_order_sent(
    reconciler: Reconciler, ax: StubAx, journal: OrderJournal, sleeps: list[float]
) -> None:
    request = make_request(code="o1")
    outcome = reconciler.submit(request)
    assert outcome.is_sent
    assert outcome.state is JournalState.SENT
    assert "o1" in outcome.message
    assert ax.bodies == [journal.stored_body("o1").encode("utf-8")]
    assert ax.status_queries == []
    assert sleeps == []
    _assert_matches_ax(journal, ax, "o1")


def test_the_post_carries_the_journaled_bytes_and_the_order_is_encoded_once(
    journal: OrderJournal, monkeypatch: pytest.MonkeyPatch
) -> None:
    class BodyRecorder:
        base_url = ENDPOINT

        def __init__(self) -> None:
            self.bodies: list[bytes | None] = []

        def create_order(self, request: OrderRequest, *, body: bytes | None = None) -> CreatedOrder:
            self.bodies.append(body)
            return created_for(request, prefix="AX")

        def get_order_status(self, order_code: str) -> list[OrderStatusInfo]:
            raise AssertionError("a 201 needs no status check")

    request = make_request(code="once")
    encodings: list[str] = []
    to_wire = OrderRequest.to_wire

    def counted(self: OrderRequest) -> dict[str, object]:
        encodings.append(self.order.channel_order_code)
        return to_wire(self)

    monkeypatch.setattr(OrderRequest, "to_wire", counted)
    ax = BodyRecorder()
    assert Reconciler(ax, journal).submit(request).is_sent
    assert ax.bodies == [journal.stored_body("once").encode("utf-8")]
    assert encodings == ["once"]  # by the journal; the client sends those bytes


@pytest.mark.parametrize("fault", ["reject", "auth", "404"])
def test_a_refusal_marks_the_order_rejected_and_is_not_retried(
    reconciler: Reconciler, ax: StubAx, journal: OrderJournal, sleeps: list[float], fault: str
) -> None:
    ax.create_faults.append(fault)
    outcome = reconciler.submit(make_request(code="o1"))
    assert outcome.is_rejected
    assert outcome.message.startswith("AX ")
    order = journal.get_order("o1")
    assert order is not None
    assert order.state is JournalState.REJECTED
    assert order.problem == outcome.message
    if fault == "reject":
        assert outcome.errors == ("depth_combinations.0.tickets.0.email: invalid",)
        assert order.rejected_errors == outcome.errors
    assert len(ax.bodies) == 1
    assert ax.status_queries == []
    assert sleeps == []


@pytest.mark.parametrize("fault", ["commit_then_drop", "500_after_commit", "garbage_after_commit"])
def test_an_answer_lost_after_commit_is_reconciled_to_the_one_existing_order(
    trusting: Reconciler, ax: StubAx, journal: OrderJournal, sleeps: list[float], fault: str
) -> None:
    """Where the profile says AX answers a repeat with the same order, the repeat learns the
    ticket codes."""
    ax.create_faults.append(fault)
    outcome = trusting.submit(make_request(code="o1"))
    assert outcome.is_sent
    assert len(ax.orders) == 1
    assert ax.status_queries == ["o1"]
    assert len(ax.bodies) == 2
    assert ax.bodies[0] == ax.bodies[1] == journal.stored_body("o1").encode("utf-8")
    assert sleeps == [1.0]
    _assert_matches_ax(journal, ax, "o1")
    order = journal.get_order("o1")
    assert order is not None
    assert order.attempts == 2


def test_an_order_that_never_reached_ax_is_sent_again_at_once_without_asking(
    reconciler: Reconciler, ax: StubAx, journal: OrderJournal, sleeps: list[float]
) -> None:
    ax.create_faults.append("connect")
    outcome = reconciler.submit(make_request(code="o1"))
    assert outcome.is_sent
    assert ax.status_queries == []  # nothing of it can be at AX: nothing to ask
    assert len(ax.bodies) == 2
    assert ax.bodies[0] == ax.bodies[1]
    assert sleeps == [1.0]
    _assert_matches_ax(journal, ax, "o1")


@pytest.mark.parametrize("fault", ["drop", "connect"])
def test_an_order_that_never_arrived_is_sent_again_under_the_same_code(
    trusting: Reconciler, ax: StubAx, journal: OrderJournal, fault: str
) -> None:
    ax.create_faults.append(fault)
    outcome = trusting.submit(make_request(code="o1"))
    assert outcome.is_sent
    assert ax.status_queries == (["o1"] if fault == "drop" else [])
    assert len(ax.bodies) == 2
    assert ax.bodies[0] == ax.bodies[1]
    assert json.loads(ax.bodies[1])["order"]["channel_order_code"] == "o1"
    _assert_matches_ax(journal, ax, "o1")


def test_without_any_answer_the_order_stays_unknown_never_failed(
    reconciler: Reconciler, ax: StubAx, journal: OrderJournal, sleeps: list[float]
) -> None:
    ax.create_faults.append("commit_then_drop")
    ax.status_faults.extend(["drop", "500", "drop"])
    outcome = reconciler.submit(make_request(code="o1"))
    assert outcome.is_unknown
    assert outcome.state is JournalState.UNKNOWN
    assert "will not be placed twice" in outcome.message
    assert isinstance(outcome.error, AxError)
    assert sleeps == [1.0, 3.0, 8.0]
    assert len(ax.bodies) == 1
    assert journal.state_of("o1") is JournalState.UNKNOWN
    pending = journal.needs_reconciliation()
    assert [p.channel_order_code for p in pending] == ["o1"]
    assert pending[0].problem is not None
    assert "Checking the order with AX failed" in pending[0].problem

    outcomes = reconciler.reconcile_pending()
    assert [o.state for o in outcomes] == [JournalState.SENT]
    assert len(ax.orders) == 1
    assert len(ax.bodies) == 1  # AX lists it: settled without sending it again
    _assert_known_without_tickets(journal, ax, "o1")


def test_rate_limiting_waits_as_asked_and_is_not_a_rejection(
    reconciler: Reconciler, ax: StubAx, journal: OrderJournal, sleeps: list[float]
) -> None:
    ax.create_faults.append("429")
    outcome = reconciler.submit(make_request(code="o1"))
    assert outcome.is_sent
    assert sleeps == [20.0]
    _assert_matches_ax(journal, ax, "o1")


def test_status_from_get_confirm_is_kept_when_ax_knows_the_order(
    reconciler: Reconciler, ax: StubAx, journal: OrderJournal
) -> None:
    ax.create_faults.append("commit_then_drop")
    ax.status_faults.extend(["drop", "drop", "drop"])
    assert reconciler.submit(make_request(code="o2")).is_unknown
    # The supplier confirms while the journal still lacks AX's answer.
    ax.statuses[ax.orders["o2"].depth_combinations[0].ax_order_code] = OrderStatus.SUPPLIER_CONFIRM
    outcome = reconciler.reconcile("o2")
    assert outcome.is_sent
    order = journal.get_order("o2")
    assert order is not None
    assert order.ax_orders[0].status is OrderStatus.SUPPLIER_CONFIRM
    assert [h.to_status for h in order.ax_orders[0].history] == [OrderStatus.SUPPLIER_CONFIRM]


def test_a_failed_check_is_retried_after_a_pause(
    reconciler: Reconciler, ax: StubAx, journal: OrderJournal, sleeps: list[float]
) -> None:
    ax.create_faults.append("commit_then_drop")
    ax.status_faults.append("drop")
    assert reconciler.submit(make_request(code="o1")).is_sent
    assert sleeps == [1.0, 3.0]
    assert ax.status_queries == ["o1", "o1"]
    _assert_known_without_tickets(journal, ax, "o1")


def test_a_server_that_refuses_repeats_leaves_the_order_sent_without_ticket_codes(
    trusting: Reconciler, ax: StubAx, journal: OrderJournal
) -> None:
    ax.refuse_repeats = True
    ax.create_faults.append("commit_then_drop")
    outcome = trusting.submit(make_request(code="o1"))
    assert outcome.is_sent
    assert "ticket codes are not known" in outcome.message
    order = journal.get_order("o1")
    assert order is not None
    assert order.state is JournalState.SENT
    assert order.problem is not None
    assert "ticket codes are not known" in order.problem
    assert [a.ax_order_code for a in order.ax_orders] == [
        dc.ax_order_code for dc in ax.orders["o1"].depth_combinations
    ]
    assert all(t.ax_ticket_code is None for t in order.tickets)
    assert len(ax.orders) == 1


def test_an_order_left_sending_by_a_crash_is_sent_at_start_up(
    reconciler: Reconciler, ax: StubAx, journal: OrderJournal
) -> None:
    request = make_request(code="crashed")
    journal.record_sending(request, endpoint=ENDPOINT)
    outcomes = reconciler.reconcile_pending()
    assert [(o.channel_order_code, o.state) for o in outcomes] == [("crashed", JournalState.SENT)]
    assert ax.bodies == [journal.stored_body("crashed").encode("utf-8")]
    _assert_matches_ax(journal, ax, "crashed")
    assert reconciler.reconcile_pending() == []


def test_submitting_a_journaled_code_again_does_not_post_again(
    reconciler: Reconciler, ax: StubAx
) -> None:
    request = make_request(code="o1")
    assert reconciler.submit(request).is_sent
    again = reconciler.submit(request)
    assert again.is_sent
    assert len(ax.bodies) == 1
    assert reconciler.reconcile("o1").is_sent
    assert len(ax.bodies) == 1
    assert ax.status_queries == []


def test_submitting_a_pending_code_again_reconciles_it(
    reconciler: Reconciler, ax: StubAx, journal: OrderJournal
) -> None:
    request = make_request(code="o1")
    journal.record_sending(request, endpoint=ENDPOINT)
    outcome = reconciler.submit(request)
    assert outcome.is_sent
    assert ax.status_queries == []  # never posted: nothing of it can be at AX
    assert len(ax.bodies) == 1


def test_a_rejected_order_is_reported_not_resent(reconciler: Reconciler, ax: StubAx) -> None:
    ax.create_faults.append("reject")
    reconciler.submit(make_request(code="o1"))
    outcome = reconciler.reconcile("o1")
    assert outcome.is_rejected
    assert outcome.errors == ("depth_combinations.0.tickets.0.email: invalid",)
    assert len(ax.bodies) == 1


def test_a_client_factory_is_asked_each_time_and_its_error_records_nothing(
    ax: StubAx, journal: OrderJournal
) -> None:
    available: list[StubAx] = []

    def current_client() -> StubAx:
        if not available:
            raise AxError("Not connected to AX.")
        return available[0]

    reconciler = Reconciler(current_client, journal, sleep=lambda _s: None)
    with pytest.raises(AxError, match="Not connected"):
        reconciler.submit(make_request(code="o1"))
    assert journal.get_order("o1") is None

    journal.record_sending(make_request(code="o2"), endpoint=ENDPOINT)
    outcomes = reconciler.reconcile_pending()
    assert [(o.channel_order_code, o.state) for o in outcomes] == [("o2", JournalState.UNKNOWN)]
    assert journal.state_of("o2") is JournalState.SENDING

    available.append(ax)
    assert reconciler.reconcile("o2").is_sent


def test_a_tampered_stored_body_is_not_sent(
    reconciler: Reconciler, ax: StubAx, journal: OrderJournal, db: Database
) -> None:
    journal.record_sending(make_request(code="o1"), endpoint=ENDPOINT)
    body = journal.stored_body("o1")
    spaced = json.dumps(json.loads(body), indent=1)
    db.execute("UPDATE channel_order SET wire_json = ? WHERE channel_order_code = 'o1'", (spaced,))
    outcome = reconciler.reconcile("o1")
    assert outcome.is_unknown
    assert "byte for byte" in outcome.message
    assert ax.bodies == []


def test_outcome_flags() -> None:
    outcome = SubmitOutcome("c", JournalState.SENDING, "m")
    assert outcome.is_unknown
    assert not outcome.is_sent
    assert not outcome.is_rejected
    assert not outcome.is_elsewhere
    assert not outcome.needs_assignment
    elsewhere = SubmitOutcome(
        "c", JournalState.UNKNOWN, "m", error=OtherEndpointError("c", OTHER_ENDPOINT, ENDPOINT)
    )
    assert elsewhere.is_unknown
    assert elsewhere.is_elsewhere
    assert not elsewhere.needs_assignment
    unrecorded = SubmitOutcome(
        "c", JournalState.UNKNOWN, "m", error=UnrecordedEndpointError("c", ENDPOINT)
    )
    assert unrecorded.is_elsewhere
    assert unrecorded.needs_assignment


# -- one journal, several AX servers ------------------------------------------------------


def _untouched(journal: OrderJournal, code: str) -> tuple[object, ...]:
    """What a refusal must leave as it was."""
    order = journal.get_order(code)
    assert order is not None
    return (order.state, order.attempts, order.problem, order.updated_at, order.endpoint)


def test_submit_records_the_clients_server_with_the_order(
    journal: OrderJournal, sleeps: list[float]
) -> None:
    ax = StubAx(base_url="https://Test.AX-cloud.com/")
    assert Reconciler(ax, journal, sleep=sleeps.append).submit(make_request(code="o1")).is_sent
    assert journal.endpoint_of("o1") == ENDPOINT


def test_an_order_sent_to_another_server_is_neither_asked_about_nor_sent_there(
    reconciler: Reconciler, ax: StubAx, journal: OrderJournal, sleeps: list[float]
) -> None:
    journal.record_sending(make_request(code="prod-1"), endpoint=OTHER_ENDPOINT)
    journal.mark_unknown("prod-1", "The connection dropped.")
    before = _untouched(journal, "prod-1")

    outcome = reconciler.reconcile("prod-1")

    assert outcome.message == (
        "This order was sent to https://prod.ax-cloud.com; connect to that server to check it."
    )
    assert isinstance(outcome.error, OtherEndpointError)
    assert isinstance(outcome.error, AxError)
    assert outcome.state is JournalState.UNKNOWN
    assert outcome.is_unknown
    assert outcome.is_elsewhere
    assert not outcome.needs_assignment
    assert ax.status_queries == []
    assert ax.bodies == []
    assert _untouched(journal, "prod-1") == before
    assert sleeps == []


def test_submitting_again_an_order_pending_on_another_server_refuses_at_once(
    reconciler: Reconciler, ax: StubAx, journal: OrderJournal, sleeps: list[float]
) -> None:
    request = make_request(code="prod-1")
    journal.record_sending(request, endpoint=OTHER_ENDPOINT)
    outcome = reconciler.submit(request)
    assert outcome.is_elsewhere
    assert outcome.state is JournalState.SENDING
    assert sleeps == []  # no backoff: waiting would not make it this server's order
    assert ax.status_queries == []
    assert ax.bodies == []


def test_switching_servers_settles_each_order_only_on_its_own_server(
    journal: OrderJournal,
) -> None:
    """The bug this guards against: a production order re-sent to the test server."""
    production, test = StubAx(OTHER_ENDPOINT), StubAx(ENDPOINT)
    in_use = [production]
    reconciler = Reconciler(
        lambda: in_use[0], journal, sleep=lambda _s: None, same_order_on_repeat=True
    )
    production.create_faults.append("commit_then_drop")
    production.status_faults.extend(["drop", "drop", "drop"])
    assert reconciler.submit(make_request(code="prod-1")).is_unknown
    assert len(production.orders) == 1
    assert production.status_faults == []

    in_use[0] = test  # the operator switches profile
    outcomes = reconciler.reconcile_pending()
    assert [(o.channel_order_code, o.is_elsewhere) for o in outcomes] == [("prod-1", True)]
    assert reconciler.reconcile("prod-1").is_elsewhere
    assert test.orders == {}
    assert test.bodies == []
    assert test.status_queries == []
    assert journal.state_of("prod-1") is JournalState.UNKNOWN

    in_use[0] = production  # back on production: settled there, still one order
    assert [o.state for o in reconciler.reconcile_pending()] == [JournalState.SENT]
    assert len(production.orders) == 1
    _assert_matches_ax(journal, production, "prod-1")
    assert journal.endpoint_of("prod-1") == OTHER_ENDPOINT


def test_reconcile_pending_settles_this_servers_orders_and_reports_the_others(
    reconciler: Reconciler, ax: StubAx, journal: OrderJournal, db: Database
) -> None:
    journal.record_sending(make_request(code="here"), endpoint=ENDPOINT)
    journal.record_sending(make_request(code="there"), endpoint=OTHER_ENDPOINT)
    journal.record_sending(make_request(code="legacy"), endpoint=ENDPOINT)
    db.execute("UPDATE channel_order SET endpoint = NULL WHERE channel_order_code = 'legacy'")
    untouched = {code: _untouched(journal, code) for code in ("there", "legacy")}

    outcomes = {o.channel_order_code: o for o in reconciler.reconcile_pending()}

    assert list(outcomes) == ["here", "there", "legacy"]
    assert outcomes["here"].is_sent
    assert outcomes["there"].is_elsewhere
    assert not outcomes["there"].needs_assignment
    assert "https://prod.ax-cloud.com" in outcomes["there"].message
    assert outcomes["legacy"].needs_assignment
    assert isinstance(outcomes["legacy"].error, UnrecordedEndpointError)
    assert "did not record which AX server" in outcomes["legacy"].message
    assert ax.status_queries == []  # "here" was never posted: it is sent without asking
    assert [json.loads(b)["order"]["channel_order_code"] for b in ax.bodies] == ["here"]
    assert {code: _untouched(journal, code) for code in untouched} == untouched


def test_an_order_whose_server_was_not_recorded_is_sent_only_once_the_operator_says_so(
    reconciler: Reconciler, ax: StubAx, journal: OrderJournal, db: Database
) -> None:
    journal.record_sending(make_request(code="legacy"), endpoint=ENDPOINT)
    db.execute("UPDATE channel_order SET endpoint = NULL WHERE channel_order_code = 'legacy'")
    before = _untouched(journal, "legacy")

    refused = reconciler.reconcile("legacy")
    assert refused.needs_assignment
    assert ax.status_queries == []
    assert ax.bodies == []
    assert _untouched(journal, "legacy") == before

    settled = reconciler.reconcile("legacy", assign_endpoint=True)
    assert settled.is_sent
    assert journal.endpoint_of("legacy") == ENDPOINT
    _assert_matches_ax(journal, ax, "legacy")


def test_assigning_never_moves_an_order_recorded_for_another_server(
    reconciler: Reconciler, ax: StubAx, journal: OrderJournal
) -> None:
    journal.record_sending(make_request(code="prod-1"), endpoint=OTHER_ENDPOINT)
    outcome = reconciler.reconcile("prod-1", assign_endpoint=True)
    assert outcome.is_elsewhere
    assert not outcome.needs_assignment
    assert "https://prod.ax-cloud.com" in outcome.message
    assert journal.endpoint_of("prod-1") == OTHER_ENDPOINT
    assert ax.status_queries == []
    assert ax.bodies == []


def test_assigning_a_settled_order_only_reports_it(
    reconciler: Reconciler, ax: StubAx, journal: OrderJournal, db: Database
) -> None:
    assert reconciler.submit(make_request(code="o1")).is_sent
    db.execute("UPDATE channel_order SET endpoint = NULL WHERE channel_order_code = 'o1'")
    outcome = reconciler.reconcile("o1", assign_endpoint=True)
    assert outcome.is_sent
    assert not outcome.is_elsewhere
    assert journal.endpoint_of("o1") is None  # a settled order is never re-sent, so not assigned
    assert len(ax.bodies) == 1


def test_a_settled_order_of_another_server_is_reported_as_it_stands(
    journal: OrderJournal,
) -> None:
    production = StubAx(OTHER_ENDPOINT)
    assert Reconciler(production, journal).submit(make_request(code="prod-1")).is_sent
    test = StubAx(ENDPOINT)
    outcome = Reconciler(test, journal).reconcile("prod-1")
    assert outcome.is_sent
    assert not outcome.is_elsewhere
    assert test.status_queries == []
    assert test.bodies == []


# -- never leaning on what the AX pages do not promise (issue 11 §3) -----------------------


def test_an_order_ax_lists_is_settled_as_made_without_being_sent_again(
    reconciler: Reconciler, ax: StubAx, journal: OrderJournal
) -> None:
    ax.create_faults.append("commit_then_drop")
    outcome = reconciler.submit(make_request(("dc-adult", [traveler(), traveler()]), code="o1"))
    assert outcome.is_sent, outcome.message
    assert len(ax.bodies) == 1  # asked, never sent again
    order = journal.get_order("o1")
    assert order is not None
    assert order.state is JournalState.SENT
    assert [a.ax_order_code for a in order.ax_orders] == [
        dc.ax_order_code for dc in ax.orders["o1"].depth_combinations
    ]
    assert [t.ax_ticket_code for t in order.tickets] == [None, None]
    assert order.problem_kind is ProblemKind.TICKETS_UNKNOWN
    assert order.problem is not None
    assert "no traveler's ticket of it can be cancelled" in order.problem


def test_on_an_ax_that_does_not_deduplicate_a_lost_answer_makes_no_second_order(
    journal: OrderJournal, sleeps: list[float]
) -> None:
    ax = StubAx(dedup=False)
    ax.create_faults.append("commit_then_drop")
    outcome = Reconciler(ax, journal, sleep=sleeps.append).submit(make_request(code="o1"))
    assert outcome.is_sent, outcome.message
    assert len(ax.made["o1"]) == 1
    assert len(ax.bodies) == 1


def test_where_ax_cannot_be_asked_by_channel_code_a_lost_answer_is_never_sent_blindly(
    journal: OrderJournal, clock: FakeClock
) -> None:
    ax = StubAx(dedup=False, by_channel_code=False)
    reconciler = Reconciler(ax, journal, sleep=clock.advance, clock=clock)
    assert reconciler.submit(make_request(code="known")).is_sent  # an order AX surely has
    ax.create_faults.append("commit_then_drop")
    outcome = reconciler.submit(make_request(code="o1"))
    clock.advance(3600)  # long after any earlier send could still land
    again = reconciler.reconcile("o1")

    assert outcome.is_unknown
    assert again.is_unknown
    assert len(ax.made["o1"]) == 1
    assert [json.loads(b)["order"]["channel_order_code"] for b in ax.bodies] == ["known", "o1"]
    assert "o1" in again.message
    assert "channel order code" in again.message


def test_without_an_order_to_try_it_on_a_not_listed_order_is_not_sent_after_the_window(
    journal: OrderJournal, clock: FakeClock
) -> None:
    """Whether Get Confirm finds orders by channel code cannot be told: AX cannot be asked."""
    ax = StubAx()
    reconciler = Reconciler(ax, journal, sleep=clock.advance, clock=clock, retry_delays=())
    ax.create_faults.append("drop")
    assert reconciler.submit(make_request(code="o1")).is_unknown
    clock.advance(DEFAULT_SETTLE_WINDOW + 1)

    outcome = reconciler.reconcile("o1")

    assert outcome.cannot_ask
    assert outcome.kind is ProblemKind.CANNOT_ASK
    assert len(ax.bodies) == 1
    order = journal.get_order("o1")
    assert order is not None
    assert order.state is JournalState.UNKNOWN
    assert order.problem_kind is ProblemKind.CANNOT_ASK
    assert order.problem == outcome.message


# -- never "rejected" while an earlier send may still land (issue 11 §2) -------------------


@pytest.fixture
def timed(ax: StubAx, journal: OrderJournal, clock: FakeClock) -> Reconciler:
    """A reconciler on the test's clock, whose waits move that clock (one retry, 1 s)."""
    return Reconciler(ax, journal, sleep=clock.advance, clock=clock, retry_delays=(1.0,))


def test_a_not_listed_order_is_asked_about_during_the_window_and_sent_again_only_after(
    timed: Reconciler, ax: StubAx, journal: OrderJournal, clock: FakeClock
) -> None:
    assert timed.submit(make_request(code="known")).is_sent  # AX finds orders by channel code
    ax.create_faults.append("drop")  # the POST never reached AX, but that cannot be told
    started = clock.now

    outcome = timed.submit(make_request(code="o1"))

    assert outcome.may_still_land
    assert outcome.settle_by == started + dt.timedelta(seconds=DEFAULT_SETTLE_WINDOW)
    assert outcome.check_again_at == clock.now + dt.timedelta(seconds=RECHECK_SECONDS)
    assert "does not list the order o1 yet" in outcome.message
    assert ax.status_queries == ["o1"]
    clock.advance(DEFAULT_SETTLE_WINDOW - 10)
    assert timed.reconcile("o1").may_still_land
    assert [json.loads(b)["order"]["channel_order_code"] for b in ax.bodies] == ["known", "o1"]

    clock.advance(11)  # the window is over: no earlier send can still land
    settled = timed.reconcile("o1")

    assert settled.is_sent, settled.message
    assert ax.status_queries == ["o1", "o1", "o1", "known"]
    assert len(ax.made["o1"]) == 1
    _assert_matches_ax(journal, ax, "o1")


def test_a_refusal_of_a_send_again_while_an_earlier_send_may_land_is_not_a_rejection(
    journal: OrderJournal, clock: FakeClock
) -> None:
    ax = StubAx()
    reconciler = Reconciler(
        ax,
        journal,
        sleep=clock.advance,
        clock=clock,
        retry_delays=(1.0,),
        same_order_on_repeat=True,
    )
    ax.create_faults.extend(["drop", "reject"])

    outcome = reconciler.submit(make_request(code="o1"))

    assert outcome.may_still_land
    assert not outcome.is_rejected
    assert isinstance(outcome.error, AxRejectedError)
    assert "refused the order o1 when it was sent again" in outcome.message
    assert journal.state_of("o1") is JournalState.UNKNOWN

    clock.advance(DEFAULT_SETTLE_WINDOW)  # over: a refusal now is final
    ax.create_faults.append("reject")
    final = reconciler.reconcile("o1")

    assert final.is_rejected
    assert final.errors == ("depth_combinations.0.tickets.0.email: invalid",)
    order = journal.get_order("o1")
    assert order is not None
    assert order.state is JournalState.REJECTED
    assert order.problem_kind is ProblemKind.REFUSED
    assert order.uncertain_post_at is None


def test_a_refusal_of_the_key_on_a_send_again_says_nothing_of_the_earlier_send(
    journal: OrderJournal, clock: FakeClock
) -> None:
    ax = StubAx()
    reconciler = Reconciler(
        ax,
        journal,
        sleep=clock.advance,
        clock=clock,
        retry_delays=(1.0,),
        same_order_on_repeat=True,
    )
    ax.create_faults.extend(["drop", "auth"])
    outcome = reconciler.submit(make_request(code="o1"))
    clock.advance(DEFAULT_SETTLE_WINDOW)
    ax.create_faults.append("404")
    later = reconciler.reconcile("o1")

    assert outcome.is_unknown
    assert later.is_unknown
    assert journal.state_of("o1") is JournalState.UNKNOWN


def test_the_first_send_refused_is_rejected_at_once(
    timed: Reconciler, ax: StubAx, journal: OrderJournal
) -> None:
    ax.create_faults.append("reject")
    outcome = timed.submit(make_request(code="o1"))
    assert outcome.is_rejected
    assert outcome.kind is ProblemKind.REFUSED


def test_the_window_outlives_a_restart(ax: StubAx, journal: OrderJournal, clock: FakeClock) -> None:
    """A new reconciler (axdesk started again) reads the window from the journal."""
    first = Reconciler(ax, journal, sleep=clock.advance, clock=clock, retry_delays=())
    assert first.submit(make_request(code="known")).is_sent
    ax.create_faults.append("drop")
    assert first.submit(make_request(code="o1")).kind is ProblemKind.NO_ANSWER
    clock.advance(30)

    again = Reconciler(ax, journal, sleep=clock.advance, clock=clock, retry_delays=())
    assert [o.may_still_land for o in again.reconcile_pending()] == [True]
    clock.advance(DEFAULT_SETTLE_WINDOW)
    assert [o.is_sent for o in again.reconcile_pending()] == [True]
    assert len(ax.made["o1"]) == 1


def test_an_order_left_sending_after_its_post_started_waits_out_the_window(
    ax: StubAx, journal: OrderJournal, clock: FakeClock
) -> None:
    """axdesk stopped during the POST: the journal counted it, so it may land."""
    reconciler = Reconciler(ax, journal, sleep=clock.advance, clock=clock, retry_delays=())
    journal.record_sending(make_request(code="crashed"), endpoint=ENDPOINT)
    journal.note_attempt("crashed", at=clock.now)
    outcome = reconciler.reconcile("crashed")
    assert outcome.may_still_land
    assert ax.bodies == []


# -- what the operator found out at AX ----------------------------------------------------


def test_the_operator_saying_ax_has_no_such_order_sends_it_again_once_the_window_is_over(
    journal: OrderJournal, clock: FakeClock
) -> None:
    ax = StubAx(dedup=False, by_channel_code=False)
    reconciler = Reconciler(ax, journal, sleep=clock.advance, clock=clock, retry_delays=())
    ax.create_faults.append("drop")
    assert reconciler.submit(make_request(code="o1")).is_unknown
    assert reconciler.reconcile("o1", absent_confirmed=True).may_still_land
    assert len(ax.bodies) == 1
    clock.advance(DEFAULT_SETTLE_WINDOW)
    assert reconciler.reconcile("o1").cannot_ask

    outcome = reconciler.reconcile("o1", absent_confirmed=True)

    assert outcome.is_sent
    assert len(ax.made["o1"]) == 1
    _assert_matches_ax(journal, ax, "o1")


def test_an_ax_order_code_the_operator_got_from_ax_settles_the_order_as_made(
    journal: OrderJournal, clock: FakeClock
) -> None:
    ax = StubAx(dedup=False, by_channel_code=False)
    reconciler = Reconciler(ax, journal, sleep=clock.advance, clock=clock, retry_delays=())
    ax.create_faults.append("commit_then_drop")
    reconciler.submit(make_request(code="o1"))
    clock.advance(DEFAULT_SETTLE_WINDOW)
    assert reconciler.reconcile("o1").cannot_ask
    ax_code = ax.orders["o1"].depth_combinations[0].ax_order_code

    assert reconciler.reconcile("o1", ax_order_code="someone-elses-order").cannot_ask
    outcome = reconciler.reconcile("o1", ax_order_code=ax_code)

    assert outcome.is_sent
    assert outcome.kind is ProblemKind.TICKETS_UNKNOWN
    assert len(ax.bodies) == 1
    _assert_known_without_tickets(journal, ax, "o1")


def test_told_later_that_ax_repeats_orders_the_ticket_codes_are_learned_at_start_up(
    ax: StubAx, journal: OrderJournal, sleeps: list[float]
) -> None:
    ax.create_faults.append("commit_then_drop")
    assert Reconciler(ax, journal, sleep=sleeps.append).submit(make_request(code="o1")).is_sent
    _assert_known_without_tickets(journal, ax, "o1")
    assert Reconciler(ax, journal, sleep=sleeps.append).reconcile_pending() == []
    assert len(ax.bodies) == 1

    told = Reconciler(ax, journal, sleep=sleeps.append, same_order_on_repeat=lambda url: True)
    outcomes = told.reconcile_pending()

    assert [(o.channel_order_code, o.is_sent) for o in outcomes] == [("o1", True)]
    assert len(ax.made["o1"]) == 1
    _assert_matches_ax(journal, ax, "o1")
    order = journal.get_order("o1")
    assert order is not None
    assert order.problem is None
    assert order.problem_kind is None
