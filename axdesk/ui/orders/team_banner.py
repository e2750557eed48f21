"""The "Team journal offline" badge of the Orders tab.

Shown while the team journal's server cannot be reached
(``TeamJournalFeed.online_changed``): the list keeps what was read last and
says so, with the time it was read (the last page that arrived,
``OrdersModel.loaded``), and sending and cancelling are refused with a sentence until the
desk is back (the journal comes first: nothing goes to AX unjournaled). The
desk reconnects by itself; the badge goes when it has, and the list is read
again then. When the cause is known (``axdesk.ui.common.team_cause``: a refused
password, a certificate not trusted, ...) its sentence follows, in the
operator's language.
"""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QWidget

from axdesk.store.problems import Problem
from axdesk.ui.common.placeholders import fill_args
from axdesk.ui.common.store_text import word
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
        self.cause: Problem | None = None
        """Why the team journal cannot be reached, when known."""
        self.hide()
        self.retranslate_ui()

    def set_online(self, online: bool) -> None:
        self.setVisible(not online)

    def set_cause(self, cause: Problem | None) -> None:
        """Say ``cause`` after the banner's sentence (None: say none)."""
        self.cause = cause
        self.retranslate_ui()

    def note_read(self) -> None:
        """The list was just read from the journal."""
        self.read_at = dt.datetime.now().astimezone()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setText(self._offline_text() + self._cause_text())
        self.setAccessibleName(self.tr("Team journal offline"))

    def _cause_text(self) -> str:
        return "" if self.cause is None else "<br>" + html.escape(word(self.cause), quote=False)

    def _offline_text(self) -> str:
        if self.read_at is None:
            return self.tr(
                "<b>Team journal offline</b> — the list shows what was read last. Sending "
                "and cancelling wait until the team journal is back; axdesk reconnects by "
                "itself."
            )
        return fill_args(
            self.tr(
                "<b>Team journal offline</b> — the list is the last one read, as of %1. "
                "Sending and cancelling wait until the team journal is back; axdesk "
                "reconnects by itself."
            ),
            time_text(self.read_at),
        )

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
