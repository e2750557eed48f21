"""End to end: the Reconciler, a real AxClient and the sandbox over loopback HTTP.

The sandbox commits the order and then drops the connection before answering
(``commit_then_drop``); afterwards exactly one order exists at the sandbox and
the journal holds its AX order codes and ticket codes, each ticket paired with
the traveler it was made for.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from store_helpers import traveler

from axdesk.api import (
    AxClient,
    LineInput,
    OrderRequest,
    build_order_request,
    slot_datetime,
)
from axdesk.sandbox.embedded import RunningSandbox, start_sandbox
from axdesk.store.catalog import CatalogStore
from axdesk.store.db import Database
from axdesk.store.journal import OptionLabel, OrderJournal
from axdesk.store.journal_queries import JournalState, ProblemKind
from axdesk.store.reconcile import Reconciler

pytestmark = pytest.mark.e2e


@pytest.fixture
def sandbox() -> Iterator[RunningSandbox]:
    running = start_sandbox(host="127.0.0.1", port=0, confirm_after=None, random_seed=7)
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture
def client(sandbox: RunningSandbox) -> Iterator[AxClient]:
    with AxClient(sandbox.base_url, sandbox.api_key, sandbox.channel_code, timeout=5.0) as ax:
        yield ax


def _order_from_sandbox(
    sandbox: RunningSandbox, client: AxClient, db: Database
) -> tuple[OrderRequest, dict[str, OptionLabel]]:
    """A two-traveler order for the first bookable slot of the sandbox's first product."""
    catalog = CatalogStore(db)
    catalog.replace_from_sandbox(sandbox.catalog())
    product = catalog.list_products()[0]
    inventory = client.get_inventory(product.product_code)
    for option in product.options:
        slots = [s for s in inventory.options.get(option.dc_code, []) if s.remain_quantity >= 2]
        slots = [s for s in slots if s.is_order]
        if slots:
            slot = slots[0]
            break
    else:  # pragma: no cover - the demo catalog always has seats
        pytest.fail("The sandbox's demo catalog has no slot with two free seats.")
    request = build_order_request(
        [
            LineInput(
                channel_product_mapping_code=option.channel_product_mapping_code,
                dc_code=option.dc_code,
                inventory_at=slot_datetime(slot.date, slot.start_time, "Asia/Seoul"),
                unit_price=option.unit_price,
                travelers=[traveler("김민수"), traveler("이영희", "010-2222-3333")],
            )
        ],
        traveler("Purchaser Park", "+82 10 9999 0000", "buyer@example.com"),
        currency=option.currency,
    )
    labels = {option.dc_code: OptionLabel(product.product_code, product.name, option.name)}
    return request, labels


def _assert_journal_matches_sandbox(
    journal: OrderJournal, sandbox: RunningSandbox, request: OrderRequest
) -> None:
    code = request.order.channel_order_code
    views = sandbox.state.orders_for(code)
    order = journal.get_order(code)
    assert order is not None
    assert order.state is JournalState.SENT
    assert order.problem is None
    assert [a.ax_order_code for a in order.ax_orders] == [v.ax_order_code for v in views]
    sandbox_tickets = {t.channel_ticket_code: t.ax_ticket_code for v in views for t in v.tickets}
    journal_tickets = {t.channel_code: t.ax_ticket_code for t in order.tickets}
    assert journal_tickets == sandbox_tickets
    assert set(journal_tickets) == {t.channel_code for t in request.tickets}
    assert all(code_ is not None for code_ in journal_tickets.values())


@pytest.mark.parametrize("repeats", [False, True], ids=["not-told", "told-ax-repeats"])
def test_a_response_lost_after_commit_leaves_exactly_one_order_matching_the_journal(
    sandbox: RunningSandbox, client: AxClient, db: Database, journal: OrderJournal, repeats: bool
) -> None:
    """Settled from Get Confirm, not sent again; only where the profile says AX answers a
    repeated code with the same order is it sent again, to learn the ticket codes."""
    request, labels = _order_from_sandbox(sandbox, client, db)
    code = request.order.channel_order_code
    assert sandbox.state.order_count() == 0
    sandbox.state.queue_fault("commit_then_drop", "POST")

    sleeps: list[float] = []
    reconciler = Reconciler(client, journal, sleep=sleeps.append, same_order_on_repeat=repeats)
    outcome = reconciler.submit(request, labels)

    assert outcome.is_sent, outcome.message
    assert sandbox.state.order_count() == 1
    assert len(sandbox.state.orders_for(code)) == 1
    detail = journal.get_order(code)
    assert detail is not None
    if repeats:
        _assert_journal_matches_sandbox(journal, sandbox, request)
        assert detail.attempts == 2  # the lost POST and the repeat under the same code
    else:
        assert detail.attempts == 1
        assert detail.problem_kind is ProblemKind.TICKETS_UNKNOWN
        assert [a.ax_order_code for a in detail.ax_orders] == [
            v.ax_order_code for v in sandbox.state.orders_for(code)
        ]
        assert [t.ax_ticket_code for t in detail.tickets] == [None, None]
    assert (
        detail.lines[0].product_name == labels[request.depth_combinations[0].dc_code].product_name
    )
    assert sleeps == [1.0]


def test_an_order_left_sending_is_settled_at_start_up_without_a_duplicate(
    sandbox: RunningSandbox, client: AxClient, db: Database, journal: OrderJournal
) -> None:
    request, labels = _order_from_sandbox(sandbox, client, db)
    journal.record_sending(request, labels, endpoint=client.base_url)
    client.create_order(request)  # it reached AX, then axdesk stopped before recording the answer

    outcomes = Reconciler(client, journal, sleep=lambda _s: None).reconcile_pending()

    assert [o.state for o in outcomes] == [JournalState.SENT]
    assert sandbox.state.order_count() == 1
    _assert_journal_matches_sandbox(journal, sandbox, request)


def test_the_poller_view_follows_the_supplier(
    sandbox: RunningSandbox, client: AxClient, db: Database, journal: OrderJournal
) -> None:
    request, labels = _order_from_sandbox(sandbox, client, db)
    assert Reconciler(client, journal).submit(request, labels).is_sent
    refs = journal.non_final_ax_orders(client.base_url)
    assert len(refs) == 1
    assert refs[0].endpoint == client.base_url
    assert journal.non_final_ax_orders("https://prod.ax-cloud.com") == []
    sandbox.state.set_order_status(refs[0].ax_order_code, 3, "Supplier 확정")
    changed = journal.apply_status_infos(client.get_order_status(refs[0].ax_order_code))
    assert changed == [refs[0].ax_order_code]
    assert journal.non_final_ax_orders() == []


def test_an_order_pending_for_another_server_is_never_sent_to_the_sandbox(
    sandbox: RunningSandbox, client: AxClient, db: Database, journal: OrderJournal
) -> None:
    request, labels = _order_from_sandbox(sandbox, client, db)
    journal.record_sending(request, labels, endpoint="https://prod.ax-cloud.com")
    code = request.order.channel_order_code

    reconciler = Reconciler(client, journal, sleep=lambda _s: None)
    outcomes = reconciler.reconcile_pending()

    assert [o.is_elsewhere for o in outcomes] == [True]
    assert outcomes[0].message == (
        "This order was sent to https://prod.ax-cloud.com; connect to that server to check it."
    )
    assert reconciler.submit(request, labels).is_elsewhere
    assert sandbox.state.order_count() == 0
    assert journal.state_of(code) is JournalState.SENDING
    assert journal.needs_reconciliation(client.base_url) == []
