"""Formatting commands on the letter's text: marks, font, alignment, line spacing, lists, selection.

Each works on the page widget as the user sees it: with a selection it changes the selection,
without one it sets how the next words will be typed. A font or size picked with nothing selected
goes to the paragraph the caret is in (the whole body while the letter is empty), as in a word
processor: set for the next characters only, it was lost as soon as the caret moved.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextListFormat

from ui.desk.page_edit import PageTextEdit
from ui.paper.page import LINE_SPACING_PROPERTY, body_line_format, body_range, document_dpi


def merge(edit: PageTextEdit, char_format: QTextCharFormat) -> None:
    # With a selection it changes; without, it is how the next words will be typed.
    edit.mergeCurrentCharFormat(char_format)


def set_bold(edit: PageTextEdit, on: bool) -> None:
    char_format = QTextCharFormat()
    char_format.setFontWeight(QFont.Weight.Bold if on else QFont.Weight.Normal)
    merge(edit, char_format)


def set_italic(edit: PageTextEdit, on: bool) -> None:
    char_format = QTextCharFormat()
    char_format.setFontItalic(on)
    merge(edit, char_format)


def set_underline(edit: PageTextEdit, on: bool) -> None:
    char_format = QTextCharFormat()
    char_format.setFontUnderline(on)
    merge(edit, char_format)


def merge_into_paragraph(edit: PageTextEdit, char_format: QTextCharFormat) -> None:
    """The selection, or else the caret's paragraph (the whole body while it is empty), and the next words."""
    cursor = edit.textCursor()
    if cursor.hasSelection():
        merge(edit, char_format)
        return
    start, end = body_range(edit.document())
    if start <= cursor.position() <= end and not edit.document().toPlainText()[start:end].strip():
        span = (start, end)
    else:
        span = (cursor.block().position(), cursor.block().position() + cursor.block().length() - 1)
    whole = QTextCursor(edit.document())
    whole.beginEditBlock()
    whole.setPosition(span[0])
    whole.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
    whole.mergeCharFormat(char_format)
    whole.endEditBlock()
    edit.mergeCurrentCharFormat(char_format)


def set_font_family(edit: PageTextEdit, family: str) -> None:
    char_format = QTextCharFormat()
    char_format.setFontFamilies([family])
    merge_into_paragraph(edit, char_format)


def set_font_size(edit: PageTextEdit, size_pt: float) -> None:
    char_format = QTextCharFormat()
    char_format.setFontPointSize(max(6.0, min(72.0, size_pt)))
    merge_into_paragraph(edit, char_format)


def set_alignment(edit: PageTextEdit, alignment: str) -> None:
    flags = {
        "left": Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute,
        "center": Qt.AlignmentFlag.AlignHCenter,
        "right": Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute,
        "justify": Qt.AlignmentFlag.AlignJustify,
    }[alignment]
    edit.setAlignment(flags)


def set_line_spacing(edit: PageTextEdit, factor: float) -> None:
    """Line spacing of the selected paragraphs (the letter's own spacing is a style setting)."""
    cursor = edit.textCursor()
    document = edit.document()
    cursor.beginEditBlock()
    start_block = document.findBlock(cursor.selectionStart()).blockNumber()
    end_block = document.findBlock(cursor.selectionEnd()).blockNumber()
    block_cursor = QTextCursor(document)
    for number in range(start_block, end_block + 1):
        block = document.findBlockByNumber(number)
        block_format = QTextBlockFormat(block.blockFormat())
        block_format.setProperty(LINE_SPACING_PROPERTY, float(round(factor * 100)))
        block_format = body_line_format(block_format, edit.page_style, document_dpi(document))
        block_cursor.setPosition(block.position())
        block_cursor.setBlockFormat(block_format)
    cursor.endEditBlock()


def toggle_list(edit: PageTextEdit, kind: str) -> None:
    cursor = edit.textCursor()
    current = cursor.currentList()
    style = QTextListFormat.Style.ListDisc if kind == "ul" else QTextListFormat.Style.ListDecimal
    cursor.beginEditBlock()
    if current is not None and current.format().style() == style:
        block_format = cursor.blockFormat()
        for index in range(current.count() - 1, -1, -1):
            block = current.item(index)
            block_end = block.position() + block.length()
            if cursor.selectionStart() <= block_end and block.position() <= cursor.selectionEnd():
                current.remove(block)
        block_format.setIndent(0)
        block_format.setObjectIndex(-1)
        cursor.setBlockFormat(block_format)
    else:
        list_format = QTextListFormat()
        list_format.setStyle(style)
        list_format.setIndent(1)
        cursor.createList(list_format)
    cursor.endEditBlock()


def select_body(edit: PageTextEdit) -> None:
    start, end = body_range(edit.document())
    cursor = edit.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)
