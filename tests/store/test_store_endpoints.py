"""OrderJournal: the AX server (endpoint) of each order, and the lists filtered by it.

One journal holds orders of every connection profile; an order may only be
re-sent to, or polled on, the server it went to. Orders journaled before the
endpoint was kept (NULL) are listed only unfiltered, never handed to a server.
"""

from __future__ import annotations

import pytest
from store_helpers import ENDPOINT, OTHER_ENDPOINT, created_for, make_request

from axdesk.api import AxError, OrderStatus, OrderStatusInfo
from axdesk.store.db import Database
from axdesk.store.endpoints import (
    EndpointError,
    OtherEndpointError,
    UnrecordedEndpointError,
    normalize_endpoint,
)
from axdesk.store.journal import OrderJournal
from axdesk.store.journal_base import JournalError, UnknownOrderError
from axdesk.store.journal_queries import JournalState


def _forget_endpoint(db: Database, code: str) -> None:
    """Make the order look journaled before migration 2 (no endpoint recorded)."""
    db.execute("UPDATE channel_order SET endpoint = NULL WHERE channel_order_code = ?", (code,))


def _sent(journal: OrderJournal, code: str, endpoint: str) -> None:
    request = make_request(code=code)
    journal.record_sending(request, endpoint=endpoint)
    journal.mark_sent(code, created_for(request))


@pytest.mark.parametrize(
    ("given", "recorded"),
    [
        ("https://prod.ax-cloud.com", "https://prod.ax-cloud.com"),
        ("  HTTPS://Prod.AX-Cloud.com:443/ ", "https://prod.ax-cloud.com"),
        ("https://prod.ax-cloud.com:8443/", "https://prod.ax-cloud.com:8443"),
        ("http://127.0.0.1:80", "http://127.0.0.1"),
        ("http://127.0.0.1:54321/", "http://127.0.0.1:54321"),
        ("https://ax.example.com/api/v2//", "https://ax.example.com/api/v2"),
        ("http://[::1]:9000/", "http://[::1]:9000"),
    ],
)
def test_normalize_endpoint_writes_one_server_one_way(given: str, recorded: str) -> None:
    assert normalize_endpoint(given) == recorded


@pytest.mark.parametrize(
    "bad", ["", "   ", "prod.ax-cloud.com", "ftp://x.com", "https://", "http://h:99999"]
)
def test_normalize_endpoint_refuses_what_names_no_server(bad: str) -> None:
    with pytest.raises(JournalError, match="cannot be recorded"):
        normalize_endpoint(bad)


def test_record_sending_keeps_the_normalised_endpoint_everywhere_it_is_read(
    journal: OrderJournal,
) -> None:
    journal.record_sending(make_request(code="o1"), endpoint="HTTPS://Test.AX-Cloud.com/")
    detail = journal.get_order("o1")
    assert detail is not None
    assert detail.endpoint == ENDPOINT
    assert [s.endpoint for s in journal.list_orders()] == [ENDPOINT]
    assert [p.endpoint for p in journal.needs_reconciliation()] == [ENDPOINT]
    assert journal.endpoint_of("o1") == ENDPOINT


def test_record_sending_with_no_usable_endpoint_records_nothing(journal: OrderJournal) -> None:
    with pytest.raises(JournalError):
        journal.record_sending(make_request(code="o1"), endpoint="")
    assert journal.get_order("o1") is None


def test_needs_reconciliation_filtered_lists_only_that_servers_orders(
    journal: OrderJournal, db: Database
) -> None:
    journal.record_sending(make_request(code="test-1"), endpoint=ENDPOINT)
    journal.record_sending(make_request(code="prod-1"), endpoint=OTHER_ENDPOINT)
    journal.record_sending(make_request(code="legacy"), endpoint=ENDPOINT)
    _forget_endpoint(db, "legacy")
    journal.mark_unknown("prod-1", "The connection dropped.")

    here = journal.needs_reconciliation("https://TEST.ax-cloud.com/")
    assert [p.channel_order_code for p in here] == ["test-1"]
    assert [p.channel_order_code for p in journal.needs_reconciliation(OTHER_ENDPOINT)] == [
        "prod-1"
    ]
    everything = journal.needs_reconciliation()
    assert [(p.channel_order_code, p.endpoint) for p in everything] == [
        ("test-1", ENDPOINT),
        ("prod-1", OTHER_ENDPOINT),
        ("legacy", None),
    ]
    assert journal.needs_reconciliation("https://custom.example.com") == []


def test_non_final_ax_orders_filtered_lists_only_that_servers_orders(
    journal: OrderJournal, db: Database
) -> None:
    _sent(journal, "test-1", ENDPOINT)
    _sent(journal, "prod-1", OTHER_ENDPOINT)
    _sent(journal, "legacy", ENDPOINT)
    _forget_endpoint(db, "legacy")

    assert [r.ax_order_code for r in journal.non_final_ax_orders(ENDPOINT + "/")] == ["ax-test-1-0"]
    assert [(r.ax_order_code, r.endpoint) for r in journal.non_final_ax_orders(OTHER_ENDPOINT)] == [
        ("ax-prod-1-0", OTHER_ENDPOINT)
    ]
    assert {(r.ax_order_code, r.endpoint) for r in journal.non_final_ax_orders()} == {
        ("ax-test-1-0", ENDPOINT),
        ("ax-prod-1-0", OTHER_ENDPOINT),
        ("ax-legacy-0", None),
    }


