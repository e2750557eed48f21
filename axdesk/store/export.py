"""CSV export of the orders table and of a per-date traveler manifest (with the notes the
order sent: the traveler's note and additional fields, the purchaser's note, the comment).

The files are written as UTF-8 *with* a byte-order mark: Excel on Windows
opens a BOM-less UTF-8 CSV as the local code page and turns Korean names into
mojibake, while every other reader (LibreOffice, Python's ``csv`` with
``utf-8-sig``, Numbers) skips the mark.

Two things make a cell differ from the value it came from:

- values are turned into text once, here (:func:`cell_text`): money as plain
  decimals, never float; datetimes in ISO 8601 with their offset;
- a cell that a spreadsheet would run as a formula (it starts with ``=``,
  ``@``, a tab or a carriage return, or with ``+``/``-`` and is not a plain
  number or phone number) is written with a leading apostrophe. Names and
  comments come from travelers and from the server, and an exported manifest
  must never run code when the operator opens it. A phone like
  ``+82 10-1234-5678`` is kept as it is.

Nothing here imports Qt; the Orders tab runs these functions on the worker.
"""

from __future__ import annotations

import csv
import datetime as dt
import enum
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from axdesk.store.files import atomic_write_bytes

CSV_ENCODING = "utf-8-sig"
"""UTF-8 with a byte-order mark, so Excel reads Korean text correctly."""

_FORMULA_TRIGGERS = ("=", "@", "\t", "\r")
_PLAIN_SIGNED_NUMBER = re.compile(r"[+-][0-9][0-9 ().-]*")

CellValue = str | int | Decimal | dt.datetime | dt.date | dt.time | enum.Enum | None


class ExportError(Exception):
    """A file could not be written or read; ``str(err)`` is a sentence for the user."""


def cell_text(value: CellValue) -> str:
    """The text written for one value (before formula neutralising)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            raise ValueError("naive datetime in an export; datetimes must be timezone-aware")
        return value.isoformat(timespec="seconds")
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        label = getattr(value, "label", None)
        return str(label) if isinstance(label, str) else str(value.value)
    return str(value)


def neutralise_formula(text: str) -> str:
    """Prefix an apostrophe to text a spreadsheet would evaluate as a formula."""
    if not text:
        return text
    if text.startswith(_FORMULA_TRIGGERS):
        return "'" + text
    if text[0] in "+-" and not _PLAIN_SIGNED_NUMBER.fullmatch(text):
        return "'" + text
    return text


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[CellValue]]) -> int:
    """Write ``header`` and ``rows`` to ``path`` atomically; returns the number of rows.

    The rows are written out in memory first, then to a file next to the
    destination that is renamed over it (:func:`~axdesk.store.files.atomic_write_bytes`),
    so an error (disk full, a value that cannot be written) never leaves a
    half-written CSV behind, and an existing file is replaced only by a
    complete one. Raises :class:`ExportError` with a sentence on failure.
    """
    path = Path(path)
    width = len(header)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, dialect="excel")
    writer.writerow([neutralise_formula(cell_text(name)) for name in header])
    count = 0
    for row in rows:
        if len(row) != width:
            raise ExportError(
                f"Row {count + 1} has {len(row)} values for {width} columns; nothing was written."
            )
        writer.writerow([neutralise_formula(cell_text(value)) for value in row])
        count += 1
    try:
        atomic_write_bytes(path, buffer.getvalue().encode(CSV_ENCODING))
    except OSError as error:
        raise ExportError(f"Could not write {path}: {error.strerror or error}.") from error
    return count


def read_csv(path: Path) -> tuple[list[str], list[list[str]]]:
    """Read a CSV written by :func:`write_csv`: ``(header, rows)`` as text."""
    try:
        with Path(path).open(encoding=CSV_ENCODING, newline="") as handle:
            records = list(csv.reader(handle, dialect="excel"))
    except OSError as error:
        raise ExportError(f"Could not read {path}: {error.strerror or error}.") from error
    except UnicodeDecodeError as error:
        raise ExportError(f"{path} is not a UTF-8 text file.") from error
    if not records:
        return [], []
    return records[0], records[1:]


@dataclass(frozen=True)
class ManifestEntry:
    """One traveler's ticket on one day, as the guide's list needs it."""

    use_at: dt.datetime
    product_name: str
    option_name: str
    traveler_name: str
    phone: str
    email: str
    national_code: str
    ticket_code: str
    ticket_status: str
    ax_order_code: str
    ax_order_status: str
    channel_order_code: str
    traveler_note: str = ""
    traveler_additional: str = ""
    """The traveler's additional fields, ``name: value; name: value``."""
    purchaser_note: str = ""
    order_comment: str = ""


MANIFEST_FIELDS: tuple[str, ...] = (
    "date",
    "time",
    "product",
    "option",
    "traveler",
    "phone",
    "email",
    "national_code",
    "ticket_code",
    "ticket_status",
    "ax_order_code",
    "ax_order_status",
    "channel_order_code",
    "traveler_note",
    "additional",
    "purchaser_note",
    "order_comment",
)
"""Machine names of the manifest columns, in order (the UI shows translated titles)."""

CANCELLED_TICKET_STATUSES = frozenset({"Traveler canceled", "Supplier canceled"})


def manifest_rows(
    entries: Iterable[ManifestEntry],
    day: dt.date,
    *,
    timezone: dt.tzinfo,
    include_cancelled: bool = False,
) -> list[list[CellValue]]:
    """The manifest for ``day`` (in the supplier's ``timezone``), one row per traveler.

    Sorted by start time, then option and traveler name. Cancelled tickets are
    left out unless ``include_cancelled``: a guide counts the people who come.
    """
    chosen: list[tuple[dt.datetime, ManifestEntry]] = []
    for entry in entries:
        if entry.use_at.tzinfo is None:
            raise ValueError("manifest entry with a naive use time")
        local = entry.use_at.astimezone(timezone)
        if local.date() != day:
            continue
        if not include_cancelled and entry.ticket_status in CANCELLED_TICKET_STATUSES:
            continue
        chosen.append((local, entry))
    chosen.sort(key=lambda item: (item[0], item[1].option_name, item[1].traveler_name))
    return [
        [
            local.date(),
            local.time(),
            entry.product_name,
            entry.option_name,
            entry.traveler_name,
            entry.phone,
            entry.email,
            entry.national_code,
            entry.ticket_code,
            entry.ticket_status,
            entry.ax_order_code,
            entry.ax_order_status,
            entry.channel_order_code,
            entry.traveler_note,
            entry.traveler_additional,
            entry.purchaser_note,
            entry.order_comment,
        ]
        for local, entry in chosen
    ]
