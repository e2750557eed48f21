"""The connection dialog's side of the keyring: where the secrets are kept, the
session-only choice, and loading, saving and deleting a profile's secrets.

Every keyring call may block (an unlock prompt), so each runs on the worker and
is tracked by the dialog (its answer is dropped once the dialog closed). Every
keyring failure becomes one sentence in the dialog; with no usable keyring at
all, the form offers to keep the secrets for this session only
(:class:`~axdesk.ui.connection.secrets.SecretStore` fails closed, never to plain
text).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from axdesk.ui.common.placeholders import fill_args
from axdesk.ui.common.worker import describe_error
from axdesk.ui.connection.secrets import Credentials, KeyringUnavailableError, SecretStoreError

if TYPE_CHECKING:
    from axdesk.ui.connection.dialog import ConnectionDialog


class KeyringStep:
    """The keyring work of one connection dialog, built as ``KeyringStep(dialog)``."""

    def __init__(self, dialog: ConnectionDialog) -> None:
        self._dialog = dialog
        self._secrets = dialog.shell.secrets
        self._worker = dialog.shell.ctx.worker

    # -- where the secrets are kept ----------------------------------------------------

    def show_location(self) -> None:
        """Ask (on the worker) where the secrets go, and say it under the form."""
        secrets = self._secrets

        def where() -> tuple[bool, str]:
            return secrets.session_only or secrets.is_available, secrets.location()

        self._dialog.track(self._worker.call(where).on_success(self._show_location).start())

    def _show_location(self, answer: tuple[bool, str]) -> None:
        usable, location = answer
        form = self._dialog.profile_form
        if self._secrets.session_only:
            text = QCoreApplication.translate(
                "KeyringStep",
                "The API key and channel code are kept in memory for this session only.",
            )
        elif usable:
            text = fill_args(
                QCoreApplication.translate(
                    "KeyringStep", "The API key and channel code are kept in %1."
                ),
                location,
            )
        else:
            text = self._secrets.unavailable_sentence()
        form.secret_location_label.setText(text)
        form.session_only_check.setVisible(not usable or self._secrets.session_only)
        form.session_only_check.setChecked(self._secrets.session_only)
        form.session_only_check.setEnabled(not self._secrets.session_only)
        self._dialog.fit_height()

    def choose_session_only(self, checked: bool) -> None:
        """The operator ticked "for this session only": keep secrets in memory from now on."""
        if checked and not self._secrets.session_only:
            self._secrets.use_session_only()
            self.show_location()

    # -- a profile's secrets -----------------------------------------------------------

    def load(self, name: str) -> None:
        """Fill the form with the secrets of profile ``name``, if it is still the one shown."""
        secrets = self._secrets
        dialog = self._dialog

        def loaded(credentials: Credentials | None) -> None:
            if dialog.editing != name:
                return  # another profile was picked meanwhile
            if credentials is not None:
                dialog.profile_form.show_credentials(credentials)
            dialog.secrets_loaded.emit(name)

        dialog.track(
            self._worker.call(lambda: secrets.load(name))
            .on_success(loaded)
            .on_error(self.report_error)
            .start()
        )

    def save(
        self,
        name: str,
        credentials: Credentials,
        previous: str | None,
        then: Callable[[], None],
    ) -> None:
        """Store the secrets under ``name`` (and forget them under a ``previous`` name the
        profile had), then call ``then``; a failure is told and ``then`` not called."""
        secrets = self._secrets
        dialog = self._dialog

        def store() -> None:
            secrets.save(name, credentials)
            if previous is not None and previous.casefold() != name.casefold():
                secrets.delete(previous)

        dialog.track(
            self._worker.call(store)
            .on_success(lambda _: then())
            .on_error(self.report_error)
            .busy(dialog.connect_button or dialog)
            .start()
        )

    def delete(self, name: str) -> None:
        secrets = self._secrets
        self._dialog.track(
            self._worker.call(lambda: secrets.delete(name)).on_error(self.report_error).start()
        )

    def report_error(self, error: BaseException) -> None:
        """One sentence per keyring failure; with no keyring, offer the session-only choice."""
        if isinstance(error, KeyringUnavailableError):
            self._dialog.profile_form.session_only_check.setVisible(True)
            self._dialog.profile_form.session_only_check.setEnabled(True)
            self._dialog.show_problem(str(error))
        elif isinstance(error, SecretStoreError):
            self._dialog.show_problem(str(error))
        else:
            self._dialog.show_problem(describe_error(error) or "")
