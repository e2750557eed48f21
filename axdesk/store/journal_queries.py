"""The journal's reads, and the value types they return.

One order in full (:meth:`JournalQueries.get_order`: an :class:`OrderDetail`
with its lines, travelers, AX orders and their status history), a page of the
orders table (:meth:`JournalQueries.list_orders`, :class:`OrderFilter`,
:class:`OrderSort`, :class:`OrderSummary`), and what still needs AX: orders
whose fate is not known (:meth:`JournalQueries.needs_reconciliation`, for the
reconciler) and AX orders whose status may change
(:meth:`JournalQueries.non_final_ax_orders`, for the poller).
:class:`JournalState` is where an order stands between axdesk and AX. Reads
hold the connection's lock for their statements and never write.

Search (:meth:`JournalQueries.list_orders` with ``text``) uses one FTS5
trigram document per order; see ``axdesk.store.search``. This SQLite has
FTS5 with trigram (>= 3.34); where it does not, the migration creates a
plain table and search falls back to ``LIKE`` scans, still correct.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Collection
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Any

from axdesk.api import OrderStatus, TicketStatus
from axdesk.store.db import (
    locked,
    money_from_db,
    optional_money_from_db,
    optional_time_from_db,
    time_from_db,
    time_to_db,
)
from axdesk.store.endpoints import normalize_endpoint
from axdesk.store.journal_activity import Activity, read_activity
from axdesk.store.journal_base import (
    Clock,
    JournalBase,
    UnknownOrderError,
    order_status_from_db,
    utc_now,
)
from axdesk.store.journal_cancels import TicketCancel, read_ticket_cancels
from axdesk.store.search import (
    COMMON_FLOOR,
    common_short_fragments,
    has_short_fragment_index,
    parse_query,
    pg_search_condition,
    search_condition,
)


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


class ProblemKind(StrEnum):
    """What an order's ``problem`` says, so the UI can word it in the operator's language.

    The ``problem`` text itself is the store's English sentence (for the log,
    and for a UI that has no better one).
    """

    NO_ANSWER = "no_answer"
    """"unknown": AX's answer did not come (no answer, a 5xx, an unreadable answer)."""
    MAY_STILL_LAND = "may_still_land"
    """"unknown": AX does not have the order (yet), or refused a repeat of it, but an
    earlier send may still reach AX; it is checked again by its code until the settle
    window has passed (``uncertain_post_at`` + the window), and only then can it be
    called refused or sent again."""
    CANNOT_ASK = "cannot_ask"
    """"unknown": AX cannot be asked about the order (Get Confirm does not find it by its
    channel order code and its AX order code is not known), and it is not sent again on an
    AX that may not answer a repeated code with the same order: the operator checks at AX."""
    TICKETS_UNKNOWN = "tickets_unknown"
    """"sent": AX has the order (its AX orders and statuses are recorded), but its ticket
    codes are not known, so no traveler's ticket can be cancelled from axdesk yet."""
    REFUSED = "refused"
    """"rejected": AX refused the order, and no earlier send of it can still land."""


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
class PersonNotes:
    """What the order form sent about a person besides name and contact: the free-text
    note (the wire's ``extra``) and the additional fields, as ``(name, value)`` text pairs
    in the order they were sent (values that are not text are written as JSON)."""

    note: str = ""
    additional: tuple[tuple[str, str], ...] = ()

    @property
    def is_empty(self) -> bool:
        return not self.note.strip() and not self.additional

    def additional_text(self) -> str:
        """``english_name: Kim Minsu; age: 71`` (empty when there are none)."""
        return "; ".join(f"{name}: {value}" for name, value in self.additional)


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
    notes: PersonNotes = PersonNotes()
    """The traveler's note and additional fields, as the order sent them."""
    cancel: TicketCancel | None = None
    """The cancel axdesk asked of AX for it, if any (see ``axdesk.store.journal_cancels``)."""

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
    purchaser_notes: PersonNotes = PersonNotes()
    """The purchaser's note and additional fields, as the order sent them."""
    representative_name: str = ""
    representative_phone: str = ""
    representative_notes: PersonNotes = PersonNotes()
    """The lead traveler (the purchaser's data unless the form named another person)."""
    internal_note: str = ""
    """The desk's own note (never sent to AX); empty when there is none."""
    internal_note_at: dt.datetime | None = None
    """When the internal note was last saved; None: never."""
    problem_kind: ProblemKind | None = None
    """What ``problem`` says (None: no problem, or one from before axdesk kept its kind)."""
    uncertain_post_at: dt.datetime | None = None
    """When the latest POST whose outcome is not known started (None: no such POST)."""
    activity: tuple[Activity, ...] = ()
    """Who did what to the order, oldest first (``axdesk.store.journal_activity``)."""

    @property
    def tickets(self) -> tuple[TicketDetail, ...]:
        return tuple(ticket for line in self.lines for ticket in line.tickets)

    @property
    def lacks_ticket_codes(self) -> bool:
        """AX has the order, but not every traveler's AX ticket code is known here."""
        return self.state is JournalState.SENT and any(
            ticket.ax_ticket_code is None for ticket in self.tickets
        )


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


