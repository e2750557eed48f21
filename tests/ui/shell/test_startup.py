"""Start-up in steps: the frame paints before the shell is opened (the database, the
worker, the menus), the tabs are built and the sandbox started, and before the modules
only those need are imported.

Guards of order, not of time: they hold on any machine, however busy.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from axdesk.store.paths import AppPaths
from axdesk.ui.app import (
    StartupError,
    open_database_off_gui,
    open_first_frame,
    open_frame,
    open_shell_for,
)
from axdesk.ui.shell.bootstrap import Shell
from axdesk.ui.shell.startup import PROBE_VARIABLE, StartUp

SEED = 20240301

# Nothing the frame shows needs these; each costs tens of milliseconds to import.
NOT_BEFORE_FIRST_PAINT = (
    "fastapi",
    "uvicorn",
    "axdesk.sandbox",
    "pydantic",
    "httpx",
    "keyring",
    "phonenumbers",
    "axdesk.api.models",
    "axdesk.api.client",
    "axdesk.store.journal",
    "axdesk.ui.inventory.tab",
    "axdesk.ui.order_entry.tab",
    "axdesk.ui.orders.tab",
    # the shell: the database, the worker, the call log, the menus, the notice bar
    "axdesk.ui.shell.bootstrap",
    "axdesk.ui.common.worker",
    "axdesk.ui.common.context",
    "axdesk.ui.shell.call_log",
    "axdesk.ui.shell.actions",
    "axdesk.ui.shell.status_bar",
    "axdesk.ui.common.notice_bar",
    "PySide6.QtNetwork",  # the single-instance server listens after the first paint
)

# The axdesk.ui modules the first frame is made of (the settings and the store's paths
# are read too): PySide6 makes each Qt enum type when a module first names its class,
# and its import hook reads the source of each module, so every other one waits.
FRAME_MODULES = {
    "axdesk.ui",
    "axdesk.ui.app",
    "axdesk.ui.common",
    "axdesk.ui.common.i18n",
    "axdesk.ui.common.placeholders",
    "axdesk.ui.common.resources",
    "axdesk.ui.shell",
    "axdesk.ui.shell.crash_log",
    "axdesk.ui.shell.main_window",
    "axdesk.ui.shell.memory",
    "axdesk.ui.shell.single_instance",
    "axdesk.ui.shell.startup",
}


def run_until_ready(app_home: Path, *arguments: str) -> list[dict[str, object]]:
    """Start ``python -m axdesk.ui`` with the start-up probe, wait for its last step, close it."""
    probe = app_home / "probe.jsonl"
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        AXDESK_HOME=str(app_home),
        **{PROBE_VARIABLE: str(probe)},
    )
    process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "axdesk.ui", "--lang", "en", *arguments],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    steps: list[dict[str, object]] = []
    try:
        deadline = time.monotonic() + 60
        while not any(step["step"] == "ready" for step in steps):
            assert process.poll() is None, process.communicate()[1]
            assert time.monotonic() < deadline, f"no ready step: {steps}"
            time.sleep(0.05)
            if probe.exists():
                text = probe.read_text(encoding="utf-8")
                steps = [json.loads(line) for line in text.splitlines() if line.endswith("}")]
        process.send_signal(signal.SIGTERM)
        _out, err = process.communicate(timeout=20)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0, err
    assert "Traceback" not in err
    return steps


@pytest.mark.slow
def test_normal_mode_paints_before_importing_the_tabs_client_models_and_sandbox(
    app_home: Path,
) -> None:
    steps = run_until_ready(app_home)

    assert [step["step"] for step in steps] == ["first_paint", "shell", "tabs", "ready"]
    modules = set(steps[0]["modules"])  # type: ignore[arg-type]
    assert "PySide6.QtWidgets" in modules  # the probe saw the real list
    early = sorted(
        name
        for name in modules
        if any(name == banned or name.startswith(banned + ".") for banned in NOT_BEFORE_FIRST_PAINT)
    )
    assert early == []
    assert {name for name in modules if name.startswith("axdesk.ui.")} <= FRAME_MODULES
    assert all(isinstance(step["cpu"], float) for step in steps)  # the process's CPU time


@pytest.mark.slow
def test_practice_mode_paints_before_the_sandbox_is_imported_or_started(app_home: Path) -> None:
    steps = run_until_ready(app_home, "--sandbox")

    assert [step["step"] for step in steps] == [
        "first_paint",
        "shell",
        "tabs",
        "practice",
        "ready",
    ]
    modules = set(steps[0]["modules"])  # type: ignore[arg-type]
    assert not {"fastapi", "uvicorn", "axdesk.sandbox"} & modules


def test_the_first_paint_comes_before_the_tabs_and_the_sandbox(qtbot, qapp) -> None:
    window = open_frame(qapp, AppPaths.default(), sandbox=True, language="en")
    qtbot.addWidget(window)
    startup = StartUp(window, practice=True, sandbox_options={"random_seed": SEED})
    seen: list[tuple[str, bool, bool, str]] = []
    startup.step.connect(
        lambda name: seen.append(
            (name, window.has_tabs, window.shell.sandbox is not None, window.status.note())
        )
    )
    startup.after_first_paint()
    assert not window.has_tabs  # the frame alone: the tab titles over empty pages
    assert [window.tabs.tabText(i) for i in range(3)] == ["&Inventory", "&New order", "&Orders"]

    with qtbot.waitSignal(startup.finished, timeout=30_000):
        window.show()

    assert seen == [
        ("first_paint", False, False, "Starting the practice AX…"),
        ("tabs", True, False, "Starting the practice AX…"),
        ("practice", True, True, ""),
        ("ready", True, True, ""),
    ]
    assert window.ctx.connection.is_connected
    assert window.ctx.catalog.list_products()
    window.close()
    assert window.stopped_cleanly is True


def test_closing_while_the_sandbox_starts_stops_it(qtbot, qapp) -> None:
    window = open_frame(qapp, AppPaths.default(), sandbox=True, language="en")
    qtbot.addWidget(window)
    startup = StartUp(window, practice=True, sandbox_options={"random_seed": SEED})
    with qtbot.waitSignal(startup.step, check_params_cb=lambda name: name == "tabs"):
        startup.run_now()
    qtbot.waitUntil(lambda: window.ctx.worker.active_count == 1)  # the sandbox is starting

    window.close()

    qtbot.wait(50)
    assert not startup.is_finished
    assert window.shell.sandbox is None
    assert not window.ctx.connection.is_connected


def test_a_sandbox_that_cannot_start_is_a_sentence_in_the_window(qtbot, qapp) -> None:
    window = open_frame(qapp, AppPaths.default(), sandbox=True, language="en")
    qtbot.addWidget(window)
    half_a_credential = {"api_key": "a-key-without-its-channel"}
    startup = StartUp(window, practice=True, sandbox_options=half_a_credential)
    with qtbot.waitSignal(startup.failed, timeout=30_000) as failed:
        startup.run_now()

    assert failed.args[0].startswith("The practice sandbox could not start: ")
    assert window.notice.text.text() == failed.args[0]
    assert window.status.note() == ""
    assert not startup.is_finished
    window.close()


def frame_and_startup(qapp, paths: AppPaths, opened: list[Shell], threads: list[object]):
    """The first frame and its start-up exactly as ``axdesk`` makes them (``main``);
    ``threads`` gets the name of the thread that opened the database, and the database."""
    window, settings = open_first_frame(qapp, paths, language="en")

    def prepare() -> object:
        database = open_database_off_gui(paths)
        threads.extend([threading.current_thread().name, database])
        return database

    def open_shell(database: object) -> Shell:
        shell = open_shell_for(paths, settings=settings, database=database)
        opened.append(shell)
        return shell

    return window, StartUp(window, open_shell=open_shell, prepare=prepare)


def test_the_frame_paints_before_the_journal_is_opened_and_the_menus_built(
    qtbot, qapp, app_home: Path
) -> None:
    paths = AppPaths.default().ensure_dirs()
    opened: list[Shell] = []
    threads: list[object] = []
    window, startup = frame_and_startup(qapp, paths, opened, threads)
    qtbot.addWidget(window)
    seen: list[tuple[str, bool, bool, list[str], bool]] = []
    tops: list[int] = []  # where the tabs begin: the menu bar keeps its height throughout
    startup.step.connect(
        lambda name: (
            seen.append(
                (
                    name,
                    paths.database_path.exists(),
                    window.is_attached,
                    [menu.text() for menu in window.menuBar().actions() if menu.isEnabled()],
                    window.has_tabs,
                )
            ),
            tops.append(window.centralWidget().geometry().top()),
        )
    )
    startup.after_first_paint()
    assert [window.tabs.tabText(i) for i in range(3)] == ["&Inventory", "&New order", "&Orders"]
    assert window.windowTitle() == "axdesk — not connected"

    with qtbot.waitSignal(startup.finished, timeout=30_000):
        window.show()

    menus = ["&File", "&Connection", "C&atalog", "&View", "&Help"]
    assert seen == [
        ("first_paint", False, False, [], False),  # no journal on disk, no menus yet
        ("shell", True, True, menus, False),
        ("tabs", True, True, menus, True),
        ("ready", True, True, menus, True),
    ]
    assert [action.text() for action in window.menuBar().actions()] == menus
    assert len(set(tops)) == 1, tops
    assert window.statusBar() is window.status  # the shell's status bar took the line's place
    assert len(opened) == 1
    assert threads[0] == "axdesk-start-up"  # the journal was made off the GUI thread
    assert opened[0].database is threads[1]  # and that database is the one in use
    window.close()
    assert window.stopped_cleanly is True


def test_closing_the_frame_before_its_shell_opens_opens_nothing(
    qtbot, qapp, app_home: Path
) -> None:
    paths = AppPaths.default().ensure_dirs()
    opened: list[Shell] = []
    window, startup = frame_and_startup(qapp, paths, opened, [])
    qtbot.addWidget(window)
    painted: list[str] = []
    startup.step.connect(painted.append)
    startup.after_first_paint()
    window.show()
    qtbot.waitUntil(lambda: painted == ["first_paint"])

    window.close()  # before the database, opening on its thread, comes back

    qtbot.wait(200)
    assert painted == ["first_paint"]
    assert opened == []
    assert not window.is_attached


def test_the_frame_follows_a_language_switch_before_its_shell_is_there(
    qtbot, qapp, app_home: Path
) -> None:
    window, _settings = open_first_frame(qapp, AppPaths.default().ensure_dirs(), language="en")
    qtbot.addWidget(window)

    window.set_language("ko")

    qtbot.waitUntil(lambda: window.tabs.tabText(0) not in ("", "&Inventory"))  # in Korean
    assert window.windowTitle() != "axdesk — not connected"
    window.set_language("en")
    qtbot.waitUntil(lambda: window.tabs.tabText(0) == "&Inventory")
    window.close()


def test_a_journal_that_cannot_be_opened_stops_the_start_with_its_sentence(
    qtbot, qapp, app_home: Path
) -> None:
    paths = AppPaths.default().ensure_dirs()
    paths.database_path.mkdir(parents=True)  # a folder where the journal file should be
    window, settings = open_first_frame(qapp, paths, language="en")
    qtbot.addWidget(window)
    sentences: list[str] = []

    def open_shell(database: object) -> Shell | None:
        try:
            return open_shell_for(paths, settings=settings, database=database)
        except StartupError as error:
            sentences.append(str(error))
            return None

    startup = StartUp(window, open_shell=open_shell, prepare=lambda: open_database_off_gui(paths))
    startup.run_now()

    assert len(sentences) == 1
    assert sentences[0].endswith(".")  # a sentence for the operator
    assert startup.steps == []
    assert not window.is_attached
    window.close()
