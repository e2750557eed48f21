"""Fixtures for UI tests: a real AX sandbox over loopback and the context the app builds.

``sandbox``: a ``RunningSandbox`` on a free loopback port (the OS picks it),
with a fixed random seed so its answers are reproducible; stopped after the test.

``app_context``: the ``AppContext`` the app runs with, built by the same
``axdesk.ui.shell.bootstrap`` code as ``axdesk``: settings, catalog and journal under
the test's ``AXDESK_HOME``, a real ``Worker`` (shut down after the test), and a
``Connection`` whose ``AxClient`` talks to ``sandbox`` over real loopback HTTP.
The catalog is filled from ``sandbox.catalog()``.

``shell``: the ``Shell`` behind ``app_context`` (call log, secrets, close()). A test
whose background calls still run when the shell closes fails there and then, naming
them: a thread that outlived its test used to crash the process tests later.

``gui_thread_sql``: a :class:`gui_thread_guard.GuiThreadStatements` watching the shell's
database: every SQLite statement the GUI thread runs, with its caller (asked for by the
tests of the rule "the GUI thread never waits on the database", never autouse).

Every UI test ends with a collection on the GUI thread once its widgets are closed
(``garbage_of_the_test``), so no window of one test is left alive into the next.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from typing import Any

import pytest
from gui_thread_guard import GuiThreadStatements

from axdesk.sandbox.embedded import RunningSandbox, start_sandbox
from axdesk.store.paths import AppPaths
from axdesk.ui.common.context import ENVIRONMENT_SANDBOX, AppContext, ConnectionProfile
from axdesk.ui.connection.secrets import Credentials
from axdesk.ui.shell.bootstrap import SANDBOX_PROFILE_NAME, Shell, open_shell
from axdesk.ui.shell.memory import collect_on_gui_thread

SANDBOX_RANDOM_SEED = 20240301


@pytest.fixture(autouse=True, scope="session")
def gui_thread_collector(qapp: Any) -> None:
    """Collect garbage on the GUI thread only, as ``axdesk`` does (see ``shell/memory.py``)."""
    collect_on_gui_thread(qapp)


@pytest.fixture(autouse=True)
def garbage_of_the_test(qapp: Any) -> Iterator[None]:
    """The test's cycles (its closed windows, tabs, workers) freed on the GUI thread as the
    test ends, not left for the collector's next turn during a later test."""
    yield
    qapp.processEvents()
    gc.collect()


def running_calls(worker: Any) -> str:
    """What a worker still runs, for the message of a test that leaked it."""
    calls = [call.name for call in worker.running]
    return ", ".join(calls) or "(nothing any more)"


@pytest.fixture
def sandbox_options() -> dict[str, Any]:
    """Override in a test module (or parametrize) to start the sandbox differently,
    e.g. ``{"latency_ms": 2000}``."""
    return {}


@pytest.fixture
def sandbox(sandbox_options: dict[str, Any]) -> Iterator[RunningSandbox]:
    options: dict[str, Any] = {"host": "127.0.0.1", "port": 0, "random_seed": SANDBOX_RANDOM_SEED}
    options.update(sandbox_options)
    running = start_sandbox(**options)
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture
def shell(qapp: Any, sandbox: RunningSandbox, app_home: Any) -> Iterator[Shell]:
    paths = AppPaths.default()
    built = open_shell(paths, sandbox_mode=True, database_path=paths.database_path)
    try:
        built.ctx.catalog.replace_from_sandbox(sandbox.catalog())
        profile = ConnectionProfile(
            name=SANDBOX_PROFILE_NAME,
            environment=ENVIRONMENT_SANDBOX,
            base_url=sandbox.base_url,
        )
        built.connect(profile, Credentials(sandbox.api_key, sandbox.channel_code))
        yield built
    finally:
        stopped = built.close()
    assert stopped, "background calls still ran 1 s after the shell closed: " + running_calls(
        built.ctx.worker
    )


@pytest.fixture
def app_context(shell: Shell) -> AppContext:
    return shell.ctx


@pytest.fixture
def gui_thread_sql(shell: Shell) -> Iterator[GuiThreadStatements]:
    """The SQLite statements the GUI thread runs on the shell's database from now on."""
    statements = GuiThreadStatements()
    statements.watch(shell.database)
    try:
        yield statements
    finally:
        statements.stop()
