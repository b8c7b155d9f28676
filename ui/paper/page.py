"""The one layout engine: a letter as a paginated QTextDocument on its paper, for editor, preview, print and PDF.

Everything is laid out once, in document units of 1/LAYOUT_DPI inch (design metrics, a fixed-DPI
layout device), so the editor, print preview, printer and PDF break lines in the same places:
`render_pages` only scales the same drawing to the device.

Document structure (block roles are a block-format property, see `block_role`):
    header blocks:    the place-and-date line, then a blank line (letterhead space above it)
    body blocks:      the stored body, salutation to closing
    signature blocks: a blank line, then the name in the signature font or the signature image
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, fields
from functools import lru_cache
from typing import Any

from PySide6.QtCore import QSizeF, QUrl
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QImage,
    QPageSize,
    QPainter,
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from beautifulletters import letterformat
from beautifulletters.dates import date_on_letter
from beautifulletters.records import Letter, Person
from beautifulletters.stationery import (
    LETTERHEAD_HEIGHT_MM,
    PAGE_SIZES_MM,
    STATIONERY,
    encode_signature_image,
    resolve_style,
)
from ui.resources import register_bundled_fonts

LAYOUT_DPI = 96.0
BLOCK_ROLE_PROPERTY = int(QTextFormat.Property.UserProperty) + 10
LINE_SPACING_PROPERTY = int(QTextFormat.Property.UserProperty) + 11  # a paragraph's own spacing, percent
ROLE_BODY, ROLE_HEADER, ROLE_SIGNATURE = 0, 1, 2
SIGNATURE_IMAGE_URL = QUrl("beautifulletters-signature:image")
SIGNATURE_MAX_MM = (60.0, 24.0)  # width, height of a signature image on paper
_DPI_PROPERTY = "beautifulletters_dpi"


@dataclass
class PageStyle:
    """How a letter looks on paper; built from the letter's `style` JSON (docs/letter-format.md)."""

    page_size: str = "A4"
    margins_mm: tuple[float, float, float, float] = (25.0, 25.0, 25.0, 25.0)  # top, right, bottom, left
    stationery: str = "cream"
    font_family: str = "Dancing Script"
    font_size_pt: float = 17.0
    ink_color: str = "#1e2a4a"
    line_spacing: float = 1.15
    signature_name: str = ""
    signature_font: str = "Dancing Script"
    signature_image: bytes | None = None
    place: str = ""
    date_line: str = ""
    letterhead_name: str = ""
    letterhead_address: str = ""
    show_signature: bool = True
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_style(
        cls,
        style: dict[str, Any] | None = None,
        *,
        defaults: dict[str, Any] | None = None,
        signer: Person | None = None,
        written_on: str | None = None,
        language: str | None = None,
    ) -> PageStyle:
        resolved = resolve_style(style, defaults=defaults, signer=signer, written_on=written_on, language=language)
        names = {f.name for f in fields(cls)} - {"extra"}
        return cls(**{k: v for k, v in resolved.items() if k in names})

    @classmethod
    def from_letter(
        cls, letter: Letter, signer: Person | None = None, defaults: dict[str, Any] | None = None
    ) -> PageStyle:
        """The style of an archive letter (`archive.letters.get`), its signer and app defaults."""
        return cls.from_style(
            letter.style,
            defaults=defaults,
            signer=signer,
            written_on=date_on_letter(letter),
            language=letter.language,
        )

    def to_style(self) -> dict[str, Any]:
        """The letter-level settings as they are stored in the letter's `style` JSON."""
        return {
            "page_size": self.page_size,
            "margins_mm": list(self.margins_mm),
            "stationery": self.stationery,
            "font_family": self.font_family,
            "font_size_pt": self.font_size_pt,
            "ink_color": self.ink_color,
            "line_spacing": self.line_spacing,
            "signature_name": self.signature_name,
            "signature_font": self.signature_font,
            "signature_image": encode_signature_image(self.signature_image),
            "show_signature": self.show_signature,
            "place": self.place,
            "date_line": self.date_line,
            "letterhead_name": self.letterhead_name,
            "letterhead_address": self.letterhead_address,
        }

    @property
    def page_size_mm(self) -> tuple[float, float]:
        return PAGE_SIZES_MM[self.page_size]

    def page_size_px(self, dpi: float = LAYOUT_DPI) -> QSizeF:
        width, height = self.page_size_mm
        return QSizeF(mm_to_px(width, dpi), mm_to_px(height, dpi))

    def qpage_size(self) -> QPageSize:
        return QPageSize(QSizeF(*self.page_size_mm), QPageSize.Unit.Millimeter, self.page_size)

    def body_font(self) -> QFont:
        return _font(self.font_family, self.font_size_pt)

    def signature_qfont(self) -> QFont:
        return _font(self.signature_font, self.font_size_pt * 1.35)


