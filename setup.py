"""Build step of the wheel: compile the translations into it.

Everything else is in ``pyproject.toml``. The ``.qm`` files the app loads are
build output (not committed): ``build_py`` compiles each
``axdesk/resources/translations/*.ts`` with Qt's ``lrelease`` (shipped in the
PySide6 wheel, a build requirement) into the built package, so a wheel or an
installed ``pip install .`` speaks Korean. A checkout compiles them in place with
``python -m axdesk.ui.common.i18n --build`` (``./dev`` does).
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

TRANSLATIONS = Path("axdesk", "resources", "translations")


def lrelease() -> Path:
    """Qt's lrelease from the PySide6 package of the build environment."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("Building axdesk needs PySide6 (Qt's lrelease) in the build environment.")
    tool = Path(next(iter(spec.submodule_search_locations))) / (
        "lrelease.exe" if sys.platform == "win32" else "lrelease"
    )
    if not tool.is_file():
        raise SystemExit(f"Qt's lrelease is not at {tool}.")
    return tool


class BuildWithTranslations(build_py):
    """``build_py`` that also writes the compiled ``.qm`` next to each ``.ts``."""

    def run(self) -> None:
        super().run()
        sources = sorted(TRANSLATIONS.glob("*.ts"))
        if not sources:
            raise SystemExit(f"No translations in {TRANSLATIONS}.")
        target = Path(self.build_lib) / TRANSLATIONS
        target.mkdir(parents=True, exist_ok=True)
        tool = lrelease()
        for ts_file in sources:
            qm_file = target / ts_file.with_suffix(".qm").name
            subprocess.run(  # noqa: S603 - Qt's own tool on our own files
                [str(tool), "-silent", str(ts_file), "-qm", str(qm_file)], check=True
            )
            if not qm_file.is_file() or qm_file.stat().st_size == 0:
                raise SystemExit(f"lrelease wrote no {qm_file}.")


setup(cmdclass={"build_py": BuildWithTranslations})
