"""Every rule a New order must pass before it is sent (no Qt, unit-testable).

:func:`validate_order` looks at an :class:`~axdesk.ui.order_entry.state.OrderFormState`
and returns :class:`Issue` objects. Each issue names the field it belongs to
with a *field key* (``"purchaser.email"``, ``"lines[0].quantity"``,
``"lines[1].travelers[0].phone"``, ``"order.total"``) so the form can paint
that very widget red and put the sentence next to it.

Sentences are English templates marked for Qt's translation tools with
``QT_TRANSLATE_NOOP("OrderValidation", ...)``; the UI translates the template
and then fills in the values (:meth:`Issue.sentence`).

The same keys are used for the per-field errors a server sends back
(``"depth_combinations[0].tickets[1].email: ..."``): see :func:`server_error_field`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

import phonenumbers

from axdesk.api.money import CURRENCIES, MINOR_UNIT_DIGITS
from axdesk.store.search import calling_code_region
from axdesk.ui.common.money_text import decimal_places, format_money, parse_amount_text
from axdesk.ui.order_entry.state import LineState, OrderFormState, PersonState
from axdesk.ui.order_entry.totals import FormTotals, compute_form_totals

CONTEXT = "OrderValidation"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation in ``context`` without translating it here.

    Named like Qt's macro because that is the name ``pyside6-lupdate`` collects.
    """
    return text


class _Required(str):
    """A sentence that says a required field is empty (see :attr:`Issue.missing`)."""

    __slots__ = ()


def _required(template: str) -> str:
    """Mark a sentence as "this required field is empty" (see :attr:`Issue.missing`)."""
    return _Required(template)


@dataclass(frozen=True)
class Issue:
    """One thing wrong with the form: where, and a sentence saying what to do.

    ``missing`` is True for a required field left empty: the form shows
    those only once the field was touched (or on a send attempt), while a
    wrong value is shown as soon as it is typed.
    """

    field: str
    template: str
    args: Mapping[str, str] = dataclasses.field(default_factory=dict)
    missing: bool = False

    def sentence(self, translate: Callable[[str], str] | None = None) -> str:
        """The sentence, with ``translate`` applied to the template before the values."""
        template = translate(self.template) if translate else self.template
        return template.format(**self.args)


@dataclass(frozen=True)
class SlotAvailability:
    """What the live inventory says about a line's slot.

    ``found`` is False when the inventory was read and has no such departure;
    ``seats_left`` is None while it is not known yet.
    """

    seats_left: int | None = None
    on_sale: bool = True
    found: bool = True


# --- field keys -----------------------------------------------------------------


def person_key(prefix: str, name: str) -> str:
    return f"{prefix}.{name}"


def line_key(line: int, name: str) -> str:
    return f"lines[{line}].{name}"


def traveler_key(line: int, row: int, name: str) -> str:
    return f"lines[{line}].travelers[{row}].{name}"


_TRAVELER_KEY = re.compile(r"lines\[(\d+)\]\.travelers\[(\d+)\]\.(\w+)")
_LINE_KEY = re.compile(r"lines\[(\d+)\]\.(\w+)")


def parse_traveler_key(key: str) -> tuple[int, int, str] | None:
    match = _TRAVELER_KEY.fullmatch(key)
    return (int(match[1]), int(match[2]), match[3]) if match else None


def parse_line_key(key: str) -> tuple[int, str] | None:
    match = _LINE_KEY.fullmatch(key)
    return (int(match[1]), match[2]) if match else None


# Wire names -> form names, for the server's per-field errors.
_WIRE_LINE_FIELDS = {
    "channel_product_mapping_code": "option",
    "dc_code": "option",
    "quantity": "quantity",
    "inventory_at": "time",
    "unit_selling_price": "unit_price",
    "amount_price": "unit_price",
    "discount": "discount",
    "discount_method": "discount_method",
    "tickets": "quantity",
}
_WIRE_ORDER_FIELDS = {
    "sub_total": "order.total",
    "total": "order.total",
    "discount": "order.discount",
    "discount_method": "order.discount_method",
    "currency": "order.currency",
    "is_voucher": "order.is_voucher",
    "comment": "order.comment",
}
_WIRE_PERSON_FIELDS = {
    "name": "name",
    "national_code": "national_code",
    "phone": "phone",
    "email": "email",
    "extra": "extra",
    "additional": "additional",
    "is_required_more_information": "needs_more_information",
}
_WIRE_PATH = re.compile(
    r"\s*(?P<path>[A-Za-z_]+(?:\[\d+\])?(?:\.[A-Za-z_]+(?:\[\d+\])?)*)\s*:\s*(?P<message>.*)",
    re.DOTALL,
)


