"""The journal's SQL, written once for SQLite, said the way PostgreSQL wants it.

The journal rooms (``journal``, ``journal_statuses``, ``journal_cancels``,
``journal_queries``, ``search``, ``endpoints``, ``reconcile``) keep one text
of each statement. Almost all of it is standard SQL both engines run; the few
SQLite spellings it uses are rewritten here, statement by statement (cached),
so there is one place that knows the differences and nothing can drift
between two copies of the same query:

* ``?`` placeholders become psycopg's ``%s`` (and a literal ``%`` becomes ``%%``);
* ``BEGIN IMMEDIATE`` (take the write lock now) becomes ``BEGIN``: PostgreSQL
  locks rows, not the file, and the writes that must not race take their row
  or advisory locks explicitly (``axdesk.store.pg_locks``);
* ``x COLLATE NOCASE`` becomes ``lower(x)``; ``group_concat(e, ',')`` becomes
  ``string_agg(e::text, ',')``;
* ``ax_order``'s and ``product_option``'s implicit ``rowid`` (the order
  they were written in) is the explicit ``seq`` column of the PostgreSQL
  schema; ``order_search``'s rowid is its ``order_id``; the search's
  ``+s.text LIKE`` (SQLite's way to keep FTS5 out of a LIKE) is
  ``s.text ILIKE``, served by the pg_trgm index;
* the probe for SQLite's FTS5 tables finds nothing; the text search itself
  is not translated but written for PostgreSQL in ``axdesk.store.search``
  (``pg_search_condition``: pg_trgm for fragments of three characters or more,
  the ``grams`` of schema 4 for shorter ones), as the two engines' indexes differ;
* an ``INSERT`` into a table with an ``id`` key gets ``RETURNING id``, which
  the connection turns into the cursor's ``lastrowid``.

A statement this module does not know passes through unchanged except for
its placeholders: new journal SQL must be standard, or get a rule here (the
shared journal test suite runs every statement on both engines).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

_TABLES_WITH_ID = frozenset({"channel_order", "order_line", "ticket", "ax_status_history"})
_INSERT_INTO = re.compile(r"^\s*INSERT\s+INTO\s+(\w+)", re.IGNORECASE)
_NOCASE = re.compile(r"([\w.]+)\s+COLLATE\s+NOCASE", re.IGNORECASE)
_GROUP_CONCAT = re.compile(r"group_concat\((.+?),\s*','\)", re.IGNORECASE)
_SQLITE_SCHEMA = re.compile(r"\bFROM\s+sqlite_master\b", re.IGNORECASE)
_FIXED_REWRITES = (
    ("COALESCE(a.status, '')", "COALESCE(a.status::text, '')"),
    ("+s.text LIKE", "s.text ILIKE"),
    ("s.rowid =", "s.order_id ="),
    ("a.rowid", "a.seq"),
    ("DELETE FROM order_search WHERE rowid", "DELETE FROM order_search WHERE order_id"),
    ("INSERT INTO order_search (rowid, text)", "INSERT INTO order_search (order_id, text)"),
    ("SELECT rowid, text FROM order_search", "SELECT order_id, text FROM order_search"),
    ("sort_order, rowid", "sort_order, seq"),
)


def reads_sqlite_schema(sql: str) -> bool:
    """Whether ``sql`` asks SQLite's own schema (which FTS5 tables exist): none on PostgreSQL."""
    return _SQLITE_SCHEMA.search(sql) is not None


@dataclass(frozen=True)
class PgStatement:
    """A statement for PostgreSQL; ``returns_id`` when it ends in ``RETURNING id``."""

    text: str
    returns_id: bool


def _placeholders(sql: str, *, has_params: bool) -> str:
    """``?`` outside quoted text to ``%s``; ``%`` to ``%%`` when psycopg will parse it."""
    out: list[str] = []
    quote: str | None = None
    for char in sql:
        if quote is not None:
            if char == quote:
                quote = None
        elif char in "'\"":
            quote = char
        elif char == "?":
            out.append("%s")
            continue
        if char == "%" and has_params:
            out.append("%%")
            continue
        out.append(char)
    return "".join(out)


@functools.lru_cache(maxsize=1024)
def translate(sql: str, *, has_params: bool = True) -> PgStatement:
    """The PostgreSQL form of one journal statement (see the module docstring)."""
    text = sql.strip()
    if text.upper() == "BEGIN IMMEDIATE":
        return PgStatement("BEGIN", returns_id=False)
    for sqlite_form, pg_form in _FIXED_REWRITES:
        text = text.replace(sqlite_form, pg_form)
    text = _NOCASE.sub(r"lower(\1)", text)
    text = _GROUP_CONCAT.sub(r"string_agg((\1)::text, ',')", text)
    returns_id = False
    insert = _INSERT_INTO.match(text)
    if insert and insert.group(1) in _TABLES_WITH_ID and "RETURNING" not in text.upper():
        text += " RETURNING id"
        returns_id = True
    return PgStatement(_placeholders(text, has_params=has_params), returns_id)
