"""One time format on screen: 24-hour in Korean, the locale's own in English, everywhere."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale

from axdesk.ui.common.time_text import date_time_text, time_text
from axdesk.ui.orders.rows import local_time
from axdesk.ui.shell import status_bar

US = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
UK = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
KOREA = QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea)

AFTER_MIDNIGHT = dt.time(0, 32, 9)


@pytest.fixture
def locale(qapp: object) -> Iterator[object]:
    """Set the locale the app would set for a language (``QLocale.setDefault``), and undo it."""
    before = QLocale()
    yield QLocale.setDefault
    QLocale.setDefault(before)


def test_korean_times_are_24_hour(locale) -> None:
    locale(KOREA)
    assert time_text(AFTER_MIDNIGHT) == "00:32"
    assert time_text(AFTER_MIDNIGHT, seconds=True) == "00:32:09"
    assert time_text(dt.time(14, 5)) == "14:05"


def test_english_times_follow_the_locale(locale) -> None:
    locale(US)
    assert time_text(AFTER_MIDNIGHT).replace("\u202f", " ") == "12:32 AM"
    assert time_text(AFTER_MIDNIGHT, seconds=True).replace("\u202f", " ") == "12:32:09 AM"
    locale(UK)
    assert time_text(AFTER_MIDNIGHT) == "00:32"
    assert time_text(AFTER_MIDNIGHT, seconds=True) == "00:32:09"


def test_a_moment_is_its_date_and_its_time(locale) -> None:
    locale(US)
    moment = dt.datetime(2030, 3, 1, 14, 0, tzinfo=dt.UTC)
    assert date_time_text(moment).replace("\u202f", " ") == "2030-03-01 2:00 PM"


@pytest.mark.parametrize("chosen", [US, KOREA, UK], ids=["en_US", "ko_KR", "en_GB"])
def test_the_status_bar_and_the_orders_rows_write_times_the_same_way(locale, chosen) -> None:
    """Not "12:32 AM" in one corner and "00:32:09" in the next."""
    locale(chosen)
    now = dt.datetime.now().astimezone().replace(hour=0, minute=32, second=9, microsecond=0)
    assert status_bar._clock(now) == time_text(now, seconds=True)
    earlier = now - dt.timedelta(days=3)
    assert status_bar._clock(earlier) == date_time_text(earlier)
    assert local_time(earlier, earlier.tzinfo) == date_time_text(earlier)
