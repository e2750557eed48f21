"""``pip install`` of the wheel gives the whole app: translations, icon, guide, licences.

The wheel is built from a copy of the source tree without any compiled ``.qm``
(so setup.py's build step must make them), installed into a fresh virtual
environment outside the checkout, and started from there: ``axdesk --sandbox
--lang ko`` runs offscreen and quits cleanly, and the window it builds has its
Korean title.

Speed: the wheel is built without build isolation (this environment has
setuptools and PySide6, the build requirements) and installed with
``--no-deps``; the fresh environment sees this one's site-packages through a
``.pth`` line placed after its own (a path added that way has its own ``.pth``
files ignored, so the checkout's editable axdesk is not seen; only the wheel's
is). About 15 s.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import sysconfig
import time
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
IGNORED = shutil.ignore_patterns(
    ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", "*.qm", ".*_cache", "tests"
)

pytestmark = pytest.mark.slow


def run(*command: str | Path, **options: object) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(  # noqa: S603 - our own interpreter and tools
        [str(part) for part in command], capture_output=True, text=True, timeout=300, **options
    )
    assert done.returncode == 0, f"{command}: {done.stdout}\n{done.stderr}"
    return done


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = tmp_path_factory.mktemp("source") / "axdesk"
    shutil.copytree(ROOT, source, ignore=IGNORED)
    assert not list(source.rglob("*.qm"))
    out = tmp_path_factory.mktemp("wheel")
    run(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--no-deps",
        "--no-build-isolation",
        "-q",
        "-w",
        out,
        source,
    )
    (built,) = out.glob("axdesk-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    venv = tmp_path_factory.mktemp("venv") / "env"
    run(sys.executable, "-m", "venv", "--without-pip", venv)
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    run(sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-deps", wheel)
    own = Path(
        run(
            python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"
        ).stdout.strip()
    )
    (own / "zz_parent_env.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return venv


def test_the_wheel_carries_the_compiled_translations_and_the_resources(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in (
        "axdesk/resources/translations/axdesk_ko.qm",
        "axdesk/resources/translations/axdesk_en.qm",
        "axdesk/resources/icons/com.axdesk.AxDesk.svg",
        "axdesk/resources/com.axdesk.AxDesk.desktop",
        "axdesk/resources/com.axdesk.AxDesk.metainfo.xml",
        "axdesk/resources/docs/user-guide.md",
        "axdesk/resources/docs/cancel-flow.md",
        "axdesk/resources/licenses/LICENSE",
        "axdesk/resources/licenses/LGPL-3.0.txt",
    ):
        assert name in names, name
    assert any(
        name.endswith(".dist-info/licenses/axdesk/resources/licenses/LICENSE")
        or name.endswith(".dist-info/licenses/LICENSE")
        for name in names
    )


def test_the_installed_wheel_runs_in_korean_from_its_own_files(
    installed: Path, tmp_path: Path
) -> None:
    python = installed / "bin" / "python"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", AXDESK_HOME=str(tmp_path / "home"))
    program = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from axdesk.store.paths import AppPaths\n"
        "from axdesk.ui.app import launch\n"
        "from axdesk.ui.common.resources import resources_dir\n"
        "app = QApplication([])\n"
        "window = launch(app, AppPaths.default().ensure_dirs(), sandbox=True, language='ko')\n"
        "print(resources_dir())\n"
        "print(window.windowTitle())\n"
        "print(window.actions_.help_menu.title())\n"
        "guide = window.open_documentation()\n"
        "print(guide.browser.toPlainText().splitlines()[0])\n"
        "window.close()\n"
    )
    done = run(python, "-c", program, env=env, cwd=tmp_path)
    resources, title, help_title, guide = done.stdout.strip().splitlines()[-4:]
    assert Path(resources).is_relative_to(installed)  # not the checkout's
    assert title == "axdesk — 연습 모드 (샌드박스)"
    assert help_title == "도움말(&H)"
    assert guide == "axdesk — operator's guide"  # Help > Documentation, from the wheel


def test_the_installed_axdesk_command_starts_practice_mode_and_quits(
    installed: Path, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", AXDESK_HOME=str(home))
    process = subprocess.Popen(  # noqa: S603 - the installed entry point
        [str(installed / "bin" / "axdesk"), "--sandbox", "--lang", "ko"],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    app_log = home / "logs" / "axdesk.log"
    try:
        deadline = time.monotonic() + 60
        while "started in practice mode on http://127.0.0.1:" not in (
            app_log.read_text(encoding="utf-8") if app_log.exists() else ""
        ):
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline, "the installed app did not start"
            time.sleep(0.1)
        process.send_signal(signal.SIGINT)
        _out, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0, err
    text = app_log.read_text(encoding="utf-8")
    assert "axdesk quits" in text
    assert "Traceback" not in text
    assert "No compiled" not in text  # i18n found every .qm in the installed package
    assert "Traceback" not in err
