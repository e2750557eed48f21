"""Finding orders in the Orders tab (OrderSearch): by name, phone however typed, e-mail, code.

The real sandbox over loopback and the app's own context (see test_orders_support).
"""

from __future__ import annotations

from typing import Any

import pytest
from test_orders_support import make_tab, place_order, traveler, type_text, wait_query

from axdesk.sandbox.embedded import RunningSandbox
from axdesk.ui.common.context import AppContext

pytestmark = [
    pytest.mark.e2e,
    # The offscreen platform plugin says this whenever a shown top-level widget's size
    # hints change; it is a limit of the test platform, not a fault of the tab.
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


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
