"""Each ticket's cancel, journaled before it is sent and settled after: the journal's cancel room.

Life of a cancel (``ticket_cancel.state``)::

    begin_cancel ──► "cancelling" ──► mark_cancel_done ─────► "done"     AX cancelled it
    (before the PATCH)     │      ├─► mark_cancel_refused ──► "refused"  AX said no (used, …)
                           │      ├─► mark_cancel_unknown ──► "unknown"  no answer, 5xx, timeout
                           │      └─► withdraw_cancel ──────► (as before) certainly never sent
                           └ axdesk stopped while it was out: stays "cancelling"

"cancelling" and "unknown" are *unsettled*: AX may have cancelled the ticket
although the journal has no answer, so they are never "failed". They are
settled by sending the same cancel again on the order's own AX server
(``axdesk.store.cancel.settle_cancels`` at start-up and when a connection
becomes usable, and live sync, ``axdesk.store.sync``): AX answers a ticket
it already cancelled with the same result (docs/ax-channel-api.md, "Cancel
Ticket: what is assumed"). When Get Confirm reports the whole AX order
"Traveler cancel", its unsettled cancels are settled as done
(:meth:`JournalCancels.settle_cancelled_ax_orders`).

The ticket's own ``status`` stays AX's last word about it (New until AX
answers the cancel), and the cancel row says what axdesk asked and where
that stands; the Orders tab shows both (``TicketDetail.cancel``).

A cancel being sent by this process is *claimed* (:meth:`JournalCancels.claim_cancel`,
in memory, and across the desks of a team journal), so
:meth:`JournalCancels.unsettled_cancels` does not hand it to live sync to be
sent a second time meanwhile. What settling and live sync send again they
claim with :meth:`JournalCancels.claim_unsettled_cancel`, which also reads the
cancel again: their list may be stale by then. A claim is not a lock: an
explicit retry by the operator is sent even while live sync's is out
(both are safe), and the writes never move a settled cancel back.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from axdesk.api import CancelledTicket, TicketStatus
from axdesk.store.db import locked, optional_time_from_db, time_from_db, time_to_db, transaction
from axdesk.store.desk_claims import JournalClaims
from axdesk.store.endpoints import normalize_endpoint
from axdesk.store.journal_activity import ActivityKind
from axdesk.store.journal_base import Clock, UnknownOrderError, utc_now
from axdesk.store.journal_statuses import JournalStatuses


class CancelState(StrEnum):
    """Where a ticket's cancel stands between axdesk and AX."""

    CANCELLING = "cancelling"
    """Journaled; the PATCH is under way (or axdesk stopped before it finished)."""
    UNKNOWN = "unknown"
    """Sent, but no usable answer: AX may or may not have cancelled it."""
    DONE = "done"
    """AX cancelled the ticket (its answer, or Get Confirm's "Traveler cancel")."""
    REFUSED = "refused"
    """AX refused the cancel (e.g. the ticket was used); ``problem`` holds its sentence."""

    @property
    def is_settled(self) -> bool:
        return self in (CancelState.DONE, CancelState.REFUSED)


@dataclass(frozen=True)
class TicketCancel:
    """What axdesk asked of AX about one ticket, and where it stands."""

    ax_ticket_code: str
    ax_order_code: str
    state: CancelState
    comment: str | None
    """The comment sent with it (the first one, for every re-send of an unsettled cancel)."""
    requested_at: dt.datetime
    attempts: int
    last_attempt_at: dt.datetime | None
    settled_at: dt.datetime | None
    problem: str | None
    """AX's sentence when refused; the last error's when unknown."""


@dataclass(frozen=True)
class PendingCancel:
    """An unsettled cancel to send again, with what is needed to send and report it."""

    channel_order_code: str
    ax_order_code: str
    ax_ticket_code: str
    traveler_name: str
    state: CancelState
    comment: str | None
    requested_at: dt.datetime
    attempts: int
    endpoint: str | None
    """The AX server the order went to; None: not recorded (listed only without an endpoint)."""


