"""File > Move this computer's journal to the team server… (issue 15 §6): every order,
ticket, cancel and history line copied, idempotent, counted; the local file kept."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from store_helpers import ENDPOINT, FakeClock, created_for, make_request, traveler

from axdesk.api import CancelledTicket, OrderStatus, OrderStatusInfo, TicketStatus
from axdesk.store import open_journal
from axdesk.store.db import open_database
from axdesk.store.journal import OrderJournal
from axdesk.store.journal_activity import Actor
from axdesk.store.journal_move import MoveReport, move_journal
from axdesk.store.journal_queries import OrderFilter


def _local_journal(path: Path, clock: FakeClock) -> OrderJournal:
    journal = OrderJournal(open_database(path), clock=clock)
    journal.act_as(Actor("김민지", "front-1"))
    request = make_request(("dc-adult", [traveler("김민수"), traveler("이영희")]), code="sent-1")
    created = created_for(request)
    journal.record_sending(request, endpoint=ENDPOINT)
    journal.mark_sent("sent-1", created)
    line = created.depth_combinations[0]
    clock.advance(60)
    journal.apply_status_infos(
        [
            OrderStatusInfo(
                channel_order_code="sent-1",
                ax_order_code=line.ax_order_code,
                status=OrderStatus.SUPPLIER_CONFIRM,
                comment="확정",
            )
        ],
        clock(),
    )
    ticket = line.tickets[0].ax_ticket_code
    journal.begin_cancel(line.ax_order_code, ticket, "고객 요청")
    journal.mark_cancel_done(
        ticket,
        CancelledTicket(
            channel_order_code="sent-1",
            ax_order_code=line.ax_order_code,
            ax_order_status=OrderStatus.SUPPLIER_CONFIRM,
            ax_ticket_code=ticket,
            ax_ticket_status=TicketStatus.TRAVELER_CANCELED,
        ),
    )
    journal.save_internal_note("sent-1", "전화로 취소함", based_on="")
    journal.record_sending(make_request(code="unknown-1"), endpoint=ENDPOINT)
    journal.note_attempt("unknown-1")
    journal.mark_unknown("unknown-1", "no answer")
    return journal


def test_every_order_is_copied_once_and_reads_the_same(
    tmp_path: Path, pg_url: str, clock: FakeClock
) -> None:
    path = tmp_path / "desk.sqlite3"
    local = _local_journal(path, clock)
    team = open_journal(pg_url)
    try:
        before = local.get_order("sent-1")
        report = move_journal(local.connection, team.connection)
        assert report == MoveReport(
            orders_copied=2,
            orders_already_there=0,
            tickets=3,
            ax_orders=1,
            status_changes=2,
            cancels=1,
            activity_lines=7,
        )
        for code in ("sent-1", "unknown-1"):
            here, there = local.get_order(code), team.get_order(code)
            assert here is not None
            assert there is not None
            assert dataclasses.asdict(there) == dataclasses.asdict(here), code
        assert [o.channel_order_code for o in team.list_orders(OrderFilter(text="이영희"))] == [
            "sent-1"
        ]
        assert [o.channel_order_code for o in team.list_orders(OrderFilter(text="전화로"))] == [
            "sent-1"
        ]
        assert team.needs_reconciliation()[0].channel_order_code == "unknown-1"

        again = move_journal(local.connection, team.connection)
        assert again == MoveReport(orders_already_there=2)
        assert team.count_orders() == 2
        assert local.count_orders() == 2  # the local journal is kept as it was
        assert local.get_order("sent-1") == before
    finally:
        team.close()
        local.close()


def test_a_move_into_a_team_journal_with_other_desks_orders_adds_only_the_new_ones(
    tmp_path: Path, pg_url: str, clock: FakeClock
) -> None:
    local = _local_journal(tmp_path / "desk.sqlite3", clock)
    team = open_journal(pg_url)
    try:
        team.record_sending(make_request(code="other-desk"), endpoint=ENDPOINT)
        team.record_sending(make_request(code="unknown-1"), endpoint=ENDPOINT)  # already there
        progress: list[tuple[int, int]] = []
        report = move_journal(
            local.connection, team.connection, progress=lambda *p: progress.append(p)
        )
        assert (report.orders_copied, report.orders_already_there) == (1, 1)
        assert progress == [(1, 2), (2, 2)]
        assert team.count_orders() == 3
    finally:
        team.close()
        local.close()
