"""Departures in the journal: the orders of a day grouped by time of use and option.

A departure is what a guide runs: one option (``dc_code``) at one date and
time of use. :func:`read_departures` reads every journaled order used on a day
(in the supplier's time zone) and groups its travelers by departure; orders
AX refused are left out (nobody comes for them), orders whose outcome is not
known yet are kept (their travelers may well come), their tickets not issued.

What the departures are for:

- the printed day manifest (the guide's sheet, ``axdesk.ui.orders.manifest_print``)
  and the manifest CSV (:func:`manifest_entry`);
- the bulk cancel of a departure (weather, guide ill): :func:`cancel_target`
  gives each live ticket's :class:`~axdesk.store.cancel.CancelTarget`, and
  :func:`cancel_departure_ticket` cancels one through the store's
  :func:`~axdesk.store.cancel.cancel_one` and says, honestly, whether it was
  cancelled, refused, or its outcome is unknown (the answer was lost twice).

Qt-free; the Orders tab runs these on its worker.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum

from axdesk.api import AxError, TicketStatus
from axdesk.store.cancel import CancelClient, CancelTarget, cancel_one
from axdesk.store.export import ManifestEntry
from axdesk.store.journal import OrderJournal
from axdesk.store.journal_queries import (
    JournalState,
    LineDetail,
    OrderDetail,
    OrderFilter,
    OrderSort,
    TicketDetail,
)

READ_PAGE = 500


@dataclass(frozen=True)
class DepartureKey:
    """Which departure: the time of use (aware) and the option."""

    use_at: dt.datetime
    dc_code: str


@dataclass(frozen=True)
class DepartureTraveler:
    """One traveler on a departure, with the order and the line the ticket belongs to."""

    order: OrderDetail
    line: LineDetail
    ticket: TicketDetail

    @property
    def is_live(self) -> bool:
        """AX knows the ticket and it is not used or cancelled: it can be cancelled."""
        return self.ticket.is_cancellable

    @property
    def is_cancelled(self) -> bool:
        return self.ticket.status is not None and self.ticket.status.is_cancelled


@dataclass(frozen=True)
class Departure:
    """One option at one date and time of use, with every journaled traveler on it."""

    use_at: dt.datetime
    dc_code: str
    product_name: str
    option_name: str
    travelers: tuple[DepartureTraveler, ...]

    @property
    def key(self) -> DepartureKey:
        return DepartureKey(self.use_at, self.dc_code)

    @property
    def live_travelers(self) -> tuple[DepartureTraveler, ...]:
        return tuple(traveler for traveler in self.travelers if traveler.is_live)

    @property
    def coming_travelers(self) -> tuple[DepartureTraveler, ...]:
        """Everyone whose ticket is not cancelled (the guide's list)."""
        return tuple(traveler for traveler in self.travelers if not traveler.is_cancelled)

    @property
    def order_codes(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(t.order.channel_order_code for t in self.travelers))

    @property
    def unsettled_order_codes(self) -> tuple[str, ...]:
        """Orders on this departure whose outcome at AX is not known yet: their tickets
        are not issued, so they cannot be cancelled until the journal settles them."""
        return tuple(
            dict.fromkeys(
                t.order.channel_order_code
                for t in self.travelers
                if t.order.state.needs_reconciliation
            )
        )

    def option_label(self) -> str:
        """``DMZ 반나절 투어 · 성인 / Adult`` (the option code when no name is known)."""
        names = [name for name in (self.product_name, self.option_name) if name]
        return " · ".join(names) if names else self.dc_code


def day_bounds(day: dt.date, zone: dt.tzinfo) -> tuple[dt.datetime, dt.datetime]:
    """The start and the end (half-open) of ``day`` in ``zone``, aware."""
    start = dt.datetime.combine(day, dt.time(0, 0), tzinfo=zone)
    end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0, 0), tzinfo=zone)
    return start, end


def orders_used_on(
    journal: OrderJournal, day: dt.date, zone: dt.tzinfo, *, page: int = READ_PAGE
) -> Iterator[OrderDetail]:
    """Every journaled order with a line used on ``day`` (in ``zone``), a page at a time."""
    start, end = day_bounds(day, zone)
    criteria = OrderFilter(use_from=start, use_until=end)
    offset = 0
    while True:
        summaries = journal.list_orders(
            criteria, limit=page, offset=offset, sort=OrderSort.FIRST_USE, descending=False
        )
        for summary in summaries:
            detail = journal.get_order(summary.channel_order_code)
            if detail is not None:
                yield detail
        if len(summaries) < page:
            return
        offset += page


