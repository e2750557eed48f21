"""Who did what: the journal's activity lines (the room of the desks' actions).

Each desk has an operator name and a desk id (settings); the journal records
them with the time on every action a person or a desk takes on an order: the
order recorded before its POST, AX's first answer settling it (sent, unknown,
refused), a ticket's cancel asked and its answer, an internal note saved, an
order looked up by code and imported. The lines go in ``journal_activity``
inside the same transaction as the change they describe, so neither exists
without the other, on either engine. The order detail shows them (sent by,
cancelled by, note by); what AX itself reports later keeps its own status
history (``ax_status_history``).

:meth:`JournalActivity.act_as` sets who the journal's writes are recorded
for; a journal nobody set keeps an empty operator and desk (tests, tools).
"""

from __future__ import annotations

import datetime as dt
import enum
import socket
import sqlite3
from dataclasses import dataclass

from axdesk.store.db import locked, time_from_db, time_to_db
from axdesk.store.journal_base import JournalBase

OPERATOR_MAX_LENGTH = 80
DESK_MAX_LENGTH = 80


@dataclass(frozen=True)
class Actor:
    """Who is at this desk: the operator's name and the desk's id (both may be empty)."""

    operator: str = ""
    desk: str = ""


def desk_actor(operator_name: str, desk_id: str) -> Actor:
    """The actor of this desk from its settings; an empty desk id is the host's name."""
    return Actor(operator_name.strip(), desk_id.strip() or socket.gethostname())


class ActivityKind(enum.StrEnum):
    """What was done; the UI words each kind in the operator's language."""

    RECORDED = "recorded"  # journaled before its POST (the desk that sent it)
    SENT = "sent"  # AX made it
    UNKNOWN = "unknown"  # AX's answer did not settle it
    REJECTED = "rejected"  # AX refused it
    CANCEL_REQUESTED = "cancel_requested"
    CANCELLED = "cancelled"
    CANCEL_REFUSED = "cancel_refused"
    NOTE_SAVED = "note_saved"
    LOOKED_UP = "looked_up"


@dataclass(frozen=True)
class Activity:
    """One line of an order's activity: when, what, by whom, at which desk, about what."""

    at: dt.datetime
    kind: ActivityKind
    operator: str
    desk: str
    detail: str = ""


def read_activity(conn: sqlite3.Connection, order_id: int) -> tuple[Activity, ...]:
    """The activity lines of one order, oldest first."""
    rows = conn.execute(
        "SELECT at, kind, operator, desk, detail FROM journal_activity"
        " WHERE order_id = ? ORDER BY at, id",
        (order_id,),
    ).fetchall()
    return tuple(
        Activity(time_from_db(row[0]), ActivityKind(row[1]), row[2], row[3], row[4] or "")
        for row in rows
    )


class JournalActivity(JournalBase):
    """Recording and reading the activity lines (see the module docstring)."""

    actor: Actor = Actor()

    def act_as(self, actor: Actor) -> None:
        """Record this journal's writes from now on for ``actor`` (trimmed to the limits)."""
        self.actor = Actor(
            actor.operator.strip()[:OPERATOR_MAX_LENGTH], actor.desk.strip()[:DESK_MAX_LENGTH]
        )

    def activity_of(self, channel_order_code: str) -> tuple[Activity, ...]:
        """The order's activity, oldest first (empty for an unknown code)."""
        with locked(self._conn):
            order_id = self._order_id(channel_order_code)
            return () if order_id is None else read_activity(self._conn, order_id)

    def _record_activity(self, order_id: int, kind: ActivityKind, detail: str = "") -> None:
        """One activity line, inside the caller's transaction."""
        self._conn.execute(
            "INSERT INTO journal_activity (order_id, at, kind, operator, desk, detail)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (
                order_id,
                time_to_db(self._now()),
                kind.value,
                self.actor.operator,
                self.actor.desk,
                detail,
            ),
        )

    def _record_ticket_activity(self, ax_ticket_code: str, kind: ActivityKind) -> None:
        """One activity line about a ticket's cancel, on the ticket's order."""
        self._conn.execute(
            "INSERT INTO journal_activity (order_id, at, kind, operator, desk, detail)"
            " SELECT order_id, ?, ?, ?, ?, ? FROM ticket WHERE ax_ticket_code = ?",
            (
                time_to_db(self._now()),
                kind.value,
                self.actor.operator,
                self.actor.desk,
                ax_ticket_code,
                ax_ticket_code,
            ),
        )
