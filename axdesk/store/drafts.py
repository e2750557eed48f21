"""Drafts of the new-order form: a half-typed order kept as JSON text under a key.

The New order tab writes its form here a moment after each change and when
axdesk closes, and reads it back at start, so what the operator typed
outlives the app. Drafts live in the journal's database (table ``draft``);
what the JSON holds is the form's business, the journal only checks that it
is JSON.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from axdesk.store.db import locked, time_from_db, time_to_db, transaction
from axdesk.store.journal_base import JournalBase, JournalError


@dataclass(frozen=True)
class DraftInfo:
    key: str
    updated_at: dt.datetime


class JournalDrafts(JournalBase):
    """The drafts kept in the journal's database (see the module docstring)."""

    def save_draft(self, key: str, json_text: str) -> None:
        """Keep the new-order form's half-typed order (any JSON text) under ``key``."""
        try:
            json.loads(json_text)
        except json.JSONDecodeError as exc:
            raise JournalError(f"The draft {key!r} is not JSON ({exc.msg}).") from exc
        with transaction(self._conn):
            self._conn.execute(
                "INSERT INTO draft (key, json_text, updated_at) VALUES (?, ?, ?)"
                " ON CONFLICT (key) DO UPDATE SET json_text = excluded.json_text,"
                " updated_at = excluded.updated_at",
                (key, json_text, time_to_db(self._now())),
            )

    def load_draft(self, key: str) -> str | None:
        with locked(self._conn):
            row = self._conn.execute("SELECT json_text FROM draft WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def clear_draft(self, key: str) -> bool:
        with transaction(self._conn):
            cursor = self._conn.execute("DELETE FROM draft WHERE key = ?", (key,))
        return cursor.rowcount > 0

    def list_drafts(self) -> list[DraftInfo]:
        with locked(self._conn):
            rows = self._conn.execute(
                "SELECT key, updated_at FROM draft ORDER BY updated_at DESC"
            ).fetchall()
        return [DraftInfo(row[0], time_from_db(row[1])) for row in rows]
