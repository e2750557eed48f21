"""Text search over the order journal: the documents, phone forms, query building.

Each channel order has one search document (``order_search``, rowid =
``channel_order.id``) holding every code, name, e-mail and phone form of the
order, one per line, rebuilt by :func:`index_order` whenever the journal
changes the order. With SQLite's FTS5 ``trigram`` tokenizer (SQLite >=
3.34) any substring of three characters or more is found through the index,
case-insensitively, which is what Korean names need (no word boundaries:
"민수" must find "김민수"). Shorter fragments (a one- or two-syllable Korean
name part, a digit, a letter) cannot use trigrams: they are looked up in a side
index, ``order_search_grams`` (migration 6, :func:`add_short_fragment_index`),
a contentless FTS5 table indexing, per order, every distinct one- and two-character piece of
its document (ASCII letters folded to lower case, as ``LIKE`` folds them), each
written as one ASCII token (:func:`gram_token`), so a fragment under three
characters is one token looked up in the index instead of a ``LIKE`` in every
document (which read every document when a fragment matched few orders, and cost
a scan of 20,000 orders, ``benchmarks/bench_journal_search.py``). When this SQLite
lacks FTS5, ``order_search`` is a plain table, there is no side index and every
fragment uses ``LIKE`` in each order's document, newest orders first, until the
page is full (correct, but a scan instead of an index lookup).

On the team journal (PostgreSQL) the same document is searched with the
server's indexes (:func:`pg_search_condition`): pg_trgm's GIN index of the text
for fragments of three characters or more (``ILIKE``), and for shorter ones
``grams`` (schema 4, ``axdesk.store.pg_schema``), a ``tsvector`` of the
document's :func:`short_pieces` with its own GIN index, written by
:func:`index_order` with the text. PostgreSQL's planner, which knows from its
statistics how common each piece is, chooses per search between the index and
walking the newest orders, the choice SQLite's :func:`common_short_fragments`
makes by hand.

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
import operator
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

DEFAULT_REGION = "KR"
_PHONE_QUERY = re.compile(r"[0-9\s\-().+/]+")
_MIN_PHONE_DIGITS = 3
TRIGRAM = 3
GRAMS_TABLE = "order_search_grams"
COMMON_FLOOR = 1000
"""A short fragment in at least this many orders (and 1/16 of them) is "common": a page of
the newest orders that have it is found sooner by LIKE in the newest documents, stopping
when the page is full, than by reading every order that has it from the index."""
COMMON_SHARE = 16
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


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


@functools.lru_cache(maxsize=65536)
def gram_token(piece: str) -> str:
    """The side index's token for a piece of one or two characters: its code points in
    hexadecimal, each after an ``x`` (``"최호"`` -> ``"xcd5cxd638"``), ASCII letters and
    digits only, so FTS5's ``ascii`` tokenizer keeps it whole, whatever the piece holds."""
    return "".join(f"x{ord(ch):x}" for ch in piece.translate(_ASCII_LOWER))


def gram_document(text: str) -> str:
    """The side index's document for a search document: the token of every distinct piece
    of one and two characters that has no white space (a fragment never has), sorted, so
    that the same text always gives the same document (taking an entry out needs it)."""
    return " ".join(sorted(map(gram_token, short_pieces(text))))


def short_pieces(text: str) -> set[str]:
    """Every distinct piece of one and two characters of ``text`` that has no white
    space, ASCII letters folded to lower case (``LIKE``'s folding): what a fragment under
    three characters is looked up as."""
    pieces: set[str] = set()
    for line in text.translate(_ASCII_LOWER).split():
        pieces.update(line)
        pieces.update(map(operator.add, line, line[1:]))
    return pieces


def pg_grams(text: str) -> list[str]:
    """The team journal's ``grams`` of a search document (schema 4): its
    :func:`short_pieces`, sorted (the same text always gives the same array)."""
    return sorted(short_pieces(text))


