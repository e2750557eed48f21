"""How the app assembles its collaborators: context, connection, practice mode.

``axdesk`` and ``axdesk --sandbox`` (``axdesk.ui.app``) and the tests
(``tests/ui/conftest.py``) build the :class:`~axdesk.ui.common.context.AppContext`
through these functions, so a test exercises exactly what the app runs. The
clients come from :func:`axdesk.ui.connection.net.make_client`.

Practice mode keeps its catalog and orders in a database of its own, in
memory: the demo catalog replaces it on every start, a few demo orders are
journaled at once (sent to the embedded sandbox, so a trainee can cancel a
ticket straight away), and practice orders never mix with the operator's real
journal or catalog.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject

from axdesk.api import AxClient, CallRecord
from axdesk.store.catalog import CatalogStore
from axdesk.store.db import open_database
from axdesk.store.demo_orders import seed_demo_orders
from axdesk.store.journal import OrderJournal
from axdesk.store.paths import AppPaths
from axdesk.store.settings import Settings
from axdesk.ui.common.context import (
    ENVIRONMENT_SANDBOX,
    AppContext,
    AppEvents,
    Connection,
    ConnectionProfile,
    supplier_today,
)
from axdesk.ui.common.worker import Worker
from axdesk.ui.connection.net import make_client
from axdesk.ui.connection.secrets import Credentials, SecretStore
from axdesk.ui.shell.call_log import CallLog
from axdesk.ui.shell.settings_saver import SettingsSaver

log = logging.getLogger(__name__)

SANDBOX_PROFILE_NAME = "Sandbox"
PRACTICE_DATABASE = ":memory:"


@dataclass
class Shell:
    """Everything the running app owns besides the widgets, closed together on quit."""

    ctx: AppContext
    database: sqlite3.Connection
    call_log: CallLog
    secrets: SecretStore
    settings_saver: SettingsSaver | None = None  # writes the settings off the GUI thread
    sandbox: Any = None  # a RunningSandbox in practice mode
    closers: list[Callable[[], None]] = field(default_factory=list)

    def connect(
        self, profile: ConnectionProfile, credentials: Credentials, *, problem: str | None = None
    ) -> AxClient:
        """Make a client for ``profile`` and put it in use (raises ``AxError`` if unusable).

        ``problem``: a link problem already known (see :meth:`Connection.use`)."""
        client, transport = make_client(profile.base_url, credentials, self.call_recorder())
        self.ctx.connection.use(
            profile,
            client,
            abort=transport.abort,
            # one call's request, when the transport offers it (the per-call machinery)
            abort_thread=getattr(transport, "abort_thread", None),
            problem=problem,
        )
        return client

    def call_recorder(self) -> Callable[[CallRecord], None]:
        return record_calls(self.call_log, self.ctx.connection)

    def close(self, timeout_ms: int = 1000) -> bool:
        """Stop the worker (interrupting calls), close the client, database, log and sandbox.

        Returns True when every background thread stopped within ``timeout_ms``.
        """
        stopped = self.ctx.worker.shutdown(timeout_ms)
        if not stopped:
            log.warning("Background calls were still running %d ms after quitting", timeout_ms)
        if self.settings_saver is not None:
            self.settings_saver.flush()  # once, at exit: the last change is not lost
        with contextlib.suppress(Exception):
            self.ctx.connection.close_client()
        for closer in reversed(self.closers):
            try:
                closer()
            except Exception:
                log.exception("Closing a part of axdesk failed")
        self.closers.clear()
        return stopped


def record_calls(call_log: CallLog, connection: Connection) -> Callable[[CallRecord], None]:
    """The client's ``on_call`` hook: write the call log line, then tell the GUI.

    Runs on the worker thread that made the call, so the file write never
    happens on the GUI thread; ``call_finished`` is delivered queued.
    """

    def on_call(record: CallRecord) -> None:
        call_log.write(record)
        with contextlib.suppress(RuntimeError):  # the window (and connection) already gone
            connection.call_finished.emit(record)

    return on_call


def open_shell(
    paths: AppPaths,
    *,
    sandbox_mode: bool = False,
    secrets: SecretStore | None = None,
    database_path: Path | str | None = None,
    parent: QObject | None = None,
) -> Shell:
    """Open settings, database, stores, call log, worker and connection (not yet connected).

    The database is ``paths.database_path``, or a private in-memory one in
    practice mode, unless ``database_path`` says otherwise. Raises
    ``DatabaseError`` (a sentence) when the database cannot be opened.
    """
    paths.ensure_dirs()
    settings = Settings.load(paths.settings_path, autosave=False)  # saved by the saver below
    if database_path is None:
        database_path = PRACTICE_DATABASE if sandbox_mode else paths.database_path
    database = open_database(database_path)
    closers: list[Callable[[], None]] = [database.close]
    call_log = CallLog(paths.call_log_path)
    closers.append(call_log.close)
    worker = Worker(parent)
    connection = Connection(parent)
    worker.add_abort_hook(connection.abort_calls)
    worker.add_cancel_hook(connection.abort_call)
    settings_saver = SettingsSaver(settings, worker, parent)
    settings_saver.attach()
    ctx = AppContext(
        worker=worker,
        connection=connection,
        settings=settings,
        paths=paths,
        catalog=CatalogStore(database),
        journal=OrderJournal(database),
        sandbox_mode=sandbox_mode,
        events=AppEvents(parent),
    )
    return Shell(
        ctx=ctx,
        database=database,
        call_log=call_log,
        secrets=secrets if secrets is not None else SecretStore(),
        settings_saver=settings_saver,
        closers=closers,
    )


def start_practice(shell: Shell, **sandbox_options: Any) -> Any:
    """Start the embedded AX sandbox, load its demo catalog and connect with its demo keys.

    ``sandbox_options`` go to ``start_sandbox`` (the tests fix ``random_seed``).
    Returns the ``RunningSandbox``; it is stopped by :meth:`Shell.close`.
    """
    from axdesk.sandbox.embedded import start_sandbox  # only practice mode needs the server

    options: dict[str, Any] = {"host": "127.0.0.1", "port": 0}
    options.update(sandbox_options)
    sandbox = start_sandbox(**options)
    shell.sandbox = sandbox
    shell.closers.append(sandbox.stop)
    shell.ctx.catalog.replace_from_sandbox(sandbox.catalog())
    profile = ConnectionProfile(
        name=SANDBOX_PROFILE_NAME,
        environment=ENVIRONMENT_SANDBOX,
        base_url=sandbox.base_url,
    )
    shell.connect(profile, Credentials(sandbox.api_key, sandbox.channel_code))
    seed_practice_orders(shell)
    return sandbox


def seed_practice_orders(shell: Shell) -> list[str]:
    """Journal the demo orders a trainee starts with, sent to the embedded sandbox through
    the real client (:func:`axdesk.store.demo_orders.seed_demo_orders`); no Qt, no GUI.

    Runs on the thread that starts the sandbox, once it is connected. Returns the channel
    order codes made.
    """
    connection = shell.ctx.connection
    zone = connection.supplier_timezone
    return seed_demo_orders(
        connection.client(),
        shell.ctx.journal,
        shell.ctx.catalog,
        today=supplier_today(zone),
        time_zone=zone,
    )