def mm_to_px(mm: float, dpi: float = LAYOUT_DPI) -> float:
    return mm / 25.4 * dpi


def _font(family: str, size_pt: float) -> QFont:
    register_bundled_fonts()
    font = QFont(family)
    font.setPointSizeF(size_pt)
    # No hinting: glyph advances then scale exactly from screen to printer resolution.
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    # Script faces join letters with ligature glyphs that PDF readers cannot map back to text
    # (pdftotext reads "sti" for "still"); plain glyphs keep printed letters searchable.
    for tag in ("liga", "clig", "dlig"):
        font.setFeature(QFont.Tag(tag), 0)
    return font


def _device_font(painter: QPainter, family: str, size_units: float) -> QFont:
    """A font `size_units` (document units) tall on whatever device and scale the painter has."""
    # Painter units are document units: the world transform scales the font like everything else.
    device_dpi = painter.device().logicalDpiY() or LAYOUT_DPI
    return _font(family, size_units * 72.0 / device_dpi)


@lru_cache(maxsize=16)
def layout_device(dpi: float = LAYOUT_DPI) -> QImage:
    """A paint device whose DPI fixes font sizes in document units, independent of the screen."""
    image = QImage(1, 1, QImage.Format.Format_ARGB32)
    dots_per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    return image


def document_dpi(document: QTextDocument) -> float:
    value = document.property(_DPI_PROPERTY) if _DPI_PROPERTY.encode() in document.dynamicPropertyNames() else None
    return float(value) if value else LAYOUT_DPI


@lru_cache(maxsize=64)
def _pitch_cached(family: str, size_pt: float, spacing: float, dpi: float) -> float:
    font = _font(family, size_pt)
    metrics = QFontMetricsF(font, layout_device(dpi))
    return (metrics.ascent() + metrics.descent()) * spacing


def line_pitch(style: PageStyle, dpi: float = LAYOUT_DPI) -> float:
    """Height of one line of body text in document units: ruled lines are drawn at this pitch."""
    return _pitch_cached(style.font_family, style.font_size_pt, style.line_spacing, dpi)


RULE_BELOW_BASELINE_MM = 0.09  # the rule's centre half a pen under the baseline: letters sit on its top edge


def rule_grid(style: PageStyle, dpi: float = LAYOUT_DPI) -> tuple[float, float]:
    """Where ruled lines go: (first baseline below the top margin, distance between baselines).

    Measured from Qt's own layout of fixed-height lines at this DPI rather than worked out from
    font metrics: Qt puts a fixed-height line's baseline at its own fraction of the height
    (different for every face) and keeps positions in 1/64 px, and only its numbers keep every
    line of every font on its rule down a whole page.
    """
    return _rule_grid_cached(style.font_family, style.font_size_pt, style.line_spacing, round(dpi, 3))


_GRID_LINES = 41


@lru_cache(maxsize=64)
def _rule_grid_cached(family: str, size_pt: float, spacing: float, dpi: float) -> tuple[float, float]:
    style = PageStyle(font_family=family, font_size_pt=size_pt, line_spacing=spacing, stationery="lined")
    document = QTextDocument()
    _attach_layout_device(document, dpi)
    document.setDefaultFont(style.body_font())
    frame_format = document.rootFrame().frameFormat()
    for setter in (frame_format.setTopMargin, frame_format.setBottomMargin, frame_format.setPadding):
        setter(0)
    frame_format.setBorder(0)
    document.rootFrame().setFrameFormat(frame_format)
    cursor = QTextCursor(document)
    line_format = body_line_format(QTextBlockFormat(), style, dpi)
    cursor.setBlockFormat(line_format)
    cursor.insertText("x")
    for _ in range(_GRID_LINES - 1):
        cursor.insertBlock(line_format)
        cursor.insertText("x")
    document.setPageSize(QSizeF(1000.0, 1.0e7))
    layout = document.documentLayout()

    def baseline(block: QTextBlock) -> float:
        line = block.layout().lineAt(0)
        return layout.blockBoundingRect(block).top() + line.y() + line.ascent()

    first, last = baseline(document.firstBlock()), baseline(document.lastBlock())
    return first, (last - first) / (_GRID_LINES - 1)


def _attach_layout_device(document: QTextDocument, dpi: float) -> None:
    document.setProperty(_DPI_PROPERTY, dpi)
    document.documentLayout().setPaintDevice(layout_device(dpi))
    document.setUseDesignMetrics(True)


def relayout_at(document: QTextDocument, style: PageStyle, dpi: float) -> None:
    """Lay the same document out again at another resolution (zoom), keeping its text and undo history.

    Only the layout device and the page size depend on the resolution (margins and fixed line
    heights are scaled by Qt), so nothing in the document is edited.
    """
    _attach_layout_device(document, dpi)
    document.setPageSize(style.page_size_px(dpi))


