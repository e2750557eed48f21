"""What every tab and dialog is handed: the collaborators of the running app.

Tabs receive an :class:`AppContext` in their constructor instead of reaching
for globals, so a test builds one with a real sandbox client, a journal in a
temporary folder and a fresh worker.
"""

from __future__ import annotations

import datetime as dt
import threading
import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from axdesk.api import AxError
from axdesk.store.paths import AppPaths
from axdesk.store.settings import DEFAULT_SUPPLIER_TIMEZONE, Settings
from axdesk.ui.common.worker import Call, Worker

if TYPE_CHECKING:
    from axdesk.api import AxClient  # httpx: imported when a client is made, not before
    from axdesk.store.catalog import CatalogStore
    from axdesk.store.journal import OrderJournal

ENVIRONMENT_PRODUCTION = "production"
ENVIRONMENT_TEST = "test"
ENVIRONMENT_SANDBOX = "sandbox"
ENVIRONMENT_CUSTOM = "custom"

# Call-record errors (``"<ErrorClass>: sentence"``) that mean the link to AX is not
# working, and the kind of problem each is (the status bar words it).
LINK_PROBLEM_KINDS = {
    "AxNetworkError": "network",
    "AxAuthError": "auth",
    "AxServerError": "server",
    "AxMalformedResponseError": "malformed",
}
LINK_PROBLEMS = tuple(LINK_PROBLEM_KINDS)


def link_problem(error: BaseException) -> str | None:
    """The kind of link problem ``error`` is (a value of :data:`LINK_PROBLEM_KINDS`), or
    None when it says nothing about the link (a 404, a refused order, a bug)."""
    for cls in type(error).__mro__:
        kind = LINK_PROBLEM_KINDS.get(cls.__name__)
        if kind is not None:
            return kind
    return None


def supplier_zone(name: str) -> zoneinfo.ZoneInfo:
    """The supplier's time zone named ``name`` (Asia/Seoul when the name is unknown)."""
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo(DEFAULT_SUPPLIER_TIMEZONE)


def supplier_today(name: str) -> dt.date:
    """Today where the tours run: slot dates and days of use are the supplier's dates,
    not this computer's (an agency in Europe is a day behind Seoul every evening)."""
    return dt.datetime.now(supplier_zone(name)).date()


@dataclass(frozen=True)
class ConnectionProfile:
    """A named place to connect to. Holds no secret: those live in the keyring."""

    name: str
    environment: str
    base_url: str
    supplier_timezone: str = DEFAULT_SUPPLIER_TIMEZONE
    same_order_on_repeat: bool = False
    """The operator says this AX answers a repeated order code with the same order."""


@dataclass(frozen=True)
class SlotRef:
    """A slot the operator picked in the inventory, handed to the order form."""

    product_code: str
    dc_code: str
    date: dt.date
    start_time: dt.time
    inventory_code: str = ""


class NotConnectedError(AxError):
    """There is no connection profile in use yet.

    Its sentence is the ui's, so in the operator's language: said when it is read
    (``str(error)``), so a banner that shows it again after a language switch says it in
    the new language.
    """

    def __init__(self) -> None:
        super().__init__(_not_connected_sentence())

    def __str__(self) -> str:
        return _not_connected_sentence()


def _not_connected_sentence() -> str:
    return QCoreApplication.translate(
        "NotConnectedError", "Not connected to AX. Choose a connection in Connection > Connect."
    )


def display_name(profile: ConnectionProfile) -> str:
    """The profile's name as shown: practice mode's profile is named in the operator's
    language ("Sandbox", 샌드박스); the operator's own profiles as they named them."""
    if profile.environment == ENVIRONMENT_SANDBOX:
        return QCoreApplication.translate("ConnectionProfile", "Sandbox")
    return profile.name


