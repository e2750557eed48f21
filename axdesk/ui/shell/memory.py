"""Garbage-collector settings for a desktop app that loads big answers at once.

A big inventory (21,900 slots) creates tens of thousands of long-lived
objects in one go, which set off Python's cyclic collector several times,
each pass walking every object the app made at start-up (Qt wrappers,
modules, pydantic schemas). Once start-up is done those objects live as
long as the app, so they are frozen out of the collector's walks, and the
youngest generation is collected less often. Cycles are still collected.
"""

from __future__ import annotations

import gc

YOUNG_GENERATION_THRESHOLD = 50_000


def tune_garbage_collector() -> None:
    """Call once, when start-up is done (the main window is built)."""
    gc.collect()
    gc.freeze()
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_GENERATION_THRESHOLD, middle, old)