def _hold_layout(document: QTextDocument) -> None:
    """Until a page size is set, changes to the document cost no layout.

    A laid-out QTextDocument lays itself out again after every change (each block format,
    each font), which made building a letter block by block quadratic; with a null page
    size Qt's layout only marks blocks dirty; the real size is set last.
    """
    document.setPageSize(QSizeF(0, 0))


def _configure_page(document: QTextDocument, style: PageStyle, dpi: float) -> None:
    """Everything but the page size (which lays the document out)."""
    document.setDefaultFont(style.body_font())
    # Qt scales frame margins by the layout device DPI itself (scaleToDevice); the page size it does not.
    top, right, bottom, left = (mm_to_px(m, LAYOUT_DPI) for m in style.margins_mm)
    frame_format = document.rootFrame().frameFormat()
    frame_format.setTopMargin(top)
    frame_format.setBottomMargin(bottom)
    frame_format.setLeftMargin(left)
    frame_format.setRightMargin(right)
    frame_format.setPadding(0)
    frame_format.setBorder(0)
    document.rootFrame().setFrameFormat(frame_format)


def block_role(block: QTextBlock) -> int:
    block_format = block.blockFormat()
    # hasProperty() first: PySide's property() returns None with a refcount bug (crash at exit).
    return block_format.intProperty(BLOCK_ROLE_PROPERTY) if block_format.hasProperty(BLOCK_ROLE_PROPERTY) else ROLE_BODY


def body_blocks(document: QTextDocument) -> tuple[QTextBlock, QTextBlock]:
    """The first and last block of the body (between the date line and the signature)."""
    first = document.firstBlock()
    while first.isValid() and block_role(first) == ROLE_HEADER and first.next().isValid():
        first = first.next()
    last = document.lastBlock()
    while last.isValid() and block_role(last) == ROLE_SIGNATURE and last.previous().isValid():
        last = last.previous()
    return first, last


def body_range(document: QTextDocument) -> tuple[int, int]:
    """Character positions where the body starts and ends (the end is after its last character)."""
    first, last = body_blocks(document)
    return first.position(), last.position() + last.length() - 1


def body_line_format(block_format: QTextBlockFormat, style: PageStyle, dpi: float) -> QTextBlockFormat:
    """`block_format` with the line height the stationery needs (fixed pitch on lined paper)."""
    if STATIONERY[style.stationery].rule_color:
        # In LAYOUT_DPI units: Qt scales fixed lengths to the layout device itself.
        block_format.setLineHeight(
            line_pitch(style, LAYOUT_DPI), int(QTextBlockFormat.LineHeightTypes.FixedHeight.value)
        )
    else:
        own = (
            block_format.doubleProperty(LINE_SPACING_PROPERTY)
            if block_format.hasProperty(LINE_SPACING_PROPERTY)
            else 0.0
        )
        percent = own or style.line_spacing * 100
        block_format.setLineHeight(percent, int(QTextBlockFormat.LineHeightTypes.ProportionalHeight.value))
    return block_format


def apply_line_heights(
    document: QTextDocument, style: PageStyle, first: QTextBlock | None = None, last: QTextBlock | None = None
) -> None:
    """Give body and header blocks (all, or first..last) the letter's line height."""
    dpi = document_dpi(document)
    block = first or document.firstBlock()
    stop = last.blockNumber() if last is not None else document.blockCount()
    cursor = QTextCursor(document)
    while block.isValid() and block.blockNumber() <= stop:
        if block_role(block) != ROLE_SIGNATURE:
            wanted = body_line_format(QTextBlockFormat(block.blockFormat()), style, dpi)
            if wanted != block.blockFormat():
                cursor.setPosition(block.position())
                cursor.setBlockFormat(wanted)
        block = block.next()


def _html_escape(text: str) -> str:
    import html

    return html.escape(text, quote=True)


def _empty_paragraph(extra_style: str = "") -> str:
    return (
        '<p style="-qt-paragraph-type:empty; margin-top:0px; margin-bottom:0px; '
        f'margin-left:0px; margin-right:0px; {extra_style}"><br /></p>'
    )


def _ends_with_signature(body_text: str, name: str) -> bool:
    lines = [line.strip() for line in body_text.strip().splitlines() if line.strip()]
    return bool(name) and bool(lines) and lines[-1].rstrip(".,!") == name.strip()


