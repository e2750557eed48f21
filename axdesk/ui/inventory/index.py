"""What the Inventory tab shows, computed without Qt and never twice.

An inventory answer can hold tens of thousands of slots (20 options x 365
days x 3 start times), but the calendar paints 42 day cells. When the
response arrives, :meth:`InventoryIndex.build` only groups the slots by
option and date and finds the broken ones; a day's :class:`DaySummary`
(per option and for "all options") is folded the first time the day is
asked for and then kept. The worker also folds the month the calendar is
about to show (:meth:`InventoryIndex.fold_month`, :class:`MonthShown`), so
the GUI thread paints an arriving inventory from 42 dictionary look-ups; a
month shown later costs its own slots once (about 2,500 for 20 options).

A departure already gone by the supplier's clock (``now``, the supplier's local
time) is :attr:`SlotState.PAST`: asked with ``now``, a day before today is past
entirely and today's summary leaves out what has left (folded again each time
it is asked for: it changes as the clock moves). Without ``now`` nothing is
past (the month export writes what AX sent).

Numbers from the server are shown as they came. A slot that breaks
``remain + ordered == max`` or carries a negative number keeps its values;
its problems (the client's sentences) travel with it so the UI can mark it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import operator
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from operator import attrgetter
from pathlib import Path
from typing import NamedTuple

from axdesk.api import Inventory, InventorySlot
from axdesk.store.export import CellValue, write_csv
from axdesk.ui.common.supplier_clock import has_left

ALL_OPTIONS: str | None = None
"""The option filter meaning "every option of the product"."""

DAYS_SHOWN = 42
"""Six weeks: every month fits, whatever weekday it starts on."""

_DATE = attrgetter("date")


class SlotState(enum.IntEnum):
    """How sellable a slot (or a day) is; a higher value is better for selling.

    ``PAST``: the departure has left by the supplier's clock (whatever AX says of it).
    """

    PAST = -1
    CLOSED = 0
    SOLD_OUT = 1
    NEARLY_FULL = 2
    ROOM = 3


def slot_state(slot: InventorySlot, nearly_full_threshold: int) -> SlotState:
    """Closed when not on sale; else sold out, nearly full (``remain <= threshold``) or room."""
    if not slot.is_order:
        return SlotState.CLOSED
    if slot.is_sold_out:
        return SlotState.SOLD_OUT
    if slot.remain_quantity <= nearly_full_threshold:
        return SlotState.NEARLY_FULL
    return SlotState.ROOM


BOOKABLE_STATES = frozenset({SlotState.NEARLY_FULL, SlotState.ROOM})


def slot_has_left(slot: InventorySlot, now: dt.datetime | None) -> bool:
    """Whether the departure has left by ``now`` (the supplier's local time; None: never)."""
    return has_left(slot.date, slot.start_time, now)


def slot_problems(slot: InventorySlot) -> tuple[str, ...]:
    """The client's sentences about the slot's numbers (empty for a sound slot).

    ``slot.problems`` formats the slot's date and time into its sentences, so it
    is asked only of the rare slot whose cheap ``has_problems`` says it has any.
    """
    return tuple(slot.problems) if slot.has_problems else ()


@dataclass(frozen=True, slots=True)
class SlotRow:
    """One slot of one option, with what the UI derives from it."""

    dc_code: str
    slot: InventorySlot
    state: SlotState
    problems: tuple[str, ...]

    @property
    def is_guaranteed(self) -> bool:
        return bool(self.slot.is_guaranteed)

    @property
    def is_bookable(self) -> bool:
        """On sale, with a seat left, and not yet gone."""
        return self.state in BOOKABLE_STATES


class DaySummary(NamedTuple):
    """The slots of one date (for one option or for all), folded into what a day cell shows.

    ``state`` is the best state among the day's slots: a day has room when at
    least one departure has room, is closed when no slot is on sale, and is past
    when every departure has left (those that left count as neither open nor closed).
    ``seats_left`` counts the seats of slots on sale (a negative remain counts
    as none; the slot itself is flagged in ``problem_count``). The guarantee
    counts are over slots on sale.
    """

    day: dt.date
    state: SlotState
    seats_left: int
    slot_count: int
    open_count: int
    guaranteed_count: int
    below_minimum_count: int
    problem_count: int


def summarise_day(
    day: dt.date,
    slots: Sequence[InventorySlot],
    nearly_full_threshold: int,
    now: dt.datetime | None = None,
) -> DaySummary:
    """Fold one day's slots into a :class:`DaySummary` (``slots`` must not be empty).

    Asked for each day cell the first time it is painted: a new month of 20
    options is 42 days of 60 slots, on the GUI thread. So it reads each slot's
    fields once, with no call per slot: the state rules are :func:`slot_state`'s
    and the guarantee is ``InventorySlot.is_guaranteed``, written out (the tests
    hold them equal); the problem count comes from ``InventorySlot.with_problems``.
    With ``now`` (the supplier's local time), the departures that have left by then
    are left out first.
    """
    problem_count = len(InventorySlot.with_problems(slots))
    if now is not None and day <= now.date():
        slots = [slot for slot in slots if not slot_has_left(slot, now)]
        if not slots:
            return DaySummary(day, SlotState.PAST, 0, 0, 0, 0, 0, problem_count)
    best = SlotState.CLOSED.value
    sold_out, nearly_full, room = (
        SlotState.SOLD_OUT.value,
        SlotState.NEARLY_FULL.value,
        SlotState.ROOM.value,
    )
    seats_left = open_count = guaranteed = 0
    for slot in slots:
        if not slot.is_order:
            continue
        open_count += 1
        remain = slot.remain_quantity
        if remain <= 0:
            state = sold_out
        elif remain <= nearly_full_threshold:
            seats_left += remain
            state = nearly_full
        else:
            seats_left += remain
            state = room
        if state > best:
            best = state
        if slot.ordered_quantity >= slot.min_quantity:
            guaranteed += 1
    return DaySummary(
        day,
        SlotState(best),
        seats_left,
        len(slots),
        open_count,
        guaranteed,
        open_count - guaranteed,
        problem_count,
    )


class OptionSlots:
    """One option's slots ordered by date (in their order within a day), found by bisection.

    AX lists a day's slots together and the days in order, so the slots usually
    come ordered already; a day listed in several runs still gets all its slots,
    in their order (the sort is stable). Made with loops of C only: a year of an
    option is a thousand slots, and the worker holds the GIL while it runs.
    """

    __slots__ = ("dates", "days", "slots")

    def __init__(self, slots: list[InventorySlot], dates: list[dt.date]) -> None:
        self.slots = slots
        self.dates = dates  # each slot's date, in the same order
        self.days: tuple[dt.date, ...] = tuple(dict.fromkeys(dates))  # once each, in order

    @classmethod
    def of(cls, slots: Sequence[InventorySlot]) -> OptionSlots:
        dates = list(map(_DATE, slots))
        if all(map(operator.le, dates, dates[1:])):
            return cls(list(slots), dates)
        ordered = sorted(slots, key=_DATE)
        return cls(ordered, list(map(_DATE, ordered)))

    def on(self, day: dt.date) -> list[InventorySlot]:
        """The slots of ``day``, in the order AX listed them."""
        first = bisect_left(self.dates, day)
        return self.slots[first : bisect_right(self.dates, day, first)]


class MonthShown(NamedTuple):
    """What the calendar shows, as the worker needs it to fold that month in advance.

    Taken on the GUI thread when a fetch starts: the month on screen, the grid's
    first weekday, the option filter, the calendar's today and the supplier's ``now``.
    """

    year: int
    month: int
    first_weekday: int
    option: str | None
    today: dt.date
    now: dt.datetime | None


def departure_day(
    dates: Sequence[dt.date], year: int, month: int, today: dt.date
) -> dt.date | None:
    """The day to turn to for a new product's departure ``dates`` (sorted): None when the
    month on screen has one, else the next departure from ``today`` (or the first, if all
    are past)."""
    if not dates or any((day.year, day.month) == (year, month) for day in dates):
        return None
    upcoming = [day for day in dates if day >= today]
    return upcoming[0] if upcoming else dates[0]


class InventoryIndex:
    """One inventory response, grouped per option and date for fast display.

    Built once per response on the worker thread (:meth:`build`: grouping and
    the broken slots, O(slots) with no per-day work; :meth:`fold_month`: the
    month about to be shown), then handed to the GUI thread. :meth:`summary`
    folds a day the first time it is asked for and keeps the result, so once
    handed over, ask it from one thread only (the GUI's); the slot rows of a
    day are made when that day is shown.
    """

    def __init__(
        self,
        product_code: str,
        slots_by_option: dict[str, OptionSlots],
        problem_rows: tuple[SlotRow, ...],
        nearly_full_threshold: int,
    ) -> None:
        self.product_code = product_code
        self.option_codes = tuple(slots_by_option)
        self.nearly_full_threshold = nearly_full_threshold
        self.problem_rows = problem_rows
        self._slots_by_option = slots_by_option
        self._summaries: dict[str | None, dict[dt.date, DaySummary | None]] = {
            option: {} for option in (ALL_OPTIONS, *self.option_codes)
        }
        self._past_summaries: dict[str | None, dict[dt.date, DaySummary | None]] = {}
        # Today's summary per option, with the span of the supplier's clock it holds for:
        # (day, folded at, next departure's start or None, summary).
        self._today_summaries: dict[
            str | None, tuple[dt.date, dt.time, dt.time | None, DaySummary | None]
        ] = {}
        self._dates = sorted(set().union(*(slots.days for slots in slots_by_option.values())))
        self.slot_count = sum(len(slots.slots) for slots in slots_by_option.values())

    @classmethod
    def build(cls, inventory: Inventory, nearly_full_threshold: int) -> InventoryIndex:
        """Order every option's slots by date and collect the broken ones: O(slots), in
        loops of C (no Python loop per slot or per day)."""
        slots_by_option: dict[str, OptionSlots] = {}
        broken: list[tuple[str, InventorySlot]] = []
        for dc_code, slots in inventory.options.items():
            slots_by_option[dc_code] = OptionSlots.of(slots)
            broken.extend((dc_code, slot) for slot in InventorySlot.with_problems(slots))
        problem_rows = sorted(
            (
                SlotRow(dc_code, slot, slot_state(slot, nearly_full_threshold), slot_problems(slot))
                for dc_code, slot in broken
            ),
            key=lambda row: (row.slot.date, row.slot.start_time),
        )
        return cls(
            inventory.product_code, slots_by_option, tuple(problem_rows), nearly_full_threshold
        )

    @property
    def problem_count(self) -> int:
        """How many slots carry numbers that do not add up (or are negative)."""
        return len(self.problem_rows)

    def summary(
        self, day: dt.date, option: str | None = ALL_OPTIONS, now: dt.datetime | None = None
    ) -> DaySummary | None:
        """The day's summary for ``option`` (``ALL_OPTIONS`` for all); None when it has no slot.

        Folded from the day's slots the first time it is asked for, then kept; with
        ``now`` (the supplier's local time), a day before it is kept as past and today
        is folded again each time (its departures leave one by one).
        """
        known = self._summaries.get(option)
        if known is None:  # an option this product does not have
            return None
        if now is not None and day == now.date():
            return self._today_summary(day, option, now)
        if now is not None and day < now.date():
            known = self._past_summaries.setdefault(option, {})
        if day in known:
            return known[day]
        slots = self._slots_of(day, option)
        found = summarise_day(day, slots, self.nearly_full_threshold, now) if slots else None
        known[day] = found
        return found

    def fold_month(self, shown: MonthShown) -> None:
        """Fold the days of the month the calendar will show, ahead (on the worker).

        The month on screen, or, when it has no departure, the month
        :func:`departure_day` turns a new product to; for the option filter
        shown, or all options when this product lacks it (as the option combo
        falls back). Call it before the index is handed to the GUI thread.
        """
        option = shown.option if shown.option in self.option_codes else ALL_OPTIONS
        year, month = shown.year, shown.month
        turned = departure_day(self.dates(option), year, month, shown.today)
        if turned is not None:
            year, month = turned.year, turned.month
        for day in month_grid(year, month, shown.first_weekday):
            self.summary(day, option, shown.now)

    def _slots_of(self, day: dt.date, option: str | None) -> list[InventorySlot]:
        if option is None:  # ALL_OPTIONS: one fold over every option's slots of the day
            return [slot for slots in self._slots_by_option.values() for slot in slots.on(day)]
        return self._slots_by_option[option].on(day)

    def _today_summary(
        self, day: dt.date, option: str | None, now: dt.datetime
    ) -> DaySummary | None:
        """Today's summary: folded again only once a departure has left since the last fold
        (or the clock went back), not at each paint."""
        moment = now.time().replace(tzinfo=None)
        kept = self._today_summaries.get(option)
        if kept is not None:
            kept_day, folded_at, next_start, found = kept
            if (
                kept_day == day
                and folded_at <= moment
                and (next_start is None or moment < next_start)
            ):
                return found
        slots = self._slots_of(day, option)
        found = summarise_day(day, slots, self.nearly_full_threshold, now) if slots else None
        starts = [slot.start_time.replace(tzinfo=None) for slot in slots]
        next_start = min((start for start in starts if start > moment), default=None)
        self._today_summaries[option] = (day, moment, next_start, found)
        return found

    def slots_on(
        self, day: dt.date, option: str | None = ALL_OPTIONS, now: dt.datetime | None = None
    ) -> list[SlotRow]:
        """The day's slots, by start time then option order, optionally for one option;
        those gone by ``now`` (the supplier's local time) are :attr:`SlotState.PAST`."""
        codes = self.option_codes if option is None else (option,)
        threshold = self.nearly_full_threshold
        rows = [
            SlotRow(
                code,
                slot,
                SlotState.PAST if slot_has_left(slot, now) else slot_state(slot, threshold),
                slot_problems(slot),
            )
            for rank, code in enumerate(codes)
            for slot in (
                self._slots_by_option[code].on(day) if code in self._slots_by_option else ()
            )
        ]
        rank_of = {code: rank for rank, code in enumerate(codes)}
        rows.sort(key=lambda row: (row.slot.start_time, rank_of[row.dc_code]))
        return rows

    def dates(self, option: str | None = ALL_OPTIONS) -> list[dt.date]:
        """Every date that has a slot (for ``option``), in order."""
        if option is None:  # ALL_OPTIONS
            return list(self._dates)
        slots = self._slots_by_option.get(option)
        return [] if slots is None else list(slots.days)

    def month_rows(self, year: int, month: int, option: str | None = ALL_OPTIONS) -> list[SlotRow]:
        """Every slot of the month (for ``option``), by date, start time and option."""
        rows: list[SlotRow] = []
        for day in self._dates:
            if day.year == year and day.month == month:
                rows.extend(self.slots_on(day, option))
        return rows


def month_grid(year: int, month: int, first_weekday: int) -> list[dt.date]:
    """The 42 dates shown for a month, starting on ``first_weekday`` (0 = Monday ... 6 = Sunday)."""
    first = dt.date(year, month, 1)
    lead = (first.weekday() - first_weekday) % 7
    start = first - dt.timedelta(days=lead)
    return [start + dt.timedelta(days=offset) for offset in range(DAYS_SHOWN)]


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months, the day of month clamped to the target month's length."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


MONTH_CSV_FIELDS: tuple[str, ...] = (
    "date",
    "weekday",
    "start_time",
    "option_code",
    "option_name",
    "state",
    "on_sale",
    "remaining",
    "max",
    "ordered",
    "minimum",
    "guaranteed",
    "warnings",
    "inventory_code",
)
"""Machine names of the month export columns, in order (the UI writes translated titles)."""


def month_csv_rows(
    index: InventoryIndex,
    year: int,
    month: int,
    option: str | None,
    *,
    option_names: Mapping[str, str],
    state_words: Mapping[SlotState, str],
    yes_no: tuple[str, str] = ("yes", "no"),
) -> list[list[CellValue]]:
    """One row per slot of the month, in :data:`MONTH_CSV_FIELDS` order, numbers as received."""
    yes, no = yes_no
    rows: list[list[CellValue]] = []
    for row in index.month_rows(year, month, option):
        slot = row.slot
        rows.append(
            [
                slot.date,
                slot.weekday,
                slot.start_time,
                row.dc_code,
                option_names.get(row.dc_code, row.dc_code),
                state_words[row.state],
                yes if slot.is_order else no,
                slot.remain_quantity,
                slot.max_quantity,
                slot.ordered_quantity,
                slot.min_quantity,
                yes if row.is_guaranteed else no,
                " ".join(row.problems),
                slot.inventory_code,
            ]
        )
    return rows


def export_month_csv(
    path: Path,
    index: InventoryIndex,
    year: int,
    month: int,
    option: str | None,
    *,
    header: Sequence[str],
    option_names: Mapping[str, str],
    state_words: Mapping[SlotState, str],
    yes_no: tuple[str, str] = ("yes", "no"),
) -> int:
    """Write the month's slots to ``path`` as UTF-8 CSV with a BOM (atomic); returns the row count.

    ``header`` holds the (translated) titles of :data:`MONTH_CSV_FIELDS`. Raises
    :class:`axdesk.store.export.ExportError` with a sentence when the file cannot be written.
    """
    if len(header) != len(MONTH_CSV_FIELDS):
        raise ValueError("the header must name every month export column")
    rows = month_csv_rows(
        index,
        year,
        month,
        option,
        option_names=option_names,
        state_words=state_words,
        yes_no=yes_no,
    )
    return write_csv(path, header, rows)
