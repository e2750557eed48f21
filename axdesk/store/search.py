"""Text search over the order journal: the documents, phone forms, query building.

Each channel order has one search document (``order_search``, rowid =
``channel_order.id``) holding every code, name, e-mail and phone form of the
order, one per line, rebuilt by :func:`index_order` whenever the journal
changes the order. With SQLite's FTS5 ``trigram`` tokenizer (SQLite >=
3.34) any substring of three characters or more is found through the index,
case-insensitively, which is what Korean names need (no word boundaries:
"민수" must find "김민수"). Shorter fragments (a one- or two-syllable Korean
name part) cannot use trigrams and are matched with ``LIKE`` in each order's
document, newest orders first, until the page is full: a common fragment stops
after a page's worth of documents, one that matches few orders reads them all
(a scan: see ``benchmarks/bench_journal_search.py``). When this SQLite lacks FTS5,
``order_search`` is a plain table and every fragment uses ``LIKE`` (correct,
but a scan instead of an index lookup).

Phone numbers are indexed in several forms so that whatever the operator
types finds the traveler: as typed, digits only, the national form with its
trunk prefix (``01012345678``) and E.164 without ``+`` (``821012345678``).
A query that looks like a phone number is searched by its digits (and its
E.164 digits when it starts with ``+``), so ``010-1234-5678``,
``01012345678``, ``+82 10 1234 5678`` and ``821012345678`` all match.
"""

from __future__ import annotations

import functools
import json
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

DEFAULT_REGION = "KR"
_PHONE_QUERY = re.compile(r"[0-9\s\-().+/]+")
_MIN_PHONE_DIGITS = 3
TRIGRAM = 3


def calling_code_region(code_text: str) -> str | None:
    """The main region of a country calling code ("82" or "+82" -> "KR"), None if none."""
    code = code_text.strip().lstrip("+").strip()
    if not code.isdigit() or not 1 <= len(code) <= 3:
        return None
    phonenumbers = _phonenumbers()
    region = phonenumbers.region_code_for_country_code(int(code))
    return None if region == phonenumbers.UNKNOWN_REGION else str(region)


def region_for(national_code: str) -> str:
    """The phone region for a traveler's ``national_code``: ``"82"``, ``"+82"`` or ``"KR"``."""
    code = national_code.strip().lstrip("+").strip()
    if code.isdigit():
        return calling_code_region(code) or DEFAULT_REGION
    if len(code) == 2 and code.isalpha():
        return code.upper()
    return DEFAULT_REGION


def phone_forms(raw: str, national_code: str = "") -> list[str]:
    """Every form of a phone number worth indexing (see the module docstring), no duplicates."""
    return list(_phone_forms(raw, national_code))


@functools.lru_cache(maxsize=4096)
def _phone_forms(raw: str, national_code: str) -> tuple[str, ...]:
    text = raw.strip()
    forms = [text, _digits(text)]
    phonenumbers = _phonenumbers()
    try:
        number = phonenumbers.parse(text, region_for(national_code))
    except phonenumbers.NumberParseException:
        number = None
    if number is not None:
        national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
        e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        forms.extend([_digits(national), _digits(e164)])
    return tuple(_unique(form for form in forms if form))


def _phonenumbers() -> Any:
    """The phone number library, imported on first use (not before the window paints)."""
    import phonenumbers

    return phonenumbers


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit() and ch.isascii())


