"""The local product catalog: products and their options (depth combinations).

AX has no catalog endpoint, so the operator keeps one here: per product its
code and name, per option its ``dc_code``, name, ``channel_product_mapping_code``,
unit price (``Decimal``, stored as TEXT) and currency. It is filled by hand,
from the sandbox (:meth:`CatalogStore.replace_from_sandbox`), or from CSV and
JSON files.

Imports are all-or-nothing: every row is checked first, and when any row is
bad nothing is written and :class:`CatalogImportError` lists every problem
as a sentence naming its row (a typed :class:`~axdesk.store.problems.Problem`,
which the UI words in the operator's language). CSV files are exported as UTF-8 with a byte
order mark (so Excel shows Korean names), one row per option; imports read
UTF-8 with or without the mark, and fall back to CP949 (what Korean Excel
writes for "CSV") with a warning.

Like the orders export (``axdesk.store.export``), a CSV export never holds a cell
a spreadsheet would run as a formula: a cell that starts with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return is written after an apostrophe, the
text marker spreadsheets know. So that an export imports back to the same
catalog, a cell that starts with an apostrophe gets one too, and an import takes
one leading apostrophe off every cell (write two to keep one).
"""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from axdesk.store.db import locked, money_from_db, money_to_db, transaction
from axdesk.store.files import atomic_write_bytes
from axdesk.store.problems import Problem, problem_of
from axdesk.store.problems import template as _t

CURRENCIES = ("KRW", "USD")
PRICE_DECIMALS = 5
MAX_PRICE = Decimal(10) ** 15
MAX_CODE_LENGTH = 100
MAX_NAME_LENGTH = 300
CSV_COLUMNS = (
    "product_code",
    "product_name",
    "dc_code",
    "option_name",
    "channel_product_mapping_code",
    "unit_price",
    "currency",
)
_OPTION_COLUMNS = CSV_COLUMNS[2:]
TEXT_MARK = "'"
"""Put before a CSV cell that would start a formula (and before a leading apostrophe)."""
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_GROUPED_NUMBER = re.compile(r"[0-9]{1,3}(,[0-9]{3})+(\.[0-9]*)?")
_MAX_LISTED_PROBLEMS = 20

# The sentences an import or a change can end with: typed problems (see
# axdesk.store.problems), worded in the operator's language by the UI.
ROW = _t("Row %1")
PRODUCT_AT = _t("Product %1")
OPTION_AT = _t("Product %1, option %2")
PRODUCT_CODE = _t("product code")
PRODUCT_NAME = _t("product name")
OPTION_CODE = _t("option code (dc_code)")
OPTION_NAME = _t("option name")
MAPPING_CODE = _t("channel product mapping code")
PRICE_NOT_TEXT = _t("the unit price %1 must be written as text or a whole number")
PRICE_MISSING = _t("the unit price is missing")
PRICE_NOT_NUMBER = _t("the unit price '%1' is not a number")
PRICE_NEGATIVE = _t("the unit price %1 is negative")
PRICE_TOO_LARGE = _t("the unit price %1 is too large")
PRICE_TOO_PRECISE = _t("the unit price %1 has more than %2 decimals")
AT_PRICE = _t("%1: %2.")
VALUE_MISSING = _t("%1: the %2 is missing.")
CODE_NOT_ONE_WORD = _t("%1: the %2 '%3' must be one word of at most %4 characters.")
NAME_TOO_LONG = _t("%1: the %2 is longer than %3 characters.")
NAMED_TWICE = _t("%1: product %2 is named '%3' here but '%4' in %5.")
CURRENCY_WRONG = _t("%1: the currency must be KRW or USD (got '%2').")
CURRENCY_MISSING = _t("%1: the currency must be KRW or USD (it is missing).")
OPTION_TWICE = _t("%1: option %2 already appears in %3.")
NOT_AN_OBJECT = _t("%1 is not an object.")
OPTIONS_NOT_A_LIST = _t("%1: options must be a list.")
NOT_UTF8_NOR_CP949 = _t(
    "The file is not UTF-8 text (nor Korean Windows text); save it as CSV UTF-8."
)
READ_AS_CP949 = _t(
    "The file was not UTF-8; it was read as Korean Windows text (CP949). "
    "Check that the Korean names look right."
)
CSV_UNREADABLE = _t("Row %1: the CSV cannot be read (%2).")
CSV_EMPTY = _t("The file is empty; a header row is expected.")
HEADER_LACKS_COLUMN = _t("Row 1: the header lacks the column %1; expected %2.")
HEADER_LACKS_COLUMNS = _t("Row 1: the header lacks the columns %1; expected %2.")
COLUMN_TWICE = _t("Row 1: the column %1 appears more than once.")
COLUMNS_TWICE = _t("Row 1: the columns %1 appear more than once.")
COLUMN_IGNORED = _t("The column %1 was not used and ignored.")
COLUMNS_IGNORED = _t("The columns %1 were not used and ignored.")
MORE_CELLS = _t("%1: there are more cells than header columns.")
NOT_UTF8 = _t("The file is not UTF-8 text.")
NOT_JSON = _t("The file is not valid JSON (%1 at line %2, column %3).")
JSON_TOO_DEEP = _t("The file is JSON nested too deeply to be a catalog.")
JSON_NUMBER_TOO_LONG = _t("The file holds a number too long to be a catalog value.")
JSON_NOT_PRODUCTS = _t('The file must hold {"products": [...]} with one object per product.')
OPTION_WITHOUT_PRODUCT = _t("Option %1 belongs to product %2, which is not in the catalog.")
FILE_UNREADABLE = _t("The file could not be read (%1).")
EXPORT_FAILED = _t("The catalog could not be written to %1 (%2).")


