"""What the GUI thread does when an inventory arrives: no disk, no database, no per-slot loop.

The worker fetches, reads, aggregates and folds the month the calendar is about to show;
the GUI thread only swaps in what is ready. These tests record which thread does the work
(never how long it takes, so they cannot flake on a busy machine).
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from inventory_support import LOAD_TIMEOUT_MS, OTHER_PRODUCT, PRODUCT
from pytestqt.qtbot import QtBot

from axdesk.ui.common.context import AppContext
from axdesk.ui.inventory.tab import InventoryTab
from axdesk.ui.shell.bootstrap import Shell

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.mark.e2e
def test_showing_an_inventory_neither_writes_the_settings_nor_reads_the_catalog_on_the_gui_thread(
    qtbot: QtBot, tab: InventoryTab, app_context: AppContext, shell: Shell, monkeypatch
) -> None:
    import axdesk.store.settings as settings_module

    real_write = settings_module.atomic_write_text
    writers: list[threading.Thread] = []

    def recording_write(path: Path, text: str) -> None:
        writers.append(threading.current_thread())
        real_write(path, text)

    catalog = app_context.catalog
    real_list, real_name = catalog.list_products, catalog.product_name
    readers: list[threading.Thread] = []

    def recording_list():  # type: ignore[no-untyped-def]
        readers.append(threading.current_thread())
        return real_list()

    def recording_name(code: str):  # type: ignore[no-untyped-def]
        readers.append(threading.current_thread())
        return real_name(code)

    monkeypatch.setattr(settings_module, "atomic_write_text", recording_write)
    monkeypatch.setattr(catalog, "list_products", recording_list)
    monkeypatch.setattr(catalog, "product_name", recording_name)
    assert shell.settings_saver is not None
    shown: list[threading.Thread] = []
    tab.inventory_loaded.connect(lambda _code: shown.append(threading.current_thread()))

    def arrives(code: str) -> None:
        """Ask for ``code`` and watch only what happens once its answer is there."""
        with qtbot.waitSignal(tab.inventory_loaded, timeout=LOAD_TIMEOUT_MS):
            tab.show_product(code)
            readers.clear()
            writers.clear()
        assert threading.main_thread() not in writers
        assert threading.main_thread() not in readers

    with qtbot.waitSignal(shell.settings_saver.saved, timeout=5000):
        arrives(PRODUCT)
        assert shown == [threading.main_thread()]
        arrives(OTHER_PRODUCT)  # a second product moves to the front of the list

    assert writers  # the recent products were written, by the worker
    assert threading.main_thread() not in writers
    assert app_context.settings.recent_products[:2] == (OTHER_PRODUCT, PRODUCT)
    assert tab.products.current_code() == OTHER_PRODUCT


@pytest.mark.e2e
def test_an_arriving_inventory_is_painted_from_days_the_worker_folded(
    qtbot: QtBot, tab: InventoryTab, monkeypatch
) -> None:
    """The month on screen (today's day included) is folded on the worker: the GUI thread
    shows and paints it without folding a single day, for all options and for one."""
    import axdesk.ui.inventory.index as index_module

    real_fold = index_module.summarise_day
    folders: list[threading.Thread] = []

    def recording_fold(*args, **kwargs):  # type: ignore[no-untyped-def]
        folders.append(threading.current_thread())
        return real_fold(*args, **kwargs)

    monkeypatch.setattr(index_module, "summarise_day", recording_fold)
    tab.resize(1000, 700)
    tab.show()
    qtbot.waitExposed(tab)
    painted: list[int] = []

    def paint_at_arrival(_code: str) -> None:
        tab.repaint()  # at once, as the event loop would next
        painted.append(folders.count(threading.main_thread()))

    tab.inventory_loaded.connect(paint_at_arrival)
    with qtbot.waitSignal(tab.inventory_loaded, timeout=LOAD_TIMEOUT_MS):
        tab.show_product(PRODUCT)
    assert painted == [0]
    assert folders  # the worker did fold them
    index = tab.inventory_index
    assert index is not None
    option = index.option_codes[0]
    tab.set_option(option)  # a month not folded for this option: the GUI thread folds it
    tab.repaint()
    assert folders.count(threading.main_thread()) > 0
    folders.clear()
    with qtbot.waitSignal(tab.inventory_loaded, timeout=LOAD_TIMEOUT_MS):
        tab.refresh()  # the same month, now for the option chosen
    assert painted[-1] == 0
    assert threading.main_thread() not in folders
