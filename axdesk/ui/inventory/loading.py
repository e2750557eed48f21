"""Refreshing the Inventory: fetch a product's inventory on the worker, say how it went.

The worker fetches, aggregates (:meth:`InventoryIndex.build`) and folds the month
the calendar shows (:meth:`InventoryIndex.fold_month`) in one call, so the GUI
thread only shows the result: no loop over slots there. A failed fetch never replaces what is on
screen: the last good inventory stays, and the message bar says what went wrong
(the error's sentence, see :mod:`axdesk.ui.common.error_text`) and what is still
shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QLocale, QObject, Signal
from PySide6.QtWidgets import QLabel, QWidget

from axdesk.api import AxError, Inventory
from axdesk.ui.common.context import AppContext, NotConnectedError
from axdesk.ui.common.notice_bar import PROBLEM, NoticeBar
from axdesk.ui.common.placeholders import fill_args
from axdesk.ui.common.time_text import time_text
from axdesk.ui.common.worker import Call, describe_error
from axdesk.ui.inventory.index import InventoryIndex, MonthShown


def prepared_index(inventory: Inventory, threshold: int, shown: MonthShown) -> InventoryIndex:
    """The index of ``inventory`` with the month ``shown`` folded (the worker's part)."""
    index = InventoryIndex.build(inventory, threshold)
    index.fold_month(shown)
    return index


class InventoryLoader(QObject):
    """One fetch at a time; keeps the inventory on screen and when it arrived.

    Signals:
        loaded(object): an :class:`InventoryIndex` arrived (the tab shows it and then
            :meth:`record` s it).
        changed(): a fetch started or ended, or another product was asked for.
    """

    loaded = Signal(object)
    changed = Signal()

    def __init__(
        self,
        ctx: AppContext,
        *,
        clock: Callable[[], float],
        busy: QWidget,
        status_label: QLabel,
        message_bar: NoticeBar,
        product_name: Callable[[str], str],
        month_shown: Callable[[], MonthShown],
        parent: QObject | None = None,
    ) -> None:
        """``month_shown`` says, as a fetch starts, which month the answer will be shown in."""
        super().__init__(parent)
        self._ctx = ctx
        self._clock = clock
        self._busy = busy
        self._status_label = status_label
        self._message_bar = message_bar
        self._product_name = product_name
        self._month_shown = month_shown
        self._index: InventoryIndex | None = None
        self._loaded_at: float | None = None
        self._loaded_wall: dt.datetime | None = None
        self._call: Call[InventoryIndex] | None = None
        self._loading_code: str | None = None
        self._wanted_code: str | None = None

    @property
    def index(self) -> InventoryIndex | None:
        """The inventory on screen (None before the first successful fetch)."""
        return self._index

    @property
    def loading_code(self) -> str | None:
        """The product being fetched, if a fetch is under way."""
        return self._loading_code

    @property
    def wanted_code(self) -> str | None:
        """The product last asked for (shown, on its way, or failed to arrive)."""
        return self._wanted_code

    def load(self, code: str) -> None:
        """Fetch ``code``'s inventory on the worker (the window stays responsive)."""
        if self._call is not None and self._loading_code == code:
            return  # already on its way (Enter in the product box also fires "activated")
        if self._call is not None:
            self._call.cancel()
            self._call = None
            self._loading_code = None
        self._wanted_code = code
        try:
            client = self._ctx.connection.client()
        except NotConnectedError as error:
            self._show_error(error)
            self.changed.emit()
            return
        threshold = self._ctx.settings.nearly_full_threshold
        shown = self._month_shown()
        self._loading_code = code
        self.update_status()
        self._call = (
            self._ctx.worker.call(
                lambda: prepared_index(client.get_inventory(code), threshold, shown)
            )
            .on_success(self.loaded.emit)
            .on_error(self._show_error)
            .on_done(self._finished)
            .busy(self._busy)
            .operator()
            .start()
        )
        self.changed.emit()

    def record(self, index: InventoryIndex) -> None:
        """``index`` is now on screen, as of now."""
        self._index = index
        self._loaded_at = self._clock()
        self._loaded_wall = dt.datetime.now().astimezone()

    def is_stale(self) -> bool:
        """True when the inventory on screen is older than the setting allows, or was
        aggregated with another "nearly full" threshold than the one set now."""
        if self._loaded_at is None or self._index is None:
            return True
        if self._index.nearly_full_threshold != self._ctx.settings.nearly_full_threshold:
            return True
        age = self._clock() - self._loaded_at
        return age >= self._ctx.settings.inventory_refresh_age_seconds

    def forget_age(self) -> None:
        """Count the inventory on screen as stale (e.g. it came from another connection)."""
        self._loaded_at = None

    def shutdown(self) -> None:
        """Drop the fetch in flight (its answer is ignored)."""
        if self._call is not None:
            self._call.cancel()
        self._call = None
        self._loading_code = None

    def update_status(self) -> None:
        """Say in the status label what is loading, or how many slots are shown since when."""
        if self._loading_code is not None:
            self._status_label.setText(self.tr("Loading…"))
        elif self._index is None:
            self._status_label.setText("")
        else:
            self._status_label.setText(
                fill_args(
                    self.tr("%1 slots, updated %2"),
                    QLocale().toString(self._index.slot_count),
                    self.loaded_time_text(),
                )
            )

    def loaded_time_text(self) -> str:
        """When the inventory on screen arrived, as a local time ("" before the first)."""
        if self._loaded_wall is None:
            return ""
        return time_text(self._loaded_wall)

    def _finished(self) -> None:
        self._call = None
        self._loading_code = None
        self.update_status()
        self.changed.emit()

    def _show_error(self, error: BaseException) -> None:
        """The sentence for the error's class (one per class, see ``error_text``), and that
        the last good inventory is still on screen."""
        sentence = describe_error(error)
        if sentence is None:
            return
        # The client's own English sentence, when the one shown is a translation of its class.
        details = str(error) if isinstance(error, AxError) and str(error) != sentence else ""
        if self._index is not None:
            sentence += " " + fill_args(
                self.tr("Still showing %1, loaded at %2."),
                self._product_name(self._index.product_code),
                self.loaded_time_text(),
            )
        self._message_bar.show_notice(PROBLEM, sentence, details)