@dataclass(frozen=True)
class OverviewLine:
    """One line of an order as the orders table lists it."""

    dc_code: str
    product_name: str
    option_name: str
    quantity: int
    inventory_at: dt.datetime


@dataclass(frozen=True)
class OrderOverview:
    """One order as the orders table shows it (:meth:`JournalQueries.list_order_overviews`).

    The AX orders (codes, statuses, when last checked) are in :meth:`get_order`'s order,
    every one of them; the travelers' names and ticket statuses line by line.
    """

    channel_order_code: str
    state: JournalState
    created_at: dt.datetime
    purchaser_name: str
    lines: tuple[OverviewLine, ...]
    ax_order_codes: tuple[str, ...]
    ax_statuses: tuple[OrderStatus | None, ...]
    ax_checked_at: tuple[dt.datetime | None, ...]
    traveler_names: tuple[str, ...]
    ticket_statuses: tuple[TicketStatus | None, ...]
    total: Decimal | None
    currency: str | None
    problem: str | None


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
    code, name, e-mail and phone number of the order, and in its internal note.
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
    problem_kind: ProblemKind | None = None
    uncertain_post_at: dt.datetime | None = None
    """When the latest POST whose outcome is not known started (None: no such POST)."""


@dataclass(frozen=True)
class AxOrderRef:
    """An AX order the poller should ask about (its status is not final yet)."""

    channel_order_code: str
    ax_order_code: str
    status: OrderStatus | None
    checked_at: dt.datetime | None
    endpoint: str | None = None
    """The AX server to ask; None: not recorded (listed only when no endpoint is given)."""


