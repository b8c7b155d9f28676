"""The reading's highlight in the editor: the sentence heard, the word heard, kept in view."""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QTextEdit

# Marks our highlights among the editor's extra selections, so others' (spelling...) stay.
_OWN_SELECTION = QTextFormat.Property.UserProperty + 61


_SENTENCE_COLOUR = QColor("#fff1b8")


_WORD_COLOUR = QColor("#ffc94d")


def utf16_positions(text: str) -> list[int]:
    """Document position of each Python index (and of the end): Qt counts UTF-16 units."""
    positions = [0] * (len(text) + 1)
    position = 0
    for index, char in enumerate(text):
        positions[index] = position
        position += 2 if ord(char) > 0xFFFF else 1
    positions[len(text)] = position
    return positions


def python_index(text: str, document_position: int) -> int:
    """The Python index of a document position in `text`."""
    position = 0
    for index, char in enumerate(text):
        if position >= document_position:
            return index
        position += 2 if ord(char) > 0xFFFF else 1
    return len(text)


class SpokenHighlight:
    """The sentence being heard and the word within it, as extra selections of the editor.

    Indices are Python indices into the text the reading began with (`start_text`); the
    editor's own extra selections (spelling...) are kept.
    """

    def __init__(self, editor: QTextEdit) -> None:
        self.editor = editor
        self._utf16: list[int] = []  # Python index -> document position, for the text

    def start_text(self, text: str) -> None:
        self._utf16 = utf16_positions(text)

    def position(self, index: int) -> int:
        """The document position of a Python index into the text."""
        return self._utf16[min(index, len(self._utf16) - 1)]

    def _selection(self, start: int, end: int, colour: QColor) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.editor.document())
        cursor.setPosition(self.position(start))
        cursor.setPosition(self.position(end), QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        char_format = QTextCharFormat()
        char_format.setBackground(colour)
        char_format.setProperty(_OWN_SELECTION, True)
        selection.format = char_format
        return selection

    def _others_selections(self) -> list[QTextEdit.ExtraSelection]:
        return [s for s in self.editor.extraSelections() if not s.format.boolProperty(_OWN_SELECTION)]

    def show(self, start: int, end: int, word: tuple[int, int] | None) -> None:
        own = [self._selection(start, end, _SENTENCE_COLOUR)]
        if word is not None:
            own.append(self._selection(word[0], word[1], _WORD_COLOUR))
        self.editor.setExtraSelections(self._others_selections() + own)
        self._follow(word[0] if word else start, end)

    def clear(self) -> None:
        self.editor.setExtraSelections(self._others_selections())

    def _follow(self, start: int, end: int) -> None:
        """Scroll so the words being read are in view, without moving the writer's cursor."""
        cursor = QTextCursor(self.editor.document())
        cursor.setPosition(self.position(start))
        top = self.editor.cursorRect(cursor)
        cursor.setPosition(self.position(end))
        bottom = self.editor.cursorRect(cursor)
        view = self.editor.viewport().rect()
        margin = top.height()
        if top.top() >= margin and bottom.bottom() <= view.height() - margin:
            return
        bar = self.editor.verticalScrollBar()
        bar.setValue(bar.value() + top.top() - view.height() // 3)
