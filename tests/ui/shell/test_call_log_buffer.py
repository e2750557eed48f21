"""The call log is buffered, and the GUI hears of calls a few times a second at most.

Before: every request wrote its line on the worker thread (the handler's lock, a
write and a flush per line) and emitted a cross-thread signal, which together cost
live sync a third of its speed (issue 13). Now a worker only appends to a bounded
buffer that a thread of the log writes out by size and time and at close, and
the GUI gets the latest record (and the latest proper answer) coalesced.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
import threading
import time
from pathlib import Path

import pytest

from axdesk.api import CallRecord
from axdesk.ui.common.context import Connection
from axdesk.ui.shell.bootstrap import record_calls
from axdesk.ui.shell.call_log import CallLog, read_tail


def record(number: int, *, status: int | None = 200, error: str | None = None) -> CallRecord:
    return CallRecord(
        method="GET",
        path=f"/v1/channel/orders/tour/order-{number}",
        status=status,
        duration_ms=1.0,
        headers_redacted={"Authorization": "Token ***"},
        error=error,
    )


def logged_lines(path: Path) -> list[str]:
    lines: list[str] = []
    for file in sorted(path.parent.glob(path.name + "*"), reverse=True):
        lines.extend(file.read_text(encoding="utf-8").splitlines())
    return lines


def test_a_normal_close_writes_every_line(tmp_path: Path) -> None:
    log = CallLog(tmp_path / "calls.log", max_bytes=200_000, backup_count=50)
    writers = [
        threading.Thread(target=lambda n=n: [log.write(record(n * 1000 + i)) for i in range(1000)])
        for n in range(4)
    ]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join()
    log.close()
    lines = logged_lines(tmp_path / "calls.log")
    assert len(lines) == 4000
    assert {line.split()[2] for line in lines} == {
        f"/v1/channel/orders/tour/order-{n * 1000 + i}" for n in range(4) for i in range(1000)
    }


def test_a_line_reaches_the_file_soon_without_closing(tmp_path: Path) -> None:
    log = CallLog(tmp_path / "calls.log", flush_interval=0.05)
    try:
        log.write(record(1))
        deadline = time.monotonic() + 10
        while "order-1" not in read_tail(log.path) and time.monotonic() < deadline:
            time.sleep(0.01)
        assert "order-1" in read_tail(log.path)
    finally:
        log.close()


def test_a_line_bears_the_moment_of_its_call_not_of_its_writing(tmp_path: Path) -> None:
    # Lines are formatted by the log's thread, in batches, up to flush_interval later.
    log = CallLog(tmp_path / "calls.log", flush_interval=3600)
    try:
        called = dt.datetime.now().astimezone()
        log.write(record(1))
        time.sleep(1.1)
        log.flush()
        stamp = dt.datetime.fromisoformat(logged_lines(log.path)[0].split(" ", 1)[0])
        assert abs((stamp - called).total_seconds()) < 0.5
        assert stamp.utcoffset() == called.utcoffset()
    finally:
        log.close()


def test_a_record_that_cannot_be_written_loses_no_other(tmp_path: Path) -> None:
    broken = CallRecord(
        method="GET", path="/v1/x", status=200, duration_ms="soon", headers_redacted={}  # type: ignore[arg-type]
    )
    log = CallLog(tmp_path / "calls.log", flush_interval=0.01)
    try:
        log.write(record(1))
        log.write(broken)
        log.write(record(2))
        log.write(record(3))
        # Written by the log's thread, not by close(): the thread outlived the broken one.
        deadline = time.monotonic() + 10
        while "order-3" not in read_tail(log.path) and time.monotonic() < deadline:
            time.sleep(0.01)
        lines = logged_lines(log.path)
    finally:
        log.close()
    orders = [line.split(" ")[2].rsplit("/", 1)[1] for line in lines if "order-" in line]
    assert orders == ["order-1", "order-2", "order-3"]
    assert sum("could not be written" in line for line in lines) == 1


def test_a_full_batch_is_written_without_waiting_for_the_interval(tmp_path: Path) -> None:
    log = CallLog(tmp_path / "calls.log", flush_interval=3600, batch_lines=10)
    try:
        for number in range(10):
            log.write(record(number))
        deadline = time.monotonic() + 10
        while len(logged_lines(log.path)) < 10 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert len(logged_lines(log.path)) == 10
    finally:
        log.close()


def test_flush_writes_what_is_buffered_at_once(tmp_path: Path) -> None:
    log = CallLog(tmp_path / "calls.log", flush_interval=3600)
    try:
        log.write(record(7))
        log.flush()
        assert "order-7" in read_tail(log.path)
    finally:
        log.close()


def test_a_stuck_disk_never_blocks_a_worker_and_the_buffer_stays_bounded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = CallLog(tmp_path / "calls.log", flush_interval=0.01, max_pending=100)
    disk_free = threading.Event()
    writing = threading.Event()
    real_write = log._write_lines

    def stuck_write(lines: list[str]) -> None:
        writing.set()
        disk_free.wait(30)
        real_write(lines)

    monkeypatch.setattr(log, "_write_lines", stuck_write)
    log.write(record(0))
    assert writing.wait(10)  # the log's thread is now stuck on the disk
    worker = threading.Thread(target=lambda: [log.write(record(n)) for n in range(1, 1001)])
    worker.start()
    worker.join(10)
    stuck_worker = worker.is_alive()
    disk_free.set()
    log.close()
    assert not stuck_worker
    lines = logged_lines(log.path)
    assert len(lines) <= 1 + 100 + 1  # the first, the buffer's worth, the note
    assert any("call records were not written" in line and "900" in line for line in lines)
    assert lines[-1].split()[2] == "/v1/channel/orders/tour/order-1000"  # newest kept


def test_the_call_log_and_its_rotations_are_private(tmp_path: Path) -> None:
    if os.name != "posix":
        pytest.skip("file modes are POSIX permissions")
    previous = os.umask(0o022)
    try:
        log = CallLog(tmp_path / "logs" / "calls.log", max_bytes=2_000, backup_count=3)
        for number in range(200):
            log.write(record(number))
        log.close()
    finally:
        os.umask(previous)
    files = sorted((tmp_path / "logs").glob("calls.log*"))
    assert len(files) == 4
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def test_the_gui_hears_of_a_burst_of_calls_a_few_times(qtbot, tmp_path: Path) -> None:
    connection = Connection()
    log = CallLog(tmp_path / "calls.log")
    heard: list[CallRecord] = []
    connection.call_finished.connect(heard.append)
    on_call = record_calls(log, connection)
    elapsed: list[float] = []

    def burst() -> None:
        began = time.monotonic()
        for number in range(2000):
            on_call(record(number))
        elapsed.append(time.monotonic() - began)

    worker = threading.Thread(target=burst)
    worker.start()
    qtbot.waitUntil(lambda: not worker.is_alive() and heard and heard[-1].path.endswith("-1999"))
    log.close()
    # At most one delivery per 0.25 s window, plus the one that opens the burst.
    assert len(heard) <= 2 + int(elapsed[0] / 0.25) + 2
    assert connection.last_success is not None


def test_a_success_hidden_behind_a_failure_still_counts_as_the_last_success(
    qtbot, tmp_path: Path
) -> None:
    connection = Connection()
    log = CallLog(tmp_path / "calls.log")
    heard: list[CallRecord] = []
    connection.call_finished.connect(heard.append)
    on_call = record_calls(log, connection)
    on_call(record(0, status=None, error="AxNetworkError: no answer"))
    qtbot.waitUntil(lambda: len(heard) == 1)
    # Within one window: a proper answer, then a failure. The status bar shows the
    # failure (the latest), and the success is not lost for last_success.
    on_call(record(1))
    on_call(record(2, status=None, error="AxNetworkError: no answer"))
    qtbot.waitUntil(lambda: heard[-1].path.endswith("-2"))
    log.close()
    assert connection.last_success is not None
    assert [r.path[-1] for r in heard] == ["0", "1", "2"]


def test_the_application_log_is_private(tmp_path: Path) -> None:
    if os.name != "posix":
        pytest.skip("file modes are POSIX permissions")
    import logging

    from axdesk.store.paths import AppPaths
    from axdesk.ui.app import configure_logging

    paths = AppPaths.default({"AXDESK_HOME": str(tmp_path / "home")})
    root = logging.getLogger()
    before = list(root.handlers)
    level = root.level
    previous = os.umask(0o022)
    try:
        configure_logging(paths)
        logging.getLogger("axdesk.test").warning("a line that names a traveler")
    finally:
        os.umask(previous)
        for handler in [h for h in root.handlers if h not in before]:
            root.removeHandler(handler)
            handler.close()
        root.setLevel(level)
    assert stat.S_IMODE(paths.app_log_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(paths.log_dir.stat().st_mode) == 0o700


def test_a_client_made_on_a_worker_thread_is_heard_on_the_gui_thread(qtbot, app_home) -> None:
    """Connecting makes the client on a worker; its calls must still reach the status bar.

    Before: the recorder made the connection's relay on first use, on that worker
    thread: Qt refused it the connection as parent ("Cannot create children for a
    parent that is in a different thread") and it lived in a thread that then
    ended, so no call was ever heard on the GUI thread.
    """
    from axdesk.store.paths import AppPaths
    from axdesk.ui.shell.bootstrap import open_shell

    shell = open_shell(AppPaths.default(), sandbox_mode=True)  # not connected yet
    heard: list[CallRecord] = []
    shell.ctx.connection.call_finished.connect(heard.append)
    recorders: list[object] = []
    maker = threading.Thread(target=lambda: recorders.append(shell.call_recorder()))
    maker.start()
    maker.join()
    caller = threading.Thread(target=lambda: recorders[0](record(7)))  # type: ignore[operator]
    caller.start()
    caller.join()
    try:
        qtbot.waitUntil(lambda: any(r.path.endswith("-7") for r in heard), timeout=3000)
    finally:
        shell.close()
