"""Finding orders by text: every phone form, Korean name fragments, codes, the LIKE fallback."""

from __future__ import annotations

import pytest
from store_helpers import ENDPOINT, FakeClock, created_for, make_request, traveler

from axdesk.store.db import open_database
from axdesk.store.journal import OrderJournal
from axdesk.store.journal_queries import OrderFilter


@pytest.mark.parametrize(
    "query",
    ["010-1234-5678", "01012345678", "+82 10 1234 5678", "821012345678", "1234-5678", "5678"],
)
def test_every_form_of_a_phone_number_finds_the_traveler(journal: OrderJournal, query: str) -> None:
    journal.record_sending(
        make_request(("dc-adult", [traveler("김민수", "010-1234-5678")]), code="mine"),
        endpoint=ENDPOINT,
    )
    journal.record_sending(
        make_request(("dc-adult", [traveler("박지성", "010-9876-0000")]), code="other"),
        endpoint=ENDPOINT,
    )
    assert [o.channel_order_code for o in journal.list_orders(OrderFilter(text=query))] == ["mine"]


def test_a_number_typed_in_e164_finds_a_traveler_stored_in_national_form(
    journal: OrderJournal,
) -> None:
    journal.record_sending(
        make_request(("dc-adult", [traveler("A", "01012345678")]), code="n"), endpoint=ENDPOINT
    )
    journal.record_sending(
        make_request(("dc-adult", [traveler("B", "+82 10 1234 5678")]), code="e"), endpoint=ENDPOINT
    )
    for query in ("+82 10-1234-5678", "010 1234 5678"):
        found = {o.channel_order_code for o in journal.list_orders(OrderFilter(text=query))}
        assert found == {"n", "e"}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("김민수", {"a"}),
        ("민수", {"a"}),
        ("김", {"a", "b"}),
        ("KIM", {"c"}),
        ("kim soo", {"c"}),
        ("soo kim", {"c"}),
        ("buyer-b@example", {"b"}),
        ("ax-a-0-t0", {"a"}),
        ("AX-A-0", {"a"}),
        ("order-", set()),
        ("c", {"a", "b", "c"}),
        ("100%", set()),
        ("a_b", set()),
        ("없는 이름", set()),
    ],
)
def test_text_search(journal: OrderJournal, query: str, expected: set[str]) -> None:
    people = {
        "a": traveler("김민수", "010-1111-2222", "minsu@example.com"),
        "b": traveler("김하늘", "010-3333-4444", "haneul@example.com"),
        "c": traveler("Kim Soo-jin", "010-5555-6666", "soojin@example.com"),
    }
    for code, person in people.items():
        request = make_request(
            ("dc-adult", [person]),
            code=code,
            purchaser=traveler(f"Buyer {code}", "010-0000-0000", f"buyer-{code}@example.com"),
        )
        journal.record_sending(request, endpoint=ENDPOINT)
        if code == "a":
            journal.mark_sent(code, created_for(request))
    found = {o.channel_order_code for o in journal.list_orders(OrderFilter(text=query))}
    assert found == expected
    assert journal.count_orders(OrderFilter(text=query)) == len(expected)


def test_search_falls_back_to_like_without_fts5(
    monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    monkeypatch.setattr("axdesk.store.db.fts5_trigram_available", lambda _conn: False)
    conn = open_database(":memory:")
    try:
        journal = OrderJournal(conn, clock=clock)
        assert not journal.uses_fts
        journal.record_sending(
            make_request(("dc-adult", [traveler("김민수")]), code="a"), endpoint=ENDPOINT
        )
        journal.record_sending(
            make_request(("dc-adult", [traveler("이영희")]), code="b"), endpoint=ENDPOINT
        )
        for query, expected in (("민수", ["a"]), ("김민수", ["a"]), ("01012345678", ["b", "a"])):
            found = [o.channel_order_code for o in journal.list_orders(OrderFilter(text=query))]
            assert found == expected
    finally:
        conn.close()
