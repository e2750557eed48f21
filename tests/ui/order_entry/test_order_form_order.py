"""The form's order as the submission asks for it (FormOrder), without Qt."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

from order_entry_helpers import valid_state

from axdesk.api import Inventory, InventorySlot
from axdesk.store.catalog import CatalogOption, CatalogProduct
from axdesk.store.journal import OptionLabel
from axdesk.store.submission import TypedOrder
from axdesk.ui.order_entry.drafts import SUBMITTED_CODE_KEY
from axdesk.ui.order_entry.form_order import FormOrder
from axdesk.ui.order_entry.rules.issue import Issue
from axdesk.ui.order_entry.state import OrderFormState

DAY = dt.date(2030, 5, 3)
PRODUCTS = (
    CatalogProduct(
        "P1",
        "Night tour",
        (CatalogOption("D1", "P1", "Adult", "M1", Decimal(50000), "KRW"),),
    ),
)


def form_order(state: OrderFormState | None = None) -> FormOrder:
    return FormOrder(state or valid_state(), PRODUCTS, "Asia/Seoul")


def slot(seats: int) -> InventorySlot:
    return InventorySlot(
        inventory_code="I1",
        date=DAY,
        start_time=dt.time(9, 0),
        is_order=True,
        max_quantity=20,
        min_quantity=1,
        remain_quantity=seats,
        ordered_quantity=20 - seats,
    )


def test_the_form_order_is_what_the_submission_asks_for() -> None:
    typed: TypedOrder[Issue] = form_order()
    assert typed.seat_keys() == [("P1", DAY)]
    assert typed.labels() == {"D1": OptionLabel("P1", "Night tour", "Adult")}


def test_the_request_is_made_under_the_given_code_with_the_catalogs_mapping_code() -> None:
    request = form_order().request("ORDER-1")
    assert request.order.channel_order_code == "ORDER-1"
    assert [line.channel_product_mapping_code for line in request.depth_combinations] == ["M1"]
    assert form_order().mapping_code("P1", "D2") is None
    assert form_order().mapping_code("P9", "D1") is None


def test_the_draft_names_the_code_the_order_goes_out_under() -> None:
    state = valid_state()
    draft = form_order(state).draft("ORDER-1")
    assert json.loads(draft)[SUBMITTED_CODE_KEY] == "ORDER-1"
    assert OrderFormState.from_json(draft) == state


def test_seats_read_again_are_checked_against_the_lines() -> None:
    order = form_order()
    enough = {("P1", DAY): Inventory(product_code="P1", options={"D1": [slot(5)]})}
    assert order.seat_problems(enough) == []
    short = {("P1", DAY): Inventory(product_code="P1", options={"D1": [slot(1)]})}
    (problem,) = order.seat_problems(short)
    assert problem.field == "lines[0].quantity"
    assert problem.sentence() == (
        "Seats left at this time: 1, but 2 are asked for; lower the quantity."
    )
