"""Drafts of the new-order form: a half-typed order kept as JSON text under a key.

The New order tab writes its form here a moment after each change and when
axdesk closes, and reads it back at start, so what the operator typed
outlives the app. Drafts live in the journal's database (table ``draft``);
what the JSON holds is the form's business, the journal only checks that it
is JSON.

Revisions: the form writes its drafts from several threads (a worker a moment
after each change, the send itself naming the order it sends, the GUI thread
at close), so an older write can reach the journal after a newer one. Each
write carries the writer's ``revision``, numbered in the order the form took
its snapshots; the journal keeps the highest and refuses a write (or a clear)
with a lower or equal one. A draft written before a send can thus never land
over the one naming the order that went out. A cleared draft keeps its row,
with empty text, so its revision stays.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass

from axdesk.store.db import locked, time_from_db, time_to_db, transaction
from axdesk.store.journal_base import JournalBase, JournalError

_CLEARED = ""
"""The text of a cleared draft: the row stays so its revision is kept."""


@dataclass(frozen=True)
class DraftInfo:
    key: str
    updated_at: dt.datetime


class JournalDrafts(JournalBase):
    """The drafts kept in the journal's database (see the module docstring).

    On the team journal the drafts stay on the desk: :meth:`keep_drafts_in` names
    this computer's database for them (a draft is one desk's unfinished form).
    """

    _local_drafts: sqlite3.Connection | None = None

    def keep_drafts_in(self, conn: sqlite3.Connection) -> None:
        """Keep the drafts in ``conn`` (this computer's database) instead of the journal's."""
        self._local_drafts = conn

    @property
    def _drafts_conn(self) -> sqlite3.Connection:
        return self._local_drafts if self._local_drafts is not None else self._conn

    def save_draft(self, key: str, json_text: str, *, revision: int | None = None) -> bool:
        """Keep the new-order form's half-typed order (any JSON text) under ``key``.

        With ``revision``, the draft is written only over an older one (a lower
        revision, or none); returns whether it was written. Without, it is
        written in any case and keeps the stored revision.
        """
        try:
            json.loads(json_text)
        except json.JSONDecodeError as exc:
            raise JournalError(f"The draft {key!r} is not JSON ({exc.msg}).") from exc
        return self._put(key, json_text, revision)

    def clear_draft(self, key: str, *, revision: int | None = None) -> bool:
        """Forget the draft under ``key``; returns whether there was one to forget.

        With ``revision``, only a draft older than it is cleared (and the
        clearing is kept as that revision); without, any draft is.
        """
        with transaction(self._drafts_conn):
            row = self._drafts_conn.execute(
                "SELECT json_text FROM draft WHERE key = ?", (key,)
            ).fetchone()
            had_one = row is not None and row[0] != _CLEARED
            written = self._put(key, _CLEARED, revision)
        return had_one and written

    def load_draft(self, key: str) -> str | None:
        with locked(self._drafts_conn):
            row = self._drafts_conn.execute(
                "SELECT json_text FROM draft WHERE key = ?", (key,)
            ).fetchone()
        return None if row is None or row[0] == _CLEARED else str(row[0])

    def draft_revision(self, key: str) -> int:
        """The revision of the draft under ``key`` (0 when none was ever written)."""
        with locked(self._drafts_conn):
            row = self._drafts_conn.execute(
                "SELECT revision FROM draft WHERE key = ?", (key,)
            ).fetchone()
        return 0 if row is None else int(row[0])

    def list_drafts(self) -> list[DraftInfo]:
        with locked(self._drafts_conn):
            rows = self._drafts_conn.execute(
                "SELECT key, updated_at FROM draft WHERE json_text <> ? ORDER BY updated_at DESC",
                (_CLEARED,),
            ).fetchall()
        return [DraftInfo(row[0], time_from_db(row[1])) for row in rows]

    def _put(self, key: str, text: str, revision: int | None) -> bool:
        now = time_to_db(self._now())
        with transaction(self._drafts_conn):
            if revision is None:
                cursor = self._drafts_conn.execute(
                    "INSERT INTO draft (key, json_text, updated_at) VALUES (?, ?, ?)"
                    " ON CONFLICT (key) DO UPDATE SET json_text = excluded.json_text,"
                    " updated_at = excluded.updated_at",
                    (key, text, now),
                )
            else:
                cursor = self._drafts_conn.execute(
                    "INSERT INTO draft (key, json_text, updated_at, revision) VALUES (?, ?, ?, ?)"
                    " ON CONFLICT (key) DO UPDATE SET json_text = excluded.json_text,"
                    " updated_at = excluded.updated_at, revision = excluded.revision"
                    " WHERE draft.revision < excluded.revision",
                    (key, text, now, int(revision)),
                )
        return cursor.rowcount > 0