@dataclass(frozen=True)
class CancelIntent:
    """A cancel just journaled by :meth:`JournalCancels.begin_cancel`, about to be sent."""

    ax_order_code: str
    ax_ticket_code: str
    comment: str | None
    """What to send: the comment recorded with the first, unsettled, attempt if there was one."""
    previous: CancelState | None
    """The state before this attempt (None: never asked before)."""
    claimed: bool = True
    """This process holds a claim on the cancel for the PATCH (release it after); False when
    another desk of the team journal holds it (it is sent anyway: sending again is safe)."""

    @property
    def may_have_landed_before(self) -> bool:
        """An earlier attempt may have been applied at AX (its outcome is not known)."""
        return self.previous is not None and not self.previous.is_settled


_CANCEL_COLUMNS = (
    "c.ax_ticket_code, c.ax_order_code, c.state, c.comment, c.requested_at, c.attempts,"
    " c.last_attempt_at, c.settled_at, c.problem"
)


def _cancel_from_row(row: Any) -> TicketCancel:
    return TicketCancel(
        ax_ticket_code=row[0],
        ax_order_code=row[1],
        state=CancelState(row[2]),
        comment=row[3],
        requested_at=time_from_db(row[4]),
        attempts=int(row[5]),
        last_attempt_at=optional_time_from_db(row[6]),
        settled_at=optional_time_from_db(row[7]),
        problem=row[8],
    )


def read_ticket_cancels(conn: sqlite3.Connection, order_id: int) -> dict[str, TicketCancel]:
    """The cancels of one channel order by AX ticket code (for ``get_order``; hold the lock)."""
    rows = conn.execute(
        f"SELECT {_CANCEL_COLUMNS} FROM ticket_cancel c WHERE c.order_id = ?", (order_id,)
    ).fetchall()
    return {str(row[0]): _cancel_from_row(row) for row in rows}


