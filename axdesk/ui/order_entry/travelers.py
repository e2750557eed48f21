"""The travelers of one line: one row per ticket, edited in a table.

:class:`TravelerTableModel` holds the rows as :class:`PersonState` objects and
the per-cell problems (painted red, sentence as tooltip);
:class:`TravelerTable` is the view with the two copy buttons. Typing starts
editing a cell at once, and Tab moves on to the next cell still editing, so
a whole row is filled without the mouse. The table is no trap
(:class:`TravelerView`): Tab from its last cell and Shift+Tab from its first go
on to the rest of the form, and Ctrl+Tab / Ctrl+Shift+Tab leave it from any cell.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from axdesk.ui.common.placeholders import fill_args
from axdesk.ui.order_entry.state import PersonState, format_additional, parse_additional
from axdesk.ui.order_entry.widgets import (
    INVALID_BACKGROUND,
    INVALID_BORDER,
    MessageLabel,
    set_invalid,
)

COLUMNS = ("name", "national_code", "phone", "email", "extra", "additional")

AnyIndex = QModelIndex | QPersistentModelIndex


class TravelerTableModel(QAbstractTableModel):
    """Rows of travelers, each cell one field; problems keyed by (row, field).

    Rows removed by lowering the quantity are kept aside and come back, with
    what was typed in them, when the quantity goes up again.

    Signals:
        edited(int, str): the user changed this row's field.
    """

    edited = Signal(int, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[PersonState] = [PersonState()]
        self._set_aside: list[PersonState] = []
        self._problems: dict[tuple[int, str], str] = {}

    # -- the data -----------------------------------------------------------------

    def travelers(self) -> list[PersonState]:
        return [row.copy() for row in self._rows]

    def set_travelers(self, travelers: list[PersonState]) -> None:
        self.beginResetModel()
        self._rows = [person.copy() for person in travelers]
        self._set_aside = []
        self.endResetModel()

    def resize(self, count: int) -> None:
        """Make exactly ``count`` rows, keeping what was typed in rows taken away."""
        count = max(0, count)
        current = len(self._rows)
        if count < current:
            self.beginRemoveRows(QModelIndex(), count, current - 1)
            removed = self._rows[count:]
            del self._rows[count:]
            self._set_aside = removed + self._set_aside
            self.endRemoveRows()
        elif count > current:
            self.beginInsertRows(QModelIndex(), current, count - 1)
            for _ in range(count - current):
                self._rows.append(self._set_aside.pop(0) if self._set_aside else PersonState())
            self.endInsertRows()

    def fill_all(self, person: PersonState) -> None:
        """Copy ``person``'s fields into every row."""
        self._fill(person, range(len(self._rows)))

    def copy_first_down(self) -> None:
        """Copy the first row's contact fields (not name and note) into the rows below.

        Names are personal; the phone, email and country code are usually
        the family's or the group leader's.
        """
        if not self._rows:
            return
        first = self._rows[0]
        for row in range(1, len(self._rows)):
            target = self._rows[row]
            target.national_code = first.national_code
            target.phone = first.phone
            target.email = first.email
            target.additional = list(first.additional)
        if len(self._rows) > 1:
            self.dataChanged.emit(self.index(1, 0), self.index(len(self._rows) - 1, 5))
            for row in range(1, len(self._rows)):
                for field in ("national_code", "phone", "email", "additional"):
                    self.edited.emit(row, field)

    def _fill(self, person: PersonState, rows: range) -> None:
        for row in rows:
            self._rows[row] = person.copy()
        if rows:
            self.dataChanged.emit(self.index(rows[0], 0), self.index(rows[-1], len(COLUMNS) - 1))
            for row in rows:
                for field in COLUMNS:
                    self.edited.emit(row, field)

    def set_problems(self, problems: Mapping[tuple[int, str], str]) -> None:
        if dict(problems) == self._problems:
            return
        self._problems = dict(problems)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(len(self._rows) - 1, len(COLUMNS) - 1),
                [Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole],
            )

    def problem(self, row: int, field: str) -> str | None:
        return self._problems.get((row, field))

    # -- QAbstractTableModel --------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        titles = (
            self.tr("Name"),
            self.tr("Code"),
            self.tr("Phone"),
            self.tr("Email"),
            self.tr("Note"),
            self.tr("Additional (name=value; …)"),
        )
        return titles[section] if 0 <= section < len(titles) else None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        person = self._rows[index.row()]
        field = COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if field == "additional":
                return format_additional(person.additional)
            value = getattr(person, field)
            if field == "national_code" and role == Qt.ItemDataRole.DisplayRole and value:
                return "+" + value.lstrip("+")
            return value
        problem = self._problems.get((index.row(), field))
        if role == Qt.ItemDataRole.ToolTipRole:
            return problem
        if role == Qt.ItemDataRole.BackgroundRole and problem:
            return QBrush(QColor(INVALID_BACKGROUND))
        if role == Qt.ItemDataRole.ForegroundRole and problem:
            return QBrush(QColor(INVALID_BORDER))
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return problem or ""
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        person = self._rows[index.row()]
        field = COLUMNS[index.column()]
        text = "" if value is None else str(value)
        if field == "additional":
            pairs = parse_additional(text)
            if pairs == person.additional:
                return True
            person.additional = pairs
        else:
            if field == "national_code":
                text = text.strip().lstrip("+")
            if getattr(person, field) == text:
                return True
            setattr(person, field, text)
        self.dataChanged.emit(index, index)
        self.edited.emit(index.row(), field)
        return True


