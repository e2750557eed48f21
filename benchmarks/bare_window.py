"""The cold-start floor: a bare PySide6 QMainWindow with a QTabWidget, to its first paint.

Started by ``benchmarks/bench_startup.py`` exactly as it starts ``axdesk``; it
writes the same probe lines (``AXDESK_STARTUP_PROBE``, see
``axdesk.ui.shell.startup``: the time and the process's CPU time) when its window
has painted, and then waits to be closed. Nothing of axdesk is imported.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QTabWidget


class Painted(QObject):
    def __init__(self, window: QMainWindow, probe: str) -> None:
        super().__init__(window)
        self.window, self.probe, self.seen = window, probe, False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.seen and watched is self.window and event.type() == QEvent.Type.Paint:
            self.seen = True
            QTimer.singleShot(0, self.report)
        return False

    def report(self) -> None:
        with open(self.probe, "a", encoding="utf-8") as out:
            for step in ("first_paint", "ready"):
                entry = {"step": step, "monotonic": time.monotonic(), "cpu": time.process_time()}
                out.write(json.dumps(entry) + "\n")


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    tabs = QTabWidget(window)
    for title in ("Inventory", "New order", "Orders"):
        tabs.addTab(QLabel(title), title)
    window.setCentralWidget(tabs)
    window.resize(1180, 780)
    probe = os.environ.get("AXDESK_STARTUP_PROBE")
    if probe:
        Painted(window, probe)
    window.show()
    signal.signal(signal.SIGTERM, lambda *_: window.close())
    wake = QTimer()
    wake.start(100)
    wake.timeout.connect(lambda: None)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
