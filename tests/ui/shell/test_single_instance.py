"""One axdesk per data folder: a second start brings the first window forward and ends."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from axdesk.ui.shell.single_instance import SingleInstance, server_name


def test_a_second_claim_on_the_same_folder_is_refused_and_raises_the_first(
    qtbot, tmp_path: Path
) -> None:
    first = SingleInstance(tmp_path)
    second = SingleInstance(tmp_path)
    try:
        assert first.claim()
        assert not second.claim()
        with qtbot.waitSignal(first.raise_requested, timeout=5000):
            assert second.ask_running_to_raise()
    finally:
        first.release()
    assert second.claim()  # free again once the first let go
    second.release()


def test_another_folder_is_another_instance(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    one, other = SingleInstance(tmp_path / "a"), SingleInstance(tmp_path / "b")
    try:
        assert one.claim()
        assert other.claim()
    finally:
        one.release()
        other.release()
    assert server_name(tmp_path / "a") != server_name(tmp_path / "b")


def test_nobody_listening_is_not_told(tmp_path: Path) -> None:
    assert not SingleInstance(tmp_path).ask_running_to_raise()


def _wait_for(path: Path, text: str, process: subprocess.Popen[str], seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while text not in (path.read_text(encoding="utf-8") if path.exists() else ""):
        assert process.poll() is None, process.communicate()[1]
        assert time.monotonic() < deadline, f"no {text!r} in {path}"
        time.sleep(0.1)


@pytest.mark.slow
def test_a_second_axdesk_raises_the_running_one_and_ends(app_home: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", AXDESK_HOME=str(app_home))
    command = [sys.executable, "-m", "axdesk.ui", "--lang", "en"]
    first = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)  # noqa: S603
    app_log = app_home / "logs" / "axdesk.log"
    try:
        _wait_for(app_log, "started", first, 30)
        began = time.monotonic()
        second = subprocess.run(  # noqa: S603 - our own interpreter and module
            [*command[:-1], "ko"], env=env, capture_output=True, text=True, timeout=30
        )
        assert second.returncode == 0, second.stderr
        assert time.monotonic() - began < 15
        assert "이 데이터 폴더로 axdesk가 이미 열려 있어" in second.stderr  # in Korean
        _wait_for(app_log, "A second start of axdesk asked for the window", first, 10)
        first.send_signal(signal.SIGINT)
        first.communicate(timeout=20)
    finally:
        if first.poll() is None:
            first.kill()
            first.communicate()
    assert first.returncode == 0


def test_a_lock_left_by_a_crashed_axdesk_is_taken_over(tmp_path: Path) -> None:
    """A process that died holding the lock keeps no claim: its PID is gone."""
    crash = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from axdesk.ui.shell.single_instance import SingleInstance\n"
        "held = SingleInstance(Path(sys.argv[1]))\n"
        "assert held.claim()\n"
        "os._exit(9)\n"  # no unlock, no clean-up: as a crash
    )
    done = subprocess.run(  # noqa: S603 - our own interpreter and program
        [sys.executable, "-c", crash, str(tmp_path)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 9, done.stderr
    assert (tmp_path / "axdesk.lock").exists()
    instance = SingleInstance(tmp_path)
    try:
        assert instance.claim()
    finally:
        instance.release()
