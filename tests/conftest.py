"""Fixtures every test gets: no test touches the real user directories, keyring or desktop."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backend
import pytest
from hypothesis import HealthCheck, settings

# Property tests check what is true, never how fast: a per-example time limit is a timed
# unit test, and it failed on a loaded machine (338 ms against 200 ms). Speed is the
# benchmarks' business (benchmarks/run).
settings.register_profile("axdesk", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("axdesk")

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# No test reaches the developer's own desktop session (its notification server): the
# tests that need a session bus start one of their own (tests/ui/shell/test_notifier.py).
for _name in ("DBUS_SESSION_BUS_ADDRESS", "XDG_RUNTIME_DIR"):
    os.environ.pop(_name, None)


@pytest.fixture
def no_cyclic_collection() -> Iterator[None]:
    """Python's cyclic collector idle during the test: automatic collection off, and the
    app's GUI-thread collector (which collects once a generation passes its threshold)
    never due. For tests that check that refcounts alone free what a call made."""
    enabled, thresholds = gc.isenabled(), gc.get_threshold()
    gc.disable()
    gc.set_threshold(1_000_000_000, 1_000_000_000, 1_000_000_000)
    yield
    gc.set_threshold(*thresholds)
    if enabled:
        gc.enable()


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring that lives in memory, so tests never reach the developer's real one."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


@pytest.fixture(autouse=True)
def app_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point every axdesk path (data, config, logs) at a fresh temporary folder."""
    home = tmp_path / "axdesk-home"
    home.mkdir()
    monkeypatch.setenv("AXDESK_HOME", str(home))
    return home


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    """Replace the keyring backend for the duration of one test."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)
