"""The main window's Help menu: Show call log, Documentation, About (``HelpCommands(window)``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from axdesk import __version__
from axdesk.ui.common.placeholders import fill_args
from axdesk.ui.common.resources import USER_GUIDE, docs_dir

if TYPE_CHECKING:
    from axdesk.ui.shell.call_log import CallLogDialog
    from axdesk.ui.shell.main_window import MainWindow


class HelpCommands(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window

    def show_call_log(self) -> CallLogDialog:
        from axdesk.ui.shell.call_log import CallLogDialog

        window = self._window
        dialog = CallLogDialog(
            window.ctx.paths.call_log_path,
            window.ctx.worker,
            window,
            app_log_path=window.ctx.paths.app_log_path,
            flush=window.shell.call_log.flush,  # the call log is buffered
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def documentation_url(self) -> QUrl:
        return QUrl.fromLocalFile(str(docs_dir() / USER_GUIDE))

    def open_documentation(self) -> None:
        if not QDesktopServices.openUrl(self.documentation_url()):
            self._window.show_problem(
                fill_args(
                    self.tr("The documentation could not be opened; it is in %1."),
                    self.documentation_url().toLocalFile(),
                )
            )

    def show_about(self) -> None:
        QMessageBox.about(
            self._window,
            self.tr("About axdesk"),
            fill_args(
                self.tr(
                    "<h3>axdesk %1</h3>"
                    "<p>Sell AX Cloud tours: availability, phone orders, supplier confirmations "
                    "and ticket cancellations.</p>"
                    "<p>The API key and channel code stay in the system keyring. "
                    "Start with <code>axdesk --sandbox</code> to practise without an account.</p>"
                    "<p>Licence: MIT.</p>"
                ),
                __version__,
            ),
        )
