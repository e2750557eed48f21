"""Live inventory for the order form, fetched on the worker and shared by its lines.

One fetch covers every option of a product on one day; the lines ask
:class:`InventoryCache` for what they need and listen to :attr:`updated`.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, Signal

from axdesk.api import Inventory
from axdesk.store.submission import InventoryKey
from axdesk.ui.common.context import Connection
from axdesk.ui.common.worker import Call, Worker, describe_error


class InventoryCache(QObject):
    """Inventory per (product code, date), read through the worker.

    Signals:
        updated(str, object): inventory (or an error) arrived for this product and date.
    """

    updated = Signal(str, object)

    def __init__(self, worker: Worker, connection: Connection, parent: QObject | None = None):
        super().__init__(parent)
        self._worker = worker
        self._connection = connection
        self._inventories: dict[InventoryKey, Inventory] = {}
        self._errors: dict[InventoryKey, str] = {}
        self._pending: dict[InventoryKey, Call[Inventory]] = {}
        connection.changed.connect(self.clear)

    def get(self, product_code: str, day: dt.date | None) -> Inventory | None:
        if not product_code or day is None:
            return None
        return self._inventories.get((product_code, day))

    def error(self, product_code: str, day: dt.date | None) -> str | None:
        if not product_code or day is None:
            return None
        return self._errors.get((product_code, day))

    def is_loading(self, product_code: str, day: dt.date | None) -> bool:
        return day is not None and (product_code, day) in self._pending

    def request(self, product_code: str, day: dt.date | None, *, refresh: bool = False) -> None:
        """Fetch unless already known (or on its way); ``refresh`` fetches again anyway."""
        if not product_code or day is None:
            return
        key = (product_code, day)
        if key in self._pending or (not refresh and key in self._inventories):
            return
        connection = self._connection

        def fetch() -> Inventory:
            return connection.client().get_inventory(product_code, day, day)

        def arrived(inventory: Inventory) -> None:
            self._arrived(key, inventory)

        def failed(error: BaseException) -> None:
            self._failed(key, error)

        call = self._worker.call(fetch).on_success(arrived).on_error(failed)
        self._pending[key] = call
        call.start()

    def store(self, key: InventoryKey, inventory: Inventory) -> None:
        """Record inventory read elsewhere (the seat check before sending)."""
        self._arrived(key, inventory)

    def clear(self) -> None:
        for call in self._pending.values():
            call.cancel()
        keys = set(self._inventories) | set(self._errors) | set(self._pending)
        self._pending.clear()
        self._inventories.clear()
        self._errors.clear()
        for product_code, day in keys:
            self.updated.emit(product_code, day)

    def shutdown(self) -> None:
        for call in self._pending.values():
            call.cancel()
        self._pending.clear()

    def _arrived(self, key: InventoryKey, inventory: Inventory) -> None:
        self._pending.pop(key, None)
        self._inventories[key] = inventory
        self._errors.pop(key, None)
        self.updated.emit(key[0], key[1])

    def _failed(self, key: InventoryKey, error: BaseException) -> None:
        self._pending.pop(key, None)
        sentence = describe_error(error)
        if sentence is None:
            return
        self._errors[key] = sentence
        self.updated.emit(key[0], key[1])
