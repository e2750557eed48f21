"""The fast inventory reader gives exactly what the careful reading gives, or steps aside.

``Inventory.from_common_json`` reads the usual Get Inventory answer from its
bytes; anything unusual goes back to ``decode_json`` + ``Inventory.from_payload``
(the careful reading). These tests generate well-formed and odd answers and
hold the two readings equal: same options in the same order, same slots with
the same field values *and types*, the same fields marked as set, and the same
error sentence through the client when the data is bad.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, time
from typing import Any
from unittest import mock

import httpx
import msgspec
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from axdesk.api import AxClient, AxError, Inventory, InventorySlot, models
from axdesk.api.wire import decode_json

PRODUCT = "product-1"
FIELD_NAMES = tuple(field.name for field in msgspec.structs.fields(InventorySlot))

Snapshot = tuple[object, ...]


def snapshot(inventory: Inventory) -> Snapshot:
    """Everything that makes two inventories the same, value types included."""

    def slot_view(slot: InventorySlot) -> Snapshot:
        return (
            type(slot),
            tuple(
                (name, type(value), value)
                for name in FIELD_NAMES
                for value in (getattr(slot, name),)
            ),
        )

    return (
        inventory.product_code,
        inventory.model_fields_set,
        tuple(
            (code, tuple(slot_view(slot) for slot in slots))
            for code, slots in inventory.options.items()
        ),
    )


def careful(body: bytes) -> Snapshot | str:
    """What the careful reading makes of a 200 answer: a snapshot, or the error's sentence."""
    try:
        payload = decode_json(body, status=200)
        status = payload.get("status_code") if isinstance(payload, dict) else None
        if isinstance(status, int) and not isinstance(status, bool) and status >= 400:
            return "the client reports the status in the body"
        return snapshot(Inventory.from_payload(PRODUCT, payload))
    except AxError as error:
        return f"{type(error).__name__}: {error}"


def assert_same_as_careful(body: bytes) -> bool:
    """Fast reading equals the careful one whenever it answers; True when it answered."""
    fast = Inventory.from_common_json(PRODUCT, body)
    if fast is None:
        return False
    assert snapshot(fast) == careful(body)
    return True


# --------------------------------------------------------------------------- generated slots

codes = st.text(min_size=0, max_size=12).filter(
    lambda text: "NaN" not in text and "Infinity" not in text  # those send it all to careful
)
iso_dates = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)).map(date.isoformat)
clock_times = st.times().map(
    lambda moment: (
        moment.strftime("%H:%M")
        if moment.second == 0 and moment.microsecond == 0
        else moment.isoformat()
    )
)
whole = st.integers(min_value=-(10**20), max_value=10**20)


