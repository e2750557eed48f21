"""cancel_one / cancel_each with a stub AX and a real journal: one server only, safe repeats."""

from __future__ import annotations

import pytest
from store_helpers import ENDPOINT, OTHER_ENDPOINT, created_for, make_request, traveler

from axdesk.api import (
    AxError,
    AxNetworkError,
    AxRejectedError,
    CancelledTicket,
    OrderStatus,
    TicketStatus,
)
from axdesk.store.cancel import CancelOutcome, CancelTarget, cancel_each, cancel_one
from axdesk.store.db import Database
from axdesk.store.endpoints import OtherEndpointError, UnrecordedEndpointError
from axdesk.store.journal import OrderJournal


class StubAx:
    """Cancel Ticket as AX answers it: idempotent, with queued faults per call.

    Faults: ``drop`` (AX cancels the ticket, the answer is lost), ``refuse`` (a
    400 naming the reason). A used ticket is refused like AX refuses it.
    """

    def __init__(self, base_url: str = ENDPOINT) -> None:
        self.base_url = base_url
        self.tickets: dict[str, TicketStatus] = {}
        self.orders: dict[str, tuple[str, str]] = {}
        """ticket code -> (channel order code, AX order code)"""
        self.faults: list[str | None] = []
        self.sent: list[tuple[str, str, str | None]] = []

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
        self.sent.append((ax_order_code, ticket_code, comment))
        fault = self.faults.pop(0) if self.faults else None
        if fault == "refuse":
            raise AxRejectedError("AX refused the request (HTTP 400): nope", status=400)
        if self.tickets[ticket_code] is TicketStatus.USED:
            raise AxRejectedError("AX refused the request (HTTP 400): ticket used", status=400)
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
    ax.faults.append("drop")
    with pytest.raises(AxError) as lost:
        cancel_one(ax, journal, target, None)
    assert lost.value.outcome_unknown
    assert ticket_statuses(journal, "o1") == [TicketStatus.NEW], "no answer, nothing recorded"

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
        CancelOutcome(targets[1], False, "AX refused the request (HTTP 400): ticket used"),
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
    # AX did cancel the second ticket; its answer never came, so the journal does not say so.
    assert ticket_statuses(journal, "o1") == [TicketStatus.TRAVELER_CANCELED, TicketStatus.NEW]


def test_cancel_each_does_not_repeat_a_refusal(journal: OrderJournal) -> None:
    ax = StubAx()
    target = ax.serve(journal, "o1", 1)[0]
    ax.faults.append("refuse")

    outcomes = cancel_each(ax, journal, [target], None)

    assert len(ax.sent) == 1
    assert outcomes == [CancelOutcome(target, False, "AX refused the request (HTTP 400): nope")]
