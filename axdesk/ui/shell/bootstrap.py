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

What the first screen does not need is imported when first used: the keyring
(:attr:`Shell.secrets`), httpx and the client (:meth:`Shell.connect`), the
sandbox and the demo orders (:func:`start_practice_server`), so that the frame
paints before them.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from axdesk.store.db import locked, open_database
from axdesk.store.journal_setting import server_of_url
from axdesk.store.journal_url import admin_chose_journal, team_journal_url
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
from axdesk.ui.shell.call_log import CallLog
from axdesk.ui.shell.call_relay import CallRelay
from axdesk.ui.shell.settings_saver import SettingsSaver

if TYPE_CHECKING:
    from axdesk.api import AxClient, CallRecord
    from axdesk.store.catalog import CatalogStore
    from axdesk.store.journal import OrderJournal
    from axdesk.ui.connection.net import InterruptibleTransport
    from axdesk.ui.connection.secrets import Credentials, SecretStore

log = logging.getLogger(__name__)

SANDBOX_PROFILE_NAME = "Sandbox"
PRACTICE_DATABASE = ":memory:"


@dataclass
class Shell:
    """Everything the running app owns besides the widgets, closed together on quit."""

    ctx: AppContext
    database: sqlite3.Connection
    call_log: CallLog
    given_secrets: SecretStore | None = None  # None: the OS keyring, opened on first use
    settings_saver: SettingsSaver | None = None  # writes the settings off the GUI thread
    sandbox: Any = None  # a RunningSandbox in practice mode
    closers: list[Callable[[], None]] = field(default_factory=list)
    _closers_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _secrets_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _closed: bool = False
    _relay: CallRelay = field(init=False, repr=False)

    def __post_init__(self) -> None:
        # Made here, on the GUI thread: clients are made on workers (connecting), and a
        # QObject made there could not be the connection's child nor deliver on the GUI.
        self._relay = CallRelay.of(self.ctx.connection)

    @property
    def secrets(self) -> SecretStore:
        """Where profiles' secrets are kept (the keyring is imported on first use)."""
        with self._secrets_lock:  # the team journal's connecting thread may ask first
            if self.given_secrets is None:
                from axdesk.ui.connection.secrets import SecretStore

                self.given_secrets = SecretStore()
            return self.given_secrets

    def connect(
        self, profile: ConnectionProfile, credentials: Credentials, *, problem: str | None = None
    ) -> AxClient:
        """Make a client for ``profile`` and put it in use (raises ``AxError`` if unusable).

        ``problem``: a link problem already known (see :meth:`Connection.use`)."""
        client, transport = self.make_client(profile, credentials)
        self.ctx.connection.use(
            profile,
            client,
            abort=transport.abort,
            # one call's request, when the transport offers it (the per-call machinery)
            abort_thread=getattr(transport, "abort_thread", None),
            problem=problem,
        )
        return client

    def make_client(
        self, profile: ConnectionProfile, credentials: Credentials
    ) -> tuple[AxClient, InterruptibleTransport]:
        """A client for ``profile``, not yet in use (safe on a worker thread)."""
        from axdesk.ui.connection.net import make_client

        return make_client(profile.base_url, credentials, self.call_recorder())

    def adopt(self, closer: Callable[[], None]) -> bool:
        """Have :meth:`close` call ``closer`` (from any thread); False if already closed."""
        with self._closers_lock:
            if self._closed:
                return False
            self.closers.append(closer)
            return True

    def call_recorder(self) -> Callable[[CallRecord], None]:
        """The client's ``on_call`` hook (safe on any thread)."""
        return _recorder(self.call_log, self._relay)

    def close(self, timeout_ms: int = 1000) -> bool:
        """Stop the worker (interrupting calls), close the client, database, log and sandbox.

        Returns True when every background thread stopped within ``timeout_ms``.
        """
        stopped = self.ctx.worker.shutdown(timeout_ms)  # logs what still runs, if anything
        if self.settings_saver is not None:
            self.settings_saver.flush()  # once, at exit: the last change is not lost
        with contextlib.suppress(Exception):
            self.ctx.connection.close_client()
        with self._closers_lock:
            self._closed = True
        for closer in reversed(self.closers):
            try:
                closer()
            except Exception:
                log.exception("Closing a part of axdesk failed")
        self.closers.clear()
        return stopped


