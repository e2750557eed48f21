"""Typed client of the AX Cloud channel API (httpx + pydantic). No Qt here.

Everything the rest of axdesk needs is importable from ``axdesk.api``; see
``docs/architecture.md`` for the contract.

The names load on first use (PEP 562): ``from axdesk.api import AxError`` reads
``axdesk.api.errors`` only, not httpx or the pydantic models, so the window can
paint before the client and the models are imported (see ``axdesk.ui.shell.startup``).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from axdesk.api.builders import (
        DEFAULT_SUPPLIER_TIME_ZONE,
        LineInput,
        LineTotal,
        Totals,
        TravelerInput,
        build_order_request,
        compute_totals,
        slot_datetime,
    )
    from axdesk.api.client import (
        DEFAULT_TIMEOUT,
        ENVIRONMENTS,
        RETRY_AFTER_LIMIT,
        AxClient,
        CallRecord,
        is_loopback_host,
        redact_headers,
        validate_base_url,
    )
    from axdesk.api.errors import (
        AxAuthError,
        AxError,
        AxMalformedResponseError,
        AxNetworkError,
        AxNotFoundError,
        AxRateLimitedError,
        AxRejectedError,
        AxServerError,
        OrderInputError,
    )
    from axdesk.api.limits import CALL_LIMITS, CallLimit, CallLimits
    from axdesk.api.models import (
        UNKNOWN_OPTION,
        CancelledTicket,
        CreatedDepthCombination,
        CreatedOrder,
        CreatedTicket,
        DepthCombinationRequest,
        Inventory,
        InventorySlot,
        OrderInfo,
        OrderRequest,
        OrderStatus,
        OrderStatusInfo,
        PairedTicket,
        Purchaser,
        Representative,
        TicketRequest,
        TicketStatus,
        pair_tickets,
    )
    from axdesk.api.money import (
        CURRENCIES,
        MINOR_UNIT_DIGITS,
        check_currency_precision,
        parse_money,
        to_wire_money,
    )
    from axdesk.api.wire import (
        decode_json,
        encode_json,
        format_wire_datetime,
        parse_wire_datetime,
    )

_HOMES: dict[str, str] = {
    "AxAuthError": "axdesk.api.errors",
    "AxClient": "axdesk.api.client",
    "AxError": "axdesk.api.errors",
    "AxMalformedResponseError": "axdesk.api.errors",
    "AxNetworkError": "axdesk.api.errors",
    "AxNotFoundError": "axdesk.api.errors",
    "AxRateLimitedError": "axdesk.api.errors",
    "AxRejectedError": "axdesk.api.errors",
    "AxServerError": "axdesk.api.errors",
    "CALL_LIMITS": "axdesk.api.limits",
    "CURRENCIES": "axdesk.api.money",
    "CallLimit": "axdesk.api.limits",
    "CallLimits": "axdesk.api.limits",
    "CallRecord": "axdesk.api.client",
    "CancelledTicket": "axdesk.api.models",
    "CreatedDepthCombination": "axdesk.api.models",
    "CreatedOrder": "axdesk.api.models",
    "CreatedTicket": "axdesk.api.models",
    "DEFAULT_SUPPLIER_TIME_ZONE": "axdesk.api.builders",
    "DEFAULT_TIMEOUT": "axdesk.api.client",
    "DepthCombinationRequest": "axdesk.api.models",
    "ENVIRONMENTS": "axdesk.api.client",
    "Inventory": "axdesk.api.models",
    "InventorySlot": "axdesk.api.models",
    "LineInput": "axdesk.api.builders",
    "LineTotal": "axdesk.api.builders",
    "MINOR_UNIT_DIGITS": "axdesk.api.money",
    "OrderInfo": "axdesk.api.models",
    "OrderInputError": "axdesk.api.errors",
    "OrderRequest": "axdesk.api.models",
    "OrderStatus": "axdesk.api.models",
    "OrderStatusInfo": "axdesk.api.models",
    "PairedTicket": "axdesk.api.models",
    "Purchaser": "axdesk.api.models",
    "RETRY_AFTER_LIMIT": "axdesk.api.client",
    "Representative": "axdesk.api.models",
    "TicketRequest": "axdesk.api.models",
    "TicketStatus": "axdesk.api.models",
    "Totals": "axdesk.api.builders",
    "TravelerInput": "axdesk.api.builders",
    "UNKNOWN_OPTION": "axdesk.api.models",
    "build_order_request": "axdesk.api.builders",
    "check_currency_precision": "axdesk.api.money",
    "compute_totals": "axdesk.api.builders",
    "decode_json": "axdesk.api.wire",
    "encode_json": "axdesk.api.wire",
    "format_wire_datetime": "axdesk.api.wire",
    "is_loopback_host": "axdesk.api.client",
    "pair_tickets": "axdesk.api.models",
    "parse_money": "axdesk.api.money",
    "parse_wire_datetime": "axdesk.api.wire",
    "redact_headers": "axdesk.api.client",
    "slot_datetime": "axdesk.api.builders",
    "to_wire_money": "axdesk.api.money",
    "validate_base_url": "axdesk.api.client",
}
"""Where each public name lives."""

__all__ = [
    "CALL_LIMITS",
    "CURRENCIES",
    "DEFAULT_SUPPLIER_TIME_ZONE",
    "DEFAULT_TIMEOUT",
    "ENVIRONMENTS",
    "MINOR_UNIT_DIGITS",
    "RETRY_AFTER_LIMIT",
    "UNKNOWN_OPTION",
    "AxAuthError",
    "AxClient",
    "AxError",
    "AxMalformedResponseError",
    "AxNetworkError",
    "AxNotFoundError",
    "AxRateLimitedError",
    "AxRejectedError",
    "AxServerError",
    "CallLimit",
    "CallLimits",
    "CallRecord",
    "CancelledTicket",
    "CreatedDepthCombination",
    "CreatedOrder",
    "CreatedTicket",
    "DepthCombinationRequest",
    "Inventory",
    "InventorySlot",
    "LineInput",
    "LineTotal",
    "OrderInfo",
    "OrderInputError",
    "OrderRequest",
    "OrderStatus",
    "OrderStatusInfo",
    "PairedTicket",
    "Purchaser",
    "Representative",
    "TicketRequest",
    "TicketStatus",
    "Totals",
    "TravelerInput",
    "build_order_request",
    "check_currency_precision",
    "compute_totals",
    "decode_json",
    "encode_json",
    "format_wire_datetime",
    "is_loopback_host",
    "pair_tickets",
    "parse_money",
    "parse_wire_datetime",
    "redact_headers",
    "slot_datetime",
    "to_wire_money",
    "validate_base_url",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value  # the next look-up is a plain attribute
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
