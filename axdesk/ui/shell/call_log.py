"""The call log: one line per HTTP exchange with AX, in a rotated file.

Each line holds the time, method, path, status (or "no answer"), duration,
attempt and the request headers with every credential redacted. No body is
written, so no traveler data or secret ends up in the file. Lines are written
by the thread that made the call (a worker thread), never by the GUI thread.

:class:`CallLogDialog` (Help > Show call log) shows the file read-only; it
reads the file through the worker and offers copy and open-folder.
"""

from __future__ import annotations

import datetime as dt
import logging
import logging.handlers
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QEvent, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from axdesk.ui.common.placeholders import fill_args
from axdesk.ui.common.worker import Call, Worker

MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
SHOWN_BYTES = 512_000  # the viewer shows the end of the file, the newest calls

# Headers whose values are credentials: never written, whatever the record holds.
_SECRET_HEADERS = frozenset(
    {"authorization", "channel", "proxy-authorization", "cookie", "set-cookie", "x-csrftoken"}
)


class CallRecordLike(Protocol):
    """What :class:`axdesk.api.CallRecord` carries (read by attribute)."""

    method: str
    path: str
    status: int | None
    duration_ms: float


def redacted(headers: Mapping[str, str]) -> dict[str, str]:
    """Headers with credential values replaced (defence in depth: the client redacts too)."""
    clean: dict[str, str] = {}
    for name, value in headers.items():
        if name.lower() in _SECRET_HEADERS:
            scheme, _, rest = str(value).partition(" ")
            clean[name] = f"{scheme} ***" if rest and scheme not in ("***",) else "***"
        else:
            clean[name] = str(value)
    return clean


def format_record(record: Any, when: dt.datetime | None = None) -> str:
    """One log line for a call record."""
    moment = (when or dt.datetime.now().astimezone()).isoformat(timespec="milliseconds")
    status = record.status if record.status is not None else "no-answer"
    headers = redacted(getattr(record, "headers_redacted", {}) or {})
    header_text = " ".join(f"{name}: {value}" for name, value in sorted(headers.items()))
    line = (
        f"{moment} {record.method} {record.path} -> {status} "
        f"{float(record.duration_ms):.0f} ms attempt {getattr(record, 'attempt', 1)}"
    )
    error = getattr(record, "error", None)
    if error:
        line += f" error: {error}"
    return f"{line} | {header_text}"


class CallLog:
    """Appends call records to ``path``, rotating at ``max_bytes`` (``backup_count`` kept).

    Thread-safe; :meth:`write` is meant to be called from the worker threads
    (the client's ``on_call`` hook). Close it when the app quits.
    """

    def __init__(
        self, path: Path, *, max_bytes: int = MAX_BYTES, backup_count: int = BACKUP_COUNT
    ) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=max_bytes, backupCount=backup_count, encoding="utf-8", delay=True
        )
        self._handler.setFormatter(logging.Formatter("%(message)s"))
        self._lock = threading.Lock()
        self._closed = False

    def write(self, record: Any) -> None:
        with self._lock:
            if self._closed:
                return
            self._handler.handle(
                logging.makeLogRecord({"msg": format_record(record), "levelno": logging.INFO})
            )

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self._handler.close()


def read_tail(path: Path, max_bytes: int = SHOWN_BYTES) -> str:
    """The last ``max_bytes`` of the log (whole lines), or "" when there is no log yet."""
    try:
        with path.open("rb") as handle:
            handle.seek(0, 2)
            size = handle.tell()
            start = max(0, size - max_bytes)
            handle.seek(start)
            data = handle.read()
    except FileNotFoundError:
        return ""
    if start > 0:
        _, _, data = data.partition(b"\n")
    return data.decode("utf-8", errors="replace")


