"""Orders for the sandbox's demo catalog, for the store's end-to-end tests (imported by name).

The departures come from the sandbox's own catalog and inventory, read over
loopback with a real ``AxClient``; the orders are built with the client's
builders, as the New order form builds them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from store_helpers import traveler

from axdesk.api import (
    AxClient,
    LineInput,
    OrderRequest,
    TravelerInput,
    build_order_request,
    slot_datetime,
)
from axdesk.sandbox.embedded import RunningSandbox


@dataclass(frozen=True)
class Departure:
    """One departure of one option, as the sandbox's catalog and inventory describe it."""

    product_code: str
    dc_code: str
    mapping_code: str
    unit_price: str
    currency: str
    day: dt.date
    start: dt.time
    seats: int
    bookable: bool

    @property
    def inventory_at(self) -> dt.datetime:
        return slot_datetime(self.day, self.start, "Asia/Seoul")


def departures(sandbox: RunningSandbox, client: AxClient) -> list[Departure]:
    """Every departure of the sandbox's catalog, closed and sold-out ones included."""
    found: list[Departure] = []
    for product in sandbox.catalog():
        code = str(product["product_code"])
        inventory = client.get_inventory(code)
        for option in product["options"]:  # type: ignore[attr-defined]
            for slot in inventory.options.get(option["dc_code"], []):
                found.append(
                    Departure(
                        product_code=code,
                        dc_code=option["dc_code"],
                        mapping_code=option["channel_product_mapping_code"],
                        unit_price=option["unit_price"],
                        currency=option["currency"],
                        day=slot.date,
                        start=slot.start_time,
                        seats=slot.remain_quantity,
                        bookable=slot.is_bookable,
                    )
                )
    return found


def order_for(
    departure: Departure,
    quantity: int,
    *,
    code: str | None = None,
    name: str = "Traveler",
) -> OrderRequest:
    """``quantity`` travelers on ``departure`` (one line), under ``code`` (a new one if None)."""
    travelers: list[TravelerInput] = [traveler(f"{name} {n}") for n in range(1, quantity + 1)]
    return build_order_request(
        [
            LineInput(
                channel_product_mapping_code=departure.mapping_code,
                dc_code=departure.dc_code,
                inventory_at=departure.inventory_at,
                unit_price=Decimal(departure.unit_price),
                travelers=travelers,
            )
        ],
        traveler("Purchaser Park", "+82 10 9999 0000", "buyer@example.com"),
        currency=departure.currency,
        channel_order_code=code,
    )
