"""File > This desk… (issue 15 §3): the operator's and desk's names the journal records."""

from __future__ import annotations

import socket
from typing import Any

from PySide6.QtWidgets import QDialog

from axdesk.store.journal_activity import Actor
from axdesk.ui.shell.desk_dialog import DeskDialog


def test_the_names_are_kept_and_the_journal_records_them(qtbot: Any, launch_window: Any) -> None:
    window = launch_window()
    ctx = window.ctx
    dialog = DeskDialog(ctx, window)
    qtbot.addWidget(dialog)
    assert dialog.desk_edit.placeholderText() == socket.gethostname()
    dialog.operator_edit.setText("  김민지 ")
    dialog.desk_edit.setText("front-1")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert ctx.settings.operator_name == "김민지"
    assert ctx.settings.desk_id == "front-1"
    qtbot.waitUntil(lambda: ctx.journal.actor == Actor("김민지", "front-1"), timeout=5000)


def test_an_empty_desk_name_is_the_computers_name(qtbot: Any, launch_window: Any) -> None:
    window = launch_window()
    dialog = DeskDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    dialog.operator_edit.setText("Lee")
    dialog.desk_edit.setText("")
    dialog.accept()
    expected = Actor("Lee", socket.gethostname())
    qtbot.waitUntil(lambda: window.ctx.journal.actor == expected, timeout=5000)


def test_the_file_menu_opens_it(qtbot: Any, launch_window: Any) -> None:
    window = launch_window()
    assert window.actions_.this_desk in window.actions_.file_menu.actions()
    assert window.actions_.this_desk.text()
