"""The New order form's order as the submission asks for it (no Qt).

:class:`FormOrder` is the form's side of
:class:`axdesk.store.submission.TypedOrder`: the store sends, the form knows
what was typed. It holds one state of the form, built once per send, with
the catalog products and the supplier's time zone of that moment, and is
only read (on the worker) from then on.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from axdesk.api import Inventory, OrderRequest
from axdesk.store.catalog import CatalogProduct
from axdesk.store.journal import OptionLabel
from axdesk.store.submission import InventoryKey
from axdesk.ui.order_entry.drafts import draft_json
from axdesk.ui.order_entry.request import build_request
from axdesk.ui.order_entry.rules.issue import Issue
from axdesk.ui.order_entry.seats import inventory_keys, seat_issues
from axdesk.ui.order_entry.state import OrderFormState


@dataclass(frozen=True)
class FormOrder:
    """One send's worth of the form: its state, the catalog and the supplier's time zone."""

    state: OrderFormState
    products: Sequence[CatalogProduct]
    tz_name: str

    def seat_keys(self) -> list[InventoryKey]:
        return inventory_keys(self.state)

    def seat_problems(self, inventories: Mapping[InventoryKey, Inventory]) -> list[Issue]:
        return seat_issues(self.state, inventories)

    def request(self, channel_order_code: str) -> OrderRequest:
        return build_request(
            self.state,
            mapping_code_for=self.mapping_code,
            tz_name=self.tz_name,
            channel_order_code=channel_order_code,
        )

    def labels(self) -> dict[str, OptionLabel]:
        labels: dict[str, OptionLabel] = {}
        for line in self.state.lines:
            for product in self.products:
                option = product.option(line.dc_code)
                if product.product_code == line.product_code and option is not None:
                    labels[line.dc_code] = OptionLabel(
                        product.product_code, product.name, option.name
                    )
        return labels

    def draft(self, channel_order_code: str) -> str:
        return draft_json(self.state, channel_order_code)

    def mapping_code(self, product_code: str, dc_code: str) -> str | None:
        """The catalog's channel product mapping code of an option (None if unknown)."""
        for product in self.products:
            if product.product_code == product_code:
                option = product.option(dc_code)
                return option.channel_product_mapping_code if option else None
        return None
