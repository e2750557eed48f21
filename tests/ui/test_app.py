"""The ``axdesk`` command itself: its options, and ``--sandbox`` started and stopped for real."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from axdesk import __version__
from axdesk.store.paths import AppPaths
from axdesk.ui.app import build_parser, main


def test_options() -> None:
    args = build_parser().parse_args(["--sandbox", "--lang", "ko"])
    assert args.sandbox
    assert args.lang == "ko"
    assert build_parser().parse_args([]).sandbox is False
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--lang", "fr"])


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        build_parser().parse_args(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out.strip() == f"axdesk {__version__}"


@pytest.mark.slow
def test_sandbox_command_starts_and_quits_cleanly(app_home: Path) -> None:
    """``python -m axdesk.ui --sandbox`` opens on its own sandbox and stops on Ctrl+C."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", AXDESK_HOME=str(app_home))
    process = subprocess.Popen(
        [sys.executable, "-m", "axdesk.ui", "--sandbox", "--lang", "en"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    app_log = app_home / "logs" / "axdesk.log"
    try:
        deadline = time.monotonic() + 30
        while "started in practice mode on http://127.0.0.1:" not in (
            app_log.read_text(encoding="utf-8") if app_log.exists() else ""
        ):
            assert process.poll() is None, process.communicate()[1]
            assert time.monotonic() < deadline, "the app did not start"
            time.sleep(0.1)
        process.send_signal(signal.SIGINT)
        began = time.monotonic()
        _out, err = process.communicate(timeout=20)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0, err
    assert time.monotonic() - began < 10
    assert "QThread" not in err
    assert "Traceback" not in err
    assert (app_home / "config" / "settings.json").exists()  # the window size was saved
    assert "axdesk quits" in app_log.read_text(encoding="utf-8")


def test_folders_that_cannot_be_made_are_a_sentence_not_a_traceback(
    qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("AXDESK_HOME", str(blocker / "home"))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))

    assert main(["--lang", "en"]) == 1

    assert len(shown) == 1
    assert shown[0].startswith(f"axdesk could not create its folder {blocker / 'home'}")


def test_a_log_file_that_cannot_be_opened_is_a_sentence_not_a_traceback(
    qapp, app_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = AppPaths.default()
    paths.ensure_dirs()
    paths.app_log_path.mkdir()  # the folder exists, but the log file cannot be opened
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))

    assert main(["--lang", "en"]) == 1

    assert len(shown) == 1
    assert shown[0].startswith(f"axdesk could not open its log file {paths.app_log_path} (")
