"""Fixtures of the connection tests: the connection dialog on the app's own shell."""

from __future__ import annotations

import pytest

from axdesk.ui.connection.dialog import ConnectionDialog
from axdesk.ui.shell.bootstrap import Shell


@pytest.fixture
def dialog(qtbot, shell: Shell) -> ConnectionDialog:
    built = ConnectionDialog(shell)
    qtbot.addWidget(built)
    return built
