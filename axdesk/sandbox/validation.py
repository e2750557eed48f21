"""Checking request bodies: Create Order against the type tables and the catalog, Cancel Ticket.

Every problem becomes one message naming the field's path
(``depth_combinations[0].tickets: 1 ticket for quantity 2``); all are
collected so a client sees everything wrong at once. Seat availability is
not checked here: it needs the state's lock (see ``SandboxState``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from axdesk.sandbox.catalog import CURRENCIES, Catalog, Slot
from axdesk.sandbox.errors import bad_request, invalid_order
from axdesk.sandbox.orders import TICKET_TRAVELER_CANCELED
from axdesk.sandbox.wire import format_decimal, format_utc, parse_datetime, parse_money

_PERSON_FIELDS = ("name", "national_code", "phone", "email")
_MISSING = object()


@dataclass(frozen=True)
class LinePlan:
    """One depth combination of a valid order, resolved to its slot."""

    where: str
    dc_code: str
    slot: Slot
    inventory_at: datetime
    quantity: int
    ticket_codes: list[str]


@dataclass(frozen=True)
class OrderPlan:
    channel_order_code: str
    lines: list[LinePlan]


def channel_order_code_of(body: object) -> str | None:
    """The order id of a body, read leniently (to spot a repeated request before checking it)."""
    if not isinstance(body, dict):
        return None
    order = body.get("order")
    if not isinstance(order, dict):
        return None
    for key in ("channel_order_code", "channel_order_id"):
        value = order.get(key)
        if isinstance(value, str) and value.strip():
            return value
    return None


def validate_order(body: object, catalog: Catalog) -> OrderPlan:
    """Check a decoded Create Order body; raise a 400 ``ApiProblem`` listing every problem."""
    if not isinstance(body, dict):
        raise bad_request(
            "The request body must be a JSON object with depth_combinations, order, "
            "purchaser and representative."
        )
    return _OrderChecker(catalog).check(body)


class _OrderChecker:
    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.errors: list[str] = []
        self.ticket_codes: set[str] = set()

    def add(self, where: str, text: str) -> None:
        self.errors.append(f"{where}: {text}")

    # --- typed field readers: each reports its own problem and returns None ---

    def field(self, where: str, parent: dict[str, Any], key: str, required: bool) -> Any:
        value = parent.get(key)
        if value is None:
            if required:
                self.add(f"{where}.{key}", "is required")
            return _MISSING
        return value

    def text(
        self,
        where: str,
        parent: dict[str, Any],
        key: str,
        *,
        required: bool = True,
        blank_ok: bool = False,
    ) -> str | None:
        value = self.field(where, parent, key, required)
        if value is _MISSING:
            return None
        if not isinstance(value, str):
            self.add(f"{where}.{key}", "must be a string")
            return None
        if not blank_ok and not value.strip():
            self.add(f"{where}.{key}", "must not be empty")
            return None
        return value

    def money(
        self, where: str, parent: dict[str, Any], key: str, *, required: bool
    ) -> Decimal | None:
        value = self.field(where, parent, key, required)
        if value is _MISSING:
            return None
        amount = parse_money(value)
        if amount is None:
            self.add(
                f"{where}.{key}",
                "must be an amount of 0 or more with at most 5 decimals, "
                'as a string such as "2222.00000" or a number',
            )
        return amount

    def moment(
        self, where: str, parent: dict[str, Any], key: str, *, required: bool
    ) -> datetime | None:
        value = self.field(where, parent, key, required)
        if value is _MISSING:
            return None
        moment = parse_datetime(value)
        if moment is None:
            self.add(
                f"{where}.{key}",
                'must be a date-time such as "2023-03-01T05:00:00Z" (RFC 3339, UTC)',
            )
        return moment

    def boolean(self, where: str, parent: dict[str, Any], key: str) -> None:
        value = self.field(where, parent, key, True)
        if value is not _MISSING and not isinstance(value, bool):
            self.add(f"{where}.{key}", "must be true or false")

    def obj(self, where: str, value: object, *, required: bool = True) -> dict[str, Any] | None:
        if value is None:
            if required:
                self.add(where, "is required")
            return None
        if not isinstance(value, dict):
            self.add(where, "must be an object")
            return None
        return value

    def optional_object(self, where: str, parent: dict[str, Any], key: str) -> None:
        self.obj(f"{where}.{key}", parent.get(key), required=False)

    # --- the document ---

    def check(self, body: dict[str, Any]) -> OrderPlan:
        order = self.obj("order", body.get("order"))
        code = self.order_code(order) if order is not None else None
        currency = self.check_order(order) if order is not None else None
        lines, sub_total = self.check_lines(body.get("depth_combinations"), currency)
        if order is not None:
            self.check_totals(order, sub_total)
        purchaser = self.obj("purchaser", body.get("purchaser"))
        if purchaser is not None:
            self.check_person("purchaser", purchaser, extra_required=True)
            self.boolean("purchaser", purchaser, "is_required_more_information")
        representative = self.obj("representative", body.get("representative"), required=False)
        if representative is not None:
            self.check_person("representative", representative, extra_required=False)
        if self.errors or code is None:
            raise invalid_order(self.errors)
        return OrderPlan(channel_order_code=code, lines=lines)

    def order_code(self, order: dict[str, Any]) -> str | None:
        code = order.get("channel_order_code")
        legacy = order.get("channel_order_id")
        if code is not None and legacy is not None and code != legacy:
            self.add("order.channel_order_id", "differs from order.channel_order_code; send one")
            return None
        if code is None and legacy is None:
            self.add("order.channel_order_code", "is required (channel_order_id is accepted too)")
            return None
        key = "channel_order_code" if code is not None else "channel_order_id"
        return self.text("order", order, key)

    def check_order(self, order: dict[str, Any]) -> str | None:
        self.moment("order", order, "purchased_at", required=True)
        for key in ("purchase_requested_at", "reserved_at", "reservation_requested_at"):
            self.moment("order", order, key, required=False)
        for key in ("discount_method", "comment"):
            self.text("order", order, key, required=False, blank_ok=True)
        self.boolean("order", order, "is_voucher")
        status = self.text("order", order, "status")
        if status is not None and status != "New":
            self.add("order.status", f'must be "New" for a new order, not "{status}"')
        currency = self.text("order", order, "currency")
        if currency is not None and currency not in CURRENCIES:
            self.add("order.currency", f'must be "KRW" or "USD", not "{currency}"')
            return None
        return currency

    def check_totals(self, order: dict[str, Any], expected_sub_total: Decimal | None) -> None:
        sub_total = self.money("order", order, "sub_total", required=True)
        discount = self.money("order", order, "discount", required=False)
        total = self.money("order", order, "total", required=True)
        if (
            sub_total is not None
            and expected_sub_total is not None
            and sub_total != expected_sub_total
        ):
            self.add(
                "order.sub_total",
                f"{format_decimal(sub_total)} is not the sum of unit_selling_price × quantity "
                f"({format_decimal(expected_sub_total)})",
            )
        discount_ok = discount is not None or order.get("discount") is None
        if sub_total is not None and total is not None and discount_ok:
            whole_discount = discount or Decimal(0)
            expected = sub_total - whole_discount
            if total != expected:
                self.add(
                    "order.total",
                    f"{format_decimal(total)} is not sub_total {format_decimal(sub_total)} minus "
                    f"discount {format_decimal(whole_discount)} ({format_decimal(expected)})",
                )

    def check_person(self, where: str, person: dict[str, Any], *, extra_required: bool) -> None:
        for key in _PERSON_FIELDS:
            self.text(where, person, key)
        self.optional_object(where, person, "additional")
        self.text(where, person, "extra", required=extra_required, blank_ok=True)

    def check_lines(
        self, value: object, currency: str | None
    ) -> tuple[list[LinePlan], Decimal | None]:
        if value is None:
            self.add("depth_combinations", "is required")
            return [], None
        if not isinstance(value, list) or not value:
            self.add("depth_combinations", "must be a non-empty list of the options bought")
            return [], None
        lines: list[LinePlan] = []
        sub_total: Decimal | None = Decimal(0)
        for index, raw in enumerate(value):
            where = f"depth_combinations[{index}]"
            line = self.obj(where, raw)
            if line is None:
                sub_total = None
                continue
            plan, line_total = self.check_line(where, line, currency)
            if plan is not None:
                lines.append(plan)
            sub_total = None if sub_total is None or line_total is None else sub_total + line_total
        return lines, sub_total

    def check_line(
        self, where: str, line: dict[str, Any], currency: str | None
    ) -> tuple[LinePlan | None, Decimal | None]:
        mapping = self.text(where, line, "channel_product_mapping_code")
        dc_code = self.text(where, line, "dc_code")
        quantity = self.quantity(where, line)
        inventory_at = self.moment(where, line, "inventory_at", required=True)
        price = self.money(where, line, "unit_selling_price", required=True)
        discount = self.money(where, line, "discount", required=False)
        self.text(where, line, "discount_method", required=False, blank_ok=True)
        amount = self.money(where, line, "amount_price", required=True)
        codes = self.tickets(where, line.get("tickets"), quantity)
        discount_ok = discount is not None or line.get("discount") is None
        if price is not None and amount is not None and discount_ok:
            expected = price - (discount or Decimal(0))
            if amount != expected:
                self.add(
                    f"{where}.amount_price",
                    f"{format_decimal(amount)} is not unit_selling_price {format_decimal(price)} "
                    f"minus discount {format_decimal(discount or Decimal(0))} "
                    f"({format_decimal(expected)})",
                )
        slot = self.slot(where, dc_code, mapping, inventory_at, currency)
        line_total = price * quantity if price is not None and quantity is not None else None
        if slot is None or quantity is None or codes is None or inventory_at is None:
            return None, line_total
        assert dc_code is not None  # a slot was found for it
        plan = LinePlan(where, dc_code, slot, inventory_at, quantity, codes)
        return plan, line_total

    def quantity(self, where: str, line: dict[str, Any]) -> int | None:
        value = self.field(where, line, "quantity", True)
        if value is _MISSING:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.add(f"{where}.quantity", "must be a whole number")
            return None
        if value < 1:
            self.add(f"{where}.quantity", "must be at least 1")
            return None
        return value

    def tickets(self, where: str, value: object, quantity: int | None) -> list[str] | None:
        if value is None:
            self.add(f"{where}.tickets", "is required")
            return None
        if not isinstance(value, list):
            self.add(f"{where}.tickets", "must be a list with one ticket per unit of quantity")
            return None
        codes: list[str] = []
        complete = True
        for index, raw in enumerate(value):
            ticket_where = f"{where}.tickets[{index}]"
            ticket = self.obj(ticket_where, raw)
            if ticket is None:
                complete = False
                continue
            code = self.text(ticket_where, ticket, "channel_code")
            for key in _PERSON_FIELDS:
                self.text(ticket_where, ticket, key)
            self.optional_object(ticket_where, ticket, "additional")
            self.text(ticket_where, ticket, "extra", required=False, blank_ok=True)
            if code is None:
                complete = False
            elif code in self.ticket_codes:
                self.add(f"{ticket_where}.channel_code", f'"{code}" is used by another ticket')
                complete = False
            else:
                self.ticket_codes.add(code)
                codes.append(code)
        if quantity is not None and len(value) != quantity:
            noun = "ticket" if len(value) == 1 else "tickets"
            self.add(f"{where}.tickets", f"{len(value)} {noun} for quantity {quantity}")
            complete = False
        return codes if complete else None

    def slot(
        self,
        where: str,
        dc_code: str | None,
        mapping: str | None,
        inventory_at: datetime | None,
        currency: str | None,
    ) -> Slot | None:
        option = self.catalog.options_by_dc.get(dc_code) if dc_code is not None else None
        if dc_code is not None and option is None:
            self.add(f"{where}.dc_code", f'no option has the code "{dc_code}"')
        if mapping is not None:
            mapped = self.catalog.options_by_mapping.get(mapping)
            if mapped is None:
                self.add(
                    f"{where}.channel_product_mapping_code", f'"{mapping}" is not a known mapping'
                )
            elif option is not None and mapped is not option:
                self.add(
                    f"{where}.channel_product_mapping_code",
                    f'"{mapping}" maps to option "{mapped.dc_code}", not to dc_code "{dc_code}"',
                )
        if option is None or inventory_at is None:
            return None
        if currency is not None and option.currency != currency:
            self.add(
                f"{where}.dc_code",
                f'option "{option.dc_code}" is sold in {option.currency}, '
                f"but order.currency is {currency}",
            )
        slot = self.catalog.slots_by_start.get((option.dc_code, inventory_at))
        local = inventory_at.astimezone(self.catalog.tz)
        if slot is None:
            self.add(
                f"{where}.inventory_at",
                f'option "{option.dc_code}" has no departure at {format_utc(inventory_at)} '
                f"({local:%Y-%m-%d %H:%M} in {self.catalog.timezone})",
            )
            return None
        if not slot.is_order:
            self.add(
                f"{where}.inventory_at",
                f"the departure on {local:%Y-%m-%d at %H:%M} ({self.catalog.timezone}) "
                "is closed for sale (is_order is false)",
            )
            return None
        return slot


def cancel_comment(body: Any) -> str | None:
    """Check a Cancel Ticket body; return its comment."""
    if not isinstance(body, dict):
        raise bad_request(
            'The request body must be a JSON object such as {"status": "Traveler canceled"}.'
        )
    errors = []
    status = body.get("status")
    if status is None:
        errors.append("status: is required")
    elif status != TICKET_TRAVELER_CANCELED:
        errors.append(f'status: only "{TICKET_TRAVELER_CANCELED}" can be requested')
    comment = body.get("comment")
    if comment is not None and not isinstance(comment, str):
        errors.append("comment: must be a string")
    if errors:
        noun = "problem" if len(errors) == 1 else "problems"
        raise bad_request(f"The cancel request has {len(errors)} {noun} (see errors).", errors)
    return comment
