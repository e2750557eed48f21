"""The main window: practice-mode start-up, wiring, its size kept, problems shown, start-up
with the last profile, and a clean and quick close."""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

import pytest

from axdesk.store.paths import AppPaths
from axdesk.store.settings import Profile
from axdesk.ui.common.context import (
    ENVIRONMENT_CUSTOM,
    ENVIRONMENT_SANDBOX,
    SlotRef,
)
from axdesk.ui.connection.dialog import ConnectionDialog
from axdesk.ui.connection.secrets import Credentials
from axdesk.ui.shell.main_window import ORDER_TAB


def test_sandbox_start_up_is_practice_mode(qtbot, launch_window, memory_keyring) -> None:
    window = launch_window()
    window.show()
    qtbot.waitExposed(window)

    sandbox = window.shell.sandbox
    assert sandbox is not None
    assert window.status.badge.text() == "SANDBOX"
    assert window.status.badge.environment == ENVIRONMENT_SANDBOX
    assert "Environment" in window.status.badge.accessibleName()
    assert "practice mode" in window.windowTitle()
    profile = window.ctx.connection.profile
    assert profile is not None
    assert profile.base_url == sandbox.base_url
    assert profile.base_url.startswith("http://127.0.0.1:")
    assert window.ctx.sandbox_mode
    codes = {p.product_code for p in window.ctx.catalog.list_products()}
    assert codes == {p["product_code"] for p in sandbox.catalog()}
    assert codes
    assert memory_keyring.secrets == {}  # practice mode never touches the keyring
    assert [window.tabs.tabText(i) for i in range(3)] == ["&Inventory", "&New order", "&Orders"]

    with (
        qtbot.assert_not_emitted(window.problem_shown),
        qtbot.waitSignal(window.connection_tested) as blocker,
    ):
        window.actions_.test_connection.trigger()
    assert blocker.args[0] is True
    qtbot.waitUntil(lambda: window.ctx.connection.last_success is not None)
    assert "Last successful call" in window.status.last_call_label.text()

    window.close()
    assert window.stopped_cleanly is True


def test_closing_stops_a_running_call_within_a_second(qtbot, launch_window, caplog) -> None:
    window = launch_window(latency_ms=5000)
    window.show()
    product = window.ctx.catalog.list_products()[0].product_code
    client = window.ctx.connection.client()
    in_flight = threading.Event()
    results: list[object] = []

    def slow() -> object:
        in_flight.set()
        return client.get_inventory(product)

    window.ctx.worker.call(slow).on_success(results.append).start()
    assert in_flight.wait(2)
    time.sleep(0.3)  # the request is waiting for the sandbox's answer
    assert window.ctx.worker.active_count >= 1  # (the tabs may have calls of their own)

    began = time.monotonic()
    window.close()
    elapsed = time.monotonic() - began
    assert window.stopped_cleanly is True
    assert elapsed < 1.0, f"closing took {elapsed:.2f} s"
    assert window.ctx.worker.active_count == 0
    qtbot.wait(50)
    assert results == []
    bugs = [record.getMessage() for record in caplog.records if record.levelno >= logging.ERROR]
    assert bugs == []  # an interrupted call is not a bug


def test_tabs_are_wired_together(qtbot, launch_window) -> None:
    window = launch_window()
    window.show()
    product = window.ctx.catalog.list_products()[0]
    option = product.options[0]
    inventory = window.ctx.connection.client().get_inventory(product.product_code)
    first = inventory.options[option.dc_code][0]
    slot = SlotRef(
        product_code=product.product_code,
        dc_code=option.dc_code,
        date=first.date,
        start_time=first.start_time,
        inventory_code=first.inventory_code,
    )
    booked: list[SlotRef] = []
    prefill = window.order_tab.prefill_slot
    window.order_tab.prefill_slot = lambda chosen: (booked.append(chosen), prefill(chosen))
    window.inventory_tab.book_slot_requested.emit(slot)
    assert booked == [slot]
    assert window.tabs.currentIndex() == ORDER_TAB

    shown: list[str] = []
    window.orders_tab.show_order = shown.append
    window.order_tab.order_sent.emit("order-123")
    assert shown == ["order-123"]

    window.orders_tab.notify.emit("Supplier confirmed", "Order order-123")
    if window.notifier.tray is None:  # offscreen, no tray and no session bus: the status bar
        assert window.status.note() == "Supplier confirmed: Order order-123"
        assert window.status.badge.isVisible()  # a message never hides the environment


def test_geometry_is_saved_and_restored(qtbot, launch_window) -> None:
    window = launch_window()
    window.resize(781, 655)  # within the offscreen screen (800 x 800)
    window.show()
    qtbot.waitExposed(window)
    window.close()
    saved = window.ctx.settings.window_geometry
    assert saved

    again = launch_window()
    assert again.ctx.settings.window_geometry == saved
    assert (again.width(), again.height()) == (781, 655)


