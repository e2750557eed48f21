"""Fixtures for the store tests: a journal on each engine, a settable clock.

``db`` (and so ``journal``) is parametrised over both journal engines: this
computer's SQLite file in AXDESK_HOME and a team journal on a real
PostgreSQL server started for the session (``pg_server``). Every journal
test therefore runs on both, so the two cannot drift; a test about SQLite
alone (its file, its pragmas) is marked ``sqlite_only``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

import pytest
from pg_server import empty_pg_url, pg_url, postgres_server
from store_helpers import FakeClock

from axdesk.store.db import Database, open_database
from axdesk.store.journal import OrderJournal
from axdesk.store.paths import AppPaths

__all__ = ["empty_pg_url", "pg_url", "postgres_server"]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "sqlite_only: about this computer's SQLite journal alone (not parametrised)"
    )


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    if request.param == "postgresql" and request.node.get_closest_marker("sqlite_only"):
        pytest.skip("about the SQLite journal alone")
    return str(request.param)


@pytest.fixture
def db(backend: str, request: pytest.FixtureRequest) -> Iterator[Database]:
    if backend == "sqlite":
        conn: Any = open_database(AppPaths.default().database_path)
    else:
        from axdesk.store.journal_open import open_pg_connection

        conn = open_pg_connection(request.getfixturevalue("pg_url"))
    yield conn
    conn.close()


@pytest.fixture
def second_connection(backend: str, request: pytest.FixtureRequest) -> Iterator[Any]:
    """Another connection to the same journal: it sees only what was committed."""
    opened: list[Any] = []

    def open_other() -> Any:
        if backend == "sqlite":
            other: Any = sqlite3.connect(AppPaths.default().database_path)
        else:
            from axdesk.store.journal_open import open_pg_connection

            other = open_pg_connection(request.getfixturevalue("pg_url"))
        opened.append(other)
        return other

    yield open_other
    for other in opened:
        other.close()


@pytest.fixture
def journal(db: Database, clock: FakeClock) -> OrderJournal:
    return OrderJournal(db, clock=clock)
