"""The month calendar of the Inventory tab: a 6 x 7 table view with painted day cells.

Model/view rather than 42 widgets: :class:`MonthModel` answers from the
pre-aggregated :class:`~axdesk.ui.inventory.index.InventoryIndex` (a dict
look-up per cell), :class:`DayCellDelegate` paints each cell, and
:class:`InventoryCalendar` (the view) adds the keyboard: arrows move the
selected day across month edges, PageUp/PageDown change month, Home/End go
to the month's first and last day, Enter activates the day.

Colour is never the only carrier of meaning: every cell shows its state as
a word, its marks are shapes, and its accessible text and tooltip say it
all in a sentence. The legend (:class:`InventoryLegend`) names each colour
and mark.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
    QStaticText,
    QTransform,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from axdesk.ui.inventory.index import (
    ALL_OPTIONS,
    DAYS_SHOWN,
    DaySummary,
    InventoryIndex,
    SlotState,
    add_months,
    month_grid,
)

ModelIndex = QModelIndex | QPersistentModelIndex

STATE_COLOURS: dict[SlotState, QColor] = {
    SlotState.ROOM: QColor("#2e7d32"),
    SlotState.NEARLY_FULL: QColor("#e08600"),
    SlotState.SOLD_OUT: QColor("#c62828"),
    SlotState.CLOSED: QColor("#78909c"),
}
GUARANTEED_COLOUR = QColor("#1e88e5")
BELOW_MINIMUM_COLOUR = QColor("#8e7cc3")
WARNING_COLOUR = QColor("#f9a825")

ROWS = 6
COLUMNS = 7
assert ROWS * COLUMNS == DAYS_SHOWN


_STATE_WORDS = {
    SlotState.ROOM: QT_TRANSLATE_NOOP("InventoryCalendar", "On sale"),
    SlotState.NEARLY_FULL: QT_TRANSLATE_NOOP("InventoryCalendar", "Nearly full"),
    SlotState.SOLD_OUT: QT_TRANSLATE_NOOP("InventoryCalendar", "Sold out"),
    SlotState.CLOSED: QT_TRANSLATE_NOOP("InventoryCalendar", "Closed"),
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


def python_weekday(qt_day: Qt.DayOfWeek) -> int:
    """Qt's day of week (Monday = 1 ... Sunday = 7) as Python's (Monday = 0 ... Sunday = 6)."""
    return int(qt_day.value) - 1


def day_sentence(day: dt.date, summary: DaySummary | None, *, is_today: bool = False) -> str:
    """What a day cell says in words (its accessible text and tooltip)."""
    qdate = QDate(day.year, day.month, day.day)
    when = QLocale().toString(qdate, QLocale.FormatType.LongFormat)
    if is_today:
        when = QCoreApplication.translate("InventoryCalendar", "{date} (today)").format(date=when)
    if summary is None:
        return QCoreApplication.translate("InventoryCalendar", "{date}: no departures.").format(
            date=when
        )
    if summary.state is SlotState.CLOSED:
        parts = [
            QCoreApplication.translate("InventoryCalendar", "{date}: closed, not on sale.").format(
                date=when
            )
        ]
    else:
        parts = [
            QCoreApplication.translate("InventoryCalendar", "{date}: {state}.").format(
                date=when, state=state_word(summary.state)
            ),
            QCoreApplication.translate("InventoryCalendar", "Seats left: {count}.").format(
                count=summary.seats_left
            ),
            QCoreApplication.translate("InventoryCalendar", "Departures on sale: {count}.").format(
                count=summary.open_count
            ),
        ]
        if summary.guaranteed_count:
            parts.append(
                QCoreApplication.translate(
                    "InventoryCalendar", "Guaranteed to run: {count}."
                ).format(count=summary.guaranteed_count)
            )
        if summary.below_minimum_count:
            parts.append(
                QCoreApplication.translate(
                    "InventoryCalendar", "Not yet guaranteed (below the minimum): {count}."
                ).format(count=summary.below_minimum_count)
            )
    if summary.problem_count:
        parts.append(
            QCoreApplication.translate(
                "InventoryCalendar", "Warning: slots with numbers that do not add up: {count}."
            ).format(count=summary.problem_count)
        )
    return " ".join(parts)


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
    """A day cell's fill: a tint, a strip of the full colour, and hatching when closed."""
    colour = STATE_COLOURS[state]
    path = QPainterPath()
    path.addRoundedRect(box, 4, 4)
    painter.fillPath(path, blend(base, colour, 0.16))
    if state is SlotState.CLOSED:
        painter.fillPath(path, QBrush(blend(base, colour, 0.45), Qt.BrushStyle.BDiagPattern))
    painter.save()
    painter.setClipPath(path)
    strip_height = max(3.0, box.height() / 16)
    strip = QRectF(box.left(), box.bottom() - strip_height, box.width(), strip_height)
    painter.fillRect(strip, colour)
    painter.restore()


