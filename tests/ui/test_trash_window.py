"""Letter ▸ Delete letter puts it in the trash with Undo at hand; Letter ▸ Trash… restores or empties."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QPushButton

from beautifulletters.archive import trash
from beautifulletters.preferences import Preferences
from ui.resources import register_bundled_fonts
from ui.window.main_window import MainWindow, open_archive_for_window
from ui.window.theme import apply_theme
from ui.window.trash_actions import TrashDialog, delete_current_letter


def _window(qtbot, archive_path: Path) -> MainWindow:
    register_bundled_fonts()
    apply_theme(QApplication.instance(), dark=False)
    archive, notice = open_archive_for_window(archive_path)
    assert archive is not None, notice
    window = MainWindow(archive, notice=notice, preferences=Preferences())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.desk_ready, timeout=20000)
    return window


def test_delete_undo_trash_restore_and_empty(qtbot, archive_path: Path) -> None:
    window = _window(qtbot, archive_path)
    letters = window.archive.letters.all()
    doomed = letters[0].id
    window.open_letter(doomed)
    assert delete_current_letter(window) == doomed
    assert window.editor.letter_id is None and window.editor.text_edit.isReadOnly()
    assert doomed not in [row.id for row in window.archive.letters.all()]
    history = [window.person_panel.letters_list.item(i).text() for i in range(window.person_panel.letters_list.count())]
    assert len(history) == len(letters) - 1
    undo = window.statusBar().findChild(QPushButton, "undoDelete")
    assert undo.isVisibleTo(window)  # beside its message, not hidden by it
    undo.click()
    assert window.editor.letter_id == doomed
    assert doomed in [row.id for row in window.archive.letters.all()]
    window.open_letter(doomed)
    delete_current_letter(window)
    dialog = TrashDialog(window, window.archive)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 1 and "deleted" in dialog.list.item(0).text()
    dialog.restore_selected()
    assert dialog.list.count() == 0 and "empty" in dialog.about.text()
    window.open_letter(doomed)
    delete_current_letter(window)
    dialog.fill()
    box = dialog.ask_empty()
    next(b for b in box.buttons() if b.text() == "Delete for good").click()
    assert dialog.list.count() == 0 and trash.list_trash(window.archive) == []
