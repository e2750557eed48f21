"""The garbage collector of a Qt app with worker threads: on the GUI thread only, and tuned.

Python collects reference cycles on whichever thread happens to allocate past
a generation's threshold. A worker reading a big answer would so become the
thread that destroys a cycle holding Qt objects of the GUI thread (a closed
dialog, the owner of a running timer) while the GUI's event loop still
delivers events to them: a segmentation fault in Qt's timer dispatch, seen
intermittently in the test suite. :class:`GuiThreadCollector` turns automatic
collection off and collects, as Python would, from a timer on the GUI thread
(qutebrowser does the same for the same reason).

A big inventory (21,900 slots) creates tens of thousands of long-lived
objects in one go, which set off Python's cyclic collector several times,
each pass walking every object the app made at start-up (Qt wrappers,
modules, pydantic schemas). Once start-up is done those objects live as
long as the app, so they are frozen out of the collector's walks, and the
youngest generation is collected less often. Cycles are still collected.
"""

from __future__ import annotations

import gc

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QTimer

YOUNG_GENERATION_THRESHOLD = 50_000
COLLECT_EVERY_MS = 500


class GuiThreadCollector(QObject):
    """Runs the cyclic collector on the GUI thread, every :data:`COLLECT_EVERY_MS`.

    Each turn collects the oldest generation whose count passed its threshold
    (what Python's automatic collection would have done by then), so the
    thresholds :func:`tune_garbage_collector` sets keep their meaning.
    """

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self.app = app
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(COLLECT_EVERY_MS)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()
        self.destroyed.connect(lambda *_: gc.enable())  # no Qt object is left to protect

    @staticmethod
    def collect_due() -> None:
        counts, thresholds = gc.get_count(), gc.get_threshold()
        due = [gen for gen in range(3) if 0 < thresholds[gen] < counts[gen]]
        if due:
            gc.collect(max(due))


_made: list[GuiThreadCollector] = []  # the collector of the application that runs


def collect_on_gui_thread(app: QCoreApplication) -> GuiThreadCollector:
    """Make ``app``'s collector (once; later calls return it). Call on the GUI thread.

    Found without ``app.findChild``: the first call of a method of the application
    object makes a dozen Qt enum types, 10-15 ms before ``axdesk``'s first paint."""
    for collector in _made:
        if collector.app is app and shiboken6.isValid(collector):
            return collector
    collector = GuiThreadCollector(app)
    _made[:] = [collector]
    return collector


def tune_garbage_collector() -> None:
    """Call once, when start-up is done (the main window is built)."""
    gc.collect()
    gc.freeze()
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_GENERATION_THRESHOLD, middle, old)
