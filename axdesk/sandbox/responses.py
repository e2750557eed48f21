"""The JSON shapes of the sandbox's successful answers."""

from __future__ import annotations

from typing import Any

from axdesk.sandbox.catalog import Slot
from axdesk.sandbox.orders import ORDER_STATUS_NAMES, ChannelOrder
from axdesk.sandbox.wire import format_utc

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def slot_wire(slot: Slot) -> dict[str, Any]:
    return {
        "inventory_code": slot.inventory_code,
        "date": slot.date.isoformat(),
        "start_time": slot.start_time.strftime("%H:%M"),
        "day_of_the_week": _WEEKDAYS[slot.date.weekday()],
        "is_order": slot.is_order,
        "max_quantity": slot.max_quantity,
        "min_quantity": slot.min_quantity,
        "remain_quantity": slot.remain_quantity,
        "ordered_quantity": slot.ordered_quantity,
        "depth_combination_id": slot.dc_code,
    }


def created_data(channel_order: ChannelOrder) -> dict[str, Any]:
    return {
        "channel_order_code": channel_order.channel_order_code,
        "channel_order_status": ORDER_STATUS_NAMES[channel_order.status],
        "depth_combinations": [
            {
                "dc_code": order.dc_code,
                "inventory_at": format_utc(order.inventory_at),
                "ax_order_code": order.ax_order_code,
                "ax_order_status": ORDER_STATUS_NAMES[order.status],
                "quantity": order.quantity,
                "tickets": [
                    {"ax_ticket_code": t.ax_ticket_code, "ax_ticket_status": t.status}
                    for t in order.tickets
                ],
            }
            for order in channel_order.ax_orders
        ],
    }
