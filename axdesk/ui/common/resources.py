"""Where the app's bundled files (translations, icons, the guide, licences) are on disk.

They live inside the package (``axdesk/resources``) and are found with
:mod:`importlib.resources`, so the same lookup works in a checkout, an installed
wheel, the Debian package and a PyInstaller bundle (whose frozen importer maps the
package to ``sys._MEIPASS/axdesk``). Every use needs real files (Qt opens them by
name), which all of these provide.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from PySide6.QtGui import QIcon

APP_ID = "com.axdesk.AxDesk"
RESOURCES_PACKAGE = "axdesk"
RESOURCES_FOLDER = "resources"
USER_GUIDE = "user-guide.md"


def resources_dir() -> Path:
    """The ``axdesk/resources`` folder of the package in use."""
    return Path(str(files(RESOURCES_PACKAGE).joinpath(RESOURCES_FOLDER)))


def translations_dir() -> Path:
    return resources_dir() / "translations"


def docs_dir() -> Path:
    """The operator's guide (Help > Documentation)."""
    return resources_dir() / "docs"


def licenses_dir() -> Path:
    """The licence texts shown in Help > About (axdesk's own and the bundled ones)."""
    return resources_dir() / "licenses"


def app_icon() -> QIcon:
    """The app icon (SVG, with the desktop theme's icon of the same id preferred)."""
    fallback = QIcon(str(resources_dir() / "icons" / f"{APP_ID}.svg"))
    return QIcon.fromTheme(APP_ID, fallback)
