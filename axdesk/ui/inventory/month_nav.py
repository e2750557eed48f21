"""The row above the Inventory calendar: previous and next month, the month shown, Today
and Export month…

The tab connects the buttons (to the calendar and to
:class:`~axdesk.ui.inventory.month_export.MonthExport`) and says which month
is shown (:meth:`MonthNavigation.show_month`).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLocale, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QStyle, QToolButton, QWidget

from axdesk.ui.common.placeholders import fill_args


class MonthNavigation(QWidget):
    """Previous / next month, the month's name, Today and Export month….

    Signals: none (the owner connects to the buttons).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._month: tuple[int, int] | None = None
        nav = QHBoxLayout(self)
        nav.setContentsMargins(0, 0, 0, 0)
        nav.setSpacing(4)
        self.previous_button = QToolButton(self)
        self.previous_button.setArrowType(Qt.ArrowType.LeftArrow)
        self.next_button = QToolButton(self)
        self.next_button.setArrowType(Qt.ArrowType.RightArrow)
        self.month_label = QLabel(self)
        title_font = self.month_label.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.35)
        title_font.setBold(True)
        self.month_label.setFont(title_font)
        self.today_button = QPushButton(self)
        self.export_button = QPushButton(self)
        self.export_button.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton)
        )
        nav.addWidget(self.previous_button)
        nav.addWidget(self.next_button)
        nav.addSpacing(6)
        nav.addWidget(self.month_label)
        nav.addStretch(1)
        nav.addWidget(self.today_button)
        nav.addWidget(self.export_button)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Set the texts in the current language (the month's name too)."""
        self.previous_button.setAccessibleName(self.tr("Previous month"))
        self.previous_button.setToolTip(self.tr("Previous month (Page Up)"))
        self.next_button.setAccessibleName(self.tr("Next month"))
        self.next_button.setToolTip(self.tr("Next month (Page Down)"))
        self.month_label.setAccessibleName(self.tr("Month shown"))
        self.today_button.setText(self.tr("&Today"))
        self.today_button.setAccessibleName(self.tr("Go to today"))
        self.export_button.setText(self.tr("&Export month…"))
        self.export_button.setAccessibleName(self.tr("Export the month shown to CSV"))
        if self._month is not None:
            self.show_month(*self._month)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def show_month(self, year: int, month: int) -> None:
        """Name the month shown, in the locale's words ("March 2030", "3월 2030")."""
        self._month = (year, month)
        text = fill_args(
            self.tr("%1 %2", "the month shown: month name, year"),
            QLocale().standaloneMonthName(month, QLocale.FormatType.LongFormat),
            str(year),
        )
        self.month_label.setText(text)
        self.month_label.setAccessibleDescription(text)
