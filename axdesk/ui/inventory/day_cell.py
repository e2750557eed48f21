"""The calendar's day cell: painted number, marks, seats left, state word and colour.

Tuned for speed: a cell's background is painted once per look (size, state,
selection, palette) and then copied, its marks come from a :class:`MarkCache`
and its texts from a :class:`TextCache` (``QStaticText``); its fonts are
derived once per view font (compared with ``==``: ``QFont.key()`` formats a
string, ~11 us a call), the palette's colours read once per palette, and where
its texts and marks go computed once per cell size.
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
        self.font = QFont(font)  # compared with ==, cheap: ``key()`` formats a string
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


class _CellLayout:
    """Where a cell of one size puts its number, marks, seats and word, from its top-left.

    Every cell of a month has the same size, so these boxes are computed once per
    size and font, not for each of the 42 cells on every paint.
    """

    PADDING = 5.0

    def __init__(self, width: int, height: int, fonts: _CellFonts) -> None:
        rect = QRectF(0, 0, width, height).adjusted(2, 2, -2, -2)
        padding = self.PADDING
        content = rect.adjusted(padding, padding - 1, -padding, -padding - 3)
        line_height = fonts.line_height
        self.number_box = QRectF(
            content.left(), content.top(), line_height * 1.45, line_height * 1.25
        )
        self.number_radius = self.number_box.height() / 2
        self.mark_size = max(10.0, line_height * 0.9)
        self.mark_top = content.top() + (line_height * 1.25 - self.mark_size) / 2
        self.mark_right = content.right()
        word_height = fonts.word_metrics.height()
        big_height = fonts.big_height
        self.show_word = content.height() >= big_height + word_height * 2
        self.word_box = QRectF(
            content.left(), content.bottom() - word_height, content.width(), word_height
        )
        self.word_width = int(self.word_box.width())
        figure_bottom = self.word_box.top() if self.show_word else content.bottom()
        self.figure_box = QRectF(
            content.left(), figure_bottom - big_height, content.width(), big_height
        )


class _CellColours:
    """The colours of one palette (in its current colour group) that a day cell uses."""

    def __init__(self, palette: QPalette) -> None:
        self.base = palette.color(QPalette.ColorRole.Base)
        self.window = palette.color(QPalette.ColorRole.Window)
        self.text = palette.color(QPalette.ColorRole.Text)
        self.dim = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        self.highlight = palette.color(QPalette.ColorRole.Highlight)
        self.highlighted_text = palette.color(QPalette.ColorRole.HighlightedText)
        self.key = (
            self.base.rgba(),
            self.window.rgba(),
            self.text.rgba(),
            self.highlight.rgba(),
        )


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
        self._layouts: dict[tuple[int, int], _CellLayout] = {}
        self._word_colours: dict[tuple[int, SlotState], QColor] = {}
        self._colours: dict[tuple[int, QPalette.ColorGroup], _CellColours] = {}

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
        if self._fonts is None or self._fonts.font != font:
            self._fonts = _CellFonts(font)
            self._layouts.clear()
        return self._fonts

    def _layout_for(self, width: int, height: int, fonts: _CellFonts) -> _CellLayout:
        layout = self._layouts.get((width, height))
        if layout is None:
            if len(self._layouts) > 16:  # a resize in progress: start again
                self._layouts.clear()
            layout = _CellLayout(width, height, fonts)
            self._layouts[(width, height)] = layout
        return layout

    def _colours_for(self, palette: QPalette) -> _CellColours:
        """The palette's colours a cell uses, read once per palette and colour group:
        reading them for each cell was a good part of its painting time."""
        key = (palette.cacheKey(), palette.currentColorGroup())
        colours = self._colours.get(key)
        if colours is None:
            if len(self._colours) > 16:  # palettes keep changing: start again
                self._colours.clear()
            colours = _CellColours(palette)
            self._colours[key] = colours
        return colours

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        # Read the model directly: index.data() hands an empty QVariant back to Python
        # as a None whose reference PySide 6.12 does not count (see MonthModel).
        model = index.model()
        day = model.date_at(index) if isinstance(model, MonthModel) else None
        if day is None or not isinstance(model, MonthModel):
            return
        summary = model.summary(day)
        state = None if summary is None else summary.state
        in_month = day.month == model.month
        is_today = day == model.today()
        state_flags = option.state
        selected = bool(state_flags & QStyle.StateFlag.State_Selected)
        focused = bool(state_flags & QStyle.StateFlag.State_HasFocus)
        colours = self._colours_for(option.palette)
        fonts = self._fonts_for(option.font)
        cell = option.rect
        width, height = cell.width(), cell.height()
        layout = self._layout_for(width, height, fonts)

        painter.save()
        painter.translate(cell.left(), cell.top())  # every box below is from the top-left
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        device = painter.device()
        ratio = device.devicePixelRatio() if device is not None else 1.0
        key = (width, height, ratio, state, in_month, selected, focused, colours.key)
        backdrop = self._backdrops.get(key)
        if backdrop is None:
            if len(self._backdrops) > 64:  # a resize or palette change: start again
                self._backdrops.clear()
            backdrop = self._paint_backdrop(
                cell.size(),
                ratio,
                state,
                in_month=in_month,
                selected=selected,
                focused=focused,
                colours=(colours.base, colours.window, colours.text, colours.highlight),
            )
            self._backdrops[key] = backdrop
        painter.drawPixmap(0, 0, backdrop)

        number_box = layout.number_box
        if is_today:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colours.highlight)
            painter.drawRoundedRect(number_box, layout.number_radius, layout.number_radius)
            painter.setPen(colours.highlighted_text)
            self._texts.draw(
                painter, fonts.today, fonts.today_key, number_box, TextCache.CENTER, str(day.day)
            )
        else:
            painter.setPen(colours.text if in_month else colours.dim)
            self._texts.draw(
                painter, fonts.number, fonts.number_key, number_box, TextCache.CENTER, str(day.day)
            )

        if summary is not None:
            if summary.problem_count or summary.below_minimum_count or summary.guaranteed_count:
                self._paint_marks(painter, summary, layout, ratio)
            self._paint_figures(
                painter, summary, layout, fonts, colours.text if in_month else colours.dim
            )
        painter.restore()

    def _paint_marks(
        self, painter: QPainter, summary: DaySummary, layout: _CellLayout, ratio: float
    ) -> None:
        size = layout.mark_size
        right = layout.mark_right
        marks: list[MarkPainter] = []
        if summary.problem_count:
            marks.append(paint_warning_mark)
        if summary.below_minimum_count:
            marks.append(paint_below_minimum_mark)
        if summary.guaranteed_count:
            marks.append(paint_guaranteed_mark)
        top = layout.mark_top
        for paint in marks:
            self._marks.draw(painter, paint, QRectF(right - size, top, size, size), ratio)
            right -= size + 3

    def _paint_figures(
        self,
        painter: QPainter,
        summary: DaySummary,
        layout: _CellLayout,
        fonts: _CellFonts,
        colour: QColor,
    ) -> None:
        closed = summary.state in (SlotState.CLOSED, SlotState.PAST)  # no seats to sell
        if not closed:
            painter.setPen(colour)
            self._texts.draw(
                painter,
                fonts.big,
                fonts.big_key,
                layout.figure_box,
                TextCache.RIGHT,
                str(summary.seats_left),
            )
        if layout.show_word or closed:
            word = state_word(summary.state)
            width = layout.word_width
            fitted = fonts.elided.get((word, width))
            if fitted is None:
                fitted = fonts.word_metrics.elidedText(word, Qt.TextElideMode.ElideRight, width)
                fonts.elided[(word, width)] = fitted
            painter.setPen(self._word_colour(colour, summary.state))
            self._texts.draw(
                painter, fonts.word, fonts.word_key, layout.word_box, TextCache.RIGHT, fitted
            )

    def _word_colour(self, colour: QColor, state: SlotState) -> QColor:
        """The state word's colour: the text's, tinted by the state's (blended once)."""
        key = (colour.rgba(), state)
        tinted = self._word_colours.get(key)
        if tinted is None:
            if len(self._word_colours) > 64:  # palettes keep changing: start again
                self._word_colours.clear()
            tinted = blend(colour, STATE_COLOURS[state], 0.55)
            self._word_colours[key] = tinted
        return tinted

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        height = QFontMetrics(option.font).height()
        return QSize(height * 6, height * 4)
