"""Qt's numbered placeholders, filled without Qt: the one placeholder style of the app."""

from __future__ import annotations

import subprocess
import sys

from axdesk.ui.common.placeholders import fill_args


def test_fill_args_replaces_every_marker_in_one_pass() -> None:
    # A value that brings a marker in is not filled again (as QString::arg with several values).
    assert fill_args("%2 then %1", "a %2", "b %1") == "b %1 then a %2"
    assert fill_args("%1 and %3", "x") == "x and %3"
    assert fill_args("%10 of %1", *"abcdefghij") == "j of a"


def test_the_module_runs_without_qt() -> None:
    """The order rules (Qt-free) fill their sentences with it, so it must not bring Qt in."""
    probe = (
        "import sys\n"
        "import axdesk.ui.common.placeholders\n"
        "import axdesk.ui.order_entry.rules.order\n"
        "print(sorted(name for name in sys.modules if name.startswith(('PySide6', 'shiboken6'))))\n"
    )
    result = subprocess.run(  # noqa: S603 - this Python, our own probe
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "[]"
