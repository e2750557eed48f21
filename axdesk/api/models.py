"""Typed models of every AX request and response.

Reading is tolerant of every variant the AX pages show (see
``docs/ax-channel-api.md``): wrapped ``{"status_code": ..., "data": ...}`` or
bare data, statuses as ints, numeric strings or names with stray spaces,
quantities as strings, datetimes with a space and no zone (read as UTC),
money as numbers or strings.

Writing is exact: ``OrderRequest.to_wire()`` gives money as five-decimal
strings, datetimes as RFC 3339 UTC with ``Z``, and omits optional fields that
are ``None``. ``OrderRequest.from_wire()`` reads that back unchanged.
"""

from __future__ import annotations

import functools
import json
import operator
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from enum import IntEnum, StrEnum
from typing import Annotated, Any, TypeVar

import msgspec
from pydantic import (
    AliasChoices,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    PlainValidator,
    TypeAdapter,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_core import core_schema

from axdesk.api.errors import AxMalformedResponseError, OrderInputError
from axdesk.api.money import CURRENCIES, check_currency_precision, parse_money, to_wire_money
from axdesk.api.wire import decode_json, format_wire_datetime, parse_wire_datetime

__all__ = [
    "UNKNOWN_OPTION",
    "CancelledTicket",
    "CreatedDepthCombination",
    "CreatedOrder",
    "CreatedTicket",
    "DepthCombinationRequest",
    "Inventory",
    "InventorySlot",
    "OrderInfo",
    "OrderRequest",
    "OrderStatus",
    "OrderStatusInfo",
    "PairedTicket",
    "Purchaser",
    "Representative",
    "TicketRequest",
    "TicketStatus",
    "describe_validation_error",
    "pair_tickets",
    "unwrap_data",
]

UNKNOWN_OPTION = ""
"""Option key for the old flat inventory list, which does not say which option it is."""

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _status_key(text: str) -> str:
    """Normalise a status name: trim spaces and stray quotes, ignore case, ``_`` and ``-``."""
    cleaned = text.strip().strip("\"'“”‘’").strip().lower()
    cleaned = re.sub(r"[_\-\s]+", " ", cleaned)
    return cleaned


# --------------------------------------------------------------------------- statuses


class OrderStatus(IntEnum):
    """Status of an AX order, sent as an int (Get Confirm) or as a name (elsewhere)."""

    NEW = 1
    SUPPLIER_PENDING = 2
    SUPPLIER_CONFIRM = 3
    SUPPLIER_REJECT = 4
    TRAVELER_CANCEL = 5
    UNAVOIDABLE_CANCEL = 6

    @property
    def label(self) -> str:
        """The name AX uses on the wire, e.g. ``"Supplier confirm"``."""
        return _ORDER_LABELS[self]

    @property
    def is_final(self) -> bool:
        """True once the supplier or a cancellation has decided; the status will not change."""
        return self is not OrderStatus.NEW and self is not OrderStatus.SUPPLIER_PENDING

    @classmethod
    def parse(cls, value: object) -> OrderStatus:
        """Read an int, a numeric string or a name in any case with stray spaces.

        Raises ``ValueError`` with a sentence for anything else.
        """
        if isinstance(value, OrderStatus):
            return value
        if isinstance(value, bool):
            raise ValueError("an order status cannot be true or false")
        if isinstance(value, int):
            number = value
        elif isinstance(value, str):
            key = _status_key(value)
            if key.isdigit():
                number = int(key)
            elif key in _ORDER_BY_NAME:
                return _ORDER_BY_NAME[key]
            else:
                raise ValueError(f"{value.strip()[:40]!r} is not a known order status")
        else:
            raise ValueError(f"an order status was expected, not {type(value).__name__}")
        try:
            return cls(number)
        except ValueError:
            raise ValueError(f"{number} is not a known order status number") from None


_ORDER_LABELS: dict[OrderStatus, str] = {
    OrderStatus.NEW: "New",
    OrderStatus.SUPPLIER_PENDING: "Supplier pending",
    OrderStatus.SUPPLIER_CONFIRM: "Supplier confirm",
    OrderStatus.SUPPLIER_REJECT: "Supplier reject",
    OrderStatus.TRAVELER_CANCEL: "Traveler cancel",
    OrderStatus.UNAVOIDABLE_CANCEL: "Unavoidable cancel",
}
_ORDER_BY_NAME: dict[str, OrderStatus] = {
    **{_status_key(label): status for status, label in _ORDER_LABELS.items()},
    **{_status_key(status.name): status for status in OrderStatus},
    "traveler canceled": OrderStatus.TRAVELER_CANCEL,
    "traveler cancelled": OrderStatus.TRAVELER_CANCEL,
    "unavoidable canceled": OrderStatus.UNAVOIDABLE_CANCEL,
    "unavoidable cancelled": OrderStatus.UNAVOIDABLE_CANCEL,
}


class TicketStatus(StrEnum):
    """Status of one ticket (one traveler); the values are the wire names."""

    NEW = "New"
    USED = "Used"
    TRAVELER_CANCELED = "Traveler canceled"
    SUPPLIER_CANCELED = "Supplier canceled"

    @property
    def is_cancellable(self) -> bool:
        """Only a ticket that is still new (not used, not cancelled) can be cancelled."""
        return self is TicketStatus.NEW

    @property
    def is_cancelled(self) -> bool:
        return self in (TicketStatus.TRAVELER_CANCELED, TicketStatus.SUPPLIER_CANCELED)

    @classmethod
    def parse(cls, value: object) -> TicketStatus:
        """Read a name in any case with stray spaces; "cancelled" is accepted for "canceled".

        Raises ``ValueError`` with a sentence for anything else.
        """
        if isinstance(value, TicketStatus):
            return value
        if not isinstance(value, str):
            raise ValueError(f"a ticket status was expected, not {type(value).__name__}")
        key = _status_key(value).replace("cancelled", "canceled")
        found = _TICKET_BY_NAME.get(key)
        if found is None:
            raise ValueError(f"{value.strip()[:40]!r} is not a known ticket status")
        return found


_TICKET_BY_NAME: dict[str, TicketStatus] = {
    **{_status_key(status.value): status for status in TicketStatus},
    **{_status_key(status.name): status for status in TicketStatus},
}


# --------------------------------------------------------------------------- field readers


def _read_int(value: object) -> int:
    """An int given as a number or a numeric string (``"2"``); never a bool or a fraction."""
    if isinstance(value, bool):
        raise ValueError("a whole number was expected, not true or false")
    if isinstance(value, int):
        return value
    if isinstance(value, Decimal) and value.is_finite() and value == value.to_integral_value():
        return int(value)
    if isinstance(value, str) and re.fullmatch(r"\s*[+-]?[0-9]+\s*", value):
        return int(value)
    raise ValueError(f"{str(value)[:40]!r} is not a whole number")


def _read_response_money(value: object) -> Decimal:
    return parse_money(value)


def _read_request_money(value: object) -> Decimal:
    amount = parse_money(value)
    to_wire_money(amount)  # refuses more than five decimal places with a sentence
    return amount


def _read_request_datetime(value: object) -> datetime:
    """Naive datetime objects are refused; a zone-less string from the wire is UTC."""
    if isinstance(value, datetime) and (value.tzinfo is None or value.utcoffset() is None):
        raise ValueError("the datetime has no time zone")
    return parse_wire_datetime(value)


def _read_additional(value: object) -> dict[str, Any] | None:
    """``additional`` is sent as JSON: refuse what JSON cannot carry before it is stored."""
    if value is None:
        return None
    if not isinstance(value, dict):
        raise ValueError("the additional information must be a mapping of names to values")
    try:
        json.dumps(value, allow_nan=False)
    except (TypeError, ValueError):
        raise ValueError("the additional information holds values JSON cannot carry") from None
    return value


def _strip_text(value: object) -> object:
    return value.strip() if isinstance(value, str) else value


WireInt = Annotated[int, PlainValidator(_read_int)]
ResponseMoney = Annotated[Decimal, PlainValidator(_read_response_money)]
RequestMoney = Annotated[Decimal, PlainValidator(_read_request_money)]
WireDatetime = Annotated[datetime, PlainValidator(parse_wire_datetime)]
RequestDatetime = Annotated[datetime, PlainValidator(_read_request_datetime)]
WireOrderStatus = Annotated[OrderStatus, PlainValidator(OrderStatus.parse)]
WireTicketStatus = Annotated[TicketStatus, PlainValidator(TicketStatus.parse)]
TrimmedDate = Annotated[date, BeforeValidator(_strip_text)]
TrimmedTime = Annotated[time, BeforeValidator(_strip_text)]
RequiredText = Annotated[str, Field(min_length=1)]
Additional = Annotated[dict[str, Any] | None, PlainValidator(_read_additional)]


def describe_validation_error(error: ValidationError) -> str:
    """One short sentence naming the first problem (and how many more there are)."""
    problems = error.errors(include_url=False, include_input=False)
    if not problems:
        return "the data is not in the expected shape"
    first = problems[0]
    cause = first.get("ctx", {}).get("error")
    message = str(cause) if isinstance(cause, Exception) else str(first["msg"])
    location = ".".join(str(part) for part in first["loc"])
    text = f"{location}: {message}" if location else message
    if len(problems) > 1:
        text += f" (and {len(problems) - 1} more problem{'s' if len(problems) > 2 else ''})"
    return text


_ModelT = TypeVar("_ModelT", bound=BaseModel)


def _read_response(model: type[_ModelT], data: object, what: str) -> _ModelT:
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise AxMalformedResponseError(
            f"AX sent {what} in a shape axdesk does not understand "
            f"({describe_validation_error(error)})."
        ) from None


def unwrap_data(payload: object) -> object:
    """The payload's ``data`` when it is wrapped as ``{"status_code": ..., "data": ...}``."""
    if isinstance(payload, Mapping) and "data" in payload:
        return payload["data"]
    return payload


# --------------------------------------------------------------------------- inventory


class SlotTime(time):
    """A slot's start time: a ``datetime.time`` (a subclass only so that the fast reader,
    msgspec, hands ``"14:00"`` to :func:`_slot_time`; it reads only ``HH:MM:SS``)."""

    __slots__ = ()


_SLOT_TIME = re.compile(r"[0-9]{2}:[0-9]{2}(:[0-9]{2})?")


@functools.lru_cache(maxsize=1024)
def _slot_time(text: str) -> SlotTime:
    """``"14:00"`` or ``"14:00:30"`` exactly (the usual answer); anything else is refused,
    and the slot is then read the careful way."""
    if not _SLOT_TIME.fullmatch(text):
        raise ValueError("not the usual start time")
    moment = time.fromisoformat(text)
    return SlotTime(moment.hour, moment.minute, moment.second)


def _as_slot_time(moment: time) -> SlotTime:
    if type(moment) is SlotTime:
        return moment
    return SlotTime(
        moment.hour,
        moment.minute,
        moment.second,
        moment.microsecond,
        moment.tzinfo,
        fold=moment.fold,
    )


class InventorySlot(
    msgspec.Struct,
    frozen=True,
    gc=False,
    rename={"reported_weekday": "day_of_the_week"},
):
    """One departure (date and start time) of one option, with its seat counts.

    The one definition of a slot. A year of a big product is tens of thousands of
    slots, so it is a ``msgspec.Struct``: the usual Get Inventory answer is decoded
    straight into slots in one pass of C (``Inventory.from_common_json``), each slot is
    about a fifth of a model's memory, and, holding only texts, numbers and dates,
    slots are left out of the cyclic garbage collector's walks (``gc=False``). The
    careful reading (pydantic, every variant the AX pages show) is derived from the
    same fields (``__get_pydantic_core_schema__``), so the two cannot drift apart.
    """

    inventory_code: str
    date: date
    start_time: SlotTime
    is_order: bool
    max_quantity: int
    min_quantity: int
    remain_quantity: int
    ordered_quantity: int
    depth_combination_id: str | None = None
    reported_weekday: str | None = None
    """The server's ``day_of_the_week`` (often wrong: see :attr:`weekday`)."""

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        """The careful reading of a slot: each field by the reader of its type."""
        return _careful_slot_schema(handler)

    @classmethod
    def validate(cls, payload: object) -> InventorySlot:
        """Read one slot the careful way, as ``Inventory.from_payload`` reads each.

        Raises pydantic's ``ValidationError`` when the payload is not a slot.
        """
        return _slot_reader().validate_python(payload)

    @property
    def weekday(self) -> str:
        """English day name derived from ``date`` (the server's ``day_of_the_week`` is wrong)."""
        return _WEEKDAYS[self.date.weekday()]

    @property
    def has_problems(self) -> bool:
        """Whether ``problems`` finds anything: the same rules, without writing the sentences.

        Cheap enough to ask of every slot of a year-long inventory; only the rare
        broken slot then pays for formatting its date and time into ``problems``.
        """
        maximum = self.max_quantity
        minimum = self.min_quantity
        remain = self.remain_quantity
        ordered = self.ordered_quantity
        return (
            maximum < 0
            or minimum < 0
            or remain < 0
            or ordered < 0
            or remain + ordered != maximum
            or minimum > maximum >= 0
        )

    @staticmethod
    def with_problems(slots: Sequence[InventorySlot]) -> list[InventorySlot]:
        """The slots whose ``has_problems`` holds, in order, for a whole list at once.

        Asking ``has_problems`` of each slot of a year-long inventory costs a Python
        call per slot. This checks the same rules over the list's columns with
        built-in functions first (C loops), and asks slot by slot only when a rule
        fails somewhere in the list.
        """
        maximums = list(map(_MAX_QUANTITY, slots))
        minimums = list(map(_MIN_QUANTITY, slots))
        remains = list(map(_REMAIN_QUANTITY, slots))
        ordereds = list(map(_ORDERED_QUANTITY, slots))
        if not slots or (
            min(maximums) >= 0
            and min(minimums) >= 0
            and min(remains) >= 0
            and min(ordereds) >= 0
            and list(map(operator.add, remains, ordereds)) == maximums
            and not any(map(operator.gt, minimums, maximums))  # every maximum is >= 0
        ):
            return []
        return [slot for slot in slots if slot.has_problems]

    @property
    def problems(self) -> list[str]:
        """Sentences about numbers in this slot that cannot all be true (see ``has_problems``)."""
        where = f"The slot on {self.date.isoformat()} at {self.start_time.strftime('%H:%M')}"
        found: list[str] = []
        for label, number in (
            ("maximum", self.max_quantity),
            ("minimum", self.min_quantity),
            ("remaining", self.remain_quantity),
            ("ordered", self.ordered_quantity),
        ):
            if number < 0:
                found.append(f"{where} has a negative {label} quantity ({number}).")
        if self.remain_quantity + self.ordered_quantity != self.max_quantity:
            found.append(
                f"{where} reports {self.remain_quantity} remaining and "
                f"{self.ordered_quantity} ordered, which does not add up to its "
                f"maximum of {self.max_quantity}."
            )
        if self.min_quantity > self.max_quantity >= 0:
            found.append(
                f"{where} needs at least {self.min_quantity} travelers but has only "
                f"{self.max_quantity} seats."
            )
        return found

    @property
    def is_sold_out(self) -> bool:
        return self.remain_quantity <= 0

    @property
    def is_bookable(self) -> bool:
        """On sale and with a seat left."""
        return self.is_order and not self.is_sold_out

    @property
    def is_guaranteed(self) -> bool:
        """Guaranteed departure: enough travelers have ordered for the tour to run."""
        return self.ordered_quantity >= self.min_quantity


_CAREFUL_READERS: dict[object, object] = {
    str: str,
    date: TrimmedDate,
    SlotTime: TrimmedTime,
    bool: bool,
    int: WireInt,
    str | None: str | None,
}
"""The careful reader of each type a slot field has (every field's type must be here)."""


def _careful_slot_schema(handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
    fields: dict[str, core_schema.TypedDictField] = {}
    for field in msgspec.structs.fields(InventorySlot):
        reader = _CAREFUL_READERS[field.type]
        names: list[list[str | int]] = [[field.encode_name]]
        if field.encode_name != field.name:
            names.append([field.name])  # the Python name is accepted too
        schema = handler.generate_schema(reader)
        if field.required:
            fields[field.name] = core_schema.typed_dict_field(
                schema, required=True, validation_alias=names
            )
        else:
            fields[field.name] = core_schema.typed_dict_field(
                core_schema.with_default_schema(schema, default=field.default),
                required=False,
                validation_alias=names,
            )
    read = core_schema.no_info_after_validator_function(
        _slot_from_fields, core_schema.typed_dict_schema(fields, extra_behavior="ignore")
    )
    # A slot already made passes as it is; anything else is read (its errors as they are).
    return core_schema.no_info_wrap_validator_function(_slot_or_read, read)


def _slot_or_read(value: object, read: core_schema.ValidatorFunctionWrapHandler) -> InventorySlot:
    if isinstance(value, InventorySlot):
        return value
    slot: InventorySlot = read(value)
    return slot


def _slot_from_fields(values: dict[str, Any]) -> InventorySlot:
    values["start_time"] = _as_slot_time(values["start_time"])
    return InventorySlot(**values)


@functools.cache
def _slot_reader() -> TypeAdapter[InventorySlot]:
    return TypeAdapter(InventorySlot)


class _CommonAnswer(msgspec.Struct):
    """The usual Get Inventory answer, each option's slots left as their bytes: decoded
    one option at a time (see ``Inventory.from_common_json``)."""

    option_codes: dict[str, msgspec.Raw]
    status_code: int | None = None


class _CommonAnswerRaw(msgspec.Struct):
    """The same, each slot left as its bytes (to read the odd ones one by one)."""

    option_codes: dict[str, list[msgspec.Raw]]
    status_code: int | None = None


@functools.lru_cache(maxsize=1024, typed=True)
def _decode_hook(kind: type, value: object) -> object:
    """A slot's start time for msgspec, which asks once per slot: cached as a whole (a
    C-level hit, no Python frame per slot; the answer repeats a few start times).
    Errors are not cached; an unhashable value fails as any other (a TypeError)."""
    if kind is SlotTime and isinstance(value, str):
        return _slot_time(value)
    raise TypeError("not the usual start time")  # msgspec makes it a ValidationError


_COMMON_DECODER = msgspec.json.Decoder(_CommonAnswer)
_OPTION_DECODER = msgspec.json.Decoder(list[InventorySlot], dec_hook=_decode_hook)
_RAW_DECODER = msgspec.json.Decoder(_CommonAnswerRaw)
_SLOT_DECODER = msgspec.json.Decoder(InventorySlot, dec_hook=_decode_hook)


_MAX_QUANTITY = operator.attrgetter("max_quantity")
_MIN_QUANTITY = operator.attrgetter("min_quantity")
_REMAIN_QUANTITY = operator.attrgetter("remain_quantity")
_ORDERED_QUANTITY = operator.attrgetter("ordered_quantity")


class Inventory(BaseModel):
    """A product's slots by option code; the old flat list sits under ``UNKNOWN_OPTION``."""

    model_config = ConfigDict(frozen=True)

    product_code: str
    options: dict[str, list[InventorySlot]]

    @property
    def slots(self) -> list[InventorySlot]:
        return [slot for slots in self.options.values() for slot in slots]

    @classmethod
    def from_payload(cls, product_code: str, payload: object) -> Inventory:
        """Read any inventory shape AX has used; raise ``AxMalformedResponseError`` otherwise.

        Accepted: ``{"option_codes": {...}}``, ``{"data": {"option_codes": {...}}}``,
        ``{"data": {"<option>": [...]}}``, ``{"data": [slot, ...]}``, and the same
        without the ``status_code`` wrapper.
        """
        options = _inventory_options(payload)
        if options is None:
            raise AxMalformedResponseError(
                "AX sent inventory in a shape axdesk does not understand "
                "(expected option codes with lists of slots)."
            )
        return _read_response(cls, {"product_code": product_code, "options": options}, "inventory")

    @classmethod
    def from_common_json(cls, product_code: str, body: bytes) -> Inventory | None:
        """Read the usual Get Inventory answer straight from its bytes; None for any other.

        A year of a big product is tens of thousands of slots. The careful reading
        (``decode_json`` then ``from_payload``) builds a Python dict of each slot and
        calls a Python reader on most fields; this decodes the common shape,
        ``{"status_code": <below 400>, "option_codes": {code: [slot, ...]}}``, with
        msgspec straight into :class:`InventorySlot` s: exact types only (JSON integers,
        booleans and strings, ISO dates, ``HH:MM[:SS]`` times), extra keys ignored, in
        one pass of C that holds the GIL for a few milliseconds, not the tens that
        pydantic-core's or ``json``'s take for the same bytes.

        A slot that is not exactly that (quantities as strings, stray spaces, a missing
        field, a fraction) is read on its own, the careful way (``decode_json`` of its
        bytes, then ``InventorySlot.validate``), so it reads as the careful reading
        reads it. Whenever the result could still differ, this returns None and the
        caller reads the payload the careful way, which also gives the usual sentence
        for bad data: another shape or wrapper, a status of 400 or more in the body,
        JSON that msgspec or ``decode_json`` refuse (``NaN``, trailing commas, a byte
        order mark, invalid text), or a slot that does not validate. A slot with the
        ``reported_weekday`` key (which the careful reading takes as well as
        ``day_of_the_week``) is read carefully. ``tests/api/test_api_inventory_fast.py``
        holds both readings equal.

        It is read in pieces, one option's slots at a time (the whole answer is first
        only checked and cut, also in C): the caller is a worker thread, and a piece
        of C holds the GIL until it ends, so one call over the whole 6.6 MB of a big
        product kept the GUI thread from running for as long. Between pieces the
        interpreter can hand the GIL over.
        """
        if b"reported_weekday" in body:  # the careful reading also takes the Python name
            return _read_odd_slots(product_code, body)
        try:
            common = _COMMON_DECODER.decode(body)
        except msgspec.ValidationError:
            return _read_odd_slots(product_code, body)
        except msgspec.DecodeError:
            return None
        if common.status_code is not None and common.status_code >= 400:
            return None
        options: dict[str, list[InventorySlot]] = {}
        for code, raw in common.option_codes.items():
            try:
                options[code] = _OPTION_DECODER.decode(raw)
            except msgspec.ValidationError:
                return _read_odd_slots(product_code, body)
            except msgspec.DecodeError:  # not reached: the cut checked the whole JSON
                return None
        # Every value is an InventorySlot under a text key, as validation would check.
        return cls.model_construct(product_code=product_code, options=options)


def _read_odd_slots(product_code: str, body: bytes) -> Inventory | None:
    """The usual shape with some odd slots: the usual ones fast, each odd one carefully."""
    try:
        common = _RAW_DECODER.decode(body)
    except (msgspec.ValidationError, msgspec.DecodeError):
        return None
    if common.status_code is not None and common.status_code >= 400:
        return None
    options: dict[str, list[InventorySlot]] = {}
    for code, raws in common.option_codes.items():
        slots: list[InventorySlot] = []
        for raw in raws:
            text = bytes(raw)
            if b"reported_weekday" not in text:
                try:
                    slots.append(_SLOT_DECODER.decode(text))
                    continue
                except (msgspec.ValidationError, msgspec.DecodeError):
                    pass
            try:
                slots.append(InventorySlot.validate(decode_json(text)))
            except (ValidationError, AxMalformedResponseError):
                return None
        options[code] = slots
    return Inventory.model_construct(product_code=product_code, options=options)


def _inventory_options(payload: object) -> Mapping[str, object] | None:
    if isinstance(payload, list):
        return {UNKNOWN_OPTION: payload}
    if not isinstance(payload, Mapping):
        return None
    if "option_codes" in payload:
        inner = payload["option_codes"]
        return inner if isinstance(inner, Mapping) else None
    if "data" in payload:
        return _inventory_options(payload["data"])
    candidates = {key: value for key, value in payload.items() if key != "status_code"}
    if candidates and all(isinstance(value, list) for value in candidates.values()):
        return candidates
    return None


# --------------------------------------------------------------------------- order request


class _RequestModel(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


def _put(target: dict[str, Any], key: str, value: object) -> None:
    if value is not None:
        target[key] = value


def _person_wire(
    person: TicketRequest | Purchaser | Representative, **first: object
) -> dict[str, Any]:
    """A person on the order as the pages write it: the fields of its own kind
    (``first``), the contact fields, then ``additional`` and ``extra`` when set.

    The one wire form of a traveler, the purchaser and the representative. The
    purchaser's ``extra`` is never None, so it is always written (``""`` at least).
    """
    wire: dict[str, Any] = {
        **first,
        "name": person.name,
        "national_code": person.national_code,
        "phone": person.phone,
        "email": person.email,
    }
    _put(wire, "additional", person.additional)
    _put(wire, "extra", person.extra)
    return wire


class TicketRequest(_RequestModel):
    """One traveler of one option: one unit of quantity."""

    channel_code: RequiredText
    name: RequiredText
    national_code: RequiredText
    phone: RequiredText
    email: RequiredText
    additional: Additional = None
    extra: str | None = None

    def to_wire(self) -> dict[str, Any]:
        return _person_wire(self, channel_code=self.channel_code)


class Purchaser(_RequestModel):
    is_required_more_information: bool
    name: RequiredText
    national_code: RequiredText
    phone: RequiredText
    email: RequiredText
    additional: Additional = None
    extra: str = ""

    def to_wire(self) -> dict[str, Any]:
        return _person_wire(self, is_required_more_information=self.is_required_more_information)


class Representative(_RequestModel):
    """The lead traveler; the purchaser's data when there is none."""

    name: RequiredText
    national_code: RequiredText
    phone: RequiredText
    email: RequiredText
    additional: Additional = None
    extra: str | None = None

    def to_wire(self) -> dict[str, Any]:
        return _person_wire(self)


class DepthCombinationRequest(_RequestModel):
    """One option bought: becomes one AX order with one ticket per unit."""

    channel_product_mapping_code: RequiredText
    dc_code: RequiredText
    quantity: WireInt
    inventory_at: RequestDatetime
    unit_selling_price: RequestMoney
    discount: RequestMoney | None = None
    discount_method: str | None = None
    amount_price: RequestMoney
    tickets: list[TicketRequest]

    @model_validator(mode="after")
    def _consistent(self) -> DepthCombinationRequest:
        if self.quantity < 1:
            raise ValueError(f"the quantity must be at least 1, not {self.quantity}")
        if len(self.tickets) != self.quantity:
            raise ValueError(
                f"the quantity is {self.quantity} but there are {len(self.tickets)} tickets"
            )
        if self.unit_selling_price < 0:
            raise ValueError("the unit selling price is negative")
        discount = self.discount or Decimal(0)
        if discount < 0:
            raise ValueError("the discount is negative")
        if discount > self.unit_selling_price:
            raise ValueError("the discount is larger than the unit selling price")
        if self.amount_price != self.unit_selling_price - discount:
            raise ValueError(
                f"the amount price {self.amount_price} is not the unit selling price "
                f"{self.unit_selling_price} minus the discount {discount}"
            )
        return self

    def to_wire(self) -> dict[str, Any]:
        wire: dict[str, Any] = {
            "channel_product_mapping_code": self.channel_product_mapping_code,
            "dc_code": self.dc_code,
            "quantity": self.quantity,
            "inventory_at": format_wire_datetime(self.inventory_at),
            "unit_selling_price": to_wire_money(self.unit_selling_price),
        }
        if self.discount is not None:
            wire["discount"] = to_wire_money(self.discount)
        _put(wire, "discount_method", self.discount_method)
        wire["amount_price"] = to_wire_money(self.amount_price)
        wire["tickets"] = [ticket.to_wire() for ticket in self.tickets]
        return wire


class OrderInfo(_RequestModel):
    """The channel order as a whole (money totals, times, currency)."""

    channel_order_code: RequiredText = Field(
        validation_alias=AliasChoices("channel_order_code", "channel_order_id")
    )
    purchased_at: RequestDatetime
    purchase_requested_at: RequestDatetime | None = None
    reserved_at: RequestDatetime | None = None
    reservation_requested_at: RequestDatetime | None = None
    sub_total: RequestMoney
    discount_method: str | None = None
    discount: RequestMoney | None = None
    total: RequestMoney
    status: str = "New"
    is_voucher: bool
    comment: str | None = None
    currency: str

    @field_validator("status")
    @classmethod
    def _always_new(cls, value: str) -> str:
        if value.strip() != "New":
            raise ValueError(f'a new order is sent with status "New", not {value!r}')
        return "New"

    @field_validator("currency")
    @classmethod
    def _known_currency(cls, value: str) -> str:
        if value not in CURRENCIES:
            raise ValueError(f"the currency {value!r} is not one of {', '.join(CURRENCIES)}")
        return value

    def to_wire(self) -> dict[str, Any]:
        wire: dict[str, Any] = {
            "channel_order_code": self.channel_order_code,
            "purchased_at": format_wire_datetime(self.purchased_at),
        }
        for key in ("purchase_requested_at", "reserved_at", "reservation_requested_at"):
            moment: datetime | None = getattr(self, key)
            if moment is not None:
                wire[key] = format_wire_datetime(moment)
        wire["sub_total"] = to_wire_money(self.sub_total)
        _put(wire, "discount_method", self.discount_method)
        if self.discount is not None:
            wire["discount"] = to_wire_money(self.discount)
        wire["total"] = to_wire_money(self.total)
        wire["status"] = self.status
        wire["is_voucher"] = self.is_voucher
        _put(wire, "comment", self.comment)
        wire["currency"] = self.currency
        return wire


class OrderRequest(_RequestModel):
    """The whole Create Order body; its totals and ticket counts are checked on creation."""

    depth_combinations: list[DepthCombinationRequest] = Field(min_length=1)
    order: OrderInfo
    purchaser: Purchaser
    representative: Representative

    @model_validator(mode="after")
    def _consistent(self) -> OrderRequest:
        currency = self.order.currency
        sub_total = sum(
            (line.unit_selling_price * line.quantity for line in self.depth_combinations),
            Decimal(0),
        )
        if self.order.sub_total != sub_total:
            raise ValueError(
                f"the sub total {self.order.sub_total} is not the sum of unit selling "
                f"prices times quantities ({sub_total})"
            )
        discount = self.order.discount or Decimal(0)
        if discount < 0:
            raise ValueError("the order discount is negative")
        if self.order.total != self.order.sub_total - discount:
            raise ValueError(
                f"the total {self.order.total} is not the sub total {self.order.sub_total} "
                f"minus the discount {discount}"
            )
        if self.order.total < 0:
            raise ValueError(f"the total {self.order.total} is negative")
        for line in self.depth_combinations:
            for what, amount in (
                ("unit selling price", line.unit_selling_price),
                ("discount", line.discount),
                ("amount price", line.amount_price),
            ):
                if amount is not None:
                    check_currency_precision(amount, currency, what=what)
        for what, amount in (
            ("sub total", self.order.sub_total),
            ("order discount", self.order.discount),
            ("total", self.order.total),
        ):
            if amount is not None:
                check_currency_precision(amount, currency, what=what)
        codes = [ticket.channel_code for line in self.depth_combinations for ticket in line.tickets]
        if len(set(codes)) != len(codes):
            raise ValueError("two tickets share the same channel code")
        return self

    def to_wire(self) -> dict[str, Any]:
        """The exact JSON body: five-decimal money strings, RFC 3339 UTC times, no None fields."""
        return {
            "depth_combinations": [line.to_wire() for line in self.depth_combinations],
            "order": self.order.to_wire(),
            "purchaser": self.purchaser.to_wire(),
            "representative": self.representative.to_wire(),
        }

    @classmethod
    def from_wire(cls, wire: Mapping[str, Any]) -> OrderRequest:
        """Read a body written by ``to_wire`` (or the AX page's example) back.

        Raises ``OrderInputError`` with a sentence when it is not a consistent order.
        """
        try:
            return cls.model_validate(wire)
        except ValidationError as error:
            raise OrderInputError(
                f"The order could not be read: {describe_validation_error(error)}."
            ) from None

    @property
    def tickets(self) -> list[TicketRequest]:
        return [ticket for line in self.depth_combinations for ticket in line.tickets]


# --------------------------------------------------------------------------- responses


class _ResponseModel(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")


class CreatedTicket(_ResponseModel):
    ax_ticket_code: str
    ax_ticket_status: WireTicketStatus


class CreatedDepthCombination(_ResponseModel):
    """One AX order created for one option of the channel order."""

    dc_code: str
    inventory_at: WireDatetime | None = None
    ax_order_code: str
    ax_order_status: WireOrderStatus
    quantity: WireInt
    tickets: list[CreatedTicket] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _quantity_from_tickets(cls, data: Any) -> Any:
        """The page's second example option has no ``quantity``: count its tickets."""
        if isinstance(data, Mapping) and data.get("quantity") is None:
            tickets = data.get("tickets")
            if isinstance(tickets, list):
                return {**data, "quantity": len(tickets)}
        return data


class CreatedOrder(_ResponseModel):
    channel_order_code: str
    channel_order_status: WireOrderStatus
    depth_combinations: list[CreatedDepthCombination]

    @classmethod
    def from_payload(cls, payload: object) -> CreatedOrder:
        """Read the 201 body, wrapped in ``data`` or bare."""
        return _read_response(cls, unwrap_data(payload), "the created order")


class OrderStatusInfo(_ResponseModel):
    channel_order_code: str
    ax_order_code: str
    status: WireOrderStatus
    comment: str | None = None

    @classmethod
    def list_from_payload(cls, payload: object) -> list[OrderStatusInfo]:
        """Read Get Confirm: a list (or a single object), wrapped in ``data`` or bare."""
        data = unwrap_data(payload)
        items = data if isinstance(data, list) else [data]
        return [_read_response(cls, item, "an order status") for item in items]


class CancelledTicket(_ResponseModel):
    channel_order_code: str
    ax_order_code: str
    ax_order_status: WireOrderStatus
    ax_ticket_code: str
    ax_ticket_status: WireTicketStatus

    @classmethod
    def from_payload(cls, payload: object) -> CancelledTicket:
        return _read_response(cls, unwrap_data(payload), "the cancelled ticket")


@dataclass(frozen=True)
class PairedTicket:
    """A ticket as sent (our ``channel_code``) matched with the ticket AX created for it."""

    channel_code: str
    dc_code: str
    ax_order_code: str
    ax_ticket_code: str
    ax_ticket_status: TicketStatus


def pair_tickets(request: OrderRequest, created: CreatedOrder) -> list[PairedTicket]:
    """Match created tickets to requested ones by position, as AX returns them in order.

    Raises ``AxMalformedResponseError`` when the answer's options or ticket counts do
    not line up with the request, because a guessed pairing would misattribute travelers.
    """
    sent = request.depth_combinations
    answered = created.depth_combinations
    if len(sent) != len(answered):
        raise AxMalformedResponseError(
            f"AX created {len(answered)} orders for {len(sent)} options, so its tickets "
            "cannot be matched to the travelers."
        )
    pairs: list[PairedTicket] = []
    for line, order in zip(sent, answered, strict=True):
        if line.dc_code != order.dc_code:
            raise AxMalformedResponseError(
                f"AX answered option {order.dc_code} where {line.dc_code} was sent, so its "
                "tickets cannot be matched to the travelers."
            )
        if len(line.tickets) != len(order.tickets):
            raise AxMalformedResponseError(
                f"AX created {len(order.tickets)} tickets for {len(line.tickets)} travelers "
                f"of option {line.dc_code}."
            )
        pairs.extend(
            PairedTicket(
                channel_code=ticket.channel_code,
                dc_code=line.dc_code,
                ax_order_code=order.ax_order_code,
                ax_ticket_code=made.ax_ticket_code,
                ax_ticket_status=made.ax_ticket_status,
            )
            for ticket, made in zip(line.tickets, order.tickets, strict=True)
        )
    return pairs
