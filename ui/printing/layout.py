"""The bridge from a stored letter to pages: the writing desk's layout engine, prepared for output.

Print, print preview and PDF all come through :func:`prepare_letter` and :func:`paint_letter`,
which use ``ui.paper.page`` (PageStyle, build_letter_document, paint_page/paint_stationery) so
what prints is what the editor shows. On top of the desk's engine this module adds what
only output needs: exact text (no ligatures, fallback fonts for other scripts), the closing
kept with the signature, and page numbers from page 2.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPainter,
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
)

from beautifulletters.i18n import _
from beautifulletters.records import Letter, Person
from ui.paper import page as page_engine
from ui.paper import painting
from ui.paper.onepage import fit_new_document
from ui.paper.textlayer import undrawable_warning


@dataclass
class PreparedLetter:
    """One letter ready to be painted: its document, page style and plain facts for metadata."""

    letter: Letter
    signer: Person
    recipient: Person
    document: QTextDocument
    style: Any  # page_engine.PageStyle
    warnings: list[str] = field(default_factory=list)
    page_numbers: bool = False

    @property
    def title(self) -> str:
        return str(self.letter.title or _("Letter to {name}").format(name=self.recipient.display_name).strip())

    @property
    def author(self) -> str:
        return self.signer.display_name

    @property
    def page_size(self) -> str:
        return str(self.style.page_size)


def prepare_from_records(
    letter: Letter,
    signer: Person,
    recipient: Person,
    *,
    font: str | None = None,
    stationery: str | None = None,
    defaults: dict[str, Any] | None = None,
    page_numbers: bool = False,
) -> PreparedLetter:
    """Build the letter's document with the desk's engine and make it safe and exact for output."""
    style_data = dict(letter.style)
    if font:
        style_data["font_family"] = font
    if stationery:
        style_data["stationery"] = stationery
    letter = replace(letter, style=style_data)
    style = page_engine.PageStyle.from_letter(letter, signer, defaults)
    document = page_engine.build_letter_document(
        letter.body or "", letter.body_format or "text", style, exact_text=True
    )
    fit_new_document(document, style)  # as the editor lays it out: a closing alone on page two is tightened
    warnings = []
    warning = undrawable_warning(document.toPlainText(), style.font_family)
    if warning:
        warnings.append(warning)
    return PreparedLetter(letter, signer, recipient, document, style, warnings, page_numbers)


def prepare_letter(
    archive: Any,
    letter_id: int,
    *,
    font: str | None = None,
    stationery: str | None = None,
    page_numbers: bool = False,
    defaults: dict[str, Any] | None = None,
) -> PreparedLetter:
    letter = archive.letters.get(letter_id)
    signer = archive.people.get(letter.signer_id)
    recipient = archive.people.get(letter.recipient_id)
    return prepare_from_records(
        letter, signer, recipient, font=font, stationery=stationery, defaults=defaults, page_numbers=page_numbers
    )


def _page_of(document: QTextDocument, block: QTextBlock, *, bottom: bool = False) -> int:
    """The page a block starts (or ends) on. Qt moves lines that cross a page's foot down by
    offsetting them inside the block, so the lines' positions count, not the block's rectangle."""
    top = document.documentLayout().blockBoundingRect(block).top()
    layout = block.layout()
    if layout is not None and layout.lineCount():
        line = layout.lineAt(layout.lineCount() - 1 if bottom else 0)
        y = top + line.y() + (line.height() - 0.5 if bottom else 0.5)
    else:
        y = top + 0.5
    return int(y // document.pageSize().height())


def _set_break_before(block: QTextBlock, wanted: bool = True) -> None:
    cursor = QTextCursor(block)
    block_format = QTextBlockFormat()
    block_format.setPageBreakPolicy(
        QTextBlockFormat.PageBreakFlag.PageBreak_AlwaysBefore
        if wanted
        else QTextBlockFormat.PageBreakFlag.PageBreak_Auto
    )
    cursor.mergeBlockFormat(block_format)


def _previous_with_text(block: QTextBlock, stop: QTextBlock | None = None) -> QTextBlock:
    block = block.previous()
    while block.isValid() and not block.text().strip() and block != stop:
        block = block.previous()
    return block


def keep_closing_with_signature(document: QTextDocument, signature_name: str = "") -> bool:
    """No closing line alone at the top of a page, and no signature without its closing.

    QTextDocument has no "keep with next"; a page break before the closing (when the
    signature would be parted from it) and before the last body paragraph (when the closing
    would start a page alone) gives the same result. A body that ends with the signer's name
    (drafts often do, so no signature is added) counts that last line as the signature.
    Returns True when a break was added.
    """
    if document.pageCount() < 2:
        return False
    first, closing = page_engine.body_blocks(document)
    while closing.isValid() and not closing.text().strip() and closing != first:
        closing = closing.previous()
    changed = False
    signature = document.lastBlock()
    signed = page_engine.block_role(signature) == page_engine.ROLE_SIGNATURE and bool(signature.text().strip())
    if not signed and signature_name.strip() and closing.text().strip().rstrip(".,!") == signature_name.strip():
        signature, signed = closing, True
        closing = _previous_with_text(closing, first)
    if signed and closing.isValid():
        if _page_of(document, signature, bottom=True) > _page_of(document, closing):
            _set_break_before(closing)
            changed = True
    before = _previous_with_text(closing)
    if before.isValid() and page_engine.block_role(before) == page_engine.ROLE_BODY:
        closing_page = _page_of(document, closing)
        if closing_page > _page_of(document, before, bottom=True) or (
            changed and closing_page > _page_of(document, before)
        ):
            page_height = document.pageSize().height()
            if document.documentLayout().blockBoundingRect(before).height() < page_height / 2:
                if changed:
                    _set_break_before(closing, False)  # the break before `before` carries it along
                _set_break_before(before)
                changed = True
    return changed


def used_page_count(document: QTextDocument) -> int:
    """Pages that hold text. QTextDocument counts the root frame's bottom margin too, so text
    ending near a page's foot would otherwise add a blank last page."""
    last = document.lastBlock()
    while last.isValid() and not last.text().strip() and last.previous().isValid():
        last = last.previous()
    return max(1, min(document.pageCount(), _page_of(document, last, bottom=True) + 1))


