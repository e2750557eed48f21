"""The Orders tab end to end: the real sandbox over loopback, the app's own context."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QMessageBox,
    QWidget,
)
from test_orders_support import MANUAL_SUPPLIER, Placed, place_order, traveler, type_text

from axdesk.api import AxClient, OrderStatus, TicketStatus
from axdesk.sandbox.embedded import RunningSandbox
from axdesk.store.cancel import CancelOutcome
from axdesk.store.export import CellValue, ManifestEntry, read_csv
from axdesk.store.journal import JournalState, OrderFilter, OrderSort
from axdesk.store.sync import SyncChange
from axdesk.ui.common.context import AppContext, ConnectionProfile
from axdesk.ui.orders import export as orders_export
from axdesk.ui.orders.cancel_dialogs import CancelAllDialog, CancelReportDialog, CancelTicketDialog
from axdesk.ui.orders.export import ManifestDialog, manifest_entries, table_rows
from axdesk.ui.orders.lookup import LookupDialog
from axdesk.ui.orders.tab import OrdersTab
from axdesk.ui.orders.table_model import Column, cell_text

pytestmark = [
    pytest.mark.e2e,
    # The offscreen platform plugin says this whenever a shown top-level widget's size
    # hints change; it is a limit of the test platform, not a fault of the tab.
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


@pytest.fixture
def sandbox_options() -> dict[str, Any]:
    return dict(MANUAL_SUPPLIER)


def make_tab(
    qtbot: Any, ctx: AppContext, *, sync: bool = False, interval: float = 0.2
) -> OrdersTab:
    tab = OrdersTab(ctx, poll_interval_seconds=interval, start_sync=sync)
    qtbot.addWidget(tab)
    tab.resize(1280, 760)
    tab.show()
    qtbot.waitExposed(tab)
    tab.activateWindow()
    qtbot.waitUntil(lambda: tab.model.has_loaded)
    return tab


def wait_query(qtbot: Any, tab: OrdersTab, text: str) -> None:
    qtbot.waitUntil(
        lambda: (
            tab.model.has_loaded and tab.model.criteria.text == text and not tab.model.is_loading
        )
    )


def test_sync_picks_up_supplier_confirm_and_reject(
    qtbot: Any, app_context: AppContext, sandbox: RunningSandbox
) -> None:
    first = place_order(app_context, sandbox, [traveler("김민준")])
    second = place_order(app_context, sandbox, [traveler("Park Jisoo")], option=1)
    tab = make_tab(qtbot, app_context)
    notes: list[tuple[str, str]] = []
    tab.notify.connect(lambda title, text: notes.append((title, text)))
    changes: list[SyncChange] = []
    tab.status_changed.connect(changes.append)

    sandbox.state.set_order_status(first.ax_order_code, int(OrderStatus.SUPPLIER_CONFIRM))
    sandbox.state.set_order_status(second.ax_order_code, int(OrderStatus.SUPPLIER_REJECT), "만석")
    with qtbot.assert_not_emitted(app_context.worker.error_reported):
        tab.sync.start()
        qtbot.waitUntil(lambda: len(notes) == 2, timeout=10_000)

    by_code = {change.ax_order_code: change for change in changes}
    assert by_code[first.ax_order_code].old is OrderStatus.NEW
    assert by_code[first.ax_order_code].new is OrderStatus.SUPPLIER_CONFIRM
    assert by_code[second.ax_order_code].new is OrderStatus.SUPPLIER_REJECT
    titles = sorted(title for title, _text in notes)
    assert titles == ["Supplier confirmed an order", "Supplier rejected an order"]
    assert any("만석" in text for _title, text in notes)

    def shown_status(placed: Placed) -> str:
        row = tab.model.row_of(placed.code)
        assert row is not None
        return str(tab.model.index(row, int(Column.STATUS)).data())

    qtbot.waitUntil(lambda: shown_status(first) == "Supplier confirm")
    qtbot.waitUntil(lambda: shown_status(second) == "Supplier reject")
    detail = app_context.journal.get_order(second.code)
    assert detail is not None
    history = detail.ax_orders[0].history
    assert (history[-1].from_status, history[-1].to_status) == (
        OrderStatus.NEW,
        OrderStatus.SUPPLIER_REJECT,
    )

    # Final states are not asked about again.
    asked: list[str] = []
    app_context.connection.call_finished.connect(lambda record: asked.append(record.path))
    cycles = tab.sync.cycles_finished
    qtbot.waitUntil(lambda: tab.sync.cycles_finished >= cycles + 2, timeout=5_000)
    assert not [
        path for path in asked if first.ax_order_code in path or second.ax_order_code in path
    ]
    tab.shutdown()


def test_search_finds_by_name_and_by_phone_typed_differently(
    qtbot: Any, app_context: AppContext, sandbox: RunningSandbox
) -> None:
    minjun = place_order(
        app_context,
        sandbox,
        [traveler("김민준", "010-2345-6789"), traveler("이서연", "010-1111-2222")],
        purchaser=traveler("Choi Purchaser", "010-5555-0000", "choi@example.com"),
    )
    jisoo = place_order(app_context, sandbox, [traveler("Park Jisoo", "+82 10 9876 5432")])
    tab = make_tab(qtbot, app_context)
    assert tab.model.rowCount() == 2

    def search(text: str) -> list[str]:
        tab.filters.search_edit.clear()
        type_text(tab.filters.search_edit, text)
        wait_query(qtbot, tab, text)
        return [row.channel_order_code for row in tab.model.rows()]

    with qtbot.assert_not_emitted(app_context.worker.error_reported):
        assert search("민준") == [minjun.code]
        assert search("서연") == [minjun.code]
        assert search("jisoo") == [jisoo.code]
        assert search("choi@example") == [minjun.code]
        # Stored as "+82 10 9876 5432"; typed as a Korean caller says it.
        assert search("010-9876-5432") == [jisoo.code]
        assert search("01098765432") == [jisoo.code]
        # Stored as "010-2345-6789"; typed with the country code.
        assert search("+82 10 2345 6789") == [minjun.code]
        assert search(minjun.ax_order_code[:13]) == [minjun.code]
        assert search("nobody-like-this") == []
    assert tab.count_label.text() == "0 orders"


def test_keyboard_cancel_one_of_three_tickets(
    qtbot: Any, app_context: AppContext, sandbox: RunningSandbox
) -> None:
    placed = place_order(
        app_context,
        sandbox,
        [
            traveler("김민준", "010-2345-6789"),
            traveler("이서연", "010-3333-4444"),
            traveler("박지훈", "010-5555-6666"),
        ],
    )
    place_order(app_context, sandbox, [traveler("Someone Else", "010-7777-8888")])
    seats_before = sandbox.state.slot(placed.slot.inventory_code).remain_quantity
    tab = make_tab(qtbot, app_context)

    # Ctrl+F, type the caller's phone as they say it, Enter.
    qtbot.keyClick(tab, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert tab.filters.search_edit.hasFocus()
    qtbot.keyClicks(tab.filters.search_edit, "01033334444")
    with qtbot.waitSignal(tab.detail_shown, timeout=5_000):
        qtbot.keyClick(tab.filters.search_edit, Qt.Key.Key_Return)
    # The found order's tickets have the focus, on the caller's own ticket.
    qtbot.waitUntil(lambda: tab.detail.tickets_view.hasFocus())
    target = tab.detail.selected_target()
    assert target is not None
    assert target.traveler_name == "이서연"
    assert target.ticket_code == placed.ticket_code(1)

    # Delete opens the confirmation, which names the traveler, date and option.
    qtbot.keyClick(tab.detail.tickets_view, Qt.Key.Key_Delete)
    dialog = tab.active_dialog
    assert isinstance(dialog, CancelTicketDialog)
    facts = " ".join(label.text() for label in dialog.findChildren(type(tab.count_label)))
    assert "이서연" in facts
    assert placed.slot.start_time.strftime("%H:%M") in facts
    assert "성인 / Adult" in facts
    assert dialog.confirm_button.isDefault()

    # Enter confirms (the default button).
    with (
        qtbot.assert_not_emitted(app_context.worker.error_reported),
        qtbot.assert_not_emitted(tab.cancel_failed),
        qtbot.waitSignal(tab.ticket_cancelled, timeout=10_000) as cancelled,
    ):
        qtbot.keyClick(dialog.comment_edit, Qt.Key.Key_Return)
    assert cancelled.args == [placed.ticket_code(1)]

    # AX gave the seat back and cancelled exactly that ticket.
    assert sandbox.state.slot(placed.slot.inventory_code).remain_quantity == seats_before + 1
    tickets = {t.ax_ticket_code: t.status for t in sandbox.state.orders_for(placed.code)[0].tickets}
    assert tickets[placed.ticket_code(1)] == "Traveler canceled"
    assert tickets[placed.ticket_code(0)] == tickets[placed.ticket_code(2)] == "New"
    # The journal and the view agree.
    detail = app_context.journal.get_order(placed.code)
    assert detail is not None
    statuses = [ticket.status for ticket in detail.tickets]
    assert statuses == [TicketStatus.NEW, TicketStatus.TRAVELER_CANCELED, TicketStatus.NEW]
    assert detail.ax_orders[0].status is OrderStatus.NEW
    qtbot.waitUntil(
        lambda: (
            tab.detail.detail is not None
            and tab.detail.detail.tickets[1].status is TicketStatus.TRAVELER_CANCELED
        )
    )
    cancelled_row = tab.detail.tickets_model.index(1, 0)
    assert not (cancelled_row.flags() & Qt.ItemFlag.ItemIsSelectable)
    row = tab.model.row_of(placed.code)
    assert row is not None
    qtbot.waitUntil(
        lambda: str(tab.model.index(row, int(Column.TRAVELERS)).data()).startswith("2/3 · ")
    )


def test_cancel_all_tickets_reports_per_ticket(
    qtbot: Any, app_context: AppContext, sandbox: RunningSandbox
) -> None:
    placed = place_order(
        app_context,
        sandbox,
        [traveler("김민준"), traveler("이서연"), traveler("박지훈")],
    )
    # The third traveler already went on the tour: AX says Used, the journal does not know.
    sandbox.state.set_ticket_status(placed.ticket_code(2), "Used")
    seats_before = sandbox.state.slot(placed.slot.inventory_code).remain_quantity
    tab = make_tab(qtbot, app_context)
    with qtbot.waitSignal(tab.detail_shown):
        tab.show_order(placed.code)
    assert len(tab.detail.live_targets()) == 3

    tab.detail.cancel_all_button.click()
    confirm = tab.active_dialog
    assert confirm is not None
    assert confirm.ticket_list.topLevelItemCount() == 3  # type: ignore[attr-defined]
    with (
        qtbot.assert_not_emitted(app_context.worker.error_reported),
        qtbot.waitSignal(tab.cancel_all_finished, timeout=10_000) as finished,
    ):
        confirm.confirm_button.click()  # type: ignore[attr-defined]

    outcomes = finished.args[0]
    assert [(o.target.traveler_name, o.succeeded) for o in outcomes] == [
        ("김민준", True),
        ("이서연", True),
        ("박지훈", False),
    ]
    assert "used" in outcomes[2].detail.lower()
    assert isinstance(tab.active_dialog, CancelReportDialog)
    assert tab.active_dialog.result_list.topLevelItemCount() == 3
    assert sandbox.state.slot(placed.slot.inventory_code).remain_quantity == seats_before + 2
    detail = app_context.journal.get_order(placed.code)
    assert detail is not None
    assert [t.status for t in detail.tickets][:2] == [TicketStatus.TRAVELER_CANCELED] * 2


def test_cancel_all_makes_the_order_traveler_cancel(
    qtbot: Any, app_context: AppContext, sandbox: RunningSandbox
) -> None:
    placed = place_order(app_context, sandbox, [traveler("김민준"), traveler("이서연")])
    tab = make_tab(qtbot, app_context)
    with qtbot.waitSignal(tab.detail_shown):
        tab.show_order(placed.code)
    with qtbot.waitSignal(tab.cancel_all_finished, timeout=10_000) as finished:
        tab.cancelling.cancel_all(placed.code, tab.detail.live_targets(), "고객 요청")
    assert all(outcome.succeeded for outcome in finished.args[0])
    detail = app_context.journal.get_order(placed.code)
    assert detail is not None
    assert detail.ax_orders[0].status is OrderStatus.TRAVELER_CANCEL
    qtbot.waitUntil(lambda: not tab.detail.cancel_all_button.isEnabled())
    row = tab.model.row_of(placed.code)
    assert row is not None
    qtbot.waitUntil(lambda: tab.model.index(row, int(Column.STATUS)).data() == "Traveler cancel")


def test_cancel_retried_after_a_lost_answer_changes_nothing_further(
    qtbot: Any, app_context: AppContext, sandbox: RunningSandbox
) -> None:
    placed = place_order(app_context, sandbox, [traveler("김민준"), traveler("이서연")])
    seats_before = sandbox.state.slot(placed.slot.inventory_code).remain_quantity
    tab = make_tab(qtbot, app_context)
    with qtbot.waitSignal(tab.detail_shown):
        tab.show_order(placed.code)
    assert tab.detail.select_ticket(placed.ticket_code(0))

    sandbox.state.queue_fault("commit_then_drop", method="PATCH")
    target = tab.detail.selected_target()
    assert target is not None
    with qtbot.waitSignal(tab.cancel_failed, timeout=10_000):
        tab.cancelling.cancel_ticket(target, "lost answer test")
    # AX applied it, but the answer never came: the operator is offered a safe retry.
    assert sandbox.state.slot(placed.slot.inventory_code).remain_quantity == seats_before + 1
    box = tab.active_dialog
    assert isinstance(box, QMessageBox)
    assert box.property("retry") is True
    assert "safe" in box.informativeText()
    history_before = app_context.journal.get_order(placed.code)
    assert history_before is not None

    with (
        qtbot.assert_not_emitted(app_context.worker.error_reported),
        qtbot.waitSignal(tab.ticket_cancelled, timeout=10_000),
    ):
        qtbot.keyClick(box, Qt.Key.Key_Return)

    # The retry changed nothing further at AX: still one seat given back, one ticket cancelled.
    assert sandbox.state.slot(placed.slot.inventory_code).remain_quantity == seats_before + 1
    assert sandbox.state.seat_problems() == []
    tickets = {t.ax_ticket_code: t.status for t in sandbox.state.orders_for(placed.code)[0].tickets}
    assert tickets == {
        placed.ticket_code(0): "Traveler canceled",
        placed.ticket_code(1): "New",
    }
    detail = app_context.journal.get_order(placed.code)
    assert detail is not None
    assert [t.status for t in detail.tickets] == [TicketStatus.TRAVELER_CANCELED, TicketStatus.NEW]
    assert detail.ax_orders[0].history == history_before.ax_orders[0].history


def test_used_and_cancelled_tickets_cannot_be_selected_for_cancel(
    qtbot: Any, app_context: AppContext, sandbox: RunningSandbox
) -> None:
    placed = place_order(app_context, sandbox, [traveler("김민준"), traveler("이서연")])
    sandbox.state.set_ticket_status(placed.ticket_code(0), "Used")
    app_context.journal.update_ticket_status(placed.ticket_code(0), TicketStatus.USED)
    app_context.journal.update_ticket_status(placed.ticket_code(1), TicketStatus.TRAVELER_CANCELED)
    tab = make_tab(qtbot, app_context)
    with qtbot.waitSignal(tab.detail_shown):
        tab.show_order(placed.code)
    model = tab.detail.tickets_model
    for row in range(2):
        flags = model.index(row, 0).flags()
        assert not flags & Qt.ItemFlag.ItemIsSelectable
        assert not flags & Qt.ItemFlag.ItemIsEnabled
    assert "used" in str(model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole))
    assert not tab.detail.focus_tickets()
    assert tab.detail.selected_target() is None
    assert not tab.detail.cancel_button.isEnabled()
    assert not tab.detail.cancel_action.isEnabled()
    assert not tab.detail.cancel_all_button.isEnabled()
    qtbot.keyClick(tab.detail.tickets_view, Qt.Key.Key_Delete)
    assert tab.active_dialog is None


def test_lookup_and_import_an_order_made_elsewhere(
    qtbot: Any, app_context: AppContext, sandbox: RunningSandbox
) -> None:
    elsewhere = place_order(app_context, sandbox, [traveler("Walk In")], journal=False)
    sandbox.state.set_order_status(elsewhere.ax_order_code, int(OrderStatus.SUPPLIER_CONFIRM))
    tab = make_tab(qtbot, app_context)

    # Searching finds nothing and offers to ask AX.
    qtbot.keyClicks(tab.filters.search_edit, elsewhere.code)
    wait_query(qtbot, tab, elsewhere.code)
    assert tab.model.rowCount() == 0
    qtbot.waitUntil(lambda: tab.filters.hint_frame.isVisible())

    tab.filters.hint_button.click()
    dialog = tab.active_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.result_tree.topLevelItemCount() == 1)  # type: ignore[attr-defined]
    item = dialog.result_tree.topLevelItem(0)  # type: ignore[attr-defined]
    assert item.text(1) == elsewhere.ax_order_code
    assert item.text(2) == "Supplier confirm"
    assert dialog.import_button.isEnabled()  # type: ignore[attr-defined]
    assert app_context.journal.state_of(elsewhere.code) is None

    with (
        qtbot.assert_not_emitted(app_context.worker.error_reported),
        qtbot.waitSignal(tab.order_imported, timeout=5_000) as imported,
    ):
        dialog.import_button.click()  # type: ignore[attr-defined]
    assert imported.args == [elsewhere.code]
    assert app_context.journal.state_of(elsewhere.code) is JournalState.REMOTE
    qtbot.waitUntil(lambda: tab.model.row_of(elsewhere.code) is not None)
    row = tab.model.row_of(elsewhere.code)
    assert row is not None
    assert tab.model.index(row, int(Column.STATUS)).data() == "Supplier confirm"
    assert tab.model.index(row, int(Column.AX_ORDERS)).data() == elsewhere.ax_order_code


def test_lookup_of_an_unknown_code_says_so(
    qtbot: Any, app_context: AppContext, sandbox: RunningSandbox
) -> None:
    tab = make_tab(qtbot, app_context)
    with qtbot.assert_not_emitted(app_context.worker.error_reported):
        dialog = tab.lookup.open("no-such-order-123")
        qtbot.waitUntil(lambda: dialog.lookup_button.isEnabled())
    assert dialog.message_label.text().startswith(
        "AX does not know the order no-such-order-123 (HTTP 404)."
    )
    assert dialog.result_tree.topLevelItemCount() == 0
    assert not dialog.import_button.isEnabled()


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


def test_keyboard_walks_the_list_and_esc_keeps_the_tickets(
    qtbot: Any, app_context: AppContext, sandbox: RunningSandbox
) -> None:
    placed = place_order(app_context, sandbox, [traveler("김민준"), traveler("이서연")])
    tab = make_tab(qtbot, app_context)
    tab.search.focus()
    # Down from the search box walks into the list; Enter there moves to the tickets.
    with qtbot.waitSignal(tab.detail_shown, timeout=5_000):
        qtbot.keyClick(tab.filters.search_edit, Qt.Key.Key_Down)
    assert tab.table.hasFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.detail.tickets_view.hasFocus())
    assert tab.detail.selected_target() is not None

    # Ctrl+Shift+Delete asks to cancel every live ticket; Esc keeps them.
    qtbot.keyClick(
        tab.detail.tickets_view,
        Qt.Key.Key_Delete,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = tab.active_dialog
    assert dialog is not None
    assert dialog.windowTitle() == "Cancel all tickets"
    with qtbot.assert_not_emitted(tab.cancel_all_finished):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        qtbot.wait(200)
    assert tab.active_dialog is None
    tickets = [t.status for t in sandbox.state.orders_for(placed.code)[0].tickets]
    assert tickets == ["New", "New"]

    # Delete then Esc keeps the single ticket too.
    # (The offscreen platform does not give the window back its activation when a
    # dialog closes, as a desktop does; the tickets list is its focus widget again.)
    tab.activateWindow()
    qtbot.waitUntil(lambda: tab.detail.tickets_view.hasFocus())
    qtbot.keyClick(tab.detail.tickets_view, Qt.Key.Key_Delete)
    assert isinstance(tab.active_dialog, CancelTicketDialog)
    with qtbot.assert_not_emitted(tab.ticket_cancelled):
        qtbot.keyClick(tab.active_dialog, Qt.Key.Key_Escape)
        qtbot.wait(200)
    assert [t.status for t in sandbox.state.orders_for(placed.code)[0].tickets] == ["New", "New"]


def test_cancel_is_refused_on_another_ax_server(
    qtbot: Any, app_context: AppContext, sandbox: RunningSandbox
) -> None:
    placed = place_order(app_context, sandbox, [traveler("김민준")])
    tab = make_tab(qtbot, app_context)
    with qtbot.waitSignal(tab.detail_shown):
        tab.show_order(placed.code)
    target = tab.detail.selected_target() or tab.detail.live_targets()[0]
    # The same sandbox under another address is, to axdesk, another AX server.
    port = sandbox.base_url.rsplit(":", 1)[1]
    elsewhere = AxClient(f"http://localhost:{port}", sandbox.api_key, sandbox.channel_code)
    app_context.connection.use(
        ConnectionProfile("other", "custom", f"http://localhost:{port}"), elsewhere
    )
    with (
        qtbot.assert_not_emitted(app_context.worker.error_reported),
        qtbot.waitSignal(tab.cancel_failed, timeout=5_000) as failed,
    ):
        tab.cancelling.cancel_ticket(target, None)
    assert failed.args[1] == (
        f"This order was sent to {sandbox.base_url}; connect to that server to check it."
    )
    box = tab.active_dialog
    assert isinstance(box, QMessageBox)
    assert box.property("retry") is None
    assert [t.status for t in sandbox.state.orders_for(placed.code)[0].tickets] == ["New"]


def _unnamed_controls(top: QWidget) -> list[str]:
    """Focusable inputs and buttons (and lists) of ``top`` without an accessible name."""
    kinds = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView)
    unnamed = []
    for widget in top.findChildren(QWidget):
        if not isinstance(widget, kinds) or isinstance(widget.parent(), QAbstractSpinBox):
            continue
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or not widget.isVisibleTo(top):
            continue
        if not widget.accessibleName():
            unnamed.append(f"{type(widget).__name__} {widget.objectName()!r} {widget!r}")
    return unnamed


def test_days_of_use_start_from_the_suppliers_today(
    qtbot: Any, app_context: AppContext, sandbox: RunningSandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    here = dt.date.today()
    # At any hour one of these two zones is on another date than this computer.
    zone = next(
        name
        for name in ("Pacific/Kiritimati", "Etc/GMT+12")
        if dt.datetime.now(ZoneInfo(name)).date() != here
    )
    client = app_context.connection.client()
    app_context.connection.use(
        ConnectionProfile("far", "custom", sandbox.base_url, supplier_timezone=zone), client
    )
    suppliers_today = dt.datetime.now(ZoneInfo(zone)).date()
    tab = make_tab(qtbot, app_context)

    assert tab.filters.date_from.date().toPython() == suppliers_today
    offered: list[dt.date] = []

    def look(dialog: ManifestDialog) -> int:
        offered.append(dialog.day())
        return QDialog.DialogCode.Rejected.value

    monkeypatch.setattr(ManifestDialog, "exec", look)
    tab.filters.export_manifest_action.trigger()
    assert offered == [suppliers_today]


def test_every_input_and_button_has_an_accessible_name(
    qtbot: Any, app_context: AppContext, sandbox: RunningSandbox
) -> None:
    placed = place_order(app_context, sandbox, [traveler("김민준"), traveler("이서연")])
    tab = make_tab(qtbot, app_context)
    with qtbot.waitSignal(tab.detail_shown):
        tab.show_order(placed.code)
    tab.filters.hint_frame.show()
    assert _unnamed_controls(tab) == []

    targets = tab.detail.live_targets()
    outcome = CancelOutcome(targets[0], False, "reason")
    for dialog in (
        CancelTicketDialog(targets[0], tab),
        CancelAllDialog(placed.code, targets, tab),
        CancelReportDialog([outcome], tab),
        LookupDialog("", tab),
        ManifestDialog(dt.date(2026, 3, 1), tab),
    ):
        dialog.show()
        assert _unnamed_controls(dialog) == [], type(dialog).__name__
        dialog.close()
