"""Play on the letter's own page: the body is followed by the closing and signature blocks."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor

from beautifulletters.archive import Archive
from beautifulletters.preferences import Preferences
from ui.desk.editor import LetterEditor
from ui.paper.page import body_range
from ui.reading.reader import ReadAloudController

from .test_desk import new_letter, open_in

BODY = "Dear Ann,\n\nI listen. Happy birthday!\n\nSave me a dance on Sunday."


def _read_from(qtbot, editor: LetterEditor, position: int) -> list[str]:
    edit = editor.text_edit
    cursor = edit.textCursor()
    cursor.setPosition(position)
    edit.setTextCursor(cursor)
    reader = ReadAloudController(edit, preferences=Preferences.load())
    reader.set_rate(400)
    heard: list[str] = []

    def started(start: int, end: int) -> None:
        piece = QTextCursor(edit.document())
        piece.setPosition(start)
        piece.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        heard.append(piece.selectedText())

    reader.sentenceStarted.connect(started)
    try:
        with qtbot.waitSignal(reader.finished, timeout=30_000):
            reader.play()
    finally:
        reader.shutdown()
    return heard


def test_play_at_the_end_of_the_body_reads_the_letter_from_the_start(
    qtbot, desk_editor, empty_archive: Archive
) -> None:
    editor = desk_editor
    letter_id = new_letter(empty_archive, body=BODY)
    open_in(qtbot, desk_editor, empty_archive, letter_id)
    _start, end = body_range(editor.text_edit.document())
    heard = _read_from(qtbot, editor, end)  # where the caret is after typing the last word
    body = ["Dear Ann,", "I listen.", "Happy birthday!", "Save me a dance on Sunday."]
    assert [sentence for sentence in heard if sentence in body] == body
    assert heard[-1] == "Me"  # and on to the signature


def test_play_after_the_last_sentence_reads_from_the_start(qtbot, desk_editor, empty_archive: Archive) -> None:
    editor = desk_editor
    letter_id = new_letter(empty_archive, body=BODY + "\n\n")
    open_in(qtbot, desk_editor, empty_archive, letter_id)
    _start, end = body_range(editor.text_edit.document())
    heard = _read_from(qtbot, editor, end)  # on the empty line under the last paragraph
    assert "Dear Ann," in heard and heard.index("Dear Ann,") < heard.index("Save me a dance on Sunday.")


def test_play_inside_the_body_still_reads_from_the_caret(qtbot, desk_editor, empty_archive: Archive) -> None:
    editor = desk_editor
    letter_id = new_letter(empty_archive, body=BODY)
    open_in(qtbot, desk_editor, empty_archive, letter_id)
    position = editor.text_edit.document().find("dance").position()
    assert _read_from(qtbot, editor, position) == ["Save me a dance on Sunday.", "Me"]
