"""The main window's Help menu: Show call log, Documentation, About (``HelpCommands(window)``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QUrl

if TYPE_CHECKING:
    from axdesk.ui.shell.about import AboutDialog
    from axdesk.ui.shell.call_log import CallLogDialog
    from axdesk.ui.shell.guide import GuideDialog
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
        from axdesk.ui.shell.guide import guide_url

        return guide_url()

    def open_documentation(self) -> GuideDialog:
        from axdesk.ui.shell.guide import GuideDialog

        dialog = GuideDialog(self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def show_about(self) -> AboutDialog:
        from axdesk.ui.shell.about import AboutDialog

        dialog = AboutDialog(self._window.ctx.worker, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog
