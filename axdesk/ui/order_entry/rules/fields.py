"""Field keys: where on the form an issue or a server error belongs (no Qt).

A key names one input: ``"purchaser.email"``, ``"order.discount"``,
``"lines[0].quantity"``, ``"lines[1].travelers[0].phone"``. The per-field
errors a server sends back (``"depth_combinations[0].tickets[1].email: ..."``)
are mapped onto the same keys by :func:`server_error_field`.
"""

from __future__ import annotations

import re


def person_key(prefix: str, name: str) -> str:
    return f"{prefix}.{name}"


def line_key(line: int, name: str) -> str:
    return f"lines[{line}].{name}"


def traveler_key(line: int, row: int, name: str) -> str:
    return f"lines[{line}].travelers[{row}].{name}"


_TRAVELER_KEY = re.compile(r"lines\[(\d+)\]\.travelers\[(\d+)\]\.(\w+)")
_LINE_KEY = re.compile(r"lines\[(\d+)\]\.(\w+)")


def parse_traveler_key(key: str) -> tuple[int, int, str] | None:
    match = _TRAVELER_KEY.fullmatch(key)
    return (int(match[1]), int(match[2]), match[3]) if match else None


def parse_line_key(key: str) -> tuple[int, str] | None:
    match = _LINE_KEY.fullmatch(key)
    return (int(match[1]), match[2]) if match else None


# Wire names -> form names, for the server's per-field errors.
_WIRE_LINE_FIELDS = {
    "channel_product_mapping_code": "option",
    "dc_code": "option",
    "quantity": "quantity",
    "inventory_at": "time",
    "unit_selling_price": "unit_price",
    "amount_price": "unit_price",
    "discount": "discount",
    "discount_method": "discount_method",
    "tickets": "quantity",
}
_WIRE_ORDER_FIELDS = {
    "sub_total": "order.total",
    "total": "order.total",
    "discount": "order.discount",
    "discount_method": "order.discount_method",
    "currency": "order.currency",
    "is_voucher": "order.is_voucher",
    "comment": "order.comment",
}
_WIRE_PERSON_FIELDS = {
    "name": "name",
    "national_code": "national_code",
    "phone": "phone",
    "email": "email",
    "extra": "extra",
    "additional": "additional",
    "is_required_more_information": "needs_more_information",
}
_WIRE_PATH = re.compile(
    r"\s*(?P<path>[A-Za-z_]+(?:\[\d+\])?(?:\.[A-Za-z_]+(?:\[\d+\])?)*)\s*:\s*(?P<message>.*)",
    re.DOTALL,
)


def server_error_field(entry: str) -> tuple[str | None, str]:
    """Split one of the server's ``errors`` entries into (field key, message).

    ``"depth_combinations[0].tickets[1].email: not an email"`` ->
    ``("lines[0].travelers[1].email", "not an email")``. An entry naming no
    field the form has gives ``(None, entry)``.
    """
    match = _WIRE_PATH.fullmatch(entry)
    if not match:
        return None, entry.strip()
    path, message = match["path"], match["message"].strip()
    parts = re.findall(r"([A-Za-z_]+)(?:\[(\d+)\])?", path)
    if not parts:
        return None, entry.strip()
    head, head_index = parts[0]
    rest = parts[1:]
    if head == "depth_combinations" and head_index:
        line = int(head_index)
        if not rest:
            return line_key(line, "option"), message
        name, index = rest[0]
        if name == "tickets" and index and len(rest) > 1:
            wire_field = rest[1][0]
            return traveler_key(line, int(index), _WIRE_PERSON_FIELDS.get(wire_field, "name")), (
                message
            )
        return line_key(line, _WIRE_LINE_FIELDS.get(name, "option")), message
    if head == "order" and rest:
        name = rest[0][0]
        if name in ("channel_order_code", "channel_order_id", "purchased_at", "status"):
            return None, entry.strip()
        return _WIRE_ORDER_FIELDS.get(name, "order.total"), message
    if head in ("purchaser", "representative") and rest:
        name = _WIRE_PERSON_FIELDS.get(rest[0][0])
        if name == "needs_more_information":
            return "purchaser.needs_more_information", message
        if name:
            return person_key(head, name), message
    return None, entry.strip()


def shift_line_key(key: str, removed: int) -> str:
    """A field key after line ``removed`` was deleted ("" when it was on that line)."""
    parsed = parse_line_key(key) or parse_traveler_key(key)
    if parsed is None:
        return key
    index = parsed[0]
    if index == removed:
        return ""
    if index < removed:
        return key
    return key.replace(f"lines[{index}]", f"lines[{index - 1}]", 1)
