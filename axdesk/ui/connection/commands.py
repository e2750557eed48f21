"""The main window's Connection menu and start-up connect (``ConnectionCommands(window)``).

Connect… opens the connection dialog; at start-up the last used profile is
connected with the credentials from the keyring (read on the worker), else the
dialog asks; Test connection probes the connection in use
(:class:`~axdesk.ui.connection.probe.ConnectionInUseTest`). Problems go to the
window's notice bar.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt

from axdesk.api.errors import AxError
from axdesk.ui.common.context import ConnectionProfile
from axdesk.ui.common.worker import describe_error

if TYPE_CHECKING:
    from axdesk.ui.connection.dialog import ConnectionDialog
    from axdesk.ui.connection.probe import ConnectionInUseTest
    from axdesk.ui.connection.secrets import Credentials
    from axdesk.ui.shell.main_window import MainWindow


class ConnectionCommands(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._connection_test: ConnectionInUseTest | None = None

    @property
    def connection_test(self) -> ConnectionInUseTest:
        """Connection > Test connection (its module imports the client: built when first used)."""
        if self._connection_test is None:
            from axdesk.ui.connection.probe import ConnectionInUseTest

            self._connection_test = ConnectionInUseTest(self._window)
        return self._connection_test

    def open_dialog(self) -> ConnectionDialog:
        from axdesk.ui.connection.dialog import ConnectionDialog

        window = self._window
        dialog = ConnectionDialog(window.shell, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def connect_last_profile(self) -> None:
        """At start-up: connect with the last used profile, or ask for one."""
        from axdesk.ui.connection.profile_form import to_connection_profile
        from axdesk.ui.connection.secrets import SecretStoreError

        window = self._window
        settings = window.ctx.settings
        name = settings.last_profile
        profile = settings.profile(name) if name else None
        if profile is None:
            self.open_dialog()
            return
        secrets = window.shell.secrets
        connection_profile = to_connection_profile(profile)

        def loaded(credentials: Credentials | None) -> None:
            if credentials is None:
                self.open_dialog()
                return
            self._use(connection_profile, credentials)

        def failed(error: BaseException) -> None:
            if isinstance(error, SecretStoreError):
                window.show_problem(str(error))
            else:
                window.show_problem(describe_error(error) or "")
            self.open_dialog()

        window.ctx.worker.call(lambda: secrets.load(profile.name)).on_success(loaded).on_error(
            failed
        ).start()

    def _use(self, profile: ConnectionProfile, credentials: Credentials) -> None:
        try:
            self._window.shell.connect(profile, credentials)
        except AxError as error:
            self._window.show_problem(str(error))

    def test_connection(self) -> None:
        """Connection > Test connection: one real call with the connection in use."""
        self.connection_test.start()
