"""The sandbox's state: seats, orders, the simulated supplier, and the test hooks.

Every public method takes one lock, so checking seats and taking them is a
single step: two requests for the last seat cannot both win. Supplier
decisions are not run by a timer; each call first applies whatever status
changes are due by the (injectable) clock, stamped with the time they were
due, so tests move time with :meth:`advance` instead of sleeping. The orders
still waiting for the supplier sit in a heap by due time, so that catching up
costs nothing per request for the orders already decided.
"""

from __future__ import annotations

import heapq
import itertools
import random
import threading
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Protocol

from axdesk.sandbox.catalog import Catalog, Credential, Slot
from axdesk.sandbox.clock import Clock, system_clock
from axdesk.sandbox.errors import ApiProblem, forbidden, invalid_order, not_found
from axdesk.sandbox.faults import FaultPlan
from axdesk.sandbox.orders import (
    CANCELLING_STATUSES,
    DEFAULT_COMMENTS,
    NEW,
    ORDER_STATUS_NAMES,
    SEAT_HOLDING_TICKET_STATUSES,
    SUPPLIER_CONFIRM,
    SUPPLIER_PENDING,
    SUPPLIER_REJECT,
    TICKET_NEW,
    TICKET_STATUSES,
    TICKET_SUPPLIER_CANCELED,
    TICKET_TRAVELER_CANCELED,
    TICKET_USED,
    TRAVELER_CANCEL,
    AxOrder,
    AxOrderView,
    ChannelOrder,
    HistoryEntry,
    Ticket,
)
from axdesk.sandbox.responses import created_data, slot_wire
from axdesk.sandbox.validation import (
    LinePlan,
    cancel_comment,
    channel_order_code_of,
    validate_order,
)


class Storage(Protocol):
    """Where changes are written as they happen (SQLite with ``--state``, nowhere otherwise)."""

    def save(self, orders: Iterable[ChannelOrder], slots: Iterable[Slot]) -> None: ...

    def add_credential(self, credential: Credential) -> None: ...


CONFIRM_BY_ANY = "any"
CONFIRM_BY_AX_CODE = "ax-code"
CONFIRM_BY_CHOICES = (CONFIRM_BY_ANY, CONFIRM_BY_AX_CODE)


class NullStorage:
    def save(self, orders: Iterable[ChannelOrder], slots: Iterable[Slot]) -> None:
        """Nothing to write: the state lives in memory only."""

    def add_credential(self, credential: Credential) -> None:
        """Nothing to write: the state lives in memory only."""


@dataclass(frozen=True)
class SlotView:
    """A snapshot of one slot's seat counts, for tests."""

    inventory_code: str
    dc_code: str
    max_quantity: int
    ordered_quantity: int
    remain_quantity: int
    is_order: bool


