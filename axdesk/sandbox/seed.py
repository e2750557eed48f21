"""Reading and checking a seed: the JSON document that defines a sandbox catalog.

Every problem is reported as a sentence that names its place in the file
(``products[0].options[1].unit_price ...``), all of them at once, so a
hand-written seed can be fixed in one pass. Codes are any non-empty
string: the API pages' own examples contain codes that are not UUIDs.
"""

from __future__ import annotations

from datetime import date, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from axdesk.sandbox.catalog import CURRENCIES, Catalog, Credential, Option, Product, Slot
from axdesk.sandbox.wire import BodyError, parse_json, parse_money

DEFAULT_TIMEZONE = "Asia/Seoul"
_TOP_KEYS = {"timezone", "credentials", "products"}
_CREDENTIAL_KEYS = {"api_key", "channel_code"}
_PRODUCT_KEYS = {"product_code", "name", "options"}
_OPTION_KEYS = {
    "dc_code",
    "name",
    "channel_product_mapping_code",
    "unit_price",
    "currency",
    "slots",
}
_SLOT_KEYS = {
    "inventory_code",
    "date",
    "start_time",
    "max_quantity",
    "min_quantity",
    "ordered_quantity",
    "is_order",
}


class SeedError(ValueError):
    """A seed that cannot be used. ``problems`` lists one sentence per problem."""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = problems
        shown = "; ".join(problems[:10])
        more = f"; and {len(problems) - 10} more" if len(problems) > 10 else ""
        noun = "problem" if len(problems) == 1 else "problems"
        super().__init__(f"The seed {source} has {len(problems)} {noun}: {shown}{more}.")


def load_seed_file(path: Path) -> Catalog:
    """Read and check a seed file; raises :class:`SeedError` with sentences."""
    source = f"file {path}"
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise SeedError(source, [f"it cannot be read ({exc.strerror or exc})"]) from exc
    try:
        data = parse_json(raw)
    except BodyError as exc:
        raise SeedError(source, [str(exc).rstrip(".")]) from exc
    return parse_seed(data, source=source)


def parse_seed(data: object, *, source: str = "document") -> Catalog:
    """Check a decoded seed document and build the catalog, or raise :class:`SeedError`."""
    reader = _SeedReader()
    catalog = reader.read(data)
    if reader.problems or catalog is None:
        raise SeedError(source, reader.problems or ["it is empty"])
    return catalog


