"""The Inventory's painting: a word for every state, palette blending, and marks that look
the same whether painted directly or copied from the cache."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication

from axdesk.ui.inventory.index import SlotState
from axdesk.ui.inventory.painting import (
    MarkCache,
    MarkPainter,
    blend,
    paint_below_minimum_mark,
    paint_guaranteed_mark,
    paint_warning_mark,
    state_word,
)


def test_every_state_has_its_own_word(qapp: QApplication) -> None:
    words = {state: state_word(state) for state in SlotState}
    assert words[SlotState.ROOM] == "On sale"
    assert words[SlotState.SOLD_OUT] == "Sold out"
    assert len(set(words.values())) == len(SlotState)


def test_blend_goes_from_the_base_to_the_tint() -> None:
    base, tint = QColor("#ffffff"), QColor("#c62828")
    assert blend(base, tint, 0.0) == base
    assert blend(base, tint, 1.0) == tint
    half = blend(base, tint, 0.5)
    assert (half.red(), half.green(), half.blue()) == (226, 148, 148)


def paint_into(mark: MarkPainter, cache: MarkCache | None = None) -> QImage:
    image = QImage(40, 40, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    box = QRectF(10, 12, 16, 16)
    if cache is None:
        mark(painter, box)
    else:
        cache.draw(painter, mark, box, 1.0)
    painter.end()
    return image


@pytest.mark.parametrize(
    "mark", [paint_guaranteed_mark, paint_below_minimum_mark, paint_warning_mark]
)
def test_a_cached_mark_looks_like_the_mark_painted_directly(
    qapp: QApplication, mark: MarkPainter
) -> None:
    cache = MarkCache()
    direct = paint_into(mark)
    cached = paint_into(mark, cache)  # painted into the cache's pixmap, then copied
    again = paint_into(mark, cache)  # copied from the pixmap the cache kept
    assert not direct.isNull()
    assert direct.pixelColor(18, 20).alpha() > 0  # the mark is there
    assert cached == direct
    assert again == direct
