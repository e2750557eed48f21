"""Live sync's steps with a stub AX and a real journal: what is recorded, what is reported."""

from __future__ import annotations

import datetime as dt

from store_helpers import ENDPOINT, created_for, make_request, traveler

from axdesk.api import (
    AxRejectedError,
    AxServerError,
    CancelledTicket,
    OrderStatus,
    OrderStatusInfo,
    TicketStatus,
)
from axdesk.store.cancel import CancelResent
from axdesk.store.db import Database
from axdesk.store.journal import OrderJournal
from axdesk.store.journal_cancels import CancelState
from axdesk.store.journal_queries import AxOrderRef
from axdesk.store.sync import (
    PollResult,
    SyncChange,
    ask_one,
    poll_one,
    record_answers,
    work_through,
)


class StubGetConfirm:
    """Answers Get Confirm with whatever the test put in ``answers`` for the code asked."""

    def __init__(self) -> None:
        self.answers: dict[str, list[OrderStatusInfo]] = {}
        self.asked: list[str] = []

    def get_order_status(self, order_code: str) -> list[OrderStatusInfo]:
        self.asked.append(order_code)
        return self.answers.get(order_code, [])


def sent(journal: OrderJournal, code: str, lines: int = 1) -> list[str]:
    """Journal an order of ``lines`` options as sent to ENDPOINT; its AX order codes."""
    request = make_request(*((f"dc-{n}", [traveler()]) for n in range(lines)), code=code)
    created = created_for(request)
    journal.record_sending(request, endpoint=ENDPOINT)
    journal.mark_sent(code, created)
    return [line.ax_order_code for line in created.depth_combinations]


def ref_of(journal: OrderJournal, ax_order_code: str) -> AxOrderRef:
    return next(
        ref for ref in journal.non_final_ax_orders(ENDPOINT) if ref.ax_order_code == ax_order_code
    )


def info(
    channel: str, ax_code: str, status: OrderStatus, comment: str | None = None
) -> OrderStatusInfo:
    return OrderStatusInfo(
        channel_order_code=channel, ax_order_code=ax_code, status=status, comment=comment
    )


def ax_order(
    journal: OrderJournal, channel: str, ax_code: str
) -> tuple[OrderStatus | None, dt.datetime | None]:
    detail = journal.get_order(channel)
    assert detail is not None
    found = next(ax for ax in detail.ax_orders if ax.ax_order_code == ax_code)
    return found.status, found.checked_at


def test_a_changed_status_is_recorded_and_reported(journal: OrderJournal) -> None:
    (code,) = sent(journal, "o1")
    ref = ref_of(journal, code)
    ax = StubGetConfirm()
    ax.answers[code] = [info("o1", code, OrderStatus.SUPPLIER_REJECT, "만석")]

    result = poll_one(ax, journal, ref)

    assert ax.asked == [code]
    assert result == PollResult(
        ref, (SyncChange("o1", code, OrderStatus.NEW, OrderStatus.SUPPLIER_REJECT, "만석"),)
    )
    status, checked_at = ax_order(journal, "o1", code)
    assert status is OrderStatus.SUPPLIER_REJECT
    assert checked_at is not None
    detail = journal.get_order("o1")
    assert detail is not None
    last = detail.ax_orders[0].history[-1]
    assert (last.from_status, last.to_status, last.comment) == (
        OrderStatus.NEW,
        OrderStatus.SUPPLIER_REJECT,
        "만석",
    )


def test_the_same_status_again_reports_nothing_but_moves_the_check_time(
    journal: OrderJournal,
) -> None:
    (code,) = sent(journal, "o1")
    ax = StubGetConfirm()
    ax.answers[code] = [info("o1", code, OrderStatus.NEW)]
    before = dt.datetime.now(dt.UTC)

    result = poll_one(ax, journal, ref_of(journal, code))

    assert result.changes == ()
    status, checked_at = ax_order(journal, "o1", code)
    assert status is OrderStatus.NEW
    assert checked_at is not None
    assert checked_at >= before.replace(microsecond=0)


