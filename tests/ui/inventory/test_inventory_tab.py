"""The Inventory tab end to end: the sandbox over real loopback, seeded with every state.

Broken numbers (remain + ordered != max) and malformed answers cannot come
from the sandbox, which keeps its numbers right: those come from an
``AxClient`` over ``httpx.MockTransport``.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import socket
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from PySide6.QtCore import QCoreApplication, QDate, QEvent, QLocale, QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHeaderView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from axdesk.api import AxClient
from axdesk.sandbox.embedded import RunningSandbox
from axdesk.store.export import read_csv
from axdesk.ui.common import i18n
from axdesk.ui.common.context import ENVIRONMENT_TEST, AppContext, ConnectionProfile, SlotRef
from axdesk.ui.common.i18n import Translations
from axdesk.ui.common.notice_bar import PROBLEM
from axdesk.ui.common.resources import translations_dir
from axdesk.ui.inventory.index import ALL_OPTIONS, SlotState
from axdesk.ui.inventory.painting import STATE_COLOURS
from axdesk.ui.inventory.slot_model import SlotTableModel
from axdesk.ui.inventory.tab import InventoryTab
from axdesk.ui.shell.bootstrap import Shell

TODAY = dt.date(2030, 3, 1)
PRODUCT = "prod-seoul-walk"
OTHER_PRODUCT = "prod-busan-night"
ADULT = "dc-adult"
CHILD = "dc-child"
LOAD_TIMEOUT_MS = 10_000

# Showing a top-level window on the offscreen platform logs this harmless warning.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def seed_slot(
    code: str, day: str, start: str, *, maximum: int, minimum: int, ordered: int, on_sale: bool
) -> dict[str, Any]:
    return {
        "inventory_code": code,
        "date": day,
        "start_time": start,
        "max_quantity": maximum,
        "min_quantity": minimum,
        "ordered_quantity": ordered,
        "is_order": on_sale,
    }


# One day per state, with the threshold at its default of 3 seats:
#   4 March: room and guaranteed     5 March: nearly full (2 left)
#   6 March: sold out                7 March: closed (not on sale)
#   8 March: room, below minimum     11 March: one guaranteed, one below minimum
#   2 April: the next month
SEED: dict[str, Any] = {
    "timezone": "Asia/Seoul",
    "credentials": [{"api_key": "inventory-test-key", "channel_code": "inventory-test-channel"}],
    "products": [
        {
            "product_code": PRODUCT,
            "name": "서울 도보 투어 / Seoul Walking Tour",
            "options": [
                {
                    "dc_code": ADULT,
                    "name": "성인 / Adult",
                    "channel_product_mapping_code": "map-adult",
                    "unit_price": "50000",
                    "currency": "KRW",
                    "slots": [
                        seed_slot(
                            "inv-room",
                            "2030-03-04",
                            "10:00",
                            maximum=20,
                            minimum=5,
                            ordered=5,
                            on_sale=True,
                        ),
                        seed_slot(
                            "inv-nearly",
                            "2030-03-05",
                            "10:00",
                            maximum=20,
                            minimum=5,
                            ordered=18,
                            on_sale=True,
                        ),
                        seed_slot(
                            "inv-sold",
                            "2030-03-06",
                            "10:00",
                            maximum=10,
                            minimum=5,
                            ordered=10,
                            on_sale=True,
                        ),
                        seed_slot(
                            "inv-closed",
                            "2030-03-07",
                            "10:00",
                            maximum=20,
                            minimum=5,
                            ordered=3,
                            on_sale=False,
                        ),
                        seed_slot(
                            "inv-below",
                            "2030-03-08",
                            "10:00",
                            maximum=20,
                            minimum=5,
                            ordered=2,
                            on_sale=True,
                        ),
                        seed_slot(
                            "inv-early",
                            "2030-03-11",
                            "09:00",
                            maximum=20,
                            minimum=5,
                            ordered=6,
                            on_sale=True,
                        ),
                        seed_slot(
                            "inv-late",
                            "2030-03-11",
                            "14:00",
                            maximum=20,
                            minimum=5,
                            ordered=1,
                            on_sale=True,
                        ),
                        seed_slot(
                            "inv-april",
                            "2030-04-02",
                            "10:00",
                            maximum=20,
                            minimum=5,
                            ordered=0,
                            on_sale=True,
                        ),
                    ],
                },
                {
                    "dc_code": CHILD,
                    "name": "어린이 / Child",
                    "channel_product_mapping_code": "map-child",
                    "unit_price": "30000",
                    "currency": "KRW",
                    "slots": [
                        seed_slot(
                            "inv-child",
                            "2030-03-05",
                            "10:00",
                            maximum=10,
                            minimum=0,
                            ordered=1,
                            on_sale=True,
                        ),
                    ],
                },
            ],
        },
        {
            "product_code": OTHER_PRODUCT,
            "name": "부산 야경 투어 / Busan Night Tour",
            "options": [
                {
                    "dc_code": "dc-night",
                    "name": "성인 / Adult",
                    "channel_product_mapping_code": "map-night",
                    "unit_price": "39000",
                    "currency": "KRW",
                    "slots": [
                        seed_slot(
                            "inv-night",
                            "2030-05-15",
                            "19:30",
                            maximum=20,
                            minimum=6,
                            ordered=0,
                            on_sale=True,
                        ),
                    ],
                }
            ],
        },
    ],
}


@pytest.fixture
def sandbox_options(tmp_path: Path) -> dict[str, Any]:
    """Start the sandbox from the seed file above (it goes through the sandbox's checks)."""
    path = tmp_path / "inventory-seed.json"
    path.write_text(json.dumps(SEED, ensure_ascii=False), encoding="utf-8")
    return {"seed": path}


@pytest.fixture
def make_tab(qtbot: QtBot, app_context: AppContext) -> Iterator[Callable[..., InventoryTab]]:
    made: list[InventoryTab] = []

    def make(**options: Any) -> InventoryTab:
        options.setdefault("today", lambda: TODAY)
        tab = InventoryTab(app_context, **options)
        qtbot.addWidget(tab)
        made.append(tab)
        return tab

    yield make
    for tab in made:
        tab.shutdown()


@pytest.fixture
def tab(make_tab: Callable[..., InventoryTab]) -> InventoryTab:
    return make_tab()


def load(qtbot: QtBot, tab: InventoryTab, code: str = PRODUCT) -> None:
    with qtbot.waitSignal(tab.inventory_loaded, timeout=LOAD_TIMEOUT_MS) as loaded:
        tab.show_product(code)
    assert loaded.args == [code]


def day_text(tab: InventoryTab, day: dt.date) -> str:
    model = tab.calendar.month_model()
    text = model.data(model.index_of(day), Qt.ItemDataRole.AccessibleTextRole)
    assert isinstance(text, str)
    return text


def table_texts(tab: InventoryTab, column: int) -> list[str]:
    model = tab.day_panel.slot_model
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def use_fake_server(ctx: AppContext, handler: Callable[[httpx.Request], httpx.Response]) -> None:
    """Point the connection at a server that answers with ``handler`` (no network)."""
    client = AxClient(
        "https://test.ax-cloud.com",
        "fake-key",
        "fake-channel",
        transport=httpx.MockTransport(handler),
        max_retries=0,
    )
    ctx.connection.use(
        ConnectionProfile("Fake", ENVIRONMENT_TEST, "https://test.ax-cloud.com"), client
    )


def wire_slot(code: str, day: str, *, remain: int, ordered: int, maximum: int) -> dict[str, Any]:
    return {
        "inventory_code": code,
        "date": day,
        "start_time": "10:00",
        "day_of_the_week": "Sunday",
        "is_order": True,
        "max_quantity": maximum,
        "min_quantity": 2,
        "remain_quantity": remain,
        "ordered_quantity": ordered,
    }


# ---------------------------------------------------------------------------- loading


@pytest.mark.e2e
def test_loads_a_product_picked_from_the_catalog(
    qtbot: QtBot, tab: InventoryTab, app_context: AppContext
) -> None:
    names = [tab.product_combo.itemText(i) for i in range(tab.product_combo.count())]
    assert names == ["부산 야경 투어 / Busan Night Tour", "서울 도보 투어 / Seoul Walking Tour"]
    with qtbot.assert_not_emitted(app_context.worker.error_reported):
        with qtbot.waitSignal(tab.inventory_loaded, timeout=LOAD_TIMEOUT_MS) as loaded:
            tab.product_combo.setCurrentIndex(1)
            tab.product_combo.activated.emit(1)
        assert loaded.args == [PRODUCT]
    index = tab.inventory_index
    assert index is not None
    assert index.slot_count == 9
    assert tab.calendar.visible_month() == (2030, 3)
    assert not tab.message_bar.isVisibleTo(tab)
    assert "9 slots" in tab.status_label.text()
    assert app_context.settings.recent_products[0] == PRODUCT


@pytest.mark.e2e
def test_enter_in_the_product_box_asks_ax_once(
    qtbot: QtBot, tab: InventoryTab, app_context: AppContext, sandbox: RunningSandbox
) -> None:
    """Enter in the editable product box fires both "activated" and returnPressed."""
    paths: list[str] = []
    app_context.connection.call_finished.connect(lambda record: paths.append(record.path))
    sandbox.state.faults.latency_ms = 400  # the first request is still on its way
    with qtbot.waitSignal(tab.inventory_loaded, timeout=LOAD_TIMEOUT_MS):
        tab.product_combo.setCurrentIndex(1)
        tab.product_combo.activated.emit(1)
        qtbot.wait(50)
        tab.refresh()
    qtbot.wait(200)
    assert [path for path in paths if "/inventory/" in path] == [
        f"/v1/channel/inventory/tour/{PRODUCT}"
    ]


@pytest.mark.e2e
def test_a_pasted_product_code_loads_and_becomes_a_recent_product(
    qtbot: QtBot, make_tab: Callable[..., InventoryTab], app_context: AppContext
) -> None:
    tab = make_tab()
    tab.product_combo.setEditText(f"  {OTHER_PRODUCT} ")
    assert tab.current_product_code() == OTHER_PRODUCT
    with qtbot.waitSignal(tab.inventory_loaded, timeout=LOAD_TIMEOUT_MS):
        tab.refresh()
    assert app_context.settings.recent_products == (OTHER_PRODUCT,)
    assert tab.calendar.visible_month() == (2030, 5)  # jumped to its first departure
    later = make_tab()
    assert later.product_combo.itemText(0) == "부산 야경 투어 / Busan Night Tour"


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


# ---------------------------------------------------------------------------- states


@pytest.mark.e2e
def test_each_day_shows_its_state_in_colour_and_in_words(qtbot: QtBot, tab: InventoryTab) -> None:
    load(qtbot, tab)
    tab.set_option(ADULT)
    index = tab.inventory_index
    assert index is not None
    expected = {
        4: SlotState.ROOM,
        5: SlotState.NEARLY_FULL,
        6: SlotState.SOLD_OUT,
        7: SlotState.CLOSED,
        8: SlotState.ROOM,
    }
    for day, state in expected.items():
        summary = index.summary(dt.date(2030, 3, day), ADULT)
        assert summary is not None
        assert summary.state is state, day
    assert "Seats left: 15." in day_text(tab, dt.date(2030, 3, 4))
    assert "Nearly full." in day_text(tab, dt.date(2030, 3, 5))
    assert "Seats left: 2." in day_text(tab, dt.date(2030, 3, 5))
    assert "Sold out." in day_text(tab, dt.date(2030, 3, 6))
    assert "closed, not on sale" in day_text(tab, dt.date(2030, 3, 7))
    assert "Guaranteed to run: 1." in day_text(tab, dt.date(2030, 3, 4))
    below = day_text(tab, dt.date(2030, 3, 8))
    assert "Not yet guaranteed (below the minimum): 1." in below
    assert "Guaranteed" not in below
    both = day_text(tab, dt.date(2030, 3, 11))
    assert "Guaranteed to run: 1." in both
    assert "Not yet guaranteed (below the minimum): 1." in both
    assert day_text(tab, dt.date(2030, 3, 9)).endswith("no departures.")

    # The painted cells carry each state's colour in their bottom strip.
    tab.resize(1200, 800)
    tab.show()
    qtbot.waitExposed(tab)
    image = tab.calendar.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    for day, state in expected.items():
        rect = tab.calendar.visualRect(tab.calendar.month_model().index_of(dt.date(2030, 3, day)))
        point = QPoint(rect.center().x(), rect.bottom() - 3)
        colour = QColor(image.pixel(round(point.x() * ratio), round(point.y() * ratio)))
        wanted = STATE_COLOURS[state]
        assert abs(colour.red() - wanted.red()) < 12, (day, colour.name(), wanted.name())
        assert abs(colour.green() - wanted.green()) < 12, (day, colour.name(), wanted.name())
        assert abs(colour.blue() - wanted.blue()) < 12, (day, colour.name(), wanted.name())


@pytest.mark.e2e
def test_the_option_filter_changes_the_day_state(qtbot: QtBot, tab: InventoryTab) -> None:
    load(qtbot, tab)
    labels = [tab.option_combo.itemText(i) for i in range(tab.option_combo.count())]
    assert labels == ["All options", "성인 / Adult", "어린이 / Child"]
    assert tab.selected_option() is ALL_OPTIONS
    assert day_text(tab, dt.date(2030, 3, 5)).split(": ", 1)[1].startswith("On sale.")
    assert "Seats left: 11." in day_text(tab, dt.date(2030, 3, 5))  # 2 adult + 9 child
    tab.option_combo.setCurrentIndex(1)
    assert tab.selected_option() == ADULT
    assert "Nearly full." in day_text(tab, dt.date(2030, 3, 5))
    tab.option_combo.setCurrentIndex(2)
    assert day_text(tab, dt.date(2030, 3, 4)).endswith("no departures.")


@pytest.mark.e2e
def test_an_option_missing_from_the_catalog_is_shown_by_its_code(
    qtbot: QtBot, make_tab: Callable[..., InventoryTab], app_context: AppContext
) -> None:
    assert app_context.catalog.delete_option(CHILD)
    tab = make_tab()
    load(qtbot, tab)
    labels = [tab.option_combo.itemText(i) for i in range(tab.option_combo.count())]
    assert labels == ["All options", "성인 / Adult", CHILD]


# ---------------------------------------------------------------------------- a day's slots


@pytest.mark.e2e
def test_selecting_a_day_lists_its_slots(qtbot: QtBot, tab: InventoryTab) -> None:
    load(qtbot, tab)
    tab.calendar.set_selected_date(dt.date(2030, 3, 11))
    heading = tab.day_panel.day_label.text()
    assert "Monday" in heading
    assert "11" in heading
    assert "2030" in heading
    assert table_texts(tab, SlotTableModel.START) == ["09:00", "14:00"]
    assert table_texts(tab, SlotTableModel.OPTION) == ["성인 / Adult", "성인 / Adult"]
    assert table_texts(tab, SlotTableModel.SEATS) == ["14 / 20", "19 / 20"]
    assert table_texts(tab, SlotTableModel.PARTICIPANTS) == ["6 / 5", "1 / 5"]
    assert table_texts(tab, SlotTableModel.STATE) == ["On sale", "On sale"]
    model = tab.day_panel.slot_model
    spoken = [
        model.data(
            model.index(row, SlotTableModel.PARTICIPANTS), Qt.ItemDataRole.AccessibleTextRole
        )
        for row in range(2)
    ]
    assert spoken == ["6 of min. 5, guaranteed", "1 of min. 5, 4 more needed"]
    assert "Departures on sale: 2. Seats left: 33." in tab.day_panel.day_summary_label.text()

    tab.calendar.set_selected_date(dt.date(2030, 3, 7))
    assert table_texts(tab, SlotTableModel.STATE) == ["Closed"]
    assert not tab.day_panel.book_button.isEnabled()
    tab.calendar.set_selected_date(dt.date(2030, 3, 9))
    assert tab.day_panel.slot_model.rowCount() == 0
    assert tab.day_panel.day_summary_label.text() == "No departures on this day."


@pytest.mark.e2e
def test_book_this_slot_emits_the_slot_for_the_order_form(
    qtbot: QtBot, tab: InventoryTab, app_context: AppContext
) -> None:
    load(qtbot, tab)
    tab.calendar.set_selected_date(dt.date(2030, 3, 11))
    tab.day_panel.slot_table.selectRow(1)
    expected = SlotRef(PRODUCT, ADULT, dt.date(2030, 3, 11), dt.time(14, 0), "inv-late")
    with (
        qtbot.assert_not_emitted(app_context.worker.error_reported),
        qtbot.waitSignal(tab.book_slot_requested) as booked,
    ):
        qtbot.mouseClick(tab.day_panel.book_button, Qt.MouseButton.LeftButton)
    assert booked.args == [expected]

    tab.day_panel.slot_table.selectRow(0)
    with qtbot.waitSignal(tab.book_slot_requested) as by_key:
        qtbot.keyClick(tab.day_panel.slot_table, Qt.Key.Key_Return)
    assert by_key.args[0].inventory_code == "inv-early"


@pytest.mark.e2e
def test_double_click_books_and_a_sold_out_slot_is_refused_in_words(
    qtbot: QtBot, tab: InventoryTab
) -> None:
    load(qtbot, tab)
    tab.resize(1200, 800)
    tab.show()
    qtbot.waitExposed(tab)
    tab.calendar.set_selected_date(dt.date(2030, 3, 4))
    center = tab.day_panel.slot_table.visualRect(tab.day_panel.slot_model.index(0, 1)).center()
    viewport = tab.day_panel.slot_table.viewport()
    with qtbot.waitSignal(tab.book_slot_requested) as booked:
        qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=center)
        qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=center)
        qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=center)
    assert booked.args[0].inventory_code == "inv-room"

    tab.calendar.set_selected_date(dt.date(2030, 3, 6))
    assert not tab.day_panel.book_button.isEnabled()
    with qtbot.assert_not_emitted(tab.book_slot_requested):
        qtbot.keyClick(tab.day_panel.slot_table, Qt.Key.Key_Return)
    assert tab.message_bar.text.text() == ("This departure is sold out. Choose another departure.")


