"""The Tab contract (shell/tab.py): every tab the frame builds keeps it, and the frame
reaches its tabs through it: on_shown when a tab becomes current, refresh for F5,
shutdown once when the window closes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from axdesk.ui.shell.bootstrap import Shell
from axdesk.ui.shell.main_window import INVENTORY_TAB, ORDER_TAB, ORDERS_TAB, MainWindow
from axdesk.ui.shell.tab import Tab

CONTRACT = ("on_shown", "refresh", "shutdown")


@pytest.fixture
def window(qtbot, shell: Shell) -> Iterator[MainWindow]:
    built = MainWindow(shell)
    qtbot.addWidget(built)
    yield built
    built.close()


def test_the_frame_reaches_exactly_the_tabs_it_shows(window: MainWindow) -> None:
    shown = [window.tabs.widget(index) for index in range(window.tabs.count())]
    assert window.frame_tabs() == shown
    assert shown == [window.inventory_tab, window.order_tab, window.orders_tab]


@pytest.mark.parametrize(
    "index",
    [
        pytest.param(INVENTORY_TAB, id="inventory"),
        pytest.param(ORDER_TAB, id="new-order"),
        pytest.param(ORDERS_TAB, id="orders"),
    ],
)
def test_every_tab_the_frame_builds_keeps_the_tab_contract(window: MainWindow, index: int) -> None:
    tab = window.frame_tabs()[index]
    assert isinstance(tab, Tab)
    for name in CONTRACT:
        assert callable(getattr(tab, name, None)), f"{type(tab).__name__}.{name}"


def test_the_frame_calls_on_shown_refresh_and_shutdown(qtbot, window: MainWindow) -> None:
    calls: list[tuple[str, str]] = []
    for tab in window.frame_tabs():
        for name in CONTRACT:
            original = getattr(tab, name, None)

            def record(tab=tab, name=name, original=original) -> None:
                calls.append((type(tab).__name__, name))
                if original is not None:
                    original()

            setattr(tab, name, record)

    window.show()
    qtbot.waitExposed(window)
    assert calls == [("InventoryTab", "on_shown")]  # the first tab, once shown

    window.show_tab(ORDERS_TAB)
    window.actions_.refresh.trigger()
    assert calls[1:] == [("OrdersTab", "on_shown"), ("OrdersTab", "refresh")]

    del calls[:]
    window.close()
    assert calls == [
        ("InventoryTab", "shutdown"),
        ("OrderTab", "shutdown"),
        ("OrdersTab", "shutdown"),
    ]
    window.close()  # closing again shuts nothing down twice
    assert len(calls) == 3