def test_an_answer_without_the_asked_order_still_marks_it_checked(
    journal: OrderJournal,
) -> None:
    first, second = (sent(journal, name)[0] for name in ("o1", "o2"))
    assert [ref.ax_order_code for ref in journal.non_final_ax_orders(ENDPOINT)] == [first, second]

    result = poll_one(StubGetConfirm(), journal, ref_of(journal, first))

    assert result.changes == ()
    assert ax_order(journal, "o1", first)[1] is not None
    # Asked about, so it goes to the back of the queue.
    assert [ref.ax_order_code for ref in journal.non_final_ax_orders(ENDPOINT)] == [second, first]


def test_every_journaled_ax_order_in_the_answer_is_recorded(journal: OrderJournal) -> None:
    asked, sibling = sent(journal, "o1", lines=2)
    ax = StubGetConfirm()
    ax.answers[asked] = [
        info("o1", asked, OrderStatus.SUPPLIER_CONFIRM),
        # AX named the channel order only by its AX order: the asked order's is kept.
        info("", sibling, OrderStatus.SUPPLIER_PENDING),
        info("elsewhere", "ax-not-journaled", OrderStatus.SUPPLIER_CONFIRM),
    ]

    result = poll_one(ax, journal, ref_of(journal, asked))

    assert result.changes == (
        SyncChange("o1", asked, OrderStatus.NEW, OrderStatus.SUPPLIER_CONFIRM, None),
        # Only the asked order's old status is known to the poller.
        SyncChange("o1", sibling, None, OrderStatus.SUPPLIER_PENDING, None),
    )
    assert ax_order(journal, "o1", sibling)[0] is OrderStatus.SUPPLIER_PENDING
    assert journal.state_of("elsewhere") is None


# -- a batch of answers, and the cancels live sync settles ------------------------------


def test_a_batch_of_answers_is_one_transaction(journal: OrderJournal, db: Database) -> None:
    codes = [sent(journal, f"o{n}")[0] for n in range(25)]
    refs = journal.non_final_ax_orders(ENDPOINT)
    ax = StubGetConfirm()
    for n, code in enumerate(codes):
        ax.answers[code] = [info(f"o{n}", code, OrderStatus.SUPPLIER_CONFIRM)]
    answers = [ask_one(ax, ref) for ref in refs]
    statements: list[str] = []
    db.set_trace_callback(statements.append)

    recorded = record_answers(journal, answers)

    db.set_trace_callback(None)
    assert statements.count("COMMIT") == 1
    assert len(recorded.changes) == 25
    assert sorted(recorded.checked) == sorted(f"o{n}" for n in range(25))
    assert journal.non_final_ax_orders(ENDPOINT) == []


def test_traveler_cancel_settles_the_orders_unsettled_cancels(journal: OrderJournal) -> None:
    request = make_request(("dc-0", [traveler("A"), traveler("B")]), code="o1")
    created = created_for(request)
    journal.record_sending(request, endpoint=ENDPOINT)
    journal.mark_sent("o1", created)
    ax_code = created.depth_combinations[0].ax_order_code
    first, second = (t.ax_ticket_code for t in created.depth_combinations[0].tickets)
    journal.begin_cancel(ax_code, first, None)  # sent, answer lost
    journal.mark_cancel_unknown(first, "lost")
    journal.release_cancel(first)
    journal.begin_cancel(ax_code, second, None)  # axdesk stopped while it was out
    journal.release_cancel(second)
    ax = StubGetConfirm()
    ax.answers[ax_code] = [info("o1", ax_code, OrderStatus.TRAVELER_CANCEL, "여행자 취소")]

    recorded = record_answers(journal, [ask_one(ax, ref_of(journal, ax_code))])

    assert {(c.ax_ticket_code, c.state) for c in recorded.cancels} == {
        (first, CancelState.DONE),
        (second, CancelState.DONE),
    }
    detail = journal.get_order("o1")
    assert detail is not None
    assert [t.status for t in detail.tickets] == [TicketStatus.TRAVELER_CANCELED] * 2
    assert journal.unsettled_cancels() == []


