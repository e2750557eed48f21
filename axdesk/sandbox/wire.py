"""How values look on the wire: money, date-times, JSON bodies.

The pages promise RFC 3339 UTC date-times but their examples send
``"2017-05-23 23:30:00"``; both are read, and a time with no zone is UTC
as the pages say. Money arrives as numbers or numeric strings and is
always handled as :class:`~decimal.Decimal`.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

_MONEY = re.compile(r"^\s*\d+(\.\d+)?\s*$")
_DATETIME = re.compile(
    r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([Zz]|[+-]\d{2}:\d{2})?$"
)
MAX_MONEY_DECIMALS = 5


class BodyError(ValueError):
    """A request or seed body that is not readable JSON; ``str()`` is a sentence."""


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed in JSON")


def parse_json(raw: bytes | str) -> Any:
    """Decode JSON with exact decimals (floats become ``Decimal``); NaN and Infinity are refused."""
    try:
        text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
    except UnicodeDecodeError as exc:
        raise BodyError("The body is not UTF-8 text.") from exc
    if not text.strip():
        raise BodyError("The body is empty; a JSON object was expected.")
    try:
        return json.loads(text, parse_float=Decimal, parse_constant=_reject_constant)
    except ValueError as exc:
        raise BodyError(f"The body is not valid JSON ({exc}).") from exc


def parse_money(value: object) -> Decimal | None:
    """A non-negative amount from a JSON number or numeric string, else None.

    Booleans, NaN, signs, exponents and more than five decimals are refused.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        amount = Decimal(value)
    elif isinstance(value, Decimal):
        amount = value
    elif isinstance(value, float):  # only from Python-built seeds; JSON gives Decimal
        amount = Decimal(repr(value))
    elif isinstance(value, str) and _MONEY.match(value):
        try:
            amount = Decimal(value.strip())
        except InvalidOperation:  # pragma: no cover - the pattern already excludes this
            return None
    else:
        return None
    if not amount.is_finite() or amount < 0:
        return None
    exponent = amount.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -MAX_MONEY_DECIMALS:
        return None
    return amount


def parse_datetime(value: object) -> datetime | None:
    """An aware UTC datetime from RFC 3339 or ``YYYY-MM-DD HH:MM:SS`` (no zone = UTC), else None."""
    if not isinstance(value, str) or not _DATETIME.match(value.strip()):
        return None
    text = value.strip().replace("t", "T").replace("z", "Z")
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def format_utc(moment: datetime) -> str:
    """RFC 3339 in UTC with a ``Z``, e.g. ``2023-03-01T05:00:00Z``."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def format_decimal(amount: Decimal) -> str:
    """A short human form for messages: ``2222``, ``0.5``."""
    normal = amount.normalize()
    return f"{normal:f}"
