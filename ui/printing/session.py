"""A Qt application for command-line export: fonts and layout need one, a display does not."""

from __future__ import annotations

import os

from PySide6.QtGui import QGuiApplication


def ensure_gui_application() -> QGuiApplication:
    """The running Qt application, or a new offscreen one when the command line has none."""
    existing = QGuiApplication.instance()
    if existing is not None:
        return existing  # type: ignore[return-value]
    # Export draws no window: offscreen works with or without a display (and over ssh).
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QGuiApplication(["beautifulletters"])
