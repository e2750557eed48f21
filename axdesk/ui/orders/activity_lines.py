"""Who did what, in the order detail: the journal's activity lines in the operator's words.

Each line of ``OrderDetail.activity`` (``axdesk.store.journal_activity``)
becomes a row under one "Who did what" entry of the detail's history tree:
when, what was done and by whom (operator and desk), and what it was about
(a ticket code for a cancel).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from axdesk.store.journal_activity import Activity, ActivityKind
from axdesk.ui.common.placeholders import fill_args
from axdesk.ui.orders.rows import local_time


def who_text(line: Activity) -> str:
    """ "김민지 (front-1)", or the one that is known, or "an unnamed desk"."""
    translate = QCoreApplication.translate
    if line.operator and line.desk:
        return fill_args(translate("ActivityLines", "%1 (%2)"), line.operator, line.desk)
    return line.operator or line.desk or translate("ActivityLines", "an unnamed desk")


def activity_text(line: Activity) -> str:
    """What was done and by whom, in the operator's language."""
    translate = QCoreApplication.translate
    texts = {
        ActivityKind.RECORDED: translate("ActivityLines", "Recorded for sending by %1"),
        ActivityKind.SENT: translate("ActivityLines", "Sent by %1"),
        ActivityKind.UNKNOWN: translate("ActivityLines", "Outcome not known yet (%1)"),
        ActivityKind.REJECTED: translate("ActivityLines", "Refused by AX (sent by %1)"),
        ActivityKind.CANCEL_REQUESTED: translate("ActivityLines", "Cancel asked by %1"),
        ActivityKind.CANCELLED: translate("ActivityLines", "Cancelled by %1"),
        ActivityKind.CANCEL_REFUSED: translate(
            "ActivityLines", "Cancel refused by AX (asked by %1)"
        ),
        ActivityKind.NOTE_SAVED: translate("ActivityLines", "Note by %1"),
        ActivityKind.LOOKED_UP: translate("ActivityLines", "Looked up by %1"),
    }
    return fill_args(texts[line.kind], who_text(line))


def add_activity_items(tree: QTreeWidget, activity: Sequence[Activity]) -> None:
    """One "Who did what" entry with a row per line, newest first (nothing when empty)."""
    if not activity:
        return
    translate = QCoreApplication.translate
    top = QTreeWidgetItem(tree, [translate("ActivityLines", "Who did what"), "", ""])
    bold = QFont(top.font(0))
    bold.setBold(True)
    top.setFont(0, bold)
    for line in reversed(activity):
        child = QTreeWidgetItem(top, [local_time(line.at), activity_text(line), line.detail])
        child.setToolTip(1, activity_text(line))
    top.setExpanded(True)
