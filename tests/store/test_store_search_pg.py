"""Search on the team journal (issue 15, "search stays instant on PostgreSQL"): fragments under
three characters through the ``grams`` index of schema 4, each search planned for its own
values, and the documents journaled before schema 4 given their grams by the migration."""

from __future__ import annotations

from typing import Any

import pytest
from store_helpers import ENDPOINT, created_for, make_request, traveler

from axdesk.store import open_journal, pg_schema
from axdesk.store.journal import OrderJournal
from axdesk.store.journal_open import SESSION_SETTINGS, open_pg_connection
from axdesk.store.journal_queries import OrderFilter
from axdesk.store.pg_dialect import translate
from axdesk.store.pg_schema import PG_MIGRATIONS, PG_SCHEMA_VERSION, migrate_pg
from axdesk.store.search import parse_query, pg_grams, pg_search_condition, short_pieces

NAMES = ["최호준", "김민수", "O'Brien", "Back\\Slash", "Lee Ann", "박 지훈"]


@pytest.fixture
def backend() -> str:
    """The grams index and the session's planning are the team journal's own."""
    return "postgresql"


def _send(journal: OrderJournal, name: str, code: str) -> None:
    request = make_request(("dc-adult", [traveler(name)]), code=code)
    journal.record_sending(request, endpoint=ENDPOINT)
    journal.mark_sent(code, created_for(request))


def _found(journal: OrderJournal, text: str) -> set[str]:
    return {o.channel_order_code for o in journal.list_orders(OrderFilter(text=text), limit=1000)}


def test_each_session_plans_every_statement_for_its_values_without_parallel_workers(
    journal: OrderJournal,
) -> None:
    """A generic plan (psycopg prepares a statement after five runs) cannot tell a piece in
    every order from one in few; parallel workers cost a page more than they save."""
    assert SESSION_SETTINGS["plan_cache_mode"] == "force_custom_plan"
    for name, value in SESSION_SETTINGS.items():
        row = journal.connection.execute(
            "SELECT setting FROM pg_settings WHERE name = ?", (name,)
        ).fetchone()
        assert row == (value,), name


def test_a_short_fragment_search_is_served_by_the_grams_index(journal: OrderJournal) -> None:
    for number, name in enumerate(NAMES * 5):
        _send(journal, name, f"order-{number:03d}")
    condition, params = pg_search_condition(parse_query("최 호"), id_column="o.id")
    assert "ILIKE" not in condition
    statement = translate(f"SELECT o.id FROM channel_order o WHERE {condition}")
    with journal.connection.session() as raw:  # type: ignore[attr-defined]
        # A tiny table is cheaper to read whole: with whole reads off, only an index that
        # serves the condition can find the rows.
        raw.execute("SET enable_seqscan = off")
        raw.execute("SET enable_indexscan = off")
        try:
            plan = "\n".join(
                row[0] for row in raw.execute("EXPLAIN " + statement.text, params).fetchall()
            )
        finally:
            raw.execute("RESET ALL")
    assert "order_search_grams" in plan, plan


@pytest.mark.parametrize(
    ("text", "holder"),
    [
        ("최 호", "최호준"),
        ("호 최", "최호준"),
        ("'", "O'Brien"),
        ("'b", "O'Brien"),
        ("\\", "Back\\Slash"),
        ("k\\", "Back\\Slash"),
        ("박 훈", "박 지훈"),
        ("NN", "Lee Ann"),
        ("민수", "김민수"),
        ("&", "Tom&Jerry"),
        ("!", "Hey!"),
    ],
)
def test_short_fragments_with_quotes_backslashes_and_operators_find_what_a_scan_finds(
    journal: OrderJournal, text: str, holder: str
) -> None:
    """Each fragment is one quoted lexeme of the ``tsquery``: a quote, a backslash or a
    tsquery operator in it is a character to find, not syntax."""
    names = [*NAMES, "Tom&Jerry", "Hey!"]
    for number, name in enumerate(names):
        _send(journal, name, f"order-{number}")
    documents = dict(journal.connection.execute("SELECT order_id, text FROM order_search"))
    codes = dict(journal.connection.execute("SELECT id, channel_order_code FROM channel_order"))
    words = [word.lower() for word in text.split()]
    expected = {
        codes[order_id]
        for order_id, document in documents.items()
        if all(word in document.lower() for word in words)
    }
    assert f"order-{names.index(holder)}" in expected
    assert _found(journal, text) == expected


def test_grams_follow_a_changed_document(journal: OrderJournal) -> None:
    _send(journal, "김민수", "o1")
    assert _found(journal, "민") == {"o1"}
    journal.save_internal_note("o1", "VIP 손님", based_on="")
    assert _found(journal, "손") == {"o1"}
    assert _found(journal, "iP") == {"o1"}  # ASCII folded, as ILIKE folds it
    journal.save_internal_note("o1", "", based_on="VIP 손님")
    assert _found(journal, "손") == set()


def test_migration_4_gives_the_documents_journaled_before_it_their_grams(
    empty_pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pg_schema, "FILL_BATCH", 2)  # more documents than one batch
    before: Any = open_pg_connection(empty_pg_url, lazy=True)
    before.prepare_on_first_use(lambda conn: migrate_pg(conn, PG_MIGRATIONS[:3], where="x"))
    texts = ["최호준\n010-1234-5678", "O'Brien\nKIM@Example.com", "Back\\Slash", "a", "  b  c "]
    try:
        for number, text in enumerate(texts, start=1):
            before.execute(
                "INSERT INTO channel_order (id, channel_order_code, state, created_at, updated_at)"
                " VALUES (?, ?, 'sent', ?, ?)",
                (number, f"old-{number}", f"2024-01-0{number}", f"2024-01-0{number}"),
            )
            before.execute(
                "INSERT INTO order_search (order_id, text) VALUES (?, ?)", (number, text)
            )
        assert pg_schema.pg_schema_version(before) == 3
    finally:
        before.close()
    journal = open_journal(empty_pg_url)
    try:
        conn = journal.connection
        assert pg_schema.pg_schema_version(conn) == PG_SCHEMA_VERSION  # type: ignore[arg-type]
        for order_id, text in enumerate(texts, start=1):
            row = conn.execute(
                "SELECT grams = array_to_tsvector(?::text[]) FROM order_search WHERE order_id = ?",
                (pg_grams(text), order_id),
            ).fetchone()
            assert row == (True,), text
        assert _found(journal, "호") == {"old-1"}
        assert _found(journal, "ki") == {"old-2"}
        assert _found(journal, "'") == {"old-2"}
        assert _found(journal, "\\") == {"old-3"}
    finally:
        journal.close()


def test_pieces_are_of_one_and_two_characters_within_words_folded_as_ilike_folds_ascii() -> None:
    assert short_pieces("Ab c\n최호") == {"a", "b", "ab", "c", "최", "호", "최호"}
    assert pg_grams("b a") == ["a", "b"]