def spaced(texts: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.tuples(st.sampled_from([" ", "\t", "\u3000", ""]), texts).map(
        lambda pair: f"{pair[0]}{pair[1]}{pair[0]}"
    )


odd_dates = st.one_of(
    spaced(iso_dates),
    st.sampled_from(
        [
            "2023-3-1",
            "20230301",
            "2023-02-30",
            "2023-03-01T00:00:00",
            "2023-03-01T10:00:00",
            "2023-03-01 00:00",
            "2023-W09-3",
            "0000-01-01",
            "soon",
            "",
        ]
    ),
    st.integers(min_value=-(10**11), max_value=10**11),
    st.floats(allow_nan=False, allow_infinity=False),
    st.none(),
)
odd_times = st.one_of(
    spaced(clock_times),
    st.sampled_from(
        [
            "9:00",
            "14:00Z",
            "14:00:00+09:00",
            "14:00:00.1234567",
            "24:00",
            "23:59:60",
            "1400",
            "14h",
            "",
        ]
    ),
    st.integers(min_value=-10, max_value=100_000),
    st.floats(allow_nan=False, allow_infinity=False),
    st.none(),
)
odd_numbers = st.one_of(
    whole.map(lambda number: f" {number} "),
    whole.map(str),
    st.sampled_from(["+3", "-0", "1e2", "25.0", "", "x", "٣"]),
    st.sampled_from([25.0, 25.5, -0.0, 1e2, 1e400]),
    st.booleans(),
    st.none(),
)
odd_flags = st.one_of(st.sampled_from([0, 1, 2, "true", "yes", "off", "", None, 1.0]))
odd_text = st.one_of(st.integers(), st.booleans(), st.floats(allow_nan=False), st.lists(codes))
extra_values = st.one_of(
    st.none(),
    st.booleans(),
    whole,
    st.floats(allow_nan=False, allow_infinity=False),
    codes,
    st.lists(whole, max_size=3),
)
MISSING = object()


@st.composite
def slots(draw: st.DrawFn, odd: bool) -> dict[str, Any]:
    """One slot as the server writes it; with ``odd``, any field may be unusual or missing."""

    def pick(usual: st.SearchStrategy[Any], unusual: st.SearchStrategy[Any]) -> Any:
        if odd and draw(st.integers(min_value=0, max_value=4)) == 0:
            return draw(st.one_of(unusual, st.just(MISSING)))
        return draw(usual)

    fields: dict[str, Any] = {
        "inventory_code": pick(codes, odd_text),
        "date": pick(iso_dates, odd_dates),
        "start_time": pick(clock_times, odd_times),
        "is_order": pick(st.booleans(), odd_flags),
        "max_quantity": pick(whole, odd_numbers),
        "min_quantity": pick(whole, odd_numbers),
        "remain_quantity": pick(whole, odd_numbers),
        "ordered_quantity": pick(whole, odd_numbers),
    }
    optional: dict[str, Any] = {
        "depth_combination_id": draw(st.one_of(st.just(MISSING), st.none(), codes)),
        "day_of_the_week": draw(st.one_of(st.just(MISSING), st.none(), codes)),
        "reported_weekday": draw(st.one_of(st.just(MISSING), st.none(), codes)),
    }
    if odd:
        for name in optional:
            optional[name] = pick(st.just(optional[name]), odd_text)
    extras = draw(
        st.dictionaries(
            codes.filter(lambda key: key not in fields and key not in optional),
            extra_values,
            max_size=2,
        )
    )
    slot = {**fields, **optional, **extras}
    keys = [key for key, value in slot.items() if value is not MISSING]
    order = draw(st.permutations(keys))
    return {key: slot[key] for key in order}


PADDING = st.sampled_from([" ", "\t", "\u3000", "\n "])
QUANTITIES = ("max_quantity", "min_quantity", "remain_quantity", "ordered_quantity")


@st.composite
def odd_but_valid_slots(draw: st.DrawFn) -> dict[str, Any]:
    """A well-formed slot with some values written the other ways the careful reading accepts."""
    slot = draw(slots(odd=False))
    for name in (*QUANTITIES, "date", "start_time"):
        if draw(st.booleans()):
            pad = draw(PADDING)
            slot[name] = f"{pad}{slot[name]}{pad}" if draw(st.booleans()) else str(slot[name])
    if draw(st.booleans()):
        slot["is_order"] = draw(
            st.sampled_from([1, "true", "yes"] if slot["is_order"] else [0, "false", "no"])
        )
    return slot


def answer(options: dict[str, list[Any]], status: object = 200) -> bytes:
    payload: dict[str, Any] = {} if status is MISSING else {"status_code": status}
    payload["option_codes"] = options
    return json.dumps(payload, ensure_ascii=False).encode()


option_maps = st.dictionaries(codes, st.lists(slots(odd=False), max_size=4), max_size=4)


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(options=option_maps, status=st.sampled_from([200, 201, 0, -5, 399, None, MISSING]))
def test_well_formed_answers_are_read_fast_and_exactly_as_carefully(
    options: dict[str, list[dict[str, Any]]], status: object
) -> None:
    assert assert_same_as_careful(answer(options, status))


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    options=st.dictionaries(
        codes, st.lists(st.one_of(slots(odd=False), odd_but_valid_slots()), max_size=4), max_size=3
    )
)
def test_odd_but_valid_slots_are_read_one_by_one_exactly_as_carefully(
    options: dict[str, list[dict[str, Any]]],
) -> None:
    assert assert_same_as_careful(answer(options))


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    options=st.dictionaries(codes, st.lists(slots(odd=True), max_size=4), max_size=3),
    status=st.sampled_from([200, 400, 503, "200", "500", True, 200.0, 400.0, None, MISSING]),
)
def test_odd_answers_are_read_exactly_as_carefully_or_left_to_the_careful_reading(
    options: dict[str, list[dict[str, Any]]], status: object
) -> None:
    answered = assert_same_as_careful(answer(options, status))
    event("read fast" if answered else "left to the careful reading")


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(options=option_maps, data=st.data())
def test_answers_the_careful_reading_treats_specially_are_left_to_it(
    options: dict[str, list[dict[str, Any]]], data: st.DataObject
) -> None:
    body = answer(options)
    variants = [
        b"\xef\xbb\xbf" + body,  # byte order mark
        body[:-1] + b",}",  # trailing comma
        body[:-1] + b', "ignored": NaN}',  # refused by decode_json, not by pydantic-core
        body[:-1] + b', "ignored": [-Infinity]}',
        body + b"x",
        body[: data.draw(st.integers(min_value=0, max_value=len(body) - 1))],
        json.dumps({"data": {"option_codes": options}}).encode(),
        json.dumps({"status_code": 200, "data": options}).encode(),
        json.dumps([slot for slots in options.values() for slot in slots]).encode(),
        json.dumps({"option_codes": {"opt": [{"inventory_code": "\ud800"}]}}).encode(),
    ]
    for variant in variants:
        assert Inventory.from_common_json(PRODUCT, variant) is None