# ---------------------------------------------------------------------------- months


@pytest.mark.e2e
def test_month_navigation_by_buttons_and_keys(qtbot: QtBot, tab: InventoryTab) -> None:
    load(qtbot, tab)
    assert tab.month_label.text() == "March 2030"
    qtbot.mouseClick(tab.next_button, Qt.MouseButton.LeftButton)
    assert tab.month_label.text() == "April 2030"
    assert "Seats left: 20." in day_text(tab, dt.date(2030, 4, 2))
    qtbot.keyClick(tab.calendar, Qt.Key.Key_PageUp)
    assert tab.month_label.text() == "March 2030"
    qtbot.mouseClick(tab.previous_button, Qt.MouseButton.LeftButton)
    assert tab.calendar.visible_month() == (2030, 2)
    qtbot.keyClick(tab.calendar, Qt.Key.Key_PageDown)
    tab.calendar.set_selected_date(dt.date(2030, 3, 31))
    qtbot.keyClick(tab.calendar, Qt.Key.Key_Right)
    assert tab.calendar.selected_date() == dt.date(2030, 4, 1)
    assert tab.month_label.text() == "April 2030"
    qtbot.mouseClick(tab.today_button, Qt.MouseButton.LeftButton)
    assert tab.calendar.selected_date() == TODAY
    assert "(today)" in day_text(tab, TODAY)


