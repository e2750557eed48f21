"""A date field made for typing: "2026-11-23", "11/23", arrows for the next and previous day,
and a calendar one key (F4) or click away."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from axdesk.ui.order_entry.state import parse_date_text


class DateField(QWidget):
    """A line edit that reads dates, with a calendar button.

    Signals:
        date_changed(object): the date read from the text changed (a ``date`` or None).
        edited(): the user changed the text or picked a day.
    """

    date_changed = Signal(object)
    edited = Signal()

    def __init__(self, today: Callable[[], dt.date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self._date: dt.date | None = None
        self.edit = QLineEdit(self)
        self.edit.setMaxLength(10)
        self.calendar_button = QToolButton(self)
        self.calendar_button.setText("▾")
        self.calendar_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.calendar = QCalendarWidget(self)
        self.calendar.setGridVisible(False)
        self._menu = QMenu(self)
        action = QWidgetAction(self._menu)
        action.setDefaultWidget(self.calendar)
        self._menu.addAction(action)
        self.calendar_button.clicked.connect(self.show_calendar)
        self.calendar.activated.connect(self._picked)
        self.calendar.clicked.connect(self._picked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.calendar_button)
        self.setFocusProxy(self.edit)
        self.edit.textChanged.connect(self._text_changed)
        self.edit.textEdited.connect(lambda _text: self.edited.emit())
        self.edit.editingFinished.connect(self._normalise)
        self.edit.installEventFilter(self)

    def date(self) -> dt.date | None:
        return self._date

    def text(self) -> str:
        return self.edit.text()

    def set_date(self, day: dt.date | None) -> None:
        self.edit.setText(day.isoformat() if day else "")

    def has_unreadable_text(self) -> bool:
        return bool(self.edit.text().strip()) and self._date is None

    def _text_changed(self, text: str) -> None:
        day = parse_date_text(text, self._today())
        if day != self._date:
            self._date = day
            self.date_changed.emit(day)

    def _normalise(self) -> None:
        if self._date is not None and self.edit.text() != self._date.isoformat():
            self.edit.setText(self._date.isoformat())

    def _step(self, days: int) -> None:
        start = self._date or self._today() - dt.timedelta(days=days)
        self.set_date(start + dt.timedelta(days=days))
        self.edited.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_F4 or (
                event.key() == Qt.Key.Key_Down
                and event.modifiers() & Qt.KeyboardModifier.AltModifier
            ):
                self.show_calendar()
                return True
            if event.key() == Qt.Key.Key_Up:
                self._step(1)
                return True
            if event.key() == Qt.Key.Key_Down:
                self._step(-1)
                return True
        return super().eventFilter(watched, event)

    def show_calendar(self) -> None:
        day = self._date or self._today()
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        self._menu.popup(self.edit.mapToGlobal(self.edit.rect().bottomLeft()))
        self.calendar.setFocus()

    def _picked(self, qdate: QDate) -> None:
        self._menu.hide()
        self.set_date(dt.date(qdate.year(), qdate.month(), qdate.day()))
        self.edit.setFocus()
        self.edited.emit()
