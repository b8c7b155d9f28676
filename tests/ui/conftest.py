"""Fixtures shared by the window's tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

WINDOW_READY_MS = 30000


@pytest.fixture
def desk_editor(qtbot):
    """The writing desk (page, format bar, spelling), shown at a window's size and closed after the test."""
    from ui.desk.editor import LetterEditor

    widget = LetterEditor()
    qtbot.addWidget(widget)
    widget.resize(1000, 800)
    widget.show()
    yield widget
    widget.close_letter()


@pytest.fixture
def german(monkeypatch: pytest.MonkeyPatch):
    """The window in German, as LANGUAGE=de starts it: the app's catalogue and Qt's own words."""
    from PySide6.QtWidgets import QApplication

    from beautifulletters import i18n
    from ui.language import install_qt_translation

    app = QApplication.instance() or QApplication([])
    monkeypatch.setenv("LANGUAGE", "de")
    assert i18n.set_language(None) == "de"
    install_qt_translation(app)
    yield
    monkeypatch.setenv("LANGUAGE", "en")
    i18n.set_language(None)
    install_qt_translation(app)  # removes Qt's German again


@pytest.fixture
def window(qtbot, archive_path: Path) -> Iterator[object]:
    """The real main window on the sample archive, shown, with its desk ready, closed after the test."""
    from PySide6.QtWidgets import QApplication

    from beautifulletters.preferences import Preferences
    from ui.resources import register_bundled_fonts
    from ui.window.archive_opening import open_archive_for_window
    from ui.window.main_window import MainWindow
    from ui.window.theme import apply_theme

    register_bundled_fonts()
    apply_theme(QApplication.instance(), dark=False)
    archive, notice = open_archive_for_window(archive_path)
    assert archive is not None, notice
    main = MainWindow(archive, notice=notice, preferences=Preferences())
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    # The editor and reader come just after the first frame.
    qtbot.waitUntil(lambda: main.desk_ready, timeout=WINDOW_READY_MS)
    yield main
    if main.isVisible():
        main.close()
