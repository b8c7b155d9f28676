"""One page stays one page: a letter whose closing (and signature) alone would spill onto a second
sheet is tightened to fit the first, rather than pushed over to leave a page almost blank.

Within limits a reader does not notice: on plain paper the blank lines between paragraphs grow
shorter, then the lines a little closer; on ruled paper (where every line sits on a rule) blank
rules between paragraphs are left out, from the last one up. Only how the lines are laid out
changes, never the text; a letter that needs more than that keeps its second page.
"""

from __future__ import annotations

from PySide6.QtGui import QTextBlock, QTextBlockFormat, QTextCursor, QTextDocument

from beautifulletters.stationery import STATIONERY
from ui.paper.page import (
    LAYOUT_DPI,
    LINE_SPACING_PROPERTY,
    ROLE_HEADER,
    ROLE_SIGNATURE,
    PageStyle,
    block_role,
    body_line_format,
    line_pitch,
)

SPILL_LINES = 4  # at most this many lines on the second page are worth tightening for
# Plain paper, gentlest first: (blank lines' height, the lines' spacing), as fractions of their own.
PLAIN_STEPS = ((0.75, 1.0), (0.5, 1.0), (0.5, 0.96), (0.4, 0.93), (0.35, 0.9))
MOST_GAPS_LEFT_OUT = 3  # ruled paper: blank rules between paragraphs that may go


def _last_line_bottom(document: QTextDocument) -> float:
    """Where the last line with writing ends, in document units."""
    block = document.lastBlock()
    while block.isValid() and not block.text().strip() and block.previous().isValid():
        block = block.previous()
    layout = block.layout()
    top = document.documentLayout().blockBoundingRect(block).top()
    if layout is None or not layout.lineCount():
        return top
    line = layout.lineAt(layout.lineCount() - 1)
    return top + line.y() + line.height()


def used_pages(document: QTextDocument) -> int:
    """Pages that hold writing (QTextDocument also counts a bottom margin that spills)."""
    height = document.pageSize().height()
    return 1 + int((_last_line_bottom(document) - 0.5) // height) if height > 0 else 1


def _spill(document: QTextDocument) -> float:
    """How far the writing runs onto the second page, from its top margin, in document units."""
    height = document.pageSize().height()
    top = document.rootFrame().frameFormat().topMargin()
    return _last_line_bottom(document) - height - top


def _gaps(document: QTextDocument) -> list[QTextBlock]:
    """The blank lines between paragraphs (and before the signature), last first."""
    found = []
    block = document.lastBlock()
    while block.isValid():
        role = block_role(block)
        if role != ROLE_HEADER and not block.text().strip() and block.previous().isValid():
            if block_role(block.previous()) != ROLE_HEADER:
                found.append(block)
        block = block.previous()
    return found


def _set_height(document: QTextDocument, block: QTextBlock, height: float, kind: int) -> None:
    block_format = QTextBlockFormat(block.blockFormat())
    block_format.setLineHeight(height, kind)
    cursor = QTextCursor(document)
    cursor.setPosition(block.position())
    cursor.setBlockFormat(block_format)


def _plain_step(document: QTextDocument, style: PageStyle, gap: float, spacing: float) -> None:
    proportional = int(QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    gaps = {block.blockNumber() for block in _gaps(document)}
    block = document.firstBlock()
    while block.isValid():
        block_format = block.blockFormat()
        own = (
            block_format.doubleProperty(LINE_SPACING_PROPERTY)
            if block_format.hasProperty(LINE_SPACING_PROPERTY)
            else 0.0
        )
        normal = own or style.line_spacing * 100
        if block.blockNumber() in gaps:
            _set_height(document, block, normal * gap, proportional)
        elif block_role(block) != ROLE_SIGNATURE and block.text().strip():
            _set_height(document, block, max(95.0, normal * spacing), proportional)
        block = block.next()


def _restore(document: QTextDocument, style: PageStyle, dpi: float, on_rules: bool) -> None:
    block = document.firstBlock()
    cursor = QTextCursor(document)
    while block.isValid():
        if block_role(block) != ROLE_SIGNATURE or (on_rules and not block.text().strip()):
            cursor.setPosition(block.position())
            cursor.setBlockFormat(body_line_format(QTextBlockFormat(block.blockFormat()), style, dpi))
        elif block_role(block) == ROLE_SIGNATURE and not block.text().strip():
            block_format = QTextBlockFormat(block.blockFormat())
            block_format.setLineHeight(100, int(QTextBlockFormat.LineHeightTypes.SingleHeight.value))
            cursor.setPosition(block.position())
            cursor.setBlockFormat(block_format)
        block = block.next()


def fit_on_one_page(document: QTextDocument, style: PageStyle, dpi: float = LAYOUT_DPI) -> bool:
    """Tighten a letter that spills a few lines onto a second page until it fits on one; True if it did.

    Call it on a laid-out document before its undo history starts (build_letter_document does):
    it changes block formats only."""
    if used_pages(document) != 2:
        return False
    if _spill(document) > SPILL_LINES * line_pitch(style, dpi):
        return False
    ruled = bool(STATIONERY[style.stationery].rule_color)
    if ruled:
        hidden = []
        for block in _gaps(document)[:MOST_GAPS_LEFT_OUT]:
            # Left out of the layout (not a line of no height, which Qt rounds to half a unit): the
            # next line moves up one whole rule. The empty paragraph itself stays in the text.
            block.setVisible(False)
            hidden.append(block)
            document.markContentsDirty(block.position(), block.length())
            if used_pages(document) == 1:
                return True
        for block in hidden:
            block.setVisible(True)
            document.markContentsDirty(block.position(), block.length())
    else:
        for gap, spacing in PLAIN_STEPS:
            _plain_step(document, style, gap, spacing)
            if used_pages(document) == 1:
                return True
    _restore(document, style, dpi, ruled)
    return False


def fit_new_document(document: QTextDocument, style: PageStyle, dpi: float = LAYOUT_DPI) -> bool:
    """`fit_on_one_page` for a document just built (build_letter_document), leaving its undo history
    empty: the tightening is how the letter is laid out, not an edit to undo."""
    document.setUndoRedoEnabled(False)  # the history is empty still: nothing is lost
    try:
        return fit_on_one_page(document, style, dpi)
    finally:
        document.setUndoRedoEnabled(True)
        document.setModified(False)


__all__ = ["fit_new_document", "fit_on_one_page", "used_pages"]