def set_page_layout(device: QPagedPaintDevice, style: Any) -> None:
    device.setPageLayout(QPageLayout(style.qpage_size(), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    if hasattr(device, "setFullPage"):
        device.setFullPage(True)  # QPrinter: draw from the paper's corner, not the printable area


def paint_page_number(painter: QPainter, prepared: PreparedLetter, index: int) -> None:
    """'– 2 –' centred in the bottom margin (document units; the painter is already scaled)."""
    page = prepared.document.pageSize()
    bottom_mm = prepared.style.margins_mm[2]
    bottom = page_engine.mm_to_px(bottom_mm)
    font = QFont(prepared.document.defaultFont())
    # Pixel size in document units: the painter is scaled from them to the device, so a point
    # size (which Qt would resolve at the device's own DPI) would come out too big.
    font.setPixelSize(round(max(8.0, prepared.style.font_size_pt * 0.65) / 72 * page_engine.LAYOUT_DPI))
    painter.save()
    painter.setFont(font)
    painter.setPen(QColor(prepared.style.ink_color))
    painter.drawText(
        QRectF(0, page.height() - bottom * 0.8, page.width(), bottom * 0.55),
        int(Qt.AlignmentFlag.AlignCenter),
        f"– {index + 1} –",
    )
    painter.restore()


def paint_letter(
    painter: QPainter, device: QPagedPaintDevice, prepared: PreparedLetter, *, new_page_first: bool = False
) -> int:
    """Paint the letter's pages with an already active painter (so batches share one file)."""
    keep_closing_with_signature(prepared.document, prepared.style.signature_name)
    pages = used_page_count(prepared.document)
    page = prepared.document.pageSize()
    for index in range(pages):
        if index or new_page_first:
            device.newPage()
        scale = device.width() / page.width()
        painter.save()
        painter.scale(scale, scale)
        painting.paint_page(painter, prepared.document, prepared.style, index)
        if prepared.page_numbers and index > 0:
            paint_page_number(painter, prepared, index)
        painter.restore()
    return pages


def render(prepared: PreparedLetter, device: QPagedPaintDevice) -> int:
    """Paint every page of the letter on a PDF writer or printer; returns the page count."""
    set_page_layout(device, prepared.style)
    painter = QPainter(device)
    if not painter.isActive():
        raise RuntimeError("the printer or PDF file could not be opened for drawing")
    try:
        return paint_letter(painter, device, prepared)
    finally:
        painter.end()


def first_page_image(prepared: PreparedLetter, width_px: int = 900) -> QImage:
    """The first page as the print preview shows it (the desk's own page painter)."""
    keep_closing_with_signature(prepared.document, prepared.style.signature_name)
    return painting.render_page_image(prepared.document, prepared.style, 0, width_px)


__all__ = ["PreparedLetter", "first_page_image", "paint_letter", "prepare_from_records", "prepare_letter", "render"]