class Connection(QObject):
    """The connection in use: its profile and its client.

    The client is safe to use from worker threads (one ``httpx.Client``).

    Signals:
        changed(): a different profile or client is now in use (or none).
        call_finished(object): an HTTP exchange finished (a ``CallRecord``); emitted
            from worker threads, delivered queued to GUI-thread receivers.
    """

    changed = Signal()
    call_finished = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._profile: ConnectionProfile | None = None
        self._client: AxClient | None = None
        self._abort: Callable[[], None] | None = None
        self._abort_thread: Callable[[int], None] | None = None
        self._lock = threading.Lock()
        self.last_success: dt.datetime | None = None
        self.problem: str | None = None  # a link problem known when it was put in use
        self.call_finished.connect(self._note_call)

    def _note_call(self, record: object) -> None:
        """Remember when AX last answered properly (runs on the GUI thread, queued).

        A 404 or a rejected order is a proper answer: AX was reached and accepted
        the credentials. No answer, 401/403, 5xx or a malformed body is not.
        """
        error = str(getattr(record, "error", None) or "")
        if getattr(record, "status", None) is not None and not error.startswith(LINK_PROBLEMS):
            self.last_success = dt.datetime.now(dt.UTC)

    @property
    def profile(self) -> ConnectionProfile | None:
        return self._profile

    @property
    def is_connected(self) -> bool:
        return self._client is not None

    @property
    def supplier_timezone(self) -> str:
        return self._profile.supplier_timezone if self._profile else DEFAULT_SUPPLIER_TIMEZONE

    def client(self) -> AxClient:
        """The client in use; raises :class:`NotConnectedError` (an ``AxError``) if none."""
        if self._client is None:
            raise NotConnectedError()
        return self._client

    def use(
        self,
        profile: ConnectionProfile,
        client: AxClient,
        *,
        abort: Callable[[], None] | None = None,
        abort_thread: Callable[[int], None] | None = None,
        problem: str | None = None,
    ) -> None:
        """Switch to ``profile``; the previous client is closed.

        ``abort`` interrupts the client's in-flight requests at once (see
        :meth:`abort_calls`); without it, aborting only closes the client.
        ``abort_thread(thread_ident)``, when the transport can, interrupts only the
        request that thread is making (see :meth:`abort_call`).
        ``problem``: a link problem already known for it (a kind of
        :data:`LINK_PROBLEM_KINDS`: the operator connected although the test of
        these settings failed), shown until a call answers properly.
        """
        with self._lock:
            previous = self._client
            self._profile = profile
            self._client = client
            self._abort = abort
            self._abort_thread = abort_thread
        self.last_success = None
        self.problem = problem
        if previous is not None and previous is not client:
            previous.close()
        self.changed.emit()

    def drop(self) -> None:
        """Stop using any connection (closing its client)."""
        self.close_client()
        self._profile = None
        self.changed.emit()

    def abort_calls(self) -> None:
        """Interrupt the requests in flight and refuse new ones (the worker's shutdown hook).

        Safe from any thread; emits nothing, so it is safe while the window is closing.
        The client itself is closed later (:meth:`close_client`), once the worker has
        stopped, so no thread uses a closed client. Without an abort hook, closing the
        client is the best that can be done.
        """
        with self._lock:
            abort = self._abort
            client = self._client
        if abort is not None:
            abort()
        elif client is not None:
            client.close()

    def abort_call(self, call: Call[Any]) -> None:
        """The operator cancelled ``call`` (the worker's cancel hook): interrupt its request
        when the transport can abort one thread's request; otherwise the request runs on
        to its deadline and its answer is dropped."""
        with self._lock:
            abort_thread = self._abort_thread
        ident = call.thread_ident
        if abort_thread is not None and ident is not None:
            abort_thread(ident)

    def close_client(self) -> None:
        """Close the client in use and forget it (emits nothing)."""
        with self._lock:
            previous = self._client
            self._client = None
            self._abort = None
            self._abort_thread = None
        if previous is not None:
            previous.close()


class AppEvents(QObject):
    """News every tab may follow, whoever caused it.

    Signals:
        catalog_changed(): the catalog was written (Catalog > Import…, an edit, a removal
            or an import in the catalog dialog); every tab that shows products reads it
            again.
        journal_changed(list): orders were written at another desk of the team journal
            (their codes; "*": any may have); the Orders tab reads the journal again
            (``axdesk.ui.common.team_feed``).
    """

    catalog_changed = Signal()
    journal_changed = Signal(list)


class AppContext:
    """The running app's collaborators, handed to every tab and dialog.

    ``catalog`` and ``journal`` are the stores, or functions that open them on first
    use: the journal imports the API models (pydantic), which the window's frame
    does not need, so it paints before they are imported.
    """

    def __init__(
        self,
        *,
        worker: Worker,
        connection: Connection,
        settings: Settings,
        paths: AppPaths,
        catalog: CatalogStore | Callable[[], CatalogStore],
        journal: OrderJournal | Callable[[], OrderJournal],
        sandbox_mode: bool = False,
        events: AppEvents | None = None,
    ) -> None:
        self.worker = worker
        self.connection = connection
        self.settings = settings
        self.paths = paths
        self.sandbox_mode = sandbox_mode
        self.events = events if events is not None else AppEvents()
        self._catalog = catalog
        self._journal = journal
        self._lock = threading.Lock()

    @property
    def catalog(self) -> CatalogStore:
        with self._lock:
            if callable(self._catalog):
                self._catalog = self._catalog()
            return self._catalog

    @property
    def journal(self) -> OrderJournal:
        with self._lock:
            if callable(self._journal):
                self._journal = self._journal()
            return self._journal
