"""cancel_one / cancel_each / settle_cancels with a stub AX and a real journal.

One server only, safe repeats, and the cancel journaled before the PATCH and
settled after (issue 11 §1).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

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
    AxError,
    AxNetworkError,
    AxRejectedError,
    AxServerError,
    CancelledTicket,
    OrderStatus,
    TicketStatus,
)
from axdesk.store.cancel import (
    CancelOutcome,
    CancelTarget,
    cancel_each,
    cancel_one,
    settle_cancels,
)
from axdesk.store.db import Database
from axdesk.store.endpoints import OtherEndpointError, UnrecordedEndpointError
from axdesk.store.journal import OrderJournal
from axdesk.store.journal_cancels import CancelState


class StubAx:
    """Cancel Ticket as AX answers it: idempotent, with queued faults per call.

    Faults: ``drop`` (AX cancels the ticket, the answer is lost), ``lost`` (a
    503: AX did nothing, but the client cannot know), ``offline`` (the
    connection could not be made: certainly not sent), ``refuse`` (a 400
    naming the reason). A used ticket is refused like AX refuses it (409).
    ``on_send`` runs as the PATCH leaves, before AX does anything.
    """

    def __init__(self, base_url: str = ENDPOINT) -> None:
        self.base_url = base_url
        self.tickets: dict[str, TicketStatus] = {}
        self.orders: dict[str, tuple[str, str]] = {}
        """ticket code -> (channel order code, AX order code)"""
        self.faults: list[str | None] = []
        self.sent: list[tuple[str, str, str | None]] = []
        self.on_send: Callable[[], None] | None = None

    def serve(self, journal: OrderJournal, code: str, travelers: int) -> list[CancelTarget]:
        """Journal and "create" an order of ``travelers`` tickets; its cancel targets."""
        request = make_request(
            ("dc-adult", [traveler(f"T{n}") for n in range(travelers)]), code=code
        )
        created = created_for(request)
        journal.record_sending(request, endpoint=self.base_url)
        journal.mark_sent(code, created)
        line = created.depth_combinations[0]
        targets = []
        for ticket in line.tickets:
            self.tickets[ticket.ax_ticket_code] = TicketStatus.NEW
            self.orders[ticket.ax_ticket_code] = (code, line.ax_order_code)
            targets.append(
                CancelTarget(code, line.ax_order_code, ticket.ax_ticket_code, "T", "", "", None)
            )
        return targets

    def cancel_ticket(
        self, ax_order_code: str, ticket_code: str, comment: str | None = None
    ) -> CancelledTicket:
        fault = self.faults.pop(0) if self.faults else None
        if fault == "offline":
            raise AxNetworkError("AX could not be reached.", request_sent=False)
        self.sent.append((ax_order_code, ticket_code, comment))
        if self.on_send is not None:
            self.on_send()
        if fault == "lost":
            raise AxServerError("AX had a problem (HTTP 503).", status=503)
        if fault == "refuse":
            raise AxRejectedError("AX refused the request (HTTP 400): nope", status=400)
        if self.tickets[ticket_code] is TicketStatus.USED:
            raise AxRejectedError("AX refused the request (HTTP 409): ticket used", status=409)
        self.tickets[ticket_code] = TicketStatus.TRAVELER_CANCELED
        if fault == "drop":
            raise AxNetworkError("The connection to AX dropped.", request_sent=True)
        channel_code, ax_code = self.orders[ticket_code]
        live = [
            code
            for code, status in self.tickets.items()
            if self.orders[code][1] == ax_code and status is TicketStatus.NEW
        ]
        return CancelledTicket(
            channel_order_code=channel_code,
            ax_order_code=ax_code,
            ax_order_status=OrderStatus.NEW if live else OrderStatus.TRAVELER_CANCEL,
            ax_ticket_code=ticket_code,
            ax_ticket_status=TicketStatus.TRAVELER_CANCELED,
        )


def ticket_statuses(journal: OrderJournal, code: str) -> list[TicketStatus | None]:
    detail = journal.get_order(code)
    assert detail is not None
    return [ticket.status for ticket in detail.tickets]


def test_cancel_one_sends_the_cancel_and_records_the_answer(journal: OrderJournal) -> None:
    ax = StubAx()
    targets = ax.serve(journal, "o1", 2)

    result = cancel_one(ax, journal, targets[1], "고객 요청")

    assert ax.sent == [(targets[1].ax_order_code, targets[1].ticket_code, "고객 요청")]
    assert result.ax_ticket_status is TicketStatus.TRAVELER_CANCELED
    assert ticket_statuses(journal, "o1") == [TicketStatus.NEW, TicketStatus.TRAVELER_CANCELED]
    detail = journal.get_order("o1")
    assert detail is not None
    assert detail.ax_orders[0].status is OrderStatus.NEW


def test_cancel_one_again_after_a_lost_answer_changes_nothing_further(
    journal: OrderJournal,
) -> None:
    ax = StubAx()
    target = ax.serve(journal, "o1", 1)[0]
    ax.faults.extend(["drop", "drop"])
    with pytest.raises(AxError) as lost:
        cancel_one(ax, journal, target, None)
    assert lost.value.outcome_unknown
    assert ticket_statuses(journal, "o1") == [TicketStatus.NEW], "no answer, no new status"

    cancel_one(ax, journal, target, None)
    before = journal.get_order("o1")
    cancel_one(ax, journal, target, None)

    assert ticket_statuses(journal, "o1") == [TicketStatus.TRAVELER_CANCELED]
    after = journal.get_order("o1")
    assert before is not None
    assert after is not None
    assert after.ax_orders[0].status is OrderStatus.TRAVELER_CANCEL
    assert after.ax_orders[0].history == before.ax_orders[0].history


def test_cancel_one_is_refused_for_an_order_of_another_server(journal: OrderJournal) -> None:
    production = StubAx(OTHER_ENDPOINT)
    target = production.serve(journal, "prod-1", 1)[0]
    test_server = StubAx(ENDPOINT)

    with pytest.raises(OtherEndpointError) as refused:
        cancel_one(test_server, journal, target, None)

    assert isinstance(refused.value, AxError)
    assert str(refused.value) == (
        f"This order was sent to {OTHER_ENDPOINT}; connect to that server to check it."
    )
    assert test_server.sent == []
    assert ticket_statuses(journal, "prod-1") == [TicketStatus.NEW]


def test_cancel_one_is_refused_when_the_server_was_not_recorded(
    journal: OrderJournal, db: Database
) -> None:
    ax = StubAx()
    target = ax.serve(journal, "legacy", 1)[0]
    db.execute("UPDATE channel_order SET endpoint = NULL WHERE channel_order_code = 'legacy'")

    with pytest.raises(UnrecordedEndpointError):
        cancel_one(ax, journal, target, None)
    assert ax.sent == []


def test_cancel_each_reports_per_ticket_and_one_failure_stops_nothing(
    journal: OrderJournal,
) -> None:
    ax = StubAx()
    targets = ax.serve(journal, "o1", 3)
    ax.tickets[targets[1].ticket_code] = TicketStatus.USED

    outcomes = cancel_each(ax, journal, targets, "all")

    assert outcomes == [
        CancelOutcome(targets[0], True, "Traveler canceled"),
        CancelOutcome(targets[1], False, "AX refused the request (HTTP 409): ticket used"),
        CancelOutcome(targets[2], True, "Traveler canceled"),
    ]
    assert [ticket for _order, ticket, _comment in ax.sent] == [t.ticket_code for t in targets]
    assert ticket_statuses(journal, "o1") == [
        TicketStatus.TRAVELER_CANCELED,
        TicketStatus.NEW,
        TicketStatus.TRAVELER_CANCELED,
    ]


def test_cancel_each_sends_a_lost_cancel_once_more_and_no_more(journal: OrderJournal) -> None:
    ax = StubAx()
    first, second = ax.serve(journal, "o1", 2)
    ax.faults.extend(["drop", None, "drop", "drop"])

    outcomes = cancel_each(ax, journal, [first, second], None)

    assert [ticket for _order, ticket, _comment in ax.sent] == [
        first.ticket_code,
        first.ticket_code,
        second.ticket_code,
        second.ticket_code,
    ]
    assert [(outcome.succeeded, outcome.detail) for outcome in outcomes] == [
        (True, "Traveler canceled"),
        (False, "The connection to AX dropped."),
    ]
    assert [outcome.unknown for outcome in outcomes] == [False, True]
    # AX did cancel the second ticket; its answer never came, so the journal does not say so:
    # its status is still AX's last word (New) and its cancel is unsettled, to be settled later.
    assert ticket_statuses(journal, "o1") == [TicketStatus.TRAVELER_CANCELED, TicketStatus.NEW]
    cancel = journal.cancel_of(second.ticket_code)
    assert cancel is not None
    assert cancel.state is CancelState.UNKNOWN


def test_cancel_each_does_not_repeat_a_refusal(journal: OrderJournal) -> None:
    ax = StubAx()
    target = ax.serve(journal, "o1", 1)[0]
    ax.faults.append("refuse")

    outcomes = cancel_each(ax, journal, [target], None)

    assert len(ax.sent) == 1
    assert outcomes == [CancelOutcome(target, False, "AX refused the request (HTTP 400): nope")]


# -- the cancel is journaled before the PATCH and settled after (issue 11 §1) ---------------


def committed_cancel_state(other: Any, ticket_code: str) -> str | None:
    """The cancel's state as another connection sees it: only what was committed."""
    row = other.execute(
        "SELECT state FROM ticket_cancel WHERE ax_ticket_code = ?", (ticket_code,)
    ).fetchone()
    return None if row is None else str(row[0])


