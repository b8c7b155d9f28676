"""A window around the letter editor: menus, toolbar, status bar; `open_letter_window` opens one on a letter."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QWidget

from beautifulletters.archive import Archive
from ui.desk.editor import LetterEditor
from ui.fonts import register_bundled_fonts


class LetterWindow(QMainWindow):
    """The desk on its own: the editor with its menus. The main window can embed LetterEditor instead."""

    def __init__(self, archive: Archive, letter_id: int, parent: QWidget | None = None, *,
                 owns_archive: bool = False) -> None:
        super().__init__(parent)
        register_bundled_fonts()
        self.archive = archive
        self.owns_archive = owns_archive
        self.editor = LetterEditor(self)
        self.setCentralWidget(self.editor)
        self.resize(1000, 900)
        self.stats_label = QLabel()
        self.save_label = QLabel()
        self.statusBar().addWidget(self.stats_label)
        self.statusBar().addPermanentWidget(self.save_label)
        self.editor.stats_changed.connect(self._show_stats)
        self.editor.saved.connect(lambda _rev: self.save_label.setText("Saved"))
        self.editor.save_failed.connect(lambda message: self.save_label.setText("Not saved"))
        self.editor.distraction_free_changed.connect(self._distraction_free)
        self._build_menus()
        self.editor.open_letter(archive, letter_id)
        letter = self.editor.letter or {}
        recipient = archive.get_person(letter["recipient_id"])["display_name"] if letter else ""
        self.setWindowTitle(f"Letter to {recipient} — BeautifulLetters")

    def _build_menus(self) -> None:
        actions = self.editor.actions_by_name
        menus = {
            "&Edit": ["undo", "redo", None, "cut", "copy", "paste", "select_all", None, "find", "replace", None,
                      "history"],
            "F&ormat": ["bold", "italic", "underline", None, "align_left", "align_center", "align_right",
                        "align_justify", None, "bullet_list", "numbered_list"],
            "&View": ["zoom_in", "zoom_out", "zoom_reset", None, "distraction_free"],
        }
        for title, names in menus.items():
            menu = self.menuBar().addMenu(title)
            for name in names:
                if name is None:
                    menu.addSeparator()
                else:
                    menu.addAction(actions[name])

    def _show_stats(self, words: int, chars: int, minutes: int) -> None:
        reading = f"{minutes} min read" if minutes else "no reading time yet"
        self.stats_label.setText(f"{words} words · {chars} characters · {reading}")

    def _distraction_free(self, on: bool) -> None:
        self.menuBar().setVisible(not on)
        self.statusBar().setVisible(not on)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.editor.close_letter():
            answer = QMessageBox.warning(
                self, "Not saved",
                "The latest changes could not be saved to the archive. Close anyway and lose them?",
                QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Discard,
            )
            if answer != QMessageBox.StandardButton.Discard:
                event.ignore()
                return
        if self.owns_archive:
            self.archive.close()
        super().closeEvent(event)


def open_letter_window(archive_path: str | Path, letter_id: int) -> LetterWindow:
    """Open the archive and show a window on `letter_id`, focus in the text, cursor at the end.

    Needs a QApplication. A second window on the same archive opens it read-only (the instance lock).
    Raises BeautifulLettersError for a missing letter or an unusable archive.
    """
    from ui.main_window import open_archive_for_window

    archive, notice = open_archive_for_window(Path(archive_path))
    if archive is None:
        from beautifulletters.errors import ArchiveError

        raise ArchiveError(notice or f"Cannot open {archive_path}.")
    try:
        window = LetterWindow(archive, letter_id, owns_archive=True)
    except BaseException:
        archive.close()
        raise
    if notice:
        window.statusBar().showMessage(notice)
    window.show()
    window.raise_()
    window.activateWindow()
    window.editor.focus_end()
    return window