def server_error_field(entry: str) -> tuple[str | None, str]:
    """Split one of the server's ``errors`` entries into (field key, message).

    ``"depth_combinations[0].tickets[1].email: not an email"`` ->
    ``("lines[0].travelers[1].email", "not an email")``. An entry naming no
    field the form has gives ``(None, entry)``.
    """
    match = _WIRE_PATH.fullmatch(entry)
    if not match:
        return None, entry.strip()
    path, message = match["path"], match["message"].strip()
    parts = re.findall(r"([A-Za-z_]+)(?:\[(\d+)\])?", path)
    if not parts:
        return None, entry.strip()
    head, head_index = parts[0]
    rest = parts[1:]
    if head == "depth_combinations" and head_index:
        line = int(head_index)
        if not rest:
            return line_key(line, "option"), message
        name, index = rest[0]
        if name == "tickets" and index and len(rest) > 1:
            wire_field = rest[1][0]
            return traveler_key(line, int(index), _WIRE_PERSON_FIELDS.get(wire_field, "name")), (
                message
            )
        return line_key(line, _WIRE_LINE_FIELDS.get(name, "option")), message
    if head == "order" and rest:
        name = rest[0][0]
        if name in ("channel_order_code", "channel_order_id", "purchased_at", "status"):
            return None, entry.strip()
        return _WIRE_ORDER_FIELDS.get(name, "order.total"), message
    if head in ("purchaser", "representative") and rest:
        name = _WIRE_PERSON_FIELDS.get(rest[0][0])
        if name == "needs_more_information":
            return "purchaser.needs_more_information", message
        if name:
            return person_key(head, name), message
    return None, entry.strip()


# --- single-field checks (used inline and by validate_order) ---------------------

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


