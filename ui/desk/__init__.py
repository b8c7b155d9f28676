"""The writing desk: the letter editor, its page view, spelling, history and the letter window."""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette

# Here, not in editor.py, so the window's placeholder can use them without the editor.
DESK_COLOR = "#6f5b4b"  # a wooden desk under the paper, in a light window
DESK_COLOR_DARK = "#171412"  # in a dark window: darker than the window, so the paper stands out and nothing glares


def dark_palette(palette: QPalette | None = None) -> bool:
    """Whether the window is dark (the chosen appearance or the system's): its background is."""
    palette = palette if palette is not None else QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def desk_color(palette: QPalette | None = None) -> QColor:
    """The desk around the paper: brown in a light window, near black in a dark one (the paper
    itself keeps its own colour either way)."""
    return QColor(DESK_COLOR_DARK if dark_palette(palette) else DESK_COLOR)
