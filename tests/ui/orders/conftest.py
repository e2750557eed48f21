"""Fixtures for the Orders tab tests: the sandbox's supplier decides only when a test says so."""

from __future__ import annotations

from typing import Any

import pytest
from test_orders_support import MANUAL_SUPPLIER


@pytest.fixture
def sandbox_options() -> dict[str, Any]:
    """The sandbox of ``tests/ui/conftest.py``, with no automatic confirm or reject."""
    return dict(MANUAL_SUPPLIER)
