"""The centre of the window: the writing desk (the letter editor and the reader), built after the first frame."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from beautifulletters.i18n import _
from beautifulletters.preferences import Preferences
from ui.window.surface import WindowSurface

if TYPE_CHECKING:
    from ui.desk.editor import LetterEditor
    from ui.reading.reader import ReadAloudController


def make_editor(preferences: Preferences) -> LetterEditor:
    from ui.desk.editor import LetterEditor
    from ui.resources import register_bundled_fonts

    register_bundled_fonts()  # before any widget asks for a handwriting family
    return LetterEditor(preferences)


def build_desk(window: WindowSurface, editor: LetterEditor) -> ReadAloudController:
    """The letter editor in place of the placeholder, the reader, and their actions; returns the reader."""
    editor.setAccessibleName(_("Letter"))
    editor.save_failed.connect(lambda message: window.statusBar().showMessage(message))
    editor.saved.connect(lambda _revision: window.statusBar().showMessage(_("All changes saved."), 3000))
    from ui.desk.zoom import ZoomControl

    window.zoom_control = ZoomControl(editor.actions_by_name, editor.zoomer)
    window.statusBar().addPermanentWidget(window.zoom_control)
    window.letter_status.follow(editor)  # words and save state in the status bar
    placeholder = window.centre
    sizes = window.splitter.sizes()  # the editor takes the placeholder's place at its size
    window.splitter.replaceWidget(window.splitter.indexOf(placeholder), editor)
    window.splitter.setSizes(sizes)
    placeholder.deleteLater()
    window.centre = editor

    for action in editor.edit_actions():
        window.edit_menu.addAction(action)
    for action in editor.format_actions():
        window.letter_menu.addAction(action)
    window.view_menu.insertActions(window.upcoming_action, editor.view_actions())
    window.toolbar.addSeparator()
    for action in editor.toolbar_actions():
        window.toolbar.addAction(action)
    window.toolbar.addSeparator()
    reader = build_reader(window, editor, window.toolbar, window.letter_menu)
    from ui.window.focus_mode import FocusMode

    window.focus_mode = FocusMode(window, window.side_panels, editor)  # F11: only the page
    return reader


def build_reader(window: WindowSurface, editor: LetterEditor, toolbar: Any, letter_menu: Any) -> ReadAloudController:
    """Reading aloud: synthesis in a worker process, highlighting in the editor."""
    from ui.reading.actions import ReaderActions
    from ui.reading.reader import ReadAloudController

    # The synthesis process starts once the window is up (StartUp), not during start-up.
    reader = ReadAloudController(editor.text_edit, parent=window, preferences=window.preferences, warm=False)
    window.reader_actions = ReaderActions(reader, window)
    letter_menu.addSeparator()
    window.reader_actions.add_to_toolbar(toolbar)
    window.reader_actions.fill_menu(letter_menu)
    reader.notice.connect(lambda message: window.statusBar().showMessage(message, 8000))
    reader.error.connect(window.show_error)
    reader.exportFinished.connect(
        lambda path, seconds: window.statusBar().showMessage(
            _("Saved the reading ({seconds} s) to {path}").format(seconds=f"{seconds:.0f}", path=path), 8000
        )
    )
    return reader


__all__ = ["build_desk", "build_reader", "make_editor"]
