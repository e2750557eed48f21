"""Finding orders in the Orders tab (OrderSearch): by name, phone however typed, e-mail, code.

The real sandbox over loopback and the app's own context (see test_orders_support).
"""

from __future__ import annotations

from typing import Any

import pytest
from test_orders_support import make_tab, place_order, traveler, type_text, wait_query

from axdesk.sandbox.embedded import RunningSandbox
from axdesk.ui.common.context import AppContext
from axdesk.ui.orders import table_model

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


@pytest.mark.parametrize(("limit", "shown"), [(3, "3+ orders"), (10, "5 orders")])
def test_the_count_is_read_after_a_full_first_page_and_stops_at_its_limit(
    qtbot: Any,
    app_context: AppContext,
    sandbox: RunningSandbox,
    monkeypatch: pytest.MonkeyPatch,
    limit: int,
    shown: str,
) -> None:
    monkeypatch.setattr(table_model, "PAGE_SIZE", 2)
    monkeypatch.setattr(table_model, "COUNT_LIMIT", limit)
    for name in ("김하나", "이두리", "박세나", "최네오", "정다섯"):
        place_order(app_context, sandbox, [traveler(name)])
    counted: list[int] = []
    journal = app_context.journal
    original = journal.count_orders
    monkeypatch.setattr(
        journal,
        "count_orders",
        lambda criteria, **options: (
            counted.append(options["at_most"]) or original(criteria, **options)
        ),
    )
    tab = make_tab(qtbot, app_context)
    qtbot.waitUntil(lambda: tab.count_label.text() == shown)
    assert counted == [limit]

    tab.filters.search_edit.clear()
    type_text(tab.filters.search_edit, "세나")
    wait_query(qtbot, tab, "세나")
    qtbot.waitUntil(lambda: tab.count_label.text() == "1 order")
    assert counted == [limit]  # a first page that holds every match is the count