# ---------------------------------------------------------------------------- export


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


# ---------------------------------------------------------------------------- errors


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


# ---------------------------------------------------------------------------- broken numbers


def test_numbers_that_do_not_add_up_are_flagged_not_fixed(
    qtbot: QtBot, tab: InventoryTab, app_context: AppContext
) -> None:
    body = {
        "status_code": 200,
        "option_codes": {
            ADULT: [
                wire_slot("inv-broken", "2030-03-04", remain=20, ordered=5, maximum=20),
                wire_slot("inv-negative", "2030-03-05", remain=-1, ordered=21, maximum=20),
                wire_slot("inv-fine", "2030-03-06", remain=15, ordered=5, maximum=20),
            ]
        },
    }
    use_fake_server(app_context, lambda request: httpx.Response(200, json=body))
    with qtbot.assert_not_emitted(app_context.worker.error_reported):
        load(qtbot, tab)
    assert tab.warning_bar.isVisibleTo(tab)
    assert tab.warning_bar.text.text().startswith(
        "Numbers that do not add up in 2 of the slots AX sent"
    )
    assert "Warning: slots with numbers that do not add up: 1." in day_text(
        tab, dt.date(2030, 3, 4)
    )
    assert "Warning" not in day_text(tab, dt.date(2030, 3, 6))

    tab.calendar.set_selected_date(dt.date(2030, 3, 4))
    model = tab.day_panel.slot_model
    warnings = model.index(0, SlotTableModel.WARNINGS)
    tooltip = model.data(warnings, Qt.ItemDataRole.ToolTipRole)
    assert "20 remaining and 5 ordered, which does not add up to its maximum of 20" in tooltip
    assert not model.data(warnings, Qt.ItemDataRole.DecorationRole).isNull()
    assert table_texts(tab, SlotTableModel.SEATS) == ["20 / 20"]  # as received, not repaired

    tab.calendar.set_selected_date(dt.date(2030, 3, 20))
    qtbot.mouseClick(tab.warning_bar.action, Qt.MouseButton.LeftButton)
    assert tab.calendar.selected_date() == dt.date(2030, 3, 4)


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


