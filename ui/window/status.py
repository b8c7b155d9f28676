"""The status bar's permanent part: how long the letter is, and whether every word is saved."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QLabel, QMainWindow

from beautifulletters.words import count

if TYPE_CHECKING:
    from ui.desk.editor import LetterEditor


class LetterStatus(QObject):
    """Word count and save state, beside the status bar's messages (which come and go)."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.words = QLabel()
        self.words.setAccessibleName("Length of the letter")
        self.saved = QLabel()
        self.saved.setAccessibleName("Save state")
        for label in (self.words, self.saved):
            label.setTextFormat(Qt.TextFormat.PlainText)
            window.statusBar().addPermanentWidget(label)

    def follow(self, editor: LetterEditor) -> None:
        editor.stats_changed.connect(self.show_length)
        editor.saved.connect(lambda _revision: self.show_saved(not editor.has_unsaved_changes()))
        editor.save_failed.connect(lambda _message: self.saved.setText("Not saved yet — retrying"))
        editor.letter_opened.connect(lambda _id: self.show_saved(True))
        editor.edited.connect(lambda: self.show_saved(False))

    def show_length(self, words: int, _characters: int, minutes: int) -> None:
        self.words.setText(f"{count(words, 'word')} · {minutes} min to read" if words else "")

    def show_saved(self, saved: bool) -> None:
        self.saved.setText("All saved" if saved else "Saving…")