def test_resent_cancels_are_recorded_with_the_batch(journal: OrderJournal) -> None:
    request = make_request(("dc-0", [traveler("A"), traveler("B")]), code="o1")
    created = created_for(request)
    journal.record_sending(request, endpoint=ENDPOINT)
    journal.mark_sent("o1", created)
    ax_code = created.depth_combinations[0].ax_order_code
    done, used = (t.ax_ticket_code for t in created.depth_combinations[0].tickets)
    for ticket in (done, used):
        journal.begin_cancel(ax_code, ticket, "c")
        journal.mark_cancel_unknown(ticket, "lost")
        journal.release_cancel(ticket)
    pending = {p.ax_ticket_code: p for p in journal.unsettled_cancels(ENDPOINT)}
    answer = CancelledTicket(
        channel_order_code="o1",
        ax_order_code=ax_code,
        ax_order_status=OrderStatus.NEW,
        ax_ticket_code=done,
        ax_ticket_status=TicketStatus.TRAVELER_CANCELED,
    )
    refused = AxRejectedError("AX refused the request (HTTP 409): used", status=409)

    recorded = record_answers(
        journal,
        [],
        [CancelResent(pending[done], answer, None), CancelResent(pending[used], None, refused)],
    )

    assert [(c.ax_ticket_code, c.state) for c in recorded.cancels] == [
        (done, CancelState.DONE),
        (used, CancelState.REFUSED),
    ]
    refused_cancel = journal.cancel_of(used)
    assert refused_cancel is not None
    assert refused_cancel.problem == "AX refused the request (HTTP 409): used"
    assert refused_cancel.attempts == 2


# -- one lane of a cycle ------------------------------------------------------------------


class FailingGetConfirm(StubGetConfirm):
    """Get Confirm that fails with ``error`` for one AX order code."""

    def __init__(self, failing: str, error: Exception) -> None:
        super().__init__()
        self.failing = failing
        self.error = error

    def get_order_status(self, order_code: str) -> list[OrderStatusInfo]:
        if order_code == self.failing:
            self.asked.append(order_code)
            raise self.error
        return super().get_order_status(order_code)

    base_url = ENDPOINT

    def cancel_ticket(
        self, ax_order_code: str, ticket_code: str, comment: str | None = None
    ) -> CancelledTicket:
        raise AssertionError("no cancel in this test")


def test_a_lane_stops_at_the_first_error_and_gives_back_the_rest(journal: OrderJournal) -> None:
    codes = [sent(journal, f"o{n}")[0] for n in range(5)]
    refs = {ref.ax_order_code: ref for ref in journal.non_final_ax_orders(ENDPOINT)}
    items = [refs[code] for code in codes]
    error = AxServerError("AX is temporarily unavailable (HTTP 503).", status=503)
    ax = FailingGetConfirm(codes[2], error)
    kept: list[object] = []

    end = work_through(ax, journal, items, kept.append, lambda: True)

    assert ax.asked == codes[:3]
    assert len(kept) == 2
    assert end.answered == 2
    assert end.failed == items[2]
    assert end.error is error
    assert end.rest == tuple(items[3:])


def test_a_lane_told_to_stop_sends_nothing_more(journal: OrderJournal) -> None:
    codes = [sent(journal, f"o{n}")[0] for n in range(4)]
    items = journal.non_final_ax_orders(ENDPOINT)
    ax = FailingGetConfirm("none", AxServerError("x", status=500))
    kept: list[object] = []

    end = work_through(ax, journal, items, kept.append, lambda: len(kept) < 2)

    assert len(ax.asked) == 2
    assert sorted(ax.asked) == sorted(ref.ax_order_code for ref in items[:2])
    assert end.rest == tuple(items[2:])
    assert end.failed is None
    assert set(codes) == {ref.ax_order_code for ref in items}
