"""The order journal: a write-ahead record of every order, so none is lost or sent twice.

Life of an order made here (``channel_order.state``)::

    record_sending ──► "sending" ──► mark_sent ──────► "sent"
    (before the POST)      │     └─► mark_rejected ──► "rejected"  (4xx: AX refused it)
                           └─────► mark_unknown ───► "unknown"   (no answer, 5xx, timeout)

"unknown" is never "failed": the POST may have been applied, so the order is
reconciled (``axdesk.store.reconcile``) with the same channel order code and
the exact stored body until AX's answer settles it. Orders made elsewhere and
looked up by code are kept as "remote".

What is stored:

* the exact wire JSON (``encode_json(request.to_wire())``, the bytes the
  client sends), written once before the POST; re-sends use exactly it;
* denormalised rows for display and search: one per line (option, time of
  use, quantity, money) and per traveler (our ticket ``channel_code``, name,
  phone, e-mail), purchaser fields, totals and currency;
* after AX answers: each AX order (one per line) with its status, comment,
  time of the last check and a history row for every change; each AX ticket
  code, paired with our ticket by position within its line (AX answers in
  request order), with its status;
* drafts of the new-order form (:meth:`OrderJournal.save_draft`).

Money is ``Decimal`` (TEXT in SQLite); datetimes are aware UTC.

Where each order went (``endpoint``): one journal holds the orders of every
connection profile (production, test, custom servers), so every channel order
records the AX server it was sent to (or looked up on), as
:func:`normalize_endpoint` writes the client's base URL. An order is only
ever re-sent to, or asked about on, that server: ``needs_reconciliation`` and
``non_final_ax_orders`` given an endpoint list only that server's orders, and
:meth:`OrderJournal.check_endpoint` refuses the others with a sentence naming
where the order went. Orders journaled before axdesk kept the endpoint have
none (NULL). Nothing tells where those went, so they are never re-sent or
polled on their own: a filtered list leaves them out, the unfiltered lists
(no endpoint given) still show them with ``endpoint=None`` so the UI can say
they need the operator, and they get an endpoint only by an explicit act of
the operator (:meth:`OrderJournal.assign_endpoint`, or importing AX's answer
for the order from a lookup on that server).

Search (:meth:`OrderJournal.list_orders` with ``text``) uses one FTS5
trigram document per order; see ``axdesk.store.search``. This SQLite has
FTS5 with trigram (>= 3.34); where it does not, the migration creates a
plain table and search falls back to ``LIKE`` scans, still correct.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Any
from urllib.parse import urlsplit

from axdesk.api import (
    AxError,
    CancelledTicket,
    CreatedDepthCombination,
    CreatedOrder,
    OrderRequest,
    OrderStatus,
    OrderStatusInfo,
    TicketStatus,
    encode_json,
)
from axdesk.store.db import (
    locked,
    money_from_db,
    money_to_db,
    optional_money_from_db,
    optional_time_from_db,
    time_from_db,
    time_to_db,
    transaction,
)
from axdesk.store.search import build_document, parse_query, phone_forms, search_condition

Clock = Callable[[], dt.datetime]


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


# ---------------------------------------------------------------------------
# Errors


class JournalError(Exception):
    """A journal operation that cannot be done; ``str(err)`` is a sentence."""


class UnknownOrderError(JournalError, LookupError):
    """No order (or AX order, or ticket) with that code is in the journal."""


class DuplicateOrderError(JournalError):
    """An order with this channel order code is already in the journal."""


class JournalStateError(JournalError):
    """The order is not in a state that allows this change (e.g. rejecting a sent order)."""


class EndpointError(JournalError, AxError):
    """The order may not be sent to, or asked about on, the AX server in use.

    An ``AxError`` too, so the UI shows its sentence like any answer from AX.
    ``endpoint`` is where the order went (None: not recorded); ``current`` is
    the server in use.
    """

    def __init__(
        self, message: str, channel_order_code: str, endpoint: str | None, current: str
    ) -> None:
        super().__init__(message)
        self.channel_order_code = channel_order_code
        self.endpoint = endpoint
        self.current = current


class OtherEndpointError(EndpointError):
    """The order was sent to another AX server than the one in use."""

    def __init__(self, channel_order_code: str, endpoint: str, current: str) -> None:
        super().__init__(
            f"This order was sent to {endpoint}; connect to that server to check it.",
            channel_order_code,
            endpoint,
            current,
        )


class UnrecordedEndpointError(EndpointError):
    """The journal does not know which AX server the order went to (journaled before v2)."""

    def __init__(self, channel_order_code: str, current: str) -> None:
        super().__init__(
            f"axdesk did not record which AX server the order {channel_order_code} was sent "
            "to, so it is not checked or sent again on its own. Connect to the server it was "
            "taken on and confirm there that it belongs to that server.",
            channel_order_code,
            None,
            current,
        )


def normalize_endpoint(base_url: str) -> str:
    """The AX server address as the journal records it: ``scheme://host[:port][/path]``.

    Scheme and host in lower case, the default port (443, 80) and trailing
    slashes dropped, so one server is always written one way. Raises
    :class:`JournalError` for text that names no server.
    """
    text = base_url.strip() if isinstance(base_url, str) else ""
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        parts, port = None, None
    if parts is None or parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise JournalError(f"The AX server address {text[:80]!r} cannot be recorded with an order.")
    scheme = parts.scheme.lower()
    host = parts.hostname.lower()
    if ":" in host:
        host = f"[{host}]"
    if port is not None and port != {"https": 443, "http": 80}[scheme]:
        host = f"{host}:{port}"
    return f"{scheme}://{host}{parts.path.rstrip('/')}"


# ---------------------------------------------------------------------------
# Value types


class JournalState(StrEnum):
    """Where an order stands between axdesk and AX (not AX's own status)."""

    SENDING = "sending"
    """Recorded; the POST is under way (or axdesk stopped before it finished)."""
    SENT = "sent"
    """AX created it; its AX order and ticket codes are known."""
    UNKNOWN = "unknown"
    """No usable answer: it may or may not exist at AX. Reconciled, never re-made."""
    REJECTED = "rejected"
    """AX refused it (4xx); ``problem`` holds AX's message."""
    REMOTE = "remote"
    """Made elsewhere; looked up by code and followed here."""

    @property
    def needs_reconciliation(self) -> bool:
        return self in (JournalState.SENDING, JournalState.UNKNOWN)


@dataclass(frozen=True)
class OptionLabel:
    """Display names of an option, stored with the order (the catalog may change later)."""

    product_code: str = ""
    product_name: str = ""
    option_name: str = ""


@dataclass(frozen=True)
class StatusChange:
    at: dt.datetime
    from_status: OrderStatus | None
    to_status: OrderStatus
    comment: str | None


@dataclass(frozen=True)
class AxOrderDetail:
    """One AX order (one line of the channel order) and its status history, oldest first."""

    ax_order_code: str
    status: OrderStatus | None
    comment: str | None
    checked_at: dt.datetime | None
    status_changed_at: dt.datetime | None
    line_position: int | None
    history: tuple[StatusChange, ...]


@dataclass(frozen=True)
class TicketDetail:
    """One traveler: our ticket ``channel_code`` and, once AX answered, its ticket code."""

    line_position: int
    position: int
    dc_code: str
    channel_code: str
    name: str
    national_code: str
    phone: str
    email: str
    ax_order_code: str | None
    ax_ticket_code: str | None
    status: TicketStatus | None
    status_updated_at: dt.datetime | None

    @property
    def is_cancellable(self) -> bool:
        """AX knows the ticket and it is still new (not used, not cancelled)."""
        return (
            self.ax_ticket_code is not None
            and self.ax_order_code is not None
            and self.status is not None
            and self.status.is_cancellable
        )


@dataclass(frozen=True)
class LineDetail:
    """One option bought (one depth combination, one AX order)."""

    position: int
    dc_code: str
    channel_product_mapping_code: str
    product_code: str
    product_name: str
    option_name: str
    inventory_at: dt.datetime
    quantity: int
    unit_price: Decimal
    discount: Decimal | None
    amount_price: Decimal
    line_total: Decimal
    ax_order: AxOrderDetail | None
    tickets: tuple[TicketDetail, ...]


@dataclass(frozen=True)
class OrderDetail:
    """Everything the journal knows about one channel order."""

    channel_order_code: str
    state: JournalState
    created_at: dt.datetime
    updated_at: dt.datetime
    sent_at: dt.datetime | None
    attempts: int
    last_attempt_at: dt.datetime | None
    problem: str | None
    rejected_errors: tuple[str, ...]
    channel_order_status: OrderStatus | None
    purchaser_name: str
    purchaser_national_code: str
    purchaser_phone: str
    purchaser_email: str
    sub_total: Decimal | None
    discount: Decimal | None
    total: Decimal | None
    currency: str | None
    comment: str | None
    lines: tuple[LineDetail, ...]
    ax_orders: tuple[AxOrderDetail, ...]
    """Every AX order, those matched to a line and those not (remote orders)."""
    wire_json: str | None
    endpoint: str | None = None
    """The AX server the order was sent to or looked up on; None: not recorded."""

    @property
    def tickets(self) -> tuple[TicketDetail, ...]:
        return tuple(ticket for line in self.lines for ticket in line.tickets)


@dataclass(frozen=True)
class OrderSummary:
    """One row of the orders table."""

    channel_order_code: str
    state: JournalState
    created_at: dt.datetime
    first_use_at: dt.datetime | None
    purchaser_name: str
    summary: str
    ticket_count: int
    cancelled_ticket_count: int
    total: Decimal | None
    currency: str | None
    ax_statuses: tuple[OrderStatus, ...]
    problem: str | None
    last_checked_at: dt.datetime | None
    endpoint: str | None = None
    """The AX server the order was sent to or looked up on; None: not recorded."""


class OrderSort(StrEnum):
    CREATED = "created"
    FIRST_USE = "first_use"
    PURCHASER = "purchaser"
    TOTAL = "total"
    STATE = "state"
    TICKETS = "tickets"


_SORT_SQL = {
    OrderSort.CREATED: "o.created_at",
    OrderSort.FIRST_USE: "o.first_use_at",
    OrderSort.PURCHASER: "o.purchaser_name COLLATE NOCASE",
    OrderSort.TOTAL: "CAST(o.total AS REAL)",
    OrderSort.STATE: "o.state",
    OrderSort.TICKETS: "o.ticket_count",
}


@dataclass(frozen=True)
class OrderFilter:
    """Which orders to list. Every given criterion must hold.

    ``ax_statuses`` matches an order when any of its AX orders has one of the
    statuses. ``use_from``/``use_until`` (aware, half-open) match an order when
    any of its lines is used in that range. ``text`` is searched in every
    code, name, e-mail and phone number of the order.
    """

    states: Collection[JournalState] | None = None
    ax_statuses: Collection[OrderStatus] | None = None
    use_from: dt.datetime | None = None
    use_until: dt.datetime | None = None
    text: str = ""


@dataclass(frozen=True)
class PendingOrder:
    """An order whose fate at AX is not known yet ("sending" or "unknown")."""

    channel_order_code: str
    state: JournalState
    created_at: dt.datetime
    attempts: int
    last_attempt_at: dt.datetime | None
    problem: str | None
    endpoint: str | None = None
    """The AX server it was sent to; None: not recorded, so it needs the operator."""


@dataclass(frozen=True)
class AxOrderRef:
    """An AX order the poller should ask about (its status is not final yet)."""

    channel_order_code: str
    ax_order_code: str
    status: OrderStatus | None
    checked_at: dt.datetime | None
    endpoint: str | None = None
    """The AX server to ask; None: not recorded (listed only when no endpoint is given)."""


@dataclass(frozen=True)
class DraftInfo:
    key: str
    updated_at: dt.datetime


# ---------------------------------------------------------------------------
# The journal


class OrderJournal:
    """The order journal on a database from :func:`axdesk.store.db.open_database`.

    ``clock`` gives the current aware time (tests pass a fixed one).
    Safe to share between the GUI thread and one worker thread (see ``db``).
    """

    def __init__(self, conn: sqlite3.Connection, *, clock: Clock = utc_now) -> None:
        self._conn = conn
        self._clock = clock
        with locked(conn):
            sql = conn.execute(
                "SELECT sql FROM sqlite_master WHERE name = 'order_search'"
            ).fetchone()
        self.uses_fts = sql is not None and "fts5" in str(sql[0]).lower()

    def _now(self) -> dt.datetime:
        moment = self._clock()
        if moment.tzinfo is None or moment.utcoffset() is None:
            raise JournalError("The journal's clock gave a time without a time zone.")
        return moment.astimezone(dt.UTC)

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
            self._reindex(order_id)
        return wire_json

    def note_attempt(self, channel_order_code: str) -> int:
        """Count one more POST of this order (just before it is made); returns the count."""
        with transaction(self._conn):
            order_id = self._require_order(channel_order_code)
            now = time_to_db(self._now())
            self._conn.execute(
                "UPDATE channel_order SET attempts = attempts + 1, last_attempt_at = ?,"
                " updated_at = ? WHERE id = ?",
                (now, now, order_id),
            )
            row = self._conn.execute(
                "SELECT attempts FROM channel_order WHERE id = ?", (order_id,)
            ).fetchone()
        return int(row[0])

    # -- where orders went ----------------------------------------------------------

    def endpoint_of(self, channel_order_code: str) -> str | None:
        """The AX server the order was sent to; None when not recorded (journaled before v2)."""
        with locked(self._conn):
            order_id = self._require_order(channel_order_code)
            row = self._conn.execute(
                "SELECT endpoint FROM channel_order WHERE id = ?", (order_id,)
            ).fetchone()
        return None if row[0] is None else str(row[0])

    def check_endpoint(self, channel_order_code: str, endpoint: str) -> None:
        """Allow sending or asking about the order on ``endpoint``, or raise.

        Raises :class:`OtherEndpointError` when it went to another server and
        :class:`UnrecordedEndpointError` when the journal does not know where
        it went (only the operator can say, see :meth:`assign_endpoint`).
        """
        current = normalize_endpoint(endpoint)
        recorded = self.endpoint_of(channel_order_code)
        if recorded is None:
            raise UnrecordedEndpointError(channel_order_code, current)
        if recorded != current:
            raise OtherEndpointError(channel_order_code, recorded, current)

    def assign_endpoint(self, channel_order_code: str, endpoint: str) -> None:
        """The operator says the order went to ``endpoint``: record it where none is recorded.

        Only for orders journaled before the endpoint was kept; an endpoint
        already recorded is never changed (:class:`OtherEndpointError` when
        another one is given; the same one again is a no-op).
        """
        server = normalize_endpoint(endpoint)
        with transaction(self._conn):
            order_id = self._require_order(channel_order_code)
            row = self._conn.execute(
                "SELECT endpoint FROM channel_order WHERE id = ?", (order_id,)
            ).fetchone()
            if row[0] is not None:
                if row[0] != server:
                    raise OtherEndpointError(channel_order_code, str(row[0]), server)
                return
            self._conn.execute(
                "UPDATE channel_order SET endpoint = ?, updated_at = ? WHERE id = ?",
                (server, time_to_db(self._now()), order_id),
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
                " updated_at = ?, channel_order_status = ?, problem = ?, rejected_errors = NULL"
                " WHERE id = ?",
                (
                    at,
                    at,
                    int(created.channel_order_status),
                    " ".join(problems) or None,
                    order_id,
                ),
            )
            self._reindex(order_id)
        return tuple(problems)

    def mark_known_without_tickets(
        self, channel_order_code: str, infos: Sequence[OrderStatusInfo], note: str
    ) -> None:
        """AX has the order (Get Confirm lists it) but its ticket codes could not be fetched.

        The order becomes "sent" with its AX orders and statuses, and ``note``
        as its problem, so the operator knows the ticket codes are missing.
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
                " updated_at = ?, problem = ? WHERE id = ?",
                (at, at, " ".join([note, *problems]), order_id),
            )
            self._reindex(order_id)

    def mark_unknown(self, channel_order_code: str, reason: str) -> None:
        """No usable answer: the order may exist at AX. Only from "sending" or "unknown"."""
        self._set_pending_outcome(channel_order_code, JournalState.UNKNOWN, reason, None)

    def mark_rejected(
        self, channel_order_code: str, message: str, errors: Sequence[str] = ()
    ) -> None:
        """AX refused the order (4xx). Only from "sending" or "unknown"."""
        self._set_pending_outcome(
            channel_order_code, JournalState.REJECTED, message, json.dumps(list(errors))
        )

    def _set_pending_outcome(
        self, code: str, state: JournalState, problem: str, errors: str | None
    ) -> None:
        with transaction(self._conn):
            order_id = self._require_order(code)
            current = self._state(order_id)
            if not current.needs_reconciliation:
                raise JournalStateError(
                    f"The order {code} is {current.value}; it cannot become {state.value}."
                )
            self._conn.execute(
                "UPDATE channel_order SET state = ?, problem = ?, rejected_errors = ?,"
                " updated_at = ? WHERE id = ?",
                (state.value, problem, errors, time_to_db(self._now()), order_id),
            )

    # -- AX status tracking -------------------------------------------------------

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
            for info in infos:
                if self._ax_order_id(info.ax_order_code) is None:
                    continue
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

    def non_final_ax_orders(self, endpoint: str | None = None) -> list[AxOrderRef]:
        """AX orders whose status may still change, least recently checked first.

        With ``endpoint``, only those of orders sent to (or looked up on) that
        AX server: the ones to ask it about. Orders whose server is not
        recorded are then left out; without ``endpoint`` every one is listed.
        """
        where = ""
        params: list[Any] = [int(OrderStatus.NEW), int(OrderStatus.SUPPLIER_PENDING)]
        if endpoint is not None:
            where = " AND o.endpoint = ?"
            params.append(normalize_endpoint(endpoint))
        with locked(self._conn):
            rows = self._conn.execute(
                "SELECT o.channel_order_code, a.ax_order_code, a.status, a.checked_at, o.endpoint"
                " FROM ax_order a JOIN channel_order o ON o.id = a.order_id"
                " WHERE (a.status IS NULL OR a.status IN (?, ?))"
                f" AND o.state IN ('sent', 'remote'){where}"
                " ORDER BY a.checked_at IS NOT NULL, a.checked_at, a.ax_order_code",
                params,
            ).fetchall()
        return [
            AxOrderRef(row[0], row[1], _order_status(row[2]), optional_time_from_db(row[3]), row[4])
            for row in rows
        ]

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
                self._reindex(order_id)
        return touched

    # -- reading ----------------------------------------------------------------

    def state_of(self, channel_order_code: str) -> JournalState | None:
        with locked(self._conn):
            row = self._conn.execute(
                "SELECT state FROM channel_order WHERE channel_order_code = ?",
                (channel_order_code,),
            ).fetchone()
        return None if row is None else JournalState(row[0])

    def stored_body(self, channel_order_code: str) -> str:
        """The exact wire JSON recorded before the first POST."""
        with locked(self._conn):
            row = self._conn.execute(
                "SELECT wire_json FROM channel_order WHERE channel_order_code = ?",
                (channel_order_code,),
            ).fetchone()
        if row is None or row[0] is None:
            raise UnknownOrderError(f"The journal holds no order body for {channel_order_code}.")
        return str(row[0])

    def needs_reconciliation(self, endpoint: str | None = None) -> list[PendingOrder]:
        """Orders left "sending" or "unknown", oldest first.

        With ``endpoint``, only those sent to that AX server: the ones it may
        settle. Orders whose server is not recorded are then left out (they
        are never re-sent on their own); without ``endpoint`` every pending
        order is listed, each with its ``endpoint`` (None: needs the operator).
        """
        where = ""
        params: list[Any] = []
        if endpoint is not None:
            where = " AND endpoint = ?"
            params.append(normalize_endpoint(endpoint))
        with locked(self._conn):
            rows = self._conn.execute(
                "SELECT channel_order_code, state, created_at, attempts, last_attempt_at, problem,"
                f" endpoint FROM channel_order WHERE state IN ('sending', 'unknown'){where}"
                " ORDER BY created_at, id",
                params,
            ).fetchall()
        return [
            PendingOrder(
                row[0],
                JournalState(row[1]),
                time_from_db(row[2]),
                int(row[3]),
                optional_time_from_db(row[4]),
                row[5],
                row[6],
            )
            for row in rows
        ]

    def get_order(self, channel_order_code: str) -> OrderDetail | None:
        with locked(self._conn):
            row = self._conn.execute(
                "SELECT id, channel_order_code, state, created_at, updated_at, sent_at, attempts,"
                " last_attempt_at, problem, rejected_errors, channel_order_status,"
                " purchaser_name, purchaser_national_code, purchaser_phone, purchaser_email,"
                " sub_total, discount, total, currency, comment, wire_json, endpoint"
                " FROM channel_order WHERE channel_order_code = ?",
                (channel_order_code,),
            ).fetchone()
            if row is None:
                return None
            order_id = row[0]
            history: dict[str, list[StatusChange]] = {}
            for h in self._conn.execute(
                "SELECT h.ax_order_code, h.at, h.from_status, h.to_status, h.comment"
                " FROM ax_status_history h JOIN ax_order a ON a.ax_order_code = h.ax_order_code"
                " WHERE a.order_id = ? ORDER BY h.id",
                (order_id,),
            ):
                history.setdefault(h[0], []).append(
                    StatusChange(time_from_db(h[1]), _order_status(h[2]), OrderStatus(h[3]), h[4])
                )
            ax_rows = self._conn.execute(
                "SELECT a.ax_order_code, a.status, a.comment, a.checked_at, a.status_changed_at,"
                " l.position, a.line_id FROM ax_order a LEFT JOIN order_line l ON l.id = a.line_id"
                " WHERE a.order_id = ? ORDER BY l.position IS NULL, l.position, a.rowid",
                (order_id,),
            ).fetchall()
            line_rows = self._conn.execute(
                "SELECT id, position, dc_code, channel_product_mapping_code, product_code,"
                " product_name, option_name, inventory_at, quantity, unit_price, discount,"
                " amount_price, line_total FROM order_line WHERE order_id = ? ORDER BY position",
                (order_id,),
            ).fetchall()
            ticket_rows = self._conn.execute(
                "SELECT line_id, position, channel_code, name, national_code, phone, email,"
                " ax_ticket_code, status, status_updated_at FROM ticket WHERE order_id = ?"
                " ORDER BY line_id, position",
                (order_id,),
            ).fetchall()
        ax_orders = [
            AxOrderDetail(
                ax_order_code=a[0],
                status=_order_status(a[1]),
                comment=a[2],
                checked_at=optional_time_from_db(a[3]),
                status_changed_at=optional_time_from_db(a[4]),
                line_position=a[5],
                history=tuple(history.get(a[0], ())),
            )
            for a in ax_rows
        ]
        ax_by_line = {a[6]: detail for a, detail in zip(ax_rows, ax_orders, strict=True) if a[6]}
        lines = []
        for line in line_rows:
            ax = ax_by_line.get(line[0])
            tickets = tuple(
                TicketDetail(
                    line_position=line[1],
                    position=t[1],
                    dc_code=line[2],
                    channel_code=t[2],
                    name=t[3],
                    national_code=t[4],
                    phone=t[5],
                    email=t[6],
                    ax_order_code=None if ax is None else ax.ax_order_code,
                    ax_ticket_code=t[7],
                    status=None if t[8] is None else TicketStatus(t[8]),
                    status_updated_at=optional_time_from_db(t[9]),
                )
                for t in ticket_rows
                if t[0] == line[0]
            )
            lines.append(
                LineDetail(
                    position=line[1],
                    dc_code=line[2],
                    channel_product_mapping_code=line[3],
                    product_code=line[4],
                    product_name=line[5],
                    option_name=line[6],
                    inventory_at=time_from_db(line[7]),
                    quantity=int(line[8]),
                    unit_price=money_from_db(line[9]),
                    discount=optional_money_from_db(line[10]),
                    amount_price=money_from_db(line[11]),
                    line_total=money_from_db(line[12]),
                    ax_order=ax,
                    tickets=tickets,
                )
            )
        return OrderDetail(
            channel_order_code=row[1],
            state=JournalState(row[2]),
            created_at=time_from_db(row[3]),
            updated_at=time_from_db(row[4]),
            sent_at=optional_time_from_db(row[5]),
            attempts=int(row[6]),
            last_attempt_at=optional_time_from_db(row[7]),
            problem=row[8],
            rejected_errors=tuple(json.loads(row[9])) if row[9] else (),
            channel_order_status=_order_status(row[10]),
            purchaser_name=row[11],
            purchaser_national_code=row[12],
            purchaser_phone=row[13],
            purchaser_email=row[14],
            sub_total=optional_money_from_db(row[15]),
            discount=optional_money_from_db(row[16]),
            total=optional_money_from_db(row[17]),
            currency=row[18],
            comment=row[19],
            lines=tuple(lines),
            ax_orders=tuple(ax_orders),
            wire_json=row[20],
            endpoint=row[21],
        )

    def list_orders(
        self,
        filter: OrderFilter | None = None,
        *,
        limit: int = 200,
        offset: int = 0,
        sort: OrderSort = OrderSort.CREATED,
        descending: bool = True,
    ) -> list[OrderSummary]:
        """One page of orders matching ``filter``, sorted; see :class:`OrderFilter`."""
        where, params = self._where(filter or OrderFilter())
        direction = "DESC" if descending else "ASC"
        sql = (
            "SELECT o.channel_order_code, o.state, o.created_at, o.first_use_at,"
            " o.purchaser_name, o.summary, o.ticket_count,"
            " (SELECT COUNT(*) FROM ticket t WHERE t.order_id = o.id AND t.status IN (?, ?)),"
            " o.total, o.currency,"
            " (SELECT group_concat(COALESCE(a.status, ''), ',') FROM ax_order a"
            "  WHERE a.order_id = o.id),"
            " o.problem,"
            " (SELECT MAX(a.checked_at) FROM ax_order a WHERE a.order_id = o.id),"
            " o.endpoint"
            f" FROM channel_order o {where}"
            f" ORDER BY {_SORT_SQL[OrderSort(sort)]} {direction}, o.id {direction}"
            " LIMIT ? OFFSET ?"
        )
        cancelled = (TicketStatus.TRAVELER_CANCELED.value, TicketStatus.SUPPLIER_CANCELED.value)
        with locked(self._conn):
            rows = self._conn.execute(
                sql, (*cancelled, *params, max(0, int(limit)), max(0, int(offset)))
            ).fetchall()
        return [
            OrderSummary(
                channel_order_code=row[0],
                state=JournalState(row[1]),
                created_at=time_from_db(row[2]),
                first_use_at=optional_time_from_db(row[3]),
                purchaser_name=row[4],
                summary=row[5],
                ticket_count=int(row[6]),
                cancelled_ticket_count=int(row[7]),
                total=optional_money_from_db(row[8]),
                currency=row[9],
                ax_statuses=tuple(
                    OrderStatus(int(s)) for s in (row[10] or "").split(",") if s.strip()
                ),
                problem=row[11],
                last_checked_at=optional_time_from_db(row[12]),
                endpoint=row[13],
            )
            for row in rows
        ]

    def count_orders(self, filter: OrderFilter | None = None) -> int:
        where, params = self._where(filter or OrderFilter())
        with locked(self._conn):
            row = self._conn.execute(
                f"SELECT COUNT(*) FROM channel_order o {where}", params
            ).fetchone()
        return int(row[0])

    def _where(self, criteria: OrderFilter) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if criteria.states is not None:
            states = sorted(JournalState(s).value for s in criteria.states)
            clauses.append(f"o.state IN ({', '.join('?' * len(states))})" if states else "0")
            params.extend(states)
        if criteria.ax_statuses is not None:
            statuses = sorted(int(s) for s in criteria.ax_statuses)
            if statuses:
                clauses.append(
                    "EXISTS (SELECT 1 FROM ax_order a WHERE a.order_id = o.id"
                    f" AND a.status IN ({', '.join('?' * len(statuses))}))"
                )
                params.extend(statuses)
            else:
                clauses.append("0")
        if criteria.use_from is not None or criteria.use_until is not None:
            bounds = ["l.order_id = o.id"]
            if criteria.use_from is not None:
                bounds.append("l.inventory_at >= ?")
                params.append(time_to_db(criteria.use_from))
            if criteria.use_until is not None:
                bounds.append("l.inventory_at < ?")
                params.append(time_to_db(criteria.use_until))
            clauses.append(f"EXISTS (SELECT 1 FROM order_line l WHERE {' AND '.join(bounds)})")
        terms = parse_query(criteria.text)
        if not terms.is_empty:
            condition, text_params = search_condition(terms, fts=self.uses_fts, id_column="o.id")
            clauses.append(condition)
            params.extend(text_params)
        return ("WHERE " + " AND ".join(clauses)) if clauses else "", params

    # -- drafts -------------------------------------------------------------------

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

    # -- internals ----------------------------------------------------------------

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

    def _ax_order_id(self, ax_order_code: str) -> int | None:
        row = self._conn.execute(
            "SELECT order_id FROM ax_order WHERE ax_order_code = ?", (ax_order_code,)
        ).fetchone()
        return None if row is None else int(row[0])

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

    def _apply_status(
        self,
        ax_order_code: str,
        status: OrderStatus,
        comment: str | None,
        moment: dt.datetime,
    ) -> bool:
        at = time_to_db(moment)
        row = self._conn.execute(
            "SELECT status, comment FROM ax_order WHERE ax_order_code = ?", (ax_order_code,)
        ).fetchone()
        previous = _order_status(row[0])
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

    def _reindex(self, order_id: int) -> None:
        """Rebuild the order's search document from what the journal holds."""
        order = self._conn.execute(
            "SELECT channel_order_code, purchaser_name, purchaser_national_code,"
            " purchaser_phone, purchaser_email, wire_json FROM channel_order WHERE id = ?",
            (order_id,),
        ).fetchone()
        parts: list[str] = [order[0], order[1], order[4]]
        parts.extend(phone_forms(order[3], order[2]) if order[3] else [])
        if order[5]:
            representative = json.loads(order[5]).get("representative") or {}
            if isinstance(representative, dict):
                parts.append(str(representative.get("name", "")))
                parts.append(str(representative.get("email", "")))
                phone = str(representative.get("phone", ""))
                if phone:
                    parts.extend(phone_forms(phone, str(representative.get("national_code", ""))))
        for (ax_code,) in self._conn.execute(
            "SELECT ax_order_code FROM ax_order WHERE order_id = ?", (order_id,)
        ):
            parts.append(ax_code)
        for product_name, option_name in self._conn.execute(
            "SELECT product_name, option_name FROM order_line WHERE order_id = ?", (order_id,)
        ):
            parts.extend((product_name, option_name))
        for channel_code, name, national_code, phone, email, ax_ticket_code in self._conn.execute(
            "SELECT channel_code, name, national_code, phone, email, ax_ticket_code"
            " FROM ticket WHERE order_id = ?",
            (order_id,),
        ):
            parts.extend((channel_code, name, email, ax_ticket_code or ""))
            if phone:
                parts.extend(phone_forms(phone, national_code))
        self._conn.execute("DELETE FROM order_search WHERE rowid = ?", (order_id,))
        self._conn.execute(
            "INSERT INTO order_search (rowid, text) VALUES (?, ?)",
            (order_id, build_document(parts)),
        )


def _order_status(value: object) -> OrderStatus | None:
    return None if value is None or value == "" else OrderStatus(int(str(value)))


def _label_text(label: OptionLabel, dc_code: str) -> str:
    names = [name for name in (label.product_name, label.option_name) if name]
    return " · ".join(names) if names else dc_code
