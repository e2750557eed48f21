"""The "Team journal offline" badge of the Orders tab.

Shown while the team journal's server cannot be reached
(``TeamJournalFeed.online_changed``): the list keeps what was read last and
says so, with the time it was read (the last page that arrived,
``OrdersModel.loaded``), and sending and cancelling are refused with a sentence until the
desk is back (the journal comes first: nothing goes to AX unjournaled). The
desk reconnects by itself; the badge goes when it has, and the list is read
again then.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QWidget

from axdesk.ui.common.placeholders import fill_args
from axdesk.ui.common.time_text import time_text


class TeamJournalBanner(QLabel):
    """Hidden while the team journal is reachable (or on this computer's journal)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet(
            "QLabel { background: #fff3cd; color: #664d03; border: 1px solid #ffda6a;"
            " border-radius: 4px; padding: 4px 8px; }"
        )
        self.read_at: dt.datetime | None = None
        """When the list was last read (this desk's time), None before the first read."""
        self.hide()
        self.retranslate_ui()

    def set_online(self, online: bool) -> None:
        self.setVisible(not online)

    def note_read(self) -> None:
        """The list was just read from the journal."""
        self.read_at = dt.datetime.now().astimezone()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        if self.read_at is None:
            self.setText(
                self.tr(
                    "<b>Team journal offline</b> — the list shows what was read last. Sending "
                    "and cancelling wait until the team journal is back; axdesk reconnects by "
                    "itself."
                )
            )
        else:
            self.setText(
                fill_args(
                    self.tr(
                        "<b>Team journal offline</b> — the list is the last one read, as of %1. "
                        "Sending and cancelling wait until the team journal is back; axdesk "
                        "reconnects by itself."
                    ),
                    time_text(self.read_at),
                )
            )
        self.setAccessibleName(self.tr("Team journal offline"))

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
