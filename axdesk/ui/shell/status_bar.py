"""The main window's status bar: which AX environment, connection state, last answer.

The environment badge cannot be missed and never relies on colour alone: it
says PRODUCTION (red), TEST (amber), SANDBOX (green) or CUSTOM SERVER (red: an
address we cannot vouch for is treated like production) in words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QLabel, QSizePolicy, QStatusBar, QWidget

from axdesk.ui.common.context import (
    ENVIRONMENT_CUSTOM,
    ENVIRONMENT_PRODUCTION,
    ENVIRONMENT_SANDBOX,
    ENVIRONMENT_TEST,
    LINK_PROBLEM_KINDS,
    Connection,
    display_name,
)
from axdesk.ui.common.error_text import is_slow_answer
from axdesk.ui.common.live_text import again
from axdesk.ui.common.placeholders import fill_args
from axdesk.ui.common.time_text import date_time_text, time_text
from axdesk.ui.common.worker import Worker

# background, text colour (contrast checked: white on red/green, near-black on amber)
_BADGE_COLOURS = {
    ENVIRONMENT_PRODUCTION: ("#b3261e", "#ffffff"),
    ENVIRONMENT_CUSTOM: ("#b3261e", "#ffffff"),
    ENVIRONMENT_TEST: ("#f2b705", "#1f1f1f"),
    ENVIRONMENT_SANDBOX: ("#1e7d32", "#ffffff"),
    "": ("#5f6368", "#ffffff"),
}


class EnvironmentBadge(QLabel):
    """A coloured label naming the environment in capitals (words, not colour alone)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.environment = ""
        self._problem: Callable[[], str] | None = None
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.set_environment("")

    def set_environment(self, environment: str) -> None:
        self.environment = environment
        background, foreground = _BADGE_COLOURS.get(environment, _BADGE_COLOURS[""])
        self.setStyleSheet(
            f"QLabel {{ background: {background}; color: {foreground}; font-weight: bold;"
            " padding: 2px 10px; border-radius: 3px; }"
        )
        self.retranslate_ui()

    def set_problem(self, reason: Callable[[], str] | None) -> None:
        """Mark the badge as not working, for ``reason`` (a sentence fragment, rendered in
        the language in use), or clear the mark (None)."""
        self._problem = reason
        self.retranslate_ui()

    def words(self) -> tuple[str, str]:
        """(badge text, spoken description): the environment, and a problem if marked."""
        text, description = self.environment_words()
        if self._problem is None or not self.environment:
            return text, description
        return (
            fill_args(self.tr("%1 · NOT WORKING", "the environment badge, e.g. TEST"), text),
            fill_args(
                self.tr("%1. The connection is not working: %2."), description, self._problem()
            ),
        )

    def environment_words(self) -> tuple[str, str]:
        """(badge text, spoken description) of the environment alone."""
        if self.environment == ENVIRONMENT_PRODUCTION:
            return self.tr("PRODUCTION"), self.tr("Production: real orders and real money")
        if self.environment == ENVIRONMENT_TEST:
            return self.tr("TEST"), self.tr("Test environment: orders are not real")
        if self.environment == ENVIRONMENT_SANDBOX:
            return self.tr("SANDBOX"), self.tr(
                "Practice mode on the local sandbox: nothing is real"
            )
        if self.environment == ENVIRONMENT_CUSTOM:
            return self.tr("CUSTOM SERVER"), self.tr(
                "Custom server: treat its orders as real unless you know otherwise"
            )
        return self.tr("NOT CONNECTED"), self.tr("Not connected to AX")

    def retranslate_ui(self) -> None:
        text, description = self.words()
        self.setText(text)
        self.setToolTip(description)
        self.setAccessibleName(fill_args(self.tr("Environment: %1"), description))

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class ShellStatusBar(QStatusBar):
    """Badge, connection state, time of the last successful call and a busy note."""

    def __init__(self, connection: Connection, worker: Worker, parent: QWidget | None = None):
        super().__init__(parent)
        self._connection = connection
        self._last_failure: str | None = None
        self._busy = False
        self.badge = EnvironmentBadge(self)
        self.state_label = QLabel(self)
        self.last_call_label = QLabel(self)
        self.busy_label = QLabel(self)
        self.message_label = QLabel(self)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Long notes are cut at the window's edge rather than widening the window.
        self.message_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.badge.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.timeout.connect(self._clear_note)
        self._note = ""
        # QStatusBar.showMessage would hide the badge while a message shows: the shell
        # shows its messages in a label of its own instead (see show_note).
        self.addWidget(self.badge)
        self.addWidget(self.state_label)
        self.addWidget(self.message_label, 1)
        self.addPermanentWidget(self.busy_label)
        self.addPermanentWidget(self.last_call_label)
        connection.changed.connect(self._on_connection_changed)
        connection.call_finished.connect(self._on_call_finished)
        worker.busy_changed.connect(self._on_busy_changed)
        worker.call_failed.connect(self._on_call_failed)
        self._on_connection_changed()

    def show_note(self, text: str, timeout_ms: int = 15_000) -> None:
        """A passing message beside the connection state, on one line (the full text is in
        its tooltip); the badge stays visible and the bar keeps its height. A
        :class:`~axdesk.ui.common.live_text.LiveText` is said again after a language switch."""
        self._note = text
        self._show_note_text(text)
        if timeout_ms > 0:
            self._message_timer.start(timeout_ms)
        else:
            self._message_timer.stop()

    def _show_note_text(self, text: str) -> None:
        one_line = " · ".join(part.strip() for part in text.splitlines() if part.strip())
        self.message_label.setText(one_line)
        self.message_label.setToolTip(text)

    def _clear_note(self) -> None:
        self._note = ""
        self.message_label.clear()

    def note(self) -> str:
        return self.message_label.toolTip() if self.message_label.text() else ""

    # -- reactions -------------------------------------------------------------------

    def _on_connection_changed(self) -> None:
        profile = self._connection.profile
        self._last_failure = self._connection.problem
        self.badge.set_environment(profile.environment if profile else "")
        self.retranslate_ui()

    def _on_call_finished(self, record: object) -> None:
        error = getattr(record, "error", None)
        self._last_failure = None if error is None else _problem_kind(str(error))
        self.retranslate_ui()

    def _on_call_failed(self, error: object) -> None:
        """A call failed: a timeout after AX took the request means AX is slow, not that it
        could not be reached (the call record alone cannot tell)."""
        if (
            self._last_failure == "network"
            and isinstance(error, BaseException)
            and is_slow_answer(error)
        ):
            self._last_failure = "slow"
            self.retranslate_ui()

    def _reason(self, kind: str) -> str:
        reasons = {
            "network": self.tr("AX could not be reached"),
            "slow": self.tr("AX is slow to answer"),
            "auth": self.tr("AX refused the API key or channel code"),
            "server": self.tr("AX had a server error"),
            "malformed": self.tr("the answer was not understood"),
            "test": self.tr("the connection test failed"),
        }
        return reasons.get(kind, kind)

    def _on_busy_changed(self, busy: bool) -> None:
        self._busy = busy
        self.retranslate_ui()

    # -- texts -----------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        profile = self._connection.profile
        if profile is None:
            state = self.tr("Not connected. Choose Connection > Connect… to start.")
        elif self._last_failure is not None:
            state = fill_args(
                self.tr("%1: the last request to AX failed (%2)."),
                display_name(profile),
                self._reason(self._last_failure),
            )
        else:
            state = fill_args(
                self.tr("Connected: %1 (%2)"), display_name(profile), profile.base_url
            )
        self.state_label.setText(state)
        self.state_label.setAccessibleName(self.tr("Connection state"))
        failure = self._last_failure
        self.badge.set_problem(
            None if failure is None or profile is None else lambda: self._reason(failure)
        )
        last = self._connection.last_success
        if last is None:
            self.last_call_label.setText(self.tr("No successful call yet"))
        else:
            local = last.astimezone()
            self.last_call_label.setText(
                fill_args(self.tr("Last successful call: %1"), _clock(local))
            )
        self.last_call_label.setAccessibleName(self.tr("Time of the last successful call to AX"))
        self.busy_label.setText(self.tr("Working…") if self._busy else "")
        self.message_label.setAccessibleName(self.tr("Message"))

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            if self._note and self.message_label.text():
                self._note = again(self._note)
                self._show_note_text(self._note)
        super().changeEvent(event)


def _problem_kind(error_text: str) -> str | None:
    """Which connection problem a call record's error names, or None when the
    server answered normally (a 404 or a rejected order says nothing about the link)."""
    return LINK_PROBLEM_KINDS.get(error_text.split(":", 1)[0].strip())


def _clock(moment: dt.datetime) -> str:
    today = dt.datetime.now(moment.tzinfo).date()
    if moment.date() == today:
        return time_text(moment, seconds=True)
    return date_time_text(moment)
