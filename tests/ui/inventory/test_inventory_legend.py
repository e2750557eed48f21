"""The legend under the calendar: every state and mark in words, wrapped to its width."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from axdesk.ui.inventory.legend import InventoryLegend


def test_legend_names_every_state_and_mark_in_words(qtbot: QtBot) -> None:
    legend = InventoryLegend()
    qtbot.addWidget(legend)
    legend.set_threshold(4)
    entries = legend.entries()
    assert "Nearly full: 4 or fewer seats left" in entries
    for words in ("On sale, with room", "Sold out", "Closed: not on sale"):
        assert words in entries
    assert any(entry.startswith("Guaranteed") for entry in entries)
    assert any(entry.startswith("Not yet guaranteed") for entry in entries)
    assert "Nearly full: 4 or fewer seats left" in legend.accessibleDescription()
    assert legend.heightForWidth(200) > legend.heightForWidth(2000)
