"""One axdesk per data folder: a second start brings the running window to the front.

Two axdesk processes on the same journal would be two writers of the same orders.
The first one takes a :class:`QLockFile` in the data folder and listens on a
:class:`QLocalServer` named after that folder; a second start finds the lock
held, tells the first through the local socket to show its window, and ends.
A lock left by a process that died is taken over (QLockFile checks the PID).
Practice mode keeps its journal in memory, so it does not take the lock.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLockFile, QObject, QThread, Signal

from axdesk.ui.common.placeholders import fill_args

# QtNetwork (tens of Qt enum types made on import) and hashlib are imported by listen()
# and ask_running_to_raise(): axdesk takes the lock before its first paint, listens after.
if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

LOCK_FILE = "axdesk.lock"
RAISE_REQUEST = b"raise\n"
ANSWER_WAIT_MS = 2000  # a second start waits at most this long for the first to take the request
RETRY_EVERY_MS = 50  # ...trying again meanwhile if the first took the lock but does not listen yet


def server_name(data_dir: Path) -> str:
    """The local server's name: one per user and data folder (a socket in the temp folder)."""
    import getpass
    import hashlib

    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (a container): the folder still tells
        user = ""
    key = f"{user}\0{data_dir.resolve()}".encode()
    return "axdesk-" + hashlib.sha256(key).hexdigest()[:24]


class SingleInstance(QObject):
    """The claim on one data folder.

    Signals:
        raise_requested(): a second start of axdesk on the same data folder asked for
            the window.
    """

    raise_requested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self._lock = QLockFile(str(data_dir / LOCK_FILE))
        self._lock.setStaleLockTime(0)  # held for the whole run: only a dead owner is stale
        self._server: QLocalServer | None = None

    @property
    def _name(self) -> str:
        return server_name(self.data_dir)

    def claim(self) -> bool:
        """Take the data folder and listen for later starts; False when another axdesk has it."""
        if not self.take_lock():
            return False
        self.listen()
        return True

    def take_lock(self) -> bool:
        """Take the data folder, not yet listening (:meth:`listen`); False when taken."""
        return self._lock.tryLock(100)

    def listen(self) -> None:
        """Answer later starts (once; after :meth:`take_lock`)."""
        if self._server is not None:
            return
        from PySide6.QtNetwork import QLocalServer

        name = self._name
        QLocalServer.removeServer(name)  # a socket file left by a crash
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(name):
            log.warning("A later start cannot reach this axdesk: %s", server.errorString())
        server.newConnection.connect(self._on_connection)
        self._server = server

    def ask_running_to_raise(self) -> bool:
        """Tell the axdesk that holds the folder to show its window; True when it was told.

        Tries for :data:`ANSWER_WAIT_MS`: the first may hold the lock and not listen yet
        (it listens once its window has painted)."""
        from PySide6.QtNetwork import QLocalSocket

        name = self._name
        deadline = time.monotonic() + ANSWER_WAIT_MS / 1000
        while True:
            socket = QLocalSocket()
            try:
                socket.connectToServer(name)
                if socket.waitForConnected(ANSWER_WAIT_MS):
                    socket.write(RAISE_REQUEST)
                    return socket.waitForBytesWritten(ANSWER_WAIT_MS)
            finally:
                socket.abort()
            if time.monotonic() >= deadline:
                return False
            QThread.msleep(RETRY_EVERY_MS)

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.unlock()

    def already_running_sentence(self) -> str:
        return QCoreApplication.translate(
            "SingleInstance",
            "axdesk is already open with this data folder; its window was brought to the front.",
        )

    def not_answering_sentence(self) -> str:
        text = QCoreApplication.translate(
            "SingleInstance",
            "Another axdesk holds the data folder %1 but does not answer. Close it (or end "
            "it in the task manager) and start axdesk again.",
        )
        return fill_args(text, str(self.data_dir))

    def _on_connection(self) -> None:
        """A later start connected: it sends one short request and hangs up."""
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.readyRead.connect(self._read)
            socket.disconnected.connect(socket.deleteLater)
            self._read_from(socket)

    def _read(self) -> None:
        from PySide6.QtNetwork import QLocalSocket  # imported by listen()

        socket = self.sender()
        if isinstance(socket, QLocalSocket):
            self._read_from(socket)

    def _read_from(self, socket: QLocalSocket) -> None:
        if socket.bytesAvailable() and bytes(socket.readAll().data()).startswith(
            RAISE_REQUEST.strip()
        ):
            log.info("A second start of axdesk asked for the window")
            self.raise_requested.emit()
