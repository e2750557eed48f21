"""Unit prices far below the catalog's: not wrong, but worth a question (no Qt).

₩2 typed for a ₩55,000 option is most likely a slip of the finger, but an agency
may sell below the catalog (a price agreed on the phone), so it is not a
validation error: the form asks once before sending (see
:meth:`OrderForm.confirm_low_prices <axdesk.ui.order_entry.form.OrderForm.confirm_low_prices>`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from axdesk.ui.common.money_text import parse_amount_text
from axdesk.ui.order_entry.state import OrderFormState

FAR_BELOW = Decimal("0.5")
"""A unit price under this share of the catalog's is far below it."""


@dataclass(frozen=True)
class LowPrice:
    """A line whose unit price is far below its option's catalog price."""

    line: int
    product_code: str
    dc_code: str
    typed: Decimal
    catalog: Decimal

    @property
    def key(self) -> tuple[str, str, Decimal]:
        """What the operator confirms: this price for this option."""
        return (self.product_code, self.dc_code, self.typed)


def low_prices(
    state: OrderFormState, catalog_prices: Mapping[tuple[str, str], Decimal]
) -> list[LowPrice]:
    """The lines priced below :data:`FAR_BELOW` of their option's catalog price, in order.

    ``catalog_prices`` maps (product code, option code) to the catalog's unit price;
    a line whose option or price is unknown, or whose price is not a number, is left
    to the validation.
    """
    found = []
    for index, line in enumerate(state.lines):
        catalog = catalog_prices.get((line.product_code, line.dc_code))
        typed = parse_amount_text(line.unit_price) if line.unit_price.strip() else None
        if catalog is None or typed is None or catalog <= 0:
            continue
        if typed < catalog * FAR_BELOW:
            found.append(LowPrice(index, line.product_code, line.dc_code, typed, catalog))
    return found
