"""Bundled fonts and icons for Qt: handwriting fonts registered at start, toolbar icons for light and dark."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QFontDatabase, QGuiApplication, QIcon, QImage, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from beautifulletters.resources import resource_path
from beautifulletters.stationery import BUNDLED_FONTS

_registered: dict[str, list[str]] = {}


def register_bundled_fonts() -> dict[str, list[str]]:
    """Load every bundled font file once; returns {our family name: families Qt reports}.

    Needs a QGuiApplication. Safe to call many times: later calls return the first result.
    """
    if _registered:
        return _registered
    for font in BUNDLED_FONTS:
        families: list[str] = []
        for filename in font.files:
            font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", font.folder, filename)))
            if font_id >= 0:
                families += [f for f in QFontDatabase.applicationFontFamilies(font_id) if f not in families]
        _registered[font.family] = families
    return _registered


def missing_fonts() -> list[str]:
    """Bundled families Qt could not load (a broken install); empty when all is well."""
    registered = register_bundled_fonts()
    return [family for family, reported in registered.items() if family not in reported]


# ---------------------------------------------------------------- icons
# Our name -> (freedesktop icon name, bundled Lucide file)
ICONS: dict[str, tuple[str, str]] = {
    "print": ("document-print", "printer"),
    "export": ("document-export", "file-down"),
    "new-letter": ("document-new", "pen-line"),
    "add-person": ("contact-new", "user-plus"),
    "undo": ("edit-undo", "undo-2"),
    "redo": ("edit-redo", "redo-2"),
    "play": ("media-playback-start", "play"),
    "pause": ("media-playback-pause", "pause"),
    "stop": ("media-playback-stop", "square"),
    "previous": ("media-skip-backward", "skip-back"),
    "next": ("media-skip-forward", "skip-forward"),
    "find": ("edit-find", "search"),
    "zoom-in": ("zoom-in", "zoom-in"),
    "zoom-out": ("zoom-out", "zoom-out"),
    "focus": ("view-fullscreen", "maximize-2"),
    "envelope": ("mail-message-new", "mail"),
    "preview": ("document-print-preview", "eye"),
}
_SIZES = (16, 22, 24, 32, 48)


@cache
def _svg(file: str) -> str:
    return resource_path("icons", "actions", f"{file}.svg").read_text(encoding="utf-8")


def _painted(file: str, color: QColor) -> QIcon:
    source = _svg(file).replace("currentColor", color.name())
    renderer = QSvgRenderer(QByteArray(source.encode("utf-8")))
    icon = QIcon()
    ratio = QGuiApplication.instance().devicePixelRatio() if QGuiApplication.instance() else 1.0  # type: ignore[union-attr]
    for size in _SIZES:
        pixels = max(1, round(size * ratio))
        image = QImage(pixels, pixels, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, pixels, pixels))
        painter.end()
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(ratio)
        icon.addPixmap(pixmap)
    return icon


def icon(name: str) -> QIcon:
    """The icon for one of the app's commands (see ICONS)."""
    themed, file = ICONS[name]
    if QIcon.hasThemeIcon(themed):
        return QIcon.fromTheme(themed)
    palette = QGuiApplication.palette()
    return _painted(file, palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText))
