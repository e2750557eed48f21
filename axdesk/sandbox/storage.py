"""Keeping the sandbox's state in SQLite (``--state FILE.sqlite``) across restarts.

The catalog is written once, when the file is new; afterwards each change
(an order, a status, a cancelled ticket, the seat counts it moved) is
written as it happens, inside the state's lock, in one transaction.

Schema 2 numbers the orders made under one channel order code (``repeat_no``:
a sandbox that does not deduplicate makes several). A schema 1 file is
upgraded in place when opened; its orders become repeat 0.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path

from axdesk.sandbox.catalog import Catalog, Credential, Option, Product, Slot
from axdesk.sandbox.orders import AxOrder, ChannelOrder, HistoryEntry, Ticket
from axdesk.sandbox.wire import BodyError, parse_json

SCHEMA_VERSION = 2

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE credentials (
    api_key TEXT NOT NULL, channel_code TEXT NOT NULL, PRIMARY KEY (api_key, channel_code));
CREATE TABLE products (
    product_code TEXT PRIMARY KEY, name TEXT NOT NULL, position INTEGER NOT NULL);
CREATE TABLE options (
    dc_code TEXT PRIMARY KEY, product_code TEXT NOT NULL REFERENCES products, name TEXT NOT NULL,
    mapping_code TEXT NOT NULL UNIQUE, unit_price TEXT NOT NULL, currency TEXT NOT NULL,
    position INTEGER NOT NULL);
CREATE TABLE slots (
    inventory_code TEXT PRIMARY KEY, dc_code TEXT NOT NULL REFERENCES options, date TEXT NOT NULL,
    start_time TEXT NOT NULL, max_quantity INTEGER NOT NULL, min_quantity INTEGER NOT NULL,
    ordered_quantity INTEGER NOT NULL, is_order INTEGER NOT NULL, position INTEGER NOT NULL);
CREATE TABLE channel_orders (
    channel_code TEXT NOT NULL, channel_order_code TEXT NOT NULL, body TEXT NOT NULL,
    created_at TEXT NOT NULL, repeat_no INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (channel_code, channel_order_code, repeat_no));
CREATE TABLE ax_orders (
    ax_order_code TEXT PRIMARY KEY, channel_code TEXT NOT NULL, channel_order_code TEXT NOT NULL,
    position INTEGER NOT NULL, dc_code TEXT NOT NULL, inventory_code TEXT NOT NULL,
    inventory_at TEXT NOT NULL, status INTEGER NOT NULL, created_at TEXT NOT NULL,
    pending_at TEXT, decide_at TEXT, outcome INTEGER NOT NULL,
    repeat_no INTEGER NOT NULL DEFAULT 0);
CREATE TABLE tickets (
    ax_ticket_code TEXT PRIMARY KEY, ax_order_code TEXT NOT NULL REFERENCES ax_orders,
    position INTEGER NOT NULL, channel_ticket_code TEXT NOT NULL, status TEXT NOT NULL);
CREATE TABLE history (
    ax_order_code TEXT NOT NULL REFERENCES ax_orders, seq INTEGER NOT NULL, at TEXT NOT NULL,
    from_status INTEGER, to_status INTEGER NOT NULL, comment TEXT,
    PRIMARY KEY (ax_order_code, seq));
"""

# Schema 1 had one order per channel order code; the columns are added at the end,
# as in _SCHEMA, so both kinds of file have the same column order.
_UPGRADE_FROM_1 = """
BEGIN;
CREATE TABLE channel_orders_2 (
    channel_code TEXT NOT NULL, channel_order_code TEXT NOT NULL, body TEXT NOT NULL,
    created_at TEXT NOT NULL, repeat_no INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (channel_code, channel_order_code, repeat_no));
INSERT INTO channel_orders_2 (channel_code, channel_order_code, body, created_at)
    SELECT channel_code, channel_order_code, body, created_at FROM channel_orders;
DROP TABLE channel_orders;
ALTER TABLE channel_orders_2 RENAME TO channel_orders;
ALTER TABLE ax_orders ADD COLUMN repeat_no INTEGER NOT NULL DEFAULT 0;
UPDATE meta SET value = '2' WHERE key = 'schema_version';
COMMIT;
"""


class StateFileError(Exception):
    """A state file that cannot be used; ``str()`` is a sentence naming the file."""


