"""Hearing the other desks: the team journal's change notices (LISTEN/NOTIFY).

Every committed change to an order is announced by the server on the
channel ``axdesk_journal`` with the order's code (a trigger,
``axdesk.store.pg_schema`` v3). :class:`JournalListener` listens on a
connection of its own, in a daemon thread, and hands each batch of codes to
``on_change`` (on that thread: the UI's side, ``axdesk.ui.orders.team_feed``,
only queues them for the GUI thread). Notices that arrive together are
handed over as one batch. When the server cannot be reached it says so
through ``on_online(False)``, tries again every ``retry_seconds`` and says
``on_online(True)`` once listening again; a desk that was offline reads the
journal again then (the notices of the meantime are lost with the connection).

Every wait ends: the thread wakes at least every ``poll_seconds`` to see
whether it was stopped, and connecting has the journal's connect timeout.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from typing import Any

from axdesk.store.journal_base import JournalBase

_log = logging.getLogger(__name__)

CHANNEL = "axdesk_journal"
ALL_ORDERS = "*"
"""A code in a batch meaning "anything may have changed" (after a reconnect)."""
CATALOG_NOTICE = "#catalog"
"""A code in a batch meaning "the team catalog was published" (``axdesk.store.team_catalog``;
order codes never start with #)."""


class JournalListener:
    """Listens for the other desks' changes (see the module docstring)."""

    def __init__(
        self,
        connect: Callable[[], Any],
        on_change: Callable[[frozenset[str]], None],
        on_online: Callable[[bool], None] | None = None,
        *,
        poll_seconds: float = 0.5,
        batch_seconds: float = 0.02,
        retry_seconds: float = 1.0,
    ) -> None:
        self._connect = connect
        self._on_change = on_change
        self._on_online = on_online or (lambda _online: None)
        self._poll = poll_seconds
        self._batch = batch_seconds
        self._retry = retry_seconds
        self._stopped = threading.Event()
        self._conn: Any = None
        self._thread = threading.Thread(target=self._run, name="axdesk-journal-listener")
        self._thread.daemon = True

    def start(self) -> JournalListener:
        self._thread.start()
        return self

    def stop(self, timeout: float = 2.0) -> None:
        self._stopped.set()
        self._thread.join(timeout)

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def _run(self) -> None:
        online: bool | None = None
        while not self._stopped.is_set():
            try:
                conn = self._connect()
            except Exception as exc:
                _log.info("The team journal's change notices cannot be heard: %s", exc)
                if online is not False:
                    online = False
                    self._on_online(False)
                self._stopped.wait(self._retry)
                continue
            try:
                conn.execute(f"LISTEN {CHANNEL}")
                if online is not True:
                    if online is False:
                        self._on_change(frozenset({ALL_ORDERS}))  # missed while away
                    online = True
                    self._on_online(True)
                self._listen(conn)
            except Exception as exc:
                _log.info("The team journal's change notices stopped: %s", exc)
                if not self._stopped.is_set():
                    online = False
                    self._on_online(False)
                    self._stopped.wait(self._retry)
            finally:
                with contextlib.suppress(Exception):
                    conn.close()

    def _listen(self, conn: Any) -> None:
        while not self._stopped.is_set():
            codes = {n.payload for n in conn.notifies(timeout=self._poll, stop_after=1)}
            if not codes:
                continue
            codes.update(n.payload for n in conn.notifies(timeout=self._batch))
            self._on_change(frozenset(codes))


def journal_listener(
    journal: JournalBase,
    on_change: Callable[[frozenset[str]], None],
    on_online: Callable[[bool], None] | None = None,
) -> JournalListener | None:
    """A listener for the team journal ``journal`` is on (not started); None on this
    computer's journal, which no other desk writes."""
    connect = getattr(journal.connection, "connect", None)
    if journal.backend != "postgresql" or connect is None:
        return None
    return JournalListener(connect, on_change, on_online)
