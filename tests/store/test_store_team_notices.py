"""The other desks' changes are heard (issue 15 §5): LISTEN/NOTIFY on the team journal."""

from __future__ import annotations

import queue
import socket
import statistics
import time
from collections.abc import Iterator

import psycopg
import pytest
from pg_server import PostgresServer
from store_helpers import ENDPOINT, created_for, make_request

from axdesk.store import open_journal
from axdesk.store.journal import OrderJournal
from axdesk.store.pg_listen import ALL_ORDERS, JournalListener, journal_listener


@pytest.fixture
def two_desks(pg_url: str) -> Iterator[tuple[OrderJournal, OrderJournal]]:
    writer, reader = open_journal(pg_url), open_journal(pg_url)
    yield writer, reader
    writer.close()
    reader.close()


def _heard(heard: queue.SimpleQueue[frozenset[str]], code: str, within: float) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            if code in heard.get(timeout=max(0.0, deadline - time.monotonic())):
                return True
        except queue.Empty:
            return False
    return False


def test_a_write_at_one_desk_is_heard_at_another_and_its_latency_printed(
    two_desks: tuple[OrderJournal, OrderJournal],
) -> None:
    writer, reader = two_desks
    heard: queue.SimpleQueue[frozenset[str]] = queue.SimpleQueue()
    online: queue.SimpleQueue[bool] = queue.SimpleQueue()
    listener = journal_listener(reader, heard.put, online.put)
    assert listener is not None
    listener.start()
    try:
        assert online.get(timeout=5) is True
        latencies = []
        for number in range(20):
            request = make_request(code=f"o{number}")
            started = time.monotonic()
            writer.record_sending(request, endpoint=ENDPOINT)
            assert _heard(heard, f"o{number}", within=2.0), number
            latencies.append(time.monotonic() - started)
        started = time.monotonic()
        writer.mark_sent("o0", created_for(make_request(code="o0")))
        assert _heard(heard, "o0", within=2.0)
        latencies.append(time.monotonic() - started)
    finally:
        listener.stop()
    print(
        f"write to other desk heard: median {statistics.median(latencies) * 1000:.1f} ms,"
        f" worst {max(latencies) * 1000:.1f} ms over {len(latencies)} writes"
    )
    assert max(latencies) <= 2.0


def test_a_rolled_back_write_is_not_announced(
    two_desks: tuple[OrderJournal, OrderJournal],
) -> None:
    writer, reader = two_desks
    heard: queue.SimpleQueue[frozenset[str]] = queue.SimpleQueue()
    listener = journal_listener(reader, heard.put)
    assert listener is not None
    listener.start()
    try:
        time.sleep(0.5)  # listening
        writer.record_sending(make_request(code="kept"), endpoint=ENDPOINT)
        with pytest.raises(Exception, match="already in the journal"):
            writer.record_sending(make_request(code="kept"), endpoint=ENDPOINT)
        assert _heard(heard, "kept", within=2.0)
        assert not _heard(heard, "kept", within=0.5)  # the refused second write said nothing
    finally:
        listener.stop()


def test_this_computers_journal_has_no_listener(journal: OrderJournal, backend: str) -> None:
    listener = journal_listener(journal, lambda _codes: None)
    assert (listener is None) == (backend == "sqlite")


def test_an_unreachable_server_is_reported_and_retried_then_everything_reread(
    pg_url: str, postgres_server: PostgresServer
) -> None:
    """The first two connects reach a closed port; the third the real server."""
    attempts: list[int] = []
    online: queue.SimpleQueue[bool] = queue.SimpleQueue()
    heard: queue.SimpleQueue[frozenset[str]] = queue.SimpleQueue()
    database = pg_url.rsplit("/", 1)[1]

    def connect() -> psycopg.Connection[object]:
        attempts.append(1)
        port = _closed_port() if len(attempts) < 3 else postgres_server.port
        return psycopg.connect(
            host="127.0.0.1",
            port=port,
            user="axdesk",
            dbname=database,
            autocommit=True,
            connect_timeout=2,
        )

    listener = JournalListener(
        connect, heard.put, online.put, retry_seconds=0.05, poll_seconds=0.05
    )
    listener.start()
    try:
        assert online.get(timeout=10) is False
        assert online.get(timeout=10) is True
        assert heard.get(timeout=5) == frozenset({ALL_ORDERS})
    finally:
        listener.stop()
    assert not listener.running
    assert len(attempts) == 3


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
