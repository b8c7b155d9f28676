"""Bundled fonts and icons for Qt: handwriting fonts registered at start, toolbar icons for light and dark."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFontDatabase,
    QGuiApplication,
    QIcon,
    QIconEngine,
    QImage,
    QPainter,
    QPalette,
    QPixmap,
)
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
    "calendar": ("x-office-calendar", "calendar"),
}


@cache
def _svg(file: str) -> str:
    return resource_path("icons", "actions", f"{file}.svg").read_text(encoding="utf-8")


class _InkIcon(QIconEngine):
    """Draws a bundled SVG in the palette's text colour at the moment it is painted, so the same
    icon is dark on a light window and light on a dark one, and muted when its command is off."""

    def __init__(self, file: str) -> None:
        super().__init__()
        self.file = file

    def _renderer(self, mode: QIcon.Mode) -> QSvgRenderer:
        group = QPalette.ColorGroup.Disabled if mode == QIcon.Mode.Disabled else QPalette.ColorGroup.Active
        role = QPalette.ColorRole.PlaceholderText if mode == QIcon.Mode.Disabled else QPalette.ColorRole.WindowText
        color: QColor = QGuiApplication.palette().color(group, role)
        return QSvgRenderer(QByteArray(_svg(self.file).replace("currentColor", color.name()).encode("utf-8")))

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._renderer(mode).render(painter, QRectF(rect))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        self.paint(painter, QRect(0, 0, size.width(), size.height()), mode, state)
        painter.end()
        return QPixmap.fromImage(image)

    def clone(self) -> QIconEngine:
        return _InkIcon(self.file)


def icon(name: str) -> QIcon:
    """The icon for one of the app's commands (see ICONS)."""
    themed, file = ICONS[name]
    if QIcon.hasThemeIcon(themed):
        return QIcon.fromTheme(themed)
    return QIcon(_InkIcon(file))
