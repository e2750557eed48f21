"""The order journal: a write-ahead record of every order, so none is lost or sent twice.

Life of an order made here (``channel_order.state``)::

    record_sending ──► "sending" ──► mark_sent ──────────────────► "sent"
    (before the POST)      │     ├─► mark_known_without_tickets ─► "sent" (no ticket codes)
                           │     └─► mark_rejected ──────────────► "rejected" (AX refused it)
                           └─────► mark_unknown ───────────────► "unknown"  (no answer, ...)

"unknown" is never "failed": the POST may have been applied, so the order is
reconciled (``axdesk.store.reconcile``) with the same channel order code and
the exact stored body until AX's answer settles it; ``problem_kind`` says
what kind of "unknown" it is. Orders made elsewhere and looked up by code are
kept as "remote" (``OrderJournal.import_remote_order``).

Every POST is counted before it is made (:meth:`OrderJournal.note_attempt`),
which also records when it started as the order's ``uncertain_post_at``: from
then on AX may make the order from it, until its outcome is known. A POST AX
certainly did not apply (it refused it, or it never left) gives the order back
the uncertainty it had before (:meth:`OrderJournal.mark_attempt_not_applied`);
settling the order clears it. The reconciler reads it to know whether an
earlier send may still land.

What is stored:

* the exact wire JSON (``encode_json(request.to_wire())``, the bytes the
  client sends), written once before the POST; re-sends use exactly it;
* denormalised rows for display and search: one per line (option, time of
  use, quantity, money) and per traveler (our ticket ``channel_code``, name,
  phone, e-mail), purchaser fields, totals and currency;
* after AX answers: each AX order (one per line) with its status, comment,
  time of the last check and a history row for every change; each AX ticket
  code, paired with our ticket by position within its line (AX answers in
  request order), with its status.

Money is ``Decimal`` (TEXT in SQLite); datetimes are aware UTC.

``OrderJournal`` is the one journal object. The writes of an order's life
up to AX's first answer are here; it inherits the other rooms, all over one
connection (``axdesk.store.journal_base``): what AX reports later, statuses,
cancellations and lookups (``axdesk.store.journal_statuses``), the reads
(``axdesk.store.journal_queries``), the endpoint rule
(``axdesk.store.endpoints``) and the drafts (``axdesk.store.drafts``).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from axdesk.api import (
    CreatedDepthCombination,
    CreatedOrder,
    OrderRequest,
    OrderStatusInfo,
    encode_json,
)
from axdesk.store.db import money_to_db, time_from_db, time_to_db, transaction
from axdesk.store.drafts import JournalDrafts
from axdesk.store.endpoints import JournalEndpoints, normalize_endpoint
from axdesk.store.journal_activity import ActivityKind
from axdesk.store.journal_base import JournalError
from axdesk.store.journal_cancels import JournalCancels
from axdesk.store.journal_queries import JournalQueries, JournalState, ProblemKind
from axdesk.store.journal_statuses import JournalStatuses
from axdesk.store.search import index_order


class DuplicateOrderError(JournalError):
    """An order with this channel order code is already in the journal."""


class JournalStateError(JournalError):
    """The order is not in a state that allows this change (e.g. rejecting a sent order)."""


INTERNAL_NOTE_MAX_LENGTH = 4000
"""The longest internal note the journal keeps, in characters."""


class NoteTooLongError(JournalError):
    """The internal note is longer than ``limit`` characters; nothing was saved."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"The internal note is longer than {limit} characters.")
        self.limit = limit


class NoteChangedError(JournalError):
    """The internal note changed since it was read (another desk saved one); nothing was
    saved. ``current`` is the note the journal holds now."""

    def __init__(self, channel_order_code: str, current: str) -> None:
        super().__init__(
            f"The internal note of {channel_order_code} was changed elsewhere in the meantime."
        )
        self.current = current


@dataclass(frozen=True)
class OptionLabel:
    """Display names of an option, stored with the order (the catalog may change later)."""

    product_code: str = ""
    product_name: str = ""
    option_name: str = ""


# ---------------------------------------------------------------------------
# The journal