def common_short_fragments(
    conn: sqlite3.Connection, terms: SearchTerms, *, floor: int = COMMON_FLOOR
) -> frozenset[str]:
    """The fragments under three characters of ``terms`` to match in each document rather
    than read from the side index (see :data:`COMMON_FLOOR`): one statement per fragment,
    reading at most ``floor`` (or 1/16 of the orders) entries of the index.

    Fragments that are each common can be rare together ("최 호"): when the orders expected
    to have all of them (the journal's share of each, multiplied) are under the floor, none
    is called common, and the index finds them all.
    """
    shorts = sorted({f for group in terms.groups for f in group if len(f) < TRIGRAM})
    if not shorts:
        return frozenset()
    (newest,) = conn.execute("SELECT COALESCE(MAX(id), 0) FROM channel_order").fetchone()
    enough = max(floor, newest // COMMON_SHARE)
    found: dict[str, int] = {}
    for fragment in shorts:
        (found[fragment],) = conn.execute(
            f"SELECT COUNT(*) FROM (SELECT 1 FROM {GRAMS_TABLE}"
            f" WHERE {GRAMS_TABLE} MATCH ? LIMIT ?)",
            (gram_token(fragment), enough),
        ).fetchone()
    common = {f for f, count in found.items() if count >= enough}
    together = float(max(newest, 1))
    for group in terms.groups:
        if len(group) == 1 and group[0] in found:
            together *= found[group[0]] / max(newest, 1)
    if len(terms.groups) > 1 and together < enough:
        return frozenset()
    return frozenset(common)


def search_condition(
    terms: SearchTerms,
    *,
    fts: bool,
    id_column: str,
    short_index: bool = False,
    common: frozenset[str] = frozenset(),
) -> tuple[str, list[str]]:
    """SQL (and its parameters) true for orders whose document matches every group.

    ``id_column`` is the SQL expression of the channel order's id. A fragment of
    three characters or more is looked up in the trigram index (the set of matching
    orders, made once); with ``short_index`` (the side index exists), a shorter one
    in the side index the same way, unless it is in ``common``
    (:func:`common_short_fragments`, for a page). Any other short fragment is checked
    in the order's own document, order by order (``EXISTS``), so that a query sorted
    the way an index reads can stop at the end of its page. The groups looked up in an
    index come first, so a document is only read for the orders they leave.
    """
    clauses: list[str] = []
    params_of: list[list[str]] = []
    indexed: list[bool] = []
    together: list[str] = []  # groups of short fragments only: one lookup, FTS5 intersects
    for group in terms.groups:
        alternatives: list[str] = []
        params: list[str] = []
        long_ones = [f for f in group if fts and len(f) >= TRIGRAM]
        if long_ones:
            alternatives.append(
                f"{id_column} IN (SELECT rowid FROM order_search WHERE order_search MATCH ?)"
            )
            params.append(" OR ".join(fts_phrase(f) for f in long_ones))
        short_ones = [
            f for f in group if fts and short_index and len(f) < TRIGRAM and f not in common
        ]
        if short_ones and len(short_ones) == len(group):
            together.append("(" + " OR ".join(gram_token(f) for f in short_ones) + ")")
            continue  # all of its fragments are looked up with the other such groups
        if short_ones:
            alternatives.append(
                f"{id_column} IN (SELECT rowid FROM {GRAMS_TABLE} WHERE {GRAMS_TABLE} MATCH ?)"
            )
            params.append(" OR ".join(gram_token(f) for f in short_ones))
        for fragment in group:
            if fragment in long_ones or fragment in short_ones:
                continue
            # "+" keeps FTS5 from taking over the LIKE: SQLite 3.40's trigram LIKE
            # finds nothing for a pattern of one or two Korean syllables.
            alternatives.append(
                "EXISTS (SELECT 1 FROM order_search s"
                f" WHERE s.rowid = {id_column} AND +s.text LIKE ? ESCAPE '\\')"
            )
            params.append(like_pattern(fragment))
        clauses.append("(" + " OR ".join(alternatives) + ")")
        params_of.append(params)
        indexed.append(not (set(group) - set(long_ones) - set(short_ones)))
    if together:
        clauses.append(
            f"{id_column} IN (SELECT rowid FROM {GRAMS_TABLE} WHERE {GRAMS_TABLE} MATCH ?)"
        )
        params_of.append([" AND ".join(together)])
        indexed.append(True)
    order = sorted(range(len(clauses)), key=lambda n: not indexed[n])
    return " AND ".join(clauses[n] for n in order), [p for n in order for p in params_of[n]]


def gram_piece(fragment: str) -> str:
    """A fragment under three characters as the team journal's ``grams`` hold it
    (:func:`short_pieces`: ASCII letters folded to lower case)."""
    return fragment.translate(_ASCII_LOWER)


def ts_lexeme(piece: str) -> str:
    """``piece`` as one quoted lexeme of a ``tsquery`` literal, taken as it is (no parser,
    no normalisation: the ``grams`` vector was made from the pieces the same way)."""
    return "'" + piece.replace("\\", "\\\\").replace("'", "''") + "'"


def pg_search_condition(terms: SearchTerms, *, id_column: str) -> tuple[str, list[Any]]:
    """:func:`search_condition` for the team journal on PostgreSQL: one lookup in
    ``order_search`` for every group at once, so the planner sees the whole query.

    A fragment of three characters or more is an ``ILIKE`` (served by the pg_trgm
    index); a shorter one is a lexeme of ``grams`` (schema 4, a ``tsvector`` of the
    document's :func:`short_pieces`), all of them in one ``tsquery``: a group of one
    fragment is ``&``-ed in, a group of several short ones is ``( a | b )``. Which way to
    go, through the indexes or along the newest orders until the page is full, the
    planner chooses from each piece's share of the journal (``ANALYZE`` keeps it),
    planning each search for its own values (``plan_cache_mode``,
    ``axdesk.store.journal_open``); checking a ``tsvector`` for a lexeme is a binary
    search, so walking the newest orders costs little per order.
    """
    every: list[str] = []  # the tsquery's operands: each must match
    clauses: list[str] = []
    params: list[Any] = []
    for group in terms.groups:
        shorts = _unique(ts_lexeme(gram_piece(f)) for f in group if len(f) < TRIGRAM)
        longs = [f for f in group if len(f) >= TRIGRAM]
        if shorts and not longs:
            every.append(shorts[0] if len(shorts) == 1 else "(" + " | ".join(shorts) + ")")
            continue
        alternatives = ["s.text ILIKE ? ESCAPE '\\'"] * len(longs)
        group_params: list[Any] = [like_pattern(f) for f in longs]
        if shorts:
            alternatives.append("s.grams @@ ?::tsquery")
            group_params.append(" | ".join(shorts))
        clauses.append("(" + " OR ".join(alternatives) + ")")
        params.extend(group_params)
    if every:
        clauses.insert(0, "s.grams @@ ?::tsquery")
        params.insert(0, " & ".join(every))
    return (
        f"{id_column} IN (SELECT s.order_id FROM order_search s WHERE {' AND '.join(clauses)})",
        params,
    )


def has_short_fragment_index(conn: sqlite3.Connection) -> bool:
    """True when the journal has the side index of short fragments (FTS5, migration 6)."""
    row = conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (GRAMS_TABLE,)).fetchone()
    return row is not None


