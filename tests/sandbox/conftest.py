"""Fixtures: a sandbox started on the test seed over real loopback HTTP, and an httpx client."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import httpx
import pytest
from sandbox_support import auth, seed

from axdesk.sandbox import ManualClock, RunningSandbox, start_sandbox


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(datetime(2026, 11, 20, 0, 0, tzinfo=UTC))


@pytest.fixture
def sandbox(clock: ManualClock) -> Iterator[RunningSandbox]:
    """Orders stay New unless a test moves them (confirm_after=None)."""
    with start_sandbox(seed=seed(), confirm_after=None, clock=clock, random_seed=7) as running:
        yield running


@pytest.fixture
def client(sandbox: RunningSandbox) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=sandbox.base_url, headers=auth(), timeout=10) as http:
        yield http
