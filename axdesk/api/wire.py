"""Tolerant reading and exact writing of the JSON and datetimes on the wire.

The AX pages' own examples are not always valid JSON: the Get Confirm and
Cancel Ticket examples put a comma before ``}``. Reading therefore parses
normally first and, only where the parser stopped at such a comma, cuts that
comma out and parses again (a bounded number of times). Anything
still unreadable (unquoted UUIDs, an HTML page, an empty body) is an
``AxMalformedResponseError`` with a sentence. What cannot be JSON is told from
its first 4 KB, so a 200 MB web page costs no more to refuse than a small one.

Floats in JSON are read as ``Decimal`` so that money never passes through
binary floating point.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any, Final

from axdesk.api.errors import AxMalformedResponseError, OrderInputError

__all__ = [
    "decode_json",
    "encode_json",
    "format_wire_datetime",
    "parse_wire_datetime",
    "strip_trailing_commas",
]


# A JSON string (group 1; possessive, so a 10 MB string keeps no backtracking state,
# and an unterminated one runs to the end, so the scan stays linear), or a comma
# with only whitespace before a closing bracket (no group: replaced by nothing).
_STRING_OR_TRAILING_COMMA = re.compile(
    r'("[^"\\]*+(?:\\.[^"\\]*+)*+(?:"|\\?\Z))|,(?=[ \t\r\n]*[}\]])', re.DOTALL
)

MAX_REPAIRS: Final = 16
"""Trailing commas repaired in one answer, at most (the AX pages' examples have one or two)."""


def strip_trailing_commas(text: str) -> str:
    """Remove commas that directly precede ``}`` or ``]`` (whitespace between allowed).

    Commas inside JSON strings are left alone, including after escaped quotes.
    One regular-expression pass: linear in the text, one copy of it.
    """
    return _STRING_OR_TRAILING_COMMA.sub(r"\1", text)


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


class _UnpairedSurrogateError(ValueError):
    """A \\ud800-style escape that stands alone: no character, and no text SQLite can store."""


_DECODER: Final = json.JSONDecoder(parse_float=Decimal, parse_constant=_refuse_constant)
"""Made once: ``json.loads`` with these arguments builds a decoder per call."""


def _loads(text: str) -> Any:
    value = _DECODER.decode(text)
    if _SURROGATE_ESCAPE.search(text):
        # json.loads joins escaped pairs into one character; a half pair stays a lone
        # surrogate, which cannot be encoded (and would fail later, far from here).
        try:
            json.dumps(value, ensure_ascii=False, default=str).encode("utf-8")
        except UnicodeEncodeError:
            raise _UnpairedSurrogateError from None
    return value


PREFIX: Final = 4096
"""How much of a body that is not JSON is looked at to say what it is."""

_JSON_STARTS: Final = frozenset(b'{["-0123456789tfn')
_WHITESPACE: Final = b" \t\r\n"


def _first_byte(body: bytes) -> int | None:
    """The first byte after a BOM and whitespace, looked for in the first :data:`PREFIX`."""
    head = body[:PREFIX]
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    stripped = head.lstrip(_WHITESPACE)
    return stripped[0] if stripped else None


def _looks_like_html(first: int | None, content_type: str | None) -> bool:
    if first == ord("<"):  # <!DOCTYPE html>, <html>, <?xml ...>
        return True
    return content_type is not None and "html" in content_type.lower()


def _stopped_at_trailing_comma(text: str, position: int) -> bool:
    """Whether the parser stopped at ``}``/``]`` right after a comma (whitespace between)."""
    if position >= len(text) or text[position] not in "}]":
        return False
    index = position - 1
    floor = max(-1, position - PREFIX)  # a run of whitespace longer than this is not a comma's
    while index > floor and text[index] in " \t\r\n":
        index -= 1
    return index > floor and text[index] == ","


def _without_trailing_commas(text: str, problem: ValueError) -> Any | None:
    """The value, if removing the commas the parser stopped at makes ``text`` JSON.

    Each parse stops at the next trailing comma; it is cut out and the text
    parsed again, at most :data:`MAX_REPAIRS` times. The parser finds each comma
    (so commas inside strings are never touched) at C speed, and nothing is
    repaired where the parser did not stop.
    """
    for _ in range(MAX_REPAIRS):
        if not isinstance(problem, json.JSONDecodeError) or not _stopped_at_trailing_comma(
            text, problem.pos
        ):
            return None
        comma = text.rindex(",", 0, problem.pos)
        text = text[:comma] + text[comma + 1 :]
        try:
            return _loads(text)
        except (RecursionError, _UnpairedSurrogateError):
            return None
        except ValueError as again:
            problem = again.with_traceback(None)  # as in decode_json: no cycle
    return None


def _not_json(status: int | None, where: str, first: int | None, content_type: str | None) -> Any:
    if _looks_like_html(first, content_type):
        raise AxMalformedResponseError(
            f"The server answered with a web page, not AX data{where}. "
            "A proxy, a login page or a wrong address may be in the way.",
            status=status,
        )
    return None


def decode_json(
    body: bytes | str,
    *,
    status: int | None = None,
    content_type: str | None = None,
) -> Any:
    """Parse a response body, tolerating trailing commas; raise a sentence for anything else.

    What is not JSON is told from its first bytes (:data:`PREFIX`): a web page
    or any body that cannot start a JSON value costs no more than that to
    refuse, however long it is. A failed parse is retried without trailing
    commas only when the parser stopped at one.
    """
    where = f" (HTTP {status})" if status is not None else ""
    raw = body if isinstance(body, bytes) else body[:PREFIX].encode("utf-8", "replace")
    first = _first_byte(raw)
    if first is None and not raw.strip(_WHITESPACE + b"\xef\xbb\xbf"):
        raise AxMalformedResponseError(
            f"The server answered with an empty body{where} instead of AX data.", status=status
        )
    if first is not None and first not in _JSON_STARTS:
        _not_json(status, where, first, content_type)
        if first < 0x80 or not isinstance(body, bytes):
            raise AxMalformedResponseError(
                f"The server's answer{where} is not valid JSON, so it cannot be read as AX data.",
                status=status,
            )
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
        # Kept without its traceback, which holds this frame and so ``problem``: a
        # reference cycle left for the collector after every answer with a trailing comma.
        problem = first_error.with_traceback(None)
    repaired = _without_trailing_commas(text, problem)
    if repaired is not None:
        return repaired
    _not_json(status, where, first, content_type)
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