def _unique(items: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        seen.setdefault(item, None)
    return list(seen)


def looks_like_phone(query: str) -> bool:
    text = query.strip()
    return bool(_PHONE_QUERY.fullmatch(text)) and len(_digits(text)) >= _MIN_PHONE_DIGITS


@dataclass(frozen=True)
class SearchTerms:
    """A parsed query: every group must match; within a group, any alternative may.

    Each alternative is a plain substring to look for in an order's document.
    """

    groups: tuple[tuple[str, ...], ...]

    @property
    def is_empty(self) -> bool:
        return not self.groups


def parse_query(query: str) -> SearchTerms:
    """Turn what the operator typed into substring groups.

    A phone-like query is one group of digit forms; anything else is split on
    spaces into words that must all occur (in any order, anywhere in the order).
    """
    text = " ".join(query.split())
    if not text:
        return SearchTerms(())
    if looks_like_phone(text):
        forms = [text, _digits(text)]
        if text.startswith("+"):
            forms.extend(phone_forms(text)[2:])
        return SearchTerms((tuple(_unique(forms)),))
    return SearchTerms(tuple((word,) for word in _unique(text.split(" "))))


def fts_phrase(fragment: str) -> str:
    """An FTS5 string literal matching ``fragment`` as a substring (trigram tokenizer)."""
    return '"' + fragment.replace('"', '""') + '"'


def like_pattern(fragment: str) -> str:
    """A ``LIKE ... ESCAPE '\\'`` pattern matching ``fragment`` anywhere."""
    escaped = fragment.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search_condition(terms: SearchTerms, *, fts: bool, id_column: str) -> tuple[str, list[str]]:
    """SQL (and its parameters) true for orders whose document matches every group.

    ``id_column`` is the SQL expression of the channel order's id. A fragment of
    three characters or more is looked up in the trigram index (the set of matching
    orders, made once). A shorter one is checked in the order's own document, order
    by order (``EXISTS``), so that a query sorted the way an index reads can stop at
    the end of its page: a fragment as common as ``0`` or ``e`` fills a page of the
    newest orders after looking at about as many documents.
    """
    clauses: list[str] = []
    params: list[str] = []
    for group in terms.groups:
        alternatives: list[str] = []
        long_ones = [f for f in group if fts and len(f) >= TRIGRAM]
        if long_ones:
            alternatives.append(
                f"{id_column} IN (SELECT rowid FROM order_search WHERE order_search MATCH ?)"
            )
            params.append(" OR ".join(fts_phrase(f) for f in long_ones))
        for fragment in group:
            if fragment in long_ones:
                continue
            # "+" keeps FTS5 from taking over the LIKE: SQLite 3.40's trigram LIKE
            # finds nothing for a pattern of one or two Korean syllables.
            alternatives.append(
                "EXISTS (SELECT 1 FROM order_search s"
                f" WHERE s.rowid = {id_column} AND +s.text LIKE ? ESCAPE '\\')"
            )
            params.append(like_pattern(fragment))
        clauses.append("(" + " OR ".join(alternatives) + ")")
    return " AND ".join(clauses), params


def build_document(parts: Iterable[str]) -> str:
    """One search document: the non-empty parts, one per line, without repeats."""
    return "\n".join(_unique(part.strip() for part in parts if part and part.strip()))


def index_order(conn: sqlite3.Connection, order_id: int) -> None:
    """Rebuild the search document of one channel order from what the journal holds.

    The journal calls it in every write that changes what the order is found
    by (its travelers, purchaser, representative, options, AX order and ticket
    codes, the desk's internal note), inside that write's transaction; it opens
    none itself.
    """
    order = conn.execute(
        "SELECT channel_order_code, purchaser_name, purchaser_national_code,"
        " purchaser_phone, purchaser_email, wire_json, internal_note FROM channel_order"
        " WHERE id = ?",
        (order_id,),
    ).fetchone()
    parts: list[str] = [order[0], order[1], order[4], order[6] or ""]
    parts.extend(phone_forms(order[3], order[2]) if order[3] else [])
    if order[5]:
        representative = json.loads(order[5]).get("representative") or {}
        if isinstance(representative, dict):
            parts.append(str(representative.get("name", "")))
            parts.append(str(representative.get("email", "")))
            phone = str(representative.get("phone", ""))
            if phone:
                parts.extend(phone_forms(phone, str(representative.get("national_code", ""))))
    for (ax_code,) in conn.execute(
        "SELECT ax_order_code FROM ax_order WHERE order_id = ?", (order_id,)
    ):
        parts.append(ax_code)
    for product_name, option_name in conn.execute(
        "SELECT product_name, option_name FROM order_line WHERE order_id = ?", (order_id,)
    ):
        parts.extend((product_name, option_name))
    for channel_code, name, national_code, phone, email, ax_ticket_code in conn.execute(
        "SELECT channel_code, name, national_code, phone, email, ax_ticket_code"
        " FROM ticket WHERE order_id = ?",
        (order_id,),
    ):
        parts.extend((channel_code, name, email, ax_ticket_code or ""))
        if phone:
            parts.extend(phone_forms(phone, national_code))
    conn.execute("DELETE FROM order_search WHERE rowid = ?", (order_id,))
    conn.execute(
        "INSERT INTO order_search (rowid, text) VALUES (?, ?)",
        (order_id, build_document(parts)),
    )
