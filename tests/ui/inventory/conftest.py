"""Fixtures for the Inventory tests: the sandbox seeded with every state, and tabs on it.

``tab``: an ``InventoryTab`` on ``app_context`` whose "today" is
``inventory_support.TODAY``; ``make_tab(**options)`` makes more (e.g. with a
clock), each shut down after the test before it is closed, as the window does.
Each is handed over once its product list is in (the catalog is read on the worker).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from inventory_support import SEED, TODAY
from pytestqt.qtbot import QtBot

from axdesk.ui.common.context import AppContext
from axdesk.ui.inventory.tab import InventoryTab

CATALOG_TIMEOUT_MS = 10_000


@pytest.fixture
def sandbox_options(tmp_path: Path) -> dict[str, Any]:
    """Start the sandbox from ``inventory_support.SEED`` (it goes through the sandbox's
    checks)."""
    path = tmp_path / "inventory-seed.json"
    path.write_text(json.dumps(SEED, ensure_ascii=False), encoding="utf-8")
    return {"seed": path}


@pytest.fixture
def make_tab(qtbot: QtBot, app_context: AppContext) -> Callable[..., InventoryTab]:
    def make(**options: Any) -> InventoryTab:
        options.setdefault("today", lambda: TODAY)
        tab = InventoryTab(app_context, **options)
        qtbot.addWidget(tab, before_close_func=InventoryTab.shutdown)  # as the window does
        qtbot.waitUntil(lambda: not tab.products.reading, timeout=CATALOG_TIMEOUT_MS)
        return tab

    return make


@pytest.fixture
def tab(make_tab: Callable[..., InventoryTab]) -> InventoryTab:
    return make_tab()
