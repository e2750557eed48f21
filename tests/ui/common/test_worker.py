"""The worker: results on the GUI thread, errors sorted by kind, a shutdown that never hangs."""

from __future__ import annotations

import gc
import socket
import threading
import time
import weakref
from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtCore import QObject, QThread
from PySide6.QtWidgets import QPushButton, QWidget

from axdesk.api import AxClient, AxError, AxNetworkError
from axdesk.ui.common.worker import CallCancelled, CallGroup, Worker
from axdesk.ui.connection.net import InterruptibleTransport


@pytest.fixture
def worker(qapp) -> Iterator[Worker]:
    built = Worker()
    yield built
    assert built.shutdown(2000)


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A loopback TCP server that accepts connections and never answers (a hung AX)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.1)
        while not stop.is_set():
            try:
                connection, _ = server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            accepted.append(connection)

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1]
    stop.set()
    thread.join(2)
    for connection in accepted:
        connection.close()
    server.close()


@pytest.mark.usefixtures("no_cyclic_collection")
def test_a_finished_call_lets_go_of_what_its_function_holds(qtbot, worker: Worker) -> None:
    # A function that asks its own call whether it was cancelled (live sync's lanes do)
    # is a reference cycle while the call holds it: left for the collector, which in the
    # app runs on the GUI thread, with all the function holds (a lane's 500 orders).
    class Orders:
        pass

    orders = Orders()
    held = weakref.ref(orders)

    def launch(orders: Orders) -> list[bool]:
        answers: list[bool] = []
        call = worker.call(lambda: orders is not None and not call.cancelled)
        call.on_success(answers.append).start()
        return answers

    answers = launch(orders)
    del orders
    qtbot.waitUntil(lambda: answers == [True])
    qtbot.waitUntil(lambda: held() is None, timeout=1000)


def test_result_arrives_on_the_gui_thread(qtbot, worker: Worker) -> None:
    gui_thread = QThread.currentThread()
    seen: list[tuple[int, bool]] = []
    done = threading.Event()

    def work() -> int:
        assert QThread.currentThread() is not gui_thread
        return 42

    with (
        qtbot.assert_not_emitted(worker.error_reported),
        qtbot.waitSignal(worker.busy_changed, check_params_cb=lambda busy: busy is False),
    ):
        worker.call(work).on_success(
            lambda value: seen.append((value, QThread.currentThread() is gui_thread))
        ).on_done(done.set).start()
    assert seen == [(42, True)]
    assert done.is_set()


def test_busy_widget_is_disabled_while_the_call_runs(qtbot, worker: Worker) -> None:
    button = QPushButton("Refresh")
    qtbot.addWidget(button)
    release = threading.Event()
    call = worker.call(lambda: release.wait(5)).busy(button).start()
    assert not button.isEnabled()
    with qtbot.waitSignal(worker.busy_changed, check_params_cb=lambda busy: busy is False):
        release.set()
    assert button.isEnabled()
    assert call.finished


def test_ax_error_is_shown_as_its_sentence(qtbot, worker: Worker) -> None:
    def fail() -> None:
        raise AxNetworkError("Could not connect to AX.", request_sent=False)

    with qtbot.waitSignal(worker.error_reported) as blocker:
        worker.call(fail).start()
    assert blocker.args == ["Could not connect to AX."]


def test_a_bug_is_logged_and_shown_calmly(qtbot, worker: Worker, caplog) -> None:
    def crash() -> None:
        raise KeyError("internal detail")

    with qtbot.waitSignal(worker.error_reported) as blocker:
        worker.call(crash).start()
    sentence = blocker.args[0]
    assert "internal detail" not in sentence
    assert "Traceback" not in sentence
    assert "Nothing was lost" in sentence
    assert any(record.exc_info for record in caplog.records)