class CatalogError(ValueError):
    """A catalog change that cannot be made; ``str(err)`` is a sentence for the user, and
    :attr:`problem` the same sentence typed (for the UI to word in the operator's language)."""

    @property
    def problem(self) -> Problem | None:
        return problem_of(self)


class CatalogImportError(CatalogError):
    """An import found problems and imported nothing; ``problems`` lists them, one typed
    sentence each (:class:`~axdesk.store.problems.Problem`)."""

    def __init__(self, problems: Sequence[str], *, source: str = "the file") -> None:
        self.problems: tuple[str, ...] = tuple(problems)
        count = len(self.problems)
        head = f"Nothing was imported from {source} because of {count} problem{'s' * (count != 1)}:"
        listed = list(self.problems[:_MAX_LISTED_PROBLEMS])
        if count > _MAX_LISTED_PROBLEMS:
            listed.append(f"... and {count - _MAX_LISTED_PROBLEMS} more.")
        super().__init__("\n".join([head, *listed]))


class PriceError(ValueError):
    """A unit price that cannot be read; ``args[0]`` is the typed sentence fragment."""


@dataclass(frozen=True)
class CatalogOption:
    """One option of a product: what is ordered as a depth combination."""

    dc_code: str
    product_code: str
    name: str
    channel_product_mapping_code: str
    unit_price: Decimal
    currency: str


@dataclass(frozen=True)
class CatalogProduct:
    product_code: str
    name: str
    options: tuple[CatalogOption, ...] = ()

    def option(self, dc_code: str) -> CatalogOption | None:
        return next((o for o in self.options if o.dc_code == dc_code), None)


@dataclass(frozen=True)
class ImportResult:
    """What an import wrote, and notes that are worth telling the user (not errors)."""

    products: int
    options: int
    warnings: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class TeamMirror:
    """Which team catalog this copy mirrors (``axdesk.store.team_catalog``): the AX server
    (``endpoint``), the team revision it was last in step with (None: none yet), that
    revision's document (``base``, for merging), and whether it holds an edit not yet
    published."""

    endpoint: str
    revision: int | None
    base: str
    unpublished: bool


# ---------------------------------------------------------------------------
# Validation shared by every import path


