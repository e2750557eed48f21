"""The "Team journal offline" badge of the Orders tab.

Shown while the team journal's server cannot be reached
(``TeamJournalFeed.online_changed``): the list keeps what was read last and
says so, and sending and cancelling are refused with a sentence until the
desk is back (the journal comes first: nothing goes to AX unjournaled). The
desk reconnects by itself; the badge goes when it has, and the list is read
again then.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QWidget


class TeamJournalBanner(QLabel):
    """Hidden while the team journal is reachable (or on this computer's journal)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet(
            "QLabel { background: #fff3cd; color: #664d03; border: 1px solid #ffda6a;"
            " border-radius: 4px; padding: 4px 8px; }"
        )
        self.hide()
        self.retranslate_ui()

    def set_online(self, online: bool) -> None:
        self.setVisible(not online)

    def retranslate_ui(self) -> None:
        self.setText(
            self.tr(
                "<b>Team journal offline</b> — the list shows what was read last. Sending "
                "and cancelling wait until the team journal is back; axdesk reconnects by "
                "itself."
            )
        )
        self.setAccessibleName(self.tr("Team journal offline"))

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