# --------------------------------------------------------------------------- chosen cases


def slot(**changes: Any) -> dict[str, Any]:
    usual: dict[str, Any] = {
        "inventory_code": "c2befdbe-57fa-4a47-9132-f7f8153b5f2c",
        "date": "2023-03-01",
        "start_time": "14:00",
        "day_of_the_week": "Sunday",
        "is_order": True,
        "max_quantity": 25,
        "min_quantity": 5,
        "remain_quantity": 15,
        "ordered_quantity": 10,
        "depth_combination_id": "d96b2ed4",
    }
    usual.update(changes)
    return {key: value for key, value in usual.items() if value is not MISSING}


def test_the_usual_slot_is_read_with_the_usual_types() -> None:
    fast = Inventory.from_common_json(PRODUCT, answer({"opt": [slot()]}))
    assert fast is not None
    (read,) = fast.options["opt"]
    assert read.date == date(2023, 3, 1)
    assert read.start_time == time(14, 0)
    assert read.reported_weekday == "Sunday"
    assert read.depth_combination_id == "d96b2ed4"


@pytest.mark.parametrize(
    "changes",
    [
        {"max_quantity": "25", "remain_quantity": " 15 "},
        {"date": " 2023-03-01 ", "start_time": "14:00 "},
        {"is_order": 1},
        {"depth_combination_id": MISSING, "day_of_the_week": MISSING},
        {"day_of_the_week": MISSING, "reported_weekday": "Wednesday"},
        {"start_time": "14:00Z"},
    ],
)
def test_an_odd_but_valid_slot_is_read_on_its_own_the_careful_way(changes: dict[str, Any]) -> None:
    body = answer({"opt": [slot(), slot(**changes), slot()]})
    assert assert_same_as_careful(body)


@pytest.mark.parametrize(
    "changes",
    [
        {"max_quantity": 25.0},  # a Decimal to the careful reading: read on its own the same way
        {"is_order": 1.0},
        {"remain_quantity": 1.5e1},
    ],
)
def test_a_slot_with_a_fraction_is_read_on_its_own_exactly_as_carefully(
    changes: dict[str, Any],
) -> None:
    assert assert_same_as_careful(answer({"opt": [slot(), slot(**changes)]}))


@pytest.mark.parametrize(
    "changes",
    [
        {"max_quantity": "x"},
        {"date": "soon"},
        {"ordered_quantity": MISSING},
        {"is_order": "maybe"},
        {"inventory_code": 7},
    ],
)
def test_a_slot_that_needs_the_careful_reading_sends_the_whole_answer_there(
    changes: dict[str, Any],
) -> None:
    assert Inventory.from_common_json(PRODUCT, answer({"opt": [slot(), slot(**changes)]})) is None


def test_duplicate_keys_are_read_as_the_careful_reading_reads_them() -> None:
    usual = json.dumps(slot())[:-1]
    body = (
        '{"status_code": 200, "option_codes": {"opt": [' + usual + ', "max_quantity": 30}], '
        '"opt": [' + usual + ', "remain_quantity": 16}]}}'
    ).encode()
    fast = Inventory.from_common_json(PRODUCT, body)
    assert fast is not None
    assert snapshot(fast) == careful(body)
    assert fast.options["opt"][0].remain_quantity == 16
    later_wins = b'{"option_codes": {"opt": []}, "option_codes": 5}'
    assert Inventory.from_common_json(PRODUCT, later_wins) is None


def test_every_slot_field_is_covered_by_the_fast_reader() -> None:
    body = answer({"opt": [slot(extra_field=math.pi)]})
    fast = Inventory.from_common_json(PRODUCT, body)
    assert fast is not None
    (read,) = fast.options["opt"]
    assert all(hasattr(read, name) for name in FIELD_NAMES)
    assert not hasattr(read, "extra_field")
    assert not hasattr(read, "__dict__")  # slotted, as the careful reading makes them
    assert set(models._CAREFUL_READERS) >= {
        field.type for field in msgspec.structs.fields(InventorySlot)
    }


def test_msgspec_makes_the_usual_slots_and_leaves_the_odd_one_to_the_careful_reading() -> None:
    """The one class of a slot: msgspec decodes into it, pydantic validates into it."""
    body = answer({"opt": [slot(), slot(remain_quantity=" 15 ")]})
    with pytest.raises(msgspec.ValidationError):
        models._OPTION_DECODER.decode(models._COMMON_DECODER.decode(body).option_codes["opt"])
    usual = models._SLOT_DECODER.decode(json.dumps(slot()).encode())
    assert type(usual) is InventorySlot
    assert type(usual.start_time) is models.SlotTime
    carefully = Inventory.from_payload(PRODUCT, decode_json(body, status=200)).options["opt"]
    assert usual == carefully[0]
    assert carefully[1].remain_quantity == 15