def _clean(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def parse_price(value: object) -> Decimal:
    """Read a unit price: a number (or numeric text, ``12,000`` allowed), >= 0, <= 5 decimals.

    Raises :class:`PriceError` (a ``ValueError``) with a typed sentence fragment. Floats
    are refused:
    money never passes through binary floating point.
    """
    if isinstance(value, bool | float):
        raise PriceError(Problem(PRICE_NOT_TEXT, repr(value)))
    if isinstance(value, int):
        amount = Decimal(value)
    elif isinstance(value, Decimal):
        amount = value
    elif isinstance(value, str):
        text = value.strip()
        if _GROUPED_NUMBER.fullmatch(text):
            text = text.replace(",", "")
        if not text:
            raise PriceError(Problem(PRICE_MISSING))
        try:
            amount = Decimal(text)
        except InvalidOperation:
            raise PriceError(Problem(PRICE_NOT_NUMBER, value.strip())) from None
    else:
        raise PriceError(Problem(PRICE_NOT_NUMBER, str(value)))
    if not amount.is_finite():
        raise PriceError(Problem(PRICE_NOT_NUMBER, str(value)))
    if amount < 0:
        raise PriceError(Problem(PRICE_NEGATIVE, str(amount)))
    if amount >= MAX_PRICE:
        raise PriceError(Problem(PRICE_TOO_LARGE, str(amount)))
    exponent = amount.as_tuple().exponent
    if isinstance(exponent, int) and -exponent > PRICE_DECIMALS:
        raise PriceError(Problem(PRICE_TOO_PRECISE, str(amount), PRICE_DECIMALS))
    return amount


@dataclass
class _Collector:
    """Gathers products from rows, remembering where each value came from for error sentences."""

    problems: list[Problem] = field(default_factory=list)
    names: dict[str, tuple[str, Problem]] = field(default_factory=dict)  # code -> (name, where)
    options: dict[str, list[CatalogOption]] = field(default_factory=dict)
    option_seen: dict[str, Problem] = field(default_factory=dict)  # dc_code -> where

    def code(self, where: Problem, label: str, value: object) -> str | None:
        text = _clean(value)
        if not text:
            self.problems.append(Problem(VALUE_MISSING, where, Problem(label)))
            return None
        if len(text) > MAX_CODE_LENGTH or any(ch.isspace() for ch in text):
            self.problems.append(
                Problem(CODE_NOT_ONE_WORD, where, Problem(label), text[:40], MAX_CODE_LENGTH)
            )
            return None
        return text

    def name(self, where: Problem, label: str, value: object) -> str | None:
        text = _clean(value)
        if not text:
            self.problems.append(Problem(VALUE_MISSING, where, Problem(label)))
            return None
        if len(text) > MAX_NAME_LENGTH:
            self.problems.append(Problem(NAME_TOO_LONG, where, Problem(label), MAX_NAME_LENGTH))
            return None
        return text

    def product(self, where: Problem, code_value: object, name_value: object) -> str | None:
        code = self.code(where, PRODUCT_CODE, code_value)
        name = self.name(where, PRODUCT_NAME, name_value)
        if code is None or name is None:
            return None
        known = self.names.get(code)
        if known is None:
            self.names[code] = (name, where)
            self.options.setdefault(code, [])
        elif known[0] != name:
            self.problems.append(Problem(NAMED_TWICE, where, code, name, known[0], known[1]))
        return code

    def option(self, where: Problem, product_code: str | None, raw: Mapping[str, Any]) -> None:
        dc_code = self.code(where, OPTION_CODE, raw.get("dc_code"))
        name = self.name(where, OPTION_NAME, raw.get("option_name"))
        mapping = self.code(where, MAPPING_CODE, raw.get("channel_product_mapping_code"))
        price: Decimal | None = None
        try:
            price = parse_price(raw.get("unit_price"))
        except PriceError as exc:
            self.problems.append(Problem(AT_PRICE, where, exc.args[0]))
        currency = _clean(raw.get("currency")).upper()
        if currency not in CURRENCIES:
            shown = _clean(raw.get("currency"))
            self.problems.append(
                Problem(CURRENCY_WRONG, where, shown) if shown else Problem(CURRENCY_MISSING, where)
            )
        if dc_code is not None:
            first = self.option_seen.get(dc_code)
            if first is not None:
                self.problems.append(Problem(OPTION_TWICE, where, dc_code, first))
                return
            self.option_seen[dc_code] = where
        if (
            product_code is None
            or dc_code is None
            or name is None
            or mapping is None
            or price is None
            or currency not in CURRENCIES
        ):
            return
        self.options[product_code].append(
            CatalogOption(
                dc_code=dc_code,
                product_code=product_code,
                name=name,
                channel_product_mapping_code=mapping,
                unit_price=price,
                currency=currency,
            )
        )

    def result(self, source: str) -> list[CatalogProduct]:
        if self.problems:
            raise CatalogImportError(self.problems, source=source)
        return [
            CatalogProduct(product_code=code, name=name, options=tuple(self.options[code]))
            for code, (name, _where) in self.names.items()
        ]


def parse_catalog_csv(
    data: bytes, *, source: str = "the CSV file"
) -> tuple[list[CatalogProduct], list[Problem]]:
    """Read catalog CSV bytes into products; returns ``(products, warnings)``.

    Raises :class:`CatalogImportError` listing every bad row (row numbers as a
    spreadsheet shows them: the header is row 1).
    """
    warnings: list[Problem] = []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp949")
        except UnicodeDecodeError:
            raise CatalogImportError([Problem(NOT_UTF8_NOR_CP949)], source=source) from None
        warnings.append(Problem(READ_AS_CP949))
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        rows = list(reader)
    except csv.Error as exc:
        raise CatalogImportError(
            [Problem(CSV_UNREADABLE, reader.line_num, str(exc))], source=source
        ) from None
    if not rows:
        raise CatalogImportError([Problem(CSV_EMPTY)], source=source)
    header = [cell.strip().lower() for cell in rows[0]]
    missing = [column for column in CSV_COLUMNS if column not in header]
    if missing:
        lacks = HEADER_LACKS_COLUMNS if len(missing) > 1 else HEADER_LACKS_COLUMN
        raise CatalogImportError(
            [Problem(lacks, ", ".join(missing), ", ".join(CSV_COLUMNS))], source=source
        )
    duplicated = sorted({c for c in header if c and header.count(c) > 1})
    if duplicated:
        twice = COLUMNS_TWICE if len(duplicated) > 1 else COLUMN_TWICE
        raise CatalogImportError([Problem(twice, ", ".join(duplicated))], source=source)
    ignored = [c for c in header if c and c not in CSV_COLUMNS]
    if ignored:
        unused = COLUMNS_IGNORED if len(ignored) > 1 else COLUMN_IGNORED
        warnings.append(Problem(unused, ", ".join(ignored)))
    collector = _Collector()
    for number, cells in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue
        where = Problem(ROW, number)
        if len(cells) > len(header) and any(cell.strip() for cell in cells[len(header) :]):
            collector.problems.append(Problem(MORE_CELLS, where))
            continue
        record = {
            column: (_csv_value(cells[i]) if i < len(cells) else "")
            for i, column in enumerate(header)
        }
        product_code = collector.product(where, record["product_code"], record["product_name"])
        if not any(record[column].strip() for column in _OPTION_COLUMNS):
            continue  # a product without options
        collector.option(where, product_code, record)
    return collector.result(source), warnings


def parse_catalog_json(data: bytes, *, source: str = "the JSON file") -> list[CatalogProduct]:
    """Read ``{"products": [...]}`` (or a bare list of products) from JSON bytes."""
    try:
        document = json.loads(data.decode("utf-8-sig"), parse_float=Decimal)
    except UnicodeDecodeError:
        raise CatalogImportError([Problem(NOT_UTF8)], source=source) from None
    except json.JSONDecodeError as exc:
        raise CatalogImportError(
            [Problem(NOT_JSON, exc.msg, exc.lineno, exc.colno)], source=source
        ) from None
    except RecursionError:
        raise CatalogImportError([Problem(JSON_TOO_DEEP)], source=source) from None
    except ValueError:  # Python refuses to read an integer of thousands of digits
        raise CatalogImportError([Problem(JSON_NUMBER_TOO_LONG)], source=source) from None
    if isinstance(document, dict) and "products" in document:
        document = document["products"]
    if not isinstance(document, list):
        raise CatalogImportError([Problem(JSON_NOT_PRODUCTS)], source=source)
    return products_from_dicts(document, source=source)


def products_from_dicts(
    items: Iterable[object], *, source: str = "the data"
) -> list[CatalogProduct]:
    """Validate product dicts (``product_code``, ``name``, ``options``: [``dc_code``, ``name``,
    ``channel_product_mapping_code``, ``unit_price``, ``currency``]) into products."""
    collector = _Collector()
    for p_index, item in enumerate(items, start=1):
        where = Problem(PRODUCT_AT, p_index)
        if not isinstance(item, Mapping):
            collector.problems.append(Problem(NOT_AN_OBJECT, where))
            continue
        product_code = collector.product(where, item.get("product_code"), item.get("name"))
        options = item.get("options", [])
        if not isinstance(options, list):
            collector.problems.append(Problem(OPTIONS_NOT_A_LIST, where))
            continue
        for o_index, option in enumerate(options, start=1):
            o_where = Problem(OPTION_AT, p_index, o_index)
            if not isinstance(option, Mapping):
                collector.problems.append(Problem(NOT_AN_OBJECT, o_where))
                continue
            collector.option(o_where, product_code, {**option, "option_name": option.get("name")})
    return collector.result(source)


# ---------------------------------------------------------------------------
# Export formats


def catalog_to_csv_bytes(products: Iterable[CatalogProduct]) -> bytes:
    """One row per option (a product without options gets one row with blank option cells);
    formulas neutralised (see the module docstring)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for product in products:
        if not product.options:
            writer.writerow(
                [_csv_cell(product.product_code), _csv_cell(product.name), "", "", "", "", ""]
            )
        for option in product.options:
            writer.writerow(
                [
                    _csv_cell(cell)
                    for cell in (
                        product.product_code,
                        product.name,
                        option.dc_code,
                        option.name,
                        option.channel_product_mapping_code,
                        money_to_db(option.unit_price),
                        option.currency,
                    )
                ]
            )
    return buffer.getvalue().encode("utf-8-sig")


def _csv_cell(text: str) -> str:
    """A value as its CSV cell: after the text mark when a spreadsheet would run it."""
    return TEXT_MARK + text if text.startswith((*_FORMULA_STARTS, TEXT_MARK)) else text


def _csv_value(cell: str) -> str:
    """A CSV cell as its value: one leading text mark taken off (see :func:`_csv_cell`)."""
    text = cell.strip()
    return text[1:] if text.startswith(TEXT_MARK) else cell


def catalog_to_json_bytes(products: Iterable[CatalogProduct]) -> bytes:
    document = {
        "products": [
            {
                "product_code": product.product_code,
                "name": product.name,
                "options": [
                    {
                        "dc_code": option.dc_code,
                        "name": option.name,
                        "channel_product_mapping_code": option.channel_product_mapping_code,
                        "unit_price": money_to_db(option.unit_price),
                        "currency": option.currency,
                    }
                    for option in product.options
                ],
            }
            for product in products
        ]
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# ---------------------------------------------------------------------------
# The store


class CatalogStore:
    """Products and options in the local database (see :func:`axdesk.store.db.open_database`)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    # -- reading ----------------------------------------------------------------

    def list_products(self) -> list[CatalogProduct]:
        """Every product with its options, sorted by name (then code)."""
        with locked(self._conn):
            product_rows = self._conn.execute(
                "SELECT product_code, name FROM product ORDER BY name COLLATE NOCASE, product_code"
            ).fetchall()
            option_rows = self._conn.execute(
                "SELECT dc_code, product_code, name, channel_product_mapping_code, unit_price,"
                " currency FROM product_option ORDER BY product_code, sort_order, rowid"
            ).fetchall()
        by_product: dict[str, list[CatalogOption]] = {}
        for row in option_rows:
            by_product.setdefault(row[1], []).append(_option_from_row(row))
        return [
            CatalogProduct(code, name, tuple(by_product.get(code, ())))
            for code, name in product_rows
        ]

    def get_product(self, product_code: str) -> CatalogProduct | None:
        with locked(self._conn):
            row = self._conn.execute(
                "SELECT product_code, name FROM product WHERE product_code = ?", (product_code,)
            ).fetchone()
            if row is None:
                return None
            options = self._conn.execute(
                "SELECT dc_code, product_code, name, channel_product_mapping_code, unit_price,"
                " currency FROM product_option WHERE product_code = ? ORDER BY sort_order, rowid",
                (product_code,),
            ).fetchall()
        return CatalogProduct(row[0], row[1], tuple(_option_from_row(o) for o in options))

    def get_option(self, dc_code: str) -> CatalogOption | None:
        with locked(self._conn):
            row = self._conn.execute(
                "SELECT dc_code, product_code, name, channel_product_mapping_code, unit_price,"
                " currency FROM product_option WHERE dc_code = ?",
                (dc_code,),
            ).fetchone()
        return None if row is None else _option_from_row(row)

    def product_name(self, product_code: str) -> str | None:
        with locked(self._conn):
            row = self._conn.execute(
                "SELECT name FROM product WHERE product_code = ?", (product_code,)
            ).fetchone()
        return None if row is None else str(row[0])

    def is_empty(self) -> bool:
        with locked(self._conn):
            return self._conn.execute("SELECT 1 FROM product LIMIT 1").fetchone() is None

    # -- changing ---------------------------------------------------------------

    def upsert_product(self, product_code: str, name: str) -> None:
        """Add a product or rename it; its options are kept."""
        product = self._checked([CatalogProduct(product_code, name)], "the product")[0]
        with transaction(self._conn):
            self._write_product(product.product_code, product.name)

    def upsert_option(self, option: CatalogOption) -> None:
        """Add or change one option; its product must exist."""
        checked = self._checked_option(option)
        with transaction(self._conn):
            if (
                self._conn.execute(
                    "SELECT 1 FROM product WHERE product_code = ?", (checked.product_code,)
                ).fetchone()
                is None
            ):
                raise CatalogError(
                    Problem(OPTION_WITHOUT_PRODUCT, checked.dc_code, checked.product_code)
                )
            self._write_option(checked, self._next_sort_order(checked))

    def save_product(self, product: CatalogProduct) -> None:
        """Store ``product`` exactly: its name and precisely the options given, in that order."""
        checked = self._checked([product], "the product")[0]
        with transaction(self._conn):
            self._replace_products([checked], clear=False)

    def delete_product(self, product_code: str) -> bool:
        """Remove a product and its options; False when it was not there."""
        with transaction(self._conn):
            cursor = self._conn.execute(
                "DELETE FROM product WHERE product_code = ?", (product_code,)
            )
        return cursor.rowcount > 0

    def delete_option(self, dc_code: str) -> bool:
        with transaction(self._conn):
            cursor = self._conn.execute("DELETE FROM product_option WHERE dc_code = ?", (dc_code,))
        return cursor.rowcount > 0

    def replace_all(self, products: Sequence[CatalogProduct]) -> ImportResult:
        """Make the catalog exactly ``products`` (validated first, all-or-nothing)."""
        checked = self._checked(products, "the catalog")
        with transaction(self._conn):
            self._replace_products(checked, clear=True)
        return _result(checked)

    # -- the team catalog's mirror (team journal only) -------------------------------

    def team_mirror(self) -> TeamMirror | None:
        """What this copy mirrors of the team catalog (None: nothing yet)."""
        with locked(self._conn):
            row = self._conn.execute(
                "SELECT endpoint, revision, base, unpublished FROM team_catalog_mirror"
            ).fetchone()
        if row is None:
            return None
        revision = None if row[1] is None else int(row[1])
        return TeamMirror(str(row[0]), revision, str(row[2]), bool(row[3]))

    def set_team_mirror(
        self, mirror: TeamMirror, products: Sequence[CatalogProduct] | None = None
    ) -> None:
        """Record ``mirror``; with ``products``, make the catalog exactly them in the same
        transaction (a copy never says it matches a revision it does not hold)."""
        checked = None if products is None else self._checked(products, "the catalog")
        with transaction(self._conn):
            if checked is not None:
                self._replace_products(checked, clear=True)
            self._conn.execute(
                "INSERT INTO team_catalog_mirror (id, endpoint, revision, base, unpublished)"
                " VALUES (1, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
                " endpoint = excluded.endpoint, revision = excluded.revision,"
                " base = excluded.base, unpublished = excluded.unpublished",
                (mirror.endpoint, mirror.revision, mirror.base, int(mirror.unpublished)),
            )

    def replace_from_sandbox(self, catalog: Sequence[Mapping[str, Any]]) -> ImportResult:
        """Make the catalog the sandbox's (``RunningSandbox.catalog()`` dicts)."""
        products = products_from_dicts(catalog, source="the sandbox catalog")
        with transaction(self._conn):
            self._replace_products(products, clear=True)
        return _result(products)

    # -- files ------------------------------------------------------------------

    def import_csv(self, source: Path | bytes, *, replace: bool = False) -> ImportResult:
        """Import a CSV file (or its bytes).

        Products in the file are stored as given (their options replaced by the
        file's); with ``replace=True`` every other product is removed as well.
        Raises :class:`CatalogImportError` and changes nothing if any row is bad.
        """
        data, label = _read_source(source, "the CSV file")
        products, warnings = parse_catalog_csv(data, source=label)
        return self._import(products, warnings, replace=replace)

    def import_json(self, source: Path | bytes, *, replace: bool = False) -> ImportResult:
        """Import ``{"products": [...]}`` JSON; same rules as :meth:`import_csv`."""
        data, label = _read_source(source, "the JSON file")
        return self._import(parse_catalog_json(data, source=label), [], replace=replace)

    def export_csv(self, path: Path) -> int:
        """Write the catalog as CSV (UTF-8 with BOM); returns the number of products."""
        products = self.list_products()
        _write_export(path, catalog_to_csv_bytes(products))
        return len(products)

    def export_json(self, path: Path) -> int:
        products = self.list_products()
        _write_export(path, catalog_to_json_bytes(products))
        return len(products)

    # -- internals ----------------------------------------------------------------

    def _import(
        self, products: list[CatalogProduct], warnings: list[Problem], *, replace: bool
    ) -> ImportResult:
        with transaction(self._conn):
            self._replace_products(products, clear=replace)
        result = _result(products)
        return ImportResult(result.products, result.options, tuple(warnings))

    def _checked(self, products: Sequence[CatalogProduct], source: str) -> list[CatalogProduct]:
        return products_from_dicts(
            (
                {
                    "product_code": p.product_code,
                    "name": p.name,
                    "options": [
                        {
                            "dc_code": o.dc_code,
                            "name": o.name,
                            "channel_product_mapping_code": o.channel_product_mapping_code,
                            "unit_price": o.unit_price,
                            "currency": o.currency,
                        }
                        for o in p.options
                    ],
                }
                for p in products
            ),
            source=source,
        )

    def _checked_option(self, option: CatalogOption) -> CatalogOption:
        products = self._checked(
            [CatalogProduct(option.product_code, "-", (option,))], "the option"
        )
        return products[0].options[0]

    def _replace_products(self, products: Sequence[CatalogProduct], *, clear: bool) -> None:
        if clear:
            self._conn.execute("DELETE FROM product")
        for product in products:
            self._write_product(product.product_code, product.name)
            keep = [o.dc_code for o in product.options]
            marks = ", ".join("?" * len(keep))
            self._conn.execute(
                f"DELETE FROM product_option WHERE product_code = ? AND dc_code NOT IN ({marks})",
                (product.product_code, *keep),
            )
            for sort_order, option in enumerate(product.options):
                self._write_option(option, sort_order)

    def _write_product(self, product_code: str, name: str) -> None:
        self._conn.execute(
            "INSERT INTO product (product_code, name) VALUES (?, ?)"
            " ON CONFLICT (product_code) DO UPDATE SET name = excluded.name",
            (product_code, name),
        )

    def _write_option(self, option: CatalogOption, sort_order: int) -> None:
        self._conn.execute(
            "INSERT INTO product_option (dc_code, product_code, name,"
            " channel_product_mapping_code, unit_price, currency, sort_order)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (dc_code) DO UPDATE SET product_code = excluded.product_code,"
            " name = excluded.name,"
            " channel_product_mapping_code = excluded.channel_product_mapping_code,"
            " unit_price = excluded.unit_price, currency = excluded.currency,"
            " sort_order = excluded.sort_order",
            (
                option.dc_code,
                option.product_code,
                option.name,
                option.channel_product_mapping_code,
                money_to_db(option.unit_price),
                option.currency,
                sort_order,
            ),
        )

    def _next_sort_order(self, option: CatalogOption) -> int:
        row = self._conn.execute(
            "SELECT sort_order FROM product_option WHERE dc_code = ?", (option.dc_code,)
        ).fetchone()
        if row is not None:
            return int(row[0])
        row = self._conn.execute(
            "SELECT COALESCE(MAX(sort_order) + 1, 0) FROM product_option WHERE product_code = ?",
            (option.product_code,),
        ).fetchone()
        return int(row[0])


def _option_from_row(row: Sequence[Any]) -> CatalogOption:
    return CatalogOption(
        dc_code=row[0],
        product_code=row[1],
        name=row[2],
        channel_product_mapping_code=row[3],
        unit_price=money_from_db(row[4]),
        currency=row[5],
    )


def _result(products: Sequence[CatalogProduct]) -> ImportResult:
    return ImportResult(products=len(products), options=sum(len(p.options) for p in products))


def _read_source(source: Path | bytes, label: str) -> tuple[bytes, str]:
    if isinstance(source, bytes):
        return source, label
    try:
        return source.read_bytes(), source.name
    except OSError as exc:
        raise CatalogImportError(
            [Problem(FILE_UNREADABLE, exc.strerror or exc)], source=source.name
        ) from None


def _write_export(path: Path, data: bytes) -> None:
    try:
        atomic_write_bytes(path, data)
    except OSError as exc:
        raise CatalogError(Problem(EXPORT_FAILED, path, exc.strerror or exc)) from exc
