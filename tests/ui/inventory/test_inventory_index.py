"""The Inventory tab's Qt-free aggregation: states, day summaries, month grid, CSV rows."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from axdesk.api import Inventory, InventorySlot
from axdesk.store.export import read_csv
from axdesk.ui.inventory.index import (
    ALL_OPTIONS,
    MONTH_CSV_FIELDS,
    DaySummary,
    InventoryIndex,
    MonthShown,
    SlotState,
    add_months,
    departure_day,
    export_month_csv,
    month_grid,
    slot_state,
    summarise_day,
)

ADULT = "dc-adult"
CHILD = "dc-child"


def wire_slot(
    day: str,
    start: str = "10:00",
    *,
    maximum: int = 20,
    minimum: int = 5,
    ordered: int = 0,
    remain: int | None = None,
    is_order: bool = True,
    code: str | None = None,
    weekday: str = "Sunday",
) -> dict[str, Any]:
    return {
        "inventory_code": code or f"inv-{day}-{start}-{maximum}-{ordered}-{is_order}",
        "date": day,
        "start_time": start,
        "day_of_the_week": weekday,
        "is_order": is_order,
        "max_quantity": maximum,
        "min_quantity": minimum,
        "remain_quantity": maximum - ordered if remain is None else remain,
        "ordered_quantity": ordered,
    }


def build(options: dict[str, list[dict[str, Any]]], threshold: int = 3) -> InventoryIndex:
    inventory = Inventory.from_payload("product-1", {"option_codes": options})
    return InventoryIndex.build(inventory, threshold)


def test_each_slot_state_follows_sale_flag_and_seats_left() -> None:
    index = build(
        {
            ADULT: [
                wire_slot("2025-03-03", ordered=10),  # 10 left: room
                wire_slot("2025-03-04", ordered=17),  # 3 left: nearly full at threshold 3
                wire_slot("2025-03-05", ordered=20),  # sold out
                wire_slot("2025-03-06", ordered=2, is_order=False),  # closed
            ]
        }
    )
    states = {row.slot.date.day: row.state for row in index.month_rows(2025, 3)}
    assert states == {
        3: SlotState.ROOM,
        4: SlotState.NEARLY_FULL,
        5: SlotState.SOLD_OUT,
        6: SlotState.CLOSED,
    }


def test_a_day_takes_the_best_state_of_its_open_slots_and_counts_their_seats() -> None:
    index = build(
        {
            ADULT: [wire_slot("2025-03-03", "10:00", ordered=20)],  # sold out
            CHILD: [
                wire_slot("2025-03-03", "10:00", ordered=18),  # 2 left: nearly full
                wire_slot("2025-03-03", "14:00", ordered=1, is_order=False),  # closed
            ],
        }
    )
    day = dt.date(2025, 3, 3)
    all_options = index.summary(day)
    assert all_options is not None
    assert all_options.state is SlotState.NEARLY_FULL
    assert all_options.seats_left == 2
    assert (all_options.slot_count, all_options.open_count) == (3, 2)
    adult = index.summary(day, ADULT)
    assert adult is not None
    assert (adult.state, adult.seats_left) == (SlotState.SOLD_OUT, 0)
    assert index.summary(dt.date(2025, 3, 4)) is None


def test_a_day_with_every_slot_closed_is_closed_with_no_seats() -> None:
    index = build({ADULT: [wire_slot("2025-03-03", ordered=0, is_order=False)]})
    summary = index.summary(dt.date(2025, 3, 3))
    assert summary is not None
    assert (summary.state, summary.seats_left, summary.open_count) == (SlotState.CLOSED, 0, 0)


def test_guarantee_marks_count_open_slots_below_and_at_their_minimum() -> None:
    index = build(
        {
            ADULT: [
                wire_slot("2025-03-03", "09:00", minimum=5, ordered=5),  # guaranteed
                wire_slot("2025-03-03", "13:00", minimum=5, ordered=4),  # below minimum
                wire_slot("2025-03-03", "17:00", minimum=5, ordered=0, is_order=False),
            ]
        }
    )
    summary = index.summary(dt.date(2025, 3, 3))
    assert summary is not None
    assert (summary.guaranteed_count, summary.below_minimum_count) == (1, 1)


def test_broken_numbers_are_kept_as_received_and_flagged() -> None:
    index = build(
        {
            ADULT: [
                wire_slot("2025-03-03", ordered=5, remain=20),  # 20 + 5 != 20
                wire_slot("2025-03-04", ordered=3, remain=-2, maximum=1),
                wire_slot("2025-03-05", ordered=5),
            ]
        }
    )
    assert index.problem_count == 2
    first = index.slots_on(dt.date(2025, 3, 3))[0]
    assert first.slot.remain_quantity == 20
    assert "does not add up" in first.problems[0]
    negative = index.summary(dt.date(2025, 3, 4))
    assert negative is not None
    assert negative.problem_count == 1
    assert negative.seats_left == 0  # a negative remain offers no seat, the slot is flagged
    assert index.summary(dt.date(2025, 3, 5)).problem_count == 0  # type: ignore[union-attr]


quantities = st.integers(min_value=-3, max_value=30)


@given(
    maximum=quantities,
    minimum=quantities,
    remain=quantities,
    ordered=quantities,
    is_order=st.booleans(),
    threshold=st.integers(min_value=0, max_value=10),
)
def test_fast_checks_agree_with_the_client_and_with_slot_state(
    maximum: int, minimum: int, remain: int, ordered: int, is_order: bool, threshold: int
) -> None:
    slot = InventorySlot.validate(
        wire_slot(
            "2025-03-03",
            maximum=maximum,
            minimum=minimum,
            ordered=ordered,
            remain=remain,
            is_order=is_order,
        )
    )
    assert slot.has_problems == bool(slot.problems)
    summary = summarise_day(slot.date, [slot], threshold)
    assert summary.state is slot_state(slot, threshold)
    assert summary.problem_count == (1 if slot.problems else 0)


few = st.integers(min_value=-2, max_value=8)  # small, so that seat counts meet the threshold


@given(
    slots=st.lists(
        st.builds(
            wire_slot,
            st.just("2025-03-03"),
            st.sampled_from(["09:00", "14:00"]),
            maximum=few,
            minimum=few,
            ordered=few,
            remain=st.none() | few,
            is_order=st.booleans(),
        ),
        min_size=1,
        max_size=6,
    ),
    threshold=few,
)
def test_a_day_summary_folds_each_slots_own_state_guarantee_and_problems(
    slots: list[dict[str, Any]], threshold: int
) -> None:
    read = [InventorySlot.validate(payload) for payload in slots]
    on_sale = [slot for slot in read if slot.is_order]
    summary = summarise_day(dt.date(2025, 3, 3), read, threshold)
    assert summary.state is max(slot_state(slot, threshold) for slot in read)
    assert summary.seats_left == sum(max(slot.remain_quantity, 0) for slot in on_sale)
    assert summary.slot_count == len(read)
    assert summary.open_count == len(on_sale)
    assert summary.guaranteed_count == sum(slot.is_guaranteed for slot in on_sale)
    assert summary.below_minimum_count == sum(not slot.is_guaranteed for slot in on_sale)
    assert summary.problem_count == sum(slot.has_problems for slot in read)


day_slots = st.builds(
    wire_slot,
    st.sampled_from(["2025-03-03", "2025-03-04", "2025-03-05"]),
    st.sampled_from(["09:00", "14:00"]),
    maximum=quantities,
    minimum=quantities,
    ordered=quantities,
    remain=st.none() | quantities,
    is_order=st.booleans(),
)


@given(
    options=st.dictionaries(st.sampled_from([ADULT, CHILD, "dc-senior"]), st.lists(day_slots)),
    asked=st.permutations(
        [
            (day, option)
            for day in (dt.date(2025, 3, 3), dt.date(2025, 3, 4), dt.date(2025, 3, 5))
            for option in (ALL_OPTIONS, ADULT, CHILD, "dc-senior", "dc-unknown")
        ]
    ),
)
def test_day_summaries_do_not_depend_on_which_day_or_option_is_asked_first(
    options: dict[str, list[dict[str, Any]]], asked: list[tuple[dt.date, str | None]]
) -> None:
    index = build(options)
    inventory = Inventory.from_payload("product-1", {"option_codes": options})

    def expected(day: dt.date, option: str | None) -> DaySummary | None:
        """Each option folded on its own; "all options" is their best state and their sums."""
        codes = list(inventory.options) if option is ALL_OPTIONS else [option]
        parts = [
            summarise_day(day, slots, 3)
            for code in codes
            if (slots := [s for s in inventory.options.get(code or "", []) if s.date == day])
        ]
        if not parts:
            return None
        return DaySummary(
            day,
            max(part.state for part in parts),
            *(sum(column) for column in list(zip(*parts, strict=True))[2:]),
        )

    for day, option in asked:
        assert index.summary(day, option) == expected(day, option)
    assert index.slot_count == sum(len(slots) for slots in inventory.options.values())
    assert index.problem_count == sum(
        slot.has_problems for slots in inventory.options.values() for slot in slots
    )


def test_slots_of_a_day_are_ordered_by_start_then_option_and_filter_by_option() -> None:
    index = build(
        {
            ADULT: [wire_slot("2025-03-03", "14:00"), wire_slot("2025-03-03", "09:00")],
            CHILD: [wire_slot("2025-03-03", "09:00", maximum=10)],
        }
    )
    day = dt.date(2025, 3, 3)
    listed = [(row.slot.start_time.hour, row.dc_code) for row in index.slots_on(day)]
    assert listed == [(9, ADULT), (9, CHILD), (14, ADULT)]
    assert [row.dc_code for row in index.slots_on(day, CHILD)] == [CHILD]
    assert index.option_codes == (ADULT, CHILD)


def test_weekday_comes_from_the_date_not_from_the_server() -> None:
    index = build({ADULT: [wire_slot("2023-03-01", weekday="Sunday")]})
    (row,) = index.month_rows(2023, 3)
    assert row.slot.weekday == "Wednesday"


@pytest.mark.parametrize(
    ("first_weekday", "expected_start"),
    [(0, dt.date(2025, 2, 24)), (6, dt.date(2025, 2, 23)), (5, dt.date(2025, 3, 1))],
)
def test_month_grid_starts_on_the_locale_first_day(
    first_weekday: int, expected_start: dt.date
) -> None:
    grid = month_grid(2025, 3, first_weekday)
    assert len(grid) == 42
    assert grid[0] == expected_start
    assert grid[0].weekday() == first_weekday
    assert dt.date(2025, 3, 1) in grid
    assert dt.date(2025, 3, 31) in grid


def test_add_months_clamps_the_day_and_crosses_years() -> None:
    assert add_months(dt.date(2025, 1, 31), 1) == dt.date(2025, 2, 28)
    assert add_months(dt.date(2024, 12, 15), 1) == dt.date(2025, 1, 15)
    assert add_months(dt.date(2025, 1, 15), -1) == dt.date(2024, 12, 15)


def test_month_export_writes_one_row_per_slot_of_the_month_with_a_bom(tmp_path: Path) -> None:
    index = build(
        {
            ADULT: [
                wire_slot("2025-03-01", "10:00", ordered=6, code="inv-a"),
                wire_slot("2025-03-31", "10:00", ordered=5, remain=20, code="inv-b"),
                wire_slot("2025-04-01", "10:00", code="inv-c"),  # another month
            ],
            CHILD: [wire_slot("2025-03-01", "10:00", ordered=20, code="inv-d")],
        }
    )
    path = tmp_path / "march.csv"
    header = [f"title {name}" for name in MONTH_CSV_FIELDS]
    count = export_month_csv(
        path,
        index,
        2025,
        3,
        ALL_OPTIONS,
        header=header,
        option_names={ADULT: "성인 / Adult"},
        state_words={state: state.name.lower() for state in SlotState},
    )
    assert count == 3
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    read_header, rows = read_csv(path)
    assert read_header == header
    by_code = {row[-1]: dict(zip(MONTH_CSV_FIELDS, row, strict=True)) for row in rows}
    assert set(by_code) == {"inv-a", "inv-b", "inv-d"}
    assert by_code["inv-a"] == {
        "date": "2025-03-01",
        "weekday": "Saturday",
        "start_time": "10:00",
        "option_code": ADULT,
        "option_name": "성인 / Adult",
        "state": "room",
        "on_sale": "yes",
        "remaining": "14",
        "max": "20",
        "ordered": "6",
        "minimum": "5",
        "guaranteed": "yes",
        "warnings": "",
        "inventory_code": "inv-a",
    }
    assert by_code["inv-d"]["option_name"] == CHILD  # unknown to the catalog: shown by code
    assert by_code["inv-d"]["state"] == "sold_out"
    assert by_code["inv-b"]["remaining"] == "20"
    assert "does not add up" in by_code["inv-b"]["warnings"]


def test_month_export_for_one_option_leaves_the_others_out(tmp_path: Path) -> None:
    index = build(
        {
            ADULT: [wire_slot("2025-03-01", code="inv-a")],
            CHILD: [wire_slot("2025-03-01", code="inv-d")],
        }
    )
    path = tmp_path / "child.csv"
    export_month_csv(
        path,
        index,
        2025,
        3,
        CHILD,
        header=list(MONTH_CSV_FIELDS),
        option_names={},
        state_words={state: state.name for state in SlotState},
    )
    _header, rows = read_csv(path)
    assert [row[-1] for row in rows] == ["inv-d"]


def test_departures_gone_by_the_supplier_clock_are_past() -> None:
    """Today's 07:30 at 09:43 Seoul time is gone; a day before today is gone entirely."""
    index = build(
        {
            ADULT: [
                wire_slot("2025-03-10", "10:00", ordered=2),
                wire_slot("2025-03-11", "07:30", ordered=2),
                wire_slot("2025-03-11", "09:43", ordered=2),
                wire_slot("2025-03-11", "14:00", ordered=18),
                wire_slot("2025-03-12", "07:30", ordered=2),
            ]
        }
    )
    now = dt.datetime(2025, 3, 11, 9, 43, 20)
    today = [row.state for row in index.slots_on(dt.date(2025, 3, 11), ALL_OPTIONS, now)]
    assert today == [SlotState.PAST, SlotState.PAST, SlotState.NEARLY_FULL]
    assert [row.is_bookable for row in index.slots_on(dt.date(2025, 3, 11), now=now)] == [
        False,
        False,
        True,
    ]
    summary = index.summary(dt.date(2025, 3, 11), ALL_OPTIONS, now)
    assert summary is not None
    assert (summary.state, summary.open_count, summary.seats_left) == (SlotState.NEARLY_FULL, 1, 2)
    yesterday = index.summary(dt.date(2025, 3, 10), ALL_OPTIONS, now)
    assert yesterday is not None
    assert (yesterday.state, yesterday.open_count, yesterday.seats_left) == (SlotState.PAST, 0, 0)
    tomorrow = index.summary(dt.date(2025, 3, 12), ALL_OPTIONS, now)
    assert tomorrow is not None
    assert tomorrow.state is SlotState.ROOM
    # Without a clock nothing is past (what AX sent, as the CSV export writes it).
    assert index.summary(dt.date(2025, 3, 10)).state is SlotState.ROOM  # type: ignore[union-attr]
    # Later the same day, the summary follows the clock (it is not kept from before).
    evening = index.summary(dt.date(2025, 3, 11), ALL_OPTIONS, now.replace(hour=15))
    assert evening is not None
    assert evening.state is SlotState.PAST


