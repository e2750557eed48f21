"""Render axdesk's icon (axdesk/resources/icons/com.axdesk.AxDesk.svg) for the packages.

    python packaging/render_icons.py OUT_DIR

writes, with Qt alone (its SVG, ICO and ICNS image plugins come with PySide6):

- ``OUT_DIR/hicolor/<n>x<n>/apps/com.axdesk.AxDesk.png`` for n in 16 … 256 and
  ``OUT_DIR/hicolor/scalable/apps/com.axdesk.AxDesk.svg`` (the Debian package's
  freedesktop icon theme folders);
- ``OUT_DIR/com.axdesk.AxDesk.ico`` (Windows executable) and
  ``OUT_DIR/com.axdesk.AxDesk.icns`` (macOS app bundle).

They are build output (under ``build/``), made from the one committed SVG.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSize, Qt  # noqa: E402 - the platform is chosen first
from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
APP_ID = "com.axdesk.AxDesk"
SVG = ROOT / "axdesk" / "resources" / "icons" / f"{APP_ID}.svg"
HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(QSize(size, size), QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def save(image: QImage, path: Path, image_format: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = QImageWriter(str(path), image_format.encode())
    if not writer.write(image):
        raise SystemExit(f"Could not write {path}: {writer.errorString()}")


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    out = Path(argv[0])
    _app = QGuiApplication([])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"{SVG} is not a valid SVG")
    for size in HICOLOR_SIZES:
        save(
            render(renderer, size),
            out / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png",
            "png",
        )
    scalable = out / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SVG, scalable)
    save(render(renderer, 256), out / f"{APP_ID}.ico", "ico")
    save(render(renderer, 512), out / f"{APP_ID}.icns", "icns")
    print(f"Icons rendered into {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