def test_the_cancel_is_committed_as_cancelling_before_the_patch(
    journal: OrderJournal, second_connection: Callable[[], Any]
) -> None:
    other = second_connection()
    ax = StubAx()
    target = ax.serve(journal, "o1", 1)[0]
    seen: list[str | None] = []
    ax.on_send = lambda: seen.append(committed_cancel_state(other, target.ticket_code))

    cancel_one(ax, journal, target, "고객 요청")

    assert seen == ["cancelling"], "the intent was not committed before the PATCH went out"
    cancel = journal.cancel_of(target.ticket_code)
    assert cancel is not None
    assert cancel.state is CancelState.DONE
    assert cancel.comment == "고객 요청"
    assert cancel.settled_at is not None
    assert committed_cancel_state(other, target.ticket_code) == "done"


def test_a_cancel_whose_answers_are_lost_stays_unknown_never_failed(
    journal: OrderJournal,
) -> None:
    ax = StubAx()
    target = ax.serve(journal, "o1", 1)[0]
    ax.faults.extend(["lost", "lost"])

    with pytest.raises(AxError) as lost:
        cancel_one(ax, journal, target, None)

    assert lost.value.outcome_unknown
    assert len(ax.sent) == 2, "a lost answer is settled on the spot with one more, safe, PATCH"
    cancel = journal.cancel_of(target.ticket_code)
    assert cancel is not None
    assert cancel.state is CancelState.UNKNOWN
    assert not cancel.state.is_settled
    assert cancel.attempts == 2
    detail = journal.get_order("o1")
    assert detail is not None
    ticket = detail.tickets[0]
    assert ticket.status is TicketStatus.NEW, "AX's last word about the ticket is still New"
    assert ticket.cancel is not None
    assert ticket.cancel.state is CancelState.UNKNOWN


