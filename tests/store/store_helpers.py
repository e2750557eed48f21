"""Builders shared by the store tests (imported as ``store_helpers``)."""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal

from axdesk.api import (
    CreatedOrder,
    LineInput,
    OrderRequest,
    TravelerInput,
    build_order_request,
)

START = dt.datetime(2024, 5, 1, 0, 0, tzinfo=dt.UTC)
USE_AT = dt.datetime(2024, 6, 1, 5, 0, tzinfo=dt.UTC)
ENDPOINT = "https://test.ax-cloud.com"
"""The AX server the store tests' orders go to (the stub clients' ``base_url``)."""
OTHER_ENDPOINT = "https://prod.ax-cloud.com"


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self, now: dt.datetime = START) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, seconds: float) -> dt.datetime:
        self.now += dt.timedelta(seconds=seconds)
        return self.now


_counter = itertools.count(1)


def traveler(name: str = "김민수", phone: str = "010-1234-5678", email: str = "") -> TravelerInput:
    return TravelerInput(
        name=name,
        national_code="82",
        phone=phone,
        email=email or f"t{next(_counter)}@example.com",
    )


def make_request(
    *lines: tuple[str, list[TravelerInput]] | tuple[str, list[TravelerInput], dt.datetime],
    code: str | None = None,
    purchaser: TravelerInput | None = None,
    use_at: dt.datetime = USE_AT,
    unit_price: Decimal = Decimal("45000"),
) -> OrderRequest:
    """An order with one line per ``(dc_code, travelers[, use_at])``; one adult by default."""
    chosen = lines or (("dc-adult", [traveler()]),)
    return build_order_request(
        [
            LineInput(
                channel_product_mapping_code=f"map-{line[0]}",
                dc_code=line[0],
                inventory_at=line[2] if len(line) == 3 else use_at,
                unit_price=unit_price,
                travelers=line[1],
            )
            for line in chosen
        ],
        purchaser or traveler("Purchaser Park", "+82 10 9999 0000", "buyer@example.com"),
        currency="KRW",
        channel_order_code=code,
        purchased_at=START,
    )


def created_for(request: OrderRequest, prefix: str = "ax", status: str = "New") -> CreatedOrder:
    """What AX answers for ``request``: one AX order per line, one ticket per traveler, in order."""
    code = request.order.channel_order_code
    return CreatedOrder.model_validate(
        {
            "channel_order_code": code,
            "channel_order_status": status,
            "depth_combinations": [
                {
                    "dc_code": line.dc_code,
                    "inventory_at": line.inventory_at.isoformat(),
                    "ax_order_code": f"{prefix}-{code}-{n}",
                    "ax_order_status": status,
                    "quantity": line.quantity,
                    "tickets": [
                        {"ax_ticket_code": f"{prefix}-{code}-{n}-t{i}", "ax_ticket_status": "New"}
                        for i in range(line.quantity)
                    ],
                }
                for n, line in enumerate(request.depth_combinations)
            ],
        }
    )
