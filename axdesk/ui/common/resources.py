"""Where the app's bundled files (translations, icons) are on disk."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QIcon

APP_ID = "com.axdesk.AxDesk"


def resources_dir() -> Path:
    """The ``resources`` folder: next to the package in a checkout, or inside a bundle."""
    bundle = getattr(sys, "_MEIPASS", None)  # set by PyInstaller in a frozen app
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[3] / "resources"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def app_icon() -> QIcon:
    """The app icon (SVG, with the desktop theme's icon of the same id preferred)."""
    fallback = QIcon(str(resources_dir() / "icons" / f"{APP_ID}.svg"))
    return QIcon.fromTheme(APP_ID, fallback)
