"""Tolerant JSON reading (trailing commas only) and exact datetime writing."""

from __future__ import annotations

import json
import tracemalloc
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from page_examples import (
    CANCEL_TICKET_200,
    CREATE_ORDER_201,
    GET_CONFIRM_200,
    INVENTORY_CURL_FLAT,
    INVENTORY_OLD,
)

from axdesk.api import (
    AxMalformedResponseError,
    OrderInputError,
    decode_json,
    encode_json,
    format_wire_datetime,
    parse_wire_datetime,
)
from axdesk.api.wire import strip_trailing_commas


@pytest.mark.parametrize("example", [GET_CONFIRM_200, CANCEL_TICKET_200, CREATE_ORDER_201])
def test_page_examples_with_trailing_commas_are_read(example: str) -> None:
    with pytest.raises(json.JSONDecodeError):
        json.loads(example)  # the pages' examples really are invalid JSON
    assert isinstance(decode_json(example.encode()), dict)


def test_trailing_comma_removal_leaves_strings_alone() -> None:
    text = '{"a": "x,}", "b": "say \\",]\\"", "c": [1, 2,], "d": {"e": ",",},}'
    cleaned = strip_trailing_commas(text)
    assert json.loads(cleaned) == {"a": "x,}", "b": 'say ",]"', "c": [1, 2], "d": {"e": ","}}


def test_valid_json_is_parsed_without_touching_commas_inside_strings() -> None:
    assert decode_json(b'{"comment": "a, }"}') == {"comment": "a, }"}


def test_floats_are_read_as_decimal() -> None:
    assert decode_json(b'{"price": 2222.10}') == {"price": Decimal("2222.10")}
    assert isinstance(decode_json(b'{"price": 0.1}')["price"], Decimal)


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        (b"", "empty body"),
        (b"  \n ", "empty body"),
        (b"<!DOCTYPE html><html><body>502 Bad Gateway</body></html>", "web page, not AX data"),
        (b"<html>login</html>", "web page, not AX data"),
        (INVENTORY_CURL_FLAT.encode(), "not valid JSON at line 5"),
        (INVENTORY_OLD.encode(), "not valid JSON"),
        (b'{"a": NaN}', "not valid JSON"),
        (b'{"a": Infinity}', "not valid JSON"),
        (b'{"a": 1', "not valid JSON"),
        (b"\xff\xfe\x00garbage", "not text"),
    ],
)
def test_unreadable_bodies_become_malformed_response_errors(body: bytes, fragment: str) -> None:
    with pytest.raises(AxMalformedResponseError, match=fragment) as caught:
        decode_json(body, status=200)
    assert caught.value.status == 200
    assert caught.value.outcome_unknown is False
    assert "HTTP 200" in str(caught.value)


def test_html_content_type_is_named_even_when_body_does_not_start_with_a_tag() -> None:
    with pytest.raises(AxMalformedResponseError, match="web page"):
        decode_json(b"Service Unavailable", content_type="text/html; charset=utf-8")


def test_a_byte_order_mark_is_tolerated() -> None:
    assert decode_json(b'\xef\xbb\xbf{"a": 1}') == {"a": 1}


def test_encode_json_is_compact_utf8_and_keeps_key_order() -> None:
    assert encode_json({"b": "성 이름", "a": 1}) == '{"b":"성 이름","a":1}'.encode()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2017-05-23 23:30:00", datetime(2017, 5, 23, 23, 30, tzinfo=UTC)),
        ("2023-03-01T05:00:00Z", datetime(2023, 3, 1, 5, 0, tzinfo=UTC)),
        ("2023-03-01T05:00:00z", datetime(2023, 3, 1, 5, 0, tzinfo=UTC)),
        ("2023-03-01T14:00:00+09:00", datetime(2023, 3, 1, 5, 0, tzinfo=UTC)),
        (" 2023-03-01T05:00:00.250Z ", datetime(2023, 3, 1, 5, 0, 0, 250000, tzinfo=UTC)),
        ("2023-03-01", datetime(2023, 3, 1, tzinfo=UTC)),
    ],
)
def test_wire_datetimes_are_read_in_both_forms_as_utc(text: str, expected: datetime) -> None:
    parsed = parse_wire_datetime(text)
    assert parsed == expected
    assert parsed.utcoffset() == timedelta(0)


def test_naive_datetime_objects_and_dates_read_as_utc() -> None:
    assert parse_wire_datetime(datetime(2017, 5, 23, 23, 30)).tzinfo is UTC
    assert parse_wire_datetime(date(2017, 5, 23)) == datetime(2017, 5, 23, tzinfo=UTC)