def test_a_big_answer_is_decoded_one_option_at_a_time(monkeypatch) -> None:
    """The worker's decoding holds the GIL while a piece of C runs: no piece is the whole
    answer, each is one option's slots (between pieces the GUI thread can run)."""
    real = models._OPTION_DECODER
    pieces: list[int] = []

    class CountingDecoder:
        def decode(self, raw: bytes) -> list[InventorySlot]:
            pieces.append(len(raw))
            return real.decode(raw)

    monkeypatch.setattr(models, "_OPTION_DECODER", CountingDecoder())
    options = {
        f"opt-{n}": [slot(inventory_code=f"inv-{n}-{k}") for k in range(50)] for n in range(8)
    }
    body = answer(options)
    fast = Inventory.from_common_json(PRODUCT, body)
    assert fast is not None
    assert list(fast.options) == list(options)
    assert [len(slots) for slots in fast.options.values()] == [50] * 8
    assert len(pieces) == 8
    assert max(pieces) < len(body) / 7


def test_slots_stay_out_of_the_garbage_collectors_walks() -> None:
    import gc

    fast = Inventory.from_common_json(PRODUCT, answer({"opt": [slot()]}))
    assert fast is not None
    assert not gc.is_tracked(fast.options["opt"][0])


# --------------------------------------------------------------------------- through the client


@contextmanager
def careful_reading_only() -> Iterator[None]:
    with mock.patch.object(Inventory, "from_common_json", return_value=None):
        yield


def client_reading(body: bytes, status: int = 200) -> Snapshot | str:
    transport = httpx.MockTransport(lambda request: httpx.Response(status, content=body))
    with AxClient(
        "https://test.ax-cloud.com", "key-0123456789", "channel-0123", transport=transport
    ) as client:
        try:
            return snapshot(client.get_inventory(PRODUCT))
        except AxError as error:
            return f"{type(error).__name__} {error.status}: {error}"


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    options=st.dictionaries(codes, st.lists(slots(odd=True), max_size=3), max_size=3),
    status=st.sampled_from([200, 404, 500, "200", MISSING]),
)
def test_the_client_reads_every_answer_as_it_did_before_the_fast_reader(
    options: dict[str, list[dict[str, Any]]], status: object
) -> None:
    body = answer(options, status)
    fast = client_reading(body)
    with careful_reading_only():
        assert client_reading(body) == fast


@pytest.mark.parametrize(
    ("body", "sentence"),
    [
        (answer({"opt": [slot(max_quantity="x")]}), "opt.0.max_quantity"),
        (answer({"opt": [slot()]}, status=500), "HTTP 500"),
        (b'{"status_code": 200, "option_codes": {"opt": [NaN]}}', "not valid JSON"),
        (b'{"option_codes": "none"}', "inventory"),
    ],
)
def test_bad_answers_get_the_same_sentence_through_the_client(body: bytes, sentence: str) -> None:
    fast = client_reading(body)
    with careful_reading_only():
        assert client_reading(body) == fast
    assert isinstance(fast, str)
    assert sentence in fast


# --------------------------------------------------------------------------- has_problems

small = st.integers(min_value=-3, max_value=30)


@given(maximum=small, minimum=small, remain=small, ordered=small)
def test_has_problems_is_whether_problems_finds_any(
    maximum: int, minimum: int, remain: int, ordered: int
) -> None:
    read = InventorySlot.validate(
        slot(
            max_quantity=maximum,
            min_quantity=minimum,
            remain_quantity=remain,
            ordered_quantity=ordered,
        )
    )
    assert read.has_problems == bool(read.problems)


# (maximum, minimum, remain, ordered): mostly adding up, so that a list often breaks one rule only
adding_up = st.tuples(small, small, small).map(lambda t: (t[0], t[1], t[0] - t[2], t[2]))
seat_counts = st.one_of(adding_up, st.tuples(small, small, small, small))


@given(st.lists(seat_counts, max_size=8))
def test_with_problems_finds_the_slots_has_problems_finds(
    counts: list[tuple[int, int, int, int]],
) -> None:
    read = [
        InventorySlot.validate(
            slot(
                max_quantity=maximum,
                min_quantity=minimum,
                remain_quantity=remain,
                ordered_quantity=ordered,
            )
        )
        for maximum, minimum, remain, ordered in counts
    ]
    assert InventorySlot.with_problems(read) == [each for each in read if each.has_problems]
