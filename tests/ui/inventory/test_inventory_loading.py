"""Refreshing the Inventory: one fetch at a time on the worker, the age of the data, and
one sentence per error class while the last good inventory stays on screen."""

from __future__ import annotations

import datetime as dt
import shutil
import socket
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from inventory_support import LOAD_TIMEOUT_MS, PRODUCT, day_text, load, use_fake_server
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from axdesk.api import AxClient
from axdesk.sandbox.embedded import RunningSandbox
from axdesk.ui.common import i18n
from axdesk.ui.common.context import ENVIRONMENT_TEST, AppContext, ConnectionProfile
from axdesk.ui.common.i18n import Translations
from axdesk.ui.common.notice_bar import PROBLEM
from axdesk.ui.common.resources import translations_dir
from axdesk.ui.inventory.tab import InventoryTab
from axdesk.ui.shell.bootstrap import Shell
from axdesk.ui.shell.call_log import read_tail

# Showing a top-level window on the offscreen platform logs this harmless warning.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.mark.e2e
def test_enter_in_the_product_box_asks_ax_once(
    qtbot: QtBot, tab: InventoryTab, shell: Shell, sandbox: RunningSandbox
) -> None:
    """Enter in the editable product box fires both "activated" and returnPressed."""
    shell.call_log.flush()
    earlier = len(read_tail(shell.call_log.path).splitlines())
    sandbox.state.faults.latency_ms = 400  # the first request is still on its way
    with qtbot.waitSignal(tab.inventory_loaded, timeout=LOAD_TIMEOUT_MS):
        tab.product_combo.setCurrentIndex(1)
        tab.product_combo.activated.emit(1)
        qtbot.wait(50)
        tab.refresh()
    qtbot.wait(200)
    shell.call_log.flush()  # every call has its line there (call_finished is coalesced)
    lines = read_tail(shell.call_log.path).splitlines()[earlier:]
    paths = [line.split()[2] for line in lines]
    assert [path for path in paths if "/inventory/" in path] == [
        f"/v1/channel/inventory/tour/{PRODUCT}"
    ]


@pytest.mark.e2e
def test_refresh_is_busy_while_loading_and_the_window_keeps_working(
    qtbot: QtBot, tab: InventoryTab
) -> None:
    with qtbot.waitSignal(tab.inventory_loaded, timeout=LOAD_TIMEOUT_MS):
        tab.show_product(PRODUCT)
        assert not tab.refresh_button.isEnabled()
        assert tab.status_label.text() == "Loading…"
        tab.calendar.next_month()  # the GUI thread is free while the call runs
    assert tab.refresh_button.isEnabled()
    assert tab.status_label.text() != "Loading…"


@pytest.mark.e2e
def test_shown_again_refreshes_only_when_older_than_the_setting(
    qtbot: QtBot, make_tab: Callable[..., InventoryTab], app_context: AppContext, shell: Shell
) -> None:
    now = [1000.0]
    tab = make_tab(clock=lambda: now[0])
    assert shell.settings_saver is not None
    with qtbot.waitSignal(shell.settings_saver.saved, timeout=5000):  # the recent product
        load(qtbot, tab)
    now[0] += 30
    with qtbot.assert_not_emitted(tab.inventory_loaded, wait=300):
        tab.on_shown()
    assert app_context.worker.active_count == 0
    now[0] += app_context.settings.inventory_refresh_age_seconds
    with qtbot.waitSignal(tab.inventory_loaded, timeout=LOAD_TIMEOUT_MS):
        tab.on_shown()
    app_context.settings.inventory_refresh_age_seconds = 3600
    now[0] += 120
    with qtbot.assert_not_emitted(tab.inventory_loaded, wait=300):
        tab.on_shown()


MALFORMED_EXAMPLE = b"""{
  "status_code": 200,
  "data": [
    {
      "inventory_code": c2befdbe-57fa-4a47-9132-f7f8153b5f2c,
      "date": "2023-03-01",
      "start_time": "14:00"
    }
  ]
}"""


