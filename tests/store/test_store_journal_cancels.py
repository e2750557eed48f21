"""The journal's cancel room: the states of a ticket's cancel, and migration 4."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from store_helpers import ENDPOINT, FakeClock, created_for, make_request, traveler

from axdesk.api import CancelledTicket, OrderStatus, TicketStatus
from axdesk.store.db import MIGRATIONS, open_database, schema_version, time_to_db
from axdesk.store.journal import OrderJournal
from axdesk.store.journal_base import UnknownOrderError
from axdesk.store.journal_cancels import CancelState


def order_of_two(journal: OrderJournal) -> tuple[str, str, str]:
    """An order of two travelers, sent; (AX order code, first ticket, second ticket)."""
    request = make_request(("dc-adult", [traveler("A"), traveler("B")]), code="o1")
    created = created_for(request)
    journal.record_sending(request, endpoint=ENDPOINT)
    journal.mark_sent("o1", created)
    line = created.depth_combinations[0]
    return line.ax_order_code, line.tickets[0].ax_ticket_code, line.tickets[1].ax_ticket_code


def answer(ax_order: str, ticket: str, status: TicketStatus) -> CancelledTicket:
    return CancelledTicket(
        channel_order_code="o1",
        ax_order_code=ax_order,
        ax_order_status=OrderStatus.NEW,
        ax_ticket_code=ticket,
        ax_ticket_status=status,
    )


def test_a_ticket_not_in_the_journal_cannot_be_cancelled(journal: OrderJournal) -> None:
    with pytest.raises(UnknownOrderError):
        journal.begin_cancel("ax-x", "ticket-x", None)
    assert journal.unsettled_cancels() == []


def test_a_resend_keeps_the_first_comment_and_counts_attempts(
    journal: OrderJournal, clock: FakeClock
) -> None:
    ax_order, ticket, _ = order_of_two(journal)
    first = journal.begin_cancel(ax_order, ticket, "고객 요청")
    assert first.previous is None
    journal.mark_cancel_unknown(ticket, "lost")
    journal.release_cancel(ticket)
    clock.advance(60)

    again = journal.begin_cancel(ax_order, ticket, "다른 말")

    assert again.comment == "고객 요청"
    assert again.may_have_landed_before
    cancel = journal.cancel_of(ticket)
    assert cancel is not None
    assert cancel.state is CancelState.CANCELLING
    assert cancel.attempts == 2
    assert cancel.last_attempt_at == clock.now
    journal.release_cancel(ticket)


def test_after_a_refusal_a_new_request_has_the_new_comment(journal: OrderJournal) -> None:
    ax_order, ticket, _ = order_of_two(journal)
    journal.begin_cancel(ax_order, ticket, "처음")
    journal.mark_cancel_refused(ticket, "AX refused the request (HTTP 409): used")
    journal.release_cancel(ticket)

    again = journal.begin_cancel(ax_order, ticket, "다시")

    assert again.comment == "다시"
    assert not again.may_have_landed_before
    journal.withdraw_cancel(again, "AX could not be reached.")
    cancel = journal.cancel_of(ticket)
    assert cancel is not None
    assert cancel.state is CancelState.REFUSED, "withdrawn: it stands as AX last answered"
    journal.release_cancel(ticket)


def test_a_withdrawn_resend_of_an_unsettled_cancel_stays_unknown(journal: OrderJournal) -> None:
    ax_order, ticket, _ = order_of_two(journal)
    journal.begin_cancel(ax_order, ticket, None)
    journal.mark_cancel_unknown(ticket, "lost")
    journal.release_cancel(ticket)
    again = journal.begin_cancel(ax_order, ticket, None)

    journal.withdraw_cancel(again, "AX could not be reached.")

    cancel = journal.cancel_of(ticket)
    assert cancel is not None
    assert cancel.state is CancelState.UNKNOWN
    assert cancel.problem == "AX could not be reached."
    journal.release_cancel(ticket)


def test_an_answer_that_leaves_the_ticket_live_is_a_refusal(journal: OrderJournal) -> None:
    ax_order, ticket, _ = order_of_two(journal)
    journal.begin_cancel(ax_order, ticket, None)

    journal.mark_cancel_done(ticket, answer(ax_order, ticket, TicketStatus.NEW))

    cancel = journal.cancel_of(ticket)
    assert cancel is not None
    assert cancel.state is CancelState.REFUSED
    assert cancel.problem == "AX answered the cancel, but the ticket is still New."
    journal.release_cancel(ticket)


def test_an_answer_about_another_ticket_leaves_the_cancel_unknown(journal: OrderJournal) -> None:
    ax_order, ticket, other = order_of_two(journal)
    journal.begin_cancel(ax_order, ticket, None)

    journal.mark_cancel_done(ticket, answer(ax_order, other, TicketStatus.TRAVELER_CANCELED))

    cancel = journal.cancel_of(ticket)
    assert cancel is not None
    assert cancel.state is CancelState.UNKNOWN
    assert journal.cancel_of(other) is None
    detail = journal.get_order("o1")
    assert detail is not None
    assert [t.status for t in detail.tickets] == [TicketStatus.NEW, TicketStatus.NEW]
    journal.release_cancel(ticket)


def test_claims_keep_a_cancel_out_of_the_unsettled_list_until_released(
    journal: OrderJournal,
) -> None:
    ax_order, ticket, _ = order_of_two(journal)
    journal.begin_cancel(ax_order, ticket, None)
    assert journal.unsettled_cancels() == []
    assert not journal.claim_cancel(ticket), "already claimed by begin_cancel"
    journal.release_cancel(ticket)  # begin_cancel's: the refused claim took nothing
    journal.release_cancel(ticket)  # one too many changes nothing

    pending = journal.unsettled_cancels(ENDPOINT)

    assert [(p.ax_ticket_code, p.traveler_name, p.channel_order_code) for p in pending] == [
        (ticket, "A", "o1")
    ]


def test_migration_4_adds_the_cancels_to_a_v2_journal(tmp_path: Path) -> None:
    """Tickets journaled before v4 keep everything and have no cancel: nothing was sent for
    them that their status does not already say."""
    path = tmp_path / "db.sqlite3"
    old = open_database(path, migrations=MIGRATIONS[:2])
    # Rows as a v2 axdesk wrote them (today's code writes columns v2 did not have).
    at = time_to_db(dt.datetime(2024, 5, 1, tzinfo=dt.UTC))
    order_id = old.execute(
        "INSERT INTO channel_order (channel_order_code, state, wire_json, created_at,"
        " updated_at, sent_at, attempts, endpoint) VALUES ('v2', 'sent', '{}', ?, ?, ?, 1, ?)",
        (at, at, at, ENDPOINT),
    ).lastrowid
    line_id = old.execute(
        "INSERT INTO order_line (order_id, position, dc_code, channel_product_mapping_code,"
        " inventory_at, quantity, unit_price, amount_price, line_total)"
        " VALUES (?, 0, 'dc', 'map', ?, 1, '1', '1', '1')",
        (order_id, at),
    ).lastrowid
    old.execute(
        "INSERT INTO ax_order (ax_order_code, order_id, line_id, status, checked_at)"
        " VALUES ('ax-v2', ?, ?, 1, ?)",
        (order_id, line_id, at),
    )
    old.execute(
        "INSERT INTO ticket (order_id, line_id, position, channel_code, ax_ticket_code, status,"
        " status_updated_at) VALUES (?, ?, 0, 'c-v2', 't-v2', 'New', ?)",
        (order_id, line_id, at),
    )
    assert schema_version(old) == 2
    old.close()

    conn = open_database(path)
    try:
        journal = OrderJournal(conn)
        detail = journal.get_order("v2")
        assert detail is not None
        assert detail.tickets[0].status is TicketStatus.NEW
        assert detail.tickets[0].cancel is None
        journal.begin_cancel("ax-v2", "t-v2", None)
        assert [p.ax_ticket_code for p in journal.unsettled_cancels()] == []  # claimed here
        journal.release_cancel("t-v2")
        assert len(journal.unsettled_cancels(ENDPOINT)) == 1
    finally:
        conn.close()