class TravelerView(QTableView):
    """The travelers table: Tab walks its cells, then goes on with the form.

    Tab arriving from the field before starts at the first cell, Shift+Tab from the
    button after at the last; Tab from the last cell (typing in it or not) and
    Shift+Tab from the first leave the table, and Ctrl+Tab or Ctrl+Shift+Tab leave
    it from any cell, as in Qt's other widgets that use Tab themselves.
    """

    def _at_edge(self, forward: bool) -> bool:
        current = self.currentIndex()
        model = self.model()
        if not current.isValid() or model is None:
            return True
        if forward:
            return (
                current.row() == model.rowCount() - 1
                and current.column() == model.columnCount() - 1
            )
        return current.row() == 0 and current.column() == 0

    def leave(self, forward: bool) -> None:
        """Give the focus to the form's next (or previous) control."""
        self.setTabKeyNavigation(False)  # the view's own override would move the cell
        try:
            self.focusNextPrevChild(forward)
        finally:
            self.setTabKeyNavigation(True)

    def focusNextPrevChild(self, next: bool) -> bool:
        if self.tabKeyNavigation() and self._at_edge(next):
            self.leave(next)
            return True
        return super().focusNextPrevChild(next)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            backward = event.key() == Qt.Key.Key_Backtab or bool(
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            )
            self.leave(not backward)
            event.accept()
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        model = self.model()
        if model is not None and model.rowCount() and model.columnCount():
            if event.reason() == Qt.FocusReason.TabFocusReason:
                self.setCurrentIndex(model.index(0, 0))
            elif event.reason() == Qt.FocusReason.BacktabFocusReason:
                self.setCurrentIndex(model.index(model.rowCount() - 1, model.columnCount() - 1))
        super().focusInEvent(event)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        """Tab in the last cell being typed in (Shift+Tab in the first) keeps what was typed
        and leaves the table instead of starting over at its other end."""
        moves = {
            QAbstractItemDelegate.EndEditHint.EditNextItem: True,
            QAbstractItemDelegate.EndEditHint.EditPreviousItem: False,
        }
        forward = moves.get(hint)
        if forward is not None and self._at_edge(forward):
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self.leave(forward)
            return
        super().closeEditor(editor, hint)