def test_cancel_is_silent(qtbot, worker: Worker) -> None:
    def cancelled() -> None:
        raise CallCancelled()

    called: list[object] = []
    with (
        qtbot.assert_not_emitted(worker.error_reported),
        qtbot.waitSignal(worker.busy_changed, check_params_cb=lambda busy: busy is False),
    ):
        worker.call(cancelled).on_done(lambda: called.append("done")).start()
    assert called == []


def test_a_cancelled_call_delivers_nothing(qtbot, worker: Worker) -> None:
    release = threading.Event()
    results: list[object] = []
    call = worker.call(lambda: release.wait(5)).on_success(results.append).start()
    call.cancel()
    release.set()
    assert worker.shutdown(1000)
    qtbot.wait(50)
    assert results == []


def test_shutdown_interrupts_a_blocking_call_within_a_second(qtbot, worker: Worker) -> None:
    started = threading.Event()
    unblock = threading.Event()

    def blocking() -> None:
        started.set()
        unblock.wait(30)
        raise CallCancelled()

    worker.add_abort_hook(unblock.set)
    worker.call(blocking).start()
    assert started.wait(2)
    began = time.monotonic()
    assert worker.shutdown(1000)
    assert time.monotonic() - began < 1.0


def test_shutdown_interrupts_a_hung_http_request(qtbot, worker: Worker, silent_server) -> None:
    """A real request that would wait 10 s for its answer stops at once on shutdown."""
    transport = InterruptibleTransport()
    client = AxClient(
        f"http://127.0.0.1:{silent_server}",
        "key-123456",
        "channel-1",
        timeout=10.0,
        transport=transport,
        sleep=transport.sleep,
    )
    worker.add_abort_hook(transport.abort)
    worker.add_abort_hook(client.close)
    sent = threading.Event()
    errors: list[BaseException] = []

    def ask() -> object:
        sent.set()
        try:
            return client.get_order_status("3f1c0a56-2f0e-4c1a-9a57-000000000000")
        except AxError as error:
            errors.append(error)
            raise

    worker.call(ask).start()
    assert sent.wait(2)
    time.sleep(0.2)  # the request is now waiting for its answer
    began = time.monotonic()
    assert worker.shutdown(1000)
    assert time.monotonic() - began < 1.0
    assert errors
    assert isinstance(errors[0], AxError)


def test_many_cancelled_calls_are_dropped_safely(qtbot, worker: Worker) -> None:
    """Cancelled calls whose answers are still queued must not break delivery, even when
    the garbage collector frees them meanwhile (a call holds no QObject of its own)."""
    delivered: list[object] = []
    for index in range(200):
        call = worker.call(lambda i=index: i).on_success(delivered.append).start()
        if index % 2:
            call.cancel()
        del call
        if index % 20 == 0:
            gc.collect()
    qtbot.waitUntil(lambda: worker.active_count == 0, timeout=5000)
    gc.collect()
    qtbot.wait(50)
    assert sorted(delivered) == list(range(0, 200, 2))


def test_a_call_group_cancels_what_is_still_running_and_lets_finished_calls_go(
    qtbot, worker: Worker
) -> None:
    group = CallGroup()
    started, release, returned = threading.Event(), threading.Event(), threading.Event()
    answers: list[str] = []

    def slow_answer() -> str:
        started.set()
        release.wait(5)
        returned.set()
        return "slow"

    quick = group.add(worker.call(lambda: "quick").on_success(answers.append).start())
    qtbot.waitUntil(lambda: quick.finished)
    slow = group.add(worker.call(slow_answer).on_success(answers.append).start())
    qtbot.waitUntil(started.is_set)  # running on its thread, not just queued

    group.cancel_all()
    release.set()
    qtbot.waitUntil(returned.is_set)
    qtbot.wait(100)  # the slow answer's queued delivery, had it not been cancelled

    assert slow.cancelled
    assert not quick.cancelled
    assert answers == ["quick"]


