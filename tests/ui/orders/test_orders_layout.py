"""The Orders tab on a 1180-pixel-wide window, in English and Korean: every column keeps a
readable width, status cells are whole, long texts are elided with the full text in a tooltip;
counted texts use Qt's plural forms; a ticket's AX status "New" says what it means.

The real sandbox over loopback and the app's own context (see test_orders_support).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QIcon
from PySide6.QtWidgets import QLabel
from test_orders_support import make_tab, place_order, traveler

from axdesk.api import OrderStatus, TicketStatus
from axdesk.sandbox.embedded import RunningSandbox
from axdesk.ui.common.context import AppContext
from axdesk.ui.orders.status_look import Look, look_icon
from axdesk.ui.orders.table_model import Column

pytestmark = [
    pytest.mark.e2e,
    # The offscreen platform plugin says this whenever a shown top-level widget's size
    # hints change; it is a limit of the test platform, not a fault of the tab.
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

NARROW_WIDTH = 1180
READABLE_PRODUCT_WIDTH = 200
"""Enough for "DMZ 반나절 투어 / DMZ…": a product name can be read, not only guessed."""


def _text_fits(label: QLabel) -> bool:
    width = QFontMetrics(label.font()).horizontalAdvance(label.text())
    return width <= label.contentsRect().width()


@pytest.mark.parametrize("language", ["en", "ko"])
def test_at_1180_pixels_the_product_column_stays_readable_and_statuses_whole(
    qtbot: Any,
    app_context: AppContext,
    sandbox: RunningSandbox,
    request: pytest.FixtureRequest,
    language: str,
) -> None:
    if language == "ko":
        request.getfixturevalue("korean")
    confirmed = place_order(app_context, sandbox, [traveler("김민준"), traveler("이서연")])
    place_order(app_context, sandbox, [traveler("Park Jisoo")], option=1)
    cancelled = place_order(app_context, sandbox, [traveler("Lee Minho")])
    app_context.journal.update_ax_status(confirmed.ax_order_code, OrderStatus.SUPPLIER_CONFIRM)
    app_context.journal.update_ax_status(cancelled.ax_order_code, OrderStatus.UNAVOIDABLE_CANCEL)
    tab = make_tab(qtbot, app_context)
    tab.resize(NARROW_WIDTH, 760)
    table, header = tab.table, tab.table.horizontalHeader()
    qtbot.waitUntil(lambda: table.viewport().width() < NARROW_WIDTH)
    assert tab.model.rowCount() == 3

    qtbot.waitUntil(lambda: header.sectionSize(int(Column.PRODUCT)) >= READABLE_PRODUCT_WIDTH)
    # Every status is shown whole: the column is as wide as its widest cell needs.
    status = int(Column.STATUS)
    assert header.sectionSize(status) >= table.sizeHintForColumn(status)
    # The columns that do get narrow say their whole text in a tooltip.
    for column in (Column.PRODUCT, Column.TRAVELERS, Column.PURCHASER, Column.CHANNEL_ORDER):
        for row in range(tab.model.rowCount()):
            index = tab.model.index(row, int(column))
            assert index.data(Qt.ItemDataRole.ToolTipRole), (column, row)

    # A long message in the footer is elided to its width; the whole text is its tooltip.
    long_message = "; ".join(
        ["The ticket of 김민준 is cancelled. AX order 1234: Traveler cancel"] * 4
    )
    tab.show_message(long_message)
    label = tab.message_label
    assert label.toolTip() == long_message
    assert label.text().endswith("…")
    assert _text_fits(label)


def test_counted_texts_use_plural_forms(
    qtbot: Any, app_context: AppContext, sandbox: RunningSandbox, tmp_path: Path, english: Any
) -> None:
    placed = place_order(app_context, sandbox, [traveler("김민준")])
    app_context.journal.update_ticket_status(placed.ticket_code(0), TicketStatus.TRAVELER_CANCELED)
    tab = make_tab(qtbot, app_context)
    row = tab.model.row_of(placed.code)
    assert row is not None
    tooltip = str(tab.model.index(row, int(Column.TRAVELERS)).data(Qt.ItemDataRole.ToolTipRole))
    assert "1 of 1 ticket cancelled" in tooltip

    with qtbot.waitSignal(tab.export_finished, timeout=5_000):
        tab.exporting.export_table(tmp_path / "orders.csv")
    assert tab.message_label.toolTip().startswith("1 row written to ")


def test_korean_counted_texts_have_their_one_form(
    qtbot: Any, app_context: AppContext, sandbox: RunningSandbox, tmp_path: Path, korean: Any
) -> None:
    place_order(app_context, sandbox, [traveler("김민준")])
    tab = make_tab(qtbot, app_context)
    with qtbot.waitSignal(tab.export_finished, timeout=5_000):
        tab.exporting.export_table(tmp_path / "orders.csv")
    message = tab.message_label.toolTip()
    assert "1행" in message
    assert "%n" not in message


def test_a_live_ticket_says_what_axs_new_means(
    qtbot: Any, app_context: AppContext, sandbox: RunningSandbox
) -> None:
    placed = place_order(app_context, sandbox, [traveler("김민준")])
    app_context.journal.update_ax_status(placed.ax_order_code, OrderStatus.SUPPLIER_CONFIRM)
    tab = make_tab(qtbot, app_context)
    with qtbot.waitSignal(tab.detail_shown):
        tab.show_order(placed.code)
    model = tab.detail.tickets_model
    status = model.index(0, model.STATUS_COLUMN)
    words = str(status.data())
    # Not "New" alone, which reads as "a new order, not confirmed yet": it says the ticket
    # is valid and not used yet, and keeps AX's own word in sight.
    assert words != "New"
    assert "not used" in words.lower()
    assert "New" in words
    tooltip = str(status.data(Qt.ItemDataRole.ToolTipRole))
    assert "not used yet" in tooltip
    # Not the order's green "confirmed" check either: that is the supplier's decision.
    icon = status.data(Qt.ItemDataRole.DecorationRole)
    assert isinstance(icon, QIcon)
    confirmed = look_icon(Look.CONFIRMED).pixmap(16, 16).toImage()
    assert icon.pixmap(16, 16).toImage() != confirmed
