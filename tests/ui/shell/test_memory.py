"""The collector settings the app applies once its window is built."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from axdesk.ui.shell.memory import (
    YOUNG_GENERATION_THRESHOLD,
    collect_on_gui_thread,
    tune_garbage_collector,
)


@pytest.fixture
def restored_collector() -> Iterator[None]:
    thresholds = gc.get_threshold()
    try:
        yield
    finally:
        gc.unfreeze()
        gc.set_threshold(*thresholds)


@pytest.mark.usefixtures("restored_collector")
def test_start_up_objects_are_frozen_and_cycles_still_collected() -> None:
    class Node:
        partner: object = None

    tune_garbage_collector()
    assert gc.get_freeze_count() > 0
    assert gc.get_threshold()[0] == YOUNG_GENERATION_THRESHOLD
    first, second = Node(), Node()
    first.partner, second.partner = second, first
    marker = id(first)
    del first, second
    gc.collect()
    assert all(id(obj) != marker for obj in gc.get_objects() if isinstance(obj, Node))


def test_cycles_are_collected_on_the_gui_thread_only(qtbot, qapp) -> None:
    """A worker's allocations must not make it the thread that destroys GUI objects.

    Python collects cycles on whichever thread allocates past a threshold. Before,
    a worker reading an answer could so destroy a cycle holding Qt objects of the
    GUI thread (a dialog, the owner of a running timer) while the GUI's event loop
    still delivered to them: the suite's intermittent segmentation faults, in
    ``QTimerInfoList::activateTimers``, went away with automatic collection off.
    """
    collect_on_gui_thread(qapp)
    where: list[threading.Thread] = []

    class Cycle:
        def __init__(self) -> None:
            self.itself = self

        def __del__(self) -> None:
            where.append(threading.current_thread())

    Cycle()
    answer: list[list[object]] = []

    def read_a_big_answer() -> None:  # containers kept count towards a collection
        answer.extend([] for _ in range(200_000))

    worker = threading.Thread(target=read_a_big_answer)
    worker.start()
    worker.join()
    assert where == []  # nothing collected on the worker
    qtbot.waitUntil(lambda: bool(where), timeout=5000)
    assert where == [threading.main_thread()]
