"""The notes an order sent, in words: the comment, the purchaser's and the travelers' notes.

What the operator typed into the order form besides names and contacts (the
wire's ``extra`` and ``additional`` of each person, and the order's
``comment``) is read back by the journal
(:class:`~axdesk.store.journal_queries.PersonNotes`); these functions say it
for the detail pane and the ticket tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from axdesk.store.journal_queries import OrderDetail, PersonNotes
from axdesk.ui.common.placeholders import fill_args


def person_note_parts(notes: PersonNotes) -> list[str]:
    """``["휠체어 필요", "english_name: Kim Minjun"]``: the note, then the additional fields."""
    parts = [notes.note.strip()] if notes.note.strip() else []
    if notes.additional:
        parts.append(notes.additional_text())
    return parts


def traveler_note_lines(notes: PersonNotes) -> list[str]:
    """The lines a ticket's tooltip adds for its traveler's note and additional fields."""
    lines = []
    if notes.note.strip():
        lines.append(
            fill_args(QCoreApplication.translate("SentNotes", "Note: %1"), notes.note.strip())
        )
    if notes.additional:
        lines.append(
            fill_args(
                QCoreApplication.translate("SentNotes", "Additional: %1"), notes.additional_text()
            )
        )
    return lines


def sent_notes_lines(detail: OrderDetail) -> list[str]:
    """One line per note the order sent (empty when it sent none)."""
    lines: list[str] = []
    if detail.comment and detail.comment.strip():
        lines.append(
            fill_args(
                QCoreApplication.translate("SentNotes", "Order comment: %1"), detail.comment.strip()
            )
        )
    purchaser = person_note_parts(detail.purchaser_notes)
    if purchaser:
        lines.append(
            fill_args(
                QCoreApplication.translate("SentNotes", "Purchaser's note: %1"),
                " · ".join(purchaser),
            )
        )
    lead = person_note_parts(detail.representative_notes)
    is_purchaser = (
        detail.representative_name == detail.purchaser_name
        and detail.representative_notes == detail.purchaser_notes
    )
    if lead and not is_purchaser:
        who = detail.representative_name
        if detail.representative_phone:
            who = f"{who} ({detail.representative_phone})"
        lines.append(
            fill_args(
                QCoreApplication.translate("SentNotes", "Lead traveler %1: %2"),
                who,
                " · ".join(lead),
            )
        )
    for ticket in detail.tickets:
        parts = person_note_parts(ticket.notes)
        if parts:
            lines.append(f"{ticket.name}: {' · '.join(parts)}")
    return lines
