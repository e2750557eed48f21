"""The product catalog read on the worker, for every tab that lists products.

The local catalog is a SQLite file that may sit on a slow disk or a network home, so the
GUI thread never reads it (the rule "the GUI thread never waits on the network, the
database or a slow disk"). :class:`CatalogReading` asks the worker; until the answer is in,
the tab keeps showing the products it read last. A newer request cancels the one in
flight, so a stale answer never replaces a fresher one. A read that fails is one
translated sentence (:meth:`CatalogReading.problem_sentence`) for the tab's message door;
the details go to the application log.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from axdesk.store.catalog import CatalogProduct, CatalogStore
from axdesk.store.db import DatabaseError
from axdesk.ui.common.live_text import live
from axdesk.ui.common.worker import Call, Worker, describe_error

log = logging.getLogger(__name__)


class CatalogReading(QObject):
    """The products, read on the worker when asked (:meth:`reload`), the latest kept.

    Signals:
        read(list): the products just read (``CatalogProduct``, sorted by name).
        failed(object): the catalog could not be read: a sentence for the operator
            (a ``LiveText``); :attr:`products` keeps the list read before.
    """

    read = Signal(list)
    failed = Signal(object)

    def __init__(
        self,
        worker: Worker,
        catalog: Callable[[], CatalogStore],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._catalog = catalog  # called on the worker: opening the store may touch the disk
        self._call: Call[Any] | None = None
        self._products: list[CatalogProduct] = []

    @property
    def products(self) -> list[CatalogProduct]:
        """The products as last read (empty before the first answer)."""
        return self._products

    @property
    def reading(self) -> bool:
        """A read is on its way."""
        return self._call is not None

    def reload(self) -> None:
        """Read the catalog again on the worker; a read still in flight is dropped."""
        self.stop()
        catalog = self._catalog
        self._call = (
            self._worker.call(lambda: catalog().list_products())
            .on_success(self._arrived)
            .on_error(self._failed)
            .start()
        )

    def stop(self) -> None:
        """Drop the read in flight, if any (its answer is ignored)."""
        if self._call is not None:
            self._call.cancel()
            self._call = None

    def _arrived(self, products: list[CatalogProduct]) -> None:
        self._call = None
        self._products = list(products)
        self.read.emit(self._products)

    def _failed(self, error: BaseException) -> None:
        self._call = None
        sentence = self.problem_sentence(error)
        if sentence is not None:
            self.failed.emit(sentence)

    @staticmethod
    def problem_sentence(error: BaseException) -> str | None:
        """The operator's sentence for a failed read (the details go to the log)."""
        if not isinstance(error, sqlite3.Error | DatabaseError):
            return describe_error(error)  # a bug: logged with its traceback, a calm sentence
        log.warning("Could not read the product catalog: %s", error)
        return live(
            lambda: QCoreApplication.translate(
                "CatalogReading",
                "The product catalog could not be read, so its products are not listed; "
                "a pasted product code still works. The details are in the application log.",
            )
        )
