"""The slot list of the Inventory tab: a table model of one day's slots and its delegates.

One row per departure (start time x option). Numbers are shown as AX sent
them; a slot whose numbers do not add up carries a warning mark, a
tooltip with the client's sentence, and the same sentence in its
accessible text.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPalette, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from axdesk.api import UNKNOWN_OPTION
from axdesk.ui.common.placeholders import fill_args
from axdesk.ui.common.time_text import time_text
from axdesk.ui.inventory.index import SlotRow, SlotState
from axdesk.ui.inventory.painting import (
    BELOW_MINIMUM_COLOUR,
    GUARANTEED_COLOUR,
    STATE_COLOURS,
    MarkCache,
    TextCache,
    blend,
    mark_pixmap,
    paint_below_minimum_mark,
    paint_guaranteed_mark,
    paint_warning_mark,
    state_word,
)

ModelIndex = QModelIndex | QPersistentModelIndex


def option_label(dc_code: str, option_names: Mapping[str, str]) -> str:
    """The option's catalog name; its code when the catalog does not know it."""
    if dc_code == UNKNOWN_OPTION:
        return QCoreApplication.translate("SlotTableModel", "Option not named by AX")
    return option_names.get(dc_code) or dc_code


def participants_short(row: SlotRow) -> str:
    """Ordered against the minimum, as the table cell shows it beside its bar and mark."""
    return fill_args(
        QCoreApplication.translate("SlotTableModel", "%1 / %2", "travelers booked / minimum"),
        str(row.slot.ordered_quantity),
        str(row.slot.min_quantity),
    )


def participants_text(row: SlotRow) -> str:
    """Ordered against the minimum, in words (tooltip and accessible text)."""
    slot = row.slot
    if row.is_guaranteed:
        return fill_args(
            QCoreApplication.translate("SlotTableModel", "%1 of min. %2, guaranteed"),
            str(slot.ordered_quantity),
            str(slot.min_quantity),
        )
    missing = slot.min_quantity - slot.ordered_quantity
    return fill_args(
        QCoreApplication.translate("SlotTableModel", "%1 of min. %2, %3 more needed"),
        str(slot.ordered_quantity),
        str(slot.min_quantity),
        str(missing),
    )


