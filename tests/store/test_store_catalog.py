"""CatalogStore: CRUD, sandbox import, CSV/JSON round trips, all-or-nothing imports."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from contextlib import closing
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from axdesk.store.catalog import (
    CatalogError,
    CatalogImportError,
    CatalogOption,
    CatalogProduct,
    CatalogStore,
    catalog_to_csv_bytes,
    catalog_to_json_bytes,
)
from axdesk.store.db import Database, open_database

SANDBOX_CATALOG = [
    {
        "product_code": "3f1c0d2e-0000-4000-8000-000000000001",
        "name": "서울 야경 투어",
        "options": [
            {
                "dc_code": "dc-adult",
                "name": "성인",
                "channel_product_mapping_code": "map-adult",
                "unit_price": "45000.00000",
                "currency": "KRW",
            },
            {
                "dc_code": "dc-child",
                "name": "어린이",
                "channel_product_mapping_code": "map-child",
                "unit_price": "30000",
                "currency": "KRW",
            },
        ],
    },
    {
        "product_code": "3f1c0d2e-0000-4000-8000-000000000002",
        "name": "DMZ tour",
        "options": [
            {
                "dc_code": "dc-dmz",
                "name": "Standard",
                "channel_product_mapping_code": "map-dmz",
                "unit_price": "89.50",
                "currency": "USD",
            }
        ],
    },
]

HEADER = (
    "product_code,product_name,dc_code,option_name,channel_product_mapping_code,unit_price,currency"
)


@pytest.fixture
def conn() -> Iterator[Database]:
    connection = open_database(":memory:")
    yield connection
    connection.close()


@pytest.fixture
def store(conn: Database) -> CatalogStore:
    return CatalogStore(conn)


def test_replace_from_sandbox_stores_products_and_options_in_order(store: CatalogStore) -> None:
    result = store.replace_from_sandbox(SANDBOX_CATALOG)
    assert (result.products, result.options) == (2, 3)
    products = store.list_products()
    assert [p.name for p in products] == ["DMZ tour", "서울 야경 투어"]
    seoul = store.get_product("3f1c0d2e-0000-4000-8000-000000000001")
    assert seoul is not None
    assert [o.dc_code for o in seoul.options] == ["dc-adult", "dc-child"]
    assert seoul.options[0].unit_price == Decimal("45000.00000")
    assert isinstance(seoul.options[0].unit_price, Decimal)
    option = store.get_option("dc-dmz")
    assert option == CatalogOption(
        "dc-dmz",
        "3f1c0d2e-0000-4000-8000-000000000002",
        "Standard",
        "map-dmz",
        Decimal("89.50"),
        "USD",
    )


def test_replace_from_sandbox_removes_what_is_gone(store: CatalogStore) -> None:
    store.replace_from_sandbox(SANDBOX_CATALOG)
    store.replace_from_sandbox(SANDBOX_CATALOG[1:])
    assert [p.name for p in store.list_products()] == ["DMZ tour"]
    assert store.get_option("dc-adult") is None


def test_crud(store: CatalogStore) -> None:
    assert store.is_empty()
    store.upsert_product("p1", "Tour")
    store.upsert_option(CatalogOption("d1", "p1", "Adult", "m1", Decimal("10"), "usd"))
    store.upsert_option(CatalogOption("d2", "p1", "Child", "m2", Decimal("5.5"), "USD"))
    store.upsert_product("p1", "Tour renamed")
    product = store.get_product("p1")
    assert product is not None
    assert product.name == "Tour renamed"
    assert [(o.dc_code, o.currency) for o in product.options] == [("d1", "USD"), ("d2", "USD")]
    store.upsert_option(CatalogOption("d1", "p1", "Adult+", "m1", Decimal("12"), "USD"))
    product = store.get_product("p1")
    assert product is not None
    assert [o.name for o in product.options] == ["Adult+", "Child"]
    assert store.delete_option("d2")
    assert not store.delete_option("d2")
    assert store.delete_product("p1")
    assert store.get_option("d1") is None
    assert store.is_empty()


def test_option_of_an_unknown_product_is_refused(store: CatalogStore) -> None:
    with pytest.raises(CatalogError, match="not in the catalog"):
        store.upsert_option(CatalogOption("d1", "nope", "Adult", "m1", Decimal("10"), "KRW"))


def test_invalid_option_is_a_sentence(store: CatalogStore) -> None:
    store.upsert_product("p1", "Tour")
    with pytest.raises(CatalogImportError, match="negative"):
        store.upsert_option(CatalogOption("d1", "p1", "Adult", "m1", Decimal("-1"), "KRW"))
    with pytest.raises(CatalogImportError, match="KRW or USD"):
        store.upsert_option(CatalogOption("d1", "p1", "Adult", "m1", Decimal("1"), "EUR"))


def test_save_product_replaces_its_options_exactly(store: CatalogStore) -> None:
    store.replace_from_sandbox(SANDBOX_CATALOG)
    seoul = store.get_product("3f1c0d2e-0000-4000-8000-000000000001")
    assert seoul is not None
    store.save_product(CatalogProduct(seoul.product_code, seoul.name, seoul.options[1:]))
    again = store.get_product(seoul.product_code)
    assert again is not None
    assert [o.dc_code for o in again.options] == ["dc-child"]


def test_csv_export_has_bom_and_korean_and_reimports_identically(
    store: CatalogStore, tmp_path: Path
) -> None:
    store.replace_from_sandbox(SANDBOX_CATALOG)
    store.upsert_product("p-empty", "옵션 없는 상품")
    path = tmp_path / "catalog.csv"
    assert store.export_csv(path) == 3
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert "서울 야경 투어".encode() in data
    assert data.splitlines()[0].decode("utf-8-sig") == HEADER

    with closing(open_database(":memory:")) as other_db:
        other = CatalogStore(other_db)
        result = other.import_csv(path)
        assert (result.products, result.options, result.warnings) == (3, 3, ())
        assert other.list_products() == store.list_products()

    with closing(open_database(":memory:")) as other_db:
        without_bom = CatalogStore(other_db)
        without_bom.import_csv(data[3:])
        assert without_bom.list_products() == store.list_products()


def test_json_round_trip(store: CatalogStore, tmp_path: Path) -> None:
    store.replace_from_sandbox(SANDBOX_CATALOG)
    path = tmp_path / "catalog.json"
    store.export_json(path)
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["products"][1]["options"][0]["unit_price"] == "45000.00000"
    with closing(open_database(":memory:")) as other_db:
        other = CatalogStore(other_db)
        assert other.import_json(path).options == 3
        assert other.list_products() == store.list_products()


def test_json_numbers_are_read_exactly_never_through_float(store: CatalogStore) -> None:
    text = '{"products": [{"product_code": "p", "name": "n", "options": [{"dc_code": "d",'
    text += ' "name": "o", "channel_product_mapping_code": "m", "unit_price": 0.1,'
    text += ' "currency": "USD"}]}]}'
    store.import_json(text.encode())
    option = store.get_option("d")
    assert option is not None
    assert option.unit_price == Decimal("0.1")


def test_a_bad_csv_row_imports_nothing_and_names_every_problem(store: CatalogStore) -> None:
    store.replace_from_sandbox(SANDBOX_CATALOG[1:])
    before = store.list_products()
    rows = [
        HEADER,
        "p1,Tour,d1,Adult,m1,10000,KRW",
        "p1,Tour,d2,Child,m2,abc,KRW",
        "p1,Other name,d3,Senior,m3,5000,KRW",
        "p2,Tour 2,d1,Adult,m1,10,USD",
        "p3,Tour 3,d4,Adult,m4,10,EUR",
        ",Tour 4,d5,Adult,m5,10,USD",
        "p6,Tour 6,d6,Adult,m6,1.123456,USD",
    ]
    with pytest.raises(CatalogImportError) as caught:
        store.import_csv("\n".join(rows).encode("utf-8"))
    problems = caught.value.problems
    assert problems == (
        "Row 3: the unit price 'abc' is not a number.",
        "Row 4: product p1 is named 'Other name' here but 'Tour' in Row 2.",
        "Row 5: option d1 already appears in Row 2.",
        "Row 6: the currency must be KRW or USD (got 'EUR').",
        "Row 7: the product code is missing.",
        "Row 8: the unit price 1.123456 has more than 5 decimals.",
    )
    assert str(caught.value).startswith(
        "Nothing was imported from the CSV file because of 6 problems:"
    )
    assert store.list_products() == before


def test_csv_header_problems(store: CatalogStore) -> None:
    with pytest.raises(CatalogImportError, match="lacks the column currency"):
        store.import_csv(HEADER.rsplit(",", 1)[0].encode())
    with pytest.raises(CatalogImportError, match="empty"):
        store.import_csv(b"")


def test_csv_tolerances_are_reported(store: CatalogStore) -> None:
    text = "currency,unit_price,notes," + HEADER.rsplit(",", 2)[0] + "\r\n"
    text += 'krw,"12,000",hello,p1,투어,d1,성인,m1\r\n\r\n'
    result = store.import_csv(text.encode("cp949"))
    assert result.options == 1
    assert any("CP949" in w for w in result.warnings)
    assert any("notes" in w for w in result.warnings)
    option = store.get_option("d1")
    assert option is not None
    assert (option.unit_price, option.currency, option.name) == (Decimal("12000"), "KRW", "성인")


def test_import_merges_unless_replace(store: CatalogStore) -> None:
    store.replace_from_sandbox(SANDBOX_CATALOG)
    store.import_csv(f"{HEADER}\np9,New,d9,Adult,m9,1,USD".encode())
    assert len(store.list_products()) == 3
    store.import_csv(f"{HEADER}\np9,New,d9,Adult,m9,1,USD".encode(), replace=True)
    assert [p.product_code for p in store.list_products()] == ["p9"]


@pytest.mark.parametrize(
    ("data", "sentence"),
    [
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b'{"products": [{"product_code": ' + b"9" * 5000 + b"}]}", "number too long"),
    ],
)
def test_json_that_python_refuses_to_read_is_a_sentence(
    store: CatalogStore, data: bytes, sentence: str
) -> None:
    with pytest.raises(CatalogImportError, match=sentence):
        store.import_json(data)


def test_invalid_json_is_a_sentence(store: CatalogStore, tmp_path: Path) -> None:
    with pytest.raises(CatalogImportError, match="not valid JSON"):
        store.import_json(b'{"products": [')
    with pytest.raises(CatalogImportError, match="Product 1, option 1: the option name is missing"):
        store.import_json(
            b'{"products": [{"product_code": "p", "name": "n", "options": [{"dc_code": "d",'
            b' "channel_product_mapping_code": "m", "unit_price": "1", "currency": "USD"}]}]}'
        )
    with pytest.raises(CatalogImportError, match="could not be read"):
        store.import_json(tmp_path / "missing.json")


_codes = st.text(alphabet="abcdef0123456789-+=@'", min_size=1, max_size=12)
_names = (
    st.one_of(
        st.text(
            alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")),
            min_size=1,
            max_size=20,
        ),
        st.tuples(st.sampled_from("=+-@'"), st.text(max_size=10)).map("".join),  # formulas
    )
    .map(str.strip)
    .filter(bool)
)
_prices = st.decimals(min_value=0, max_value=10**9, places=5, allow_nan=False, allow_infinity=False)


@st.composite
def _catalogs(draw: st.DrawFn) -> list[CatalogProduct]:
    product_codes = draw(st.lists(_codes, min_size=0, max_size=4, unique=True))
    dc_codes = iter(draw(st.lists(_codes, min_size=12, max_size=12, unique=True)))
    products = []
    for code in product_codes:
        options = tuple(
            CatalogOption(
                next(dc_codes),
                code,
                draw(_names),
                draw(_codes),
                draw(_prices),
                draw(st.sampled_from(["KRW", "USD"])),
            )
            for _ in range(draw(st.integers(0, 3)))
        )
        products.append(CatalogProduct(code, draw(_names), options))
    return products


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(catalog=_catalogs())
def test_any_valid_catalog_survives_csv_and_json(catalog: list[CatalogProduct]) -> None:
    with closing(open_database(":memory:")) as source_db:
        source = CatalogStore(source_db)
        source.replace_all(catalog)
        expected = source.list_products()
    for data, importer in (
        (catalog_to_csv_bytes(expected), CatalogStore.import_csv),
        (catalog_to_json_bytes(expected), CatalogStore.import_json),
    ):
        with closing(open_database(":memory:")) as target_db:
            target = CatalogStore(target_db)
            importer(target, data)
            assert target.list_products() == expected


FORMULAS = ('=HYPERLINK("http://x")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)")


def test_csv_export_neutralises_formulas_and_imports_back_the_same(
    store: CatalogStore, tmp_path: Path
) -> None:
    options = tuple(
        CatalogOption(f"d{n}", "p1", name, f"m{n}", Decimal(1000 + n), "KRW")
        for n, name in enumerate((*FORMULAS, "'quoted'", "plain"), start=1)
    )
    store.replace_all([CatalogProduct("p1", "=1+1", options), CatalogProduct("-p2", "@me")])
    expected = store.list_products()
    path = tmp_path / "catalog.csv"
    store.export_csv(path)

    cells = [cell for row in csv.reader(io.StringIO(path.read_text("utf-8-sig"))) for cell in row]
    for cell in cells:  # no cell a spreadsheet would run
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    assert "'=1+1" in cells
    assert "'-p2" in cells
    assert "''quoted'" in cells  # a leading apostrophe is doubled, so it survives the import

    with closing(open_database(":memory:")) as other_db:
        other = CatalogStore(other_db)
        other.import_csv(path)
        assert other.list_products() == expected
