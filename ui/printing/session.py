"""A Qt application for command-line export: fonts and layout need one, a display does not."""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication


def ensure_gui_application() -> QCoreApplication:
    """The running Qt application, or a new offscreen one when the command line has none.

    A QApplication, not a bare QGuiApplication: a process has only one application object, and
    whatever runs after an export in the same process (a dialog, the benchmarks' editor) needs
    widgets.
    """
    existing = QApplication.instance()
    if existing is not None:
        return existing
    # Export draws no window: offscreen works with or without a display (and over ssh).
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QApplication(["beautifulletters"])
