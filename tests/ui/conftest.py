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
