"""Reading the body of a letter document back into the storage format (beautifulletters.letterformat)."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextBlock, QTextDocument, QTextFormat, QTextFragment, QTextListFormat

from beautifulletters import letterformat
from beautifulletters.letterformat import Block, Marks, Run
from ui.paper.page import LINE_SPACING_PROPERTY, body_blocks

_ORDERED = {
    QTextListFormat.Style.ListDecimal,
    QTextListFormat.Style.ListLowerAlpha,
    QTextListFormat.Style.ListUpperAlpha,
    QTextListFormat.Style.ListLowerRoman,
    QTextListFormat.Style.ListUpperRoman,
}
_OBJECT_REPLACEMENT = "\ufffc"


def _fragments(block: QTextBlock) -> Iterator[QTextFragment]:
    """The block's runs of equally formatted text (PySide's stubs type `for item in block` as object)."""
    iterator = block.begin()
    while not iterator.atEnd():
        yield iterator.fragment()
        iterator += 1


def _alignment(block: QTextBlock) -> str | None:
    align = block.blockFormat().alignment()
    if align & Qt.AlignmentFlag.AlignJustify == Qt.AlignmentFlag.AlignJustify:
        return "justify"
    if align & Qt.AlignmentFlag.AlignHCenter:
        return "center"
    if align & Qt.AlignmentFlag.AlignRight:
        return "right"
    return None


def block_to_storage(block: QTextBlock, default_family: str, default_size: float) -> Block:
    """One paragraph of the document as a storage block (formats the letter's defaults cover are left out)."""
    block_format = block.blockFormat()
    # hasProperty() before property()/textList(): PySide returns None from them with a refcount
    # bug that crashes the interpreter at exit once it has happened a few hundred times.
    own_spacing = (
        block_format.doubleProperty(LINE_SPACING_PROPERTY) if block_format.hasProperty(LINE_SPACING_PROPERTY) else None
    )
    result = Block(align=_alignment(block), line_height=round(own_spacing) if own_spacing else None)
    text_list = block.textList() if block_format.hasProperty(QTextFormat.Property.ObjectIndex) else None
    if text_list is not None:
        list_format = text_list.format()
        result.list_kind = "ol" if list_format.style() in _ORDERED else "ul"
        result.list_depth = max(1, min(list_format.indent(), letterformat.MAX_LIST_DEPTH))
    runs: list[Run] = []
    for fragment in _fragments(block):
        if not fragment.isValid():
            continue
        text = fragment.text().replace("\u2028", "\n").replace(_OBJECT_REPLACEMENT, "")
        if not text:
            continue
        char_format = fragment.charFormat()
        family = None
        if char_format.hasProperty(QTextFormat.Property.FontFamilies):
            families = char_format.fontFamilies() or []
            if families and families[0] != default_family:
                family = str(families[0])
        size = None
        if char_format.hasProperty(QTextFormat.Property.FontPointSize):
            point_size = char_format.fontPointSize()
            if point_size and abs(point_size - default_size) > 0.01:
                size = round(point_size * 2) / 2
        marks = Marks(
            bold=char_format.fontWeight() >= 600,
            italic=char_format.fontItalic(),
            underline=char_format.fontUnderline(),
            family=family,
            size_pt=size,
        )
        runs.append(Run(text, marks))
    result.runs = runs
    return result.normalized()


def document_body(document: QTextDocument) -> list[Block]:
    """The body blocks of a letter document (without the date line and signature)."""
    default_font = document.defaultFont()
    family, size = default_font.family(), default_font.pointSizeF()
    first, last = body_blocks(document)
    blocks: list[Block] = []
    block = first
    while block.isValid():
        blocks.append(block_to_storage(block, family, size))
        if block == last:
            break
        block = block.next()
    return blocks


def document_to_storage(document: QTextDocument) -> tuple[str, str]:
    """(stored HTML body, plain text) of a letter document."""
    blocks = document_body(document)
    return letterformat.serialize(blocks), letterformat.blocks_to_plain_text(blocks)