def record_calls(call_log: CallLog, connection: Connection) -> Callable[[CallRecord], None]:
    """The client's ``on_call`` hook: buffer the call log line, then tell the GUI, coalesced.

    Runs on the worker thread that made the call: the line goes to the call log's
    buffer (written out by its own thread, never by a worker or the GUI), and the
    record to the connection's :class:`CallRelay`, which emits ``call_finished``
    on the GUI thread a few times a second at most. Call on the GUI thread.
    """
    return _recorder(call_log, CallRelay.of(connection))


def _recorder(call_log: CallLog, relay: CallRelay) -> Callable[[CallRecord], None]:
    def on_call(record: CallRecord) -> None:
        call_log.write(record)
        relay.offer(record)

    return on_call


def open_shell(
    paths: AppPaths,
    *,
    sandbox_mode: bool = False,
    secrets: SecretStore | None = None,
    database_path: Path | str | None = None,
    parent: QObject | None = None,
    settings: Settings | None = None,
    database: sqlite3.Connection | None = None,
) -> Shell:
    """Open settings, database, stores, call log, worker and connection (not yet connected).

    The database is ``paths.database_path``, or a private in-memory one in
    practice mode, unless ``database_path`` says otherwise. ``settings``: already
    loaded from ``paths.settings_path`` (the first frame was built from them), else
    loaded here. ``database``: that database already opened (``axdesk`` opens it on a
    thread of its own: :func:`open_journal_database`). Raises ``DatabaseError`` (a
    sentence) when the database cannot be opened.
    """
    paths.ensure_dirs()
    if settings is None:
        settings = Settings.load(paths.settings_path, autosave=False)  # saved by the saver below
    if database_path is None:
        database_path = PRACTICE_DATABASE if sandbox_mode else paths.database_path
    # AXDESK_JOURNAL_URL wins over File > Journal…'s setting; practice mode uses neither.
    env_url = None if sandbox_mode else team_journal_url(os.environ)  # a bad one: a sentence
    server = None if sandbox_mode or admin_chose_journal(os.environ) else settings.team_journal
    team_url = env_url or (server.url() if server is not None else None)
    if database is None:
        database = open_database(database_path)
    closers: list[Callable[[], None]] = [lambda: close_database(database)]
    team_journals: list[OrderJournal] = []
    made: list[Shell] = []

    # The keyring entry File > Journal… keeps; AXDESK_JOURNAL_URL's server has one too
    # when the desk saved it once (none: libpq's own PGPASSFILE / ~/.pgpass).
    keyring_server = server or (server_of_url(env_url) if env_url is not None else None)

    def journal_password() -> str | None:
        """The team journal's password from the keyring, read by the thread that connects."""
        if keyring_server is None or not made:
            return None
        return keyring_password(made[0], keyring_server.account)

    def open_the_journal() -> OrderJournal:
        journal = _open_journal(database, settings, team_url, journal_password)
        if team_url is not None:
            team_journals.append(journal)  # its connections are closed with the shell
        return journal

    def close_team_journals() -> None:
        for journal in team_journals:
            journal.close()

    closers.append(close_team_journals)
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
        catalog=lambda: _open_catalog(database),
        journal=open_the_journal,
        sandbox_mode=sandbox_mode,
        events=AppEvents(parent),
    )
    shell = Shell(
        ctx=ctx,
        database=database,
        call_log=call_log,
        given_secrets=secrets,
        settings_saver=settings_saver,
        closers=closers,
    )
    made.append(shell)
    return shell


def open_journal_database(paths: AppPaths, *, sandbox_mode: bool = False) -> sqlite3.Connection:
    """The database :func:`open_shell` would open (created and migrated on a first start);
    safe on any thread (the connection is shared under its lock). Raises ``DatabaseError``."""
    return open_database(PRACTICE_DATABASE if sandbox_mode else paths.database_path)


def keyring_password(shell: Shell, account: str) -> str | None:
    """The team journal's password kept for ``account`` (None: none, or the keyring failed,
    logged without the secret; the server then refuses the desk with its own sentence)."""
    from axdesk.ui.connection.secrets import SecretStoreError

    try:
        return shell.secrets.load_journal_password(account)
    except SecretStoreError as exc:
        log.warning("The team journal's password could not be read: %s", exc)
        return None


def close_database(database: sqlite3.Connection) -> None:
    """Close the database once no thread is inside a statement group: a background call
    that outlived the worker's bounded wait finishes its statements first, and its next
    ones fail with an error instead of running on a closed connection."""
    with locked(database):
        database.close()