class SlotTableModel(QAbstractTableModel):
    """One day's slots: start, option, seats left, ordered vs minimum, sale state, warnings."""

    START, OPTION, SEATS, PARTICIPANTS, STATE, WARNINGS = range(6)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[SlotRow] = []
        self._option_names: Mapping[str, str] = {}
        self._warning_icon: QPixmap | None = None
        # Each row's six cell texts, made the first time the row is painted: the view
        # asks for them on every paint, and formatting them is most of what it asks.
        self._texts: dict[int, tuple[str, ...]] = {}

    def set_rows(self, rows: Sequence[SlotRow], option_names: Mapping[str, str]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._option_names = dict(option_names)
        self._texts = {}
        self.endResetModel()

    def retranslate(self) -> None:
        """Let the view read the headers and cells again in the new language."""
        self._texts = {}
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1)
            )

    def row_at(self, row: int) -> SlotRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rows(self) -> list[SlotRow]:
        return list(self._rows)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        titles = (
            QCoreApplication.translate("SlotTableModel", "Start"),
            QCoreApplication.translate("SlotTableModel", "Option"),
            QCoreApplication.translate("SlotTableModel", "Seats left"),
            QCoreApplication.translate("SlotTableModel", "Booked / min."),
            QCoreApplication.translate("SlotTableModel", "Sale"),
            QCoreApplication.translate("SlotTableModel", "Warnings"),
        )
        if section == self.WARNINGS:  # a narrow column: the mark stands for the word
            if role == Qt.ItemDataRole.DecorationRole:
                return self._warning_pixmap()
            if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
                return titles[section]
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return titles[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == self.PARTICIPANTS:
            return QCoreApplication.translate(
                "SlotTableModel", "Travelers booked, against the minimum needed for the tour to run"
            )
        return None

    # The view asks for seven roles per cell on every paint, as plain ints: compare ints,
    # not enum members (an attribute look-up and an enum comparison each time).
    _DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
    _DECORATION = int(Qt.ItemDataRole.DecorationRole.value)
    _TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
    _ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole.value)
    _FOREGROUND = int(Qt.ItemDataRole.ForegroundRole.value)
    _ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole.value)
    _ROLES = frozenset({_DISPLAY, _ACCESSIBLE, _TOOLTIP, _DECORATION, _ALIGNMENT, _FOREGROUND})
    _RIGHT = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)
    _STATE_FOREGROUNDS: ClassVar[dict[SlotState, QColor]] = {
        state: colour.darker(115) for state, colour in STATE_COLOURS.items()
    }

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The view asks for seven roles of each visible cell on every paint: the common
        # answers come first, without looking at the row when the column decides.
        role = int(role)
        if role == self._DISPLAY:
            position = index.row()
            texts = self._texts.get(position)
            if texts is None:
                found = self.row_at(position)
                if found is None:
                    return None
                texts = tuple(self._text(found, column) for column in range(self.columnCount()))
                self._texts[position] = texts
            column = index.column()
            return texts[column] if 0 <= column < len(texts) else None
        if role not in self._ROLES:
            return None
        column = index.column()
        if role == self._ALIGNMENT:
            return self._RIGHT if column in (self.START, self.SEATS) else None
        if role == self._DECORATION and column != self.WARNINGS:
            return None
        if role == self._FOREGROUND and column != self.STATE:
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        if role == self._ACCESSIBLE:
            if column == self.WARNINGS:
                return " ".join(row.problems) or QCoreApplication.translate(
                    "SlotTableModel", "No warnings"
                )
            if column == self.PARTICIPANTS:
                return participants_text(row)
            return self._text(row, column)
        if role == self._TOOLTIP:
            if column == self.WARNINGS and row.problems:
                return "\n".join(row.problems)
            if column == self.OPTION:  # the whole name (the cell may cut it) and the code
                return f"{option_label(row.dc_code, self._option_names)}\n{row.dc_code}".strip()
            if column == self.PARTICIPANTS:
                return participants_text(row)
            return None
        if role == self._DECORATION:  # the warnings column
            return self._warning_pixmap() if row.problems else None
        if role == self._FOREGROUND:  # the sale state column
            return QColor(self._STATE_FOREGROUNDS[row.state])
        return None

    def _warning_pixmap(self) -> QPixmap:
        if self._warning_icon is None:
            self._warning_icon = mark_pixmap(paint_warning_mark, 16)
        return self._warning_icon

    def _text(self, row: SlotRow, column: int) -> str:
        slot = row.slot
        if column == self.START:
            return time_text(slot.start_time)
        if column == self.OPTION:
            return option_label(row.dc_code, self._option_names)
        if column == self.SEATS:
            if row.state in (SlotState.CLOSED, SlotState.PAST):
                return state_word(row.state)  # no seats to sell: not "16 / 16"
            return fill_args(
                QCoreApplication.translate("SlotTableModel", "%1 / %2", "seats left / maximum"),
                str(slot.remain_quantity),
                str(slot.max_quantity),
            )
        if column == self.PARTICIPANTS:
            return participants_short(row)
        if column == self.STATE:
            return state_word(row.state)
        return ""


