"""Fixtures of the shell tests: main windows built exactly as ``axdesk [--sandbox]`` builds them."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from axdesk.store.paths import AppPaths
from axdesk.ui.app import launch
from axdesk.ui.shell.main_window import MainWindow

SEED = 20240301

LaunchWindow = Callable[..., MainWindow]


@pytest.fixture
def launch_window(qtbot, qapp) -> Iterator[LaunchWindow]:
    """Build windows exactly as ``axdesk [--sandbox]`` does, and close them after the test;
    the test fails when a window's background calls outlive its close."""
    windows: list[MainWindow] = []

    def build(*, sandbox: bool = True, **options: object) -> MainWindow:
        sandbox_options = {"random_seed": SEED, **options}
        window = launch(
            qapp,
            AppPaths.default(),
            sandbox=sandbox,
            language="en",
            sandbox_options=sandbox_options if sandbox else None,
        )
        windows.append(window)
        qtbot.addWidget(window)
        return window

    yield build
    for window in windows:
        window.close()
    for window in windows:  # a call that outlives its window crashed later tests
        assert window.stopped_cleanly is not False, (
            f"background calls still ran 1 s after the window closed: {window.ctx.worker.running}"
        )
