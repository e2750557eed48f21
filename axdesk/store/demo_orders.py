"""The demo orders practice mode opens with, so a trainee can try the phoned-in cancel at once.

Each is sent the way the app sends an order: built from the local catalog,
journaled first and sent through the real client by the
:class:`~axdesk.store.reconcile.Reconciler`, so the journal and AX agree on
every AX order and ticket. Each takes the first departure a few days ahead with
seats enough (the supplier's dates, from the inventory AX gives). Qt-free; the
practice start-up calls :func:`seed_demo_orders` once the sandbox is connected.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from axdesk.api import (
    AxClient,
    AxError,
    InventorySlot,
    LineInput,
    TravelerInput,
    build_order_request,
    slot_datetime,
)
from axdesk.store.catalog import CatalogOption, CatalogProduct, CatalogStore
from axdesk.store.journal import OptionLabel, OrderJournal
from axdesk.store.reconcile import Reconciler

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DemoLine:
    product: int  # position in the catalog (sorted by name)
    option: int  # position of the option in its product
    travelers: tuple[tuple[str, str], ...]  # (name, phone)


@dataclass(frozen=True)
class DemoOrder:
    days_ahead: int  # the first departure at least this many days after today
    purchaser: tuple[str, str, str]  # name, phone, e-mail
    lines: tuple[DemoLine, ...]
    comment: str | None = None


DEMO_ORDERS: tuple[DemoOrder, ...] = (
    DemoOrder(
        3,
        ("김민준", "010-2345-6789", "minjun.kim@example.com"),
        (DemoLine(0, 0, (("김민준", "010-2345-6789"), ("이서연", "010-3456-7890"))),),
    ),
    DemoOrder(
        5,
        ("박지훈", "010-4567-8901", "jihoon.park@example.com"),
        (
            DemoLine(1, 0, (("박지훈", "010-4567-8901"), ("최수아", "010-5678-9012"))),
            DemoLine(1, 2, (("박하은", "010-4567-8901"),)),
        ),
        "아이 한 명 포함 / one child",
    ),
    DemoOrder(
        8,
        ("Emma Wilson", "+44 7700 900123", "emma.wilson@example.com"),
        (
            DemoLine(
                2, 0, (("Emma Wilson", "+44 7700 900123"), ("James Wilson", "+44 7700 900456"))
            ),
        ),
    ),
)


def seed_demo_orders(
    client: AxClient,
    journal: OrderJournal,
    catalog: CatalogStore,
    *,
    today: dt.date,
    time_zone: str,
    orders: Sequence[DemoOrder] = DEMO_ORDERS,
) -> list[str]:
    """Send ``orders`` through the reconciler; returns the channel order codes sent.

    An order that cannot be made (no catalog product at its place, no departure
    with seats, AX refusing) is left out with a log line: practice mode opens
    all the same.
    """
    products = catalog.list_products()
    reconciler = Reconciler(client, journal)
    sent: list[str] = []
    for demo in orders:
        try:
            code = _send(demo, products, reconciler, client, today, time_zone)
        except (AxError, LookupError) as error:
            log.warning("A demo order was left out: %s", error)
            continue
        if code is not None:
            sent.append(code)
    return sent


def _send(
    demo: DemoOrder,
    products: Sequence[CatalogProduct],
    reconciler: Reconciler,
    reader: AxClient,
    today: dt.date,
    time_zone: str,
) -> str | None:
    earliest = today + dt.timedelta(days=demo.days_ahead)
    lines: list[LineInput] = []
    labels: dict[str, OptionLabel] = {}
    currency = ""
    day: dt.date | None = None
    for demo_line in demo.lines:
        product = products[demo_line.product]
        option = product.options[demo_line.option]
        slot = _first_slot(reader, product, option, len(demo_line.travelers), earliest, day)
        day = slot.date  # every line of one order on the same day
        currency = option.currency
        lines.append(
            LineInput(
                channel_product_mapping_code=option.channel_product_mapping_code,
                dc_code=option.dc_code,
                inventory_at=slot_datetime(slot.date, slot.start_time, time_zone),
                unit_price=Decimal(option.unit_price),
                travelers=[_person(name, phone) for name, phone in demo_line.travelers],
            )
        )
        labels[option.dc_code] = OptionLabel(product.product_code, product.name, option.name)
    name, phone, email = demo.purchaser
    request = build_order_request(
        lines,
        TravelerInput(name=name, national_code="82", phone=phone, email=email),
        currency=currency,
        comment=demo.comment,
    )
    outcome = reconciler.submit(request, labels)
    if not outcome.is_sent:
        log.warning("A demo order was not made: %s", outcome.message)
        return None
    return request.order.channel_order_code


def _first_slot(
    reader: AxClient,
    product: CatalogProduct,
    option: CatalogOption,
    seats: int,
    earliest: dt.date,
    day: dt.date | None,
) -> InventorySlot:
    inventory = reader.get_inventory(product.product_code)
    for slot in inventory.options.get(option.dc_code, []):
        if slot.date < earliest or (day is not None and slot.date != day):
            continue
        if slot.is_order and slot.remain_quantity >= seats:
            return slot
    raise LookupError(f"no departure of {option.dc_code} with {seats} seats from {earliest}")


def _person(name: str, phone: str) -> TravelerInput:
    local = "".join(ch for ch in name.lower() if ch.isascii() and ch.isalnum())
    if not local:  # a Korean name: the traveler's number makes the address
        local = "traveler" + "".join(ch for ch in phone if ch.isdigit())[-4:]
    return TravelerInput(name=name, national_code="82", phone=phone, email=f"{local}@example.com")