class OrderJournal(
    JournalCancels, JournalStatuses, JournalQueries, JournalEndpoints, JournalDrafts
):
    """The order journal on a database from :func:`axdesk.store.db.open_database`.

    The writes of an order's life are defined here; the others are inherited
    from the rooms (:class:`JournalStatuses`, :class:`JournalQueries`,
    :class:`JournalEndpoints`, :class:`JournalDrafts`), all over the same
    connection and clock, so every caller holds one journal and finds every
    operation on it.

    ``clock`` gives the current aware time (tests pass a fixed one).
    Safe to share between the GUI thread and one worker thread (see ``db``).
    """

    # -- writing before and after the POST -------------------------------------

    def record_sending(
        self,
        request: OrderRequest,
        labels: Mapping[str, OptionLabel] | None = None,
        *,
        endpoint: str,
    ) -> str:
        """Store the order before it is sent; returns the exact wire JSON to send.

        ``endpoint`` is the base URL of the AX server it is about to be sent to
        (kept normalised, see :func:`normalize_endpoint`); it is only ever sent
        again there. ``labels`` gives product and option names by ``dc_code``;
        options not in it are named from the local catalog when it knows them.
        Raises :class:`DuplicateOrderError` if the channel order code is already
        here.
        """
        server = normalize_endpoint(endpoint)
        wire_json = encode_json(request.to_wire()).decode("utf-8")
        now = self._now()
        code = request.order.channel_order_code
        info = request.order
        purchaser = request.purchaser
        with transaction(self._conn):
            if self._order_id(code) is not None:
                raise DuplicateOrderError(
                    f"An order with the code {code} is already in the journal; "
                    "it is reconciled instead of being made again."
                )
            names = self._labels(request, labels or {})
            summary = "; ".join(
                f"{_label_text(names[line.dc_code], line.dc_code)} ×{line.quantity}"
                for line in request.depth_combinations
            )
            first_use = min(line.inventory_at for line in request.depth_combinations)
            cursor = self._conn.execute(
                "INSERT INTO channel_order (channel_order_code, state, wire_json, created_at,"
                " updated_at, purchaser_name, purchaser_national_code, purchaser_phone,"
                " purchaser_email, sub_total, discount, total, currency, comment, first_use_at,"
                " ticket_count, summary, endpoint) VALUES (?, 'sending', ?, ?, ?, ?, ?, ?, ?, ?,"
                " ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    code,
                    wire_json,
                    time_to_db(now),
                    time_to_db(now),
                    purchaser.name,
                    purchaser.national_code,
                    purchaser.phone,
                    purchaser.email,
                    money_to_db(info.sub_total),
                    None if info.discount is None else money_to_db(info.discount),
                    money_to_db(info.total),
                    info.currency,
                    info.comment,
                    time_to_db(first_use),
                    len(request.tickets),
                    summary,
                    server,
                ),
            )
            order_id = int(cursor.lastrowid or 0)
            for position, line in enumerate(request.depth_combinations):
                label = names[line.dc_code]
                line_cursor = self._conn.execute(
                    "INSERT INTO order_line (order_id, position, dc_code,"
                    " channel_product_mapping_code, product_code, product_name, option_name,"
                    " inventory_at, quantity, unit_price, discount, amount_price, line_total)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        order_id,
                        position,
                        line.dc_code,
                        line.channel_product_mapping_code,
                        label.product_code,
                        label.product_name,
                        label.option_name,
                        time_to_db(line.inventory_at),
                        line.quantity,
                        money_to_db(line.unit_selling_price),
                        None if line.discount is None else money_to_db(line.discount),
                        money_to_db(line.amount_price),
                        money_to_db(line.unit_selling_price * line.quantity),
                    ),
                )
                line_id = int(line_cursor.lastrowid or 0)
                self._conn.executemany(
                    "INSERT INTO ticket (order_id, line_id, position, channel_code, name,"
                    " national_code, phone, email) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        (
                            order_id,
                            line_id,
                            index,
                            ticket.channel_code,
                            ticket.name,
                            ticket.national_code,
                            ticket.phone,
                            ticket.email,
                        )
                        for index, ticket in enumerate(line.tickets)
                    ],
                )
            index_order(self._conn, order_id)
            self._record_activity(order_id, ActivityKind.RECORDED)
        return wire_json

    def note_attempt(self, channel_order_code: str, *, at: dt.datetime | None = None) -> int:
        """Count one more POST of this order (just before it is made); returns the count.

        The POST may make the order at AX from now until its outcome is known, so
        its start (``at``, default now) becomes the order's ``uncertain_post_at``.
        """
        with transaction(self._conn):
            order_id = self._require_order(channel_order_code)
            now = time_to_db(self._now())
            started = now if at is None else time_to_db(at)
            self._conn.execute(
                "UPDATE channel_order SET attempts = attempts + 1, last_attempt_at = ?,"
                " updated_at = ?, uncertain_post_at = ? WHERE id = ?",
                (started, now, started, order_id),
            )
            row = self._conn.execute(
                "SELECT attempts FROM channel_order WHERE id = ?", (order_id,)
            ).fetchone()
        return int(row[0])

    def mark_attempt_not_applied(
        self, channel_order_code: str, uncertain_before: dt.datetime | None
    ) -> None:
        """The POST just counted was certainly not applied (AX refused it, or it never left).

        The order's ``uncertain_post_at`` goes back to ``uncertain_before``, what
        it was before that POST (None: no earlier POST may land). Only from
        "sending" or "unknown".
        """
        with transaction(self._conn):
            order_id = self._require_order(channel_order_code)
            current = self._state(order_id)
            if not current.needs_reconciliation:
                raise JournalStateError(
                    f"The order {channel_order_code} is {current.value}; its sends are settled."
                )
            self._conn.execute(
                "UPDATE channel_order SET uncertain_post_at = ?, updated_at = ? WHERE id = ?",
                (
                    None if uncertain_before is None else time_to_db(uncertain_before),
                    time_to_db(self._now()),
                    order_id,
                ),
            )

    def mark_sent(self, channel_order_code: str, created: CreatedOrder) -> tuple[str, ...]:
        """AX created the order: store every AX order and ticket code and their statuses.

        Response options are matched to our lines by position (falling back to
        ``dc_code`` and time of use when the answer is in another order), and
        tickets by position within each line. Whatever does not line up is kept
        (an AX order without a line) and described in the returned sentences,
        which are also stored as the order's ``problem``. Allowed in any state:
        AX's answer is the truth.
        """
        now = self._now()
        at = time_to_db(now)
        with transaction(self._conn):
            order_id = self._require_order(channel_order_code)
            # AX's answer again (the ticket codes learned later): it was sent once, by then.
            already_sent = self._state(order_id) is JournalState.SENT
            problems: list[str] = []
            if created.channel_order_code != channel_order_code:
                problems.append(
                    f"AX answered with the order code {created.channel_order_code} "
                    f"instead of {channel_order_code}."
                )
            lines = self._conn.execute(
                "SELECT id, position, dc_code, inventory_at FROM order_line"
                " WHERE order_id = ? ORDER BY position",
                (order_id,),
            ).fetchall()
            for line_id, dc in self._pair_lines(lines, created.depth_combinations, problems):
                if not self._attach_ax_order(order_id, line_id, dc.ax_order_code, problems):
                    continue
                self._apply_status(dc.ax_order_code, dc.ax_order_status, None, now)
                if line_id is not None:
                    self._attach_tickets(order_id, line_id, dc, at, problems)
            self._conn.execute(
                "UPDATE channel_order SET state = 'sent', sent_at = COALESCE(sent_at, ?),"
                " updated_at = ?, channel_order_status = ?, problem = ?, rejected_errors = NULL,"
                " problem_kind = NULL, uncertain_post_at = NULL WHERE id = ?",
                (
                    at,
                    at,
                    int(created.channel_order_status),
                    " ".join(problems) or None,
                    order_id,
                ),
            )
            index_order(self._conn, order_id)
            if not already_sent:
                self._record_activity(order_id, ActivityKind.SENT)
        return tuple(problems)

    def mark_known_without_tickets(
        self, channel_order_code: str, infos: Sequence[OrderStatusInfo], note: str
    ) -> None:
        """AX has the order (Get Confirm lists it) but its ticket codes could not be fetched.

        The order becomes "sent" with its AX orders and statuses, and ``note``
        as its problem (kind ``tickets_unknown``), so the operator knows the
        ticket codes are missing and why a traveler's ticket cannot be cancelled.
        Its tickets keep no AX code until AX gives them (:meth:`mark_sent`).
        """
        now = self._now()
        with transaction(self._conn):
            order_id = self._require_order(channel_order_code)
            problems: list[str] = []
            for info in infos:
                if self._attach_ax_order(order_id, None, info.ax_order_code, problems):
                    self._apply_status(info.ax_order_code, info.status, info.comment, now)
            at = time_to_db(now)
            self._conn.execute(
                "UPDATE channel_order SET state = 'sent', sent_at = COALESCE(sent_at, ?),"
                " updated_at = ?, problem = ?, problem_kind = ?, rejected_errors = NULL,"
                " uncertain_post_at = NULL WHERE id = ?",
                (at, at, " ".join([note, *problems]), ProblemKind.TICKETS_UNKNOWN.value, order_id),
            )
            index_order(self._conn, order_id)
            self._record_activity(order_id, ActivityKind.SENT)

    def mark_unknown(
        self,
        channel_order_code: str,
        reason: str,
        kind: ProblemKind = ProblemKind.NO_ANSWER,
    ) -> None:
        """Not settled: the order may exist at AX; ``reason`` says why it is not known, and
        ``kind`` what kind of reason it is. Only from "sending" or "unknown"."""
        self._set_pending_outcome(channel_order_code, JournalState.UNKNOWN, reason, None, kind)

    def mark_rejected(
        self, channel_order_code: str, message: str, errors: Sequence[str] = ()
    ) -> None:
        """AX refused the order, and no earlier send of it can still land (the reconciler
        decides that). Only from "sending" or "unknown"."""
        self._set_pending_outcome(
            channel_order_code,
            JournalState.REJECTED,
            message,
            json.dumps(list(errors)),
            ProblemKind.REFUSED,
        )

    def _set_pending_outcome(
        self, code: str, state: JournalState, problem: str, errors: str | None, kind: ProblemKind
    ) -> None:
        with transaction(self._conn):
            order_id = self._require_order(code)
            current = self._state(order_id)
            if not current.needs_reconciliation:
                raise JournalStateError(
                    f"The order {code} is {current.value}; it cannot become {state.value}."
                )
            # A refusal settles the order: none of its sends can land any more.
            settles = ", uncertain_post_at = NULL" if state is JournalState.REJECTED else ""
            self._conn.execute(
                "UPDATE channel_order SET state = ?, problem = ?, rejected_errors = ?,"
                f" problem_kind = ?, updated_at = ?{settles} WHERE id = ?",
                (state.value, problem, errors, kind.value, time_to_db(self._now()), order_id),
            )
            if current is not state:
                refused = state is JournalState.REJECTED
                self._record_activity(
                    order_id, ActivityKind.REJECTED if refused else ActivityKind.UNKNOWN
                )

    # -- the desk's internal note ---------------------------------------------------

    def save_internal_note(
        self, channel_order_code: str, text: str, *, based_on: str
    ) -> dt.datetime:
        """Keep ``text`` as the order's internal note (never sent to AX); returns when.

        ``based_on`` is the note the operator started from (as read with the
        order). When the journal holds another note by now, saved from another
        desk, nothing is written and :class:`NoteChangedError` carries the
        current one, so that neither text is lost unseen. ``""`` clears the note.
        The note is part of the order's search document.
        """
        if len(text) > INTERNAL_NOTE_MAX_LENGTH:
            raise NoteTooLongError(INTERNAL_NOTE_MAX_LENGTH)
        now = self._now()
        with transaction(self._conn):
            order_id = self._require_order(channel_order_code)
            row = self._conn.execute(
                "SELECT internal_note FROM channel_order WHERE id = ?", (order_id,)
            ).fetchone()
            current = row[0] or ""
            if current != based_on and current != text:
                raise NoteChangedError(channel_order_code, current)
            self._conn.execute(
                "UPDATE channel_order SET internal_note = ?, internal_note_at = ? WHERE id = ?",
                (text, time_to_db(now), order_id),
            )
            index_order(self._conn, order_id)
            if text != current:
                self._record_activity(order_id, ActivityKind.NOTE_SAVED)
        return now

    # -- internals ----------------------------------------------------------------

    def _state(self, order_id: int) -> JournalState:
        row = self._conn.execute(
            "SELECT state FROM channel_order WHERE id = ?", (order_id,)
        ).fetchone()
        return JournalState(row[0])

    def _labels(
        self, request: OrderRequest, given: Mapping[str, OptionLabel]
    ) -> dict[str, OptionLabel]:
        names: dict[str, OptionLabel] = {}
        for line in request.depth_combinations:
            if line.dc_code in names:
                continue
            label = given.get(line.dc_code)
            if label is None:
                row = self._conn.execute(
                    "SELECT p.product_code, p.name, o.name FROM product_option o"
                    " JOIN product p ON p.product_code = o.product_code WHERE o.dc_code = ?",
                    (line.dc_code,),
                ).fetchone()
                label = OptionLabel(*row) if row is not None else OptionLabel()
            names[line.dc_code] = label
        return names

    def _pair_lines(
        self,
        lines: Sequence[Sequence[Any]],
        answered: Sequence[CreatedDepthCombination],
        problems: list[str],
    ) -> list[tuple[int | None, CreatedDepthCombination]]:
        """Match AX's options to our lines: by position when the dc_codes agree, else by code."""
        if len(lines) == len(answered) and all(
            line[2] == dc.dc_code for line, dc in zip(lines, answered, strict=True)
        ):
            return [(int(line[0]), dc) for line, dc in zip(lines, answered, strict=True)]
        free = list(lines)
        pairs: list[tuple[int | None, CreatedDepthCombination]] = []
        for dc in answered:
            candidates = [line for line in free if line[2] == dc.dc_code]
            if dc.inventory_at is not None and len(candidates) > 1:
                same_time = [
                    line for line in candidates if time_from_db(line[3]) == dc.inventory_at
                ]
                candidates = same_time or candidates
            if candidates:
                free.remove(candidates[0])
                pairs.append((int(candidates[0][0]), dc))
            else:
                problems.append(
                    f"AX created the order {dc.ax_order_code} for option {dc.dc_code}, "
                    "which this order did not ask for."
                )
                pairs.append((None, dc))
        for line in free:
            problems.append(f"AX did not answer for option {line[2]} (line {int(line[1]) + 1}).")
        return pairs

    def _attach_tickets(
        self,
        order_id: int,
        line_id: int,
        dc: CreatedDepthCombination,
        at: str,
        problems: list[str],
    ) -> None:
        ours = self._conn.execute(
            "SELECT id, ax_ticket_code FROM ticket WHERE line_id = ? ORDER BY position",
            (line_id,),
        ).fetchall()
        if len(ours) != len(dc.tickets):
            problems.append(
                f"AX created {len(dc.tickets)} tickets for the {len(ours)} travelers of "
                f"option {dc.dc_code}; only the first {min(len(ours), len(dc.tickets))} "
                "were matched."
            )
        for (ticket_id, _previous), made in zip(ours, dc.tickets, strict=False):
            holder = self._conn.execute(
                "SELECT id FROM ticket WHERE ax_ticket_code = ?", (made.ax_ticket_code,)
            ).fetchone()
            if holder is not None and int(holder[0]) != int(ticket_id):
                problems.append(
                    f"AX gave the ticket code {made.ax_ticket_code}, which the journal already "
                    "holds for another traveler; it was not attached."
                )
                continue
            self._conn.execute(
                "UPDATE ticket SET ax_ticket_code = ?, status = ?, status_updated_at = ?"
                " WHERE id = ?",
                (made.ax_ticket_code, made.ax_ticket_status.value, at, ticket_id),
            )


def _label_text(label: OptionLabel, dc_code: str) -> str:
    names = [name for name in (label.product_name, label.option_name) if name]
    return " · ".join(names) if names else dc_code
