"""Departures from the journal: the orders of a day grouped by time and option, and the
cancel of one departure's ticket, each result honest (cancelled, refused, unknown)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from store_helpers import ENDPOINT, USE_AT, created_for, make_request, traveler

from axdesk.api import (
    AxNetworkError,
    AxRejectedError,
    CancelledTicket,
    OrderStatus,
    TicketStatus,
)
from axdesk.store.departures import (
    CancelResult,
    DepartureKey,
    cancel_departure_ticket,
    cancel_target,
    read_departures,
)
from axdesk.store.journal import OrderJournal

SEOUL = ZoneInfo("Asia/Seoul")
LATER = USE_AT + dt.timedelta(hours=3)


def _sent(journal: OrderJournal, code: str, *lines: tuple[str, list[str], dt.datetime]) -> None:
    request = make_request(
        *((dc, [traveler(name) for name in names], at) for dc, names, at in lines), code=code
    )
    journal.record_sending(request, endpoint=ENDPOINT)
    journal.mark_sent(code, created_for(request, prefix=code))


def test_the_days_orders_are_grouped_by_time_and_option(journal: OrderJournal) -> None:
    _sent(
        journal, "one", ("dc-adult", ["김민준", "이서연"], USE_AT), ("dc-child", ["박지훈"], USE_AT)
    )
    _sent(journal, "two", ("dc-adult", ["Park Jisoo"], USE_AT))
    _sent(journal, "late", ("dc-adult", ["Lee Minho"], LATER))
    _sent(journal, "tomorrow", ("dc-adult", ["Kim Soo"], USE_AT + dt.timedelta(days=1)))
    journal.record_sending(make_request(code="refused", use_at=USE_AT), endpoint=ENDPOINT)
    journal.mark_rejected("refused", "AX refused the order.")
    journal.record_sending(make_request(code="pending", use_at=USE_AT), endpoint=ENDPOINT)

    day = USE_AT.astimezone(SEOUL).date()
    departures = read_departures(journal, day, SEOUL, page=2)  # several pages
    assert [(d.key, len(d.travelers)) for d in departures] == [
        (DepartureKey(USE_AT, "dc-adult"), 4),
        (DepartureKey(USE_AT, "dc-child"), 1),
        (DepartureKey(LATER, "dc-adult"), 1),
    ]
    first = departures[0]
    assert [t.ticket.name for t in first.travelers] == ["김민준", "이서연", "Park Jisoo", "김민수"]
    assert first.order_codes == ("one", "two", "pending")
    assert first.unsettled_order_codes == ("pending",)  # its tickets are not issued yet
    assert len(first.live_travelers) == 3
    assert [cancel_target(t, SEOUL) is not None for t in first.travelers] == [
        True,
        True,
        True,
        False,
    ]


class StubAx:
    """Cancel Ticket at a stub AX: each call takes the next scripted answer."""

    base_url = ENDPOINT

    def __init__(self, *answers: str) -> None:
        self.answers = list(answers)
        self.sent: list[str] = []

    def cancel_ticket(
        self, ax_order_code: str, ticket_code: str, comment: str | None = None
    ) -> CancelledTicket:
        self.sent.append(ticket_code)
        answer = self.answers.pop(0)
        if answer == "used":
            raise AxRejectedError("AX refused the request (HTTP 400): ticket used", status=400)
        if answer == "lost":
            raise AxNetworkError("The connection to AX dropped.", request_sent=True)
        return CancelledTicket(
            channel_order_code=ticket_code.split("-")[0],
            ax_order_code=ax_order_code,
            ax_order_status=OrderStatus.NEW,
            ax_ticket_code=ticket_code,
            ax_ticket_status=TicketStatus.TRAVELER_CANCELED,
        )


def test_each_ticket_says_cancelled_refused_or_unknown(journal: OrderJournal) -> None:
    _sent(journal, "one", ("dc-adult", ["김민준", "이서연", "박지훈", "Kim Soo"], USE_AT))
    departure = read_departures(journal, USE_AT.astimezone(SEOUL).date(), SEOUL)[0]
    targets = [cancel_target(t, SEOUL) for t in departure.travelers]
    assert all(target is not None for target in targets)
    stub = StubAx("ok", "used", "lost", "ok", "lost", "lost")
    outcomes = [
        cancel_departure_ticket(stub, journal, target, "태풍")
        for target in targets
        if target is not None
    ]
    assert [o.result for o in outcomes] == [
        CancelResult.CANCELLED,
        CancelResult.FAILED,
        CancelResult.CANCELLED,  # the lost answer was sent once more and answered
        CancelResult.UNKNOWN,  # lost twice: AX may have cancelled it
    ]
    assert outcomes[0].status is TicketStatus.TRAVELER_CANCELED
    assert isinstance(outcomes[1].error, AxRejectedError)
    assert isinstance(outcomes[3].error, AxNetworkError)
    assert len(stub.sent) == 6
    detail = journal.get_order("one")
    assert detail is not None
    assert [t.status for t in detail.tickets] == [
        TicketStatus.TRAVELER_CANCELED,
        TicketStatus.NEW,
        TicketStatus.TRAVELER_CANCELED,
        TicketStatus.NEW,
    ]
