"""Who did what (issue 15 §3): every action on an order records operator, desk and time."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from store_helpers import ENDPOINT, START, FakeClock, created_for, make_request, traveler

from axdesk.api import CancelledTicket, OrderStatus, OrderStatusInfo, TicketStatus
from axdesk.store.db import MIGRATIONS, open_database, schema_version, time_to_db
from axdesk.store.journal import OrderJournal
from axdesk.store.journal_activity import Activity, ActivityKind, Actor

KIM = Actor("김민지", "front-1")
LEE = Actor("이서준", "front-2")


def kinds_and_people(lines: tuple[Activity, ...]) -> list[tuple[ActivityKind, str, str]]:
    return [(line.kind, line.operator, line.desk) for line in lines]


def sent_order_of_two(journal: OrderJournal) -> tuple[str, str]:
    request = make_request(("dc-adult", [traveler("A"), traveler("B")]), code="o1")
    created = created_for(request)
    journal.record_sending(request, endpoint=ENDPOINT)
    journal.mark_sent("o1", created)
    line = created.depth_combinations[0]
    return line.ax_order_code, line.tickets[0].ax_ticket_code


def test_each_action_records_who_did_it_at_which_desk_and_when(
    journal: OrderJournal, clock: FakeClock
) -> None:
    journal.act_as(KIM)
    ax_order, ticket = sent_order_of_two(journal)
    clock.advance(60)
    journal.act_as(LEE)
    journal.begin_cancel(ax_order, ticket, "고객 요청")
    journal.mark_cancel_done(
        ticket,
        CancelledTicket(
            channel_order_code="o1",
            ax_order_code=ax_order,
            ax_order_status=OrderStatus.NEW,
            ax_ticket_code=ticket,
            ax_ticket_status=TicketStatus.TRAVELER_CANCELED,
        ),
    )
    journal.save_internal_note("o1", "전화로 취소", based_on="")

    lines = journal.activity_of("o1")
    assert kinds_and_people(lines) == [
        (ActivityKind.RECORDED, "김민지", "front-1"),
        (ActivityKind.SENT, "김민지", "front-1"),
        (ActivityKind.CANCEL_REQUESTED, "이서준", "front-2"),
        (ActivityKind.CANCELLED, "이서준", "front-2"),
        (ActivityKind.NOTE_SAVED, "이서준", "front-2"),
    ]
    assert lines[0].at < lines[2].at
    assert lines[2].detail == ticket
    assert all(line.at.tzinfo is not None for line in lines)


def test_unknown_and_refused_are_recorded_once_per_change(journal: OrderJournal) -> None:
    journal.act_as(KIM)
    journal.record_sending(make_request(code="o2"), endpoint=ENDPOINT)
    journal.mark_unknown("o2", "no answer")
    journal.mark_unknown("o2", "still no answer")
    journal.mark_rejected("o2", "AX refused it")
    assert [line.kind for line in journal.activity_of("o2")] == [
        ActivityKind.RECORDED,
        ActivityKind.UNKNOWN,
        ActivityKind.REJECTED,
    ]


def test_a_cancel_answered_again_after_done_adds_no_second_cancelled_line(
    journal: OrderJournal,
) -> None:
    """A late second answer (a re-send after a lost answer, another desk's re-check)
    is recorded, but the history says "cancelled" once."""
    journal.act_as(KIM)
    ax_order, ticket = sent_order_of_two(journal)
    journal.begin_cancel(ax_order, ticket, "고객 요청")
    answer = CancelledTicket(
        channel_order_code="o1",
        ax_order_code=ax_order,
        ax_order_status=OrderStatus.NEW,
        ax_ticket_code=ticket,
        ax_ticket_status=TicketStatus.TRAVELER_CANCELED,
    )
    journal.mark_cancel_done(ticket, answer)
    journal.act_as(LEE)
    journal.mark_cancel_done(ticket, answer)
    assert kinds_and_people(journal.activity_of("o1"))[2:] == [
        (ActivityKind.CANCEL_REQUESTED, "김민지", "front-1"),
        (ActivityKind.CANCELLED, "김민지", "front-1"),
    ]


def test_a_cancel_settled_by_live_sync_records_who_settled_it(journal: OrderJournal) -> None:
    """The cancel's answer was lost; another desk's live sync then reads "Traveler cancel"
    for the whole AX order (a one-ticket order): the cancel is done, and the history says
    so once, with the desk that found it out (the team chaos run saw the line missing)."""
    journal.act_as(KIM)
    request = make_request(("dc-adult", [traveler("A")]), code="o1")
    created = created_for(request)
    journal.record_sending(request, endpoint=ENDPOINT)
    journal.mark_sent("o1", created)
    ax_order = created.depth_combinations[0].ax_order_code
    ticket = created.depth_combinations[0].tickets[0].ax_ticket_code
    journal.begin_cancel(ax_order, ticket, "고객 요청")
    journal.mark_cancel_unknown(ticket, "no answer")
    journal.act_as(LEE)
    assert journal.settle_cancelled_ax_orders([ax_order]) == [ticket]
    assert journal.settle_cancelled_ax_orders([ax_order]) == []  # nothing left to settle
    about = [
        (line.kind, line.operator, line.desk)
        for line in journal.activity_of("o1")
        if line.detail == ticket
    ]
    assert about == [
        (ActivityKind.CANCEL_REQUESTED, "김민지", "front-1"),
        (ActivityKind.CANCELLED, "이서준", "front-2"),
    ]


def test_a_saved_note_unchanged_adds_no_line(journal: OrderJournal) -> None:
    journal.record_sending(make_request(code="o3"), endpoint=ENDPOINT)
    journal.save_internal_note("o3", "a", based_on="")
    journal.save_internal_note("o3", "a", based_on="a")
    assert [line.kind for line in journal.activity_of("o3")] == [
        ActivityKind.RECORDED,
        ActivityKind.NOTE_SAVED,
    ]


def test_another_desk_sees_who_did_what(
    journal: OrderJournal, clock: FakeClock, second_connection: Callable[[], Any]
) -> None:
    journal.act_as(KIM)
    ax_order, ticket = sent_order_of_two(journal)
    other_desk = OrderJournal(second_connection(), clock=clock)
    other_desk.act_as(LEE)
    other_desk.begin_cancel(ax_order, ticket, None)
    other_desk.mark_cancel_refused(ticket, "AX refused the cancel.")
    assert kinds_and_people(journal.activity_of("o1"))[-2:] == [
        (ActivityKind.CANCEL_REQUESTED, "이서준", "front-2"),
        (ActivityKind.CANCEL_REFUSED, "이서준", "front-2"),
    ]


def test_an_unknown_code_has_no_activity(journal: OrderJournal) -> None:
    assert journal.activity_of("nothing") == ()


def test_names_are_trimmed_to_their_limits(journal: OrderJournal) -> None:
    journal.act_as(Actor("  " + "가" * 200, " desk "))
    assert journal.actor == Actor("가" * 80, "desk")


def test_migration_7_adds_the_activity_to_a_v6_journal(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    old = open_database(path, migrations=MIGRATIONS[:6])
    old.execute(
        "INSERT INTO channel_order (channel_order_code, state, created_at, updated_at)"
        " VALUES ('legacy', 'remote', ?, ?)",
        (time_to_db(START), time_to_db(START)),
    )
    old.close()
    conn = open_database(path)
    try:
        assert schema_version(conn) >= 7  # and whatever came after
        journal = OrderJournal(conn)
        assert journal.activity_of("legacy") == ()
        journal.save_internal_note("legacy", "n", based_on="")
        assert [line.kind for line in journal.activity_of("legacy")] == [ActivityKind.NOTE_SAVED]
    finally:
        conn.close()


def test_an_order_whose_ticket_codes_are_learned_later_was_sent_once(
    journal: OrderJournal,
) -> None:
    journal.act_as(KIM)
    request = make_request(("dc-adult", [traveler("A")]), code="o1")
    created = created_for(request)
    journal.record_sending(request, endpoint=ENDPOINT)
    line = created.depth_combinations[0]
    known = OrderStatusInfo(
        channel_order_code="o1", ax_order_code=line.ax_order_code, status=OrderStatus.NEW
    )
    journal.mark_known_without_tickets("o1", [known], "The ticket codes are not known yet.")
    journal.act_as(LEE)
    journal.mark_sent("o1", created)  # the ticket codes, learned by another desk

    assert kinds_and_people(journal.activity_of("o1")) == [
        (ActivityKind.RECORDED, "김민지", "front-1"),
        (ActivityKind.SENT, "김민지", "front-1"),
    ]
    detail = journal.get_order("o1")
    assert detail is not None
    assert [t.ax_ticket_code for t in detail.tickets] == [line.tickets[0].ax_ticket_code]
