"""The New order tab in Korean at 1400×840: its totals are on screen whole, wherever the form
is scrolled (they were cut by the bottom of the scrolled form)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from order_tab_helpers import departures
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from axdesk.store.paths import AppPaths
from axdesk.ui.app import launch
from axdesk.ui.common import i18n
from axdesk.ui.common.context import SlotRef
from axdesk.ui.common.resources import translations_dir
from axdesk.ui.shell.main_window import ORDER_TAB, MainWindow

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


@pytest.fixture
def korean_window(qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> Iterator[MainWindow]:
    shutil.copy(translations_dir() / "axdesk_ko.ts", tmp_path / "axdesk_ko.ts")
    i18n.build(tmp_path)
    window = launch(
        qapp,
        AppPaths.default(),
        sandbox=True,
        language="ko",
        sandbox_options={"random_seed": 7},
        translations_dir=tmp_path,
    )
    qtbot.addWidget(window)
    window.setGeometry(0, 0, 1400, 840)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.set_language("en")
    window.close()


def whole_on_screen(widget: QWidget) -> bool:
    """Nothing of ``widget`` is cut: not by its parents (a scrolled view), not by its size."""
    hint = widget.sizeHint()
    return (
        widget.isVisible()
        and widget.visibleRegion().boundingRect() == widget.rect()
        and widget.width() >= hint.width()
        and widget.height() >= hint.height()
    )


def test_the_totals_are_whole_on_screen_in_korean_at_1400_by_840(
    qtbot: QtBot, korean_window: MainWindow
) -> None:
    window = korean_window
    departure = next(departures(window.ctx, 2))
    window.book_slot(
        SlotRef(
            departure.product.product_code, departure.option.dc_code, departure.day, departure.start
        )
    )
    window.show_tab(ORDER_TAB)
    form = window.order_tab.form
    form.lines[0].quantity_spin.setValue(2)
    form.header.discount_edit.setText("1000")
    # The first line priced and totalled (its catalog is read on the worker) before the
    # second, which has no option yet and so no total ("—"), is added.
    qtbot.waitUntil(lambda: form.totals_view.total_value.text().startswith("₩"))
    form.add_next_line()  # an order of two options: the form is taller than the window
    assert form.totals_view.total_caption.text() == "합계"
    labels = [
        label
        for label in form.totals_view.findChildren(QLabel)
        if label is not form.totals_view.total_message
    ]
    labels.append(window.order_tab.bar.total_label)
    bar_total = window.order_tab.bar.total_label
    qtbot.waitUntil(lambda: bar_total.text() == "합계 " + form.totals_view.total_value.text())

    def cut() -> list[str]:
        return [label.text() for label in labels if not whole_on_screen(label)]

    scroll = form.scroll_area.verticalScrollBar()
    qtbot.waitUntil(lambda: scroll.maximum() > 0)  # taller than the window: it scrolls
    for position in (scroll.minimum(), scroll.maximum() // 2, scroll.maximum()):
        scroll.setValue(position)
        try:  # layouts settle in the event loop; a cut label stays cut
            qtbot.waitUntil(lambda: cut() == [], timeout=1000)
        except qtbot.TimeoutError:
            pytest.fail(f"cut with the form scrolled to {position}: {cut()}")
