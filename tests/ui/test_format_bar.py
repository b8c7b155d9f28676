"""The page's format bar with nothing selected: a font or size goes to the paragraph the caret is in."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from beautifulletters.archive import Archive
from beautifulletters.stationery import BUNDLED_FONTS
from ui.paper.page import body_range

from .test_desk import new_letter, open_in


def _paragraph_chars(edit, text: str) -> list:
    """The char format of every character of the paragraph reading `text`."""
    block = edit.document().begin()
    while block.isValid() and block.text() != text:
        block = block.next()
    assert block.isValid(), f"no paragraph {text!r}"
    cursor = QTextCursor(block)
    formats = []
    for offset in range(1, len(text) + 1):
        cursor.setPosition(block.position() + offset)
        formats.append(cursor.charFormat())
    return formats


def _click_at(qtbot, edit, position: int) -> None:
    """Click the page where character `position` is, as a person moves the caret."""
    probe = QTextCursor(edit.document())
    probe.setPosition(position)
    point = edit.cursorRect(probe).center()
    qtbot.mouseClick(edit.viewport(), Qt.MouseButton.LeftButton, pos=point)


def _other_family(edit) -> str:
    return next(f.family for f in BUNDLED_FONTS if f.family != edit.page_style.font_family)


def test_font_and_size_without_selection_go_to_the_caret_paragraph(qtbot, desk_editor, empty_archive: Archive) -> None:
    editor = desk_editor
    letter_id = new_letter(empty_archive, body="Dear Ann,\n\nFirst paragraph here\n\nSecond one")
    open_in(qtbot, desk_editor, empty_archive, letter_id)
    edit = editor.text_edit
    first = edit.document().find("paragraph").position()
    _click_at(qtbot, edit, first)
    family = _other_family(edit)
    editor.format_toolbar.font_box.textActivated.emit(family)
    editor.format_toolbar.size_box.textActivated.emit("20")
    second = edit.document().find("Second").position()
    _click_at(qtbot, edit, second)  # the caret moves on: the paragraph keeps its font
    assert edit.textCursor().position() != first
    for char_format in _paragraph_chars(edit, "First paragraph here"):
        assert char_format.fontFamilies() == [family]
        assert char_format.fontPointSize() == 20
    assert all(f.fontPointSize() != 20 for f in _paragraph_chars(edit, "Second one"))
    assert all(family not in (f.fontFamilies() or []) for f in _paragraph_chars(edit, "Dear Ann,"))


def test_font_in_an_empty_letter_is_the_whole_body_and_survives_a_click(
    qtbot, desk_editor, empty_archive: Archive
) -> None:
    editor = desk_editor
    letter_id = new_letter(empty_archive, body="")
    open_in(qtbot, desk_editor, empty_archive, letter_id)
    edit = editor.text_edit
    start, _end = body_range(edit.document())
    _click_at(qtbot, edit, start)
    family = _other_family(edit)
    editor.format_toolbar.font_box.textActivated.emit(family)
    _click_at(qtbot, edit, start)  # a click on the page used to drop the chosen font
    qtbot.keyClicks(edit, "Hello")
    assert editor.body_plain_text().strip() == "Hello"
    for char_format in _paragraph_chars(edit, "Hello"):
        assert char_format.fontFamilies() == [family]
