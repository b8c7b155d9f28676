"""Bundled fonts and icons for Qt: handwriting fonts registered at start, toolbar icons for light and dark."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase

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
