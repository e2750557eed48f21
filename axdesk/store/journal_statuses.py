"""What AX reports about orders already in the journal: statuses, cancellations, lookups.

After an order exists at AX, its AX orders and tickets change status there
(the supplier confirms or cancels, a traveler's ticket is used or
cancelled). The journal learns of it only by asking: Get Confirm answers
(:meth:`JournalStatuses.apply_status_infos`: the poller, the reconciler,
a check of one order),
Cancel Ticket's answer (:meth:`JournalStatuses.apply_cancellation`; the
cancel itself, journaled before its PATCH, is in ``axdesk.store.journal_cancels``), and a
lookup by code of an order made here or elsewhere
(:meth:`JournalStatuses.import_remote_order`). Every change of an AX order's
status adds a row to its history; a status that did not change only moves
its ``checked_at`` (and keeps the newest comment).

The order's own life up to AX's first answer (sending, sent, unknown,
rejected) is in ``axdesk.store.journal``, which uses this room's
``_attach_ax_order`` and ``_apply_status`` to record the AX orders of a
created order.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterable, Iterator, Sequence

from axdesk.api import CancelledTicket, OrderStatus, OrderStatusInfo, TicketStatus
from axdesk.store.db import time_to_db, transaction
from axdesk.store.endpoints import OtherEndpointError, normalize_endpoint
from axdesk.store.journal_activity import ActivityKind, JournalActivity
from axdesk.store.journal_base import UnknownOrderError, order_status_from_db
from axdesk.store.search import index_order


class JournalStatuses(JournalActivity):
    """Recording AX's later answers about journaled orders (see the module docstring)."""

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Make every write inside the block one transaction: one commit, one fsync.

        For answers that are only read from AX (live sync's Get Confirm, the
        answers to cancels already journaled): writing a cycle's worth at
        once costs one commit instead of one per answer. Never around a
        network call: the database lock is held for the whole block. A write
        that must be committed before a request goes out (an order, a cancel
        intent) is never made inside a batch.
        """
        with transaction(self._conn):
            yield

    def update_ax_status(
        self,
        ax_order_code: str,
        status: OrderStatus,
        comment: str | None = None,
        checked_at: dt.datetime | None = None,
    ) -> bool:
        """Record a status AX reported; returns True when it changed (a history row is added)."""
        moment = checked_at or self._now()
        with transaction(self._conn):
            if self._ax_order_id(ax_order_code) is None:
                raise UnknownOrderError(f"The AX order {ax_order_code} is not in the journal.")
            return self._apply_status(ax_order_code, status, comment, moment)

    def apply_status_infos(
        self, infos: Iterable[OrderStatusInfo], checked_at: dt.datetime | None = None
    ) -> list[str]:
        """Record a Get Confirm answer for AX orders already in the journal.

        Returns the AX order codes whose status changed. Unknown codes are skipped
        (use :meth:`import_remote_order` to follow an order made elsewhere).
        """
        moment = checked_at or self._now()
        changed: list[str] = []
        with transaction(self._conn):
            for info in infos:  # an AX order the journal does not hold is skipped there
                if self._apply_status(info.ax_order_code, info.status, info.comment, moment):
                    changed.append(info.ax_order_code)
        return changed

    def touch_checked(self, ax_order_code: str, checked_at: dt.datetime | None = None) -> None:
        """Note that AX was asked about this AX order (even if nothing changed)."""
        moment = time_to_db(checked_at or self._now())
        with transaction(self._conn):
            cursor = self._conn.execute(
                "UPDATE ax_order SET checked_at = ? WHERE ax_order_code = ?",
                (moment, ax_order_code),
            )
            if cursor.rowcount == 0:
                raise UnknownOrderError(f"The AX order {ax_order_code} is not in the journal.")

    def update_ticket_status(
        self, ax_ticket_code: str, status: TicketStatus, at: dt.datetime | None = None
    ) -> bool:
        """Record a ticket's status; returns True when it changed."""
        moment = time_to_db(at or self._now())
        with transaction(self._conn):
            row = self._conn.execute(
                "SELECT id, status FROM ticket WHERE ax_ticket_code = ?", (ax_ticket_code,)
            ).fetchone()
            if row is None:
                raise UnknownOrderError(f"The ticket {ax_ticket_code} is not in the journal.")
            if row[1] == status.value:
                return False
            self._conn.execute(
                "UPDATE ticket SET status = ?, status_updated_at = ? WHERE id = ?",
                (status.value, moment, row[0]),
            )
            return True

    def apply_cancellation(self, result: CancelledTicket, at: dt.datetime | None = None) -> None:
        """Record Cancel Ticket's answer: the ticket's and its AX order's new statuses."""
        moment = at or self._now()
        with transaction(self._conn):
            self.update_ticket_status(result.ax_ticket_code, result.ax_ticket_status, moment)
            if self._ax_order_id(result.ax_order_code) is not None:
                self._apply_status(result.ax_order_code, result.ax_order_status, None, moment)

    def import_remote_order(
        self,
        infos: Sequence[OrderStatusInfo],
        checked_at: dt.datetime | None = None,
        *,
        endpoint: str | None = None,
    ) -> list[str]:
        """Follow orders looked up by code (Get Confirm's answer), made here or elsewhere.

        ``endpoint`` is the AX server that answered. Channel orders not in the
        journal are added as "remote" (no lines or tickets are known for them)
        with that endpoint; AX orders are attached and their statuses recorded.
        An order already journaled for another server is refused
        (:class:`OtherEndpointError`, nothing is recorded); one whose server was
        not recorded gets this one, since the operator chose to import AX's
        answer for it. Without ``endpoint`` (callers that do not know it yet)
        new orders have none and existing ones are not checked. Returns the
        channel order codes touched.
        """
        moment = checked_at or self._now()
        at = time_to_db(moment)
        server = None if endpoint is None else normalize_endpoint(endpoint)
        touched: list[str] = []
        with transaction(self._conn):
            for info in infos:
                order_id = self._order_id(info.channel_order_code)
                if order_id is None:
                    cursor = self._conn.execute(
                        "INSERT INTO channel_order (channel_order_code, state, created_at,"
                        " updated_at, summary, endpoint) VALUES (?, 'remote', ?, ?, ?, ?)",
                        (info.channel_order_code, at, at, "Looked up by code", server),
                    )
                    order_id = int(cursor.lastrowid or 0)
                    self._record_activity(order_id, ActivityKind.LOOKED_UP)
                elif server is not None:
                    row = self._conn.execute(
                        "SELECT endpoint FROM channel_order WHERE id = ?", (order_id,)
                    ).fetchone()
                    if row[0] is None:
                        self._conn.execute(
                            "UPDATE channel_order SET endpoint = ? WHERE id = ?", (server, order_id)
                        )
                    elif row[0] != server:
                        raise OtherEndpointError(info.channel_order_code, str(row[0]), server)
                problems: list[str] = []
                if self._attach_ax_order(order_id, None, info.ax_order_code, problems):
                    self._apply_status(info.ax_order_code, info.status, info.comment, moment)
                if info.channel_order_code not in touched:
                    touched.append(info.channel_order_code)
                index_order(self._conn, order_id)
        return touched

    # -- internals (also used by the writes in axdesk.store.journal) ------------

    def _ax_order_id(self, ax_order_code: str) -> int | None:
        row = self._conn.execute(
            "SELECT order_id FROM ax_order WHERE ax_order_code = ?", (ax_order_code,)
        ).fetchone()
        return None if row is None else int(row[0])

    def _attach_ax_order(
        self, order_id: int, line_id: int | None, ax_order_code: str, problems: list[str]
    ) -> bool:
        owner = self._ax_order_id(ax_order_code)
        if owner is not None and owner != order_id:
            problems.append(
                f"AX gave the order code {ax_order_code}, which the journal already holds "
                "for another order; it was not attached to this one."
            )
            return False
        if line_id is not None:
            self._conn.execute(
                "UPDATE ax_order SET line_id = NULL WHERE line_id = ? AND ax_order_code != ?",
                (line_id, ax_order_code),
            )
        self._conn.execute(
            "INSERT INTO ax_order (ax_order_code, order_id, line_id) VALUES (?, ?, ?)"
            " ON CONFLICT (ax_order_code) DO UPDATE SET"
            " line_id = COALESCE(excluded.line_id, ax_order.line_id)",
            (ax_order_code, order_id, line_id),
        )
        return True

    def _apply_status(
        self,
        ax_order_code: str,
        status: OrderStatus,
        comment: str | None,
        moment: dt.datetime,
    ) -> bool:
        """Record AX's status of an AX order; True when it changed (a history row is added).
        An AX order the journal does not hold changes nothing (False)."""
        at = time_to_db(moment)
        row = self._conn.execute(
            "SELECT status, comment FROM ax_order WHERE ax_order_code = ?", (ax_order_code,)
        ).fetchone()
        if row is None:
            return False  # not in the journal: nothing to record
        previous = order_status_from_db(row[0])
        new_comment = comment if comment is not None else row[1]
        if previous == status:
            self._conn.execute(
                "UPDATE ax_order SET checked_at = ?, comment = ? WHERE ax_order_code = ?",
                (at, new_comment, ax_order_code),
            )
            return False
        self._conn.execute(
            "UPDATE ax_order SET status = ?, comment = ?, checked_at = ?, status_changed_at = ?"
            " WHERE ax_order_code = ?",
            (int(status), new_comment, at, at, ax_order_code),
        )
        self._conn.execute(
            "INSERT INTO ax_status_history (ax_order_code, at, from_status, to_status, comment)"
            " VALUES (?, ?, ?, ?, ?)",
            (ax_order_code, at, None if previous is None else int(previous), int(status), comment),
        )
        return True
