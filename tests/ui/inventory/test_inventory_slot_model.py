"""The slot table model: an option AX did not name, and the texts in a new language."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import httpx
import pytest
from inventory_support import load, table_texts, use_fake_server, wire_slot
from PySide6.QtCore import QCoreApplication, QLocale
from pytestqt.qtbot import QtBot

from axdesk.ui.common import i18n
from axdesk.ui.common.context import AppContext
from axdesk.ui.common.i18n import Translations
from axdesk.ui.common.resources import translations_dir
from axdesk.ui.inventory.slot_model import SlotTableModel
from axdesk.ui.inventory.tab import InventoryTab

# Showing a top-level window on the offscreen platform logs this harmless warning.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_a_flat_list_of_slots_is_shown_under_an_unnamed_option(
    qtbot: QtBot, tab: InventoryTab, app_context: AppContext
) -> None:
    body = {"data": [wire_slot("inv-flat", "2030-03-04", remain=5, ordered=5, maximum=10)]}
    use_fake_server(app_context, lambda request: httpx.Response(200, json=body))
    load(qtbot, tab)
    labels = [tab.option_combo.itemText(i) for i in range(tab.option_combo.count())]
    assert labels == ["All options", "Option not named by AX"]
    tab.calendar.set_selected_date(dt.date(2030, 3, 4))
    assert table_texts(tab, SlotTableModel.OPTION) == ["Option not named by AX"]


@pytest.mark.e2e
def test_the_slot_list_is_rewritten_in_the_new_language(
    qtbot: QtBot, tab: InventoryTab, qapp: QCoreApplication, tmp_path: Path
) -> None:
    shutil.copy(translations_dir() / "axdesk_ko.ts", tmp_path / "axdesk_ko.ts")
    i18n.build(tmp_path)
    load(qtbot, tab)
    tab.calendar.set_selected_date(dt.date(2030, 3, 11))
    assert table_texts(tab, SlotTableModel.STATE) == ["On sale", "On sale"]  # texts now kept
    translations = Translations(qapp, tmp_path)
    try:
        translations.apply("ko")  # the language change reaches the tab as a posted event
        qtbot.waitUntil(lambda: table_texts(tab, SlotTableModel.STATE) == ["판매 중", "판매 중"])
    finally:
        translations.apply("en")
    qtbot.waitUntil(lambda: table_texts(tab, SlotTableModel.STATE) == ["On sale", "On sale"])


@pytest.mark.e2e
def test_start_times_and_the_time_of_the_data_follow_the_locale(
    qtbot: QtBot, tab: InventoryTab
) -> None:
    """One time format on screen: the US locale writes 9:00 AM, not 09:00 beside 12:32 AM."""
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    try:
        load(qtbot, tab)
        tab.calendar.set_selected_date(dt.date(2030, 3, 11))
        starts = [text.replace("\u202f", " ") for text in table_texts(tab, SlotTableModel.START)]
        assert starts == ["9:00 AM", "2:00 PM"]
        assert tab.loading.loaded_time_text() in tab.status_label.text()
        assert tab.loading.loaded_time_text().endswith(("AM", "PM"))
    finally:
        QLocale.setDefault(before)