class JournalCancels(JournalStatuses, JournalClaims):
    """Journaling each ticket's cancel before it is sent and settling it (module docstring).

    Built on :class:`JournalStatuses`: AX's answer to a cancel is recorded
    with the same status writes as every other answer of AX.
    """

    def __init__(self, conn: sqlite3.Connection, *, clock: Clock = utc_now) -> None:
        super().__init__(conn, clock=clock)
        self._claims: Counter[str] = Counter()
        self._claims_lock = threading.Lock()

    # -- before the PATCH -----------------------------------------------------------

    def begin_cancel(
        self, ax_order_code: str, ax_ticket_code: str, comment: str | None
    ) -> CancelIntent:
        """Journal the intent to cancel this ticket, committed before anything is sent.

        The cancel becomes "cancelling" and is claimed by this process (release
        it with :meth:`release_cancel` once the PATCH is over, when the intent
        says ``claimed``). Re-sending an unsettled cancel keeps its first
        comment, so AX gets the same request again. Raises
        :class:`UnknownOrderError` when the journal does not hold the ticket
        (nothing may be sent for what is not journaled).
        """
        # Claimed before the intent is committed: once another desk can list the cancel as
        # unsettled, it finds it claimed and does not send it at the same time.
        claimed = self._join_claim(ax_ticket_code)
        try:
            send_comment, previous = self._journal_intent(ax_order_code, ax_ticket_code, comment)
        except BaseException:
            if claimed:
                self.release_cancel(ax_ticket_code)
            raise
        return CancelIntent(ax_order_code, ax_ticket_code, send_comment, previous, claimed)

    def _journal_intent(
        self, ax_order_code: str, ax_ticket_code: str, comment: str | None
    ) -> tuple[str | None, CancelState | None]:
        """:meth:`begin_cancel`'s write: (the comment to send, the state before)."""
        at = time_to_db(self._now())
        with transaction(self._conn):
            row = self._conn.execute(
                "SELECT t.id, t.order_id FROM ticket t WHERE t.ax_ticket_code = ?",
                (ax_ticket_code,),
            ).fetchone()
            if row is None:
                raise UnknownOrderError(f"The ticket {ax_ticket_code} is not in the journal.")
            ticket_id, order_id = int(row[0]), int(row[1])
            current = self._conn.execute(
                "SELECT state, comment FROM ticket_cancel WHERE ticket_id = ?", (ticket_id,)
            ).fetchone()
            if current is None:
                previous = None
                send_comment = comment
                self._conn.execute(
                    "INSERT INTO ticket_cancel (ticket_id, order_id, ax_order_code, ax_ticket_code,"
                    " state, comment, requested_at, updated_at, attempts, last_attempt_at)"
                    " VALUES (?, ?, ?, ?, 'cancelling', ?, ?, ?, 1, ?)",
                    (ticket_id, order_id, ax_order_code, ax_ticket_code, comment, at, at, at),
                )
                self._record_activity(order_id, ActivityKind.CANCEL_REQUESTED, ax_ticket_code)
            else:
                previous = CancelState(current[0])
                if previous.is_settled:
                    # Asked again after AX's answer: a new request, with the comment given now.
                    send_comment = comment
                    state = CancelState.DONE if previous is CancelState.DONE else None
                    self._record_activity(order_id, ActivityKind.CANCEL_REQUESTED, ax_ticket_code)
                else:
                    send_comment = current[1]
                    state = None
                self._conn.execute(
                    "UPDATE ticket_cancel SET state = ?, comment = ?, updated_at = ?,"
                    " attempts = attempts + 1, last_attempt_at = ?, ax_order_code = ?"
                    " WHERE ticket_id = ?",
                    (
                        (state or CancelState.CANCELLING).value,
                        send_comment,
                        at,
                        at,
                        ax_order_code,
                        ticket_id,
                    ),
                )
        return send_comment, previous

    def claim_cancel(self, ax_ticket_code: str) -> bool:
        """Claim this cancel for a re-send by this process: False, and nothing claimed,
        when this process is sending it already or another desk of the team journal is
        (``axdesk.store.desk_claims``). Release a True claim with :meth:`release_cancel`.

        A refused claim takes nothing: its caller skips the cancel without releasing,
        so counting it would keep the cancel claimed (and the other desks locked out)
        after the claim that was really out ended.
        """
        with self._claims_lock:
            if self._claims[ax_ticket_code] > 0:
                return False
            if not self._lock_cancel_across_desks(ax_ticket_code):
                return False  # another desk is sending it: nothing claimed here
            self._claims[ax_ticket_code] = 1
        return True

    def claim_unsettled_cancel(self, ax_ticket_code: str) -> bool:
        """:meth:`claim_cancel`, then read the cancel again: True (claimed) only when it is
        still unsettled. A list of unsettled cancels goes stale while it is worked through
        (another desk, or this one's operator, may settle one meanwhile), and a settled
        cancel sent again would be answered, and its history written, a second time."""
        if not self.claim_cancel(ax_ticket_code):
            return False
        try:
            cancel = self.cancel_of(ax_ticket_code)
        except BaseException:
            self.release_cancel(ax_ticket_code)
            raise
        if cancel is None or cancel.state.is_settled:
            self.release_cancel(ax_ticket_code)
            return False
        return True

    def _join_claim(self, ax_ticket_code: str) -> bool:
        """:meth:`begin_cancel`'s claim: an explicit cancel is sent even while a re-send of
        this process is out (both are safe), so it counts as one more claim here; True when
        it holds one (False: another desk holds the cancel, nothing to release)."""
        with self._claims_lock:
            first_here = self._claims[ax_ticket_code] <= 0
            if first_here and not self._lock_cancel_across_desks(ax_ticket_code):
                return False
            self._claims[ax_ticket_code] += 1
        return True

    def release_cancel(self, ax_ticket_code: str) -> None:
        """The PATCH claimed by :meth:`claim_cancel` (or :meth:`begin_cancel`) is over."""
        with self._claims_lock:
            if self._claims[ax_ticket_code] <= 0:  # its claim went to another desk
                self._claims.pop(ax_ticket_code, None)
                return
            self._claims[ax_ticket_code] -= 1
            if self._claims[ax_ticket_code] <= 0:
                del self._claims[ax_ticket_code]
                self._unlock_cancel_across_desks(ax_ticket_code)

    def _claimed(self) -> set[str]:
        with self._claims_lock:
            return set(self._claims)

    # -- after the PATCH ------------------------------------------------------------

    def mark_cancel_done(
        self, ax_ticket_code: str, result: CancelledTicket, *, attempts: int = 0
    ) -> None:
        """AX answered the cancel: record the ticket's and its AX order's statuses.

        The cancel is "done" when AX says the ticket is cancelled; an answer
        that leaves it live is recorded as a refusal with a sentence saying
        so. ``attempts`` counts re-sends not journaled before (live sync's).
        Allowed in any state: AX's answer is the truth.
        """
        moment = self._now()
        at = time_to_db(moment)
        if result.ax_ticket_code != ax_ticket_code:
            self.mark_cancel_unknown(
                ax_ticket_code,
                f"AX answered the cancel of {ax_ticket_code} about another ticket "
                f"({result.ax_ticket_code}).",
                attempts=attempts,
            )
            return
        with transaction(self._conn):
            self.apply_cancellation(result, moment)
            if result.ax_ticket_status.is_cancelled:
                was = self._conn.execute(
                    "SELECT state FROM ticket_cancel WHERE ax_ticket_code = ?", (ax_ticket_code,)
                ).fetchone()
                already_done = was is not None and was[0] == CancelState.DONE.value
                self._conn.execute(
                    "UPDATE ticket_cancel SET state = 'done',"
                    " settled_at = CASE WHEN state = 'done' THEN settled_at ELSE ? END,"
                    " updated_at = ?, problem = NULL, attempts = attempts + ?"
                    " WHERE ax_ticket_code = ?",
                    (at, at, attempts, ax_ticket_code),
                )
                if not already_done:  # a late second answer changes nothing in the history
                    self._record_ticket_activity(ax_ticket_code, ActivityKind.CANCELLED)
            else:
                self._conn.execute(
                    "UPDATE ticket_cancel SET state = 'refused', settled_at = ?, updated_at = ?,"
                    " problem = ?, attempts = attempts + ? WHERE ax_ticket_code = ?",
                    (
                        at,
                        at,
                        f"AX answered the cancel, but the ticket is still "
                        f"{result.ax_ticket_status.value}.",
                        attempts,
                        ax_ticket_code,
                    ),
                )
                self._record_ticket_activity(ax_ticket_code, ActivityKind.CANCEL_REFUSED)

    def mark_cancel_refused(self, ax_ticket_code: str, problem: str, *, attempts: int = 0) -> None:
        """AX refused the cancel (4xx); ``problem`` is its sentence. A done cancel stays done."""
        at = time_to_db(self._now())
        with transaction(self._conn):
            cursor = self._conn.execute(
                "UPDATE ticket_cancel SET state = 'refused', problem = ?, settled_at = ?,"
                " updated_at = ?, attempts = attempts + ? WHERE ax_ticket_code = ?"
                " AND state <> 'done'",
                (problem, at, at, attempts, ax_ticket_code),
            )
            if cursor.rowcount > 0:
                self._record_ticket_activity(ax_ticket_code, ActivityKind.CANCEL_REFUSED)

    def mark_cancel_unknown(self, ax_ticket_code: str, problem: str, *, attempts: int = 0) -> None:
        """No usable answer: AX may have cancelled it. Only an unsettled cancel becomes unknown."""
        at = time_to_db(self._now())
        with transaction(self._conn):
            self._conn.execute(
                "UPDATE ticket_cancel SET state = 'unknown', problem = ?, updated_at = ?,"
                " attempts = attempts + ? WHERE ax_ticket_code = ?"
                " AND state IN ('cancelling', 'unknown')",
                (problem, at, attempts, ax_ticket_code),
            )

    def note_cancel_problem(self, ax_ticket_code: str, problem: str) -> None:
        """A re-send did not reach AX (or AX did not take it): the cancel stays as it was."""
        with transaction(self._conn):
            self._conn.execute(
                "UPDATE ticket_cancel SET problem = ?, updated_at = ? WHERE ax_ticket_code = ?"
                " AND state IN ('cancelling', 'unknown')",
                (problem, time_to_db(self._now()), ax_ticket_code),
            )

    def withdraw_cancel(self, intent: CancelIntent, problem: str) -> None:
        """The PATCH certainly never reached AX (no connection, key refused): undo ``intent``.

        A first request leaves no trace (the ticket is as it was); a cancel
        that may have landed before stays "unknown"; a settled one goes back
        to its state.
        """
        at = time_to_db(self._now())
        with transaction(self._conn):
            if intent.previous is None:
                self._conn.execute(
                    "DELETE FROM ticket_cancel WHERE ax_ticket_code = ? AND state = 'cancelling'",
                    (intent.ax_ticket_code,),
                )
            elif intent.may_have_landed_before:
                self._conn.execute(
                    "UPDATE ticket_cancel SET state = 'unknown', problem = ?, updated_at = ?"
                    " WHERE ax_ticket_code = ? AND state = 'cancelling'",
                    (problem, at, intent.ax_ticket_code),
                )
            else:
                self._conn.execute(
                    "UPDATE ticket_cancel SET state = ?, updated_at = ?"
                    " WHERE ax_ticket_code = ? AND state = 'cancelling'",
                    (intent.previous.value, at, intent.ax_ticket_code),
                )

    def settle_cancelled_ax_orders(
        self, ax_order_codes: Collection[str], at: dt.datetime | None = None
    ) -> list[str]:
        """Get Confirm says these AX orders are "Traveler cancel": every ticket is cancelled.

        Their unsettled cancels become "done" and those tickets "Traveler
        canceled", each with its "cancelled" line in the order's history (by
        the desk that found it out). Returns the AX ticket codes settled.
        """
        if not ax_order_codes:
            return []
        stamp = time_to_db(at or self._now())
        codes = sorted(set(ax_order_codes))
        marks = ", ".join("?" * len(codes))
        with transaction(self._conn):
            rows = self._conn.execute(
                "SELECT ticket_id, ax_ticket_code FROM ticket_cancel"
                f" WHERE ax_order_code IN ({marks}) AND state IN ('cancelling', 'unknown')",
                codes,
            ).fetchall()
            for ticket_id, ax_ticket_code in rows:
                self._conn.execute(
                    "UPDATE ticket SET status = ?, status_updated_at = ? WHERE id = ?"
                    " AND (status IS NULL OR status NOT IN (?, ?))",
                    (
                        TicketStatus.TRAVELER_CANCELED.value,
                        stamp,
                        ticket_id,
                        TicketStatus.TRAVELER_CANCELED.value,
                        TicketStatus.SUPPLIER_CANCELED.value,
                    ),
                )
                self._conn.execute(
                    "UPDATE ticket_cancel SET state = 'done', settled_at = ?, updated_at = ?,"
                    " problem = NULL WHERE ticket_id = ?",
                    (stamp, stamp, ticket_id),
                )
                self._record_ticket_activity(str(ax_ticket_code), ActivityKind.CANCELLED)
        return [str(row[1]) for row in rows]

    # -- reads ---------------------------------------------------------------------

    def cancel_of(self, ax_ticket_code: str) -> TicketCancel | None:
        """The cancel journaled for this ticket, or None when none was ever asked."""
        with locked(self._conn):
            row = self._conn.execute(
                f"SELECT {_CANCEL_COLUMNS} FROM ticket_cancel c WHERE c.ax_ticket_code = ?",
                (ax_ticket_code,),
            ).fetchone()
        return None if row is None else _cancel_from_row(row)

    def unsettled_cancels(self, endpoint: str | None = None) -> list[PendingCancel]:
        """Cancels left "cancelling" or "unknown", oldest first, not being sent here now.

        With ``endpoint``, only those of orders sent to that AX server: the
        ones it may settle (orders whose server is not recorded are left out,
        as by ``needs_reconciliation``); without it every one is listed.
        """
        where = ""
        params: list[Any] = []
        if endpoint is not None:
            where = " AND o.endpoint = ?"
            params.append(normalize_endpoint(endpoint))
        with locked(self._conn):
            rows = self._conn.execute(
                "SELECT o.channel_order_code, c.ax_order_code, c.ax_ticket_code, t.name, c.state,"
                " c.comment, c.requested_at, c.attempts, o.endpoint"
                " FROM ticket_cancel c JOIN ticket t ON t.id = c.ticket_id"
                " JOIN channel_order o ON o.id = c.order_id"
                f" WHERE c.state IN ('cancelling', 'unknown'){where}"
                " ORDER BY c.requested_at, c.ticket_id",
                params,
            ).fetchall()
        claimed = self._claimed()
        return [
            PendingCancel(
                channel_order_code=row[0],
                ax_order_code=row[1],
                ax_ticket_code=row[2],
                traveler_name=row[3],
                state=CancelState(row[4]),
                comment=row[5],
                requested_at=time_from_db(row[6]),
                attempts=int(row[7]),
                endpoint=row[8],
            )
            for row in rows
            if row[2] not in claimed
        ]