def test_todays_summary_is_folded_again_exactly_when_a_departure_leaves() -> None:
    """Kept between paints, today's summary still follows the clock: each departure that
    leaves, and a clock set back, give the summary a fresh fold would give."""
    day = dt.date(2025, 3, 11)
    options = {
        ADULT: [
            wire_slot("2025-03-11", "07:30", ordered=2),
            wire_slot("2025-03-11", "09:43:10", ordered=2),
            wire_slot("2025-03-11", "14:00", ordered=18),
        ],
        CHILD: [wire_slot("2025-03-11", "09:43:10", ordered=1)],
    }
    kept = build(options)
    moments = [
        dt.datetime(2025, 3, 11, hour, minute, second)
        for hour, minute, second in (
            (6, 0, 0),
            (7, 29, 59),
            (7, 30, 0),
            (9, 43, 9),
            (9, 43, 10),
            (13, 0, 0),
            (8, 0, 0),  # the clock set back
            (14, 0, 0),
            (23, 59, 59),
        )
    ]
    for now in moments:
        for option in (ALL_OPTIONS, ADULT, CHILD):
            fresh = build(options).summary(day, option, now)
            assert kept.summary(day, option, now) == fresh, (now, option)


def test_the_worker_folds_the_month_the_calendar_will_show(monkeypatch) -> None:
    """The month on screen when it has departures, else the one a new product turns to;
    for the option shown, or all options when the product lacks it: asked afterwards,
    none of those days is folded again."""
    import axdesk.ui.inventory.index as index_module

    index = build(
        {
            ADULT: [wire_slot("2025-03-11"), wire_slot("2025-03-20"), wire_slot("2025-05-02")],
            CHILD: [wire_slot("2025-03-12")],
        }
    )
    folds: list[dt.date] = []
    real_fold = index_module.summarise_day

    def counting_fold(day, *args, **kwargs):  # type: ignore[no-untyped-def]
        folds.append(day)
        return real_fold(day, *args, **kwargs)

    monkeypatch.setattr(index_module, "summarise_day", counting_fold)
    now = dt.datetime(2025, 3, 21, 9, 0)
    assert departure_day(index.dates(), 2025, 4, now.date()) == dt.date(2025, 5, 2)
    index.fold_month(MonthShown(2025, 4, 0, "dc-gone", now.date(), now))
    assert folds
    folds.clear()
    for day in month_grid(2025, 5, 0):
        index.summary(day, ALL_OPTIONS, now)
    assert folds == []
    index.fold_month(MonthShown(2025, 3, 6, CHILD, now.date(), now))
    folds.clear()
    for day in month_grid(2025, 3, 6):
        index.summary(day, CHILD, now)
    assert folds == []
    index.summary(dt.date(2025, 3, 20), ADULT, now)  # not folded ahead: folded when asked
    assert folds == [dt.date(2025, 3, 20)]


