"""Fixtures for the store tests: a database in AXDESK_HOME, a settable clock, a journal."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from store_helpers import FakeClock

from axdesk.store.db import Database, open_database
from axdesk.store.journal import OrderJournal
from axdesk.store.paths import AppPaths


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def db() -> Iterator[Database]:
    conn = open_database(AppPaths.default().database_path)
    yield conn
    conn.close()


@pytest.fixture
def journal(db: Database, clock: FakeClock) -> OrderJournal:
    return OrderJournal(db, clock=clock)