class JournalQueries(JournalBase):
    """Reading the journal (see the module docstring)."""

    def __init__(self, conn: sqlite3.Connection, *, clock: Clock = utc_now) -> None:
        super().__init__(conn, clock=clock)
        # What the search table is, read at the first search (on the worker), not here:
        # the journal may be made on the GUI thread, which never waits on the database.
        self._uses_fts: bool | None = None
        self._uses_short_index: bool | None = None
        self.common_floor = COMMON_FLOOR
        """How many orders make a short fragment common (``axdesk.store.search``)."""

    @property
    def uses_fts(self) -> bool:
        """The search table is an FTS5 trigram index (else the plain table's LIKE path)."""
        if self._uses_fts is None:
            self._read_search_schema()
        assert self._uses_fts is not None
        return self._uses_fts

    @uses_fts.setter
    def uses_fts(self, value: bool) -> None:
        self._uses_fts = value

    @property
    def uses_short_index(self) -> bool:
        """Fragments under three characters are looked up in an index (with FTS5 only)."""
        if self._uses_short_index is None:
            self._read_search_schema()
        assert self._uses_short_index is not None
        return self._uses_short_index

    def _read_search_schema(self) -> None:
        with locked(self._conn):
            sql = self._conn.execute(
                "SELECT sql FROM sqlite_master WHERE name = 'order_search'"
            ).fetchone()
            short_index = has_short_fragment_index(self._conn)
        if self._uses_fts is None:
            self._uses_fts = sql is not None and "fts5" in str(sql[0]).lower()
        if self._uses_short_index is None:
            self._uses_short_index = short_index

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
                " endpoint, problem_kind, uncertain_post_at FROM channel_order"
                f" WHERE state IN ('sending', 'unknown'){where} ORDER BY created_at, id",
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
                _problem_kind(row[7]),
                optional_time_from_db(row[8]),
            )
            for row in rows
        ]

    def pending_order(self, channel_order_code: str) -> PendingOrder | None:
        """The order as the reconciler sees it (None when it is not in the journal)."""
        with locked(self._conn):
            row = self._conn.execute(
                "SELECT channel_order_code, state, created_at, attempts, last_attempt_at, problem,"
                " endpoint, problem_kind, uncertain_post_at FROM channel_order"
                " WHERE channel_order_code = ?",
                (channel_order_code,),
            ).fetchone()
        if row is None:
            return None
        return PendingOrder(
            row[0],
            JournalState(row[1]),
            time_from_db(row[2]),
            int(row[3]),
            optional_time_from_db(row[4]),
            row[5],
            row[6],
            _problem_kind(row[7]),
            optional_time_from_db(row[8]),
        )

    def ax_order_codes(self, channel_order_code: str) -> list[str]:
        """The AX order codes the journal holds for this channel order, in line order."""
        with locked(self._conn):
            rows = self._conn.execute(
                "SELECT a.ax_order_code FROM ax_order a JOIN channel_order o ON o.id = a.order_id"
                " LEFT JOIN order_line l ON l.id = a.line_id WHERE o.channel_order_code = ?"
                " ORDER BY CASE WHEN l.position IS NULL THEN 1 ELSE 0 END, l.position,"
                " a.ax_order_code",
                (channel_order_code,),
            ).fetchall()
        return [str(row[0]) for row in rows]

    def order_known_at(self, endpoint: str) -> str | None:
        """The channel order code of an order AX at ``endpoint`` surely has (the newest
        "sent" one with an AX order), or None: what Get Confirm by channel code is tried on."""
        with locked(self._conn):
            row = self._conn.execute(
                "SELECT o.channel_order_code FROM channel_order o WHERE o.state = 'sent'"
                " AND o.endpoint = ? AND EXISTS (SELECT 1 FROM ax_order a"
                " WHERE a.order_id = o.id) ORDER BY o.id DESC LIMIT 1",
                (normalize_endpoint(endpoint),),
            ).fetchone()
        return None if row is None else str(row[0])

    def orders_lacking_ticket_codes(self, endpoint: str) -> list[str]:
        """Orders AX has ("sent" to ``endpoint``) whose ticket codes are not all known,
        oldest first."""
        with locked(self._conn):
            rows = self._conn.execute(
                "SELECT o.channel_order_code FROM channel_order o WHERE o.state = 'sent'"
                " AND o.endpoint = ? AND o.wire_json IS NOT NULL AND EXISTS (SELECT 1 FROM"
                " ticket t WHERE t.order_id = o.id AND t.ax_ticket_code IS NULL)"
                " ORDER BY o.created_at, o.id",
                (normalize_endpoint(endpoint),),
            ).fetchall()
        return [str(row[0]) for row in rows]

    def get_order(self, channel_order_code: str) -> OrderDetail | None:
        with locked(self._conn):
            row = self._conn.execute(
                "SELECT id, channel_order_code, state, created_at, updated_at, sent_at, attempts,"
                " last_attempt_at, problem, rejected_errors, channel_order_status,"
                " purchaser_name, purchaser_national_code, purchaser_phone, purchaser_email,"
                " sub_total, discount, total, currency, comment, wire_json, endpoint,"
                " internal_note, internal_note_at, problem_kind, uncertain_post_at"
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
                    StatusChange(
                        time_from_db(h[1]), order_status_from_db(h[2]), OrderStatus(h[3]), h[4]
                    )
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
            cancels = read_ticket_cancels(self._conn, order_id)
            activity = read_activity(self._conn, order_id)
        ax_orders = [
            AxOrderDetail(
                ax_order_code=a[0],
                status=order_status_from_db(a[1]),
                comment=a[2],
                checked_at=optional_time_from_db(a[3]),
                status_changed_at=optional_time_from_db(a[4]),
                line_position=a[5],
                history=tuple(history.get(a[0], ())),
            )
            for a in ax_rows
        ]
        ax_by_line = {a[6]: detail for a, detail in zip(ax_rows, ax_orders, strict=True) if a[6]}
        sent = _SentNotes.read(row[20])
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
                    notes=sent.tickets.get(t[2], PersonNotes()),
                    cancel=cancels.get(t[7]) if t[7] else None,
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
            channel_order_status=order_status_from_db(row[10]),
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
            purchaser_notes=sent.purchaser,
            representative_name=sent.representative_name,
            representative_phone=sent.representative_phone,
            representative_notes=sent.representative,
            internal_note=row[22] or "",
            internal_note_at=optional_time_from_db(row[23]),
            problem_kind=_problem_kind(row[24]),
            uncertain_post_at=optional_time_from_db(row[25]),
            activity=activity,
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
        """One page of orders matching ``filter``, sorted; see :class:`OrderFilter`.

        The page is chosen first (ids only), then only its orders are read.
        """
        page, params = self._page_ids_sql(filter, limit, offset, sort, descending)
        order_by = self._order_by(sort, descending)
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
            f" FROM channel_order o WHERE o.id IN ({page}) ORDER BY {order_by}"
        )
        cancelled = (TicketStatus.TRAVELER_CANCELED.value, TicketStatus.SUPPLIER_CANCELED.value)
        with locked(self._conn):
            rows = self._conn.execute(sql, (*cancelled, *params)).fetchall()
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

    def count_orders(self, filter: OrderFilter | None = None, *, at_most: int | None = None) -> int:
        """How many orders match ``filter``; with ``at_most``, counting stops after
        ``at_most + 1`` (a result above ``at_most`` means "more than ``at_most``")."""
        where, params = self._where(filter or OrderFilter())
        if at_most is None:
            sql = f"SELECT COUNT(*) FROM channel_order o {where}"
        else:
            sql = f"SELECT COUNT(*) FROM (SELECT 1 FROM channel_order o {where} LIMIT ?) AS found"
            params.append(max(0, int(at_most)) + 1)
        with locked(self._conn):
            row = self._conn.execute(sql, params).fetchone()
        return int(row[0])

    def list_order_overviews(
        self,
        filter: OrderFilter | None = None,
        *,
        limit: int = 200,
        offset: int = 0,
        sort: OrderSort = OrderSort.CREATED,
        descending: bool = True,
    ) -> list[OrderOverview]:
        """One page of orders as the orders table shows them, in four statements whatever
        the page's length: the page's orders, then their lines, AX orders and tickets.

        Each :class:`OrderOverview` holds what :meth:`get_order` reads for the table, in
        the same order (lines by position, AX orders by line, tickets by line and position).
        """
        page, params = self._page_ids_sql(filter, limit, offset, sort, descending)
        with locked(self._conn):
            orders = self._conn.execute(
                "SELECT o.id, o.channel_order_code, o.state, o.created_at, o.purchaser_name,"
                " o.total, o.currency, o.problem"
                f" FROM channel_order o WHERE o.id IN ({page})"
                f" ORDER BY {self._order_by(sort, descending)}",
                params,
            ).fetchall()
            if not orders:
                return []
            ids = [row[0] for row in orders]
            marks = ", ".join("?" * len(ids))
            line_rows = self._conn.execute(
                "SELECT order_id, id, dc_code, product_name, option_name, quantity, inventory_at"
                f" FROM order_line WHERE order_id IN ({marks}) ORDER BY order_id, position",
                ids,
            ).fetchall()
            ax_rows = self._conn.execute(
                "SELECT a.order_id, a.ax_order_code, a.status, a.checked_at FROM ax_order a"
                f" LEFT JOIN order_line l ON l.id = a.line_id WHERE a.order_id IN ({marks})"
                " ORDER BY a.order_id, l.position IS NULL, l.position, a.rowid",
                ids,
            ).fetchall()
            ticket_rows = self._conn.execute(
                "SELECT line_id, name, status FROM ticket"
                f" WHERE order_id IN ({marks}) ORDER BY line_id, position",
                ids,
            ).fetchall()
        lines: dict[int, list[OverviewLine]] = {}
        line_ids: dict[int, list[int]] = {}
        for order_id, line_id, dc_code, product, option, quantity, at in line_rows:
            lines.setdefault(order_id, []).append(
                OverviewLine(dc_code, product, option, int(quantity), time_from_db(at))
            )
            line_ids.setdefault(order_id, []).append(line_id)
        ax_orders: dict[int, list[tuple[str, OrderStatus | None, dt.datetime | None]]] = {}
        for order_id, code, status, checked_at in ax_rows:
            ax_orders.setdefault(order_id, []).append(
                (code, order_status_from_db(status), optional_time_from_db(checked_at))
            )
        tickets: dict[int, list[tuple[str, TicketStatus | None]]] = {}
        for line_id, name, status in ticket_rows:
            tickets.setdefault(line_id, []).append(
                (name, None if status is None else TicketStatus(status))
            )
        overviews = []
        for order_id, code, state, created_at, purchaser, total, currency, problem in orders:
            axes = ax_orders.get(order_id, [])
            people = [t for line_id in line_ids.get(order_id, []) for t in tickets.get(line_id, [])]
            overviews.append(
                OrderOverview(
                    channel_order_code=code,
                    state=JournalState(state),
                    created_at=time_from_db(created_at),
                    purchaser_name=purchaser,
                    lines=tuple(lines.get(order_id, ())),
                    ax_order_codes=tuple(a[0] for a in axes),
                    ax_statuses=tuple(a[1] for a in axes),
                    ax_checked_at=tuple(a[2] for a in axes),
                    traveler_names=tuple(name for name, _ in people),
                    ticket_statuses=tuple(status for _, status in people),
                    total=optional_money_from_db(total),
                    currency=currency,
                    problem=problem,
                )
            )
        return overviews

    def _page_ids_sql(
        self,
        criteria: OrderFilter | None,
        limit: int,
        offset: int,
        sort: OrderSort,
        descending: bool,
    ) -> tuple[str, list[Any]]:
        """The SELECT of a page's order ids (and its parameters), to use as ``IN (...)``."""
        where, params = self._where(criteria or OrderFilter(), for_page=True)
        params.extend((max(0, int(limit)), max(0, int(offset))))
        order_by = self._order_by(sort, descending)
        return f"SELECT o.id FROM channel_order o {where} ORDER BY {order_by} LIMIT ? OFFSET ?", (
            params
        )

    @staticmethod
    def _order_by(sort: OrderSort, descending: bool) -> str:
        direction = "DESC" if descending else "ASC"
        return f"{_SORT_SQL[OrderSort(sort)]} {direction}, o.id {direction}"

    def _where(self, criteria: OrderFilter, *, for_page: bool = False) -> tuple[str, list[Any]]:
        """The WHERE clause of ``criteria``. ``for_page``: for a page, which stops when it is
        full, a common short fragment is matched in each document, newest first; a count
        reads every match, so it uses the index for every fragment."""
        clauses: list[str] = []
        params: list[Any] = []
        if criteria.states is not None:
            states = sorted(JournalState(s).value for s in criteria.states)
            clauses.append(f"o.state IN ({', '.join('?' * len(states))})" if states else "1 = 0")
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
                clauses.append("1 = 0")
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
        if not terms.is_empty and self.backend == "postgresql":
            condition, pg_params = pg_search_condition(terms, id_column="o.id")
            clauses.append(condition)
            params.extend(pg_params)
        elif not terms.is_empty:
            short_index = self.uses_fts and self.uses_short_index
            common: frozenset[str] = frozenset()
            if for_page and short_index:
                with locked(self._conn):
                    common = common_short_fragments(self._conn, terms, floor=self.common_floor)
            condition, text_params = search_condition(
                terms,
                fts=self.uses_fts,
                id_column="o.id",
                short_index=short_index,
                common=common,
            )
            clauses.append(condition)
            params.extend(text_params)
        return ("WHERE " + " AND ".join(clauses)) if clauses else "", params

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
            AxOrderRef(
                row[0], row[1], order_status_from_db(row[2]), optional_time_from_db(row[3]), row[4]
            )
            for row in rows
        ]


