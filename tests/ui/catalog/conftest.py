"""Fixtures of the catalog tests: the catalog dialog on the app's own context."""

from __future__ import annotations

import pytest

from axdesk.ui.catalog.dialog import CatalogDialog
from axdesk.ui.common.context import AppContext


@pytest.fixture
def dialog(qtbot, app_context: AppContext) -> CatalogDialog:
    built = CatalogDialog(app_context)
    qtbot.addWidget(built)
    return built
