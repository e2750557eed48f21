"""How one line of the order is laid out: its title row, the grid of fields, the figures
and the travelers table (the line's widgets are :class:`~axdesk.ui.order_entry.line.LineEditor`'s).

    Line 1                                              Remove line
    Product  [..................]   Option    [..................]
    Date     [.........] Tue  Time [......] ↻  Quantity [ 2 ] of 5 left
    Unit price [......]  Discount / unit [...]  Discount method [......]
    2 × ₩50,000 = ₩100,000
    [travelers table]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from axdesk.ui.order_entry.line import LineEditor


def field_row(
    line: QWidget,
    field: QWidget,
    field_stretch: int,
    side: QWidget,
    side_stretch: int,
    spacing: int = 6,
) -> QWidget:
    """A field with a small companion (a button or a note) on its right, top-aligned."""
    row = QWidget(line)
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(spacing)
    layout.addWidget(field, field_stretch)
    layout.addWidget(side, side_stretch, Qt.AlignmentFlag.AlignTop)
    return row


def lay_out_line(line: LineEditor) -> None:
    """Put the line's widgets in place (once, when the line is built)."""
    top = QHBoxLayout()
    top.addWidget(line.title)
    top.addStretch(1)
    top.addWidget(line.remove_button)

    boxes = line.boxes
    time_row = field_row(line, boxes["time"], 1, line.refresh_button, 0, spacing=4)
    date_row = field_row(line, boxes["date"], 1, line.weekday_label, 0)
    quantity_row = field_row(line, boxes["quantity"], 0, line.seats_label, 1)

    grid = QGridLayout()
    grid.setHorizontalSpacing(10)
    grid.setVerticalSpacing(6)
    cells: list[tuple[str, QWidget, int, int, int]] = [
        ("product", boxes["product"], 0, 0, 3),
        ("option", boxes["option"], 0, 4, 3),
        ("date", date_row, 1, 0, 1),
        ("time", time_row, 1, 2, 1),
        ("quantity", quantity_row, 1, 4, 3),
        ("unit_price", boxes["unit_price"], 2, 0, 1),
        ("discount", boxes["discount"], 2, 2, 1),
        ("discount_method", boxes["discount_method"], 2, 4, 3),
    ]
    for name, widget, row, column, span in cells:
        grid.addWidget(line.labels[name], row, column, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(widget, row, column + 1, 1, span)
    for column in (1, 3, 5):
        grid.setColumnStretch(column, 1)

    layout = QVBoxLayout(line)
    layout.setContentsMargins(12, 8, 12, 10)
    layout.setSpacing(8)
    layout.addLayout(top)
    layout.addLayout(grid)
    layout.addWidget(line.figures_label)
    layout.addWidget(line.travelers)
