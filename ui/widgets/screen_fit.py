"""Windows and dialogs open at a comfortable size that never exceeds the screen they open on (a
1024×768 screen, or 1440×900 at 200 %, is 720×450 to Qt): what does not fit scrolls or narrows."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# Room left around a window for the window manager's title bar and frame and a desktop's panel.
MARGIN_W = 24
MARGIN_H = 72


def resize_within_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize `widget` to width × height, or less where its screen (its parent's) is smaller."""
    parent = widget.parentWidget()
    screen = (parent.screen() if parent is not None else None) or widget.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        room = screen.availableGeometry()
        width = min(width, room.width() - MARGIN_W)
        height = min(height, room.height() - MARGIN_H)
    widget.resize(width, height)  # never below what its layout needs: Qt keeps to that itself
