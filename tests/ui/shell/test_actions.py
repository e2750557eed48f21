"""Menus and shortcuts (shell/actions.py): every action named, the usual keys."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

from axdesk.ui.shell.main_window import ORDERS_TAB


def test_keyboard_shortcuts(qtbot, launch_window) -> None:
    window = launch_window()
    window.show()
    actions = window.actions_
    assert QKeySequence("Ctrl+Q") in actions.quit.shortcuts()  # also where the platform has none
    assert actions.refresh.shortcut() == QKeySequence("F5")
    assert actions.documentation.shortcut() == QKeySequence("F1")
    assert [a.shortcut().toString() for a in actions.tab_actions] == ["Ctrl+1", "Ctrl+2", "Ctrl+3"]

    actions.tab_actions[ORDERS_TAB].trigger()
    assert window.tabs.currentIndex() == ORDERS_TAB
    actions.tab_actions[0].trigger()
    assert window.tabs.currentIndex() == 0

    refreshed: list[bool] = []
    window.inventory_tab.refresh = lambda: refreshed.append(True)
    actions.refresh.trigger()
    assert refreshed == [True]


def test_every_menu_action_has_text(qtbot, launch_window) -> None:
    window = launch_window()
    menus = [action.menu() for action in window.menuBar().actions()]
    assert len(menus) == 6  # File, Connection, Catalog, View, Practice (practice mode), Help
    pending = list(menus)
    while pending:
        menu = pending.pop()
        assert menu.title().strip()
        for action in menu.actions():
            if action.menu() is not None:
                pending.append(action.menu())
            elif not action.isSeparator():
                assert action.text().strip(), f"an action without a name in {menu.title()}"
