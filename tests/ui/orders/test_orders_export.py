"""The Orders tab's exports (OrderExport): the table and the manifest, every page, a bad place.

The real sandbox over loopback and the app's own context (see test_orders_support).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from test_orders_support import make_tab, place_order, traveler

from axdesk.sandbox.embedded import RunningSandbox
from axdesk.store.export import CellValue, ManifestEntry, read_csv
from axdesk.store.journal_queries import OrderFilter, OrderSort
from axdesk.ui.common.context import AppContext
from axdesk.ui.orders import export as orders_export
from axdesk.ui.orders.export import manifest_entries, table_rows
from axdesk.ui.orders.table_model import Column, cell_text

pytestmark = [
    pytest.mark.e2e,
    # The offscreen platform plugin says this whenever a shown top-level widget's size
    # hints change; it is a limit of the test platform, not a fault of the tab.
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


def test_export_table_and_manifest_round_trip(
    qtbot: Any, app_context: AppContext, sandbox: RunningSandbox, tmp_path: Path
) -> None:
    first = place_order(app_context, sandbox, [traveler("김민준"), traveler("이서연")])
    place_order(app_context, sandbox, [traveler("Park Jisoo")], option=1)
    tab = make_tab(qtbot, app_context)
    assert tab.model.rowCount() == 2

    target = tmp_path / "orders.csv"
    with (
        qtbot.assert_not_emitted(app_context.worker.error_reported),
        qtbot.waitSignal(tab.export_finished, timeout=5_000) as done,
    ):
        tab.exporting.export_table(target)
    assert done.args == [str(target), 2]
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    header, rows = read_csv(target)
    titles = [str(tab.model.headerData(c, Qt.Orientation.Horizontal)) for c in range(len(Column))]
    total_at = int(Column.TOTAL)
    assert header == [*titles[: total_at + 1], "Currency", *titles[total_at + 1 :]]
    shown = [[cell_text(row, column, tab.zone()) for column in Column] for row in tab.model.rows()]
    # The same cells as the table, but the total as a plain decimal with its currency beside it.
    assert [[*row[:total_at], *row[total_at + 2 :]] for row in rows] == [
        [*cells[:total_at], *cells[total_at + 1 :]] for cells in shown
    ]
    for written, order in zip(rows, tab.model.rows(), strict=True):
        assert order.total is not None
        assert written[total_at + 1] == "KRW"
        assert written[total_at].isdigit()  # "150000": no symbol, grouping or decimals for KRW
        assert Decimal(written[total_at]) == order.total  # so a spreadsheet can sum the column

    manifest = tmp_path / "manifest.csv"
    with qtbot.waitSignal(tab.export_finished, timeout=5_000) as done:
        tab.exporting.export_manifest(first.slot.date, manifest)
    header, rows = read_csv(manifest)
    assert header[:5] == ["Date", "Time", "Product", "Option", "Traveler"]
    names = {row[4] for row in rows}
    assert {"김민준", "이서연"} <= names
    assert all(row[0] == first.slot.date.isoformat() for row in rows)
    assert done.args[1] == len(rows)


def test_exports_read_every_page_of_the_journal(
    app_context: AppContext, sandbox: RunningSandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = place_order(app_context, sandbox, [traveler("김민준"), traveler("이서연")])
    place_order(app_context, sandbox, [traveler("Park Jisoo")])
    place_order(app_context, sandbox, [traveler("Lee Minho")])
    journal, zone = app_context.journal, ZoneInfo("Asia/Seoul")

    def exported() -> tuple[list[list[CellValue]], list[ManifestEntry]]:
        table = table_rows(journal, OrderFilter(), OrderSort.CREATED, True, zone)
        return table, manifest_entries(journal, first.slot.date, zone)

    in_one_page = exported()
    monkeypatch.setattr(orders_export, "EXPORT_PAGE", 2)  # three orders: two pages

    assert exported() == in_one_page
    assert len(in_one_page[0]) == 3
    assert {"김민준", "이서연"} <= {entry.traveler_name for entry in in_one_page[1]}


def test_export_to_an_unwritable_place_is_a_sentence(
    qtbot: Any, app_context: AppContext, sandbox: RunningSandbox, tmp_path: Path
) -> None:
    tab = make_tab(qtbot, app_context)
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with (
        qtbot.assert_not_emitted(app_context.worker.error_reported),
        qtbot.waitSignal(tab.export_failed, timeout=5_000) as failed,
    ):
        tab.exporting.export_table(blocker / "orders.csv")
    assert failed.args[0].startswith("Could not write")
