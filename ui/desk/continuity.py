"""The quiet line under the page that remembers earlier letters: "You told Ann about the garden in May"."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from beautifulletters.archive import Archive
from beautifulletters.records import Letter
from ui.tasks import run_task

CONTINUITY_DELAY_MS = 2500  # look back at earlier letters once typing pauses


class ContinuityHint(QLabel):
    """Looks back at earlier letters and memories on a worker once typing pauses, and says what it finds."""

    changed = Signal(str)  # "" when there is nothing to say

    def __init__(self, text_of: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text_of = text_of  # the letter's plain text now
        self.suppressed = False  # distraction-free writing: found, but not shown
        self._sources: tuple[list[Any], list[Any]] = ([], [])
        self.setTextFormat(Qt.TextFormat.PlainText)  # earlier letters and notes are archive text, never markup
        self.setObjectName("continuityHint")
        self.setStyleSheet("QLabel#continuityHint { color: #f3eadc; padding: 2px 8px; }")
        # Wrapped: one long hint on a line of its own made the window 1,149 px wide at the least,
        # so a 1024-pixel screen cut off the person's panel.
        self.setWordWrap(True)
        self.hide()
        self._timer = QTimer(self, singleShot=True, interval=CONTINUITY_DELAY_MS)
        self._timer.timeout.connect(self.check)

    def load(self, archive: Archive, letter: Letter) -> None:
        from beautifulletters.continuity import EarlierLetter, Memory

        # One query for the texts (this runs on the UI thread: 200 separate reads took ~50 ms).
        earlier = [
            EarlierLetter(letter_id, created_at, text)
            for letter_id, created_at, text in archive.letters.earlier_texts(
                recipient_id=letter.recipient_id, signer_id=letter.signer_id, before=letter.created_at
            )
        ]
        notes = archive.notes.for_person(letter.recipient_id)
        memories = [Memory(note.text) for note in notes if note.tag == "memory"]
        self._sources = (earlier, memories)
        self.hide()
        self._timer.start(0)

    def edited(self) -> None:
        """The text changed: look again once typing pauses."""
        self._timer.start(CONTINUITY_DELAY_MS)

    def check(self) -> None:
        """The check runs on a worker with plain text; the hint comes back on the window's thread."""
        earlier, memories = self._sources
        if not earlier:
            return
        text = self._text_of()

        def work() -> str:
            from beautifulletters.continuity import find_hints

            hints = find_hints(text, earlier, memories, limit=1)
            return hints[0].message if hints else ""

        run_task(work, owner=self, on_success=self.show_message, doing="looking for what earlier letters said")

    def show_message(self, message: str) -> None:
        self.setText(message)
        self.follow()
        self.changed.emit(message)

    def follow(self) -> None:
        """Shown when there is something to say and nothing asks for quiet."""
        self.setVisible(bool(self.text()) and not self.suppressed)


__all__ = ["CONTINUITY_DELAY_MS", "ContinuityHint"]
