"""Where axdesk keeps its files.

By default the platform's usual folders are used (``platformdirs``, app name
``axdesk``). When the environment variable ``AXDESK_HOME`` is set, every
file lives under that one folder instead; the tests set it per test so they
never touch the real user directories, and a user can set it to run a
portable copy.

Nothing is created when an :class:`AppPaths` is made; :meth:`AppPaths.ensure_dirs`
creates the folders (0700 on POSIX: they hold travelers' data), and the writers
in this package create the folder they write into on demand.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from axdesk.store.files import make_private_dir

APP_NAME = "axdesk"
HOME_ENV_VAR = "AXDESK_HOME"


class AppPathsError(Exception):
    """A folder axdesk needs cannot be made; ``str(err)`` is a sentence for the user."""


@dataclass(frozen=True)
class AppPaths:
    """The three folders axdesk writes to, and the well-known files inside them."""

    data_dir: Path
    config_dir: Path
    log_dir: Path

    @classmethod
    def default(cls, environ: Mapping[str, str] | None = None) -> AppPaths:
        """Paths for this user: under ``$AXDESK_HOME`` when set, else the platform folders."""
        env = os.environ if environ is None else environ
        home = env.get(HOME_ENV_VAR, "").strip()
        if home:
            root = Path(home).expanduser()
            return cls(data_dir=root / "data", config_dir=root / "config", log_dir=root / "logs")
        dirs = platformdirs.PlatformDirs(appname=APP_NAME, appauthor=False)
        return cls(
            data_dir=Path(dirs.user_data_dir),
            config_dir=Path(dirs.user_config_dir),
            log_dir=Path(dirs.user_log_dir),
        )

    @property
    def database_path(self) -> Path:
        """The SQLite file holding the catalog, the order journal and drafts."""
        return self.data_dir / "axdesk.sqlite3"

    @property
    def settings_path(self) -> Path:
        """The JSON settings file (no secrets are ever written to it)."""
        return self.config_dir / "settings.json"

    @property
    def call_log_path(self) -> Path:
        """The log of HTTP exchanges with AX (redacted headers only)."""
        return self.log_dir / "calls.log"

    @property
    def app_log_path(self) -> Path:
        """The application log (errors that are bugs end up here)."""
        return self.log_dir / "axdesk.log"

    def ensure_dirs(self) -> AppPaths:
        """Create the three folders if missing, private (0700); returns ``self`` for chaining.

        Raises :class:`AppPathsError` with a sentence when one cannot be made.
        """
        for folder in (self.data_dir, self.config_dir, self.log_dir):
            try:
                make_private_dir(folder)
            except OSError as exc:
                raise AppPathsError(
                    f"axdesk could not create its folder {folder} ({exc.strerror or exc}). "
                    f"Check that you may write there, or set {HOME_ENV_VAR} to a folder "
                    "you may write to."
                ) from exc
        return self
