"""scripts/check_layers.py: each layering rule fails on a deliberate violation in a small
package tree of its own, and the real tree keeps every rule."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import textwrap
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "check_layers.py"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("check_layers", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


check_layers = _load()

QT_FREE = ("axdesk.ui.feature.rules",)

# A tree that keeps every rule: the same shape as axdesk, with each kind of import
# the rules allow (Qt in ui, ui -> store -> api, a package __init__ that imports its
# own submodules, a TYPE_CHECKING back-reference, a deferred import of the sandbox).
CLEAN = {
    "axdesk/__init__.py": '"""Root."""\n',
    "axdesk/api/__init__.py": '"""Client."""\nfrom axdesk.api.client import Client\n',
    "axdesk/api/client.py": '"""Client."""\nimport json\n\n\nclass Client:\n    pass\n',
    "axdesk/sandbox/__init__.py": '"""Sandbox (FastAPI, no Qt)."""\n',
    "axdesk/sandbox/server.py": '"""Server."""\nimport threading\n',
    "axdesk/store/__init__.py": '"""Store."""\n',
    "axdesk/store/journal.py": '"""Journal."""\nfrom axdesk.api import Client\n',
    "axdesk/ui/__init__.py": '"""Ui."""\n',
    "axdesk/ui/feature/__init__.py": '"""Feature."""\n',
    "axdesk/ui/feature/rules.py": '"""Rules."""\nfrom axdesk.store.journal import Client\n',
    "axdesk/ui/feature/totals.py": '"""Totals (no Qt)."""\nfrom . import rules\n',
    "axdesk/ui/feature/tab.py": textwrap.dedent(
        '''\
        """The tab."""
        from PySide6.QtWidgets import QWidget

        from axdesk.ui.feature.helper import Helper
        from axdesk.ui.feature.rules import Client


        class Tab(QWidget):
            def start(self) -> None:
                from axdesk.sandbox.server import threading
        '''
    ),
    "axdesk/ui/feature/helper.py": textwrap.dedent(
        '''\
        """A helper built as Helper(tab)."""
        from __future__ import annotations

        from typing import TYPE_CHECKING

        if TYPE_CHECKING:
            from axdesk.ui.feature.tab import Tab


        class Helper:
            def __init__(self, tab: Tab) -> None:
                self.tab = tab
        '''
    ),
}


def make_tree(root: Path, changes: dict[str, str | None] | None = None) -> Path:
    """Write the clean tree with ``changes`` (path -> new text, or None to leave it out)."""
    files: dict[str, str | None] = {**CLEAN, **(changes or {})}
    for relative, text in files.items():
        if text is None:
            continue
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def problems_in(root: Path, changes: dict[str, str | None] | None = None) -> list[str]:
    return check_layers.check(make_tree(root, changes), qt_free_ui_modules=QT_FREE)


def test_the_clean_sample_tree_keeps_every_rule(tmp_path: Path) -> None:
    assert problems_in(tmp_path) == []


def test_qt_outside_the_ui_package_is_refused(tmp_path: Path) -> None:
    problems = problems_in(
        tmp_path,
        {"axdesk/store/journal.py": '"""Journal."""\nfrom PySide6.QtCore import QObject, Signal\n'},
    )
    assert problems == [
        "axdesk/store/journal.py:2: axdesk.store.journal imports PySide6.QtCore; "
        "Qt belongs in axdesk/ui only"
    ]


def test_qt_in_a_listed_qt_free_module_is_refused(tmp_path: Path) -> None:
    problems = problems_in(
        tmp_path,
        {"axdesk/ui/feature/rules.py": '"""Rules."""\n\n\ndef f():\n    import PySide6\n'},
    )
    assert problems == [
        "axdesk/ui/feature/rules.py:5: axdesk.ui.feature.rules imports PySide6, "
        "but it is a Qt-free module"
    ]


def test_qt_in_a_module_whose_docstring_says_no_qt_is_refused(tmp_path: Path) -> None:
    problems = problems_in(
        tmp_path,
        {
            "axdesk/ui/feature/totals.py": (
                '"""Totals (no Qt, unit-testable)."""\nfrom __future__ import annotations\n'
                "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                "    from PySide6.QtCore import QObject\n"
            )
        },
    )
    assert problems == [
        "axdesk/ui/feature/totals.py:5: axdesk.ui.feature.totals imports PySide6.QtCore, "
        "but it is a Qt-free module"
    ]


def test_a_qt_free_module_may_not_reach_qt_through_another_module(tmp_path: Path) -> None:
    problems = problems_in(
        tmp_path,
        {"axdesk/ui/feature/rules.py": '"""Rules."""\nfrom axdesk.ui.feature import helper\n'},
    )
    # helper only names the tab for annotations; a run-time import of it would load Qt:
    assert problems == []
    problems = problems_in(
        tmp_path,
        {
            "axdesk/ui/feature/rules.py": '"""Rules."""\nimport axdesk.ui.feature.view\n',
            "axdesk/ui/feature/view.py": '"""View."""\nfrom .widgets import Label\n',
            "axdesk/ui/feature/widgets.py": '"""Widgets."""\nfrom PySide6 import QtWidgets\n',
        },
    )
    # One line for the one import at fault (totals, which imports rules, is not blamed).
    assert problems == [
        "axdesk/ui/feature/rules.py:2: axdesk.ui.feature.rules is Qt-free but reaches Qt "
        "through axdesk.ui.feature.view -> axdesk.ui.feature.widgets"
    ]
    problems = problems_in(
        tmp_path,
        {"axdesk/api/client.py": '"""Client."""\nfrom axdesk.ui.feature.tab import Tab\n'},
    )
    assert (
        "axdesk/api/client.py:2: axdesk.api.client is Qt-free but reaches Qt through "
        "axdesk.ui.feature.tab"
    ) in problems


@pytest.mark.parametrize(
    ("path", "text", "expected"),
    [
        (
            "axdesk/sandbox/server.py",
            '"""Server."""\nfrom axdesk.api.client import Client\n',
            "axdesk/sandbox/server.py:2: axdesk.sandbox.server imports axdesk.api.client; "
            "the sandbox is independent of the client",
        ),
        (
            "axdesk/api/client.py",
            '"""Client."""\n\n\ndef start():\n    from axdesk import sandbox\n',
            "axdesk/api/client.py:5: axdesk.api.client imports axdesk.sandbox; "
            "the client is independent of the sandbox",
        ),
    ],
    ids=["sandbox-imports-api", "api-imports-sandbox-inside-a-function"],
)
def test_sandbox_and_api_do_not_import_each_other(
    tmp_path: Path, path: str, text: str, expected: str
) -> None:
    assert problems_in(tmp_path, {path: text}) == [expected]


def test_the_store_never_imports_the_ui_not_even_for_annotations(tmp_path: Path) -> None:
    problems = problems_in(
        tmp_path,
        {
            "axdesk/store/journal.py": (
                '"""Journal."""\nfrom typing import TYPE_CHECKING\n'
                "if TYPE_CHECKING:\n    from axdesk.ui.feature.rules import Client\n"
            )
        },
    )
    assert problems == [
        "axdesk/store/journal.py:4: axdesk.store.journal imports axdesk.ui.feature.rules; "
        "the store never imports the ui"
    ]


def test_an_import_cycle_is_refused_even_through_a_function_level_import(
    tmp_path: Path,
) -> None:
    problems = problems_in(
        tmp_path,
        {
            "axdesk/ui/feature/helper.py": (
                '"""Helper."""\n\n\ndef tab():\n    from axdesk.ui.feature.tab import Tab\n'
                "    return Tab\n"
            )
        },
    )
    assert problems == [
        "axdesk/ui/feature/helper.py:5: import cycle: axdesk.ui.feature.helper -> "
        "axdesk.ui.feature.tab -> axdesk.ui.feature.helper"
    ]


def test_a_longer_cycle_is_named_module_by_module(tmp_path: Path) -> None:
    problems = problems_in(
        tmp_path,
        {"axdesk/api/client.py": '"""Client."""\nfrom axdesk.store import journal\n'},
    )
    assert problems == [
        "axdesk/api/__init__.py:2: import cycle: axdesk.api -> axdesk.api.client -> "
        "axdesk.store.journal -> axdesk.api"
    ]


def test_a_submodule_importing_its_own_packages_init_is_a_cycle(tmp_path: Path) -> None:
    problems = problems_in(
        tmp_path,
        {
            "axdesk/api/errors.py": '"""Errors."""\n\n\nclass AxError(Exception):\n    pass\n',
            "axdesk/api/client.py": '"""Client."""\nfrom axdesk.api import AxError\n',
            "axdesk/api/__init__.py": (
                '"""Client."""\nfrom axdesk.api.client import Client\n'
                "from axdesk.api.errors import AxError\n"
            ),
        },
    )
    assert problems == [
        "axdesk/api/__init__.py:2: import cycle: axdesk.api -> axdesk.api.client -> axdesk.api"
    ]
    # Importing from the defining module is the fix: no cycle.
    problems = problems_in(
        tmp_path,
        {
            "axdesk/api/errors.py": '"""Errors."""\n\n\nclass AxError(Exception):\n    pass\n',
            "axdesk/api/client.py": '"""Client."""\nfrom .errors import AxError\n',
        },
    )
    assert problems == []


def test_a_listed_qt_free_module_that_is_gone_is_reported(tmp_path: Path) -> None:
    problems = problems_in(tmp_path, {"axdesk/ui/feature/rules.py": None})
    assert problems == [
        "scripts/check_layers.py: the Qt-free module axdesk.ui.feature.rules is listed but "
        "does not exist; update QT_FREE_UI_MODULES"
    ]


def test_the_command_prints_one_line_per_violation_and_fails(tmp_path: Path) -> None:
    make_tree(
        tmp_path,
        {
            "axdesk/store/journal.py": '"""Journal."""\nimport PySide6\nimport axdesk.ui\n',
            "axdesk/sandbox/server.py": '"""Server."""\nimport axdesk.api\n',
        },
    )
    run = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, str(SCRIPT), str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 1
    lines = run.stdout.splitlines()
    assert lines == check_layers.check(tmp_path)  # (the real tree's Qt-free list is gone too)
    assert any("axdesk.store.journal imports PySide6" in line for line in lines)
    assert any("axdesk.store.journal imports axdesk.ui;" in line for line in lines)
    assert any("axdesk.sandbox.server imports axdesk.api;" in line for line in lines)
    assert "violation" in run.stderr


def test_the_real_tree_keeps_every_rule() -> None:
    assert check_layers.check(REPO) == []
    run = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, str(SCRIPT)], capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, run.stdout
    assert run.stdout.startswith("layering rules hold for ")


def test_the_real_tree_lists_only_modules_that_exist_and_marks_its_qt_free_ones() -> None:
    modules = check_layers.read_tree(REPO)
    qt_free_ui = {
        name
        for name, module in modules.items()
        if name.startswith("axdesk.ui.") and check_layers.is_qt_free(module)
    }
    assert set(check_layers.QT_FREE_UI_MODULES) <= qt_free_ui
    assert not any(modules[name].qt_imports for name in qt_free_ui)