@pytest.mark.e2e
def test_a_malformed_inventory_is_a_clear_sentence_and_the_last_data_stays(
    qtbot: QtBot, tab: InventoryTab, app_context: AppContext
) -> None:
    load(qtbot, tab)
    before = tab.inventory_index
    use_fake_server(
        app_context,
        lambda request: httpx.Response(
            200, content=MALFORMED_EXAMPLE, headers={"content-type": "application/json"}
        ),
    )
    with qtbot.assert_not_emitted(app_context.worker.error_reported):
        tab.refresh()
        qtbot.waitUntil(lambda: tab.message_bar.isVisibleTo(tab), timeout=LOAD_TIMEOUT_MS)
    text = tab.message_bar.text.text()
    assert text.startswith(
        "The server's answer (HTTP 200) is not valid JSON at line 5, column 25, so it cannot be "
        "read as AX data."
    )
    assert "Still showing 서울 도보 투어 / Seoul Walking Tour" in text
    assert "Traceback" not in text
    assert tab.message_bar.kind == PROBLEM
    assert tab.inventory_index is before
    assert "Seats left: 15." in day_text(tab, dt.date(2030, 3, 4))
    assert tab.refresh_button.isEnabled()


@pytest.mark.e2e
def test_an_unknown_product_is_named_and_the_last_data_stays(
    qtbot: QtBot, tab: InventoryTab, app_context: AppContext
) -> None:
    load(qtbot, tab)
    with qtbot.assert_not_emitted(app_context.worker.error_reported):
        tab.show_product("no-such-product")
        qtbot.waitUntil(lambda: tab.message_bar.isVisibleTo(tab), timeout=LOAD_TIMEOUT_MS)
    assert tab.message_bar.text.text().startswith(
        "AX does not know the product no-such-product (HTTP 404)."
    )
    index = tab.inventory_index
    assert index is not None
    assert index.product_code == PRODUCT


@pytest.mark.e2e
def test_a_refused_api_key_is_a_sentence(
    qtbot: QtBot, tab: InventoryTab, app_context: AppContext, sandbox: RunningSandbox
) -> None:
    client = AxClient(sandbox.base_url, "wrong-key", sandbox.channel_code, max_retries=0)
    app_context.connection.use(
        ConnectionProfile("Wrong key", ENVIRONMENT_TEST, sandbox.base_url), client
    )
    with qtbot.assert_not_emitted(app_context.worker.error_reported):
        tab.show_product(PRODUCT)
        qtbot.waitUntil(lambda: tab.message_bar.isVisibleTo(tab), timeout=LOAD_TIMEOUT_MS)
    assert tab.message_bar.text.text() == (
        "AX refused the API key or the channel code (HTTP 403). Check both in the connection "
        "settings. AX said: 이 작업을 수행할 권한(permission)이 없습니다."
    )
    assert tab.inventory_index is None


@pytest.mark.e2e
def test_an_unreachable_server_is_a_sentence(
    qtbot: QtBot, tab: InventoryTab, app_context: AppContext
) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    base_url = f"http://127.0.0.1:{closed_port}"
    client = AxClient(base_url, "key", "channel", max_retries=0, timeout=2.0)
    app_context.connection.use(ConnectionProfile("Nowhere", ENVIRONMENT_TEST, base_url), client)
    with qtbot.assert_not_emitted(app_context.worker.error_reported):
        tab.show_product(PRODUCT)
        qtbot.waitUntil(lambda: tab.message_bar.isVisibleTo(tab), timeout=LOAD_TIMEOUT_MS)
    assert tab.message_bar.text.text() == (
        "Could not connect to AX at 127.0.0.1: the connection was refused or the network is down."
    )


def test_without_a_connection_the_tab_says_so(
    qtbot: QtBot, tab: InventoryTab, app_context: AppContext
) -> None:
    app_context.connection.drop()
    with qtbot.assert_not_emitted(app_context.worker.error_reported):
        tab.show_product(PRODUCT)
    assert tab.message_bar.text.text() == (
        "Not connected to AX. Choose a connection in Connection > Connect."
    )


def test_without_a_connection_the_tab_says_so_in_korean(
    qtbot: QtBot, tab: InventoryTab, app_context: AppContext, qapp: QCoreApplication, tmp_path: Path
) -> None:
    shutil.copy(translations_dir() / "axdesk_ko.ts", tmp_path / "axdesk_ko.ts")
    i18n.build(tmp_path)
    app_context.connection.drop()
    translations = Translations(qapp, tmp_path)
    try:
        translations.apply("ko")
        with qtbot.assert_not_emitted(app_context.worker.error_reported):
            tab.show_product(PRODUCT)
        assert tab.message_bar.text.text() == (
            "AX에 연결되지 않았습니다. 연결 > 연결 설정…에서 연결을 선택하세요."
        )
    finally:
        translations.apply("en")


def test_refresh_without_a_product_asks_for_one(tab: InventoryTab) -> None:
    tab.refresh()
    assert tab.message_bar.text.text().startswith("Choose a product from the list")
