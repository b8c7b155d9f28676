"""Starting the window: check there is a display, build the QApplication, open the archive."""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
from pathlib import Path
from typing import Any

from beautifulletters.i18n import N_, _
from beautifulletters.paths import resolve_archive_path

NO_DISPLAY_MESSAGE = N_(
    "beautifulletters: no display is available (DISPLAY and WAYLAND_DISPLAY are unset); "
    "run it on a desktop, or use a command such as `beautifulletters people list`."
)


def display_problem() -> str | None:
    """A one-line reason the window cannot open here, or None. Avoids Qt's abort on a headless box."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return None  # the caller chose a platform (offscreen, xcb, wayland) explicitly
    if sys.platform.startswith("linux"):
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            return _(NO_DISPLAY_MESSAGE)
        if os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            # Qt's xcb plugin aborts when this library is missing; say which package brings it.
            if ctypes.util.find_library("xcb-cursor") is None:
                return _(
                    "beautifulletters: the window needs the X11 library libxcb-cursor "
                    "(install it with: sudo apt-get install libxcb-cursor0)."
                )
    return None


M_ARENA_MAX = -8  # glibc's mallopt parameter


def use_fewer_malloc_arenas() -> None:
    """Two malloc arenas instead of one per thread that allocates (glibc on Linux).

    Each arena keeps what its thread freed; with the window's workers that held about 17 MB
    of a session on a 100,000-person archive. The same as MALLOC_ARENA_MAX=2, set from inside
    because the app is started by its own command.
    """
    if not sys.platform.startswith("linux"):
        return
    try:
        ctypes.CDLL(None).mallopt(M_ARENA_MAX, 2)
    except (OSError, AttributeError):
        pass  # another C library: nothing to tune


def run_window(archive_option: str | None = None) -> int:
    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    from PySide6.QtWidgets import QApplication

    from ui.window.errors import install_error_hooks

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from ui.window.single_instance import hand_over

    if hand_over(window_archive_path(archive_option), {"action": "show"}):
        return 0  # a window on this archive is running: it comes to the front instead
    install_error_hooks()
    window = open_main_window(archive_option)
    if window is None:
        return 1
    from ui.window import startup_probe

    if startup_probe.wanted():
        startup_probe.install(window, window.search_box)
    return app.exec()


def window_archive_path(archive_option: str | Path | None) -> Path:
    """The archive a window opens: the one asked for, else the last one used, else the default."""
    from beautifulletters.preferences import Preferences

    return resolve_archive_path(archive_option or Preferences.load().last_archive)


def open_main_window(archive_option: str | Path | None = None, letter_id: int | None = None) -> Any:
    """Set up the application (fonts, theme) and show the main window, optionally on one letter.

    Returns the window, or None after telling the person why it could not open.
    """
    use_fewer_malloc_arenas()  # before the window's workers start their threads
    from PySide6.QtWidgets import QApplication, QMessageBox

    from beautifulletters.preferences import Preferences
    from ui.language import install_qt_translation
    from ui.widgets.plain import show_message
    from ui.window.archive_opening import open_archive_for_window
    from ui.window.integrations import keep_calendar_current, start_automatic_backups
    from ui.window.main_window import MainWindow
    from ui.window.theme import follow_appearance

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("BeautifulLetters")
    app.setOrganizationName("BeautifulLetters")
    set_desktop_identity(app)
    install_qt_translation(app)  # Qt's own words (Cancel, Yes, No) in the app's language
    # The bundled handwriting fonts are registered by the desk's page engine when it first lays
    # out a page: nothing in the window's first frame is written in them.
    preferences = Preferences.load()
    follow_appearance(app, preferences)
    path = resolve_archive_path(archive_option or preferences.last_archive)
    # The quick check reads the whole file (seconds on a large archive): the window runs it
    # on a worker once it is shown, and offers the newest good backup if it fails.
    archive, notice = open_archive_for_window(path, full_check=False)
    if archive is None and offer_restore_if_damaged(path):
        archive, notice = open_archive_for_window(path, full_check=False)
    if archive is None:
        print(f"beautifulletters: {notice}", file=sys.stderr)
        show_message(
            QMessageBox.Icon.Critical, "BeautifulLetters", notice or _("Cannot open {path}.").format(path=path)
        )
        return None
    window = MainWindow(archive, notice=notice, preferences=preferences)
    from ui.window.single_instance import serve_soon

    serve_soon(window)  # later launches on this archive come here (the window owns the server)
    window.show()
    window.check_archive_in_background()
    if letter_id is not None:
        letter = archive.letters.get(letter_id)
        window.select_person(letter.recipient_id)
        window.open_letter(letter_id)
        window.activateWindow()
        window.editor.focus_end()
    start_automatic_backups(window)
    keep_calendar_current(window)
    return window


def set_desktop_identity(app: Any) -> None:
    """The app's own icon, and its menu entry's name so the desktop (Wayland's app id too) matches the window to it."""
    from PySide6.QtGui import QIcon

    from beautifulletters.desktop import APP_ID, icon_paths

    app.setDesktopFileName(APP_ID)
    icon = QIcon()
    for path in icon_paths():
        if path.suffix == ".png":  # 16 to 512 pixels; the SVG would switch QIcon to a renderer of its own
            icon.addFile(str(path))  # a file is read only when that size is drawn
    app.setWindowIcon(icon)


def offer_restore_if_damaged(path: Path) -> bool:
    """The archive failed its check on open: offer the newest good backup, keeping the damaged file."""
    from PySide6.QtWidgets import QMessageBox

    from beautifulletters import humandates
    from beautifulletters.archive import Archive
    from beautifulletters.errors import ArchiveDamagedError, BeautifulLettersError
    from beautifulletters.transfer import newest_good_backup, restore_newest_good_backup
    from ui.widgets.plain import ask_yes_no, show_message

    try:
        Archive.open(path).close()
        return False
    except ArchiveDamagedError as error:
        damage = str(error)
    except BeautifulLettersError:
        return False
    backup = newest_good_backup(path)
    if backup is None:
        return False
    restore = ask_yes_no(
        None,
        _("The archive is damaged"),
        _(
            "{damage}\n\nRestore the newest good backup, from {when}? "
            "The damaged file is kept beside it under a new name."
        ).format(damage=damage, when=humandates.timestamp(backup.created.astimezone())),
    )
    if not restore:
        return False
    try:
        restore_newest_good_backup(path)
    except BeautifulLettersError as error:
        show_message(QMessageBox.Icon.Warning, "BeautifulLetters", str(error))
        return False
    return True
