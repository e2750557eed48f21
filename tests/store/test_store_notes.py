"""What the operator typed, as the journal keeps it: the notes sent with an order (read back
from its wire JSON) and the desk's internal note (migration 5: written, searched, guarded).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from store_helpers import ENDPOINT, START, USE_AT, FakeClock, make_request, traveler

from axdesk.api import LineInput, OrderRequest, build_order_request
from axdesk.store.db import MIGRATIONS, open_database, schema_version, time_to_db
from axdesk.store.journal import (
    INTERNAL_NOTE_MAX_LENGTH,
    NoteChangedError,
    NoteTooLongError,
    OrderJournal,
)
from axdesk.store.journal_base import UnknownOrderError
from axdesk.store.journal_queries import OrderFilter, PersonNotes


def _noted_request(code: str = "noted") -> OrderRequest:
    buyer = dataclasses.replace(
        traveler("Purchaser Park", "+82 10 9999 0000", "buyer@example.com"),
        extra="영수증 필요",
        additional={"company": "Acme", "invoice": True},
    )
    lead = dataclasses.replace(
        traveler("Lead Lee", "010-4444-5555"), extra="Meets the guide", additional=None
    )
    minsu = dataclasses.replace(
        traveler("김민수"), extra="휠체어", additional={"english_name": "Kim Minsu", "age": 71}
    )
    return build_order_request(
        [
            LineInput(
                channel_product_mapping_code="map-dc-adult",
                dc_code="dc-adult",
                inventory_at=USE_AT,
                unit_price=Decimal("45000"),
                travelers=[minsu, traveler("이서연")],
            )
        ],
        buyer,
        representative=lead,
        currency="KRW",
        channel_order_code=code,
        purchased_at=START,
        comment="Pick-up at the lobby",
    )


def test_the_notes_sent_with_an_order_are_read_back(journal: OrderJournal) -> None:
    journal.record_sending(_noted_request(), endpoint=ENDPOINT)
    detail = journal.get_order("noted")
    assert detail is not None
    assert detail.comment == "Pick-up at the lobby"
    assert detail.purchaser_notes == PersonNotes(
        "영수증 필요", (("company", "Acme"), ("invoice", "true"))
    )
    assert detail.representative_name == "Lead Lee"
    assert detail.representative_phone == "010-4444-5555"
    assert detail.representative_notes == PersonNotes("Meets the guide")
    first, second = detail.tickets
    assert first.notes == PersonNotes("휠체어", (("english_name", "Kim Minsu"), ("age", "71")))
    assert first.notes.additional_text() == "english_name: Kim Minsu; age: 71"
    assert second.notes == PersonNotes()
    assert second.notes.is_empty


def test_an_unreadable_order_body_reads_without_notes(journal: OrderJournal, db: object) -> None:
    journal.record_sending(make_request(code="broken"), endpoint=ENDPOINT)
    db.execute(  # type: ignore[attr-defined]
        "UPDATE channel_order SET wire_json = '{not json' WHERE channel_order_code = 'broken'"
    )
    detail = journal.get_order("broken")
    assert detail is not None
    assert detail.purchaser_notes == PersonNotes()
    assert all(ticket.notes.is_empty for ticket in detail.tickets)


def test_the_internal_note_is_saved_searched_and_timed(
    journal: OrderJournal, clock: FakeClock
) -> None:
    journal.record_sending(make_request(code="mine"), endpoint=ENDPOINT)
    journal.record_sending(make_request(code="other"), endpoint=ENDPOINT)
    assert journal.get_order("mine").internal_note == ""  # type: ignore[union-attr]
    saved_at = journal.save_internal_note("mine", "VIP 고객: 픽업 07:00", based_on="")
    assert saved_at == clock.now
    detail = journal.get_order("mine")
    assert detail is not None
    assert detail.internal_note == "VIP 고객: 픽업 07:00"
    assert detail.internal_note_at == clock.now
    for query in ("VIP", "픽업", "고객"):
        found = [o.channel_order_code for o in journal.list_orders(OrderFilter(text=query))]
        assert found == ["mine"], query
    # Cleared, it is found no more.
    journal.save_internal_note("mine", "", based_on="VIP 고객: 픽업 07:00")
    assert journal.list_orders(OrderFilter(text="픽업")) == []


def test_a_note_changed_since_it_was_read_is_not_overwritten(journal: OrderJournal) -> None:
    journal.record_sending(make_request(code="mine"), endpoint=ENDPOINT)
    journal.save_internal_note("mine", "Called back at 9", based_on="")
    with pytest.raises(NoteChangedError) as raised:
        journal.save_internal_note("mine", "Wants a refund", based_on="")
    assert raised.value.current == "Called back at 9"
    assert journal.get_order("mine").internal_note == "Called back at 9"  # type: ignore[union-attr]


def test_bad_notes_are_refused_with_a_typed_problem(journal: OrderJournal) -> None:
    journal.record_sending(make_request(code="mine"), endpoint=ENDPOINT)
    with pytest.raises(NoteTooLongError) as raised:
        journal.save_internal_note("mine", "x" * (INTERNAL_NOTE_MAX_LENGTH + 1), based_on="")
    assert raised.value.limit == INTERNAL_NOTE_MAX_LENGTH
    with pytest.raises(UnknownOrderError):
        journal.save_internal_note("nowhere", "x", based_on="")


def test_migration_5_gives_older_orders_an_empty_note(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    before = tuple(m for m in MIGRATIONS if m.version < 5)
    old = open_database(path, migrations=before)
    at = time_to_db(dt.datetime(2024, 5, 1, tzinfo=dt.UTC))
    old.execute(
        "INSERT INTO channel_order (channel_order_code, state, wire_json, created_at, updated_at)"
        " VALUES ('legacy', 'unknown', '{}', ?, ?)",
        (at, at),
    )
    old.close()
    conn = open_database(path)
    try:
        assert schema_version(conn) >= 5
        detail = OrderJournal(conn).get_order("legacy")
        assert detail is not None
        assert (detail.internal_note, detail.internal_note_at) == ("", None)
    finally:
        conn.close()
