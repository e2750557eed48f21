"""What every part of the order journal shares: its errors, its clock, its connection.

The journal is one object, :class:`axdesk.store.journal.OrderJournal`, made of
rooms that each hold one kind of rule, all over the same connection (so one
lock and one transaction at a time, see ``axdesk.store.db``):

* ``axdesk.store.journal``: the writes of an order's life, from before the
  POST to AX's first answer, and ``OrderJournal`` itself;
* ``axdesk.store.journal_statuses``: the writes of what AX reports later
  (AX order and ticket statuses, cancellations, orders looked up by code);
* ``axdesk.store.journal_queries``: the reads and the value types they return;
* ``axdesk.store.endpoints``: the AX server each order went to, and the rule
  that an order is only sent to, or asked about on, that server;
* ``axdesk.store.drafts``: the new-order form's drafts.

Each room is a class over :class:`JournalBase`; ``OrderJournal`` inherits them all.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable

from axdesk.api import OrderStatus

Clock = Callable[[], dt.datetime]


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


# ---------------------------------------------------------------------------
# Errors


class JournalError(Exception):
    """A journal operation that cannot be done; ``str(err)`` is a sentence."""


class UnknownOrderError(JournalError, LookupError):
    """No order (or AX order, or ticket) with that code is in the journal."""


class JournalBase:
    """One connection from :func:`axdesk.store.db.open_database` and the journal's clock.

    ``clock`` gives the current aware time (tests pass a fixed one).
    """

    def __init__(self, conn: sqlite3.Connection, *, clock: Clock = utc_now) -> None:
        self._conn = conn
        self._clock = clock

    @property
    def connection(self) -> sqlite3.Connection:
        """The journal's connection, for the engine's own helpers (``pg_listen``)."""
        return self._conn

    @property
    def backend(self) -> str:
        """``"sqlite"`` (this computer's file) or ``"postgresql"`` (the team journal)."""
        return str(getattr(self._conn, "backend", "sqlite"))

    def close(self) -> None:
        """Close the journal's connection (the journal is not used after this)."""
        self._conn.close()

    def _now(self) -> dt.datetime:
        moment = self._clock()
        if moment.tzinfo is None or moment.utcoffset() is None:
            raise JournalError("The journal's clock gave a time without a time zone.")
        return moment.astimezone(dt.UTC)

    def _order_id(self, code: str) -> int | None:
        row = self._conn.execute(
            "SELECT id FROM channel_order WHERE channel_order_code = ?", (code,)
        ).fetchone()
        return None if row is None else int(row[0])

    def _require_order(self, code: str) -> int:
        order_id = self._order_id(code)
        if order_id is None:
            raise UnknownOrderError(f"The order {code} is not in the journal.")
        return order_id


def order_status_from_db(value: object) -> OrderStatus | None:
    return None if value is None or value == "" else OrderStatus(int(str(value)))
