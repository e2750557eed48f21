"""Whether the inventory on screen is the product asked for, and making it plain when not.

While another product loads, after it failed to load, or while the product box
names another product than the one shown, the calendar and the day's
departures still show the previous product. They stay (the operator keeps
their bearings) but are dimmed, a sentence above them says whose they are,
and none of them can be booked: the slot table is disabled and "Book this
slot" refuses (:class:`~axdesk.ui.inventory.booking.SlotBooking` asks
:meth:`StaleInventory.is_current`).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QGraphicsOpacityEffect, QLabel, QWidget

from axdesk.ui.common.placeholders import fill_args
from axdesk.ui.inventory.loading import InventoryLoader
from axdesk.ui.inventory.pickers import ProductPicker

DIMMED_OPACITY = 0.35


class StaleInventory(QObject):
    """Dims the inventory of another product than the one asked for, and says so.

    Signals:
        changed(): whether the inventory on screen is current changed (Book follows it).
    """

    changed = Signal()

    def __init__(
        self,
        loader: InventoryLoader,
        products: ProductPicker,
        *,
        label: QLabel,
        dimmed: Sequence[QWidget],
        blocked: Sequence[QWidget],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._loader = loader
        self._products = products
        self._label = label
        self._blocked = list(blocked)
        self._effects: list[QGraphicsOpacityEffect] = []
        for widget in dimmed:
            effect = QGraphicsOpacityEffect(widget)
            effect.setOpacity(DIMMED_OPACITY)
            effect.setEnabled(False)
            widget.setGraphicsEffect(effect)
            self._effects.append(effect)
        self._current = True
        label.setWordWrap(True)
        label.setVisible(False)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        loader.changed.connect(self.update)

    def is_current(self) -> bool:
        """True when the inventory on screen is the product asked for and shown in the box."""
        return self._current

    def update(self, *_args: object) -> None:
        """Look again at what is loading, shown and named in the box; dim and say so."""
        sentence = self._stale_sentence()
        current = self._loader.index is not None and sentence == ""
        self._label.setText(sentence)
        self._label.setVisible(bool(sentence))
        for effect in self._effects:
            effect.setEnabled(bool(sentence))
        for widget in self._blocked:
            widget.setEnabled(not sentence)
        if current != self._current:
            self._current = current
            self.changed.emit()

    def _stale_sentence(self) -> str:
        """Why the inventory on screen is not the one asked for ("" when it is, or none is)."""
        index = self._loader.index
        if index is None:
            return ""
        shown = index.product_code
        loading = self._loader.loading_code
        wanted = self._loader.wanted_code
        name = self._products.product_name
        if loading is not None and loading != shown:
            return fill_args(
                self.tr("Loading %1… The departures below are of %2 and cannot be booked."),
                name(loading),
                name(shown),
            )
        if wanted is not None and wanted != shown:
            return fill_args(
                self.tr(
                    "%1 could not be loaded. The departures below are of %2 and cannot be booked."
                ),
                name(wanted),
                name(shown),
            )
        if self._products.current_code() != shown:
            return fill_args(
                self.tr(
                    "The departures below are of %1, not of the product in the box: "
                    "press Enter to show it."
                ),
                name(shown),
            )
        return ""
