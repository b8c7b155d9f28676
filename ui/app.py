"""Starting the window: check there is a display, build the QApplication, open the archive."""

from __future__ import annotations

import ctypes.util
import os
import sys

from beautifulletters.paths import resolve_archive_path

NO_DISPLAY_MESSAGE = (
    "beautifulletters: no display is available (DISPLAY and WAYLAND_DISPLAY are unset); "
    "run it on a desktop, or use a command such as `beautifulletters people list`."
)


def display_problem() -> str | None:
    """A one-line reason the window cannot open here, or None. Avoids Qt's abort on a headless box."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return None  # the caller chose a platform (offscreen, xcb, wayland) explicitly
    if sys.platform.startswith("linux"):
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            return NO_DISPLAY_MESSAGE
        if os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            # Qt's xcb plugin aborts when this library is missing; say which package brings it.
            if ctypes.util.find_library("xcb-cursor") is None:
                return (
                    "beautifulletters: the window needs the X11 library libxcb-cursor "
                    "(install it with: sudo apt-get install libxcb-cursor0)."
                )
    return None


def run_window(archive_option: str | None = None) -> int:
    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    from PySide6.QtWidgets import QApplication

    from ui.main_window import MainWindow, open_archive_for_window

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("BeautifulLetters")
    app.setOrganizationName("BeautifulLetters")
    archive, notice = open_archive_for_window(resolve_archive_path(archive_option))
    if archive is None:
        print(f"beautifulletters: {notice}", file=sys.stderr)
        return 1
    window = MainWindow(archive, notice=notice)
    window.show()
    return app.exec()