def test_a_lost_answer_is_settled_on_the_spot(journal: OrderJournal) -> None:
    ax = StubAx()
    target = ax.serve(journal, "o1", 1)[0]
    ax.faults.append("drop")  # AX cancels it, the answer is lost

    result = cancel_one(ax, journal, target, "다시")

    assert result.ax_ticket_status is TicketStatus.TRAVELER_CANCELED
    assert [comment for _order, _ticket, comment in ax.sent] == ["다시", "다시"]
    cancel = journal.cancel_of(target.ticket_code)
    assert cancel is not None
    assert cancel.state is CancelState.DONE
    assert ticket_statuses(journal, "o1") == [TicketStatus.TRAVELER_CANCELED]


def test_a_refusal_is_settled_as_refused_with_ax_sentence(journal: OrderJournal) -> None:
    ax = StubAx()
    target = ax.serve(journal, "o1", 1)[0]
    ax.tickets[target.ticket_code] = TicketStatus.USED

    with pytest.raises(AxRejectedError):
        cancel_one(ax, journal, target, None)

    assert len(ax.sent) == 1, "a refusal is AX's answer: it is not sent again"
    cancel = journal.cancel_of(target.ticket_code)
    assert cancel is not None
    assert cancel.state is CancelState.REFUSED
    assert cancel.problem == "AX refused the request (HTTP 409): ticket used"
    assert journal.unsettled_cancels(ENDPOINT) == []


