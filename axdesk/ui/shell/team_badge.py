"""The status bar's "Team journal offline" badge, seen from every tab.

The Orders tab's ``TeamJournalFeed`` knows whether the team journal's server
can be heard (``online_changed``); this badge follows it in the main window's
status bar, so an operator on the Inventory or New order tab learns that
sending and cancelling wait (the journal comes first) before trying. It is
hidden while the server is reachable, on this computer's journal, and once the
desk has reconnected by itself. Words, not colour alone; the tooltip says what
it means.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from axdesk.ui.common.team_feed import TeamJournalFeed


class TeamJournalBadge(QLabel):
    """Shown while the team journal cannot be reached (see the module docstring)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.setStyleSheet(
            "QLabel { background: #fff3cd; color: #664d03; border: 1px solid #ffda6a;"
            " font-weight: bold; padding: 1px 8px; border-radius: 3px; }"
        )
        self.hide()
        self.retranslate_ui()

    @classmethod
    def install(cls, status_bar: QStatusBar, feed: TeamJournalFeed) -> TeamJournalBadge:
        """A badge in ``status_bar`` following ``feed`` (what it already knows included)."""
        badge = cls(status_bar)
        status_bar.addPermanentWidget(badge)
        badge.hide()  # addPermanentWidget shows it
        feed.online_changed.connect(badge.set_online)
        if feed.online is not None:
            badge.set_online(feed.online)
        return badge

    def set_online(self, online: bool) -> None:
        self.setVisible(not online)

    def retranslate_ui(self) -> None:
        self.setText(self.tr("Team journal offline"))
        self.setAccessibleName(self.tr("Team journal offline"))
        self.setToolTip(
            self.tr(
                "The team journal's server cannot be reached. Lists show what was read last; "
                "sending and cancelling wait until it is back. axdesk reconnects by itself."
            )
        )

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
