"""The shared UI fixtures: a real sandbox over loopback and the app's own context."""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest

from axdesk.api import Inventory
from axdesk.store.db import locked
from axdesk.store.paths import AppPaths
from axdesk.ui.common.context import ENVIRONMENT_SANDBOX, AppContext
from axdesk.ui.shell.bootstrap import open_shell


def test_app_context_talks_to_the_sandbox_over_loopback(qtbot, app_context: AppContext, sandbox):
    products = app_context.catalog.list_products()
    assert {p.product_code for p in products} == {p["product_code"] for p in sandbox.catalog()}
    profile = app_context.connection.profile
    assert profile is not None
    assert profile.environment == ENVIRONMENT_SANDBOX
    assert profile.base_url.startswith("http://127.0.0.1:")
    assert app_context.sandbox_mode

    answers: list[Inventory] = []
    client = app_context.connection.client()
    with (
        qtbot.assert_not_emitted(app_context.worker.error_reported),
        qtbot.waitSignal(app_context.connection.call_finished),
    ):
        app_context.worker.call(lambda: client.get_inventory(products[0].product_code)).on_success(
            answers.append
        ).start()
    qtbot.waitUntil(lambda: bool(answers))
    assert answers[0].product_code == products[0].product_code
    assert answers[0].options
    assert app_context.connection.last_success is not None


def test_closing_waits_for_a_statement_group_under_way_on_another_thread(app_home) -> None:
    """A call that outlived the worker's bounded wait is not cut off between two statements:
    the database closes after the group, and later statements fail with an error."""
    shell = open_shell(AppPaths.default(), sandbox_mode=True)
    database = shell.database
    inside, results = threading.Event(), []

    def group_of_reads() -> None:
        with locked(database):
            inside.set()
            results.append(database.execute("SELECT 1").fetchone()[0])
            time.sleep(0.3)  # the shell closes meanwhile
            results.append(database.execute("SELECT 2").fetchone()[0])

    reader = threading.Thread(target=group_of_reads)
    reader.start()
    assert inside.wait(2)
    assert shell.close()
    reader.join()
    assert results == [1, 2]
    with pytest.raises(sqlite3.ProgrammingError):
        database.execute("SELECT 3")