@dataclass(frozen=True)
class _SentNotes:
    """The notes an order's stored wire JSON carries (see :class:`PersonNotes`)."""

    purchaser: PersonNotes = PersonNotes()
    representative_name: str = ""
    representative_phone: str = ""
    representative: PersonNotes = PersonNotes()
    tickets: dict[str, PersonNotes] = field(default_factory=dict)
    """By the ticket's ``channel_code`` (unique within an order)."""

    @classmethod
    def read(cls, wire_json: str | None) -> _SentNotes:
        """Read them from ``wire_json``; a body that is missing (an order looked up by
        code) or unreadable gives no notes rather than an error: the rest of the order
        is still shown."""
        if not wire_json:
            return cls()
        try:
            body = json.loads(wire_json)
        except ValueError:
            return cls()
        if not isinstance(body, dict):
            return cls()
        tickets: dict[str, PersonNotes] = {}
        for line in _list(body.get("depth_combinations")):
            for ticket in _list(line.get("tickets") if isinstance(line, dict) else None):
                if isinstance(ticket, dict) and isinstance(ticket.get("channel_code"), str):
                    tickets[ticket["channel_code"]] = _person_notes(ticket)
        purchaser = body.get("purchaser")
        representative = body.get("representative")
        lead = representative if isinstance(representative, dict) else {}
        return cls(
            purchaser=_person_notes(purchaser) if isinstance(purchaser, dict) else PersonNotes(),
            representative_name=_text(lead.get("name")),
            representative_phone=_text(lead.get("phone")),
            representative=_person_notes(lead),
            tickets=tickets,
        )


def _list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def _person_notes(person: dict[str, Any]) -> PersonNotes:
    additional = person.get("additional")
    pairs = (
        tuple((str(name), _text(value)) for name, value in additional.items())
        if isinstance(additional, dict)
        else ()
    )
    return PersonNotes(_text(person.get("extra")), pairs)


def _problem_kind(value: object) -> ProblemKind | None:
    """A stored problem kind; one this version does not know (a newer axdesk's) reads as None."""
    try:
        return None if value is None else ProblemKind(str(value))
    except ValueError:
        return None
