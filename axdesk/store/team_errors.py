"""The team journal's failures, as sentences (shared by its connection and its locks)."""

from __future__ import annotations

from axdesk.store.db import DatabaseError


class TeamJournalOffline(DatabaseError):
    """The team journal's server cannot be reached now; the desk reconnects by itself."""


class TeamJournalIntegrityError(DatabaseError):
    """A statement broke a rule of the team journal's schema (a duplicate key, say)."""
