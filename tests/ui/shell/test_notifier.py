"""Notices reach the desktop's notification server over D-Bus when there is no tray.

A private session bus (Debian's ``dbus-daemon``) is started per test, with a small
notification server on it that records what it was sent, as GNOME Shell's would.
"""

from __future__ import annotations

import shutil
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest

from axdesk.ui.shell.desktop_notify import (
    BUS_NAME,
    NotificationError,
    send_notification,
    session_bus_address,
)

DBUS_DAEMON = shutil.which("dbus-daemon")
needs_dbus = pytest.mark.skipif(
    DBUS_DAEMON is None, reason="needs dbus-daemon (apt-get install dbus-daemon; ./dev does)"
)


@dataclass
class NotificationServer:
    """org.freedesktop.Notifications on a bus: answers Notify with ids 1, 2, … and records it."""

    address: str
    received: list[tuple[str, str, str, str]] = field(default_factory=list)
    got_one: threading.Event = field(default_factory=threading.Event)
    _stop: threading.Event = field(default_factory=threading.Event)

    def serve(self, ready: threading.Event) -> None:
        from jeepney import HeaderFields, MessageType, new_method_return
        from jeepney.bus_messages import message_bus
        from jeepney.io.blocking import open_dbus_connection

        with open_dbus_connection(bus=self.address) as connection:
            connection.send_and_get_reply(message_bus.RequestName(BUS_NAME), timeout=5)
            ready.set()
            while not self._stop.is_set():
                try:
                    message = connection.receive(timeout=0.2)
                except TimeoutError:
                    continue
                fields = message.header.fields
                if message.header.message_type is not MessageType.method_call:
                    continue
                if fields.get(HeaderFields.member) == "Notify":
                    app_name, _replaces, icon, title, body, *_rest = message.body
                    self.received.append((app_name, icon, title, body))
                    connection.send(new_method_return(message, "u", (len(self.received),)))
                    self.got_one.set()

    def stop(self) -> None:
        self._stop.set()


@pytest.fixture
def session_bus() -> Iterator[str]:
    assert DBUS_DAEMON is not None
    daemon = subprocess.Popen(  # noqa: S603 - Debian's dbus-daemon
        [DBUS_DAEMON, "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,  # "Failed to set fd limit" when not allowed to raise it
        text=True,
    )
    try:
        assert daemon.stdout is not None
        address = daemon.stdout.readline().strip()
        assert address.startswith("unix:"), address
        yield address
    finally:
        daemon.terminate()
        daemon.wait(timeout=10)
        assert daemon.stdout is not None
        daemon.stdout.close()


@pytest.fixture
def notification_server(session_bus: str) -> Iterator[NotificationServer]:
    server = NotificationServer(session_bus)
    ready = threading.Event()
    thread = threading.Thread(target=server.serve, args=(ready,), daemon=True)
    thread.start()
    assert ready.wait(10), "the notification server did not take its name"
    yield server
    server.stop()
    thread.join(timeout=5)


@needs_dbus
def test_a_notification_reaches_the_server(notification_server: NotificationServer) -> None:
    assert send_notification(
        notification_server.address, "axdesk", "com.axdesk.AxDesk", "확정됨", "주문 A-1"
    ) == 1
    assert notification_server.received == [("axdesk", "com.axdesk.AxDesk", "확정됨", "주문 A-1")]


@needs_dbus
def test_a_bus_without_a_notification_server_is_an_error_not_a_wait(session_bus: str) -> None:
    with pytest.raises(NotificationError):
        send_notification(session_bus, "axdesk", "x", "title", "body")


def test_no_bus_is_an_error(tmp_path) -> None:
    with pytest.raises(NotificationError):
        send_notification(f"unix:path={tmp_path / 'none'}", "axdesk", "x", "t", "b")


def test_the_session_bus_is_found_from_the_environment(tmp_path) -> None:
    assert session_bus_address({"DBUS_SESSION_BUS_ADDRESS": "unix:path=/x"}) == "unix:path=/x"
    (tmp_path / "bus").touch()
    assert session_bus_address({"XDG_RUNTIME_DIR": str(tmp_path)}) == (
        f"unix:path={tmp_path / 'bus'}"
    )
    assert session_bus_address({}) is None


@needs_dbus
def test_the_window_sends_a_supplier_s_decision_to_the_desktop_when_there_is_no_tray(
    qtbot, launch_window, notification_server: NotificationServer
) -> None:
    window = launch_window()
    assert window.notifier.tray is None  # offscreen: no tray, as on stock GNOME
    window.notifier.bus_address = notification_server.address
    with qtbot.waitSignal(window.notifier.delivered, timeout=10_000) as delivered:
        window.orders_tab.notify.emit("Supplier confirmed", "Order order-123")
    assert delivered.args == ["dbus"]
    assert notification_server.received == [
        ("axdesk", "com.axdesk.AxDesk", "Supplier confirmed", "Order order-123")
    ]


@needs_dbus
def test_without_a_notification_server_the_status_bar_says_it(
    qtbot, launch_window, session_bus: str
) -> None:
    window = launch_window()
    window.notifier.bus_address = session_bus
    with qtbot.waitSignal(window.notifier.delivered, timeout=10_000) as delivered:
        window.orders_tab.notify.emit("Supplier confirmed", "Order order-123")
    assert delivered.args == ["window"]
    assert window.status.note() == "Supplier confirmed: Order order-123"
