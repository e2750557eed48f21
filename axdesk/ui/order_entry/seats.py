"""Seats: what the live inventory says about each line of the form (no Qt).

Used twice: while the operator types (the time list and the quantity check)
and once more just before sending, on freshly read inventory (the submission
asks :meth:`FormOrder.seat_problems <axdesk.ui.order_entry.form_order.FormOrder.seat_problems>`),
so an order that no longer fits is stopped before anything reaches AX.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence

from axdesk.api import UNKNOWN_OPTION, Inventory, InventorySlot
from axdesk.store.submission import InventoryKey
from axdesk.ui.order_entry.rules.issue import Issue
from axdesk.ui.order_entry.rules.lines import SlotAvailability
from axdesk.ui.order_entry.rules.order import validate_order
from axdesk.ui.order_entry.state import LineState, OrderFormState


def option_slots(inventory: Inventory, dc_code: str, day: dt.date) -> list[InventorySlot]:
    """The departures of one option on one day, by start time.

    An inventory in the old flat shape (one unknown option) serves every option.
    """
    slots = inventory.options.get(dc_code)
    if slots is None and set(inventory.options) == {UNKNOWN_OPTION}:
        slots = inventory.options[UNKNOWN_OPTION]
    return sorted((slot for slot in slots or () if slot.date == day), key=lambda s: s.start_time)


def find_slot(
    inventory: Inventory, dc_code: str, day: dt.date, start: dt.time
) -> InventorySlot | None:
    wanted = start.replace(second=0, microsecond=0)
    for slot in option_slots(inventory, dc_code, day):
        if slot.start_time.replace(second=0, microsecond=0, tzinfo=None) == wanted:
            return slot
    return None


def line_availability(line: LineState, inventory: Inventory | None) -> SlotAvailability | None:
    """What ``inventory`` says about the line's departure; None when it cannot say yet."""
    if inventory is None or not line.dc_code or line.date is None or line.start_time is None:
        return None
    slot = find_slot(inventory, line.dc_code, line.date, line.start_time)
    if slot is None:
        return SlotAvailability(seats_left=None, found=False)
    return SlotAvailability(seats_left=max(0, slot.remain_quantity), on_sale=slot.is_order)


def form_availability(
    state: OrderFormState, inventory_for: Callable[[str, dt.date], Inventory | None]
) -> list[SlotAvailability | None]:
    return [
        line_availability(line, inventory_for(line.product_code, line.date))
        if line.product_code and line.date
        else None
        for line in state.lines
    ]


def inventory_keys(state: OrderFormState) -> list[InventoryKey]:
    """The distinct (product, date) pairs the lines need, in line order."""
    keys: list[InventoryKey] = []
    for line in state.lines:
        if line.product_code and line.date and (line.product_code, line.date) not in keys:
            keys.append((line.product_code, line.date))
    return keys


_SEAT_FIELDS = ("quantity", "time")


def seat_issues(
    state: OrderFormState, inventories: Mapping[InventoryKey, Inventory]
) -> list[Issue]:
    """The seat problems of the form against freshly read inventory (quantity and time fields).

    A line whose inventory is missing from ``inventories`` is reported as not found.
    """
    availability: Sequence[SlotAvailability | None] = form_availability(
        state,
        lambda product, day: inventories.get(
            (product, day), Inventory(product_code=product, options={})
        ),
    )
    return [
        issue
        for issue in validate_order(state, availability=availability)
        if issue.field.startswith("lines[")
        and "travelers" not in issue.field
        and issue.field.rsplit(".", 1)[-1] in _SEAT_FIELDS
        and not issue.missing
    ]
