"""The collector settings the app applies once its window is built."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from axdesk.ui.shell.memory import YOUNG_GENERATION_THRESHOLD, tune_garbage_collector


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