def departures_of(orders: Iterable[OrderDetail], day: dt.date, zone: dt.tzinfo) -> list[Departure]:
    """The departures of ``day`` (in ``zone``) among ``orders``, by time then option.

    Orders AX refused are left out. Within a departure the travelers keep their
    order's and their own order (a family stays together).
    """
    start, end = day_bounds(day, zone)
    grouped: dict[DepartureKey, list[DepartureTraveler]] = {}
    names: dict[DepartureKey, tuple[str, str]] = {}
    for order in orders:
        if order.state is JournalState.REJECTED:
            continue
        for line in order.lines:
            if not start <= line.inventory_at < end:
                continue
            key = DepartureKey(line.inventory_at.astimezone(dt.UTC), line.dc_code)
            names.setdefault(key, (line.product_name, line.option_name))
            grouped.setdefault(key, []).extend(
                DepartureTraveler(order, line, ticket) for ticket in line.tickets
            )
    departures = [
        Departure(
            use_at=key.use_at,
            dc_code=key.dc_code,
            product_name=names[key][0],
            option_name=names[key][1],
            travelers=tuple(travelers),
        )
        for key, travelers in grouped.items()
    ]
    departures.sort(key=lambda d: (d.use_at, d.option_label(), d.dc_code))
    return departures


def read_departures(
    journal: OrderJournal, day: dt.date, zone: dt.tzinfo, *, page: int = READ_PAGE
) -> list[Departure]:
    """The departures of ``day`` in the journal (runs on the worker)."""
    return departures_of(orders_used_on(journal, day, zone, page=page), day, zone)


def manifest_entry(traveler: DepartureTraveler) -> ManifestEntry:
    """One traveler as the manifest CSV writes it, the notes the order sent included."""
    order, line, ticket = traveler.order, traveler.line, traveler.ticket
    ax = line.ax_order
    return ManifestEntry(
        use_at=line.inventory_at,
        product_name=line.product_name,
        option_name=line.option_name or line.dc_code,
        traveler_name=ticket.name,
        phone=ticket.phone,
        email=ticket.email,
        national_code=ticket.national_code,
        ticket_code=ticket.ax_ticket_code or "",
        ticket_status=ticket.status.value if ticket.status else "",
        ax_order_code=ticket.ax_order_code or "",
        ax_order_status=ax.status.label if ax is not None and ax.status is not None else "",
        channel_order_code=order.channel_order_code,
        traveler_note=ticket.notes.note,
        traveler_additional=ticket.notes.additional_text(),
        purchaser_note=order.purchaser_notes.note,
        order_comment=order.comment or "",
    )


def cancel_target(traveler: DepartureTraveler, zone: dt.tzinfo) -> CancelTarget | None:
    """What cancelling this traveler's ticket needs; None when it cannot be cancelled."""
    ticket = traveler.ticket
    if not traveler.is_live or ticket.ax_order_code is None or ticket.ax_ticket_code is None:
        return None
    line = traveler.line
    return CancelTarget(
        channel_order_code=traveler.order.channel_order_code,
        ax_order_code=ticket.ax_order_code,
        ticket_code=ticket.ax_ticket_code,
        traveler_name=ticket.name,
        product_name=line.product_name,
        option_name=line.option_name or line.dc_code,
        use_at=line.inventory_at.astimezone(zone),
    )


class CancelResult(StrEnum):
    """What became of one ticket of a departure's cancel."""

    CANCELLED = "cancelled"
    """AX cancelled it and the journal holds AX's answer."""
    FAILED = "failed"
    """AX (or the endpoint rule) refused it: the ticket is as it was."""
    UNKNOWN = "unknown"
    """No usable answer, even sent twice: AX may have cancelled it. Live sync or a
    second try (safe: AX answers an already cancelled ticket the same) settles it."""
    NOT_SENT = "not_sent"
    """The operator stopped the run before this ticket was sent."""


@dataclass(frozen=True)
class DepartureCancelOutcome:
    """One ticket's result; ``error`` (for the ui to word) when it was not cancelled."""

    target: CancelTarget
    result: CancelResult
    status: TicketStatus | None = None
    error: BaseException | None = None


def cancel_departure_ticket(
    client: CancelClient, journal: OrderJournal, target: CancelTarget, comment: str | None
) -> DepartureCancelOutcome:
    """Cancel one ticket of a departure with :func:`~axdesk.store.cancel.cancel_one`.

    ``cancel_one`` journals the cancel first and sends a lost answer's PATCH
    once more at once (safe: AX answers a cancelled ticket with the same
    result); lost twice, the outcome is UNKNOWN, never FAILED. An error that is
    not AX's (the journal could not record an answer) is UNKNOWN too: AX may
    have applied it.
    """
    try:
        result = cancel_one(client, journal, target, comment)
    except AxError as error:
        kind = CancelResult.UNKNOWN if error.outcome_unknown else CancelResult.FAILED
        return DepartureCancelOutcome(target, kind, error=error)
    except Exception as error:  # reported per ticket: AX may have applied it
        return DepartureCancelOutcome(target, CancelResult.UNKNOWN, error=error)
    return DepartureCancelOutcome(target, CancelResult.CANCELLED, result.ax_ticket_status)
