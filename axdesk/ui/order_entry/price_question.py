"""Before sending: a unit price far below the catalog's is asked about, once.

The rule itself is Qt-free (:func:`~axdesk.ui.order_entry.rules.prices.low_prices`);
this words the question and remembers each price the operator confirmed, so the
same price for the same option is not asked again until the form is cleared.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal

from PySide6.QtCore import QObject

from axdesk.store.catalog import CatalogProduct
from axdesk.ui.common.money_text import format_money
from axdesk.ui.common.placeholders import fill_args
from axdesk.ui.order_entry.rules.prices import low_prices
from axdesk.ui.order_entry.state import OrderFormState


class LowPriceQuestion(QObject):
    """Asks about unit prices far below the catalog's, each price once. Signals: none."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._confirmed: set[tuple[str, str, Decimal]] = set()

    def confirm(
        self,
        state: OrderFormState,
        products: Sequence[CatalogProduct],
        ask: Callable[[str, str], bool],
    ) -> bool:
        """True to send: no price far below the catalog's that was not confirmed before,
        or the operator answered yes to ``ask(title, text)``."""
        catalog = {
            (product.product_code, option.dc_code): option.unit_price
            for product in products
            for option in product.options
        }
        found = [low for low in low_prices(state, catalog) if low.key not in self._confirmed]
        if not found:
            return True
        sentences = [
            fill_args(
                self.tr("Line %1: the unit price %2 is far below the catalog's %3."),
                str(low.line + 1),
                format_money(low.typed, state.currency),
                format_money(low.catalog, state.currency),
            )
            for low in found
        ]
        question = (
            self.tr("Send the order at this price?")
            if len(found) == 1
            else self.tr("Send the order at these prices?")
        )
        if not ask(
            self.tr("Unit price far below the catalog"),
            "\n".join(sentences) + "\n\n" + question,
        ):
            return False
        self._confirmed.update(low.key for low in found)
        return True

    def forget(self) -> None:
        """A new order: ask again about any price."""
        self._confirmed.clear()
