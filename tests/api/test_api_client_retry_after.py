"""Every Retry-After the client reads is capped; no value, however absurd, breaks a call.

Before: an HTTP date with an offset of +9999999999999 raised OverflowError inside
the client (reported as "failed unexpectedly"), and a date in the year 9999 came
out as a wait of 251,606,118,784 s, which callers (live sync) then obeyed and
overflowed on.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest

from axdesk.api import RETRY_AFTER_LIMIT, AxClient, AxRateLimitedError

API_KEY = "api_key_secret_0123456789"
CHANNEL_CODE = "code_secret_abcdef"
IN_AN_HOUR = format_datetime(datetime.now(UTC) + timedelta(hours=1), usegmt=True)

ABSURD = [
    "1e309",
    "9" * 400,
    "1" * 5000,
    "-1",
    "nan",
    "inf",
    "-inf",
    "0x10",
    "",
    " ",
    "Fri, 31 Dec 9999 23:59:59 GMT",
    "Fri, 31 Dec 99999 23:59:59 GMT",
    "Mon, 01 Jan 0001 00:00:00 +2359",
    "Sun, 06 Nov 1994 08:49:37 +9999999999999",
    "Sun, 06 Nov 1994 08:49:37 -9999999999999",
    "Thu, 01 Jan 1970 00:00:00 -9999",
    "Sun, 06 Nov 1994 08:49:37 GMT",
    "Sunday, 06-Nov-94 08:49:37 GMT",
    "Sun Nov  6 08:49:37 1994",
    "3000000000",
    "2147484",
    IN_AN_HOUR,
]


def limited(value: str) -> AxClient:
    answer = httpx.Response(429, headers={"Retry-After": value})
    return AxClient(
        "https://test.ax-cloud.com",
        API_KEY,
        CHANNEL_CODE,
        transport=httpx.MockTransport(lambda request: answer),
        max_retries=0,
    )


@pytest.mark.parametrize("value", ABSURD)
@pytest.mark.parametrize("write", [False, True], ids=["get", "post"])
def test_any_retry_after_is_a_rate_limit_with_a_bounded_wait(value: str, write: bool) -> None:
    with limited(value) as client:
        call = (
            (lambda: client.cancel_ticket("order", "ticket"))
            if write
            else (lambda: client.get_order_status("abc"))
        )
        with pytest.raises(AxRateLimitedError) as raised:
            call()
    wait = raised.value.retry_after
    assert wait is None or 0 <= wait <= RETRY_AFTER_LIMIT
    assert len(str(raised.value)) < 200  # no 400-digit number in the sentence
    if wait is not None:
        int(wait * 1000)  # a caller turning it into QTimer milliseconds cannot overflow
        assert wait * 1000 < 2**31


def test_the_limit_is_an_hour() -> None:
    assert RETRY_AFTER_LIMIT == 3600.0


def test_a_date_an_hour_away_is_an_hour_and_a_far_one_is_capped() -> None:
    with limited(IN_AN_HOUR) as client, pytest.raises(AxRateLimitedError) as soon:
        client.get_order_status("abc")
    assert soon.value.retry_after is not None
    assert 3500 <= soon.value.retry_after <= 3600
    with (
        limited("Fri, 31 Dec 9999 23:59:59 GMT") as client,
        pytest.raises(AxRateLimitedError) as far,
    ):
        client.get_order_status("abc")
    assert far.value.retry_after == RETRY_AFTER_LIMIT


@pytest.mark.parametrize("value", ["31", "86400", "Fri, 31 Dec 9999 23:59:59 GMT", IN_AN_HOUR])
def test_a_read_never_waits_more_than_thirty_seconds_to_retry(value: str) -> None:
    sleeps: list[float] = []
    answers = iter([httpx.Response(429, headers={"Retry-After": value})])

    def handle(request: httpx.Request) -> httpx.Response:
        return next(answers, httpx.Response(429, headers={"Retry-After": value}))

    with (
        AxClient(
            "https://test.ax-cloud.com",
            API_KEY,
            CHANNEL_CODE,
            transport=httpx.MockTransport(handle),
            sleep=sleeps.append,
        ) as client,
        pytest.raises(AxRateLimitedError),
    ):
        client.get_order_status("abc")
    assert sleeps == []  # over 30 s: told to the operator, not waited out