class SqliteStorage:
    """The state file. Use :meth:`open`; then ``is_new`` says whether a catalog must be written."""

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path = path
        self._db = connection
        self._lock = threading.Lock()

    @classmethod
    def open(cls, path: Path) -> SqliteStorage:
        try:
            connection = sqlite3.connect(path, check_same_thread=False)
        except sqlite3.Error as exc:
            raise StateFileError(f"The state file {path} cannot be opened ({exc}).") from exc
        storage = cls(path, connection)
        try:
            storage._prepare()
        except sqlite3.Error as exc:
            connection.close()
            raise StateFileError(
                f"The file {path} is not an AX sandbox state file ({exc})."
            ) from exc
        except StateFileError:
            connection.close()
            raise
        return storage

    def _prepare(self) -> None:
        tables = {row[0] for row in self._db.execute("SELECT name FROM sqlite_master")}
        if not tables:
            with self._db:
                self._db.executescript(_SCHEMA)
                self._db.execute(
                    "INSERT INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),)
                )
            return
        row = None
        if "meta" in tables:
            row = self._db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row is not None and row[0] == "1":
            self._db.executescript(_UPGRADE_FROM_1)
            return
        if row is None or row[0] != str(SCHEMA_VERSION):
            raise StateFileError(f"The file {self.path} is not an AX sandbox state file.")

    @property
    def is_new(self) -> bool:
        """True until a catalog has been written."""
        row = self._db.execute("SELECT value FROM meta WHERE key = 'timezone'").fetchone()
        return row is None

    def close(self) -> None:
        with self._lock:
            self._db.close()

    # --- writing ---

    def write_catalog(self, catalog: Catalog) -> None:
        with self._lock, self._db:
            self._db.execute("INSERT INTO meta VALUES ('timezone', ?)", (catalog.timezone,))
            for credential in catalog.credentials:
                self._insert_credential(credential)
            for p_index, product in enumerate(catalog.products):
                self._db.execute(
                    "INSERT INTO products VALUES (?, ?, ?)",
                    (product.product_code, product.name, p_index),
                )
                for o_index, option in enumerate(product.options):
                    self._db.execute(
                        "INSERT INTO options VALUES (?, ?, ?, ?, ?, ?, ?)",
                        (
                            option.dc_code,
                            product.product_code,
                            option.name,
                            option.mapping_code,
                            str(option.unit_price),
                            option.currency,
                            o_index,
                        ),
                    )
                    self._db.executemany(
                        "INSERT INTO slots VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        [
                            (
                                s.inventory_code,
                                option.dc_code,
                                s.date.isoformat(),
                                s.start_time.isoformat(),
                                s.max_quantity,
                                s.min_quantity,
                                s.ordered_quantity,
                                int(s.is_order),
                                s_index,
                            )
                            for s_index, s in enumerate(option.slots)
                        ],
                    )

    def add_credential(self, credential: Credential) -> None:
        with self._lock, self._db:
            self._insert_credential(credential)

    def _insert_credential(self, credential: Credential) -> None:
        self._db.execute(
            "INSERT OR IGNORE INTO credentials VALUES (?, ?)",
            (credential.api_key, credential.channel_code),
        )

    def save(self, orders: Iterable[ChannelOrder], slots: Iterable[Slot]) -> None:
        with self._lock, self._db:
            for slot in slots:
                self._db.execute(
                    "UPDATE slots SET ordered_quantity = ? WHERE inventory_code = ?",
                    (slot.ordered_quantity, slot.inventory_code),
                )
            for order in orders:
                self._save_order(order)

    def _save_order(self, order: ChannelOrder) -> None:
        self._db.execute(
            "INSERT OR IGNORE INTO channel_orders VALUES (?, ?, ?, ?, ?)",
            (
                order.channel_code,
                order.channel_order_code,
                order.body_text,
                order.created_at.isoformat(),
                order.repeat,
            ),
        )
        for position, ax in enumerate(order.ax_orders):
            self._db.execute(
                "INSERT OR REPLACE INTO ax_orders VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    ax.ax_order_code,
                    ax.channel_code,
                    ax.channel_order_code,
                    position,
                    ax.dc_code,
                    ax.inventory_code,
                    ax.inventory_at.isoformat(),
                    ax.status,
                    ax.created_at.isoformat(),
                    _iso(ax.pending_at),
                    _iso(ax.decide_at),
                    ax.outcome,
                    order.repeat,
                ),
            )
            self._db.executemany(
                "INSERT OR REPLACE INTO tickets VALUES (?, ?, ?, ?, ?)",
                [
                    (t.ax_ticket_code, ax.ax_order_code, index, t.channel_ticket_code, t.status)
                    for index, t in enumerate(ax.tickets)
                ],
            )
            self._db.executemany(
                "INSERT OR REPLACE INTO history VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (ax.ax_order_code, seq, h.at.isoformat(), h.from_status, h.to_status, h.comment)
                    for seq, h in enumerate(ax.history)
                ],
            )

    # --- reading ---

    def load(self) -> tuple[Catalog, list[ChannelOrder]]:
        """The stored catalog and orders; raises :class:`StateFileError` when they do not add up."""
        try:
            with self._lock:
                return self._load_catalog(), self._load_orders()
        except (sqlite3.Error, ValueError, KeyError, BodyError) as exc:
            raise StateFileError(f"The state file {self.path} is damaged ({exc}).") from exc

    def _load_catalog(self) -> Catalog:
        timezone = self._db.execute("SELECT value FROM meta WHERE key = 'timezone'").fetchone()[0]
        credentials = [
            Credential(api_key=key, channel_code=channel)
            for key, channel in self._db.execute("SELECT api_key, channel_code FROM credentials")
        ]
        slots: dict[str, list[Slot]] = {}
        for row in self._db.execute("SELECT * FROM slots ORDER BY dc_code, position"):
            code, dc_code, day, start, maximum, minimum, ordered, is_order, _ = row
            slots.setdefault(dc_code, []).append(
                Slot(
                    code,
                    dc_code,
                    date.fromisoformat(day),
                    time.fromisoformat(start),
                    maximum,
                    minimum,
                    ordered,
                    bool(is_order),
                )
            )
        options: dict[str, list[Option]] = {}
        for row in self._db.execute("SELECT * FROM options ORDER BY product_code, position"):
            dc_code, product_code, name, mapping, price, currency, _ = row
            options.setdefault(product_code, []).append(
                Option(
                    dc_code,
                    product_code,
                    name,
                    mapping,
                    Decimal(price),
                    currency,
                    slots.get(dc_code, []),
                )
            )
        products = [
            Product(code, name, options.get(code, []))
            for code, name in self._db.execute(
                "SELECT product_code, name FROM products ORDER BY position"
            )
        ]
        return Catalog(timezone=timezone, credentials=credentials, products=products)

    def _load_orders(self) -> list[ChannelOrder]:
        tickets: dict[str, list[Ticket]] = {}
        for order_code, code, channel_code, status in self._db.execute(
            "SELECT ax_order_code, ax_ticket_code, channel_ticket_code, status FROM tickets "
            "ORDER BY ax_order_code, position"
        ):
            tickets.setdefault(order_code, []).append(Ticket(code, channel_code, status))
        history: dict[str, list[HistoryEntry]] = {}
        for order_code, at, from_status, to_status, comment in self._db.execute(
            "SELECT ax_order_code, at, from_status, to_status, comment FROM history "
            "ORDER BY ax_order_code, seq"
        ):
            history.setdefault(order_code, []).append(
                HistoryEntry(datetime.fromisoformat(at), from_status, to_status, comment)
            )
        ax_orders: dict[tuple[str, str, int], list[AxOrder]] = {}
        for row in self._db.execute(
            "SELECT * FROM ax_orders ORDER BY channel_code, channel_order_code, repeat_no, position"
        ):
            (
                code,
                channel,
                channel_order_code,
                _,
                dc_code,
                inventory_code,
                inventory_at,
                status,
                created_at,
                pending_at,
                decide_at,
                outcome,
                repeat,
            ) = row
            ax_orders.setdefault((channel, channel_order_code, repeat), []).append(
                AxOrder(
                    code,
                    channel,
                    channel_order_code,
                    dc_code,
                    inventory_code,
                    datetime.fromisoformat(inventory_at),
                    status,
                    datetime.fromisoformat(created_at),
                    _parse(pending_at),
                    _parse(decide_at),
                    outcome,
                    tickets.get(code, []),
                    history.get(code, []),
                )
            )
        return [
            ChannelOrder(
                channel,
                code,
                body,
                parse_json(body),
                datetime.fromisoformat(created),
                ax_orders.get((channel, code, repeat), []),
                repeat,
            )
            for channel, code, body, created, repeat in self._db.execute(
                "SELECT channel_code, channel_order_code, body, created_at, repeat_no "
                "FROM channel_orders ORDER BY created_at, repeat_no"
            )
        ]


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def _parse(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text is not None else None