# ---------------------------------------------------------------------------
# Model


class MonthModel(QAbstractTableModel):
    """The 42 days of one month view, answered from an :class:`InventoryIndex`.

    The grid never changes shape: switching month, option or data emits
    ``dataChanged`` for the 42 cells, so the view keeps its current cell.

    Python code reads it through its methods (:meth:`date_at`, :meth:`summary`),
    never through ``QModelIndex.data()``: with PySide6 6.12 on Python 3.11, an
    empty ``QVariant`` returned to Python arrives as a ``None`` without its
    reference, and enough of those crash the interpreter ("deallocating None").
    """

    def __init__(
        self,
        year: int,
        month: int,
        *,
        first_weekday: int,
        today: Callable[[], dt.date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._today = today
        self._first_weekday = first_weekday
        self._year = year
        self._month = month
        self._days = month_grid(year, month, first_weekday)
        self._index: InventoryIndex | None = None
        self._option: str | None = ALL_OPTIONS

    # -- state ---------------------------------------------------------------

    @property
    def year(self) -> int:
        return self._year

    @property
    def month(self) -> int:
        return self._month

    @property
    def first_weekday(self) -> int:
        return self._first_weekday

    @property
    def option(self) -> str | None:
        return self._option

    def days(self) -> list[dt.date]:
        return list(self._days)

    def set_month(self, year: int, month: int) -> None:
        if (year, month) == (self._year, self._month):
            return
        self._year, self._month = year, month
        self._days = month_grid(year, month, self._first_weekday)
        self._all_changed()

    def set_first_weekday(self, first_weekday: int) -> None:
        if first_weekday == self._first_weekday:
            return
        self._first_weekday = first_weekday
        self._days = month_grid(self._year, self._month, first_weekday)
        self.refresh_texts()

    def refresh_texts(self) -> None:
        """Ask the view to read every header and cell again (after a language switch)."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMNS - 1)
        self._all_changed()

    def set_data(self, index: InventoryIndex | None, option: str | None) -> None:
        self._index = index
        self._option = option
        self._all_changed()

    def summary(self, day: dt.date) -> DaySummary | None:
        return None if self._index is None else self._index.summary(day, self._option)

    def today(self) -> dt.date:
        return self._today()

    def date_at(self, index: ModelIndex) -> dt.date | None:
        if not index.isValid():
            return None
        return self._days[index.row() * COLUMNS + index.column()]

    def index_of(self, day: dt.date) -> QModelIndex:
        offset = (day - self._days[0]).days
        if not 0 <= offset < DAYS_SHOWN:
            return QModelIndex()
        return self.index(offset // COLUMNS, offset % COLUMNS)

    def _all_changed(self) -> None:
        self.dataChanged.emit(self.index(0, 0), self.index(ROWS - 1, COLUMNS - 1))

    # -- Qt model ------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else ROWS

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMNS

    _FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        return self._FLAGS

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        day = self.date_at(index)
        if day is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            summary = self.summary(day)
            if summary is None:
                return str(day.day)
            if summary.state is SlotState.CLOSED:
                return f"{day.day} {state_word(summary.state)}"
            return f"{day.day} {summary.seats_left} {state_word(summary.state)}"
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return day_sentence(day, self.summary(day), is_today=day == self._today())
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        weekday = (self._first_weekday + section) % 7
        if role == Qt.ItemDataRole.DisplayRole:
            return QLocale().dayName(weekday + 1, QLocale.FormatType.ShortFormat)
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return QLocale().dayName(weekday + 1, QLocale.FormatType.LongFormat)
        return None


# ---------------------------------------------------------------------------
# Delegate


class _CellFonts:
    """The fonts of a day cell, derived once from the view's font (not per cell)."""

    def __init__(self, font: QFont) -> None:
        self.key = font.key()
        self.number = QFont(font)
        self.today = QFont(font)
        self.today.setBold(True)
        self.line_height = QFontMetrics(self.number).height()
        self.word = QFont(font)
        self.word.setPointSizeF(max(6.5, font.pointSizeF() * 0.85))
        self.word_metrics = QFontMetrics(self.word)
        self.big = QFont(font)
        self.big.setPointSizeF(font.pointSizeF() * 1.5)
        self.big.setBold(True)
        self.big_height = QFontMetrics(self.big).height()
        self.number_key = self.number.key()
        self.today_key = self.today.key()
        self.word_key = self.word.key()
        self.big_key = self.big.key()
        self.elided: dict[tuple[str, int], str] = {}  # (word, width): the word as it fits


class DayCellDelegate(QStyledItemDelegate):
    """Paints one day: number, marks, seats left, state word and the state's colour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fonts: _CellFonts | None = None
        # A cell's background (fill, state swatch, border) depends only on its size, state
        # and the palette, so each look is painted once and then copied: antialiased
        # paths are most of a cell's painting time. Same for the marks.
        self._backdrops: dict[tuple[object, ...], QPixmap] = {}
        self._marks = MarkCache()
        self._texts = TextCache()

    @staticmethod
    def _paint_backdrop(
        size: QSize,
        ratio: float,
        state: SlotState | None,
        *,
        in_month: bool,
        selected: bool,
        focused: bool,
        colours: tuple[QColor, QColor, QColor, QColor],
    ) -> QPixmap:
        base, window, text, highlight = colours
        pixmap = QPixmap(round(size.width() * ratio), round(size.height() * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(0, 0, size.width(), size.height()).adjusted(2, 2, -2, -2)
        background = base if in_month else blend(window, base, 0.4)
        path = QPainterPath()
        path.addRoundedRect(rect, 4, 4)
        painter.fillPath(path, background)
        if state is not None:
            if in_month:
                paint_state_swatch(painter, rect, state, background)
            else:
                painter.setOpacity(0.45)
                paint_state_swatch(painter, rect, state, background)
                painter.setOpacity(1.0)
        border_colour = blend(background, text, 0.18)
        border_width = 1.0
        if selected:
            border_colour = highlight if focused else blend(highlight, background, 0.35)
            border_width = 2.5
        painter.setPen(QPen(border_colour, border_width))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        inset = border_width / 2
        painter.drawRoundedRect(rect.adjusted(inset, inset, -inset, -inset), 4, 4)
        painter.end()
        return pixmap

    def _fonts_for(self, font: QFont) -> _CellFonts:
        if self._fonts is None or self._fonts.key != font.key():
            self._fonts = _CellFonts(font)
        return self._fonts

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        # Read the model directly: index.data() hands an empty QVariant back to Python
        # as a None whose reference PySide 6.12 does not count (see MonthModel).
        model = index.model()
        day = model.date_at(index) if isinstance(model, MonthModel) else None
        if day is None or not isinstance(model, MonthModel):
            return
        summary = model.summary(day)
        in_month = day.month == model.month
        is_today = day == model.today()
        state_flags = option.state
        selected = bool(state_flags & QStyle.StateFlag.State_Selected)
        focused = bool(state_flags & QStyle.StateFlag.State_HasFocus)
        palette: QPalette = option.palette
        base = palette.color(QPalette.ColorRole.Base)
        window = palette.color(QPalette.ColorRole.Window)
        text = palette.color(QPalette.ColorRole.Text)
        dim = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        fonts = self._fonts_for(option.font)

        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        ratio = painter.device().devicePixelRatio() if painter.device() is not None else 1.0
        key = (
            option.rect.width(),
            option.rect.height(),
            ratio,
            None if summary is None else summary.state,
            in_month,
            selected,
            focused,
            base.rgba(),
            window.rgba(),
            text.rgba(),
            highlight.rgba(),
        )
        backdrop = self._backdrops.get(key)
        if backdrop is None:
            if len(self._backdrops) > 64:  # a resize or palette change: start again
                self._backdrops.clear()
            backdrop = self._paint_backdrop(
                option.rect.size(),
                ratio,
                None if summary is None else summary.state,
                in_month=in_month,
                selected=selected,
                focused=focused,
                colours=(base, window, text, highlight),
            )
            self._backdrops[key] = backdrop
        painter.drawPixmap(option.rect.topLeft(), backdrop)
        rect = QRectF(option.rect).adjusted(2, 2, -2, -2)

        padding = 5.0
        content = rect.adjusted(padding, padding - 1, -padding, -padding - 3)
        line_height = fonts.line_height
        number_box = QRectF(content.left(), content.top(), line_height * 1.45, line_height * 1.25)
        if is_today:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(highlight)
            painter.drawRoundedRect(number_box, number_box.height() / 2, number_box.height() / 2)
            painter.setPen(palette.color(QPalette.ColorRole.HighlightedText))
        else:
            painter.setPen(text if in_month else dim)
        if is_today:
            self._texts.draw(
                painter, fonts.today, fonts.today_key, number_box, TextCache.CENTER, str(day.day)
            )
        else:
            self._texts.draw(
                painter, fonts.number, fonts.number_key, number_box, TextCache.CENTER, str(day.day)
            )

        if summary is not None:
            self._paint_marks(painter, summary, content, line_height, ratio)
            self._paint_figures(painter, summary, content, fonts, text if in_month else dim)
        painter.restore()

    def _paint_marks(
        self,
        painter: QPainter,
        summary: DaySummary,
        content: QRectF,
        line_height: int,
        ratio: float,
    ) -> None:
        size = max(10.0, line_height * 0.9)
        right = content.right()
        marks: list[MarkPainter] = []
        if summary.problem_count:
            marks.append(paint_warning_mark)
        if summary.below_minimum_count:
            marks.append(paint_below_minimum_mark)
        if summary.guaranteed_count:
            marks.append(paint_guaranteed_mark)
        top = content.top() + (line_height * 1.25 - size) / 2
        for paint in marks:
            self._marks.draw(painter, paint, QRectF(right - size, top, size, size), ratio)
            right -= size + 3

    def _paint_figures(
        self,
        painter: QPainter,
        summary: DaySummary,
        content: QRectF,
        fonts: _CellFonts,
        colour: QColor,
    ) -> None:
        word_height = fonts.word_metrics.height()
        big_height = fonts.big_height
        show_word = content.height() >= big_height + word_height * 2
        word_box = QRectF(
            content.left(), content.bottom() - word_height, content.width(), word_height
        )
        closed = summary.state is SlotState.CLOSED
        if not closed:
            figure_bottom = word_box.top() if show_word else content.bottom()
            figure_box = QRectF(
                content.left(), figure_bottom - big_height, content.width(), big_height
            )
            painter.setPen(colour)
            self._texts.draw(
                painter,
                fonts.big,
                fonts.big_key,
                figure_box,
                TextCache.RIGHT,
                str(summary.seats_left),
            )
        if show_word or closed:
            word = state_word(summary.state)
            width = int(word_box.width())
            fitted = fonts.elided.get((word, width))
            if fitted is None:
                fitted = fonts.word_metrics.elidedText(word, Qt.TextElideMode.ElideRight, width)
                fonts.elided[(word, width)] = fitted
            painter.setPen(blend(colour, STATE_COLOURS[summary.state], 0.55))
            self._texts.draw(painter, fonts.word, fonts.word_key, word_box, TextCache.RIGHT, fitted)

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        height = QFontMetrics(option.font).height()
        return QSize(height * 6, height * 4)


# ---------------------------------------------------------------------------
# View


class InventoryCalendar(QTableView):
    """A month of days, each painted with its availability; the keyboard moves the selection.

    Signals:
        selected_date_changed(object): the selected ``datetime.date`` changed.
        month_changed(int, int): the month shown changed (year, month).
        day_activated(object): Enter or a double click on a day (a ``datetime.date``).
    """

    selected_date_changed = Signal(object)
    month_changed = Signal(int, int)
    day_activated = Signal(object)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
        first_weekday: int | None = None,
    ) -> None:
        super().__init__(parent)
        self._today = today
        start = today()
        self._follows_locale = first_weekday is None
        if first_weekday is None:
            first_weekday = python_weekday(QLocale().firstDayOfWeek())
        self._model = MonthModel(
            start.year, start.month, first_weekday=first_weekday, today=today, parent=self
        )
        self._selected = start
        self.setModel(self._model)
        self.setItemDelegate(DayCellDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setShowGrid(False)
        self.setTabKeyNavigation(False)
        self.setWordWrap(False)
        self.setCornerButtonEnabled(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QTableView.Shape.NoFrame)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setHighlightSections(False)
        self.horizontalHeader().setSectionsClickable(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        height = self.fontMetrics().height()
        self.setMinimumSize(COLUMNS * height * 4, ROWS * height * 3 + height * 2)
        self.selectionModel().currentChanged.connect(self._on_current_changed)
        self.doubleClicked.connect(self._on_double_clicked)
        self._place_current()

    # -- reading -------------------------------------------------------------

    def month_model(self) -> MonthModel:
        return self._model

    def selected_date(self) -> dt.date:
        return self._selected

    def visible_month(self) -> tuple[int, int]:
        return self._model.year, self._model.month

    def today(self) -> dt.date:
        return self._today()

    # -- changing ------------------------------------------------------------

    def set_data(self, index: InventoryIndex | None, option: str | None) -> None:
        """Show ``index`` for ``option`` (``ALL_OPTIONS`` for every option)."""
        self._model.set_data(index, option)

    def set_selected_date(self, day: dt.date) -> None:
        """Select ``day``, turning to its month when needed."""
        month_moved = (day.year, day.month) != self.visible_month()
        changed = day != self._selected
        self._selected = day
        if month_moved:
            self._model.set_month(day.year, day.month)
        self._place_current()
        if month_moved:
            self.month_changed.emit(day.year, day.month)
        if changed:
            self.selected_date_changed.emit(day)

    def show_month(self, year: int, month: int) -> None:
        """Turn to a month, keeping the day of month of the selection where possible."""
        self.set_selected_date(
            add_months(
                self._selected, (year - self._selected.year) * 12 + month - self._selected.month
            )
        )

    def next_month(self) -> None:
        self.set_selected_date(add_months(self._selected, 1))

    def previous_month(self) -> None:
        self.set_selected_date(add_months(self._selected, -1))

    def go_to_today(self) -> None:
        self.set_selected_date(self._today())

    def retranslate(self) -> None:
        """Follow a language switch: weekday names, the locale's first weekday, day sentences."""
        if self._follows_locale:
            self._model.set_first_weekday(python_weekday(QLocale().firstDayOfWeek()))
        self._model.refresh_texts()
        self._place_current()

    # -- internals -----------------------------------------------------------

    def _place_current(self) -> None:
        index = self._model.index_of(self._selected)
        if index.isValid() and index != self.currentIndex():
            self.setCurrentIndex(index)
        elif index.isValid():
            self.selectionModel().select(index, self.selectionModel().SelectionFlag.ClearAndSelect)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        day = self._model.date_at(current)
        if day is not None and day != self._selected:
            self.set_selected_date(day)

    def _on_double_clicked(self, index: QModelIndex) -> None:
        day = self._model.date_at(index)
        if day is not None:
            self.day_activated.emit(day)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        steps = {
            Qt.Key.Key_Left: -1,
            Qt.Key.Key_Right: 1,
            Qt.Key.Key_Up: -7,
            Qt.Key.Key_Down: 7,
        }
        if self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            steps[Qt.Key.Key_Left], steps[Qt.Key.Key_Right] = 1, -1
        if key in steps and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.set_selected_date(self._selected + dt.timedelta(days=steps[Qt.Key(key)]))
        elif key == Qt.Key.Key_PageUp:
            self.previous_month()
        elif key == Qt.Key.Key_PageDown:
            self.next_month()
        elif key == Qt.Key.Key_Home:
            self.set_selected_date(self._selected.replace(day=1))
        elif key == Qt.Key.Key_End:
            last = calendar.monthrange(self._selected.year, self._selected.month)[1]
            self.set_selected_date(self._selected.replace(day=last))
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.day_activated.emit(self._selected)
        else:
            super().keyPressEvent(event)
            return
        event.accept()


# ---------------------------------------------------------------------------
# Legend


class InventoryLegend(QWidget):
    """Names every colour and mark of the calendar in words, wrapped to the widget's width.

    Painted (not a layout of labels) so that it wraps without a custom layout;
    its accessible description carries the same words for screen readers.
    """

    _SPACING = 16

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entries: list[tuple[Callable[[QPainter, QRectF], None] | None, str]] = []
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.set_threshold(3)

    def set_threshold(self, seats: int) -> None:
        """Say what "nearly full" means with the current setting."""

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
                QCoreApplication.translate(
                    "InventoryCalendar", "Nearly full: {count} or fewer seats left"
                ).format(count=seats),
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
