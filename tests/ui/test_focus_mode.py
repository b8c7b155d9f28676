"""Distraction-free writing (F11) in the real window: only the page, full screen; the bars come back
while the pointer rests at an edge; Escape or F11 leaves and the window is exactly as it was."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication

from tests.ui.test_page_fit import a_letter, open_window
from ui.window.main_window import MainWindow


def _writing_y(window: MainWindow) -> int:
    """Where the letter's fourth block is on screen, in window coordinates."""
    edit = window.editor.text_edit
    block = edit.document().findBlockByNumber(4)
    top = edit.document().documentLayout().blockBoundingRect(block).top()
    return edit.viewport().mapTo(window, QPoint(0, round(top) - edit.verticalScrollBar().value())).y()


def _shown(widget) -> bool:  # noqa: ANN001 - any widget
    return widget.isVisible() and widget.height() > 0


def _pointer_to(qtbot, window: MainWindow, x: int, y: int) -> None:
    QCursor.setPos(window.mapToGlobal(QPoint(x, y)))
    qtbot.wait(250)  # the mode looks where the pointer is ten times a second


def test_f11_leaves_only_the_page_and_escape_brings_the_window_back_as_it_was(qtbot, archive_path: Path) -> None:
    window = open_window(qtbot, archive_path, (1280, 800))
    window.open_letter(a_letter(window.archive))
    window.editor.find_bar.open_bar()  # open before: it must come back after
    window.side_panels.actions[1].setChecked(False)  # the writer hid the person's panel
    qtbot.waitUntil(lambda: not window.person_panel.isVisible())
    qtbot.wait(100)  # the splitter gives the room out
    QCursor.setPos(window.mapToGlobal(QPoint(600, 400)))
    geometry, splitter = window.geometry(), window.splitter.sizes()
    assert window.left_tabs.isVisible() and window.statusBar().isVisible() and window.toolbar.isVisible()

    qtbot.keyClick(window.editor.text_edit, Qt.Key.Key_F11)
    qtbot.waitUntil(window.isFullScreen, timeout=3000)
    qtbot.wait(100)
    assert window.focus_mode.active and window.editor.distraction_free
    for part in (
        window.menuBar(),
        window.toolbar,
        window.statusBar(),
        window.left_tabs,
        window.person_panel,
        window.editor.format_toolbar,
        window.editor.find_bar,
        window.about_you,
    ):
        assert not _shown(part), part
    page = window.editor.text_edit
    assert page.isVisible() and page.width() >= window.width() - 2 and page.height() >= window.height() - 2
    # The page stays a page on the desk: not blown up to the screen's width.
    assert window.editor.zoom <= 1.3 + 1e-6

    qtbot.keyClick(page, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isFullScreen(), timeout=3000)
    qtbot.waitUntil(lambda: window.geometry() == geometry, timeout=3000)
    qtbot.waitUntil(window.left_tabs.isVisible, timeout=3000)
    qtbot.wait(100)
    assert not window.focus_mode.active and not window.editor.distraction_free
    assert _shown(window.menuBar()) and window.toolbar.isVisible() and window.statusBar().isVisible()
    assert window.left_tabs.isVisible() and not window.person_panel.isVisible()  # as the writer left them
    assert window.editor.format_toolbar.isVisible() and window.editor.find_bar.isVisible()
    assert window.splitter.sizes() == splitter

    # F11 again leaves the same way.
    qtbot.keyClick(page, Qt.Key.Key_F11)
    qtbot.waitUntil(window.isFullScreen, timeout=3000)
    qtbot.keyClick(page, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: window.geometry() == geometry, timeout=3000)
    assert window.left_tabs.isVisible() and window.toolbar.isVisible()


def test_the_bars_come_back_while_the_pointer_rests_at_an_edge(qtbot, archive_path: Path) -> None:
    window = open_window(qtbot, archive_path, (1280, 800))
    window.open_letter(a_letter(window.archive))
    _pointer_to(qtbot, window, 400, 400)
    window.editor.set_distraction_free(True)
    qtbot.waitUntil(window.isFullScreen, timeout=3000)
    qtbot.wait(100)
    page = window.editor.text_edit
    page.verticalScrollBar().setValue(page.verticalScrollBar().maximum() // 2)
    writing = _writing_y(window)

    _pointer_to(qtbot, window, 400, 0)  # the top edge: menus and toolbars
    assert _shown(window.menuBar()) and window.toolbar.isVisible() and window.editor.format_toolbar.isVisible()
    assert not window.statusBar().isVisible() and not window.left_tabs.isVisible()
    assert abs(_writing_y(window) - writing) <= 1  # the writing stays where the eye left it
    _pointer_to(qtbot, window, 400, window.toolbar.height() // 2 + window.menuBar().height())
    assert window.toolbar.isVisible()  # still among the bars: they stay
    _pointer_to(qtbot, window, 400, window.height() // 2)  # back to the page: they go
    assert not _shown(window.menuBar()) and not window.toolbar.isVisible()
    assert not window.editor.format_toolbar.isVisible()
    assert abs(_writing_y(window) - writing) <= 1

    _pointer_to(qtbot, window, 400, window.height() - 1)  # the bottom edge: the status bar
    assert window.statusBar().isVisible() and not window.toolbar.isVisible()
    _pointer_to(qtbot, window, 400, window.height() // 2)
    assert not window.statusBar().isVisible()
    window.editor.set_distraction_free(False)
    qtbot.waitUntil(lambda: not window.isFullScreen(), timeout=3000)


def test_shortcuts_of_the_hidden_menus_still_work(qtbot, archive_path: Path) -> None:
    window = open_window(qtbot, archive_path, (1280, 800))
    window.open_letter(a_letter(window.archive))
    window.editor.set_distraction_free(True)
    qtbot.waitUntil(window.isFullScreen, timeout=3000)
    qtbot.keyClicks(window.editor.text_edit, " and the roses")
    qtbot.keyClick(window.editor.text_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # File ▸ Save
    assert not window.editor.has_unsaved_changes()
    assert "the roses" in window.archive.letters.get(window.editor.letter_id).body
    window.editor.set_distraction_free(False)


def test_with_no_letter_open_f11_says_what_to_do_first(qtbot, archive_path: Path) -> None:
    window = open_window(qtbot, archive_path, (1280, 800))
    window.editor.unload()
    QApplication.processEvents()
    window.editor.actions_by_name["distraction_free"].trigger()
    qtbot.wait(100)
    assert not window.isFullScreen() and not window.focus_mode.active
    assert not window.editor.distraction_free
    assert "letter first" in window.statusBar().currentMessage()