# ---------------------------------------------------------------------------- access


def test_every_control_has_an_accessible_name(tab: InventoryTab) -> None:
    def is_qt_internal(control: QWidget) -> bool:
        """Corner buttons, headers and combo pop-ups belong to Qt, which names them."""
        if control.objectName().startswith("qt_") or isinstance(control, QHeaderView):
            return True
        parent = control.parentWidget()
        while parent is not None:
            if isinstance(parent, QComboBox):
                return True
            parent = parent.parentWidget()
        return False

    controls: list[QWidget] = [
        *tab.findChildren(QAbstractButton),
        *tab.findChildren(QComboBox),
        *tab.findChildren(QAbstractItemView),
    ]
    checked = [control for control in controls if not is_qt_internal(control)]
    assert len(checked) >= 14
    assert [type(c).__name__ for c in checked if not c.accessibleName()] == []


def test_tab_order_follows_the_screen(tab: InventoryTab) -> None:
    def next_focusable(widget: QWidget) -> QWidget:
        following = widget.nextInFocusChain()
        while following is not None and (
            following.focusPolicy() == Qt.FocusPolicy.NoFocus or following.isAncestorOf(widget)
        ):
            following = following.nextInFocusChain()
        assert following is not None
        return following

    order: list[QWidget] = [tab.product_combo]
    for _ in range(12):
        order.append(next_focusable(order[-1]))
    wanted: list[QWidget] = [
        tab.refresh_button,
        tab.option_combo,
        tab.previous_button,
        tab.next_button,
        tab.today_button,
        tab.export_button,
        tab.calendar,
        tab.day_panel.slot_table,
        tab.day_panel.book_button,
    ]
    positions = [order.index(widget) for widget in wanted]
    assert positions == sorted(positions)


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


def test_a_language_switch_rewrites_the_texts_live(qtbot: QtBot, tab: InventoryTab) -> None:
    load(qtbot, tab)
    previous = QLocale()
    korean = QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea)
    QLocale.setDefault(korean)
    try:
        QCoreApplication.sendEvent(tab, QEvent(QEvent.Type.LanguageChange))
        assert tab.month_label.text() == f"{korean.standaloneMonthName(3)} 2030"
        first = tab.calendar.month_model().first_weekday
        assert first == korean.firstDayOfWeek().value - 1
        assert tab.calendar.month_model().headerData(0, Qt.Orientation.Horizontal) == (
            korean.dayName(first + 1, QLocale.FormatType.ShortFormat)
        )
        assert korean.toString(QDate(2030, 3, 4), QLocale.FormatType.LongFormat) in day_text(
            tab, dt.date(2030, 3, 4)
        )
        assert tab.calendar.selected_date() == TODAY
    finally:
        QLocale.setDefault(previous)
        QCoreApplication.sendEvent(tab, QEvent(QEvent.Type.LanguageChange))
    assert tab.month_label.text() == "March 2030"