class CallLogDialog(QDialog):
    """Read-only view of the call log (or the application log), loaded off the GUI thread."""

    def __init__(
        self,
        path: Path,
        worker: Worker,
        parent: QWidget | None = None,
        *,
        app_log_path: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self._logs = [path] if app_log_path is None else [path, app_log_path]
        self._path = path
        self._worker = worker
        self.setMinimumSize(720, 420)
        self.resize(900, 520)

        self.log_combo = QComboBox()
        self.log_combo.addItems(["" for _ in self._logs])
        self.log_combo.setVisible(len(self._logs) > 1)
        self.log_combo.currentIndexChanged.connect(self._choose_log)

        self._summary = QLabel()
        self._summary.setWordWrap(True)
        self._summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))

        self._reload_button = QPushButton()
        self._copy_button = QPushButton()
        self._folder_button = QPushButton()
        self._buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        for button in (self._reload_button, self._copy_button, self._folder_button):
            self._buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self._buttons.rejected.connect(self.reject)
        self._reload_button.clicked.connect(self.reload)
        self._copy_button.clicked.connect(self.copy_all)
        self._folder_button.clicked.connect(self.open_folder)

        layout = QVBoxLayout(self)
        layout.addWidget(self.log_combo)
        layout.addWidget(self._summary)
        layout.addWidget(self.text, 1)
        layout.addWidget(self._buttons)
        self.setTabOrder(self.log_combo, self.text)
        self.setTabOrder(self.text, self._reload_button)
        self.setTabOrder(self._reload_button, self._copy_button)
        self.setTabOrder(self._copy_button, self._folder_button)

        self.loaded = False
        self._call: Call[str] | None = None
        self.finished.connect(self._cancel_call)
        self.retranslate_ui()
        self.reload()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Call log"))
        self.log_combo.setItemText(0, self.tr("Calls to AX"))
        if self.log_combo.count() > 1:
            self.log_combo.setItemText(1, self.tr("Application log (errors inside axdesk)"))
        self.log_combo.setAccessibleName(self.tr("Which log to show"))
        if self._path == self._logs[0]:
            summary = self.tr(
                "Every request to AX, newest at the bottom: method, address, answer, time taken "
                "and the headers with the API key and channel code hidden. File: %1"
            )
        else:
            summary = self.tr(
                "What axdesk noted while running, newest at the bottom, including the details "
                "of unexpected errors. File: %1"
            )
        self._summary.setText(fill_args(summary, str(self._path)))
        self.text.setAccessibleName(self.tr("Log text"))
        self._reload_button.setText(self.tr("&Reload"))
        self._reload_button.setAccessibleName(self.tr("Read the log again"))
        self._copy_button.setText(self.tr("&Copy all"))
        self._copy_button.setAccessibleName(self.tr("Copy the whole log"))
        self._folder_button.setText(self.tr("Open &folder"))
        self._folder_button.setAccessibleName(self.tr("Open the folder of the log files"))
        close = self._buttons.button(QDialogButtonBox.StandardButton.Close)
        if close is not None:
            close.setAccessibleName(self.tr("Close"))
        if self.loaded and not self.text.toPlainText():
            self.text.setPlaceholderText(self._empty_text())

    def _empty_text(self) -> str:
        if self._path == self._logs[0]:
            return self.tr("No call to AX has been made yet.")
        return self.tr("The log is empty.")

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _choose_log(self, index: int) -> None:
        if 0 <= index < len(self._logs) and self._logs[index] != self._path:
            self._path = self._logs[index]
            self.loaded = False
            self.text.clear()
            self.retranslate_ui()
            self.reload()

    def reload(self) -> None:
        path = self._path
        self.text.setPlaceholderText(self.tr("Loading…"))
        self._cancel_call()
        self._call = (
            self._worker.call(lambda: read_tail(path))
            .on_success(self._show)
            .on_error(self._show_error)
            .busy(self._reload_button)
            .start()
        )

    def _cancel_call(self) -> None:
        """A closed dialog (or a superseded read) gets no answer."""
        if self._call is not None:
            self._call.cancel()
            self._call = None

    def _show(self, text: str) -> None:
        self.loaded = True
        self.text.setPlainText(text)
        if not text:
            self.text.setPlaceholderText(self._empty_text())
        scrollbar = self.text.verticalScrollBar()
        scrollbar.setValue(scrollbar.maximum())

    def _show_error(self, error: BaseException) -> None:
        self.loaded = True
        self.text.setPlainText("")
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        self.text.setPlaceholderText(fill_args(self.tr("The log could not be read (%1)."), reason))

    def copy_all(self) -> None:
        clipboard = QGuiApplication.clipboard()
        clipboard.setText(self.text.toPlainText())

    def open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._path.parent)))
