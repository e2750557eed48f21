"""Tolerant reading and exact writing of the JSON and datetimes on the wire.

The AX pages' own examples are not always valid JSON: the Get Confirm and
Cancel Ticket examples put a comma before ``}``. Reading therefore parses
normally first and, only if that fails, once more with trailing commas
removed by a scanner that knows about strings. Anything still unreadable
(unquoted UUIDs, an HTML page, an empty body) is an
``AxMalformedResponseError`` with a sentence.

Floats in JSON are read as ``Decimal`` so that money never passes through
binary floating point.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from axdesk.api.errors import AxMalformedResponseError, OrderInputError

__all__ = [
    "decode_json",
    "encode_json",
    "format_wire_datetime",
    "parse_wire_datetime",
    "strip_trailing_commas",
]


def strip_trailing_commas(text: str) -> str:
    """Remove commas that directly precede ``}`` or ``]`` (whitespace between allowed).

    Commas inside JSON strings are left alone, including after escaped quotes.
    """
    out: list[str] = []
    in_string = False
    escaped = False
    length = len(text)
    index = 0
    while index < length:
        char = text[index]
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
            out.append(char)
        elif char == '"':
            in_string = True
            out.append(char)
        elif char == ",":
            ahead = index + 1
            while ahead < length and text[ahead] in " \t\r\n":
                ahead += 1
            if ahead >= length or text[ahead] not in "}]":
                out.append(char)
        else:
            out.append(char)
        index += 1
    return "".join(out)


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


class _UnpairedSurrogateError(ValueError):
    """A \\ud800-style escape that stands alone: no character, and no text SQLite can store."""


def _loads(text: str) -> Any:
    value = json.loads(text, parse_float=Decimal, parse_constant=_refuse_constant)
    if _SURROGATE_ESCAPE.search(text):
        # json.loads joins escaped pairs into one character; a half pair stays a lone
        # surrogate, which cannot be encoded (and would fail later, far from here).
        try:
            json.dumps(value, ensure_ascii=False, default=str).encode("utf-8")
        except UnicodeEncodeError:
            raise _UnpairedSurrogateError from None
    return value


def _looks_like_html(text: str, content_type: str | None) -> bool:
    if text.lstrip().startswith("<"):  # <!DOCTYPE html>, <html>, <?xml ...>
        return True
    return content_type is not None and "html" in content_type.lower()


def decode_json(
    body: bytes | str,
    *,
    status: int | None = None,
    content_type: str | None = None,
) -> Any:
    """Parse a response body, tolerating trailing commas; raise a sentence for anything else."""
    where = f" (HTTP {status})" if status is not None else ""
    if isinstance(body, bytes):
        try:
            text = body.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise AxMalformedResponseError(
                f"The server's answer{where} is not text, so it cannot be AX data.",
                status=status,
            ) from None
    else:
        text = body
    if not text.strip():
        raise AxMalformedResponseError(
            f"The server answered with an empty body{where} instead of AX data.", status=status
        )
    try:
        return _loads(text)
    except RecursionError:
        raise AxMalformedResponseError(
            f"The server's answer{where} is nested too deeply to be AX data.", status=status
        ) from None
    except _UnpairedSurrogateError:
        raise AxMalformedResponseError(
            f"The server's answer{where} holds a broken character escape, so it cannot be read "
            "as AX data.",
            status=status,
        ) from None
    except ValueError as first_error:
        problem = first_error
    try:
        return _loads(strip_trailing_commas(text))
    except (ValueError, RecursionError):
        pass
    if _looks_like_html(text, content_type):
        raise AxMalformedResponseError(
            f"The server answered with a web page, not AX data{where}. "
            "A proxy, a login page or a wrong address may be in the way.",
            status=status,
        )
    position = ""
    if isinstance(problem, json.JSONDecodeError):
        position = f" at line {problem.lineno}, column {problem.colno}"
    raise AxMalformedResponseError(
        f"The server's answer{where} is not valid JSON{position}, so it cannot be read as AX data.",
        status=status,
    )


def encode_json(payload: Any) -> bytes:
    """The exact bytes axdesk sends for a JSON body (UTF-8, key order kept, no spaces)."""
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode(
        "utf-8"
    )


def parse_wire_datetime(value: object) -> datetime:
    """Read a datetime as AX sends it: RFC 3339, or ``"2017-05-23 23:30:00"`` with no zone.

    A datetime without a zone is UTC, as the pages say. The result is aware and in UTC.
    Raises ``ValueError`` with a sentence for anything else.
    """
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, str):
        text = value.strip()
        if text.endswith(("z", "Z")):
            text = text[:-1] + "+00:00"
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            raise ValueError(f"{value[:40]!r} is not a date and time") from None
    elif isinstance(value, date):
        moment = datetime(value.year, value.month, value.day)
    else:
        raise ValueError(f"a date and time was expected, not {type(value).__name__}")
    if moment.tzinfo is None or moment.utcoffset() is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def format_wire_datetime(moment: datetime) -> str:
    """Write a datetime as RFC 3339 in UTC with ``Z``: ``"2023-03-01T05:00:00Z"``.

    Fractions of a second are written only when present. Naive datetimes are
    refused with ``OrderInputError``: axdesk never guesses a zone when writing.
    """
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise OrderInputError(
            f"The time {moment.isoformat(sep=' ')} has no time zone; axdesk needs to know it."
        )
    utc = moment.astimezone(UTC)
    spec = "seconds" if utc.microsecond == 0 else "microseconds"
    return utc.replace(tzinfo=None).isoformat(timespec=spec) + "Z"
