"""Render the app icon's SVG into the PNG sizes desktops look for (hicolor theme layout).

Run after changing resources/icons/hicolor/scalable/apps/*.svg:
    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/render_icons.py
The PNGs are committed, so installing the app needs no SVG renderer.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
APP_ID = "io.github.beautifulletters.beautifulletters"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def main() -> int:
    app = QGuiApplication(sys.argv[:1])  # noqa: F841 - QPainter needs an application
    icons = ROOT / "resources" / "icons" / "hicolor"
    renderer = QSvgRenderer(str(icons / "scalable" / "apps" / f"{APP_ID}.svg"))
    if not renderer.isValid():
        print("the SVG cannot be read", file=sys.stderr)
        return 1
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        target = icons / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        image.save(str(target), "PNG")
        print(target.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
