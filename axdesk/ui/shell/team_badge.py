"""The status bar's "Team journal offline" badge, seen from every tab.

The Orders tab's ``TeamJournalFeed`` knows whether the team journal's server
can be heard (``online_changed``); this badge follows it in the main window's
status bar, so an operator on the Inventory or New order tab learns that
sending and cancelling wait (the journal comes first) before trying. It is
hidden while the server is reachable, on this computer's journal, and once the
desk has reconnected by itself. Words, not colour alone; the tooltip says what
it means, and first why, when that is known (``axdesk.ui.common.team_cause``:
a refused password, a certificate not trusted, ...), in the operator's language.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from axdesk.store.problems import Problem
from axdesk.ui.common.store_text import word
from axdesk.ui.common.team_cause import TeamJournalCause
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
        self.cause: Problem | None = None
        """Why the team journal cannot be reached, when known (the tooltip says it)."""
        self.hide()
        self.retranslate_ui()

    @classmethod
    def install(
        cls,
        status_bar: QStatusBar,
        feed: TeamJournalFeed,
        cause: TeamJournalCause | None = None,
    ) -> TeamJournalBadge:
        """A badge in ``status_bar`` following ``feed`` and ``cause`` (what they already
        know included)."""
        badge = cls(status_bar)
        status_bar.addPermanentWidget(badge)
        badge.hide()  # addPermanentWidget shows it
        feed.online_changed.connect(badge.set_online)
        if feed.online is not None:
            badge.set_online(feed.online)
        if cause is not None:
            cause.changed.connect(badge.set_cause)
            badge.set_cause(cause.cause)
        return badge

    def set_cause(self, cause: Problem | None) -> None:
        self.cause = cause
        self.retranslate_ui()

    def set_online(self, online: bool) -> None:
        self.setVisible(not online)

    def retranslate_ui(self) -> None:
        self.setText(self.tr("Team journal offline"))
        self.setAccessibleName(self.tr("Team journal offline"))
        meaning = self.tr(
            "The team journal's server cannot be reached. Lists show what was read last; "
            "sending and cancelling wait until it is back. axdesk reconnects by itself."
        )
        self.setToolTip(meaning if self.cause is None else f"{word(self.cause)}\n\n{meaning}")

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
