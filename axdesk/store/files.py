"""Writing files privately, and so that a crash leaves either the old or the new content.

Private: the journal, logs, settings and exports hold travelers' names, phones
and e-mails, so on POSIX every file axdesk makes is 0600 and every folder it
makes for itself 0700, whatever the umask (the usual 022 would give 0644 and
0755: readable by every account on the computer). Files made by an older
axdesk with open modes are closed when opened again. On Windows the modes
mean nothing (the user's profile folders are private already) and are left.
"""

from __future__ import annotations

import contextlib
import logging.handlers
import os
import tempfile
from pathlib import Path
from typing import Any, Final

__all__ = [
    "PRIVATE_DIR_MODE",
    "PRIVATE_FILE_MODE",
    "PrivateRotatingFileHandler",
    "atomic_write_bytes",
    "atomic_write_text",
    "make_private",
    "make_private_dir",
    "private_opener",
]

PRIVATE_FILE_MODE: Final = 0o600
PRIVATE_DIR_MODE: Final = 0o700
_POSIX: Final = os.name == "posix"


def make_private(path: Path | str) -> None:
    """Set an existing file to 0600 (nothing on Windows). Raises ``OSError`` on failure."""
    if _POSIX:
        os.chmod(path, PRIVATE_FILE_MODE)


def make_private_dir(folder: Path) -> None:
    """Create ``folder`` (and missing parents) and make it 0700. Raises ``OSError``.

    Parents that have to be made get the usual mode (like ``mkdir -p``): only the
    folder axdesk keeps its files in is closed, never a folder the user chose.
    """
    folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR_MODE)
    if _POSIX:
        os.chmod(folder, PRIVATE_DIR_MODE)


def private_opener(path: str, flags: int) -> int:
    """An ``open(..., opener=)`` that creates the file 0600 and closes an existing one."""
    descriptor = os.open(path, flags, PRIVATE_FILE_MODE)
    if _POSIX:
        try:
            os.fchmod(descriptor, PRIVATE_FILE_MODE)
        except OSError:
            os.close(descriptor)
            raise
    return descriptor


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A ``RotatingFileHandler`` whose file (and so each rotated copy) is 0600."""

    def _open(self) -> Any:
        return open(
            self.baseFilename,
            self.mode,
            encoding=self.encoding,
            errors=self.errors,
            opener=private_opener,
        )


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and ``os.replace``.

    The folder is created if missing. The file is 0600 (``mkstemp`` makes it so).
    Raises ``OSError`` on failure; the old file, if any, is then untouched.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise


def atomic_write_text(path: Path, text: str) -> None:
    """:func:`atomic_write_bytes` for UTF-8 text (newlines written as given)."""
    atomic_write_bytes(path, text.encode("utf-8"))