@pytest.mark.parametrize("junk", ["yesterday", "", "2023-13-01 00:00:00", 12345, None])
def test_unreadable_datetimes_raise_value_error(junk: object) -> None:
    with pytest.raises(ValueError, match="date and time"):
        parse_wire_datetime(junk)


def test_format_wire_datetime_is_rfc3339_utc_with_z() -> None:
    seoul = timezone(timedelta(hours=9))
    assert format_wire_datetime(datetime(2023, 3, 1, 14, 0, tzinfo=seoul)) == "2023-03-01T05:00:00Z"
    assert (
        format_wire_datetime(datetime(2023, 3, 1, 5, 0, 0, 120000, tzinfo=UTC))
        == "2023-03-01T05:00:00.120000Z"
    )


def test_format_wire_datetime_refuses_naive_datetimes() -> None:
    with pytest.raises(OrderInputError, match="no time zone"):
        format_wire_datetime(datetime(2023, 3, 1, 5, 0))


@given(
    st.datetimes(
        min_value=datetime(1990, 1, 1),
        max_value=datetime(2100, 1, 1),
        timezones=st.sampled_from(
            [UTC, timezone(timedelta(hours=9)), timezone(-timedelta(hours=5))]
        ),
    )
)
def test_datetimes_round_trip_through_the_wire(moment: datetime) -> None:
    wire = format_wire_datetime(moment)
    assert wire.endswith("Z")
    assert parse_wire_datetime(wire) == moment
    assert format_wire_datetime(parse_wire_datetime(wire)) == wire


def test_json_nested_too_deeply_is_a_malformed_answer_not_a_bug() -> None:
    body = b'{"data":' + b"[" * 50_000 + b"]" * 50_000 + b"}"
    with pytest.raises(AxMalformedResponseError, match="nested too deeply"):
        decode_json(body, status=200)


def test_a_lone_surrogate_escape_is_a_malformed_answer() -> None:
    with pytest.raises(AxMalformedResponseError, match="broken character escape"):
        decode_json(b'{"name": "\\ud800x"}')


def test_an_escaped_surrogate_pair_is_one_character() -> None:
    assert decode_json(b'{"name": "\\ud83d\\ude00"}') == {"name": "\U0001f600"}


# --------------------------------------------------------------------------- bounded fallback
# Before: 10 MB of HTML cost 1.2 s and 110 MB (the whole body decoded, then copied
# character by character looking for trailing commas); 200 MB cost 30 s and 2.2 GB.

MB = 1024 * 1024


def traced_peak(work: Callable[[], object]) -> int:
    """Peak traced allocation while ``work`` runs, above what was allocated before."""
    tracemalloc.start()
    try:
        baseline = tracemalloc.get_traced_memory()[0]
        work()
        return tracemalloc.get_traced_memory()[1] - baseline
    finally:
        tracemalloc.stop()


def refused(body: bytes, **options: Any) -> Callable[[], None]:
    def work() -> None:
        with pytest.raises(AxMalformedResponseError) as raised:
            decode_json(body, status=502, **options)
        assert "web page" in str(raised.value) or "not valid JSON" in str(raised.value)

    return work


@pytest.mark.parametrize("size", [10 * MB, 200 * MB], ids=["10MB", "200MB"])
def test_a_big_web_page_is_named_from_its_first_bytes(size: int) -> None:
    page = b"<!DOCTYPE html><html><body>" + b"<p>proxy says no</p>" * (size // 20)
    peak = traced_peak(refused(page))
    print(f"{len(page) / MB:.0f} MB of HTML: peak {peak / 1024:.0f} KiB")
    assert peak < 1 * MB


def test_a_big_non_json_body_without_a_tag_is_refused_from_its_first_bytes() -> None:
    body = b"Service Unavailable " * (10 * MB // 20)
    peak = traced_peak(refused(body, content_type="text/html"))
    assert peak < 1 * MB
    peak = traced_peak(refused(body))
    assert peak < 1 * MB


def test_trailing_commas_are_repaired_only_where_the_parser_stopped_at_one() -> None:
    body = b'[1,] "' + b"x" * (10 * MB) + b'"'  # fails at the comma, then has extra data
    peak = traced_peak(refused(body))
    assert peak < 5 * 10 * MB  # a few copies of the text at most, never a list of characters


def test_the_repair_is_linear_even_for_unterminated_escapes() -> None:
    text = '[1,] "' + '\\"' * 2_000_000  # a string that never closes, full of escaped quotes
    cleaned = strip_trailing_commas(text)
    assert cleaned.startswith('[1] "')


@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(),
        lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner),
        max_leaves=20,
    )
)
def test_the_repair_never_changes_valid_json(value: object) -> None:
    text = json.dumps(value)
    assert json.loads(strip_trailing_commas(text)) == value