def test_a_cancel_that_certainly_never_reached_ax_is_withdrawn(journal: OrderJournal) -> None:
    ax = StubAx()
    target = ax.serve(journal, "o1", 1)[0]
    ax.faults.append("offline")

    with pytest.raises(AxNetworkError):
        cancel_one(ax, journal, target, None)

    assert journal.cancel_of(target.ticket_code) is None
    assert ticket_statuses(journal, "o1") == [TicketStatus.NEW]


def test_settle_cancels_resends_the_unsettled_ones_of_its_server_only(
    journal: OrderJournal,
) -> None:
    ax = StubAx()
    here = ax.serve(journal, "o1", 2)
    production = StubAx(OTHER_ENDPOINT)
    there = production.serve(journal, "prod-1", 1)[0]
    ax.faults.extend(["lost", "lost", "drop", "drop"])
    for target in here:
        with pytest.raises(AxError):
            cancel_one(ax, journal, target, "전화 취소")
    production.faults.extend(["lost", "lost"])
    with pytest.raises(AxError):
        cancel_one(production, journal, there, None)
    assert {c.ax_ticket_code for c in journal.unsettled_cancels()} == {
        here[0].ticket_code,
        here[1].ticket_code,
        there.ticket_code,
    }
    ax.sent.clear()

    settled = settle_cancels(ax, journal)

    assert sorted(ticket for _order, ticket, _comment in ax.sent) == sorted(
        t.ticket_code for t in here
    )
    assert {comment for _order, _ticket, comment in ax.sent} == {"전화 취소"}
    assert [(s.pending.ax_ticket_code, s.state) for s in settled] == [
        (here[0].ticket_code, CancelState.DONE),
        (here[1].ticket_code, CancelState.DONE),
    ]
    assert ticket_statuses(journal, "o1") == [TicketStatus.TRAVELER_CANCELED] * 2
    remaining = journal.unsettled_cancels()
    assert [c.ax_ticket_code for c in remaining] == [there.ticket_code]
    assert journal.unsettled_cancels(ENDPOINT) == []


def test_a_cancel_left_cancelling_by_a_crash_is_settled_at_the_next_start(
    journal: OrderJournal, db: Database, clock: FakeClock
) -> None:
    ax = StubAx()
    target = ax.serve(journal, "o1", 1)[0]

    def crash() -> None:
        raise KeyboardInterrupt  # stands for the process dying while the PATCH is out

    ax.on_send = crash
    with pytest.raises(KeyboardInterrupt):
        cancel_one(ax, journal, target, "crash")
    ax.on_send = None
    # The next start: a fresh journal on the same database.
    restarted = OrderJournal(db, clock=clock)
    pending = restarted.unsettled_cancels(ENDPOINT)
    assert [(p.ax_ticket_code, p.state, p.comment) for p in pending] == [
        (target.ticket_code, CancelState.CANCELLING, "crash")
    ]

    settle_cancels(ax, restarted)

    cancel = restarted.cancel_of(target.ticket_code)
    assert cancel is not None
    assert cancel.state is CancelState.DONE
    assert ticket_statuses(restarted, "o1") == [TicketStatus.TRAVELER_CANCELED]


def test_a_cancel_being_sent_here_is_not_listed_for_settling(journal: OrderJournal) -> None:
    ax = StubAx()
    target = ax.serve(journal, "o1", 1)[0]
    listed: list[list[str]] = []
    ax.on_send = lambda: listed.append(
        [p.ax_ticket_code for p in journal.unsettled_cancels(ENDPOINT)]
    )

    cancel_one(ax, journal, target, None)

    assert listed == [[]], "live sync would send it a second time while it is out"


def test_a_late_unknown_never_undoes_a_settled_cancel(journal: OrderJournal) -> None:
    ax = StubAx()
    target = ax.serve(journal, "o1", 1)[0]
    journal.begin_cancel(target.ax_order_code, target.ticket_code, None)
    result = ax.cancel_ticket(target.ax_order_code, target.ticket_code)
    journal.mark_cancel_done(target.ticket_code, result)

    journal.mark_cancel_unknown(target.ticket_code, "timed out")
    journal.mark_cancel_refused(target.ticket_code, "late refusal")

    cancel = journal.cancel_of(target.ticket_code)
    assert cancel is not None
    assert cancel.state is CancelState.DONE
