"""Desktop notifications through the freedesktop service on the session D-Bus (no Qt).

Stock GNOME has no system tray, so ``QSystemTrayIcon.showMessage`` shows nothing
there; every Linux desktop (GNOME, KDE, Xfce, …) runs a notification server at
``org.freedesktop.Notifications`` instead. One call, ``Notify``, is sent with
:mod:`jeepney` (pure Python, already used by keyring's Secret Service backend),
through a blocking connection: run it on the worker, never on the GUI thread. It
ends within :data:`CALL_TIMEOUT_SECONDS`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

BUS_NAME = "org.freedesktop.Notifications"
OBJECT_PATH = "/org/freedesktop/Notifications"
INTERFACE = "org.freedesktop.Notifications"
CALL_TIMEOUT_SECONDS = 3.0
SHOW_MILLISECONDS = 10_000


class NotificationError(Exception):
    """The notification could not be delivered (no bus, no server, an error reply)."""


def session_bus_address(environ: Mapping[str, str] | None = None) -> str | None:
    """The session bus's address, or None where there is none (not Linux, no login session)."""
    env = os.environ if environ is None else environ
    if not sys.platform.startswith("linux"):
        return None
    address = env.get("DBUS_SESSION_BUS_ADDRESS", "").strip()
    if address:
        return address
    runtime = env.get("XDG_RUNTIME_DIR", "").strip()
    if runtime and (Path(runtime) / "bus").exists():  # systemd's per-user bus
        return f"unix:path={Path(runtime) / 'bus'}"
    return None


def send_notification(address: str, app_name: str, icon: str, title: str, body: str) -> int:
    """Show one notification; returns the server's id for it. Raises :class:`NotificationError`."""
    from jeepney import (
        AuthenticationError,
        DBusAddress,
        DBusErrorResponse,
        MessageType,
        new_method_call,
    )
    from jeepney.io.blocking import open_dbus_connection

    target = DBusAddress(OBJECT_PATH, bus_name=BUS_NAME, interface=INTERFACE)
    message = new_method_call(
        target,
        "Notify",
        "susssasa{sv}i",
        (app_name, 0, icon, title, body, [], {}, SHOW_MILLISECONDS),
    )
    try:
        connection = open_dbus_connection(bus=address, auth_timeout=CALL_TIMEOUT_SECONDS)
    except (OSError, ValueError, KeyError, AuthenticationError) as error:
        raise NotificationError(f"no session bus at {address}: {error}") from error
    try:
        reply = connection.send_and_get_reply(message, timeout=CALL_TIMEOUT_SECONDS)
    except (OSError, TimeoutError, DBusErrorResponse) as error:
        raise NotificationError(f"the notification server did not take it: {error}") from error
    finally:
        connection.close()
    if reply.header.message_type is MessageType.error:
        raise NotificationError(f"the notification server refused it: {reply.body}")
    return int(reply.body[0])