class _SeedReader:
    def __init__(self) -> None:
        self.problems: list[str] = []
        self._product_codes: set[str] = set()
        self._dc_codes: set[str] = set()
        self._mapping_codes: set[str] = set()
        self._inventory_codes: set[str] = set()

    def problem(self, where: str, text: str) -> None:
        self.problems.append(f"{where} {text}" if where else text)

    def read(self, data: object) -> Catalog | None:
        if not isinstance(data, dict):
            self.problem("", "the top level must be a JSON object")
            return None
        self._unknown_keys("", data, _TOP_KEYS)
        timezone = self._timezone(data.get("timezone", DEFAULT_TIMEZONE))
        credentials = self._credentials(data.get("credentials", []))
        products: list[Product] = []
        raw_products = data.get("products")
        if not isinstance(raw_products, list) or not raw_products:
            self.problem("products", "must be a non-empty list of products")
        else:
            for index, raw in enumerate(raw_products):
                product = self._product(f"products[{index}]", raw)
                if product is not None:
                    products.append(product)
        if self.problems or timezone is None:
            return None
        return Catalog(timezone=timezone, credentials=credentials, products=products)

    def _unknown_keys(self, where: str, data: dict[str, Any], allowed: set[str]) -> None:
        for key in data:
            if key not in allowed:
                place = f"{where}.{key}" if where else key
                self.problem(place, "is not a known field")

    def _timezone(self, value: object) -> str | None:
        if not isinstance(value, str) or not value.strip():
            self.problem("timezone", 'must be a time zone name such as "Asia/Seoul"')
            return None
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            self.problem("timezone", f'"{value}" is not a known time zone')
            return None
        return value

    def _credentials(self, value: object) -> list[Credential]:
        if not isinstance(value, list):
            self.problem("credentials", 'must be a list of {"api_key", "channel_code"} objects')
            return []
        credentials: list[Credential] = []
        for index, raw in enumerate(value):
            where = f"credentials[{index}]"
            if not isinstance(raw, dict):
                self.problem(where, "must be an object with api_key and channel_code")
                continue
            self._unknown_keys(where, raw, _CREDENTIAL_KEYS)
            key = self._text(f"{where}.api_key", raw.get("api_key"))
            channel = self._text(f"{where}.channel_code", raw.get("channel_code"))
            if key is not None and channel is not None:
                credentials.append(Credential(api_key=key, channel_code=channel))
        return credentials

    def _text(self, where: str, value: object) -> str | None:
        if value is None:
            self.problem(where, "is missing")
            return None
        if not isinstance(value, str) or not value.strip():
            self.problem(where, "must be a non-empty string")
            return None
        return value

    def _code(self, where: str, value: object, seen: set[str]) -> str | None:
        code = self._text(where, value)
        if code is not None:
            if code in seen:
                self.problem(where, f'"{code}" is used twice')
                return None
            seen.add(code)
        return code

    def _int(self, where: str, value: object, default: int | None) -> int | None:
        if value is None and default is not None:
            return default
        if value is None:
            self.problem(where, "is missing")
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            self.problem(where, "must be a whole number of 0 or more")
            return None
        return value

    def _product(self, where: str, raw: object) -> Product | None:
        if not isinstance(raw, dict):
            self.problem(where, "must be an object")
            return None
        self._unknown_keys(where, raw, _PRODUCT_KEYS)
        code = self._code(f"{where}.product_code", raw.get("product_code"), self._product_codes)
        name = self._text(f"{where}.name", raw.get("name"))
        raw_options = raw.get("options")
        options: list[Option] = []
        if not isinstance(raw_options, list) or not raw_options:
            self.problem(f"{where}.options", "must be a non-empty list of options")
        else:
            for index, raw_option in enumerate(raw_options):
                option = self._option(f"{where}.options[{index}]", raw_option, code or "")
                if option is not None:
                    options.append(option)
        if code is None or name is None:
            return None
        return Product(product_code=code, name=name, options=options)

    def _option(self, where: str, raw: object, product_code: str) -> Option | None:
        if not isinstance(raw, dict):
            self.problem(where, "must be an object")
            return None
        self._unknown_keys(where, raw, _OPTION_KEYS)
        dc_code = self._code(f"{where}.dc_code", raw.get("dc_code"), self._dc_codes)
        name = self._text(f"{where}.name", raw.get("name"))
        mapping = self._code(
            f"{where}.channel_product_mapping_code",
            raw.get("channel_product_mapping_code"),
            self._mapping_codes,
        )
        price = parse_money(raw.get("unit_price"))
        if price is None:
            self.problem(
                f"{where}.unit_price",
                'must be an amount of 0 or more with at most 5 decimals, such as "50000.00000"',
            )
        currency = raw.get("currency")
        if currency not in CURRENCIES:
            self.problem(f"{where}.currency", 'must be "KRW" or "USD"')
        slots = self._slots(f"{where}.slots", raw.get("slots", []), dc_code or "")
        if dc_code is None or name is None or mapping is None or price is None:
            return None
        if not isinstance(currency, str):
            return None
        return Option(
            dc_code=dc_code,
            product_code=product_code,
            name=name,
            mapping_code=mapping,
            unit_price=price,
            currency=currency,
            slots=slots,
        )

    def _slots(self, where: str, raw: object, dc_code: str) -> list[Slot]:
        if not isinstance(raw, list):
            self.problem(where, "must be a list of slots")
            return []
        slots: list[Slot] = []
        starts: set[tuple[date, time]] = set()
        for index, raw_slot in enumerate(raw):
            slot = self._slot(f"{where}[{index}]", raw_slot, dc_code)
            if slot is None:
                continue
            start = (slot.date, slot.start_time)
            if start in starts:
                self.problem(
                    f"{where}[{index}]",
                    f"repeats the departure on {slot.date} at {slot.start_time:%H:%M}",
                )
                continue
            starts.add(start)
            slots.append(slot)
        return slots

    def _slot(self, where: str, raw: object, dc_code: str) -> Slot | None:
        if not isinstance(raw, dict):
            self.problem(where, "must be an object")
            return None
        self._unknown_keys(where, raw, _SLOT_KEYS)
        code = self._code(
            f"{where}.inventory_code", raw.get("inventory_code"), self._inventory_codes
        )
        day = self._date(f"{where}.date", raw.get("date"))
        start = self._time(f"{where}.start_time", raw.get("start_time"))
        maximum = self._int(f"{where}.max_quantity", raw.get("max_quantity"), None)
        minimum = self._int(f"{where}.min_quantity", raw.get("min_quantity"), 0)
        ordered = self._int(f"{where}.ordered_quantity", raw.get("ordered_quantity"), 0)
        is_order = raw.get("is_order", True)
        if not isinstance(is_order, bool):
            self.problem(f"{where}.is_order", "must be true or false")
        if maximum is not None and ordered is not None and ordered > maximum:
            self.problem(f"{where}.ordered_quantity", f"{ordered} exceeds max_quantity {maximum}")
            return None
        if code is None or day is None or start is None or not isinstance(is_order, bool):
            return None
        if maximum is None or minimum is None or ordered is None:
            return None
        return Slot(
            inventory_code=code,
            dc_code=dc_code,
            date=day,
            start_time=start,
            max_quantity=maximum,
            min_quantity=minimum,
            ordered_quantity=ordered,
            is_order=is_order,
        )

    def _date(self, where: str, value: object) -> date | None:
        if isinstance(value, str) and len(value) == 10:
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        self.problem(where, 'must be a date such as "2026-12-01"')
        return None

    def _time(self, where: str, value: object) -> time | None:
        if isinstance(value, str) and len(value) in (5, 8) and value[2:3] == ":":
            try:
                return time.fromisoformat(value)
            except ValueError:
                pass
        self.problem(where, 'must be a local start time such as "14:00"')
        return None
