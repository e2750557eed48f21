"""How the Inventory draws a state: colours, state words, painted marks, and the caches
that make painting cheap.

Shared by the calendar's day cells, the legend and the slot table. Colour is
never the only carrier of meaning: every state has its word (:func:`state_word`)
and every mark is a shape. Marks and short texts are painted once and then
copied (:class:`MarkCache`, :class:`TextCache`): a month repeats the same few
of them dozens of times.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QStaticText,
    QTransform,
)

from axdesk.ui.inventory.index import SlotState

STATE_COLOURS: dict[SlotState, QColor] = {
    SlotState.ROOM: QColor("#2e7d32"),
    SlotState.NEARLY_FULL: QColor("#e08600"),
    SlotState.SOLD_OUT: QColor("#c62828"),
    SlotState.CLOSED: QColor("#78909c"),
    SlotState.PAST: QColor("#a1887f"),
}
GUARANTEED_COLOUR = QColor("#1e88e5")
BELOW_MINIMUM_COLOUR = QColor("#8e7cc3")
WARNING_COLOUR = QColor("#f9a825")

_STATE_WORDS = {
    SlotState.ROOM: QT_TRANSLATE_NOOP("InventoryCalendar", "On sale"),
    SlotState.NEARLY_FULL: QT_TRANSLATE_NOOP("InventoryCalendar", "Nearly full"),
    SlotState.SOLD_OUT: QT_TRANSLATE_NOOP("InventoryCalendar", "Sold out"),
    SlotState.CLOSED: QT_TRANSLATE_NOOP("InventoryCalendar", "Closed"),
    SlotState.PAST: QT_TRANSLATE_NOOP("InventoryCalendar", "Departed"),
}


def state_word(state: SlotState) -> str:
    """The short word a day cell, the legend and the slot table use for ``state``."""
    return QCoreApplication.translate("InventoryCalendar", str(_STATE_WORDS[state]))


def blend(base: QColor, tint: QColor, amount: float) -> QColor:
    """``amount`` of ``tint`` over ``base`` (works on light and dark palettes)."""
    keep = 1.0 - amount
    return QColor(
        round(base.red() * keep + tint.red() * amount),
        round(base.green() * keep + tint.green() * amount),
        round(base.blue() * keep + tint.blue() * amount),
    )


# ---------------------------------------------------------------------------
# Marks: painted shapes, so they show on every platform and font


def paint_guaranteed_mark(painter: QPainter, box: QRectF) -> None:
    """A filled circle with a tick: the departure reached its minimum and will run."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("white"), 1))  # stands out on a selected (blue) row too
    painter.setBrush(GUARANTEED_COLOUR)
    painter.drawEllipse(box)
    pen = QPen(QColor("white"), max(1.2, box.width() / 7))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    tick = QPainterPath(QPointF(box.left() + box.width() * 0.27, box.top() + box.height() * 0.52))
    tick.lineTo(box.left() + box.width() * 0.44, box.top() + box.height() * 0.68)
    tick.lineTo(box.left() + box.width() * 0.74, box.top() + box.height() * 0.34)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(tick)
    painter.restore()


def paint_below_minimum_mark(painter: QPainter, box: QRectF) -> None:
    """A hollow circle, half filled: the departure has not reached its minimum yet."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    inner = box.adjusted(1, 1, -1, -1)
    painter.setPen(QPen(BELOW_MINIMUM_COLOUR, max(1.2, box.width() / 8)))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawEllipse(inner)
    half = QPainterPath()
    half.moveTo(inner.center())
    half.arcTo(inner, 270, 180)
    half.closeSubpath()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(BELOW_MINIMUM_COLOUR)
    painter.drawPath(half)
    painter.restore()


def paint_warning_mark(painter: QPainter, box: QRectF) -> None:
    """A yellow triangle with an exclamation mark: the server's numbers do not add up."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    triangle = QPainterPath(QPointF(box.center().x(), box.top()))
    triangle.lineTo(box.right(), box.bottom())
    triangle.lineTo(box.left(), box.bottom())
    triangle.closeSubpath()
    painter.setPen(QPen(QColor("#5d4300"), 1))
    painter.setBrush(WARNING_COLOUR)
    painter.drawPath(triangle)
    pen = QPen(QColor("#3e2c00"), max(1.2, box.width() / 8))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    x = box.center().x()
    painter.drawLine(
        QPointF(x, box.top() + box.height() * 0.38), QPointF(x, box.top() + box.height() * 0.68)
    )
    painter.drawPoint(QPointF(x, box.top() + box.height() * 0.84))
    painter.restore()


