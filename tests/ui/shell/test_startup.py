"""Start-up in steps: the frame paints before the tabs are built and the sandbox started,
and before the modules only those need are imported.

Guards of order, not of time: they hold on any machine, however busy.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from axdesk.store.paths import AppPaths
from axdesk.ui.app import open_frame
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
)


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

    assert [step["step"] for step in steps] == ["first_paint", "tabs", "ready"]
    modules = set(steps[0]["modules"])  # type: ignore[arg-type]
    assert "PySide6.QtWidgets" in modules  # the probe saw the real list
    early = sorted(
        name
        for name in modules
        if any(name == banned or name.startswith(banned + ".") for banned in NOT_BEFORE_FIRST_PAINT)
    )
    assert early == []


@pytest.mark.slow
def test_practice_mode_paints_before_the_sandbox_is_imported_or_started(app_home: Path) -> None:
    steps = run_until_ready(app_home, "--sandbox")

    assert [step["step"] for step in steps] == ["first_paint", "tabs", "practice", "ready"]
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
