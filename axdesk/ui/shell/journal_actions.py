"""The two actions of File > Journal…: Test and Save, each run on the worker.

Neither touches the network or the keyring on the GUI thread: Test connects
once (``axdesk.store.journal_probe``), Save writes the password to the keyring
and only then the setting, so a keyring that fails leaves the setting as it
was (a desk never points at a server whose password it lost).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from axdesk.store.journal_setting import TeamServer, TeamServerValueError
from axdesk.ui.common.placeholders import fill_args
from axdesk.ui.common.worker import describe_error

if TYPE_CHECKING:
    from axdesk.store.journal_probe import ProbeReport
    from axdesk.ui.shell.journal_dialog import JournalDialog


def _problem_of(error: TeamServerValueError) -> str:
    return str(error.args[0]) if error.args else str(error)


def _sentence(error: BaseException) -> str:
    """A keyring failure is its own translated sentence; anything else as the worker says."""
    from axdesk.ui.connection.secrets import SecretStoreError

    if isinstance(error, SecretStoreError):
        return str(error)
    return describe_error(error) or ""


class JournalServerTest(QObject):
    """Test: connect once to the server the dialog names and say whether it worked."""

    def __init__(self, dialog: JournalDialog) -> None:
        super().__init__(dialog)
        self._dialog = dialog
        self.running = False

    def run(self) -> None:
        dialog = self._dialog
        try:
            url = dialog.test_url()
        except TeamServerValueError as exc:
            dialog.show_result(_problem_of(exc))
            dialog.tested.emit(None)
            return
        typed = dialog.password_edit.text() if dialog.password_edit.isEnabled() else ""
        server = None if dialog.read_only else dialog.chosen_server()
        secrets = dialog.shell.secrets

        def probe() -> ProbeReport:
            from axdesk.store.journal_probe import probe_team_journal

            password = typed or None
            if password is None and server is not None:
                password = secrets.load_journal_password(server.account)
            return probe_team_journal(url, password)

        self.running = True
        dialog.test_button.setEnabled(False)
        dialog.show_result(self.tr("Connecting to the team server…"))
        dialog.shell.ctx.worker.call(probe).on_success(self._done).on_error(self._failed).start()

    def _done(self, report: ProbeReport) -> None:
        self._finish()
        self._dialog.show_result(report.sentence)
        self._dialog.tested.emit(report)

    def _failed(self, error: BaseException) -> None:  # the keyring, say: a sentence
        self._finish()
        self._dialog.show_result(_sentence(error))
        self._dialog.tested.emit(None)

    def _finish(self) -> None:
        self.running = False
        self._dialog.test_button.setEnabled(self._dialog.team_server.isChecked())


@dataclass(frozen=True)
class _Change:
    server: TeamServer | None
    password: str


class JournalSettingSave(QObject):
    """Save: the password to the keyring, then the setting; the desk switches at next start."""

    def __init__(self, dialog: JournalDialog) -> None:
        super().__init__(dialog)
        self._dialog = dialog

    def look_for_password(self, server: TeamServer) -> None:
        """Ask the keyring (on the worker) whether ``server``'s password is kept."""
        secrets = self._dialog.shell.secrets
        (
            self._dialog.shell.ctx.worker.call(
                lambda: secrets.load_journal_password(server.account) is not None
            )
            .on_success(self._dialog.password_known)
            .on_error(lambda _error: None)  # said when saving, if it still fails then
            .start()
        )

    def run(self) -> None:
        dialog = self._dialog
        if dialog.read_only:
            return
        try:
            change = _Change(dialog.chosen_server(), dialog.password_edit.text())
        except TeamServerValueError as exc:
            dialog.show_result(_problem_of(exc))
            return
        before = dialog.shell.ctx.settings.team_journal
        secrets = dialog.shell.secrets
        if change.password and secrets.session_only:
            dialog.show_result(
                self.tr(
                    "Nothing was saved. The API key is kept for this session only because this "
                    "computer has no secure keyring, and a password kept so would be gone at "
                    "the next start, when the desk switches journals. Leave the password "
                    "empty to use the PostgreSQL password file instead."
                )
            )
            return

        def keep_the_secret() -> _Change:
            new = change.server
            if new is not None and change.password:
                secrets.save_journal_password(new.account, change.password)
            if before is not None and (new is None or new.account != before.account):
                secrets.delete_journal_password(before.account)  # no password left behind
            return change

        dialog.buttons.setEnabled(False)
        (
            dialog.shell.ctx.worker.call(keep_the_secret)
            .on_success(self._kept)
            .on_error(self._not_kept)
            .start()
        )

    def _kept(self, change: _Change) -> None:
        dialog = self._dialog
        dialog.buttons.setEnabled(True)
        dialog.shell.ctx.settings.team_journal = change.server  # written off the GUI thread
        if change.server is None:
            sentence = self.tr(
                "Saved: from its next start axdesk writes this computer's journal again."
            )
        else:
            sentence = fill_args(
                self.tr("Saved: from its next start axdesk writes the team journal at %1."),
                change.server.where,
            )
        dialog.saved_note(sentence)
        dialog.saved.emit(change.server)
        dialog.accept()

    def _not_kept(self, error: BaseException) -> None:
        """The keyring refused: nothing is saved, and the dialog says why."""
        dialog = self._dialog
        dialog.buttons.setEnabled(True)
        dialog.show_result(
            fill_args(
                self.tr(
                    "Nothing was saved. %1 Leave the password empty to use the PostgreSQL "
                    "password file instead."
                ),
                _sentence(error),
            )
        )
