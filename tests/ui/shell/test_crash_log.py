"""Unexpected errors land in axdesk.log, and the operator reads one calm sentence naming it."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer, qWarning

from axdesk.ui.shell.crash_log import CrashLogFile, CrashReporter


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "logs" / "axdesk.log"
    path.parent.mkdir()
    handler = CrashLogFile(path, maxBytes=1_000_000, backupCount=1, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield path
    finally:
        root.removeHandler(handler)
        handler.close()


@pytest.mark.qt_no_exception_capture
def test_a_slot_that_raises_is_logged_and_told_once_in_a_sentence(qtbot, log_file: Path) -> None:
    told: list[str] = []
    reporter = CrashReporter(log_file, tell=told.append).install()

    def broken_slot() -> None:
        raise ValueError("a bug in a slot")

    try:
        QTimer.singleShot(0, broken_slot)
        QTimer.singleShot(0, broken_slot)  # a second one right after is logged, not told again
        qtbot.waitUntil(lambda: log_file.read_text(encoding="utf-8").count("ValueError") >= 2)
    finally:
        reporter.uninstall()

    text = log_file.read_text(encoding="utf-8")
    assert "Traceback" in text
    assert "broken_slot" in text
    assert "a bug in a slot" in text
    assert len(told) == 1
    assert str(log_file) in told[0]
    assert "Traceback" not in told[0]
    assert "ValueError" not in told[0]


@pytest.mark.qt_no_exception_capture
def test_qt_warnings_go_to_the_log(qtbot, log_file: Path) -> None:
    reporter = CrashReporter(log_file).install()
    try:
        qWarning("a warning from Qt itself")
    finally:
        reporter.uninstall()
    assert "WARNING qt: a warning from Qt itself" in log_file.read_text(encoding="utf-8")


def test_a_thread_that_dies_is_logged(log_file: Path) -> None:
    import threading

    reporter = CrashReporter(log_file).install()
    try:

        def work() -> None:
            raise RuntimeError("a bug in a thread")

        thread = threading.Thread(target=work, name="bg-worker")
        thread.start()
        thread.join()
    finally:
        reporter.uninstall()
    text = log_file.read_text(encoding="utf-8")
    assert "thread bg-worker" in text
    assert "a bug in a thread" in text


def test_a_hard_crash_writes_its_stack_into_the_app_log(tmp_path: Path) -> None:
    """A segmentation fault cannot be caught: faulthandler writes the stacks into axdesk.log."""
    env = dict(os.environ, AXDESK_HOME=str(tmp_path / "home"), QT_QPA_PLATFORM="offscreen")
    program = (
        "import ctypes, logging\n"
        "from axdesk.store.paths import AppPaths\n"
        "from axdesk.ui.app import configure_logging\n"
        "configure_logging(AppPaths.default())\n"
        "logging.getLogger('t').info('before the crash')\n"
        "ctypes.string_at(0)\n"
    )
    done = subprocess.run(  # noqa: S603 - our own interpreter and program
        [sys.executable, "-c", program], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode != 0
    text = (tmp_path / "home" / "logs" / "axdesk.log").read_text(encoding="utf-8")
    assert "before the crash" in text
    assert "Fatal Python error: Segmentation fault" in text
    assert 'File "<string>", line 6' in text
