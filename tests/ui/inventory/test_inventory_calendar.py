"""The month calendar widget on its own: grid, locale's first weekday, keyboard, departures."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPalette
from pytestqt.qtbot import QtBot

from axdesk.ui.inventory.calendar import InventoryCalendar

TODAY = dt.date(2030, 3, 13)  # a Wednesday


@pytest.fixture
def us_locale() -> Iterator[None]:
    """Weeks start on Sunday in the United States; restore whatever was the default."""
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    try:
        yield
    finally:
        QLocale.setDefault(previous)


def make_calendar(qtbot: QtBot, first_weekday: int | None = None) -> InventoryCalendar:
    calendar = InventoryCalendar(today=lambda: TODAY, first_weekday=first_weekday)
    qtbot.addWidget(calendar)
    return calendar


@pytest.mark.usefixtures("us_locale")
def test_weeks_start_on_the_locale_first_day(qtbot: QtBot) -> None:
    calendar = make_calendar(qtbot)
    model = calendar.month_model()
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Sun"
    assert model.days()[0] == dt.date(2030, 2, 24)  # the Sunday before 1 March 2030
    assert model.days()[0].weekday() == 6


def test_monday_first_when_asked(qtbot: QtBot) -> None:
    calendar = make_calendar(qtbot, first_weekday=0)
    model = calendar.month_model()
    assert model.headerData(0, Qt.Orientation.Horizontal) == QLocale().dayName(
        1, QLocale.FormatType.ShortFormat
    )
    assert model.days()[0] == dt.date(2030, 2, 25)


def test_opens_on_today_and_says_so(qtbot: QtBot) -> None:
    calendar = make_calendar(qtbot, first_weekday=0)
    assert calendar.selected_date() == TODAY
    assert calendar.visible_month() == (2030, 3)
    model = calendar.month_model()
    text = model.data(model.index_of(TODAY), Qt.ItemDataRole.AccessibleTextRole)
    assert "(today)" in text
    assert "no departures" in text


def test_arrows_move_the_day_across_month_edges(qtbot: QtBot) -> None:
    calendar = make_calendar(qtbot, first_weekday=0)
    months: list[tuple[int, int]] = []
    calendar.month_changed.connect(lambda year, month: months.append((year, month)))
    calendar.set_selected_date(dt.date(2030, 3, 31))
    months.clear()
    with qtbot.waitSignal(calendar.selected_date_changed) as moved:
        qtbot.keyClick(calendar, Qt.Key.Key_Right)
    assert moved.args == [dt.date(2030, 4, 1)]
    assert months == [(2030, 4)]
    qtbot.keyClick(calendar, Qt.Key.Key_Up)
    assert calendar.selected_date() == dt.date(2030, 3, 25)
    qtbot.keyClick(calendar, Qt.Key.Key_Down)
    qtbot.keyClick(calendar, Qt.Key.Key_Left)
    assert calendar.selected_date() == dt.date(2030, 3, 31)
    qtbot.keyClick(calendar, Qt.Key.Key_Home)
    assert calendar.selected_date() == dt.date(2030, 3, 1)
    qtbot.keyClick(calendar, Qt.Key.Key_End)
    assert calendar.selected_date() == dt.date(2030, 3, 31)


def test_page_keys_change_month_keeping_the_day_where_it_exists(qtbot: QtBot) -> None:
    calendar = make_calendar(qtbot, first_weekday=0)
    calendar.set_selected_date(dt.date(2030, 1, 31))
    with qtbot.waitSignal(calendar.month_changed) as changed:
        qtbot.keyClick(calendar, Qt.Key.Key_PageDown)
    assert changed.args == [2030, 2]
    assert calendar.selected_date() == dt.date(2030, 2, 28)
    qtbot.keyClick(calendar, Qt.Key.Key_PageUp)
    qtbot.keyClick(calendar, Qt.Key.Key_PageUp)
    assert calendar.visible_month() == (2029, 12)
    assert calendar.selected_date() == dt.date(2029, 12, 28)


def test_enter_activates_the_selected_day(qtbot: QtBot) -> None:
    calendar = make_calendar(qtbot, first_weekday=0)
    with qtbot.waitSignal(calendar.day_activated) as activated:
        qtbot.keyClick(calendar, Qt.Key.Key_Return)
    assert activated.args == [TODAY]


def test_a_new_products_departures_turn_the_month_only_when_it_has_none(qtbot: QtBot) -> None:
    calendar = make_calendar(qtbot, first_weekday=0)
    calendar.turn_to_departures([dt.date(2030, 3, 20), dt.date(2030, 5, 2)])
    assert calendar.selected_date() == TODAY  # March has one: stay
    calendar.turn_to_departures([dt.date(2030, 1, 5), dt.date(2030, 4, 9), dt.date(2030, 5, 2)])
    assert calendar.selected_date() == dt.date(2030, 4, 9)  # the next one from today
    calendar.turn_to_departures([dt.date(2029, 11, 5), dt.date(2029, 12, 1)])
    assert calendar.selected_date() == dt.date(2029, 11, 5)  # all past: the first
    calendar.turn_to_departures([])
    assert calendar.selected_date() == dt.date(2029, 11, 5)


def _cell_image(calendar: InventoryCalendar, day: dt.date) -> QImage:
    rect = calendar.visualRect(calendar.month_model().index_of(day))
    return calendar.viewport().grab(rect).toImage()


def _shown_calendar(
    qtbot: QtBot, font: QFont | None = None, palette: QPalette | None = None
) -> InventoryCalendar:
    calendar = make_calendar(qtbot, first_weekday=0)
    if font is not None:
        calendar.setFont(font)
    if palette is not None:
        calendar.setPalette(palette)
    calendar.resize(900, 720)  # above either font's minimum size
    calendar.show()
    qtbot.waitExposed(calendar)
    return calendar


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_cells_follow_a_font_and_palette_change_as_if_built_with_them(qtbot: QtBot) -> None:
    """The day cell keeps its fonts, colours and boxes between paints: a change of font
    or palette must reach them (the cell looks as in a calendar built that way)."""
    calendar = _shown_calendar(qtbot)
    day = dt.date(2030, 3, 20)
    before = _cell_image(calendar, day)
    font = QFont(calendar.font())
    font.setPointSizeF(font.pointSizeF() * 1.6)
    palette = QPalette(calendar.palette())
    palette.setColor(QPalette.ColorRole.Base, QColor("#203040"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#f0e0a0"))
    calendar.setFont(font)
    calendar.setPalette(palette)
    after = _cell_image(calendar, day)
    assert after != before
    assert after == _cell_image(_shown_calendar(qtbot, font, palette), day)
