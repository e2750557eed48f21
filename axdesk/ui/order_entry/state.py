"""What the New order form holds, as plain data (no Qt).

The form's widgets read and write an :class:`OrderFormState`. Everything is
kept as the user typed it (amounts stay text) so that a half-typed order can
be saved as a draft and restored exactly; :mod:`axdesk.ui.order_entry.rules`
says what is wrong with it and :func:`axdesk.ui.order_entry.request.build_request`
turns a valid state into the Create Order body when the order is sent.

Drafts are JSON (:meth:`OrderFormState.to_dict` / :meth:`OrderFormState.from_json`,
written by :mod:`axdesk.ui.order_entry.drafts`); reading is forgiving, because a
draft written by an older axdesk, or damaged, must never stop the form from opening.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from typing import Any

from axdesk.api.money import CURRENCIES

DRAFT_VERSION = 1
DEFAULT_CURRENCY = "KRW"
DEFAULT_NATIONAL_CODE = "82"

PERSON_FIELDS = ("name", "national_code", "phone", "email", "extra")


@dataclass
class PersonState:
    """A purchaser, a representative or a traveler, as typed."""

    name: str = ""
    national_code: str = DEFAULT_NATIONAL_CODE
    phone: str = ""
    email: str = ""
    extra: str = ""
    additional: list[tuple[str, str]] = field(default_factory=list)

    def is_blank(self) -> bool:
        """True when nothing but the default country code was typed."""
        return not (
            self.name.strip()
            or self.phone.strip()
            or self.email.strip()
            or self.extra.strip()
            or any(key.strip() or value.strip() for key, value in self.additional)
        )

    def copy(self) -> PersonState:
        return PersonState(
            name=self.name,
            national_code=self.national_code,
            phone=self.phone,
            email=self.email,
            extra=self.extra,
            additional=list(self.additional),
        )

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {name: getattr(self, name) for name in PERSON_FIELDS}
        data["additional"] = [[key, value] for key, value in self.additional]
        return data

    @classmethod
    def from_dict(cls, data: object) -> PersonState:
        if not isinstance(data, dict):
            return cls()
        person = cls()
        for name in PERSON_FIELDS:
            value = data.get(name)
            if isinstance(value, str):
                setattr(person, name, value)
        pairs = data.get("additional")
        if isinstance(pairs, list):
            person.additional = [
                (str(pair[0]), str(pair[1]))
                for pair in pairs
                if isinstance(pair, (list, tuple)) and len(pair) == 2
            ]
        return person


@dataclass
class LineState:
    """One option bought: a depth combination at one slot, with its travelers.

    ``travelers`` always has ``quantity`` entries (see :meth:`resize_travelers`).
    """

    product_code: str = ""
    dc_code: str = ""
    date: dt.date | None = None
    start_time: dt.time | None = None
    quantity: int = 1
    unit_price: str = ""
    discount: str = ""
    discount_method: str = ""
    travelers: list[PersonState] = field(default_factory=lambda: [PersonState()])

    def is_blank(self) -> bool:
        return not self.product_code and all(t.is_blank() for t in self.travelers)

    def resize_travelers(self, quantity: int) -> None:
        """Make ``travelers`` exactly ``quantity`` long (new rows are blank)."""
        quantity = max(0, quantity)
        self.quantity = quantity
        if len(self.travelers) > quantity:
            del self.travelers[quantity:]
        while len(self.travelers) < quantity:
            self.travelers.append(PersonState())

    def to_dict(self) -> dict[str, Any]:
        return {
            "product_code": self.product_code,
            "dc_code": self.dc_code,
            "date": self.date.isoformat() if self.date else None,
            "start_time": self.start_time.strftime("%H:%M") if self.start_time else None,
            "quantity": self.quantity,
            "unit_price": self.unit_price,
            "discount": self.discount,
            "discount_method": self.discount_method,
            "travelers": [traveler.to_dict() for traveler in self.travelers],
        }

    @classmethod
    def from_dict(cls, data: object) -> LineState:
        line = cls()
        if not isinstance(data, dict):
            return line
        for name in ("product_code", "dc_code", "unit_price", "discount", "discount_method"):
            value = data.get(name)
            if isinstance(value, str):
                setattr(line, name, value)
        line.date = _read_date(data.get("date"))
        line.start_time = _read_time(data.get("start_time"))
        travelers = data.get("travelers")
        if isinstance(travelers, list):
            line.travelers = [PersonState.from_dict(item) for item in travelers]
        quantity = data.get("quantity")
        if isinstance(quantity, int) and not isinstance(quantity, bool) and 0 <= quantity <= 999:
            line.resize_travelers(quantity)
        else:
            line.resize_travelers(max(1, len(line.travelers)))
        return line


@dataclass
class OrderFormState:
    """The whole New order form."""

    purchaser: PersonState = field(default_factory=PersonState)
    needs_more_information: bool = False
    representative_same: bool = True
    representative: PersonState = field(default_factory=PersonState)
    currency: str = DEFAULT_CURRENCY
    is_voucher: bool = False
    comment: str = ""
    order_discount: str = ""
    order_discount_method: str = ""
    lines: list[LineState] = field(default_factory=lambda: [LineState()])

    def is_blank(self) -> bool:
        """True for a form nobody has typed into (nothing worth a draft)."""
        return (
            self.purchaser.is_blank()
            and (self.representative_same or self.representative.is_blank())
            and not self.comment.strip()
            and not self.order_discount.strip()
            and not self.order_discount_method.strip()
            and all(line.is_blank() for line in self.lines)
        )

    def effective_representative(self) -> PersonState:
        return self.purchaser if self.representative_same else self.representative

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": DRAFT_VERSION,
            "purchaser": self.purchaser.to_dict(),
            "needs_more_information": self.needs_more_information,
            "representative_same": self.representative_same,
            "representative": self.representative.to_dict(),
            "currency": self.currency,
            "is_voucher": self.is_voucher,
            "comment": self.comment,
            "order_discount": self.order_discount,
            "order_discount_method": self.order_discount_method,
            "lines": [line.to_dict() for line in self.lines],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_dict(cls, data: object) -> OrderFormState:
        state = cls()
        if not isinstance(data, dict):
            return state
        state.purchaser = PersonState.from_dict(data.get("purchaser"))
        state.representative = PersonState.from_dict(data.get("representative"))
        for name in ("needs_more_information", "representative_same", "is_voucher"):
            value = data.get(name)
            if isinstance(value, bool):
                setattr(state, name, value)
        for name in ("comment", "order_discount", "order_discount_method"):
            value = data.get(name)
            if isinstance(value, str):
                setattr(state, name, value)
        currency = data.get("currency")
        if isinstance(currency, str) and currency in CURRENCIES:
            state.currency = currency
        lines = data.get("lines")
        if isinstance(lines, list) and lines:
            state.lines = [LineState.from_dict(item) for item in lines]
        return state

    @classmethod
    def from_json(cls, text: str) -> OrderFormState:
        """Read a draft; anything unreadable gives back what could be read (or a blank form)."""
        try:
            data = json.loads(text)
        except (ValueError, TypeError):
            return cls()
        return cls.from_dict(data)


def _read_date(value: object) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _read_time(value: object) -> dt.time | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.time.fromisoformat(value)
    except ValueError:
        return None


# --- additional fields typed as text in the traveler table ---------------------


def format_additional(pairs: list[tuple[str, str]]) -> str:
    """``[("english_name", "Kim")]`` -> ``"english_name=Kim"`` (pairs joined by "; ")."""
    return "; ".join(f"{key}={value}" for key, value in pairs if key or value)


def parse_additional(text: str) -> list[tuple[str, str]]:
    """Read ``"key=value; key2=value2"``; a piece without "=" becomes a key with no value
    (the validation reports it)."""
    pairs: list[tuple[str, str]] = []
    for piece in text.split(";"):
        if not piece.strip():
            continue
        key, _, value = piece.partition("=")
        pairs.append((key.strip(), value.strip()))
    return pairs


# --- dates typed by the user ---------------------------------------------------------

_ISO_DATE = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_COMPACT_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})")
_MONTH_DAY = re.compile(r"(\d{1,2})[-/.](\d{1,2})")


def parse_date_text(text: str, today: dt.date) -> dt.date | None:
    """Read a date as typed: "2026-11-23", "2026/11/23", "20261123", or "11-23" / "11/23"
    (the next such day from ``today`` on). None when it is not (yet) a date."""
    cleaned = text.strip()
    match = _ISO_DATE.fullmatch(cleaned) or _COMPACT_DATE.fullmatch(cleaned)
    try:
        if match:
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        match = _MONTH_DAY.fullmatch(cleaned)
        if match:
            month, day = int(match[1]), int(match[2])
            candidate = dt.date(today.year, month, day)
            return candidate if candidate >= today else dt.date(today.year + 1, month, day)
    except ValueError:
        return None
    return None