def check_national_code(code_text: str) -> tuple[str, dict[str, str]] | None:
    if not code_text.strip():
        return _required(
            QT_TRANSLATE_NOOP(
                "OrderValidation", "Enter the country calling code, for example 82 for Korea."
            )
        ), {}
    if calling_code_region(code_text) is None:
        return (
            QT_TRANSLATE_NOOP(
                "OrderValidation",
                "“{value}” is not a country calling code (82 is Korea, 1 the USA, 81 Japan).",
            ),
            {"value": code_text.strip()},
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


def check_phone(code_text: str, phone: str) -> tuple[str, dict[str, str]] | None:
    """A phone number must be a real number of the country its calling code names."""
    if not phone.strip():
        return _required(QT_TRANSLATE_NOOP("OrderValidation", "Enter a phone number.")), {}
    region = calling_code_region(code_text)
    if region is None:
        return None  # the country code field carries the problem
    code = code_text.strip().lstrip("+").strip()
    number = parse_phone(code_text, phone)
    if number is None:
        return QT_TRANSLATE_NOOP("OrderValidation", "“{value}” is not a phone number."), {
            "value": phone.strip()
        }
    if number.country_code != int(code):
        return (
            QT_TRANSLATE_NOOP(
                "OrderValidation",
                "This number is for +{actual}, but the country code says +{code}.",
            ),
            {"actual": str(number.country_code), "code": code},
        )
    if not phonenumbers.is_valid_number(number):
        return (
            QT_TRANSLATE_NOOP(
                "OrderValidation", "“{value}” is not a valid phone number for +{code} ({region})."
            ),
            {"value": phone.strip(), "code": code, "region": region},
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


def check_email(email: str) -> tuple[str, dict[str, str]] | None:
    if not email.strip():
        return _required(QT_TRANSLATE_NOOP("OrderValidation", "Enter an email address.")), {}
    if not is_valid_email(email):
        return (
            QT_TRANSLATE_NOOP(
                "OrderValidation",
                "“{value}” is not an email address; it should look like name@example.com.",
            ),
            {"value": email.strip()},
        )
    return None


def check_additional(pairs: Sequence[tuple[str, str]]) -> tuple[str, dict[str, str]] | None:
    seen: set[str] = set()
    for key, value in pairs:
        if not key.strip():
            if value.strip():
                return (
                    QT_TRANSLATE_NOOP(
                        "OrderValidation",
                        "The additional value “{value}” has no field name; write name=value.",
                    ),
                    {"value": value.strip()},
                )
            continue
        if key.strip() in seen:
            return QT_TRANSLATE_NOOP(
                "OrderValidation", "The additional field “{key}” is given twice."
            ), {"key": key.strip()}
        seen.add(key.strip())
    return None


def check_amount(text: str, currency: str, *, required: bool) -> tuple[str, dict[str, str]] | None:
    """An amount typed in a price or discount field."""
    if not text.strip():
        return (
            (_required(QT_TRANSLATE_NOOP("OrderValidation", "Enter a price.")), {})
            if required
            else None
        )
    amount = parse_amount_text(text)
    if amount is None:
        return QT_TRANSLATE_NOOP("OrderValidation", "“{value}” is not an amount."), {
            "value": text.strip()
        }
    if amount < 0:
        return QT_TRANSLATE_NOOP("OrderValidation", "An amount cannot be negative."), {}
    places = MINOR_UNIT_DIGITS.get(currency)
    if places is not None and decimal_places(amount) > places:
        if places == 0:
            return QT_TRANSLATE_NOOP("OrderValidation", "{currency} amounts are whole numbers."), {
                "currency": currency
            }
        return (
            QT_TRANSLATE_NOOP(
                "OrderValidation", "{currency} amounts have at most {places} decimals."
            ),
            {"currency": currency, "places": str(places)},
        )
    return None


# --- the whole form ----------------------------------------------------------------


class _Collector:
    def __init__(self) -> None:
        self.issues: list[Issue] = []

    def add(self, key: str, found: tuple[str, dict[str, str]] | None) -> None:
        if found is not None:
            template, args = found
            self.issues.append(Issue(key, template, args, isinstance(template, _Required)))


def validate_person(
    person: PersonState, prefix: str, collect: _Collector | None = None
) -> list[Issue]:
    """Name, country code, phone, email and additional fields of one person."""
    out = collect or _Collector()
    if not person.name.strip():
        out.add(
            person_key(prefix, "name"),
            (_required(QT_TRANSLATE_NOOP("OrderValidation", "Enter a name.")), {}),
        )
    out.add(person_key(prefix, "national_code"), check_national_code(person.national_code))
    out.add(person_key(prefix, "phone"), check_phone(person.national_code, person.phone))
    out.add(person_key(prefix, "email"), check_email(person.email))
    out.add(person_key(prefix, "additional"), check_additional(person.additional))
    return out.issues


def validate_order(
    state: OrderFormState,
    *,
    availability: Sequence[SlotAvailability | None] = (),
    known_options: Mapping[tuple[str, str], str] | None = None,
    today: dt.date | None = None,
    totals: FormTotals | None = None,
) -> list[Issue]:
    """Every problem of the form, in the order the fields appear.

    ``availability[i]`` is what the inventory says about line ``i``'s slot (None
    or missing: not known yet, which is not an error here; the seats are
    checked again just before sending). ``known_options`` maps the catalog's
    (product code, option code) pairs to the option's currency; ``today`` is
    the supplier's date.
    """
    out = _Collector()
    validate_person(state.purchaser, "purchaser", out)
    if not state.representative_same:
        validate_person(state.representative, "representative", out)
    if state.currency not in CURRENCIES:
        out.add(
            "order.currency",
            (
                QT_TRANSLATE_NOOP("OrderValidation", "Choose the currency: {choices}."),
                {"choices": ", ".join(CURRENCIES)},
            ),
        )
    currency = state.currency
    if not state.lines:
        out.add(
            "order.lines",
            (_required(QT_TRANSLATE_NOOP("OrderValidation", "Add at least one line.")), {}),
        )
    for index, line in enumerate(state.lines):
        slot = availability[index] if index < len(availability) else None
        _validate_line(out, index, line, currency, slot, known_options, today)
    _validate_shared_slots(out, state.lines, availability)
    out.add("order.discount", check_amount(state.order_discount, currency, required=False))
    totals = totals or compute_form_totals(state)
    if totals.total is not None and totals.total < 0 and totals.sub_total is not None:
        out.add(
            "order.total",
            (
                QT_TRANSLATE_NOOP(
                    "OrderValidation",
                    "The total is negative: the discount ({discount}) is larger than "
                    "the sub-total ({sub_total}).",
                ),
                {
                    "discount": format_money(totals.order_discount or Decimal(0), currency),
                    "sub_total": format_money(totals.sub_total, currency),
                },
            ),
        )
    return out.issues


def _validate_line(
    out: _Collector,
    index: int,
    line: LineState,
    currency: str,
    slot: SlotAvailability | None,
    known_options: Mapping[tuple[str, str], str] | None,
    today: dt.date | None,
) -> None:
    if not line.product_code:
        out.add(
            line_key(index, "product"),
            (_required(QT_TRANSLATE_NOOP("OrderValidation", "Choose a product.")), {}),
        )
    elif not line.dc_code:
        out.add(
            line_key(index, "option"),
            (_required(QT_TRANSLATE_NOOP("OrderValidation", "Choose an option.")), {}),
        )
    elif known_options is not None and (line.product_code, line.dc_code) not in known_options:
        out.add(
            line_key(index, "option"),
            (
                QT_TRANSLATE_NOOP(
                    "OrderValidation",
                    "This option is no longer in the catalog; choose another one.",
                ),
                {},
            ),
        )
    elif (
        known_options is not None
        and known_options[(line.product_code, line.dc_code)] != currency
        and currency in CURRENCIES
    ):
        out.add(
            line_key(index, "option"),
            (
                QT_TRANSLATE_NOOP(
                    "OrderValidation",
                    "This option is sold in {option_currency}, but the order is in {currency}; "
                    "change the order's currency.",
                ),
                {
                    "option_currency": known_options[(line.product_code, line.dc_code)],
                    "currency": currency,
                },
            ),
        )
    if line.date is None:
        out.add(
            line_key(index, "date"),
            (_required(QT_TRANSLATE_NOOP("OrderValidation", "Choose a date.")), {}),
        )
    elif today is not None and line.date < today:
        out.add(
            line_key(index, "date"),
            (
                QT_TRANSLATE_NOOP("OrderValidation", "{date} is in the past."),
                {"date": line.date.isoformat()},
            ),
        )
    if line.start_time is None:
        out.add(
            line_key(index, "time"),
            (_required(QT_TRANSLATE_NOOP("OrderValidation", "Choose a start time.")), {}),
        )
    elif slot is not None and not slot.found:
        out.add(
            line_key(index, "time"),
            (
                QT_TRANSLATE_NOOP(
                    "OrderValidation", "There is no departure at {time} on this date."
                ),
                {"time": line.start_time.strftime("%H:%M")},
            ),
        )
    elif slot is not None and not slot.on_sale:
        out.add(
            line_key(index, "time"),
            (QT_TRANSLATE_NOOP("OrderValidation", "This departure is not on sale."), {}),
        )
    if line.quantity < 1:
        out.add(
            line_key(index, "quantity"),
            (QT_TRANSLATE_NOOP("OrderValidation", "Sell at least one ticket."), {}),
        )
    elif (
        slot is not None
        and slot.found
        and slot.seats_left is not None
        and line.quantity > slot.seats_left
    ):
        out.add(line_key(index, "quantity"), _seats_sentence(slot.seats_left, line.quantity))
    out.add(line_key(index, "unit_price"), check_amount(line.unit_price, currency, required=True))
    discount_problem = check_amount(line.discount, currency, required=False)
    out.add(line_key(index, "discount"), discount_problem)
    if discount_problem is None and line.discount.strip():
        unit = parse_amount_text(line.unit_price) if line.unit_price.strip() else None
        discount = parse_amount_text(line.discount)
        if unit is not None and discount is not None and discount > unit:
            out.add(
                line_key(index, "discount"),
                (
                    QT_TRANSLATE_NOOP(
                        "OrderValidation",
                        "The discount per ticket ({discount}) is more than "
                        "the unit price ({unit}).",
                    ),
                    {
                        "discount": format_money(discount, currency),
                        "unit": format_money(unit, currency),
                    },
                ),
            )
    for row, traveler in enumerate(line.travelers):
        validate_person(traveler, f"lines[{index}].travelers[{row}]", out)


def _seats_sentence(seats_left: int, wanted: int) -> tuple[str, dict[str, str]]:
    if seats_left <= 0:
        return QT_TRANSLATE_NOOP(
            "OrderValidation", "This departure is sold out; pick another time."
        ), {}
    return (
        QT_TRANSLATE_NOOP(
            "OrderValidation",
            "Seats left at this time: {seats}, but {wanted} are asked for; lower the quantity.",
        ),
        {"seats": str(seats_left), "wanted": str(wanted)},
    )


def _validate_shared_slots(
    out: _Collector,
    lines: Sequence[LineState],
    availability: Sequence[SlotAvailability | None],
) -> None:
    """Two lines on the same departure share its seats."""
    groups: dict[tuple[str, str, dt.date, dt.time], list[int]] = {}
    for index, line in enumerate(lines):
        if line.product_code and line.dc_code and line.date and line.start_time:
            groups.setdefault(
                (line.product_code, line.dc_code, line.date, line.start_time), []
            ).append(index)
    for indexes in groups.values():
        if len(indexes) < 2:
            continue
        slot = next(
            (availability[i] for i in indexes if i < len(availability) and availability[i]),
            None,
        )
        if slot is None or slot.seats_left is None:
            continue
        wanted = sum(lines[i].quantity for i in indexes)
        if wanted > slot.seats_left and all(lines[i].quantity <= slot.seats_left for i in indexes):
            out.add(
                line_key(indexes[-1], "quantity"),
                (
                    QT_TRANSLATE_NOOP(
                        "OrderValidation",
                        "Lines {lines} together want {wanted} seats of the same departure, "
                        "but only {seats} are left.",
                    ),
                    {
                        "lines": ", ".join(str(i + 1) for i in indexes),
                        "wanted": str(wanted),
                        "seats": str(slot.seats_left),
                    },
                ),
            )


def issues_by_field(issues: Sequence[Issue]) -> dict[str, Issue]:
    """The first issue of each field."""
    first: dict[str, Issue] = {}
    for issue in issues:
        first.setdefault(issue.field, issue)
    return first
