"""Who did what (issue 15 §3): the order detail shows who sent, cancelled and noted it.

The real sandbox over loopback and the app's own context (see test_orders_support).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtWidgets import QTreeWidgetItem
from test_orders_support import make_tab, place_order, traveler

from axdesk.sandbox.embedded import RunningSandbox
from axdesk.store.journal_activity import Activity, ActivityKind, Actor
from axdesk.ui.common.context import AppContext
from axdesk.ui.common.i18n import Translations
from axdesk.ui.orders.activity_lines import activity_text
from axdesk.ui.orders.tab import OrdersTab

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


def _activity_rows(tab: OrdersTab) -> list[str]:
    tree = tab.detail.history_tree
    for index in range(tree.topLevelItemCount()):
        top: QTreeWidgetItem = tree.topLevelItem(index)
        if top.text(0) == "Who did what":
            return [top.child(row).text(1) for row in range(top.childCount())]
    return []


def test_the_detail_shows_who_sent_the_order_and_who_noted_it(
    qtbot: Any, app_context: AppContext, sandbox: RunningSandbox
) -> None:
    app_context.journal.act_as(Actor("김민지", "front-1"))
    placed = place_order(app_context, sandbox, [traveler("이서연")])
    app_context.journal.act_as(Actor("Lee", "front-2"))
    app_context.journal.save_internal_note(placed.code, "called back", based_on="")
    tab = make_tab(qtbot, app_context)
    with qtbot.waitSignal(tab.detail_shown):
        tab.show_order(placed.code)
    rows = _activity_rows(tab)
    assert rows[0] == "Note by Lee (front-2)"  # newest first
    assert "Sent by 김민지 (front-1)" in rows
    assert rows[-1] == "Recorded for sending by 김민지 (front-1)"


def test_the_activity_reads_in_korean(korean: Translations) -> None:
    at = dt.datetime(2026, 1, 2, 3, 4, tzinfo=dt.UTC)
    line = Activity(at, ActivityKind.CANCELLED, "김민지", "front-1", "T-1")
    assert activity_text(line) == "김민지 (front-1) 님이 취소함"
    nameless = Activity(at, ActivityKind.SENT, "", "", "")
    assert activity_text(nameless) == "이름 없는 데스크 님이 보냄"