MarkPainter = Callable[[QPainter, QRectF], None]


def mark_pixmap(paint: MarkPainter, size: int, device_pixel_ratio: float = 1.0) -> QPixmap:
    """One mark as a pixmap (for the legend and the slot table)."""
    pixmap = QPixmap(round(size * device_pixel_ratio), round(size * device_pixel_ratio))
    pixmap.setDevicePixelRatio(device_pixel_ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    paint(painter, QRectF(1, 1, size - 2, size - 2))
    painter.end()
    return pixmap


class MarkCache:
    """Marks painted once per size into pixmaps, then copied: cells repeat the same few marks.

    Antialiased ellipses and paths cost far more than a pixmap copy, and a
    screen of cells shows a handful of marks dozens of times.
    """

    _LIMIT = 32  # sizes follow the font: a few at most, unless fonts keep changing

    def __init__(self) -> None:
        self._pixmaps: dict[tuple[MarkPainter, float, float], QPixmap] = {}

    def draw(self, painter: QPainter, paint: MarkPainter, box: QRectF, ratio: float) -> None:
        """Draw ``paint``'s mark in ``box`` (as ``paint(painter, box)`` would)."""
        size = box.width()
        key = (paint, size, ratio)
        pixmap = self._pixmaps.get(key)
        if pixmap is None:
            if len(self._pixmaps) >= self._LIMIT:
                self._pixmaps.clear()
            side = math.ceil(size) + 2  # a pixel of margin for the pen
            pixmap = QPixmap(math.ceil(side * ratio), math.ceil(side * ratio))
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            mark_painter = QPainter(pixmap)
            paint(mark_painter, QRectF(1, 1, size, size))
            mark_painter.end()
            self._pixmaps[key] = pixmap
        painter.drawPixmap(QPointF(box.left() - 1, box.top() - 1), pixmap)


class TextCache:
    """Short texts laid out once per font (``QStaticText``), then drawn where asked.

    ``QPainter.drawText`` shapes its text on every call, which is most of what a
    day cell costs to paint; a month repeats the same day numbers, seat counts and
    state words, so each is laid out once and then only drawn.
    """

    _LIMIT = 4096  # texts x fonts: day numbers, seat counts, a few words; cleared if exceeded

    LEFT = 0
    CENTER = 1
    RIGHT = 2

    def __init__(self) -> None:
        self._texts: dict[tuple[str, str], QStaticText] = {}

    def draw(
        self, painter: QPainter, font: QFont, font_key: str, box: QRectF, align: int, text: str
    ) -> None:
        """Draw ``text`` in ``font`` centred vertically in ``box``, aligned left, centre or right.

        ``font_key`` is ``font.key()``, which the caller keeps: asking Qt for it
        on every call would cost a good part of what the cache saves.
        """
        key = (font_key, text)
        laid_out = self._texts.get(key)
        if laid_out is None:
            if len(self._texts) >= self._LIMIT:
                self._texts.clear()
            laid_out = QStaticText(text)
            laid_out.setTextFormat(Qt.TextFormat.PlainText)
            laid_out.prepare(QTransform(), font)
            self._texts[key] = laid_out
        size = laid_out.size()
        if align == self.RIGHT:
            left = box.right() - size.width()
        elif align == self.CENTER:
            left = box.left() + (box.width() - size.width()) / 2
        else:
            left = box.left()
        painter.setFont(font)
        painter.drawStaticText(
            QPointF(left, box.top() + (box.height() - size.height()) / 2), laid_out
        )


def paint_state_swatch(painter: QPainter, box: QRectF, state: SlotState, base: QColor) -> None:
    """A day cell's fill: a tint, a strip of the full colour, and hatching when closed or
    departed (the hatching leans the other way for a departed day)."""
    colour = STATE_COLOURS[state]
    path = QPainterPath()
    path.addRoundedRect(box, 4, 4)
    painter.fillPath(path, blend(base, colour, 0.16))
    if state is SlotState.PAST:
        painter.fillPath(path, QBrush(blend(base, colour, 0.45), Qt.BrushStyle.FDiagPattern))
    if state is SlotState.CLOSED:
        painter.fillPath(path, QBrush(blend(base, colour, 0.45), Qt.BrushStyle.BDiagPattern))
    painter.save()
    painter.setClipPath(path)
    strip_height = max(3.0, box.height() / 16)
    strip = QRectF(box.left(), box.bottom() - strip_height, box.width(), strip_height)
    painter.fillRect(strip, colour)
    painter.restore()
