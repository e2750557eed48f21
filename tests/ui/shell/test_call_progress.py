"""A slow call the operator started: after a moment the status bar says "AX is slow to
answer…" with Cancel; Cancel gives the screen back at once and drops the answer. A call
that timed out after AX took it says "AX is slow to answer", not "could not be reached".

The practice window on the embedded sandbox, slowed with its own practice hook."""

from __future__ import annotations

import pytest

from axdesk.ui.common.context import ConnectionProfile
from axdesk.ui.connection.net import make_client
from axdesk.ui.connection.secrets import Credentials

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


def test_cancel_on_a_slow_inventory_gives_the_screen_back_and_drops_the_answer(
    qtbot, launch_window
) -> None:
    window = launch_window()
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.ctx.worker.active_count == 0, timeout=10_000)
    window.call_progress.slow_after_ms = 200
    window.shell.sandbox.practice.set_slow(2)
    inventory = window.inventory_tab
    product = window.ctx.catalog.list_products()[0].product_code
    answered: list[object] = []
    window.ctx.connection.call_finished.connect(answered.append)

    with qtbot.assert_not_emitted(inventory.inventory_loaded):
        inventory.show_product(product)
        assert inventory.status_label.text() == "Loading…"
        note = window.call_progress.note
        qtbot.waitUntil(lambda: note.isVisible(), timeout=5_000)
        assert "AX is slow to answer" in note.label.text()
        assert note.cancel_button.isEnabled()

        note.cancel_button.click()
        assert not note.isVisible()
        assert inventory.status_label.text() != "Loading…"
        assert inventory.loading.loading_code is None
        assert window.ctx.worker.active_count == 0
        assert "ignored" in window.status.note()
        # AX answers in the end; that answer is dropped.
        qtbot.waitUntil(lambda: bool(answered), timeout=10_000)
        qtbot.wait(100)
    assert inventory.inventory_index is None
    assert not window.notice.isVisible()  # a cancel is not a problem


def test_a_quick_call_shows_no_slow_note(qtbot, launch_window) -> None:
    window = launch_window()
    window.show()
    window.call_progress.slow_after_ms = 2_000
    inventory = window.inventory_tab
    with qtbot.waitSignal(inventory.inventory_loaded, timeout=10_000):
        inventory.show_product(window.ctx.catalog.list_products()[0].product_code)
    assert not window.call_progress.note.isVisible()


def test_a_timeout_says_ax_is_slow_not_unreachable(qtbot, launch_window) -> None:
    window = launch_window()
    window.show()
    shell, sandbox = window.shell, window.shell.sandbox
    client, transport = make_client(
        sandbox.base_url,
        Credentials(sandbox.api_key, sandbox.channel_code),
        shell.call_recorder(),
        timeout=0.5,
        max_retries=0,
    )
    old = shell.ctx.connection.profile
    assert old is not None
    shell.ctx.connection.use(
        ConnectionProfile(old.name, old.environment, old.base_url), client, abort=transport.abort
    )
    qtbot.waitUntil(lambda: window.ctx.worker.active_count == 0, timeout=10_000)
    sandbox.practice.set_slow(2)
    inventory = window.inventory_tab
    inventory.show_product(window.ctx.catalog.list_products()[0].product_code)
    qtbot.waitUntil(lambda: inventory.loading.loading_code is None, timeout=10_000)

    shown = inventory.message_bar.text.text()
    assert shown.startswith("AX is slow to answer.")
    assert "could not be reached" not in window.status.state_label.text()
    assert "AX is slow to answer" in window.status.state_label.text()