def add_short_fragment_index(conn: sqlite3.Connection) -> None:
    """Migration 6: the side index of short fragments, filled from every search document.

    Only where ``order_search`` is an FTS5 table: without FTS5, short fragments keep
    their ``LIKE`` in each document, as every fragment does there.
    """
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'order_search'").fetchone()
    if sql is None or "fts5" not in str(sql[0]).lower():
        return
    conn.execute(
        f"CREATE VIRTUAL TABLE {GRAMS_TABLE} USING fts5("
        "grams, content='', tokenize='ascii', detail='none', columnsize=0)"
    )
    conn.executemany(
        f"INSERT INTO {GRAMS_TABLE} (rowid, grams) VALUES (?, ?)",
        (
            (rowid, gram_document(text))
            for rowid, text in conn.execute("SELECT rowid, text FROM order_search").fetchall()
        ),
    )


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
    document = build_document(parts)
    if getattr(conn, "backend", "sqlite") == "postgresql":
        conn.execute("DELETE FROM order_search WHERE order_id = ?", (order_id,))
        conn.execute(
            "INSERT INTO order_search (order_id, text, grams)"
            " VALUES (?, ?, array_to_tsvector(?::text[]))",
            (order_id, document, pg_grams(document)),
        )
        return
    if has_short_fragment_index(conn):
        # The side index keeps no text of its own (contentless): an entry is taken out by
        # giving FTS5 what it was made from, the order's document before this change.
        old = conn.execute("SELECT text FROM order_search WHERE rowid = ?", (order_id,)).fetchone()
        if old is not None:
            conn.execute(
                f"INSERT INTO {GRAMS_TABLE} ({GRAMS_TABLE}, rowid, grams) VALUES ('delete', ?, ?)",
                (order_id, gram_document(old[0])),
            )
        conn.execute(
            f"INSERT INTO {GRAMS_TABLE} (rowid, grams) VALUES (?, ?)",
            (order_id, gram_document(document)),
        )
    conn.execute("DELETE FROM order_search WHERE rowid = ?", (order_id,))
    conn.execute("INSERT INTO order_search (rowid, text) VALUES (?, ?)", (order_id, document))
