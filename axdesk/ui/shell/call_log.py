"""The call log: one line per HTTP exchange with AX, in a rotated private file.

Each line holds the time, method, path, status (or "no answer"), duration,
attempt and the request headers with every credential redacted. No body is
written, so no traveler data or secret ends up in the file.

Buffered (issue 13: a line written and flushed per request, plus a cross-thread
signal, cost live sync a third of its speed): :meth:`CallLog.write` only appends
the record and its time to a bounded in-memory buffer, so a worker thread never
waits on the disk and spends next to nothing per call (formatting the line there
still cost live sync ~6 %). The log's own thread formats and writes the buffer out when
``batch_lines`` are waiting or ``flush_interval`` after the oldest of them, and
:meth:`CallLog.close` writes what is left: a normal close loses no line. If the
disk stalls long enough for ``max_pending`` lines to pile up, the oldest are
dropped and a line says how many.

The GUI hears of calls through :class:`~axdesk.ui.shell.call_relay.CallRelay`,
coalesced, not once per line.

:class:`CallLogDialog` (Help > Show call log) shows the file read-only; it
reads the file through the worker and offers copy and open-folder.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections import deque
from collections.abc import Callable, Mapping
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

from axdesk.store.files import PrivateRotatingFileHandler, make_private_dir
from axdesk.ui.common.placeholders import fill_args
from axdesk.ui.common.worker import Call, Worker

MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
SHOWN_BYTES = 512_000  # the viewer shows the end of the file, the newest calls
FLUSH_INTERVAL = 0.5  # seconds a line may wait in the buffer
BATCH_LINES = 200  # written at once when this many wait
MAX_PENDING = 5_000  # call records kept while the disk does not keep up (about 1.5 MB)
CLOSE_WAIT = 5.0  # seconds close() waits for the log's thread

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


def _line(called: float, record: Any) -> str:
    """The log line of a record of a call made at ``called`` (``time.time()``), or a note
    that it could not be written (a record that is not a call record)."""
    when = dt.datetime.fromtimestamp(called).astimezone()
    try:
        return format_record(record, when)
    except Exception as error:  # one odd record must not stop the log's thread
        moment = when.isoformat(timespec="milliseconds")
        return f"{moment} (a call record could not be written: {type(error).__name__})"


class CallLog:
    """Appends call records to ``path`` through a bounded buffer; see the module docstring.

    Thread-safe; :meth:`write` is meant to be called from the worker threads
    (the client's ``on_call`` hook). Close it when the app quits. The file and
    its rotated copies are 0600 on POSIX.
    """

    def __init__(
        self,
        path: Path,
        *,
        max_bytes: int = MAX_BYTES,
        backup_count: int = BACKUP_COUNT,
        flush_interval: float = FLUSH_INTERVAL,
        batch_lines: int = BATCH_LINES,
        max_pending: int = MAX_PENDING,
    ) -> None:
        self.path = path
        make_private_dir(path.parent)
        self._handler = PrivateRotatingFileHandler(
            path, maxBytes=max_bytes, backupCount=backup_count, encoding="utf-8", delay=True
        )
        self._handler.setFormatter(logging.Formatter("%(message)s"))
        self._record_chars = max(1, min(64_000, max_bytes // 4))
        self._flush_interval = flush_interval
        self._batch_lines = max(1, batch_lines)
        self._max_pending = max(1, max_pending)
        self._pending: deque[tuple[float, Any]] = deque()  # (time.time() of the call, record)
        self._first_pending_at = 0.0
        self._dropped = 0
        self._ready = threading.Condition(threading.Lock())  # guards the buffer
        self._disk = threading.Lock()  # one writer at a time, so lines stay in order
        self._closed = False
        self._thread: threading.Thread | None = None

    def write(self, record: Any) -> None:
        """Buffer one record; never waits on the disk, and formats nothing (the log's
        thread does: the least work on the worker that made the call)."""
        called = time.time()
        with self._ready:
            if self._closed:
                return
            if len(self._pending) >= self._max_pending:
                self._pending.popleft()
                self._dropped += 1
            self._pending.append((called, record))
            if len(self._pending) == 1:
                self._first_pending_at = time.monotonic()
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._write_out, name="axdesk-call-log", daemon=True
                )
                self._thread.start()
            if len(self._pending) in (1, self._batch_lines):
                self._ready.notify()

    def flush(self) -> None:
        """Write every buffered line now, on the calling thread."""
        with self._disk:
            self._write_lines(self._take())

    def close(self) -> None:
        """Write what is buffered and close the file; later writes are ignored."""
        with self._ready:
            self._closed = True
            self._ready.notify()
            thread = self._thread
        if thread is not None:
            thread.join(CLOSE_WAIT)
        self.flush()
        with self._disk:
            self._handler.close()

    # -- the log's thread ------------------------------------------------------------

    def _write_out(self) -> None:
        while True:
            with self._ready:
                while not self._pending and not self._closed:
                    self._ready.wait()
                if self._closed:
                    return  # close() writes what is left
                while not self._closed and len(self._pending) < self._batch_lines:
                    left = self._first_pending_at + self._flush_interval - time.monotonic()
                    if left <= 0:
                        break
                    self._ready.wait(left)
            with self._disk:
                self._write_lines(self._take())

    def _take(self) -> list[str]:
        """Empty the buffer: its records' lines, after a note of any that were dropped."""
        with self._ready:
            taken = list(self._pending)
            self._pending.clear()
            dropped, self._dropped = self._dropped, 0
        lines = [_line(called, record) for called, record in taken]
        if dropped:
            moment = dt.datetime.now().astimezone().isoformat(timespec="milliseconds")
            lines.insert(
                0,
                f"{moment} ({dropped} call records were not written: the disk did not keep up)",
            )
        return lines

    def _write_lines(self, lines: list[str]) -> None:
        """Write ``lines`` in a few records (the handler rotates between records)."""
        group: list[str] = []
        size = 0
        for line in lines:
            if group and size + len(line) > self._record_chars:
                self._emit(group)
                group, size = [], 0
            group.append(line)
            size += len(line) + 1
        if group:
            self._emit(group)

    def _emit(self, group: list[str]) -> None:
        self._handler.handle(
            logging.makeLogRecord({"msg": "\n".join(group), "levelno": logging.INFO})
        )


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
        flush: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._flush = flush  # writes the call log's buffer out before it is read
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
        flush = self._flush if path == self._logs[0] else None
        self.text.setPlaceholderText(self.tr("Loading…"))
        self._cancel_call()

        def read() -> str:
            if flush is not None:
                flush()
            return read_tail(path)

        self._call = (
            self._worker.call(read)
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