def test_check_endpoint_allows_only_the_server_the_order_went_to(
    journal: OrderJournal, db: Database
) -> None:
    journal.record_sending(make_request(code="prod-1"), endpoint=OTHER_ENDPOINT)
    journal.check_endpoint("prod-1", "https://prod.ax-cloud.com/")

    with pytest.raises(OtherEndpointError) as other:
        journal.check_endpoint("prod-1", ENDPOINT)
    assert str(other.value) == (
        "This order was sent to https://prod.ax-cloud.com; connect to that server to check it."
    )
    assert (other.value.endpoint, other.value.current) == (OTHER_ENDPOINT, ENDPOINT)
    assert other.value.channel_order_code == "prod-1"
    assert isinstance(other.value, AxError)
    assert isinstance(other.value, JournalError)

    _forget_endpoint(db, "prod-1")
    with pytest.raises(UnrecordedEndpointError, match="did not record which AX server") as unknown:
        journal.check_endpoint("prod-1", OTHER_ENDPOINT)
    assert isinstance(unknown.value, EndpointError)
    assert unknown.value.endpoint is None

    with pytest.raises(UnknownOrderError):
        journal.check_endpoint("nope", ENDPOINT)


def test_assign_endpoint_only_fills_a_missing_endpoint(journal: OrderJournal, db: Database) -> None:
    journal.record_sending(make_request(code="legacy"), endpoint=OTHER_ENDPOINT)
    _forget_endpoint(db, "legacy")
    assert journal.endpoint_of("legacy") is None

    journal.assign_endpoint("legacy", "https://Test.ax-cloud.com/")
    assert journal.endpoint_of("legacy") == ENDPOINT
    journal.assign_endpoint("legacy", ENDPOINT)  # the same again: nothing to do
    assert journal.endpoint_of("legacy") == ENDPOINT

    with pytest.raises(OtherEndpointError, match=r"sent to https://test\.ax-cloud\.com;"):
        journal.assign_endpoint("legacy", OTHER_ENDPOINT)
    assert journal.endpoint_of("legacy") == ENDPOINT
    assert journal.state_of("legacy") is JournalState.SENDING
    with pytest.raises(UnknownOrderError):
        journal.assign_endpoint("nope", ENDPOINT)


def _infos(code: str, *ax_codes: str) -> list[OrderStatusInfo]:
    return [
        OrderStatusInfo(channel_order_code=code, ax_order_code=ax, status=2, comment=None)
        for ax in ax_codes
    ]


def test_import_remote_order_records_the_server_that_answered(journal: OrderJournal) -> None:
    assert journal.import_remote_order(_infos("made-elsewhere", "ax-1"), endpoint=ENDPOINT) == [
        "made-elsewhere"
    ]
    detail = journal.get_order("made-elsewhere")
    assert detail is not None
    assert (detail.state, detail.endpoint) == (JournalState.REMOTE, ENDPOINT)
    assert [r.ax_order_code for r in journal.non_final_ax_orders(ENDPOINT)] == ["ax-1"]
    assert journal.non_final_ax_orders(OTHER_ENDPOINT) == []

    journal.import_remote_order(_infos("made-elsewhere", "ax-2"), endpoint=ENDPOINT + "/")
    again = journal.get_order("made-elsewhere")
    assert again is not None
    assert {a.ax_order_code for a in again.ax_orders} == {"ax-1", "ax-2"}


def test_import_remote_order_refuses_an_order_of_another_server_and_records_nothing(
    journal: OrderJournal,
) -> None:
    _sent(journal, "prod-1", OTHER_ENDPOINT)
    infos = _infos("new-one", "ax-new") + _infos("prod-1", "ax-from-test")
    with pytest.raises(OtherEndpointError, match=r"sent to https://prod\.ax-cloud\.com;"):
        journal.import_remote_order(infos, endpoint=ENDPOINT)
    assert journal.get_order("new-one") is None
    detail = journal.get_order("prod-1")
    assert detail is not None
    assert [a.ax_order_code for a in detail.ax_orders] == ["ax-prod-1-0"]
    assert detail.endpoint == OTHER_ENDPOINT


def test_import_remote_order_gives_an_unrecorded_order_the_server_that_answered(
    journal: OrderJournal, db: Database
) -> None:
    _sent(journal, "legacy", OTHER_ENDPOINT)
    _forget_endpoint(db, "legacy")
    journal.import_remote_order(_infos("legacy", "ax-legacy-0"), endpoint=OTHER_ENDPOINT)
    assert journal.endpoint_of("legacy") == OTHER_ENDPOINT
    assert [r.ax_order_code for r in journal.non_final_ax_orders(OTHER_ENDPOINT)] == ["ax-legacy-0"]


def test_import_remote_order_without_an_endpoint_records_none(journal: OrderJournal) -> None:
    _sent(journal, "prod-1", OTHER_ENDPOINT)
    journal.import_remote_order(_infos("unplaced", "ax-u") + _infos("prod-1", "ax-prod-1-0"))
    assert journal.endpoint_of("unplaced") is None
    assert journal.endpoint_of("prod-1") == OTHER_ENDPOINT
    statuses = {r.ax_order_code: r.status for r in journal.non_final_ax_orders()}
    assert statuses == {
        "ax-u": OrderStatus.SUPPLIER_PENDING,
        "ax-prod-1-0": OrderStatus.SUPPLIER_PENDING,
    }
