"""Calls the operator is waiting for: "AX is slow to answer… [Cancel]" when one is slow.

A call marked ``.operator()`` (see :mod:`axdesk.ui.common.worker`) that has not
ended after :data:`SLOW_AFTER_MS` makes the status bar say so, with the seconds
waited and a Cancel button. Cancel gives up every such call at once
(:meth:`~axdesk.ui.common.worker.Call.cancel_by_operator`): its answer is
dropped, its tab shows its state again at once, and the connection is asked to
abort the request when its transport can. Only calls whose answer may be dropped
without losing anything are marked: reads. An order or a cancel settles the
journal on the worker whatever the screen does, but is not marked all the same.
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QStatusBar, QWidget

from axdesk.ui.common.placeholders import fill_args
from axdesk.ui.common.worker import Call, Worker

SLOW_AFTER_MS = 2_000
"""How long an operator's call may take before the status bar offers Cancel."""
TICK_MS = 250


class SlowCallNote(QWidget):
    """The status bar's "AX is slow to answer… (12 s)" and its Cancel button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.cancel_button = QPushButton(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.label)
        layout.addWidget(self.cancel_button)
        self.seconds = 0
        self.setVisible(False)
        self.retranslate_ui()

    def show_waited(self, seconds: int) -> None:
        self.seconds = seconds
        self.retranslate_ui()
        self.setVisible(True)

    def retranslate_ui(self) -> None:
        self.label.setText(fill_args(self.tr("AX is slow to answer… (%1 s)"), str(self.seconds)))
        self.label.setAccessibleName(self.tr("Waiting for AX"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(
            self.tr("Stop waiting; if AX answers later, its answer is ignored")
        )
        self.cancel_button.setAccessibleName(self.tr("Stop waiting for AX"))

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class CallProgress(QObject):
    """Watches the worker's operator calls and offers Cancel in ``status`` when slow.

    Built by the main window as ``CallProgress(worker, status_bar, window)``;
    ``slow_after_ms`` may be changed (tests shorten it).
    """

    def __init__(self, worker: Worker, status: QStatusBar, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.slow_after_ms = SLOW_AFTER_MS
        self._status = status
        self._started: dict[Call[Any], float] = {}
        self.note = SlowCallNote(status)
        status.addWidget(self.note)
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        worker.operator_call_started.connect(self._started_call)
        worker.operator_call_ended.connect(self._ended_call)
        self.note.cancel_button.clicked.connect(self.cancel_all)

    @property
    def waiting(self) -> int:
        """How many operator calls are under way."""
        return len(self._started)

    def cancel_all(self) -> None:
        """Cancel: stop waiting for every operator call under way."""
        calls = list(self._started)
        for call in calls:
            call.cancel_by_operator()
        self._started.clear()
        self._idle()
        if calls:
            show_note = getattr(self._status, "show_note", None)
            if show_note is not None:
                show_note(
                    self.tr("Stopped waiting for AX. If its answer comes later, it is ignored."),
                    10_000,
                )

    def _started_call(self, call: object) -> None:
        if isinstance(call, Call):
            self._started[call] = time.monotonic()
            if not self._timer.isActive():
                self._timer.start()

    def _ended_call(self, call: object) -> None:
        self._started.pop(call, None)  # type: ignore[call-overload]
        if not self._started:
            self._idle()

    def _tick(self) -> None:
        if not self._started:
            self._idle()
            return
        waited = time.monotonic() - min(self._started.values())
        if waited * 1000 >= self.slow_after_ms:
            self.note.show_waited(int(waited))

    def _idle(self) -> None:
        self._timer.stop()
        self.note.setVisible(False)
