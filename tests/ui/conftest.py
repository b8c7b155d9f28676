"""Fixtures shared by the window's tests."""

from __future__ import annotations

import pytest


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
