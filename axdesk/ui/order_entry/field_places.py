"""Where each field of the New order form is: its words for people, its widget, the focus.

A field key (``"purchaser.email"``, ``"lines[1].travelers[0].phone"``, see
:mod:`axdesk.ui.order_entry.rules.fields`) names one input of the form;
:class:`FieldPlaces` finds it among the form's header and lines, says where it
is ("Line 2, traveler 1, Phone") and puts the cursor there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QWidget

from axdesk.ui.common.placeholders import fill_args
from axdesk.ui.order_entry.rules.fields import parse_line_key, parse_traveler_key
from axdesk.ui.order_entry.travelers import COLUMNS

if TYPE_CHECKING:
    from axdesk.ui.order_entry.form import OrderForm


class FieldPlaces(QObject):
    """The form's fields by key (built as ``FieldPlaces(form)``). Signals: none."""

    def __init__(self, form: OrderForm) -> None:
        super().__init__(form)
        self._form = form

    def describe(self, key: str) -> str:
        """Where a field is, for people: "Purchaser email", "Line 2, traveler 1, Phone"."""
        lines = self._form.lines
        traveler = parse_traveler_key(key)
        if traveler is not None:
            line_index, row, field = traveler
            title = ""
            if line_index < len(lines) and field in COLUMNS:
                title = str(
                    lines[line_index].travelers.model.headerData(
                        COLUMNS.index(field), Qt.Orientation.Horizontal
                    )
                )
            return fill_args(
                self.tr("Line %1, traveler %2, %3"),
                str(line_index + 1),
                str(row + 1),
                title or field,
            )
        widget = self.widget(key)
        if widget is not None and widget.accessibleName():
            return widget.accessibleName()
        if key == "order.total":
            return self.tr("Total")
        if key == "order.lines":
            return self.tr("Tickets")
        return key

    def shows(self, key: str) -> bool:
        """Whether a sentence for ``key`` has a place next to a visible input."""
        lines = self._form.lines
        header = self._form.header
        traveler = parse_traveler_key(key)
        if traveler is not None:
            line, row, field = traveler
            return (
                line < len(lines)
                and row < lines[line].travelers.model.rowCount()
                and (field in COLUMNS)
            )
        parsed = parse_line_key(key)
        if parsed is not None:
            return parsed[0] < len(lines) and parsed[1] in lines[parsed[0]].boxes
        prefix, _, name = key.partition(".")
        if prefix == "purchaser":
            return name in header.purchaser.boxes
        if prefix == "representative":
            return not header.same_check.isChecked() and name in header.representative.boxes
        return key in ("order.total", "order.lines") or (prefix == "order" and name in header.boxes)

    def widget(self, key: str) -> QWidget | None:
        """The input ``key`` names (None for a traveler's cell, or a line that is gone)."""
        lines = self._form.lines
        parsed = parse_line_key(key)
        if parsed is not None and parse_traveler_key(key) is None:
            index, name = parsed
            return lines[index].field_widget(name) if index < len(lines) else None
        return self._form.header.field_widget(key)

    def focus(self, key: str) -> None:
        """Put the cursor in the field ``key`` names (scrolling it into view)."""
        form = self._form
        traveler = parse_traveler_key(key)
        if traveler is not None:
            line_index, row, field = traveler
            if line_index < len(form.lines):
                table = form.lines[line_index].travelers
                table.focus_cell(row, field)
                form.scroll_area.ensureWidgetVisible(table)
            return
        widget = self.widget(key)
        if widget is None and key == "order.total":
            widget = form.header.discount_edit
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            form.scroll_area.ensureWidgetVisible(widget)
