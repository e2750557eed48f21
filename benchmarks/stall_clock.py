"""The GUI thread's pulse: a 5 ms heartbeat, its longest gap, and spinning the event loop."""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from typing import Any

HEARTBEAT_MS = 5


def heartbeat() -> Any:
    """A 5 ms precise QTimer recording when it fires (``timer.ticks``)."""
    from PySide6.QtCore import Qt, QTimer

    ticks: list[float] = []
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(HEARTBEAT_MS)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.ticks = ticks  # type: ignore[attr-defined]
    return timer


def longest_gap_ms(ticks: list[float], since: float) -> float:
    """The longest wait between two ticks after ``since`` beyond the heartbeat's interval."""
    times = [tick for tick in ticks if tick >= since]
    gaps = [b - a for a, b in itertools.pairwise(times)]
    return (max(gaps) * 1000 - HEARTBEAT_MS) if gaps else float("nan")


def spin(seconds: float, until: Callable[[], bool] = lambda: False) -> None:
    """Run the event loop for ``seconds`` or until ``until()`` is true."""
    from PySide6.QtCore import QCoreApplication, QEventLoop

    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline and not until():
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 5)