def test_an_operator_call_is_announced_and_cancelled_by_the_operator(qtbot, worker) -> None:
    release = threading.Event()
    ran = threading.Event()
    outcomes: list[str] = []
    hooked: list[object] = []
    worker.add_cancel_hook(hooked.append)

    def slow() -> str:
        ran.set()
        release.wait(5)
        return "answer"

    with qtbot.waitSignal(worker.operator_call_started) as started:
        call = (
            worker.call(slow)
            .on_success(lambda result: outcomes.append(result))
            .on_error(lambda error: outcomes.append(f"error {error}"))
            .on_done(lambda: outcomes.append("done"))
            .operator()
            .start()
        )
    assert started.args == [call]
    assert call.is_operator
    assert ran.wait(2)
    assert call.thread_ident not in (None, threading.get_ident())

    with qtbot.waitSignal(worker.operator_call_ended) as ended:
        call.cancel_by_operator()
    assert ended.args == [call]
    assert outcomes == ["done"]  # the caller gets its state back; the answer is dropped
    assert hooked == [call]  # the connection is asked to abort the request
    release.set()
    qtbot.waitUntil(lambda: worker._pool.activeThreadCount() == 0)
    qtbot.wait(50)  # the dropped answer's queued delivery, if it were delivered
    assert outcomes == ["done"]


def test_calls_not_marked_are_not_announced(qtbot, worker) -> None:
    with qtbot.assert_not_emitted(worker.operator_call_started):
        call = worker.call(lambda: 1).start()
        qtbot.waitUntil(lambda: call.finished)


def test_a_shutdown_that_times_out_says_what_still_runs(qtbot, worker: Worker, caplog) -> None:
    """A call that ignores the abort hooks outlives the bounded wait: the worker names it
    (the log, and ``running`` for the tests' leak guard) instead of failing silently."""
    started = threading.Event()
    unblock = threading.Event()

    def stubborn_request() -> None:
        started.set()
        unblock.wait(10)

    call = worker.call(stubborn_request).start()
    assert started.wait(2)
    assert worker.running == (call,)
    assert not worker.shutdown(50)
    assert "stubborn_request" in caplog.text
    assert worker.running == (call,)  # cancelled, but its function still runs
    unblock.set()
    qtbot.waitUntil(lambda: not worker.running, timeout=2_000)


def test_a_shutdown_goes_through_although_a_busy_widget_was_destroyed(qtbot, worker) -> None:
    """A dialog closed while its call runs: the shutdown still cancels, aborts and waits
    (it used to raise at the dead button, before the client and database were closed)."""
    release = threading.Event()
    aborted: list[bool] = []
    worker.add_abort_hook(lambda: aborted.append(True))
    worker.add_abort_hook(release.set)
    dialog = QWidget()
    button = QPushButton(dialog)
    worker.call(lambda: release.wait(5)).busy(button).start()
    shiboken6.delete(dialog)
    assert worker.shutdown(1000)
    assert aborted == [True]
    assert worker.active_count == 0


class Receiver(QObject):
    """A dialog's helper: its methods touch its C++ side, gone once it is destroyed."""

    def __init__(self) -> None:
        super().__init__()
        self.heard: list[object] = []

    def answered(self, value: object) -> None:
        self.heard.append((self.objectName(), value))

    def done(self) -> None:
        self.heard.append(self.objectName())


def test_an_answer_for_a_destroyed_receiver_is_dropped(qtbot, worker) -> None:
    release = threading.Event()
    receiver = Receiver()
    heard = receiver.heard
    ended: list[bool] = []
    call = (
        worker.call(lambda: release.wait(5))
        .on_success(receiver.answered)
        .on_error(receiver.answered)
        .on_done(receiver.done)
    )
    call.start()
    shiboken6.delete(receiver)
    with qtbot.assert_not_emitted(worker.error_reported):
        release.set()
        worker.busy_changed.connect(lambda busy: ended.append(busy))
        qtbot.waitUntil(lambda: call.finished, timeout=2_000)
    assert heard == []
    assert ended == [False]
