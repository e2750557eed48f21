"""The Orders tab's search and filter bar: what the orders list shows, and the tab's buttons.

Two rows, so that the search box keeps its width on a 1024-pixel screen (one
row overlapped the status filter there, in Korean most of all): the search
box with "Refresh now", "Look up at AX…", "Export" and "Departures" (the day
manifest, the cancel of a departure); then the status filter
and the dates of use. Under them, hidden until a search finds nothing that
looks like an order code, the hint that offers to ask AX about it.

The bar only holds the widgets and reads the criteria
(:meth:`OrderFilterBar.criteria`); the tab's helpers act on them.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from axdesk.api import OrderStatus
from axdesk.store.journal_queries import JournalState, OrderFilter
from axdesk.ui.common.placeholders import fill_args

STATUS_FILTERS: tuple[
    tuple[str, frozenset[OrderStatus] | None, frozenset[JournalState] | None], ...
] = (
    ("all", None, None),
    ("waiting", frozenset({OrderStatus.NEW, OrderStatus.SUPPLIER_PENDING}), None),
    ("confirmed", frozenset({OrderStatus.SUPPLIER_CONFIRM}), None),
    ("rejected", frozenset({OrderStatus.SUPPLIER_REJECT}), None),
    (
        "cancelled",
        frozenset({OrderStatus.TRAVELER_CANCEL, OrderStatus.UNAVOIDABLE_CANCEL}),
        None,
    ),
    (
        "attention",
        None,
        frozenset({JournalState.SENDING, JournalState.UNKNOWN, JournalState.REJECTED}),
    ),
)
"""The status filter's entries, in the combo box's order: (key, AX statuses, journal states)."""


class OrderFilterBar(QWidget):
    """The search box, the status and date filters, the tab's buttons and the lookup hint.

    ``today`` is the supplier's today: the dates of use start there.

    Signals:
        filter_changed(): the status filter or the dates of use changed (the
            search text has its own signals, debounced by the search helper).
    """

    filter_changed = Signal()

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(280)
        self.search_label = QLabel()
        self.search_label.setBuddy(self.search_edit)

        self.status_combo = QComboBox()
        self.status_label = QLabel()
        self.status_label.setBuddy(self.status_combo)

        self.date_check = QCheckBox()
        self.date_from = QDateEdit(QDate(today.year, today.month, today.day))
        self.date_to = QDateEdit(QDate(today.year, today.month, today.day).addDays(30))
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
        self.date_dash = QLabel("–")

        self.refresh_button = QPushButton()
        self.lookup_button = QPushButton()
        self.export_button = QToolButton()
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_menu = QMenu(self)
        self.export_table_action = self.export_menu.addAction("")
        self.export_manifest_action = self.export_menu.addAction("")
        self.export_button.setMenu(self.export_menu)
        self.departures_button = QToolButton()
        self.departures_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.departures_menu = QMenu(self)
        self.print_manifest_action = self.departures_menu.addAction("")
        self.cancel_departure_action = self.departures_menu.addAction("")
        self.departures_button.setMenu(self.departures_menu)

        search_row = QHBoxLayout()
        search_row.addWidget(self.search_label)
        search_row.addWidget(self.search_edit, 1)
        search_row.addSpacing(8)
        search_row.addWidget(self.refresh_button)
        search_row.addWidget(self.lookup_button)
        search_row.addWidget(self.export_button)
        search_row.addWidget(self.departures_button)
        filter_row = QHBoxLayout()
        filter_row.addWidget(self.status_label)
        filter_row.addWidget(self.status_combo)
        filter_row.addSpacing(8)
        filter_row.addWidget(self.date_check)
        filter_row.addWidget(self.date_from)
        filter_row.addWidget(self.date_dash)
        filter_row.addWidget(self.date_to)
        filter_row.addStretch(1)

        self.hint_frame = QFrame()
        self.hint_frame.setStyleSheet(
            "QFrame#hint { background: #e8f0fe; border: 1px solid #c6dafc; border-radius: 3px; }"
        )
        self.hint_frame.setObjectName("hint")
        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)
        self.hint_button = QPushButton()
        hint_layout = QHBoxLayout(self.hint_frame)
        hint_layout.setContentsMargins(8, 4, 8, 4)
        hint_layout.addWidget(self.hint_label, 1)
        hint_layout.addWidget(self.hint_button)
        self.hint_frame.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(search_row)
        layout.addLayout(filter_row)
        layout.addWidget(self.hint_frame)

        self.status_combo.currentIndexChanged.connect(lambda _i: self.filter_changed.emit())
        self.date_check.toggled.connect(self._dates_toggled)
        self.date_from.dateChanged.connect(lambda _d: self.filter_changed.emit())
        self.date_to.dateChanged.connect(lambda _d: self.filter_changed.emit())
        self.retranslate_ui()

    def focus_order(self) -> list[QWidget]:
        """The bar's widgets in keyboard (Tab) order, the hint's button last."""
        return [
            self.search_edit,
            self.status_combo,
            self.date_check,
            self.date_from,
            self.date_to,
            self.refresh_button,
            self.lookup_button,
            self.export_button,
            self.departures_button,
            self.hint_button,
        ]

    def search_text(self) -> str:
        return self.search_edit.text().strip()

    def criteria(self, zone: dt.tzinfo) -> OrderFilter:
        """What the list should show; the dates of use are days in ``zone`` (the supplier's)."""
        _key, statuses, states = STATUS_FILTERS[max(0, self.status_combo.currentIndex())]
        use_from = use_until = None
        if self.date_check.isChecked():
            first = self.date_from.date().toPython()
            last = self.date_to.date().toPython()
            assert isinstance(first, dt.date)
            assert isinstance(last, dt.date)
            if last < first:
                first, last = last, first
            use_from = dt.datetime.combine(first, dt.time(0, 0), tzinfo=zone)
            use_until = dt.datetime.combine(last + dt.timedelta(days=1), dt.time(0, 0), tzinfo=zone)
        return OrderFilter(
            states=states,
            ax_statuses=statuses,
            use_from=use_from,
            use_until=use_until,
            text=self.search_text(),
        )

    def show_everything_matching(self, text: str) -> None:
        """Every status and every date, and ``text`` in the search box (no signal but
        the search box's own ``textChanged``)."""
        self.status_combo.blockSignals(True)
        self.status_combo.setCurrentIndex(0)
        self.status_combo.blockSignals(False)
        self.date_check.blockSignals(True)
        self.date_check.setChecked(False)
        self.date_check.blockSignals(False)
        self._enable_dates(False)
        self.search_edit.setText(text)

    def show_lookup_hint(self, code: str) -> None:
        """Offer to ask AX about ``code``, which no journaled order matches."""
        self.hint_label.setText(
            fill_args(
                self.tr(
                    "No order in the journal matches “%1”. It may have been made "
                    "elsewhere: AX can be asked about it."
                ),
                code,
            )
        )
        self.hint_frame.show()

    def hide_lookup_hint(self) -> None:
        self.hint_frame.hide()

    def _dates_toggled(self, checked: bool) -> None:
        self._enable_dates(checked)
        self.filter_changed.emit()

    def _enable_dates(self, enabled: bool) -> None:
        self.date_from.setEnabled(enabled)
        self.date_to.setEnabled(enabled)

    def retranslate_ui(self) -> None:
        self.search_label.setText(self.tr("&Find:"))
        self.search_edit.setPlaceholderText(self.tr("Name, phone, e-mail or order code (Ctrl+F)"))
        self.search_edit.setAccessibleName(self.tr("Find an order"))
        self.search_edit.setAccessibleDescription(
            self.tr(
                "Type a traveler's or purchaser's name, phone or e-mail, or an order code. "
                "Enter selects the first match and moves to its tickets."
            )
        )
        self.status_label.setText(self.tr("&Status:"))
        current = max(0, self.status_combo.currentIndex())
        self.status_combo.blockSignals(True)
        self.status_combo.clear()
        self.status_combo.addItems(
            [
                self.tr("All orders"),
                self.tr("Waiting for the supplier"),
                self.tr("Confirmed"),
                self.tr("Rejected"),
                self.tr("Cancelled"),
                self.tr("Needs attention (not settled with AX)"),
            ]
        )
        self.status_combo.setCurrentIndex(current)
        self.status_combo.blockSignals(False)
        self.status_combo.setAccessibleName(self.tr("Show orders with this status"))
        self.date_check.setText(self.tr("&Used between"))
        self.date_check.setAccessibleName(self.tr("Filter by date of use"))
        self.date_from.setAccessibleName(self.tr("First date of use"))
        self.date_to.setAccessibleName(self.tr("Last date of use"))
        self.refresh_button.setText(self.tr("&Refresh now"))
        self.refresh_button.setToolTip(self.tr("Ask AX about every open order now (F5)"))
        self.refresh_button.setAccessibleName(self.tr("Refresh now"))
        self.lookup_button.setText(self.tr("&Look up at AX…"))
        self.lookup_button.setToolTip(
            self.tr("Look up an order that is not in the journal by its code (Ctrl+L)")
        )
        self.lookup_button.setAccessibleName(self.tr("Look up an order at AX"))
        self.export_button.setText(self.tr("E&xport"))
        self.export_button.setAccessibleName(self.tr("Export to CSV"))
        self.export_table_action.setText(self.tr("Orders shown, to CSV…"))
        self.export_manifest_action.setText(self.tr("Traveler manifest for a day, to CSV…"))
        self.departures_button.setText(self.tr("&Departures"))
        self.departures_button.setAccessibleName(self.tr("Departures: manifest and cancel"))
        self.print_manifest_action.setText(self.tr("Day manifest: print or save as PDF…"))
        self.cancel_departure_action.setText(self.tr("Cancel a departure…"))
        self.hint_button.setText(self.tr("Look up at AX"))
        self.hint_button.setAccessibleName(self.tr("Look up this code at AX"))

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
