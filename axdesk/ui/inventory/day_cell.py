"""The calendar's day cell: painted number, marks, seats left, state word and colour.

Tuned for speed: a cell's background is painted once per look (size, state,
selection, palette) and then copied, its marks come from a :class:`MarkCache`
and its texts from a :class:`TextCache` (``QStaticText``), and its fonts are
derived once per view font.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from axdesk.ui.inventory.index import DaySummary, SlotState
from axdesk.ui.inventory.month_model import ModelIndex, MonthModel
from axdesk.ui.inventory.painting import (
    STATE_COLOURS,
    MarkCache,
    MarkPainter,
    TextCache,
    blend,
    paint_below_minimum_mark,
    paint_guaranteed_mark,
    paint_state_swatch,
    paint_warning_mark,
    state_word,
)


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
        closed = summary.state in (SlotState.CLOSED, SlotState.PAST)  # no seats to sell
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