@dataclass(frozen=True)
class PracticeServer:
    """A started practice sandbox and a client for it, not yet in use."""

    sandbox: Any  # a RunningSandbox
    profile: ConnectionProfile
    client: AxClient
    transport: InterruptibleTransport


class ShellClosedError(Exception):
    """The app closed while the practice sandbox was starting (it was stopped)."""


def _open_catalog(database: sqlite3.Connection) -> CatalogStore:
    from axdesk.store.catalog import CatalogStore

    return CatalogStore(database)


def _open_journal(
    database: sqlite3.Connection,
    settings: Settings,
    team_url: str | None,
    password: Callable[[], str | None] | None = None,
) -> OrderJournal:
    """This computer's journal, or the team journal ``AXDESK_JOURNAL_URL`` or the setting
    names (never in practice mode), opened without waiting on the network, with the drafts
    kept here. ``password`` is asked for by the thread that connects, never this one."""
    from axdesk.store.journal import OrderJournal  # the API models, pydantic
    from axdesk.store.journal_activity import desk_actor
    from axdesk.store.journal_open import open_journal

    if team_url is None:
        journal = OrderJournal(database)
    else:
        journal = open_journal(team_url, password=password, lazy=True)
        journal.keep_drafts_in(database)
    journal.act_as(desk_actor(settings.operator_name, settings.desk_id))
    return journal


def start_practice_server(shell: Shell, **sandbox_options: Any) -> PracticeServer:
    """Start the embedded AX sandbox, load its demo catalog, make a client with its demo keys.

    Runs on a worker thread (the sandbox's imports and start take a while); the
    sandbox is stopped by :meth:`Shell.close` even if its answer is never used.
    ``sandbox_options`` go to ``start_sandbox`` (the tests fix ``random_seed``).
    :func:`use_practice_server` then puts it in use on the GUI thread.
    """
    from axdesk.sandbox.embedded import start_sandbox  # only practice mode needs the server
    from axdesk.ui.connection.secrets import Credentials

    options: dict[str, Any] = {"host": "127.0.0.1", "port": 0}
    options.update(sandbox_options)
    sandbox = start_sandbox(**options)
    if not shell.adopt(sandbox.stop):
        sandbox.stop()
        raise ShellClosedError("axdesk closed while the practice sandbox was starting")
    shell.ctx.catalog.replace_from_sandbox(sandbox.catalog())
    profile = ConnectionProfile(
        name=SANDBOX_PROFILE_NAME,
        environment=ENVIRONMENT_SANDBOX,
        base_url=sandbox.base_url,
    )
    client, transport = shell.make_client(
        profile, Credentials(sandbox.api_key, sandbox.channel_code)
    )
    # Closed by the shell too: the window may close before the client is put in use, and
    # its connections to the sandbox must not outlive it (closing twice is safe).
    if not shell.adopt(client.close):
        client.close()
        raise ShellClosedError("axdesk closed while the practice sandbox was starting")
    seed_practice_orders(shell, client, profile.supplier_timezone)
    return PracticeServer(sandbox, profile, client, transport)


def seed_practice_orders(shell: Shell, client: AxClient, zone: str) -> list[str]:
    """Journal the demo orders a trainee starts with, sent to the embedded sandbox through
    the real client (:func:`axdesk.store.demo_orders.seed_demo_orders`); no Qt, no GUI.

    Runs on the worker that starts the sandbox, before it is put in use. Returns the
    channel order codes made.
    """
    from axdesk.store.demo_orders import seed_demo_orders  # the reconciler, pydantic

    return seed_demo_orders(
        client,
        shell.ctx.journal,
        shell.ctx.catalog,
        today=supplier_today(zone),
        time_zone=zone,
    )


def use_practice_server(shell: Shell, started: PracticeServer) -> None:
    """On the GUI thread: the started sandbox becomes the connection in use.

    Its demo catalog replaced the catalog on the worker, after the tabs were built:
    the tabs that show products are told (``catalog_changed``).
    """
    shell.sandbox = started.sandbox
    shell.ctx.connection.use(
        started.profile,
        started.client,
        abort=started.transport.abort,
        abort_thread=getattr(started.transport, "abort_thread", None),
    )
    shell.ctx.events.catalog_changed.emit()


def start_practice(shell: Shell, **sandbox_options: Any) -> Any:
    """Both steps at once, on the calling thread; returns the ``RunningSandbox``."""
    started = start_practice_server(shell, **sandbox_options)
    use_practice_server(shell, started)
    return started.sandbox
