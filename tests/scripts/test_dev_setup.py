"""./dev on a fresh Debian machine: what is missing is installed (as root) or named in one
apt line, before anything is half made; no display and no Korean font are said plainly.

Each case runs the real ``dev`` script in a folder of its own, with stand-ins on
PATH for the system commands it asks (``id``, ``dpkg-query``, ``python3``,
``fc-list``), so the machine's own packages are neither read nor changed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
BASH = shutil.which("bash")
pytestmark = pytest.mark.skipif(BASH is None, reason="needs bash")


def fake(bin_dir: Path, name: str, body: str) -> None:
    path = bin_dir / name
    path.write_text("#!/bin/sh\n" + body + "\n", encoding="utf-8")
    path.chmod(0o755)


@pytest.fixture
def machine(tmp_path: Path) -> Path:
    """A checkout with the dev script, and stand-ins for a non-root Debian user's commands."""
    checkout = tmp_path / "checkout"
    checkout.mkdir()
    shutil.copy(REPO / "dev", checkout / "dev")
    (checkout / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake(bin_dir, "id", 'if [ "$1" = -u ]; then echo 1000; else /usr/bin/id "$@"; fi')
    # Every package installed except those named in FAKE_MISSING.
    fake(
        bin_dir,
        "dpkg-query",
        'for p in $FAKE_MISSING; do [ "$p" = "$3" ] && exit 1; done\n'
        'printf "install ok installed"',
    )
    fake(
        bin_dir,
        "python3",
        'if [ "$1 $2" = "-m ensurepip" ] && [ -n "$FAKE_NO_ENSUREPIP" ]; then\n'
        '  echo "ensurepip is disabled in Debian/Ubuntu for the system python." >&2; exit 1\n'
        "fi\n"
        'if [ "$1 $2" = "-m venv" ]; then mkdir -p "$3/bin"; echo "half-made" >&2; exit 1; fi\n'
        f'exec {sys.executable} "$@"',
    )
    fake(bin_dir, "fc-list", 'echo "$FAKE_FONTS"')
    return checkout


def run_dev(machine: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    bin_dir = machine.parent / "bin"
    clean = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    clean.pop("QT_QPA_PLATFORM", None)
    clean.pop("AXDESK_VENV", None)  # ./dev test sets it for the suite: this checkout's own
    clean.update(PATH=f"{bin_dir}:/usr/bin:/bin", HOME=str(machine.parent), **env)
    return subprocess.run(  # noqa: S603 - the project's own script
        [str(BASH), str(machine / "dev"), *args],
        cwd=machine,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_without_python3_venv_the_one_apt_line_is_printed_and_no_venv_is_half_made(
    machine: Path,
) -> None:
    version = f"{sys.version_info[0]}.{sys.version_info[1]}"
    done = run_dev(machine, "test", FAKE_NO_ENSUREPIP="1", FAKE_MISSING=f"python{version}-venv")
    assert done.returncode == 1
    assert f"  sudo apt-get install python{version}-venv\n" in done.stderr
    assert "half-made" not in done.stderr  # stopped before python3 -m venv ran
    assert not (machine / ".venv").exists()


def test_without_the_xcb_libraries_run_prints_the_apt_line_instead_of_aborting(
    machine: Path,
) -> None:
    done = run_dev(machine, "run", DISPLAY=":99", FAKE_MISSING="libxcb-cursor0 libxcb-icccm4")
    assert done.returncode == 1
    assert "  sudo apt-get install libxcb-cursor0 libxcb-icccm4\n" in done.stderr
    assert not (machine / ".venv").exists()


def test_without_a_display_run_says_so_instead_of_aborting(machine: Path) -> None:
    done = run_dev(machine, "run")
    assert done.returncode == 1
    assert "No display to open the window on" in done.stderr
    assert "QT_QPA_PLATFORM=offscreen ./dev run" in done.stderr


def test_a_half_made_venv_is_made_again(machine: Path) -> None:
    (machine / ".venv").mkdir()  # python3 -m venv died before pip was there
    done = run_dev(machine, "test")
    assert "half-made" in done.stderr  # venv was run again on a clean folder (the fake fails)
    assert done.returncode != 0


@pytest.mark.parametrize(
    ("fonts", "warned"),
    [("", True), ("NanumGothic", False)],
)
def test_a_missing_korean_font_is_said_once(machine: Path, fonts: str, warned: bool) -> None:
    function = (machine / "dev").read_text(encoding="utf-8")
    start = function.index("warn_without_korean_font() {")
    body = function[start : function.index("\n}\n", start) + 3]
    bin_dir = machine.parent / "bin"
    done = subprocess.run(  # noqa: S603 - the function from the project's own script
        [str(BASH), "-c", body + "warn_without_korean_font"],
        env={"PATH": f"{bin_dir}:/usr/bin:/bin", "FAKE_FONTS": fonts},
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode == 0
    assert done.stderr.count("no Korean font is installed") == (1 if warned else 0)
    if warned:
        assert "sudo apt-get install fonts-noto-cjk" in done.stderr
