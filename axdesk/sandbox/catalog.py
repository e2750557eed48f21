"""The sandbox's catalog: credentials, products, options and their dated slots.

Everything here is plain data. Slots carry the one mutable number of the
catalog, ``ordered_quantity``; only :class:`axdesk.sandbox.state.SandboxState`
changes it, under its lock.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from decimal import Decimal
from zoneinfo import ZoneInfo

CURRENCIES = ("KRW", "USD")


@dataclass(frozen=True)
class Credential:
    """One API key + channel code pair the sandbox accepts. Both stay out of reprs."""

    api_key: str = field(repr=False)
    channel_code: str = field(repr=False)


@dataclass(slots=True)
class Slot:
    """One dated departure of one option, with its seat counts."""

    inventory_code: str
    dc_code: str
    date: date
    start_time: time
    max_quantity: int
    min_quantity: int
    ordered_quantity: int
    is_order: bool

    @property
    def remain_quantity(self) -> int:
        return self.max_quantity - self.ordered_quantity


@dataclass(frozen=True)
class Option:
    """A depth combination (``dc_code``): what a channel sells and orders."""

    dc_code: str
    product_code: str
    name: str
    mapping_code: str
    unit_price: Decimal
    currency: str
    slots: list[Slot]


@dataclass(frozen=True)
class Product:
    product_code: str
    name: str
    options: list[Option]


@dataclass
class Catalog:
    """Products and credentials with the lookups the endpoints need.

    ``timezone`` is the supplier's zone: slot dates and start times are local
    to it, while ``inventory_at`` in orders is UTC.
    """

    timezone: str
    credentials: list[Credential]
    products: list[Product]
    tz: ZoneInfo = field(init=False, repr=False)
    products_by_code: dict[str, Product] = field(init=False, repr=False)
    options_by_dc: dict[str, Option] = field(init=False, repr=False)
    options_by_mapping: dict[str, Option] = field(init=False, repr=False)
    slots_by_code: dict[str, Slot] = field(init=False, repr=False)
    slots_by_start: dict[tuple[str, datetime], Slot] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.tz = ZoneInfo(self.timezone)
        self.products_by_code = {p.product_code: p for p in self.products}
        self.options_by_dc = {o.dc_code: o for p in self.products for o in p.options}
        self.options_by_mapping = {o.mapping_code: o for o in self.options_by_dc.values()}
        self.slots_by_code = {}
        self.slots_by_start = {}
        for option in self.options_by_dc.values():
            for slot in option.slots:
                self.slots_by_code[slot.inventory_code] = slot
                self.slots_by_start[(option.dc_code, self.slot_start_utc(slot))] = slot

    def slot_start_utc(self, slot: Slot) -> datetime:
        """The slot's local date and start time in the catalog's zone, as an aware UTC time."""
        return datetime.combine(slot.date, slot.start_time, tzinfo=self.tz).astimezone(UTC)

    def add_credential(self, credential: Credential) -> None:
        if credential not in self.credentials:
            self.credentials.append(credential)

    def as_plain_products(self) -> list[dict[str, object]]:
        """Products and options as plain dicts (no slots), the shape ``catalog()`` promises."""
        return [
            {
                "product_code": product.product_code,
                "name": product.name,
                "options": [
                    {
                        "dc_code": option.dc_code,
                        "name": option.name,
                        "channel_product_mapping_code": option.mapping_code,
                        "unit_price": money_text(option.unit_price),
                        "currency": option.currency,
                    }
                    for option in product.options
                ],
            }
            for product in self.products
        ]


def money_text(amount: Decimal) -> str:
    """Money as the API writes it: exactly five decimals."""
    return f"{amount.quantize(Decimal('0.00001')):f}"
