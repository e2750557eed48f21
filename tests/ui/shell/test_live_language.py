"""A live language switch reaches the sentences already on screen: the last banner, the
"not connected" sentence, the status bar's note, the Sandbox profile's name; and counts
read naturally in English (Qt numerus: "1 product", "2 products")."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from axdesk.store.paths import AppPaths
from axdesk.store.problems import Problem
from axdesk.store.settings import REPAIRED, SOME_VALUES_INVALID
from axdesk.ui.app import launch
from axdesk.ui.catalog.files import export_summary
from axdesk.ui.common import i18n
from axdesk.ui.common.context import NotConnectedError
from axdesk.ui.common.resources import translations_dir
from axdesk.ui.shell.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture(scope="module")
def compiled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("translations")
    for ts in translations_dir().glob("*.ts"):
        shutil.copy(ts, folder / ts.name)
    i18n.build(folder)
    return folder


@pytest.fixture
def window(qtbot, qapp, compiled: Path) -> Iterator[MainWindow]:
    built = launch(
        qapp,
        AppPaths.default(),
        sandbox=True,
        language="en",
        sandbox_options={"random_seed": 7},
        translations_dir=compiled,
    )
    qtbot.addWidget(built)
    built.show()
    yield built
    built.set_language("en")
    built.close()


def switch(qtbot, window: MainWindow, language: str, marker: str) -> None:
    window.set_language(language)
    qtbot.waitUntil(lambda: window.actions_.file_menu.title() == marker)


def test_the_banner_and_the_status_bar_follow_a_live_switch(qtbot, window: MainWindow) -> None:
    window.ctx.worker.report_error(NotConnectedError())
    assert window.notice.text.text() == (
        "Not connected to AX. Choose a connection in Connection > Connect."
    )
    assert window.status.state_label.text().startswith("Connected: Sandbox (")
    window.status.show_note(export_summary(1, Path("catalog.csv")))
    assert window.status.note() == "Exported 1 product to catalog.csv."

    switch(qtbot, window, "ko", "파일(&F)")
    assert window.notice.text.text().startswith("AX에 연결되지 않았습니다.")
    assert window.status.state_label.text().startswith("연결됨: 샌드박스 (")
    assert window.status.note().startswith("상품 1개")

    switch(qtbot, window, "en", "&File")
    assert window.notice.text.text().startswith("Not connected to AX.")
    assert window.status.state_label.text().startswith("Connected: Sandbox (")


def test_settings_warnings_shown_at_start_follow_a_switch(qtbot, window: MainWindow) -> None:
    window.ctx.settings.warnings.append(
        Problem(REPAIRED, Problem(SOME_VALUES_INVALID), "settings.json.bad")
    )
    window.show_settings_warnings()
    assert "was repaired" in window.notice.text.text()
    switch(qtbot, window, "ko", "파일(&F)")
    assert "was repaired" not in window.notice.text.text()
    assert "settings.json.bad" in window.notice.text.text()


def test_counts_read_naturally_in_english(qtbot, window: MainWindow) -> None:
    assert export_summary(1, Path("c.csv")) == "Exported 1 product to c.csv."
    assert export_summary(2, Path("c.csv")) == "Exported 2 products to c.csv."


def test_the_inventorys_not_connected_banner_follows_a_switch(qtbot, window: MainWindow) -> None:
    window.ctx.connection.drop()
    inventory = window.inventory_tab
    inventory.show_product(window.ctx.catalog.list_products()[0].product_code)
    assert inventory.message_bar.text.text().startswith("Not connected to AX.")
    switch(qtbot, window, "ko", "파일(&F)")
    assert inventory.message_bar.text.text().startswith("AX에 연결되지 않았습니다.")
    assert window.status.state_label.text().startswith("연결되지 않았습니다.")
