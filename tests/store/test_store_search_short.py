"""Search fragments under three characters: looked up in the side index (migration 6), not
matched with LIKE in every order's document; the index follows every change of a document."""

from __future__ import annotations

from pathlib import Path

import pytest
from store_helpers import ENDPOINT, START, FakeClock, created_for, make_request, traveler

from axdesk.store.db import MIGRATIONS, Database, open_database, schema_version, time_to_db
from axdesk.store.journal import OrderJournal
from axdesk.store.journal_queries import OrderFilter, OrderSort
from axdesk.store.search import GRAMS_TABLE, gram_document, gram_token
from axdesk.ui.orders.rows import fetch_rows


@pytest.fixture
def backend() -> str:
    """The side index is the SQLite journal's (PostgreSQL's search is pg_trgm's)."""
    return "sqlite"


def _send(journal: OrderJournal, name: str, code: str) -> None:
    request = make_request(("dc-adult", [traveler(name)]), code=code)
    journal.record_sending(request, endpoint=ENDPOINT)
    journal.mark_sent(code, created_for(request))


def _found(journal: OrderJournal, text: str) -> set[str]:
    return {o.channel_order_code for o in journal.list_orders(OrderFilter(text=text), limit=1000)}


@pytest.mark.parametrize("text", ["최 호", "0", "e", "민수", "@e", "%"])
def test_a_short_fragment_is_read_from_the_index_not_with_like_in_each_document(
    db: Database, journal: OrderJournal, clock: FakeClock, text: str
) -> None:
    for number, name in enumerate(["최호준", "김민수", "Lee Ann"] * 20):
        clock.advance(1)
        _send(journal, name, f"order-{number:03d}")
    statements: list[str] = []
    db.set_trace_callback(lambda sql: statements.append(sql))
    try:
        fetch_rows(journal, OrderFilter(text=text), OrderSort.CREATED, True, 0, 50)
    finally:
        db.set_trace_callback(None)
    page = [sql for sql in statements if "FROM channel_order o WHERE o.id IN" in sql]
    assert len(page) == 1, statements
    assert GRAMS_TABLE in page[0]
    assert "LIKE" not in page[0]


def test_a_piece_is_one_ascii_token_and_letters_are_folded_as_like_folds_them() -> None:
    assert gram_token("최호") == "xcd5cxd638"
    assert gram_token("A") == gram_token("a") == "x61"
    assert gram_token("É") != gram_token("é")  # LIKE folds ASCII letters only
    tokens = set(gram_document("Kim Soo\n010-12").split())
    assert {gram_token(piece) for piece in ["k", "ki", "so", "01", "0-", "-1", "12"]} <= tokens
    assert gram_token("m ") not in tokens  # no piece across white space: a fragment has none
    assert gram_token("mS") not in tokens


def test_the_index_follows_a_changed_document(journal: OrderJournal) -> None:
    _send(journal, "김민수", "order-note")
    assert _found(journal, "zq") == set()
    journal.save_internal_note("order-note", "ZQ 확인", based_on="")
    assert _found(journal, "zq") == {"order-note"}
    assert _found(journal, "확") == {"order-note"}
    journal.save_internal_note("order-note", "다른 메모", based_on="ZQ 확인")
    assert _found(journal, "zq") == set()
    assert _found(journal, "메모") == {"order-note"}


def test_migration_6_indexes_the_orders_journaled_before_it(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    old = open_database(path, migrations=MIGRATIONS[:5])
    # Orders as a version 5 journal holds them (today's writes need later migrations).
    for code, document in [
        ("order-old", "order-old 최호준 010-2345-6789"),
        ("order-other", "Lee Ann ee@x"),
    ]:
        cursor = old.execute(
            "INSERT INTO channel_order (channel_order_code, state, created_at, updated_at)"
            " VALUES (?, 'sent', ?, ?)",
            (code, time_to_db(START), time_to_db(START)),
        )
        old.execute(
            "INSERT INTO order_search (rowid, text) VALUES (?, ?)", (cursor.lastrowid, document)
        )
    old_journal = OrderJournal(old, clock=FakeClock())
    assert not old_journal.uses_short_index
    assert _found(old_journal, "최 호") == {"order-old"}  # LIKE in each document
    old.close()

    conn = open_database(path)
    try:
        assert schema_version(conn) == MIGRATIONS[-1].version
        journal = OrderJournal(conn, clock=FakeClock())
        assert journal.uses_short_index
        assert _found(journal, "최 호") == {"order-old"}
        documents = dict(
            conn.execute(
                "SELECT o.channel_order_code, s.text FROM order_search s"
                " JOIN channel_order o ON o.id = s.rowid"
            ).fetchall()
        )
        for text in ["ee", "0", "@", "An", "준"]:
            expected = {code for code, doc in documents.items() if text.lower() in doc.lower()}
            assert _found(journal, text) == expected, text
        assert _found(journal, "준") == {"order-old"}
    finally:
        conn.close()


def _page_sql(db: Database, journal: OrderJournal, text: str) -> str:
    statements: list[str] = []
    db.set_trace_callback(lambda sql: statements.append(sql))
    try:
        journal.list_orders(OrderFilter(text=text), limit=10)
    finally:
        db.set_trace_callback(None)
    return next(sql for sql in statements if "FROM channel_order o WHERE o.id IN" in sql)


def test_a_common_fragment_is_matched_in_the_newest_documents_and_finds_the_same(
    db: Database, journal: OrderJournal, clock: FakeClock
) -> None:
    for number, name in enumerate(["최민준", "박호준", "Lee Ann"] * 20):
        clock.advance(1)
        _send(journal, name, f"order-{number:03d}")
    by_index = {text: _found(journal, text) for text in ["e", "최", "최 호", "최 e"]}
    journal.common_floor = 8  # each of "e", "최", "호" is in 20 of the 60 orders
    assert "LIKE" in _page_sql(db, journal, "e")
    assert "LIKE" in _page_sql(db, journal, "최")
    # "최" and "호" are each common, but rare together (60 x 1/3 x 1/3 < 8): the index
    assert "LIKE" not in _page_sql(db, journal, "최 호")
    for text, found in by_index.items():
        assert _found(journal, text) == found, text
    assert by_index["최 호"] == set()
    assert len(by_index["최"]) == 20