class TravelerTable(QWidget):
    """The travelers table of one line, with its copy buttons and first problem.

    Signals:
        copy_purchaser_requested(): "Copy purchaser to all travelers" was pressed
            (the form knows the purchaser and calls :meth:`fill_all`).
    """

    copy_purchaser_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = TravelerTableModel(self)
        self.view = TravelerView(self)
        self.view.setModel(self.model)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setTabKeyNavigation(True)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.view.horizontalHeader()
        header.setMinimumSectionSize(40)
        modes = {
            "name": QHeaderView.ResizeMode.Stretch,
            "national_code": QHeaderView.ResizeMode.Fixed,
            "phone": QHeaderView.ResizeMode.Interactive,
            "email": QHeaderView.ResizeMode.Stretch,
            "extra": QHeaderView.ResizeMode.Stretch,
            "additional": QHeaderView.ResizeMode.Stretch,
        }
        for column, field in enumerate(COLUMNS):
            header.setSectionResizeMode(column, modes[field])
        header.resizeSection(COLUMNS.index("national_code"), 56)
        header.resizeSection(COLUMNS.index("phone"), 130)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(26)

        self.copy_purchaser_button = QPushButton(self)
        self.copy_first_button = QPushButton(self)
        self.copy_purchaser_button.clicked.connect(self.copy_purchaser_requested)
        self.copy_first_button.clicked.connect(self.model.copy_first_down)
        self.message = MessageLabel(self)

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.copy_purchaser_button)
        buttons.addWidget(self.copy_first_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.view)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

        self.model.rowsInserted.connect(self._fit_height)
        self.model.rowsRemoved.connect(self._fit_height)
        self.model.modelReset.connect(self._fit_height)
        self._fit_height()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.view.setAccessibleName(self.tr("Travelers"))
        self.view.setToolTip(
            self.tr("One row per ticket. Type to edit a cell; Tab moves to the next cell.")
        )
        # Shortcut letters no menu, tab or other field of the form uses (G and X).
        self.copy_purchaser_button.setText(self.tr("Copy the purchaser to the whole &group"))
        self.copy_purchaser_button.setAccessibleName(
            self.tr("Copy the purchaser to the whole group")
        )
        self.copy_first_button.setText(self.tr("Copy first traveler's contact to the ne&xt rows"))
        self.copy_first_button.setAccessibleName(
            self.tr("Copy first traveler's contact to the next rows")
        )
        self.copy_first_button.setToolTip(
            self.tr("Copy the first traveler's country code, phone, email and additional fields")
        )
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _fit_height(self) -> None:
        """Show every row without an inner scroll bar (the form scrolls as a whole)."""
        rows = max(1, self.model.rowCount())
        header = self.view.horizontalHeader().sizeHint().height()
        height = header + rows * self.view.verticalHeader().defaultSectionSize()
        height += 2 * self.view.frameWidth() + 2
        self.view.setFixedHeight(height)

    def fill_all(self, person: PersonState) -> None:
        self.model.fill_all(person)

    def set_problems(self, problems: Mapping[tuple[int, str], str]) -> None:
        """Paint the cells and show the first problem as "Traveler 2, Email: …"."""
        self.model.set_problems(problems)
        set_invalid(self.view, self.tr("Some travelers need attention.") if problems else None)
        if not problems:
            self.message.show_message(None)
            return
        (row, field), sentence = min(
            problems.items(), key=lambda item: (item[0][0], COLUMNS.index(item[0][1]))
        )
        more = len(problems) - 1
        text = fill_args(
            self.tr("Traveler %1, %2: %3"),
            str(row + 1),
            self.model.headerData(COLUMNS.index(field), Qt.Orientation.Horizontal),
            sentence,
        )
        if more:
            text += " " + fill_args(self.tr("(%1 more marked in red)"), str(more))
        self.message.show_message(text)

    def commit_open_editor(self) -> None:
        """Write a cell being edited into the model (Ctrl+Enter while typing in a cell)."""
        if self.view.state() != QAbstractItemView.State.EditingState:
            return
        index = self.view.currentIndex()
        editor = self.view.indexWidget(index)
        if editor is None:
            focus = QApplication.focusWidget()
            editor = focus if focus is not None and self.view.isAncestorOf(focus) else None
        if editor is None:
            return
        delegate = self.view.itemDelegateForIndex(index)
        delegate.commitData.emit(editor)
        delegate.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def focus_cell(self, row: int, field: str) -> None:
        if field not in COLUMNS or not 0 <= row < self.model.rowCount():
            return
        index = self.model.index(row, COLUMNS.index(field))
        self.view.setFocus()
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
