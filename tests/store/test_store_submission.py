"""OrderSubmission with a stub AX: every way one send can end, and what it leaves behind."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import pytest
from store_helpers import ENDPOINT, created_for, make_request

from axdesk.api import (
    AxError,
    AxNetworkError,
    AxNotFoundError,
    AxRejectedError,
    CreatedOrder,
    Inventory,
    OrderInputError,
    OrderRequest,
    OrderStatusInfo,
)
from axdesk.store.journal import OptionLabel, OrderJournal
from axdesk.store.journal_queries import JournalState
from axdesk.store.reconcile import Reconciler
from axdesk.store.submission import (
    InventoryKey,
    NotSent,
    OrderSubmission,
    Rejected,
    SeatsChanged,
    SeatsNotRead,
    Sent,
    Unknown,
    new_channel_order_code,
)

DRAFT_KEY = "new-order"
DAY = dt.date(2024, 6, 1)
KEYS: list[InventoryKey] = [("P1", DAY), ("P2", DAY)]


class StubAx:
    """Inventory reads and order creation, recorded; faults queued by name."""

    def __init__(self, journal: OrderJournal) -> None:
        self.base_url = ENDPOINT
        self.journal = journal
        self.inventory_reads: list[tuple[str, dt.date | None, dt.date | None]] = []
        self.inventory_fault: AxError | None = None
        self.create_faults: list[str] = []
        self.posts: list[str] = []
        self.seen_at_post: list[tuple[JournalState | None, str | None]] = []
        self.orders: dict[str, CreatedOrder] = {}

    def get_inventory(
        self, product_code: str, start_date: dt.date | None = None, end_date: dt.date | None = None
    ) -> Inventory:
        self.inventory_reads.append((product_code, start_date, end_date))
        if self.inventory_fault is not None:
            raise self.inventory_fault
        return Inventory(product_code=product_code, options={})

    def create_order(self, request: OrderRequest, *, body: bytes | None = None) -> CreatedOrder:
        code = request.order.channel_order_code
        self.posts.append(code)
        # What the journal holds at the moment of the POST: the rule is journal first.
        self.seen_at_post.append((self.journal.state_of(code), self.journal.load_draft(DRAFT_KEY)))
        fault = self.create_faults.pop(0) if self.create_faults else None
        if fault == "reject":
            raise AxRejectedError(
                "AX refused the request (HTTP 400): bad email",
                status=400,
                errors=["depth_combinations[0].tickets[0].email: bad email"],
            )
        if fault == "drop":
            raise AxNetworkError("The connection to AX dropped.", request_sent=True)
        if fault == "bug":
            raise RuntimeError("a fault inside axdesk")
        self.orders[code] = created_for(request, prefix="AX")
        return self.orders[code]

    def get_order_status(self, order_code: str) -> list[OrderStatusInfo]:
        if order_code not in self.orders:
            raise AxNotFoundError(f"AX does not know the order {order_code} (HTTP 404).")
        return []


@dataclass
class StubOrder:
    """A typed order whose every answer the test decides."""

    keys: Sequence[InventoryKey] = field(default_factory=lambda: list(KEYS))
    problems: Sequence[str] = ()
    refuse: Exception | None = None
    other_code: str | None = None
    broken_draft: bool = False
    seen: list[Mapping[InventoryKey, Inventory]] = field(default_factory=list)

    def seat_keys(self) -> Sequence[InventoryKey]:
        return self.keys

    def seat_problems(self, inventories: Mapping[InventoryKey, Inventory]) -> Sequence[str]:
        self.seen.append(inventories)
        return self.problems

    def request(self, channel_order_code: str) -> OrderRequest:
        if self.refuse is not None:
            raise self.refuse
        return make_request(code=self.other_code or channel_order_code)

    def labels(self) -> Mapping[str, OptionLabel]:
        return {"dc-adult": OptionLabel("P1", "Night tour", "Adult")}

    def draft(self, channel_order_code: str) -> str:
        if self.broken_draft:
            raise RuntimeError("the draft could not be written")
        return f'{{"submitted_code": "{channel_order_code}"}}'


@pytest.fixture
def ax(journal: OrderJournal) -> StubAx:
    return StubAx(journal)


def submission_for(
    ax: StubAx,
    journal: OrderJournal,
    retry_delays: Sequence[float] = (),
    *,
    same_order_on_repeat: bool = False,
) -> OrderSubmission:
    reconciler = Reconciler(
        ax,
        journal,
        sleep=lambda _s: None,
        retry_delays=retry_delays,
        same_order_on_repeat=same_order_on_repeat,
    )
    return OrderSubmission(lambda: ax, journal, reconciler, draft_key=DRAFT_KEY)


def test_an_order_that_fits_is_journaled_with_its_draft_before_the_post_and_sent(
    ax: StubAx, journal: OrderJournal
) -> None:
    order = StubOrder()
    code = new_channel_order_code()
    announced: list[tuple[JournalState | None, str | None]] = []

    result = submission_for(ax, journal).send(
        order,
        code,
        on_sending=lambda: announced.append(
            (journal.state_of(code), journal.load_draft(DRAFT_KEY))
        ),
    )

    assert isinstance(result.outcome, Sent)
    assert result.code == result.outcome.code == code
    assert result.outcome.detail is not None
    assert result.outcome.detail.state is JournalState.SENT
    assert [line.product_name for line in result.outcome.detail.lines] == ["Night tour"]
    # Each (product, day) read once, for that day only; the order checked against those seats.
    assert ax.inventory_reads == [("P1", DAY, DAY), ("P2", DAY, DAY)]
    assert order.seen == [result.inventories]
    assert set(result.inventories) == set(KEYS)
    # "Sending…" is said before anything is written; at the POST both draft and journal have it.
    assert announced == [(None, None)]
    assert ax.seen_at_post == [(JournalState.SENDING, order.draft(code))]
    assert ax.posts == [code]


def test_seats_that_cannot_be_read_stop_the_order_before_anything_is_written(
    ax: StubAx, journal: OrderJournal
) -> None:
    ax.inventory_fault = AxNetworkError("AX could not be reached.", request_sent=False)
    announced: list[str] = []

    result = submission_for(ax, journal).send(
        StubOrder(), "o1", on_sending=lambda: announced.append("sending")
    )

    assert isinstance(result.outcome, SeatsNotRead)
    assert result.outcome.error is ax.inventory_fault
    assert result.inventories == {}
    assert (announced, ax.posts, journal.list_orders(), journal.load_draft(DRAFT_KEY)) == (
        [],
        [],
        [],
        None,
    )


def test_seats_taken_meanwhile_come_back_as_the_forms_own_problems_and_nothing_is_sent(
    ax: StubAx, journal: OrderJournal
) -> None:
    result = submission_for(ax, journal).send(StubOrder(problems=["line 1: sold out"]), "o1")

    assert result.outcome == SeatsChanged(("line 1: sold out",))
    assert set(result.inventories) == set(KEYS)
    assert (ax.posts, journal.list_orders(), journal.load_draft(DRAFT_KEY)) == ([], [], None)


def test_a_request_that_cannot_be_made_is_not_sent_and_leaves_the_draft_alone(
    ax: StubAx, journal: OrderJournal
) -> None:
    refusal = OrderInputError("Line 1's option has no channel product mapping code.")

    result = submission_for(ax, journal).send(StubOrder(refuse=refusal), "o1")

    assert result.outcome == NotSent(refusal, draft_named_it=False)
    assert set(result.inventories) == set(KEYS)
    assert (ax.posts, journal.list_orders(), journal.load_draft(DRAFT_KEY)) == ([], [], None)


def test_a_request_made_under_another_code_is_never_sent(ax: StubAx, journal: OrderJournal) -> None:
    result = submission_for(ax, journal).send(StubOrder(other_code="someone-else"), "o1")

    assert isinstance(result.outcome, NotSent)
    assert "o1" in str(result.outcome.error)
    assert (ax.posts, journal.list_orders()) == ([], [])


def test_a_refusal_from_ax_is_rejected_with_its_field_messages(
    ax: StubAx, journal: OrderJournal
) -> None:
    ax.create_faults.append("reject")

    result = submission_for(ax, journal).send(StubOrder(), "o1")

    assert isinstance(result.outcome, Rejected)
    assert result.outcome.outcome.errors == ("depth_combinations[0].tickets[0].email: bad email",)
    assert result.outcome.detail is not None
    assert result.outcome.detail.state is JournalState.REJECTED
    assert journal.state_of("o1") is JournalState.REJECTED


def test_a_lost_answer_is_settled_on_the_spot_under_the_same_code(
    ax: StubAx, journal: OrderJournal
) -> None:
    ax.create_faults.append("drop")
    submission = submission_for(ax, journal, retry_delays=(0.0,), same_order_on_repeat=True)

    result = submission.send(StubOrder(), "o1")

    assert isinstance(result.outcome, Sent)
    assert ax.posts == ["o1", "o1"]
    assert journal.state_of("o1") is JournalState.SENT


def test_a_lost_answer_on_an_ax_not_known_to_deduplicate_is_not_sent_again_while_it_may_land(
    ax: StubAx, journal: OrderJournal
) -> None:
    ax.create_faults.append("drop")

    result = submission_for(ax, journal, retry_delays=(0.0,)).send(StubOrder(), "o1")

    assert isinstance(result.outcome, Unknown)
    assert result.outcome.outcome.may_still_land
    assert result.outcome.outcome.settle_by is not None
    assert "may still reach AX" in result.outcome.outcome.message
    assert ax.posts == ["o1"]
    assert journal.state_of("o1") is JournalState.UNKNOWN


def test_a_lost_answer_not_settled_yet_is_unknown_with_the_reconcilers_sentence(
    ax: StubAx, journal: OrderJournal
) -> None:
    ax.create_faults.append("drop")

    result = submission_for(ax, journal).send(StubOrder(), "o1")

    assert isinstance(result.outcome, Unknown)
    assert result.outcome.error is None
    assert "will not be placed twice" in result.outcome.outcome.message
    assert journal.state_of("o1") is JournalState.UNKNOWN


def test_a_fault_after_the_journal_kept_the_order_leaves_it_unknown_never_not_sent(
    ax: StubAx, journal: OrderJournal
) -> None:
    ax.create_faults.append("bug")

    result = submission_for(ax, journal).send(StubOrder(), "o1")

    assert isinstance(result.outcome, Unknown)
    assert result.outcome.code == "o1"
    assert isinstance(result.outcome.error, RuntimeError)
    assert result.outcome.outcome.state is JournalState.SENDING
    assert journal.state_of("o1") is JournalState.SENDING


def test_a_fault_before_the_journal_is_not_sent_and_asks_for_the_draft_again(
    ax: StubAx, journal: OrderJournal
) -> None:
    result = submission_for(ax, journal).send(StubOrder(broken_draft=True), "o1")

    assert isinstance(result.outcome, NotSent)
    assert result.outcome.draft_named_it
    assert isinstance(result.outcome.error, RuntimeError)
    assert (ax.posts, journal.list_orders()) == ([], [])


def test_no_client_means_the_seats_could_not_be_read(journal: OrderJournal) -> None:
    def no_client() -> StubAx:
        raise AxError("Not connected to AX.")

    reconciler = Reconciler(no_client, journal)
    submission = OrderSubmission(no_client, journal, reconciler, draft_key=DRAFT_KEY)

    result = submission.send(StubOrder(), "o1")

    assert isinstance(result.outcome, SeatsNotRead)
    assert str(result.outcome.error) == "Not connected to AX."
    assert journal.list_orders() == []


def test_check_again_settles_an_unknown_order_and_gives_back_the_journaled_order(
    ax: StubAx, journal: OrderJournal
) -> None:
    ax.create_faults.append("drop")
    submission = submission_for(ax, journal, same_order_on_repeat=True)
    assert isinstance(submission.send(StubOrder(), "o1").outcome, Unknown)

    again = submission.check_again("o1")

    assert isinstance(again, Sent)
    assert again.detail is not None
    assert again.detail.state is JournalState.SENT
    assert ax.posts == ["o1", "o1"]


def test_check_again_on_an_order_the_journal_does_not_have_is_not_sent(
    ax: StubAx, journal: OrderJournal
) -> None:
    again = submission_for(ax, journal).check_again("never-journaled")

    assert isinstance(again, NotSent)
    assert "not in the journal" in str(again.error)
    assert ax.posts == []


def test_pending_orders_are_settled_each_with_its_journaled_order(
    ax: StubAx, journal: OrderJournal
) -> None:
    for code in ("p1", "p2"):
        journal.record_sending(make_request(code=code), endpoint=ENDPOINT)
    ax.create_faults.append("reject")

    settled = submission_for(ax, journal).settle_pending()

    assert [(type(s), s.code) for s in settled] == [(Rejected, "p1"), (Sent, "p2")]
    assert [s.detail.state if s.detail else None for s in settled] == [
        JournalState.REJECTED,
        JournalState.SENT,
    ]


def test_a_draft_written_before_the_send_cannot_land_over_the_one_naming_the_order(
    ax: StubAx, journal: OrderJournal
) -> None:
    journal.save_draft(DRAFT_KEY, '{"comment": "typed"}', revision=4)
    submission_for(ax, journal).send(StubOrder(), "o1", draft_revision=5)
    assert not journal.save_draft(DRAFT_KEY, '{"comment": "typed, late"}', revision=4)
    assert journal.load_draft(DRAFT_KEY) == '{"submitted_code": "o1"}'
