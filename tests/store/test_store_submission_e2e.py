"""End to end: OrderSubmission, a real AxClient and the sandbox over loopback HTTP.

One send reads the seats from the sandbox, checks them, journals the order
and posts it; seats taken by another channel meanwhile stop it before
anything is journaled, and a lost answer is settled under the same code.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

import pytest
from store_helpers import traveler

from axdesk.api import (
    AxClient,
    Inventory,
    InventorySlot,
    LineInput,
    OrderRequest,
    build_order_request,
    slot_datetime,
)
from axdesk.sandbox.embedded import RunningSandbox, start_sandbox
from axdesk.store.catalog import CatalogOption, CatalogProduct, CatalogStore
from axdesk.store.db import Database
from axdesk.store.journal import OptionLabel, OrderJournal
from axdesk.store.journal_queries import JournalState
from axdesk.store.reconcile import Reconciler
from axdesk.store.submission import (
    InventoryKey,
    OrderSubmission,
    SeatsChanged,
    Sent,
    new_channel_order_code,
)

pytestmark = pytest.mark.e2e

DRAFT_KEY = "new-order"


@pytest.fixture
def sandbox() -> Iterator[RunningSandbox]:
    running = start_sandbox(host="127.0.0.1", port=0, confirm_after=None, random_seed=11)
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture
def client(sandbox: RunningSandbox) -> Iterator[AxClient]:
    with AxClient(sandbox.base_url, sandbox.api_key, sandbox.channel_code, timeout=5.0) as ax:
        yield ax


@dataclass(frozen=True)
class OneLine:
    """A typed order of ``quantity`` travelers on one departure of the sandbox."""

    product: CatalogProduct
    option: CatalogOption
    slot: InventorySlot
    quantity: int

    def seat_keys(self) -> Sequence[InventoryKey]:
        return [(self.product.product_code, self.slot.date)]

    def seat_problems(self, inventories: Mapping[InventoryKey, Inventory]) -> Sequence[str]:
        inventory = inventories[(self.product.product_code, self.slot.date)]
        for slot in inventory.options.get(self.option.dc_code, []):
            if slot.start_time == self.slot.start_time:
                if slot.remain_quantity < self.quantity:
                    return [f"{slot.remain_quantity} seats left"]
                return []
        return ["the departure is gone"]

    def request(self, channel_order_code: str) -> OrderRequest:
        line = LineInput(
            channel_product_mapping_code=self.option.channel_product_mapping_code,
            dc_code=self.option.dc_code,
            inventory_at=slot_datetime(self.slot.date, self.slot.start_time, "Asia/Seoul"),
            unit_price=self.option.unit_price,
            travelers=[traveler(f"Traveler {n}") for n in range(1, self.quantity + 1)],
        )
        return build_order_request(
            [line],
            traveler("Purchaser Park", "+82 10 9999 0000", "buyer@example.com"),
            currency=self.option.currency,
            channel_order_code=channel_order_code,
        )

    def labels(self) -> Mapping[str, OptionLabel]:
        return {
            self.option.dc_code: OptionLabel(
                self.product.product_code, self.product.name, self.option.name
            )
        }

    def draft(self, channel_order_code: str) -> str:
        return f'{{"submitted_code": "{channel_order_code}"}}'


def an_order(sandbox: RunningSandbox, client: AxClient, db: Database, *, most: int) -> OneLine:
    """Two travelers on a bookable departure with at most ``most`` seats left."""
    catalog = CatalogStore(db)
    catalog.replace_from_sandbox(sandbox.catalog())
    for product in catalog.list_products():
        inventory = client.get_inventory(product.product_code)
        for option in product.options:
            for slot in inventory.options.get(option.dc_code, []):
                if slot.is_bookable and 2 <= slot.remain_quantity <= most:
                    return OneLine(product, option, slot, 2)
    pytest.fail("The sandbox's demo catalog has no departure with a few seats left.")


def submission_for(
    client: AxClient, journal: OrderJournal, *, same_order_on_repeat: bool = False
) -> OrderSubmission:
    reconciler = Reconciler(
        client,
        journal,
        sleep=lambda _s: None,
        retry_delays=(0.0,),
        same_order_on_repeat=same_order_on_repeat,
    )
    return OrderSubmission(lambda: client, journal, reconciler, draft_key=DRAFT_KEY)


def test_one_send_reads_the_seats_journals_and_makes_exactly_one_order(
    sandbox: RunningSandbox, client: AxClient, db: Database, journal: OrderJournal
) -> None:
    order = an_order(sandbox, client, db, most=50)
    code = new_channel_order_code()

    result = submission_for(client, journal).send(order, code)

    assert isinstance(result.outcome, Sent), result.outcome
    key = (order.product.product_code, order.slot.date)
    assert list(result.inventories) == [key]
    (view,) = sandbox.state.orders_for(code)
    detail = result.outcome.detail
    assert detail is not None
    assert detail.state is JournalState.SENT
    assert [t.ax_ticket_code for t in detail.tickets] == [t.ax_ticket_code for t in view.tickets]
    assert detail.lines[0].product_name == order.product.name
    assert journal.load_draft(DRAFT_KEY) == order.draft(code)


def test_seats_taken_by_another_channel_meanwhile_stop_the_order_before_the_journal(
    sandbox: RunningSandbox, client: AxClient, db: Database, journal: OrderJournal
) -> None:
    order = an_order(sandbox, client, db, most=8)
    others = order.slot.remain_quantity - 1  # leave one seat: two are asked for
    taken = OneLine(order.product, order.option, order.slot, others)
    client.create_order(taken.request(new_channel_order_code()))  # not through this journal
    before = sandbox.state.order_count()

    result = submission_for(client, journal).send(order, new_channel_order_code())

    assert result.outcome == SeatsChanged(("1 seats left",))
    assert sandbox.state.order_count() == before
    assert journal.list_orders() == []
    assert journal.load_draft(DRAFT_KEY) is None


def test_an_answer_lost_after_the_commit_is_settled_without_a_second_order(
    sandbox: RunningSandbox, client: AxClient, db: Database, journal: OrderJournal
) -> None:
    order = an_order(sandbox, client, db, most=50)
    code = new_channel_order_code()
    sandbox.state.queue_fault("commit_then_drop", "POST")

    result = submission_for(client, journal, same_order_on_repeat=True).send(order, code)

    assert isinstance(result.outcome, Sent), result.outcome
    assert sandbox.state.order_count() == 1
    assert len(sandbox.state.orders_for(code)) == 1
    detail = journal.get_order(code)
    assert detail is not None
    assert detail.attempts == 2
    assert all(ticket.ax_ticket_code for ticket in detail.tickets)


def test_an_answer_lost_after_the_commit_is_settled_from_get_confirm_without_a_resend(
    sandbox: RunningSandbox, client: AxClient, db: Database, journal: OrderJournal
) -> None:
    order = an_order(sandbox, client, db, most=50)
    code = new_channel_order_code()
    sandbox.state.queue_fault("commit_then_drop", "POST")

    result = submission_for(client, journal).send(order, code)

    assert isinstance(result.outcome, Sent), result.outcome
    assert sandbox.state.order_count() == 1
    detail = journal.get_order(code)
    assert detail is not None
    assert detail.attempts == 1
    assert detail.lacks_ticket_codes
    assert [a.ax_order_code for a in detail.ax_orders] == [
        v.ax_order_code for v in sandbox.state.orders_for(code)
    ]
