"""Private files: folders 0700, the journal (with -wal/-shm), logs, settings, exports 0600.

The journal holds travelers' names, phones and e-mails. Under the usual umask
022, before this, the folders came out 0755 and the journal, its -wal and -shm
0644: readable by every account on the computer. Each check here runs under
umask 022 and reads the real mode from the file system.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from axdesk.store.db import open_database
from axdesk.store.export import write_csv
from axdesk.store.files import PrivateRotatingFileHandler, make_private_dir
from axdesk.store.paths import AppPaths
from axdesk.store.settings import Settings

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX permissions")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    previous = os.umask(0o022)
    yield
    os.umask(previous)


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    return AppPaths.default({"AXDESK_HOME": str(tmp_path / "home")})


def test_the_folders_are_private(paths: AppPaths) -> None:
    paths.ensure_dirs()
    for folder in (paths.data_dir, paths.config_dir, paths.log_dir):
        assert mode(folder) == 0o700, folder


def test_folders_made_open_by_an_older_axdesk_are_closed(paths: AppPaths) -> None:
    for folder in (paths.data_dir, paths.config_dir, paths.log_dir):
        folder.mkdir(parents=True, mode=0o755)
    paths.ensure_dirs()
    for folder in (paths.data_dir, paths.config_dir, paths.log_dir):
        assert mode(folder) == 0o700, folder


def test_the_journal_and_its_wal_and_shm_are_private(paths: AppPaths) -> None:
    database = open_database(paths.database_path)
    try:
        database.execute("CREATE TABLE IF NOT EXISTS probe (x)")
        database.execute("INSERT INTO probe VALUES (1)")
        wal = paths.database_path.with_name(paths.database_path.name + "-wal")
        shm = paths.database_path.with_name(paths.database_path.name + "-shm")
        assert wal.exists()
        assert shm.exists()
        for path in (paths.database_path, wal, shm):
            assert mode(path) == 0o600, path
        assert mode(paths.data_dir) == 0o700
    finally:
        database.close()


def test_a_journal_left_open_by_an_older_axdesk_is_closed(paths: AppPaths) -> None:
    open_database(paths.database_path).close()
    for suffix in ("", "-wal", "-shm"):
        target = paths.database_path.with_name(paths.database_path.name + suffix)
        target.touch()
        target.chmod(0o644)
    database = open_database(paths.database_path)
    try:
        database.execute("CREATE TABLE IF NOT EXISTS probe (x)")
        for suffix in ("", "-wal", "-shm"):
            target = paths.database_path.with_name(paths.database_path.name + suffix)
            assert mode(target) == 0o600, target
    finally:
        database.close()


def test_settings_are_private(paths: AppPaths) -> None:
    settings = Settings.load(paths.settings_path, autosave=False)
    settings.save()
    assert mode(paths.settings_path) == 0o600


def test_exports_are_private(tmp_path: Path) -> None:
    target = tmp_path / "manifest.csv"
    write_csv(target, ["name"], [["김민준"]])
    assert mode(target) == 0o600


def test_a_rotated_log_stays_private_after_rotation(paths: AppPaths) -> None:
    import logging

    make_private_dir(paths.log_dir)
    handler = PrivateRotatingFileHandler(
        paths.app_log_path, maxBytes=200, backupCount=2, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(message)s"))
    try:
        for number in range(20):
            handler.emit(logging.makeLogRecord({"msg": f"line {number} " + "x" * 40}))
    finally:
        handler.close()
    logs = sorted(paths.log_dir.glob("axdesk.log*"))
    assert len(logs) == 3  # the log and two rotated copies
    for path in logs:
        assert mode(path) == 0o600, path


def test_a_log_an_older_axdesk_left_open_is_closed(paths: AppPaths) -> None:
    make_private_dir(paths.log_dir)
    paths.app_log_path.write_text("old\n")
    paths.app_log_path.chmod(0o644)
    handler = PrivateRotatingFileHandler(paths.app_log_path, encoding="utf-8")
    handler.close()
    assert mode(paths.app_log_path) == 0o600
