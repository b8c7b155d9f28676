"""Spelling in the writing desk: the letter's own dictionary, and suggestions that never wait on the window."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QMenu

from beautifulletters.archive import Archive
from ui.desk.editor import LetterEditor
from ui.desk.spellcheck import spelling_menu
from ui.paper.page import body_range


@pytest.fixture
def editor(desk_editor):
    return desk_editor


def open_in(qtbot, editor: LetterEditor, archive: Archive, letter_id: int) -> None:
    with qtbot.waitSignals([editor.names_loaded, editor.spelling_ready], timeout=5000):
        editor.open_letter(archive, letter_id)


BODY = "Dear Ann, my favourite colour is blue. I rember the harbour."


def _underlined(editor: LetterEditor) -> list[str]:
    document = editor.text_edit.document()
    block = document.findBlock(body_range(document)[0])
    return [
        block.text()[r.start : r.start + r.length]
        for r in block.layout().formats()
        if r.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline
    ]


def _letter(archive: Archive, language: str) -> int:
    ann = archive.people.add(display_name="Ann Lee", language=language)
    return archive.letters.create(signer_id=archive.settings.default_signer_id(), recipient_id=ann, body=BODY)


def test_the_letter_s_language_and_region_choose_the_dictionary(qtbot, editor, empty_archive) -> None:
    open_in(qtbot, editor, empty_archive, _letter(empty_archive, "en-GB"))
    assert _underlined(editor) == ["rember"]
    open_in(qtbot, editor, empty_archive, _letter(empty_archive, "en-US"))
    assert _underlined(editor) == ["favourite", "colour", "rember", "harbour"]


def test_a_language_without_a_dictionary_turns_checking_off_and_says_so(qtbot, editor, empty_archive) -> None:
    open_in(qtbot, editor, empty_archive, _letter(empty_archive, "pl"))
    assert _underlined(editor) == []
    assert editor.notice.isVisible() and "Polish" in editor.notice.text()


def test_suggestions_arrive_from_a_worker_likely_word_first(qtbot, editor, empty_archive) -> None:
    open_in(qtbot, editor, empty_archive, _letter(empty_archive, "en-GB"))
    document = editor.text_edit.document()
    cursor = editor.text_edit.textCursor()
    start = document.toPlainText().index("rember")
    cursor.setPosition(start)
    cursor.setPosition(start + len("rember"), cursor.MoveMode.KeepAnchor)
    menu = QMenu()
    menu.addAction("Copy")
    spelling_menu(editor.text_edit, editor.highlighter, cursor, menu)
    texts = [action.text() for action in menu.actions()]
    assert texts[0] in ("Finding suggestions…", "remember")
    qtbot.waitUntil(lambda: menu.actions()[0].text() == "remember", timeout=5000)
    assert "Finding suggestions…" not in [action.text() for action in menu.actions()]
    menu.actions()[0].trigger()
    assert "I remember the harbour" in editor.body_plain_text()