class SandboxState:
    """Everything the sandbox knows, behind one lock. See the module docstring."""

    def __init__(
        self,
        catalog: Catalog,
        *,
        confirm_after: float | None = 30.0,
        reject_rate: float = 0.0,
        random_seed: int | None = None,
        clock: Clock | None = None,
        faults: FaultPlan | None = None,
        storage: Storage | None = None,
        orders: Iterable[ChannelOrder] = (),
        dedup: bool = True,
        confirm_by: str = CONFIRM_BY_ANY,
    ) -> None:
        """``dedup``: a repeated channel_order_code returns the order already made
        (True), or makes a new, separate order as an AX that does not deduplicate
        would (False). ``confirm_by``: Get Confirm accepts an AX order code or a
        channel order code (``"any"``), or an AX order code only (``"ax-code"``).
        """
        if confirm_by not in CONFIRM_BY_CHOICES:
            raise ValueError(
                f"confirm_by must be one of {', '.join(CONFIRM_BY_CHOICES)}, not {confirm_by!r}."
            )
        if confirm_after is not None and confirm_after < 0:
            raise ValueError("confirm_after must be 0 seconds or more (or None for never).")
        if not 0.0 <= reject_rate <= 1.0:
            raise ValueError("The reject rate must be between 0 and 1.")
        self.catalog = catalog
        self.confirm_after = confirm_after
        self.reject_rate = reject_rate
        self.dedup = dedup
        self.confirm_by = confirm_by
        self.faults = faults if faults is not None else FaultPlan()
        self._clock = clock if clock is not None else system_clock
        self._offset = timedelta()
        self._storage: Storage = storage if storage is not None else NullStorage()
        self._rng = random.Random(f"orders:{random_seed}") if random_seed is not None else None
        self._lock = threading.RLock()
        # Every order made under a (channel, channel_order_code), oldest first: one
        # when repeats are deduplicated, one per request made when they are not.
        self._channel_orders: dict[tuple[str, str], list[ChannelOrder]] = {}
        self._ax_orders: dict[str, AxOrder] = {}
        self._channel_order_of: dict[str, ChannelOrder] = {}  # by AX order code
        self._codes: set[str] = set()
        # (due time, tie-breaker, order) for every order the supplier has yet to move.
        self._due: list[tuple[datetime, int, AxOrder]] = []
        self._due_order = itertools.count()
        # Practice situations (see axdesk.sandbox.practice).
        self._rejects_to_come = 0  # the next this many AX orders made are rejected
        self._key_refused = False
        for channel_order in orders:
            self._remember(channel_order)
        # Seats sold before the sandbox started (the seed's ordered_quantity), per slot.
        held = self._held_seats()
        self._base_ordered = {
            code: slot.ordered_quantity - held.get(code, 0)
            for code, slot in catalog.slots_by_code.items()
        }

    # --- time ---

    def now(self) -> datetime:
        moment = self._clock()
        if moment.tzinfo is None:
            raise ValueError("The sandbox clock must return timezone-aware datetimes.")
        return moment + self._offset

    def advance(self, seconds: float) -> None:
        """Move the sandbox's time forward (with any clock; tests use it instead of sleeping)."""
        with self._lock:
            self._offset += timedelta(seconds=seconds)

    # --- authentication ---

    def authenticate(
        self, authorization: str | None, channel: str | None, *, channel_optional: bool = False
    ) -> Credential:
        """The credential named by ``Authorization: Token k`` and ``Channel: Code c``, else 403.

        With ``channel_optional`` (Create Order, whose page shows no Channel header)
        a missing Channel header is accepted when the key has exactly one credential.
        """
        api_key = _header_value(authorization, "token")
        if api_key is None:
            raise forbidden()
        with self._lock:
            if self._key_refused:
                raise forbidden()
            credentials = list(self.catalog.credentials)
        if channel is None and channel_optional:
            matches = [c for c in credentials if c.api_key == api_key]
            if len(matches) == 1:
                return matches[0]
            raise forbidden()
        channel_code = _header_value(channel, "code")
        for credential in credentials:
            if credential.api_key == api_key and credential.channel_code == channel_code:
                return credential
        raise forbidden()

    # --- the four endpoints ---

    def inventory(self, product_code: str, start: date | None, end: date | None) -> dict[str, Any]:
        with self._lock:
            self._catch_up()
            product = self.catalog.products_by_code.get(product_code)
            if product is None:
                raise not_found()
            return {
                option.dc_code: [
                    slot_wire(slot)
                    for slot in sorted(option.slots, key=lambda s: (s.date, s.start_time))
                    if (start is None or slot.date >= start) and (end is None or slot.date <= end)
                ]
                for option in product.options
            }

    def create_order(self, credential: Credential, body: Any, body_text: str) -> dict[str, Any]:
        """Create the order (or recognise a repeat of it) and return the response ``data``.

        Without ``dedup`` every valid request makes a new order, whatever was made
        under its code before.
        """
        with self._lock:
            self._catch_up()
            code = channel_order_code_of(body)
            made = self._channel_orders.get((credential.channel_code, code or ""), [])
            if made and self.dedup:
                existing = made[0]
                if existing.body != body:
                    raise ApiProblem(
                        409,
                        f'An order with channel_order_code "{code}" already exists with '
                        "different content; a new order needs a new channel_order_code.",
                    )
                return created_data(existing)
            plan = validate_order(body, self.catalog)
            self._check_seats(plan.lines)
            channel_order = self._commit(
                credential, plan.channel_order_code, plan.lines, body, body_text
            )
            return created_data(channel_order)

    def order_status(self, credential: Credential, order_code: str) -> list[dict[str, Any]]:
        """Get Confirm: the AX order with this code, or (``confirm_by="any"``) every AX
        order made under this channel order code, oldest order first."""
        with self._lock:
            self._catch_up()
            ax_order = self._ax_orders.get(order_code)
            if ax_order is not None and ax_order.channel_code == credential.channel_code:
                found = [ax_order]
            elif self.confirm_by == CONFIRM_BY_ANY:
                made = self._channel_orders.get((credential.channel_code, order_code))
                if not made:
                    raise not_found()
                found = [o for channel_order in made for o in channel_order.ax_orders]
            else:
                raise not_found()
            return [
                {
                    "channel_order_code": o.channel_order_code,
                    "ax_order_code": o.ax_order_code,
                    "status": o.status,
                    "comment": o.comment,
                }
                for o in found
            ]

    def cancel_ticket(
        self,
        credential: Credential,
        ax_order_code: str,
        ticket_code: str,
        read_body: Callable[[], Any],
    ) -> dict[str, Any]:
        """Cancel one ticket. The body is read only after the order and ticket are found,
        so an unknown code is a 404 whatever the body."""
        with self._lock:
            self._catch_up()
            order = self._ax_orders.get(ax_order_code)
            if order is None or order.channel_code != credential.channel_code:
                raise not_found()
            ticket = order.ticket(ticket_code)
            if ticket is None:
                raise not_found()
            comment = cancel_comment(read_body())
            if ticket.status == TICKET_USED:
                raise ApiProblem(
                    409, f"Ticket {ticket_code} has been used and cannot be cancelled."
                )
            if ticket.status == TICKET_SUPPLIER_CANCELED:
                raise ApiProblem(
                    409, f"Ticket {ticket_code} was already cancelled by the supplier."
                )
            if ticket.status != TICKET_TRAVELER_CANCELED:
                self._set_ticket(order, ticket, TICKET_TRAVELER_CANCELED)
                self._close_if_all_cancelled(order, comment)
                self._save(order)
            return {
                "channel_order_code": order.channel_order_code,
                "ax_order_code": order.ax_order_code,
                "ax_order_status": ORDER_STATUS_NAMES[order.status],
                "ax_ticket_code": ticket.ax_ticket_code,
                "ax_ticket_status": ticket.status,
            }

    # --- test hooks (not HTTP) ---

    def queue_fault(self, kind: str, method: str | None = None) -> None:
        """Make the next request with ``method`` (any when None) get the fault ``kind``."""
        self.faults.queue(kind, method)

    def set_order_status(self, ax_order_code: str, status: int, comment: str | None = None) -> None:
        """Act as the supplier: set an AX order's status (1-6) now.

        Reject, traveler cancel and unavoidable cancel cancel the order's ``New``
        tickets and give their seats back.
        """
        if status not in ORDER_STATUS_NAMES:
            raise ValueError(f"Unknown order status {status}; use 1 to 6.")
        with self._lock:
            self._catch_up()
            order = self._order(ax_order_code)
            order.change_status(status, self.now(), comment or DEFAULT_COMMENTS.get(status))
            self._schedule(order)  # back to New or pending: the supplier carries on from there
            if status in CANCELLING_STATUSES:
                ticket_status = (
                    TICKET_TRAVELER_CANCELED
                    if status == TRAVELER_CANCEL
                    else TICKET_SUPPLIER_CANCELED
                )
                for ticket in order.tickets:
                    if ticket.status == TICKET_NEW:
                        self._set_ticket(order, ticket, ticket_status)
            self._save(order)

    def set_ticket_status(self, ax_ticket_code: str, status: str) -> None:
        """Set a ticket's status (e.g. ``"Used"``), taking or giving back its seat as needed."""
        if status not in TICKET_STATUSES:
            raise ValueError(f"Unknown ticket status {status!r}; use one of {TICKET_STATUSES}.")
        with self._lock:
            self._catch_up()
            for order in self._ax_orders.values():
                ticket = order.ticket(ax_ticket_code)
                if ticket is not None:
                    self._set_ticket(order, ticket, status)
                    self._close_if_all_cancelled(order, None)
                    self._save(order)
                    return
            raise KeyError(f"No ticket has the code {ax_ticket_code}.")

    def reject_next_order(self) -> None:
        """The simulated supplier rejects the next AX order made, when it decides.

        One AX order per call: of a channel order with several options, the
        first option's. Orders made already, and repeats answered with an
        existing order, do not use it up.
        """
        with self._lock:
            self._rejects_to_come += 1

    def cancel_rejects(self) -> None:
        """Forget the rejections :meth:`reject_next_order` staged and not yet used."""
        with self._lock:
            self._rejects_to_come = 0

    def rejects_to_come(self) -> int:
        """How many of the next AX orders made will be rejected by :meth:`reject_next_order`."""
        with self._lock:
            return self._rejects_to_come

    def refuse_key(self, refused: bool = True) -> None:
        """While refused, every request is answered 403, as for a wrong API key."""
        with self._lock:
            self._key_refused = refused

    def key_refused(self) -> bool:
        with self._lock:
            return self._key_refused

    def mark_ticket_used(self, ax_order_code: str, ax_ticket_code: str | None = None) -> str:
        """Mark a ticket of this AX order Used (the traveler came); returns its code.

        Without ``ax_ticket_code``, the order's first ``New`` ticket. A ticket
        already Used stays so. ``KeyError`` for an unknown order or ticket,
        ``ValueError`` when the ticket (or every ticket) is cancelled; each
        with a sentence.
        """
        with self._lock:
            self._catch_up()
            order = self._order(ax_order_code)
            if ax_ticket_code is None:
                ticket = next((t for t in order.tickets if t.status == TICKET_NEW), None)
                if ticket is None:
                    raise ValueError(f"AX order {ax_order_code} has no unused ticket left.")
            else:
                ticket = order.ticket(ax_ticket_code)
                if ticket is None:
                    raise KeyError(f"AX order {ax_order_code} has no ticket {ax_ticket_code}.")
                if not ticket.holds_seat:
                    raise ValueError(
                        f"Ticket {ax_ticket_code} is {ticket.status.lower()} and cannot be used."
                    )
            if ticket.status != TICKET_USED:
                self._set_ticket(order, ticket, TICKET_USED)
                self._save(order)
            return ticket.ax_ticket_code

    def order_count(self) -> int:
        """How many channel orders exist (a repeated request adds one only without ``dedup``)."""
        with self._lock:
            return sum(len(made) for made in self._channel_orders.values())

    def ax_order_count(self) -> int:
        with self._lock:
            return len(self._ax_orders)

    def orders_for(self, channel_order_code: str) -> list[AxOrderView]:
        """Snapshots of the AX orders of a channel order (any channel), in request order.

        Without ``dedup``, the AX orders of every order made under the code, oldest first.
        """
        with self._lock:
            self._catch_up()
            return [
                AxOrderView.of(ax_order)
                for (_, code), made in self._channel_orders.items()
                if code == channel_order_code
                for channel_order in made
                for ax_order in channel_order.ax_orders
            ]

    def slot(self, inventory_code: str) -> SlotView:
        with self._lock:
            self._catch_up()
            slot = self.catalog.slots_by_code[inventory_code]
            return SlotView(
                slot.inventory_code,
                slot.dc_code,
                slot.max_quantity,
                slot.ordered_quantity,
                slot.remain_quantity,
                slot.is_order,
            )

    def seat_problems(self) -> list[str]:
        """Sentences for every slot whose counts do not add up (empty when all is well)."""
        with self._lock:
            self._catch_up()
            held = self._held_seats()
            problems = []
            for code, slot in self.catalog.slots_by_code.items():
                expected = self._base_ordered[code] + held.get(code, 0)
                if slot.ordered_quantity != expected:
                    problems.append(
                        f"Slot {code} counts {slot.ordered_quantity} ordered seats, "
                        f"but its tickets and the seed account for {expected}."
                    )
                if not 0 <= slot.ordered_quantity <= slot.max_quantity:
                    problems.append(
                        f"Slot {code} has {slot.ordered_quantity} ordered of {slot.max_quantity}."
                    )
            return problems

    def catalog_products(self) -> list[dict[str, object]]:
        with self._lock:
            return self.catalog.as_plain_products()

    def add_credential(self, credential: Credential) -> None:
        with self._lock:
            self.catalog.add_credential(credential)
            self._storage.add_credential(credential)

    # --- internals (called with the lock held) ---

    def _remember(self, channel_order: ChannelOrder) -> None:
        key = (channel_order.channel_code, channel_order.channel_order_code)
        self._channel_orders.setdefault(key, []).append(channel_order)
        for ax_order in channel_order.ax_orders:
            self._ax_orders[ax_order.ax_order_code] = ax_order
            self._channel_order_of[ax_order.ax_order_code] = channel_order
            self._codes.add(ax_order.ax_order_code)
            self._codes.update(t.ax_ticket_code for t in ax_order.tickets)
            self._schedule(ax_order)

    def _schedule(self, order: AxOrder) -> None:
        """Put the order in the heap at its next supplier step, if it has one.

        An entry may outlive a change made by a hook; :meth:`_catch_up` then finds
        nothing due for it and drops it.
        """
        if order.status == NEW:
            due = order.pending_at
        elif order.status == SUPPLIER_PENDING:
            due = order.decide_at
        else:
            return
        if due is not None:
            heapq.heappush(self._due, (due, next(self._due_order), order))

    def _held_seats(self) -> dict[str, int]:
        held: dict[str, int] = {}
        for order in self._ax_orders.values():
            seats = sum(1 for t in order.tickets if t.holds_seat)
            held[order.inventory_code] = held.get(order.inventory_code, 0) + seats
        return held

    def _order(self, ax_order_code: str) -> AxOrder:
        order = self._ax_orders.get(ax_order_code)
        if order is None:
            raise KeyError(f"No AX order has the code {ax_order_code}.")
        return order

    def _new_code(self) -> str:
        while True:
            code = (
                str(uuid.UUID(int=self._rng.getrandbits(128), version=4))
                if self._rng is not None
                else str(uuid.uuid4())
            )
            if code not in self._codes:
                self._codes.add(code)
                return code

    def _check_seats(self, lines: list[LinePlan]) -> None:
        demand: dict[str, int] = {}
        for line in lines:
            demand[line.slot.inventory_code] = (
                demand.get(line.slot.inventory_code, 0) + line.quantity
            )
        errors = []
        for line in lines:
            wanted = demand[line.slot.inventory_code]
            if wanted > line.slot.remain_quantity:
                local = line.inventory_at.astimezone(self.catalog.tz)
                errors.append(
                    f"{line.where}.quantity: {wanted} requested but only "
                    f"{line.slot.remain_quantity} left on {local:%Y-%m-%d at %H:%M} "
                    f"({self.catalog.timezone})"
                )
        if errors:
            raise invalid_order(errors)

    def _commit(
        self, credential: Credential, code: str, lines: list[LinePlan], body: Any, body_text: str
    ) -> ChannelOrder:
        now = self.now()
        ax_orders = []
        for line in lines:
            chance = self._rng.random() if self._rng is not None else random.random()
            rejected = chance < self.reject_rate or self._rejects_to_come > 0
            self._rejects_to_come = max(0, self._rejects_to_come - 1)
            tickets = [Ticket(self._new_code(), channel) for channel in line.ticket_codes]
            ax_order = AxOrder(
                ax_order_code=self._new_code(),
                channel_code=credential.channel_code,
                channel_order_code=code,
                dc_code=line.dc_code,
                inventory_code=line.slot.inventory_code,
                inventory_at=line.inventory_at,
                status=NEW,
                created_at=now,
                pending_at=self._after(now, 0.5),
                decide_at=self._after(now, 1.0),
                outcome=SUPPLIER_REJECT if rejected else SUPPLIER_CONFIRM,
                tickets=tickets,
                history=[HistoryEntry(now, None, NEW, None)],
            )
            line.slot.ordered_quantity += line.quantity
            ax_orders.append(ax_order)
        repeat = len(self._channel_orders.get((credential.channel_code, code), []))
        channel_order = ChannelOrder(
            credential.channel_code, code, body_text, body, now, ax_orders, repeat
        )
        self._remember(channel_order)
        self._storage.save([channel_order], [line.slot for line in lines])
        return channel_order

    def _after(self, start: datetime, share: float) -> datetime | None:
        if self.confirm_after is None:
            return None
        return start + timedelta(seconds=self.confirm_after * share)

    def _catch_up(self) -> None:
        """Apply the simulated supplier's decisions that are due by now."""
        now = self.now()
        while self._due and self._due[0][0] <= now:
            order = heapq.heappop(self._due)[2]
            changed = False
            if order.status == NEW and order.pending_at is not None and now >= order.pending_at:
                order.change_status(
                    SUPPLIER_PENDING, order.pending_at, DEFAULT_COMMENTS[SUPPLIER_PENDING]
                )
                changed = True
            if (
                order.status == SUPPLIER_PENDING
                and order.decide_at is not None
                and now >= order.decide_at
            ):
                order.change_status(order.outcome, order.decide_at, DEFAULT_COMMENTS[order.outcome])
                if order.outcome == SUPPLIER_REJECT:
                    for ticket in order.tickets:
                        if ticket.status == TICKET_NEW:
                            self._set_ticket(order, ticket, TICKET_SUPPLIER_CANCELED)
                changed = True
            if changed:
                self._save(order)
            self._schedule(order)  # still pending: its decision is later

    def _set_ticket(self, order: AxOrder, ticket: Ticket, status: str) -> None:
        """Change a ticket's status, taking or giving back its seat."""
        slot = self.catalog.slots_by_code[order.inventory_code]
        holds_after = status in SEAT_HOLDING_TICKET_STATUSES
        if holds_after and not ticket.holds_seat:
            if slot.remain_quantity < 1:
                raise ValueError(f"No seat is left for ticket {ticket.ax_ticket_code}.")
            slot.ordered_quantity += 1
        elif ticket.holds_seat and not holds_after:
            slot.ordered_quantity -= 1
        ticket.status = status

    def _close_if_all_cancelled(self, order: AxOrder, comment: str | None) -> None:
        cancelled = (TICKET_TRAVELER_CANCELED, TICKET_SUPPLIER_CANCELED)
        all_cancelled = all(t.status in cancelled for t in order.tickets)
        if all_cancelled and order.status not in CANCELLING_STATUSES:
            order.change_status(
                TRAVELER_CANCEL, self.now(), comment or DEFAULT_COMMENTS[TRAVELER_CANCEL]
            )

    def _save(self, order: AxOrder) -> None:
        channel_order = self._channel_order_of[order.ax_order_code]
        self._storage.save([channel_order], [self.catalog.slots_by_code[order.inventory_code]])


def _header_value(header: str | None, scheme: str) -> str | None:
    """``"Token abc"`` -> ``"abc"`` when the scheme matches (any case), else None."""
    if header is None:
        return None
    parts = header.strip().split(None, 1)
    if len(parts) != 2 or parts[0].lower() != scheme:
        return None
    return parts[1].strip()
