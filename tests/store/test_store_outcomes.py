"""OutcomeRecorder: each kind of outcome written to the journal, with when to ask again."""

from __future__ import annotations

import datetime as dt

from store_helpers import ENDPOINT, FakeClock, make_request

from axdesk.api import AxNetworkError, AxRejectedError, OrderStatusInfo
from axdesk.store.journal import OrderJournal
from axdesk.store.journal_queries import JournalState, ProblemKind
from axdesk.store.outcomes import NO_ANSWER_RECHECK_SECONDS, RECHECK_SECONDS, OutcomeRecorder

WINDOW = dt.timedelta(seconds=150)


def recorder_for(journal: OrderJournal, clock: FakeClock) -> OutcomeRecorder:
    journal.record_sending(make_request(code="o1"), endpoint=ENDPOINT)
    return OutcomeRecorder(journal, clock, WINDOW)


def test_an_order_that_may_still_land_is_asked_about_again_but_never_after_its_window(
    journal: OrderJournal, clock: FakeClock
) -> None:
    record = recorder_for(journal, clock)
    sent_at = clock.now
    early = record.may_still_land_not_listed("o1", sent_at)
    assert early.check_again_at == clock.now + dt.timedelta(seconds=RECHECK_SECONDS)
    assert early.settle_by == sent_at + WINDOW
    clock.advance(145)
    late = record.may_still_land_after_refusal(
        "o1", AxRejectedError("AX refused the request (HTTP 400): sold out", status=400), sent_at
    )
    assert late.check_again_at == sent_at + WINDOW  # the last look is when the window ends
    assert late.may_still_land
    order = journal.get_order("o1")
    assert order is not None
    assert (order.state, order.problem_kind) == (JournalState.UNKNOWN, ProblemKind.MAY_STILL_LAND)
    assert order.problem == late.message
    assert "sold out" in late.message


def test_no_answer_is_asked_about_again_later_and_cannot_ask_is_left_to_the_operator(
    journal: OrderJournal, clock: FakeClock
) -> None:
    record = recorder_for(journal, clock)
    error = AxNetworkError("The connection to AX dropped.", request_sent=True)
    outcome = record.no_answer("o1", error, "The connection to AX dropped.")
    assert outcome.check_again_at == clock.now + dt.timedelta(seconds=NO_ANSWER_RECHECK_SECONDS)
    assert outcome.kind is ProblemKind.NO_ANSWER
    stuck = record.cannot_ask("o1")
    assert stuck.cannot_ask
    assert stuck.check_again_at is None
    assert "channel order code o1" in stuck.message


def test_made_without_ticket_codes_is_a_made_order_with_its_note(
    journal: OrderJournal, clock: FakeClock
) -> None:
    record = recorder_for(journal, clock)
    infos = [OrderStatusInfo(channel_order_code="o1", ax_order_code="ax-1", status=1)]
    outcome = record.known_without_tickets("o1", infos, "No ticket codes here.")
    assert outcome.is_sent
    assert outcome.kind is ProblemKind.TICKETS_UNKNOWN
    assert record.as_it_stands("o1").kind is ProblemKind.TICKETS_UNKNOWN