def test_a_damaged_saved_geometry_only_costs_the_window_size(qtbot, launch_window) -> None:
    paths = AppPaths.default()
    paths.ensure_dirs()
    paths.settings_path.write_text('{"window_geometry": "größe"}', encoding="utf-8")

    window = launch_window()

    assert window.ctx.settings.window_geometry == "größe"  # text, so the file was taken as is
    assert (window.width(), window.height()) == (1180, 780)


def test_unhandled_worker_errors_are_shown(qtbot, launch_window) -> None:
    window = launch_window()
    window.show()
    with qtbot.waitSignal(window.problem_shown) as blocker:
        window.ctx.worker.error_reported.emit("AX could not be reached.")
    assert blocker.args == ["AX could not be reached."]
    assert window.notice.isVisible()
    assert window.notice.text.text() == "AX could not be reached."
    window.ctx.worker.error_reported.emit("The sandbox stopped.")
    assert window.notice.text.text() == "AX could not be reached.\nThe sandbox stopped."
    window.notice.close_button.click()
    assert not window.notice.isVisible()


def test_secrets_never_reach_settings_or_logs(qtbot, launch_window, sandbox, app_home) -> None:
    window = launch_window(sandbox=False)
    window.show()
    dialog = ConnectionDialog(window.shell, window)
    qtbot.addWidget(dialog)
    dialog.new_profile()
    dialog.profile_form.name_edit.setText("Busan desk")
    dialog.profile_form.environment_combo.setCurrentIndex(
        dialog.profile_form.environment_combo.findData(ENVIRONMENT_CUSTOM)
    )
    dialog.profile_form.url_edit.setText(sandbox.base_url)
    dialog.profile_form.api_key_edit.setText(sandbox.api_key)
    dialog.profile_form.channel_code_edit.setText(sandbox.channel_code)
    with qtbot.waitSignal(dialog.test_finished):
        dialog.test_button.click()
    with qtbot.waitSignal(dialog.connected):
        dialog.connect_button.click()
    assert window.status.badge.text() == "CUSTOM SERVER"
    assert "Busan desk" in window.windowTitle()
    with qtbot.waitSignal(window.connection_tested) as blocker:
        window.actions_.test_connection.trigger()
    assert blocker.args[0] is True
    window.close()

    written = [path for path in Path(app_home).rglob("*") if path.is_file()]
    assert any(path.name == "settings.json" for path in written)
    assert any(path.name == "calls.log" for path in written)
    for path in written:
        data = path.read_bytes()
        assert sandbox.api_key.encode() not in data, f"the API key is in {path}"
        assert sandbox.channel_code.encode() not in data, f"the channel code is in {path}"


def test_start_up_connects_with_the_last_profile(
    qtbot, launch_window, sandbox, memory_keyring
) -> None:
    """``axdesk`` (no --sandbox) opens with the profile used last, its secrets from the keyring."""
    first = launch_window(sandbox=False)
    settings = first.ctx.settings
    settings.put_profile(
        Profile(name="Jeju desk", environment=ENVIRONMENT_CUSTOM, custom_url=sandbox.base_url)
    )
    settings.last_profile = "Jeju desk"
    first.shell.secrets.save("Jeju desk", Credentials(sandbox.api_key, sandbox.channel_code))
    first.close()

    window = launch_window(sandbox=False)
    window.show()
    assert window.ctx.connection.profile is None
    with qtbot.waitSignal(window.ctx.connection.changed):
        window.connect_last_profile()
    profile = window.ctx.connection.profile
    assert profile is not None
    assert profile.name == "Jeju desk"
    assert profile.base_url == sandbox.base_url
    assert not window.ctx.sandbox_mode
    assert "Jeju desk" in window.windowTitle()
    with qtbot.waitSignal(window.connection_tested) as blocker:
        window.actions_.test_connection.trigger()
    assert blocker.args[0] is True


# The offscreen platform plugin warns when a window-modal dialog opens; nothing to fix.
@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_start_up_without_a_profile_asks_for_one(qtbot, launch_window) -> None:
    window = launch_window(sandbox=False)
    window.show()
    window.connect_last_profile()
    dialogs = window.findChildren(ConnectionDialog)
    assert len(dialogs) == 1
    assert dialogs[0].isVisible()
    assert window.status.badge.text() == "NOT CONNECTED"
    dialogs[0].reject()


def test_dialogs_closed_while_their_calls_run_stay_quiet(qtbot, launch_window) -> None:
    """A dialog closed (and deleted) before its background answer arrives gets no answer."""
    window = launch_window()
    window.show()
    for _ in range(5):
        window.show_call_log().close()
        catalog = window.open_catalog_dialog()
        catalog.export_file(window.ctx.paths.data_dir / "catalog.json")
        catalog.reject()
    qtbot.waitUntil(lambda: window.ctx.worker.active_count == 0)
    qtbot.wait(100)  # any late delivery to a deleted dialog would raise in the event loop