def build_letter_document(
    letter_body: str, body_format: str, style: PageStyle, *, dpi: float = LAYOUT_DPI, exact_text: bool = False
) -> QTextDocument:
    """The whole letter as it prints: date/place line, body, signature, on its page size and margins.

    With `exact_text` the text is prepared for output files whose text must read back
    exactly (`ui.paper.textlayer.prepare_for_export`): no ligatures, fallback fonts.
    """
    register_bundled_fonts()
    document = QTextDocument()
    document.setUndoRedoEnabled(False)
    _attach_layout_device(document, dpi)
    _hold_layout(document)
    date_text = ", ".join(part for part in (style.place.strip(), style.date_line.strip()) if part)
    spacer_lines = 0
    if STATIONERY[style.stationery].letterhead:
        # Room for the letterhead on the first page as blank lines: Qt ignores a block's top
        # margin at the top of a page, and whole lines keep the text grid.
        spacer_lines = math.ceil(mm_to_px(LETTERHEAD_HEIGHT_MM, dpi) / line_pitch(style, dpi))
    header = (
        '<p align="right" style="margin-bottom:0px; margin-left:0px; margin-right:0px; '
        f'white-space:pre-wrap">{_html_escape(date_text)}</p>'
        if date_text
        else _empty_paragraph()
    ) + _empty_paragraph()
    header = _empty_paragraph() * spacer_lines + header
    blocks = letterformat.parse(letter_body, body_format)  # once: the HTML and the plain text both come from it
    body_html = letterformat.serialize(blocks, for_qt=True)
    plain = letterformat.blocks_to_plain_text(blocks)
    with_signature = style.show_signature and (
        style.signature_image is not None
        or (style.signature_name and not _ends_with_signature(plain, style.signature_name))
    )
    signature = ""
    image: QImage | None = None
    if with_signature:
        if style.signature_image is not None:
            image = QImage.fromData(style.signature_image)
        if image is not None and not image.isNull():
            max_w, max_h = (mm_to_px(v, LAYOUT_DPI) for v in SIGNATURE_MAX_MM)  # Qt scales these to dpi
            scale = min(max_w / image.width(), max_h / image.height())
            inner = (
                f'<img src="{SIGNATURE_IMAGE_URL.toString()}" width="{image.width() * scale:.1f}" '
                f'height="{image.height() * scale:.1f}" />'
            )
        else:
            image = None
            font = style.signature_qfont()
            inner = (
                f"<span style=\"font-family:'{font.family()}'; font-size:{font.pointSizeF():.1f}pt\">"
                f"{_html_escape(style.signature_name)}</span>"
            )
        signature = _empty_paragraph() + (
            '<p style="margin-top:0px; margin-bottom:0px; margin-left:0px; margin-right:0px; '
            f'white-space:pre-wrap">{inner}</p>'
        )
    document.setHtml(header + body_html + signature)
    if image is not None:
        document.addResource(QTextDocument.ResourceType.ImageResource.value, SIGNATURE_IMAGE_URL, image)
    # On ruled paper a written signature sits on a rule like every other line.
    signature_on_rules = bool(signature) and image is None and bool(STATIONERY[style.stationery].rule_color)
    _mark_blocks(
        document,
        style,
        dpi,
        header_blocks=2 + spacer_lines,
        signature_blocks=2 if signature else 0,
        signature_on_rules=signature_on_rules,
    )
    _configure_page(document, style, dpi)
    if exact_text:
        from ui.paper.textlayer import prepare_for_export

        own_fonts = any(run.marks.family for block in blocks for run in block.runs)
        signature_lines = [document.lastBlock()] if signature else []
        prepare_for_export(document, None if own_fonts else signature_lines)
    document.setPageSize(style.page_size_px(dpi))  # the one layout
    document.setUndoRedoEnabled(True)
    document.setModified(False)
    return document


def _mark_blocks(
    document: QTextDocument,
    style: PageStyle,
    dpi: float,
    *,
    header_blocks: int,
    signature_blocks: int,
    signature_on_rules: bool = False,
) -> None:
    """Each block's role (header, body, signature) and line height, in one pass."""
    cursor = QTextCursor(document)
    total = document.blockCount()
    block = document.firstBlock()
    while block.isValid():
        number = block.blockNumber()
        block_format = QTextBlockFormat(block.blockFormat())
        if number < header_blocks:
            block_format.setProperty(BLOCK_ROLE_PROPERTY, ROLE_HEADER)
        elif number >= total - signature_blocks:
            block_format.setProperty(BLOCK_ROLE_PROPERTY, ROLE_SIGNATURE)
        elif block_format.hasProperty(QTextFormat.Property.LineHeight):
            # The paragraph's own line spacing from the stored body, kept apart from the applied height.
            block_format.setProperty(LINE_SPACING_PROPERTY, block_format.lineHeight())
        if number < total - signature_blocks or signature_on_rules:
            body_line_format(block_format, style, dpi)
        cursor.setPosition(block.position())
        cursor.setBlockFormat(block_format)
        block = block.next()
