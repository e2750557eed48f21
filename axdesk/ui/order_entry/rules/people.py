"""The rules for one person: purchaser, representative or traveler (no Qt).

Each check looks at one field as typed and returns what it found (a sentence
template and its values) or None; :func:`validate_person` runs them all for a
person and files the issues under the person's field keys.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import phonenumbers

from axdesk.store.search import calling_code_region
from axdesk.ui.order_entry.rules.fields import person_key
from axdesk.ui.order_entry.rules.issue import (
    QT_TRANSLATE_NOOP,
    Collector,
    Found,
    Issue,
    required_sentence,
)
from axdesk.ui.order_entry.state import PersonState

_EMAIL = re.compile(
    r"[^@\s\"(),:;<>\[\]\\]+@(?:[^\W_](?:[\w-]*[^\W_])?\.)+[^\W\d_][\w-]*[^\W_]",
)


def is_valid_email(text: str) -> bool:
    """Plain address syntax: ``local@domain.tld`` (no display names, no spaces)."""
    text = text.strip()
    if len(text) > 254 or not _EMAIL.fullmatch(text):
        return False
    local = text.rsplit("@", 1)[0]
    return not (local.startswith(".") or local.endswith(".") or ".." in local)


def check_national_code(code_text: str) -> Found | None:
    if not code_text.strip():
        return required_sentence(
            QT_TRANSLATE_NOOP(
                "OrderValidation", "Enter the country calling code, for example 82 for Korea."
            )
        ), ()
    if calling_code_region(code_text) is None:
        return (
            QT_TRANSLATE_NOOP(
                "OrderValidation",
                "“%1” is not a country calling code (82 is Korea, 1 the USA, 81 Japan).",
            ),
            (code_text.strip(),),
        )
    return None


def parse_phone(code_text: str, phone: str) -> phonenumbers.PhoneNumber | None:
    region = calling_code_region(code_text)
    if region is None or not phone.strip():
        return None
    try:
        return phonenumbers.parse(phone, region)
    except phonenumbers.NumberParseException:
        return None


def check_phone(code_text: str, phone: str) -> Found | None:
    """A phone number must be a real number of the country its calling code names."""
    if not phone.strip():
        return required_sentence(QT_TRANSLATE_NOOP("OrderValidation", "Enter a phone number.")), ()
    region = calling_code_region(code_text)
    if region is None:
        return None  # the country code field carries the problem
    code = code_text.strip().lstrip("+").strip()
    number = parse_phone(code_text, phone)
    if number is None:
        return QT_TRANSLATE_NOOP("OrderValidation", "“%1” is not a phone number."), (phone.strip(),)
    if number.country_code != int(code):
        return (
            QT_TRANSLATE_NOOP(
                "OrderValidation",
                "This number is for +%1, but the country code says +%2.",
            ),
            (str(number.country_code), code),
        )
    if not phonenumbers.is_valid_number(number):
        return (
            QT_TRANSLATE_NOOP("OrderValidation", "“%1” is not a valid phone number for +%2 (%3)."),
            (phone.strip(), code, region),
        )
    return None


def wire_phone(code_text: str, phone: str) -> str:
    """The phone as AX wants it: the national number's digits ("01012345678").

    Falls back to the typed digits when the number cannot be read.
    """
    number = parse_phone(code_text, phone)
    if number is not None and phonenumbers.is_valid_number(number):
        national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
        return re.sub(r"\D", "", national)
    return re.sub(r"[^\d+]", "", phone)


def wire_national_code(code_text: str) -> str:
    return code_text.strip().lstrip("+").strip()


def check_email(email: str) -> Found | None:
    if not email.strip():
        return required_sentence(
            QT_TRANSLATE_NOOP("OrderValidation", "Enter an email address.")
        ), ()
    if not is_valid_email(email):
        return (
            QT_TRANSLATE_NOOP(
                "OrderValidation",
                "“%1” is not an email address; it should look like name@example.com.",
            ),
            (email.strip(),),
        )
    return None


def check_additional(pairs: Sequence[tuple[str, str]]) -> Found | None:
    seen: set[str] = set()
    for key, value in pairs:
        if not key.strip():
            if value.strip():
                return (
                    QT_TRANSLATE_NOOP(
                        "OrderValidation",
                        "The additional value “%1” has no field name; write name=value.",
                    ),
                    (value.strip(),),
                )
            continue
        if key.strip() in seen:
            return QT_TRANSLATE_NOOP(
                "OrderValidation", "The additional field “%1” is given twice."
            ), (key.strip(),)
        seen.add(key.strip())
    return None


def validate_person(
    person: PersonState, prefix: str, collect: Collector | None = None
) -> list[Issue]:
    """Name, country code, phone, email and additional fields of one person."""
    out = collect or Collector()
    if not person.name.strip():
        out.add(
            person_key(prefix, "name"),
            (required_sentence(QT_TRANSLATE_NOOP("OrderValidation", "Enter a name.")), ()),
        )
    out.add(person_key(prefix, "national_code"), check_national_code(person.national_code))
    out.add(person_key(prefix, "phone"), check_phone(person.national_code, person.phone))
    out.add(person_key(prefix, "email"), check_email(person.email))
    out.add(person_key(prefix, "additional"), check_additional(person.additional))
    return out.issues
