"""CSV export: written with a BOM, read back to the same rows, never a formula."""

from __future__ import annotations

import csv
import datetime as dt
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from axdesk.store.export import (
    CSV_ENCODING,
    MANIFEST_FIELDS,
    ExportError,
    ManifestEntry,
    cell_text,
    manifest_rows,
    neutralise_formula,
    read_csv,
    write_csv,
)

SEOUL = ZoneInfo("Asia/Seoul")


def test_round_trip_keeps_korean_text_commas_quotes_and_newlines(tmp_path: Path) -> None:
    header = ["채널 주문 코드", "여행자", "메모", "합계"]
    rows = [
        ["c-1", "김민준", 'says "hi", twice', "150000.00000"],
        ["c-2", "이서연", "line one\nline two", "0"],
        ["c-3", "Ann O'Neil", "", "12.50000"],
    ]
    target = tmp_path / "orders.csv"

    assert write_csv(target, header, rows) == 3

    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    with target.open(encoding="utf-8-sig", newline="") as handle:
        read_back = list(csv.reader(handle))
    assert read_back == [header, *rows]
    assert read_csv(target) == (header, rows)


def test_values_are_written_as_exact_text(tmp_path: Path) -> None:
    use_at = dt.datetime(2025, 3, 1, 14, 0, tzinfo=SEOUL)
    target = tmp_path / "typed.csv"
    write_csv(
        target,
        ["money", "when", "day", "time", "none", "count"],
        [[Decimal("2222.10000"), use_at, use_at.date(), use_at.time(), None, 3]],
    )
    _, rows = read_csv(target)
    assert rows == [["2222.10000", "2025-03-01T14:00:00+09:00", "2025-03-01", "14:00", "", "3"]]


def test_naive_datetime_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        cell_text(dt.datetime(2025, 3, 1, 14, 0))


@pytest.mark.parametrize(
    ("raw", "written"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("\tindent", "'\tindent"),
        ("+82 10-1234-5678", "+82 10-1234-5678"),
        ("-12.5", "-12.5"),
        ("010-1234-5678", "010-1234-5678"),
        ("김민준", "김민준"),
        ("", ""),
    ],
)
def test_formula_like_cells_are_neutralised_and_phones_kept(raw: str, written: str) -> None:
    assert neutralise_formula(raw) == written


def test_formula_cell_reads_back_with_apostrophe(tmp_path: Path) -> None:
    target = tmp_path / "evil.csv"
    write_csv(target, ["name"], [["=1+1"]])
    assert read_csv(target)[1] == [["'=1+1"]]


def test_ragged_row_writes_nothing_and_keeps_previous_file(tmp_path: Path) -> None:
    out = tmp_path / "out"
    target = out / "orders.csv"
    write_csv(target, ["a", "b"], [["1", "2"]])
    before = target.read_bytes()

    with pytest.raises(ExportError, match="Row 2 has 1 values for 2 columns"):
        write_csv(target, ["a", "b"], [["3", "4"], ["5"]])

    assert target.read_bytes() == before
    assert [p.name for p in out.iterdir()] == ["orders.csv"]


def test_unwritable_destination_is_a_sentence(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(ExportError, match="Could not write"):
        write_csv(blocker / "orders.csv", ["a"], [["1"]])


def test_reading_a_non_utf8_file_is_a_sentence(tmp_path: Path) -> None:
    target = tmp_path / "cp949.csv"
    target.write_bytes("김민준".encode("cp949"))
    with pytest.raises(ExportError, match="not a UTF-8 text file"):
        read_csv(target)


def _entry(
    name: str, when: dt.datetime, status: str = "New", option: str = "Morning"
) -> ManifestEntry:
    return ManifestEntry(
        use_at=when,
        product_name="Seoraksan day trip",
        option_name=option,
        traveler_name=name,
        phone="+82 10-0000-0000",
        email=f"{name}@example.com",
        national_code="KR",
        ticket_code=f"t-{name}",
        ticket_status=status,
        ax_order_code="ax-1",
        ax_order_status="Supplier confirm",
        channel_order_code="c-1",
    )


def test_manifest_picks_the_local_day_sorts_and_skips_cancelled(tmp_path: Path) -> None:
    day = dt.date(2025, 3, 1)
    # 23:30 UTC on Feb 28 is 08:30 on Mar 1 in Seoul: it belongs to the manifest.
    early = dt.datetime(2025, 2, 28, 23, 30, tzinfo=dt.UTC)
    afternoon = dt.datetime(2025, 3, 1, 14, 0, tzinfo=SEOUL)
    next_day = dt.datetime(2025, 3, 2, 9, 0, tzinfo=SEOUL)
    entries = [
        _entry("박지훈", afternoon),
        _entry("김민준", afternoon),
        _entry("최유나", early, option="Dawn"),
        _entry("정하늘", afternoon, status="Traveler canceled"),
        _entry("한가람", next_day),
    ]

    rows = manifest_rows(entries, day, timezone=SEOUL)

    assert [row[4] for row in rows] == ["최유나", "김민준", "박지훈"]
    assert rows[0][:2] == [day, dt.time(8, 30)]
    assert len(rows[0]) == len(MANIFEST_FIELDS)
    with_cancelled = manifest_rows(entries, day, timezone=SEOUL, include_cancelled=True)
    assert "정하늘" in [row[4] for row in with_cancelled]

    target = tmp_path / "manifest.csv"
    write_csv(target, MANIFEST_FIELDS, rows)
    header, read_back = read_csv(target)
    assert header == list(MANIFEST_FIELDS)
    assert read_back == [[cell_text(value) for value in row] for row in rows]
    assert read_back[0][:2] == ["2025-03-01", "08:30"]


def test_manifest_file_opens_as_utf8_with_bom(tmp_path: Path) -> None:
    target = tmp_path / "m.csv"
    write_csv(
        target,
        MANIFEST_FIELDS,
        manifest_rows(
            [_entry("김민준", dt.datetime(2025, 3, 1, 9, 0, tzinfo=SEOUL))],
            dt.date(2025, 3, 1),
            timezone=SEOUL,
        ),
    )
    raw = target.read_bytes()
    assert raw[:3] == b"\xef\xbb\xbf"
    assert "김민준" in raw.decode(CSV_ENCODING)
