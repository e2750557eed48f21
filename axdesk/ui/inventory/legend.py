"""The legend under the Inventory calendar: every colour and mark, named in words."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from axdesk.ui.common.placeholders import fill_args
from axdesk.ui.inventory.index import SlotState
from axdesk.ui.inventory.painting import (
    STATE_COLOURS,
    blend,
    paint_below_minimum_mark,
    paint_guaranteed_mark,
    paint_state_swatch,
    paint_warning_mark,
)


class InventoryLegend(QWidget):
    """Names every colour and mark of the calendar in words, wrapped to the widget's width.

    Painted (not a layout of labels) so that it wraps without a custom layout;
    its accessible description carries the same words for screen readers.
    """

    _SPACING = 16

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entries: list[tuple[Callable[[QPainter, QRectF], None] | None, str]] = []
        self._threshold = 3
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.set_threshold(3)

    @property
    def threshold(self) -> int:
        """The "nearly full" seats the legend names."""
        return self._threshold

    def set_threshold(self, seats: int) -> None:
        """Say what "nearly full" means with the current setting (texts made again, in the
        current language, and the legend repainted)."""
        self._threshold = seats

        def swatch(state: SlotState) -> Callable[[QPainter, QRectF], None]:
            def paint(painter: QPainter, box: QRectF) -> None:
                base = self.palette().color(QPalette.ColorRole.Base)
                wide = QRectF(box.left(), box.top(), box.height() * 1.6, box.height())
                paint_state_swatch(painter, wide, state, base)
                painter.setPen(QPen(blend(base, STATE_COLOURS[state], 0.6), 1))
                painter.drawRoundedRect(wide, 4, 4)

            return paint

        self._entries = [
            (
                swatch(SlotState.ROOM),
                QCoreApplication.translate("InventoryCalendar", "On sale, with room"),
            ),
            (
                swatch(SlotState.NEARLY_FULL),
                fill_args(
                    QCoreApplication.translate(
                        "InventoryCalendar", "Nearly full: %1 or fewer seats left"
                    ),
                    str(seats),
                ),
            ),
            (
                swatch(SlotState.SOLD_OUT),
                QCoreApplication.translate("InventoryCalendar", "Sold out"),
            ),
            (
                swatch(SlotState.CLOSED),
                QCoreApplication.translate("InventoryCalendar", "Closed: not on sale"),
            ),
            (
                swatch(SlotState.PAST),
                QCoreApplication.translate(
                    "InventoryCalendar", "Departed: gone by the supplier's clock"
                ),
            ),
            (
                paint_guaranteed_mark,
                QCoreApplication.translate(
                    "InventoryCalendar", "Guaranteed: a departure reached its minimum"
                ),
            ),
            (
                paint_below_minimum_mark,
                QCoreApplication.translate(
                    "InventoryCalendar", "Not yet guaranteed: below the minimum"
                ),
            ),
            (
                paint_warning_mark,
                QCoreApplication.translate(
                    "InventoryCalendar", "Numbers from AX that do not add up"
                ),
            ),
            (
                None,
                QCoreApplication.translate(
                    "InventoryCalendar", "The number in a day is the seats left on sale."
                ),
            ),
        ]
        self.setAccessibleDescription(" ".join(text for _paint, text in self._entries))
        self.updateGeometry()
        self.update()

    def entries(self) -> list[str]:
        """The legend's words, in order (what the accessible description says)."""
        return [text for _paint, text in self._entries]

    def _icon_width(self, paint: Callable[[QPainter, QRectF], None] | None) -> int:
        height = self.fontMetrics().height()
        if paint is None:
            return 0
        if paint in (paint_guaranteed_mark, paint_below_minimum_mark, paint_warning_mark):
            return height + 5
        return round(height * 1.6) + 5

    def _layout(self, width: int) -> list[tuple[QRect, int]]:
        """Each entry's box (icon and words) for ``width``; wraps like text."""
        metrics = self.fontMetrics()
        line_height = metrics.height() + 4
        x = y = 0
        boxes: list[tuple[QRect, int]] = []
        for paint, text in self._entries:
            icon = self._icon_width(paint)
            entry_width = icon + metrics.horizontalAdvance(text)
            if x > 0 and x + entry_width > width:
                x = 0
                y += line_height
            boxes.append((QRect(x, y, entry_width, line_height), icon))
            x += entry_width + self._SPACING
        return boxes

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        boxes = self._layout(max(width, 1))
        return boxes[-1][0].bottom() + 1 if boxes else 0

    def sizeHint(self) -> QSize:
        width = max(self.width(), 400)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        widest = max(
            (self._icon_width(p) + metrics.horizontalAdvance(t) for p, t in self._entries),
            default=0,
        )
        return QSize(min(widest, 240), self.heightForWidth(240))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self.fontMetrics()
        size = metrics.height()
        hint_colour = self.palette().color(QPalette.ColorRole.PlaceholderText)
        text_colour = self.palette().color(QPalette.ColorRole.WindowText)
        for (paint, text), (box, icon) in zip(
            self._entries, self._layout(self.width()), strict=True
        ):
            top = box.top() + (box.height() - size) / 2
            if paint is not None:
                paint(painter, QRectF(box.left() + 1, top + 1, size - 2, size - 2))
            painter.setPen(text_colour if paint is not None else hint_colour)
            text_box = QRect(box.left() + icon, box.top(), box.width() - icon, box.height())
            painter.drawText(text_box, int(Qt.AlignmentFlag.AlignVCenter), text)
        painter.end()
