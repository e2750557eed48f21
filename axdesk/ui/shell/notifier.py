"""Where a notice from the orders list (a supplier decided) reaches the operator.

In order: the system tray's message balloon where a tray exists; else the
desktop's notification server over D-Bus (stock GNOME has no tray; see
:mod:`axdesk.ui.shell.desktop_notify`), sent on the worker; else, and whenever
that fails, the status bar and the taskbar's attention mark.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from axdesk.ui.common.resources import APP_ID, app_icon
from axdesk.ui.shell.desktop_notify import send_notification, session_bus_address

if TYPE_CHECKING:
    from axdesk.ui.shell.main_window import MainWindow

log = logging.getLogger(__name__)

STATUS_NOTE_MS = 30_000


class Notifier(QObject):
    """Signals:
    delivered(str): a notice was shown, and how (``"tray"``, ``"dbus"`` or ``"window"``).
    """

    delivered = Signal(str)

    def __init__(self, window: MainWindow, *, bus_address: str | None = None) -> None:
        super().__init__(window)
        self._window = window
        self.tray = self._make_tray()
        self.bus_address = bus_address if bus_address is not None else session_bus_address()
        self._dbus_failed_once = False

    def _make_tray(self) -> QSystemTrayIcon | None:
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return None
        tray = QSystemTrayIcon(app_icon(), self)
        tray.activated.connect(lambda _reason: self._window.bring_to_front())
        tray.show()
        return tray

    def retranslate_ui(self) -> None:
        if self.tray is not None:
            self.tray.setToolTip(self.tr("axdesk"))

    def hide(self) -> None:
        if self.tray is not None:
            self.tray.hide()

    def notify(self, title: str, text: str) -> None:
        if self.tray is not None and QSystemTrayIcon.supportsMessages():
            self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 10_000)
            self.delivered.emit("tray")
            return
        address = self.bus_address
        if address is None or self._window.is_closing:
            self._in_window(title, text)
            return
        title, text = str(title), str(text)
        self._window.ctx.worker.call(
            lambda: send_notification(address, "axdesk", APP_ID, title, text)
        ).on_success(lambda _id: self.delivered.emit("dbus")).on_error(
            lambda error: self._dbus_failed(error, title, text)
        ).start()

    def _dbus_failed(self, error: BaseException, title: str, text: str) -> None:
        if not self._dbus_failed_once:  # a desktop without a notification server: said once
            self._dbus_failed_once = True
            log.warning("Desktop notifications are not available: %s", error)
        self._in_window(title, text)

    def _in_window(self, title: str, text: str) -> None:
        self._window.status.show_note(f"{title}: {text}", STATUS_NOTE_MS)
        QApplication.alert(self._window)
        self.delivered.emit("window")