class ParticipantsDelegate(QStyledItemDelegate):
    """Ordered against the minimum: a small bar, the guarantee mark, then "3 of 5".

    The mark's shape (a tick, or a half-filled ring) says guaranteed or not
    without relying on the bar's colour.
    """

    BAR_WIDTH = 36
    _BAR_HEIGHT = 8.0
    _GAP = 6

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._marks = MarkCache()
        self._bars: dict[tuple[int, int, int, float], QPixmap] = {}
        self._metrics: QFontMetrics | None = None
        self._metrics_font = QFont()
        self._font_key = ""
        # "3 / 5" laid out once (QStaticText) and elided once per width: drawText and
        # elidedText each shaped the text again for every row painted.
        self._texts = TextCache()
        self._elided: dict[tuple[str, int], str] = {}

    def _metrics_for(self, font: QFont) -> QFontMetrics:
        # Compared with ==, not by key(): key() formats a string on every row painted.
        if self._metrics is None or self._metrics_font != font:
            self._metrics = QFontMetrics(font)
            self._metrics_font = QFont(font)
            self._font_key = font.key()
            self._elided.clear()
        return self._metrics

    def _fitted(self, metrics: QFontMetrics, text: str, width: int) -> str:
        fitted = self._elided.get((text, width))
        if fitted is None:
            if len(self._elided) >= 1024:  # widths keep changing (a splitter dragged)
                self._elided.clear()
            fitted = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
            self._elided[(text, width)] = fitted
        return fitted

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        model = index.model()  # not index.data(): see MonthModel on PySide's None
        row = model.row_at(index.row()) if isinstance(model, SlotTableModel) else None
        if row is None:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        text = option.text
        option.text = ""
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        rect = option.rect
        palette: QPalette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        base = palette.color(QPalette.ColorRole.Base)
        slot = row.slot
        minimum = max(slot.min_quantity, 0)
        fraction = 1.0 if minimum == 0 else min(max(slot.ordered_quantity, 0) / minimum, 1.0)
        colour = GUARANTEED_COLOUR if row.is_guaranteed else BELOW_MINIMUM_COLOUR
        left = rect.left() + self._GAP
        bar = QRectF(
            left, rect.center().y() - self._BAR_HEIGHT / 2, self.BAR_WIDTH, self._BAR_HEIGHT
        )
        device = painter.device()
        ratio = device.devicePixelRatio() if device is not None else 1.0
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.drawPixmap(bar.topLeft(), self._bar(fraction, colour, base, ratio))
        metrics = self._metrics_for(option.font)
        mark_size = metrics.height() * 0.8
        mark = QRectF(
            bar.right() + self._GAP, rect.center().y() - mark_size / 2, mark_size, mark_size
        )
        self._marks.draw(
            painter,
            paint_guaranteed_mark if row.is_guaranteed else paint_below_minimum_mark,
            mark,
            ratio,
        )
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(palette.color(role))
        text_rect = rect.adjusted(round(mark.right() - rect.left()) + self._GAP, 0, -4, 0)
        self._texts.draw(
            painter,
            option.font,
            self._font_key,
            QRectF(text_rect),
            TextCache.LEFT,
            self._fitted(metrics, text, text_rect.width()),
        )
        painter.restore()

    def _bar(self, fraction: float, colour: QColor, base: QColor, ratio: float) -> QPixmap:
        """The bar for ``fraction`` of the minimum, painted once per look, then copied:
        an antialiased rounded path per row was most of a row's painting."""
        filled_pixels = math.ceil(fraction * self.BAR_WIDTH * ratio)  # a start is seen
        key = (filled_pixels, colour.rgba(), base.rgba(), ratio)
        pixmap = self._bars.get(key)
        if pixmap is not None:
            return pixmap
        if len(self._bars) >= 256:  # a palette change or another screen: start again
            self._bars.clear()
        width, height = self.BAR_WIDTH, self._BAR_HEIGHT
        pixmap = QPixmap(math.ceil(width * ratio), math.ceil(height * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        bar_painter = QPainter(pixmap)
        bar_painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        track = QPainterPath()
        track.addRoundedRect(QRectF(0, 0, width, height), height / 2, height / 2)
        bar_painter.fillPath(track, blend(base, colour, 0.25))
        if filled_pixels > 0:
            bar_painter.setClipPath(track)
            bar_painter.fillRect(QRectF(0, 0, filled_pixels / ratio, height), colour)
        bar_painter.end()
        self._bars[key] = pixmap
        return pixmap

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        extra = self.BAR_WIDTH + QFontMetrics(option.font).height() + 3 * self._GAP
        return QSize(hint.width() + extra, hint.height())
