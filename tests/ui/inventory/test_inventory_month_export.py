"""Exporting the month shown to CSV, and a file that cannot be written."""

from __future__ import annotations

from pathlib import Path

import pytest
from inventory_support import CHILD, LOAD_TIMEOUT_MS, load
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from axdesk.store.export import read_csv
from axdesk.ui.common.context import AppContext
from axdesk.ui.common.notice_bar import PROBLEM
from axdesk.ui.inventory.tab import InventoryTab

# Showing a top-level window on the offscreen platform logs this harmless warning.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.mark.e2e
def test_export_writes_the_month_shown_as_csv(
    qtbot: QtBot, tab: InventoryTab, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load(qtbot, tab)
    target = tmp_path / "march.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    with qtbot.waitSignal(tab.month_exported, timeout=LOAD_TIMEOUT_MS) as exported:
        qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    assert exported.args == [str(target)]
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    header, rows = read_csv(target)
    assert header[:3] == ["Date", "Weekday", "Start"]
    assert [row[-1] for row in rows] == [
        "inv-room",
        "inv-nearly",
        "inv-child",
        "inv-sold",
        "inv-closed",
        "inv-below",
        "inv-early",
        "inv-late",
    ]
    first = dict(zip(header, rows[0], strict=True))
    assert first["Date"] == "2030-03-04"
    assert first["Weekday"] == "Monday"
    assert first["Option"] == "성인 / Adult"
    assert first["State"] == "On sale"
    assert (first["Seats left"], first["Maximum"], first["Ordered"]) == ("15", "20", "5")
    assert first["Guaranteed"] == "yes"
    assert "Saved the month to" in tab.message_bar.text.text()

    tab.set_option(CHILD)
    child_file = tmp_path / "child.csv"
    with qtbot.waitSignal(tab.month_exported, timeout=LOAD_TIMEOUT_MS):
        tab.export_month(child_file)
    assert [row[-1] for row in read_csv(child_file)[1]] == ["inv-child"]


@pytest.mark.e2e
def test_an_unwritable_export_is_a_sentence(
    qtbot: QtBot, tab: InventoryTab, tmp_path: Path, app_context: AppContext
) -> None:
    load(qtbot, tab)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be", encoding="utf-8")
    with qtbot.assert_not_emitted(app_context.worker.error_reported):
        tab.export_month(blocker / "march.csv")
        qtbot.waitUntil(lambda: tab.message_bar.kind == PROBLEM, timeout=5000)
    assert tab.message_bar.text.text().startswith("Could not write")
    assert tab.export_button.isEnabled()