def test_slots_listed_out_of_date_order_are_found_on_their_day_in_their_order() -> None:
    """A day listed in two runs, and days out of order, still give each day all its slots
    in the order AX listed them (and the dates in order)."""
    index = build(
        {
            ADULT: [
                wire_slot("2025-03-12", "09:00", code="a"),
                wire_slot("2025-03-11", "14:00", code="b"),
                wire_slot("2025-03-12", "07:00", code="c"),
                wire_slot("2025-03-11", "08:00", code="d"),
                wire_slot("2025-03-10", "10:00", code="e"),
            ]
        }
    )
    assert index.dates(ADULT) == [dt.date(2025, 3, 10), dt.date(2025, 3, 11), dt.date(2025, 3, 12)]
    assert index.dates() == index.dates(ADULT)
    twelfth = index.slots_on(dt.date(2025, 3, 12), ADULT)
    assert [row.slot.inventory_code for row in twelfth] == ["c", "a"]  # by start time
    assert [s.inventory_code for s in index._slots_of(dt.date(2025, 3, 12), ADULT)] == ["a", "c"]
    assert index.summary(dt.date(2025, 3, 11), ADULT).slot_count == 2  # type: ignore[union-attr]
    assert index.summary(dt.date(2025, 3, 9), ADULT) is None
    assert index.slot_count == 5
