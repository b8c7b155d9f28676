"""Painting letters onto pages: the paper (ruled lines, airmail border, letterhead) and the laid-out
document, for the editor, print preview, printing and PDF alike (the layout itself is page.py)."""

from __future__ import annotations

import math

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPolygonF,
    QTextDocument,
)

from beautifulletters.stationery import (
    AIRMAIL_BLUE,
    AIRMAIL_BORDER_MM,
    AIRMAIL_RED,
    BOOK_FAMILY,
    CHAIN_LINE_MM,
    DECKLE_MM,
    LAID_LINE_MM,
    LETTERHEAD_HEIGHT_MM,
    STATIONERY,
)
from ui.paper.page import (
    LAYOUT_DPI,
    ROLE_BODY,
    ROLE_HEADER,
    ROLE_SIGNATURE,
    RULE_BELOW_BASELINE_MM,
    PageStyle,
    _device_font,
    apply_line_heights,
    block_role,
    body_blocks,
    body_range,
    build_letter_document,
    line_pitch,
    mm_to_px,
    relayout_at,
    rule_grid,
)


def paint_stationery(painter: QPainter, page_rect: QRectF, style: PageStyle, page_number: int) -> None:
    """Paper, ruled lines, airmail border or letterhead for one page, in `page_rect` (document units).

    The scale comes from the rect itself, so the same call draws the editor, preview and printout.
    """
    paper = STATIONERY[style.stationery]
    width_mm, _height_mm = style.page_size_mm
    per_mm = page_rect.width() / width_mm
    dpi = per_mm * 25.4
    top, right, bottom, left = (m * per_mm for m in style.margins_mm)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(page_rect, QColor(paper.paper_color))

    if paper.rule_color:
        baseline, pitch = rule_grid(style, dpi)
        pen = QPen(QColor(paper.rule_color))
        pen.setWidthF(max(0.6, 0.18 * per_mm))
        painter.setPen(pen)
        y = page_rect.top() + top + baseline + RULE_BELOW_BASELINE_MM * per_mm
        while y < page_rect.bottom() - bottom + pitch * 0.2:
            painter.drawLine(QPointF(page_rect.left() + left * 0.6, y), QPointF(page_rect.right() - right * 0.6, y))
            y += pitch
        if paper.margin_rule_color:
            pen = QPen(QColor(paper.margin_rule_color))
            pen.setWidthF(max(0.6, 0.2 * per_mm))
            painter.setPen(pen)
            x = page_rect.left() + left - 3 * per_mm
            painter.drawLine(QPointF(x, page_rect.top()), QPointF(x, page_rect.bottom()))

    if paper.laid:
        _paint_laid_lines(painter, page_rect, paper.paper_color, per_mm)
    if paper.deckle:
        _paint_deckle(painter, page_rect, paper.paper_color, per_mm)
    if paper.watermark:
        _paint_watermark(painter, page_rect, style, paper.paper_color, per_mm)

    if paper.airmail_border:
        _paint_airmail_border(painter, page_rect, per_mm)

    if paper.letterhead and page_number == 1:
        _paint_letterhead(painter, page_rect, style, per_mm)
    painter.restore()


def _shade(color: str, factor: int) -> QColor:
    """The paper's colour a little darker (factor > 100), for marks seen in the sheet rather than on it."""
    return QColor(color).darker(factor)


def _paint_laid_lines(painter: QPainter, page_rect: QRectF, paper_color: str, per_mm: float) -> None:
    """Laid paper: fine lines across the sheet close together, and chain lines down it further apart.

    Plain lines, a few hundred a page: the PDF stays small and they never reach the text layer."""
    painter.save()
    pen = QPen(_shade(paper_color, 103))
    pen.setWidthF(0.12 * per_mm)
    painter.setPen(pen)
    y = page_rect.top() + LAID_LINE_MM * per_mm / 2
    while y < page_rect.bottom():
        painter.drawLine(QPointF(page_rect.left(), y), QPointF(page_rect.right(), y))
        y += LAID_LINE_MM * per_mm
    pen = QPen(_shade(paper_color, 105))
    pen.setWidthF(0.3 * per_mm)
    painter.setPen(pen)
    x = page_rect.left() + (page_rect.width() % (CHAIN_LINE_MM * per_mm)) / 2
    while x < page_rect.right():
        painter.drawLine(QPointF(x, page_rect.top()), QPointF(x, page_rect.bottom()))
        x += CHAIN_LINE_MM * per_mm
    painter.restore()


def _deckle_depth(t: float) -> float:
    """How far in (0..1 of DECKLE_MM) the deckle reaches at `t` mm along an edge: uneven, the same every time."""
    wave = 0.55 + 0.25 * math.sin(t * 0.61) + 0.12 * math.sin(t * 2.17 + 1.3) + 0.08 * math.sin(t * 5.3 + 0.4)
    return max(0.15, min(1.0, wave))


def _paint_deckle(painter: QPainter, page_rect: QRectF, paper_color: str, per_mm: float) -> None:
    """A deckled edge: a band along each edge, uneven on its inner side, where the sheet is darker."""
    width_mm, height_mm = page_rect.width() / per_mm, page_rect.height() / per_mm
    step = 1.5
    inner: list[QPointF] = []
    for along, length, corner in (
        ("top", width_mm, lambda t, d: (t, d)),
        ("right", height_mm, lambda t, d: (width_mm - d, t)),
        ("bottom", width_mm, lambda t, d: (width_mm - t, height_mm - d)),
        ("left", height_mm, lambda t, d: (d, height_mm - t)),
    ):
        offset = {"top": 0.0, "right": 300.0, "bottom": 600.0, "left": 900.0}[along]
        t = 0.0
        while t < length:
            x_mm, y_mm = corner(t, DECKLE_MM * _deckle_depth(t + offset))
            inner.append(QPointF(page_rect.left() + x_mm * per_mm, page_rect.top() + y_mm * per_mm))
            t += step
    outer = QPainterPath()
    outer.addRect(page_rect)
    hole = QPainterPath()
    hole.addPolygon(QPolygonF(inner))
    hole.closeSubpath()
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(_shade(paper_color, 106))
    painter.drawPath(outer.subtracted(hole))
    painter.restore()


def _paint_watermark(painter: QPainter, page_rect: QRectF, style: PageStyle, paper_color: str, per_mm: float) -> None:
    """A faint monogram in an oval mid-sheet: outlines, not text, so a PDF's text is the letter alone."""
    name = style.letterhead_name or style.signature_name
    initials = "".join(word[0] for word in name.split() if word[:1].isalpha())[:3] or "BL"
    centre = QPointF(page_rect.center().x(), page_rect.top() + page_rect.height() * 0.46)
    color = _shade(paper_color, 104)
    painter.save()
    pen = QPen(color)
    pen.setWidthF(0.8 * per_mm)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawEllipse(centre, 34 * per_mm, 44 * per_mm)
    pen.setWidthF(0.3 * per_mm)
    painter.setPen(pen)
    painter.drawEllipse(centre, 31 * per_mm, 41 * per_mm)
    font = QFont(BOOK_FAMILY)
    font.setItalic(True)
    font.setPixelSize(max(1, round(30 * per_mm)))
    path = QPainterPath()
    path.addText(QPointF(0, 0), font, initials)
    box = path.boundingRect()
    path.translate(centre.x() - box.center().x(), centre.y() - box.center().y())
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawPath(path)
    painter.restore()


def _paint_airmail_border(painter: QPainter, page_rect: QRectF, per_mm: float) -> None:
    band = AIRMAIL_BORDER_MM * per_mm
    inner = page_rect.adjusted(band * 0.35, band * 0.35, -band * 0.35, -band * 0.35)
    stripe = 9.0 * per_mm
    painter.save()
    clip_outer = QRectF(page_rect)
    clip_inner = page_rect.adjusted(band, band, -band, -band)
    from PySide6.QtGui import QPainterPath

    path = QPainterPath()
    path.addRect(clip_outer.adjusted(band * 0.35, band * 0.35, -band * 0.35, -band * 0.35))
    hole = QPainterPath()
    hole.addRect(clip_inner)
    painter.setClipPath(path.subtracted(hole))
    painter.setPen(Qt.PenStyle.NoPen)
    colors = (QColor(AIRMAIL_RED), QColor("#f4f6fb"), QColor(AIRMAIL_BLUE), QColor("#f4f6fb"))
    span = page_rect.width() + page_rect.height()
    x = page_rect.left() - page_rect.height()
    index = 0
    while x < page_rect.left() + span:
        polygon = [
            QPointF(x, page_rect.bottom()),
            QPointF(x + stripe, page_rect.bottom()),
            QPointF(x + stripe + page_rect.height(), page_rect.top()),
            QPointF(x + page_rect.height(), page_rect.top()),
        ]
        from PySide6.QtGui import QPolygonF

        painter.setBrush(colors[index % 4])
        painter.drawPolygon(QPolygonF(polygon))
        x += stripe
        index += 1
    painter.restore()
    del inner


def _paint_letterhead(painter: QPainter, page_rect: QRectF, style: PageStyle, per_mm: float) -> None:
    top, right, _bottom, left = (m * per_mm for m in style.margins_mm)
    ink = QColor(style.ink_color)
    pt_mm = 25.4 / 72.0
    name_font = _device_font(painter, BOOK_FAMILY, 15.0 * pt_mm * per_mm)
    name_font.setCapitalization(QFont.Capitalization.SmallCaps)
    name_font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 112)
    address_font = _device_font(painter, BOOK_FAMILY, 8.5 * pt_mm * per_mm)
    area = QRectF(
        page_rect.left() + left,
        page_rect.top() + top * 0.6,
        page_rect.width() - left - right,
        LETTERHEAD_HEIGHT_MM * per_mm,
    )
    painter.setPen(ink)
    painter.setFont(name_font)
    unit = 1.0
    name_height = QFontMetricsF(name_font, painter.device()).height() * unit
    painter.drawText(
        QRectF(area.left(), area.top(), area.width(), name_height),
        int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter),
        style.letterhead_name,
    )
    painter.setFont(address_font)
    address = " · ".join(line.strip() for line in style.letterhead_address.splitlines() if line.strip())
    address_height = QFontMetricsF(address_font, painter.device()).height() * unit
    y = area.top() + name_height + 1.5 * per_mm
    painter.drawText(
        QRectF(area.left(), y, area.width(), address_height),
        int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter),
        address,
    )
    rule_y = y + address_height + 2.5 * per_mm
    pen = QPen(ink)
    pen.setWidthF(0.25 * per_mm)
    painter.setPen(pen)
    inset = area.width() * 0.3
    painter.drawLine(QPointF(area.left() + inset, rule_y), QPointF(area.right() - inset, rule_y))


def paint_page(painter: QPainter, document: QTextDocument, style: PageStyle, page_index: int) -> None:
    """One page (stationery and text) with its top-left corner at the painter's origin."""
    page = document.pageSize()
    paint_stationery(painter, QRectF(0, 0, page.width(), page.height()), style, page_index + 1)
    painter.save()
    painter.translate(0, -page_index * page.height())
    context = QAbstractTextDocumentLayout.PaintContext()
    context.clip = QRectF(0, page_index * page.height(), page.width(), page.height())
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Text, QColor(style.ink_color))
    context.palette = palette
    painter.setClipRect(context.clip)
    document.documentLayout().draw(painter, context)
    painter.restore()


def render_pages(document: QTextDocument, style: PageStyle, paint_device: QPagedPaintDevice) -> int:
    """Paint every page onto a QPrinter or QPdfWriter (full page, no device margins); returns the page count."""
    paint_device.setPageLayout(QPageLayout(style.qpage_size(), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    if hasattr(paint_device, "setFullPage"):
        paint_device.setFullPage(True)  # QPrinter: draw from the paper's corner, not the printable area
    pages = max(1, document.pageCount())
    painter = QPainter(paint_device)
    if not painter.isActive():
        raise RuntimeError("the printer or PDF file could not be opened for drawing")
    try:
        page = document.pageSize()
        scale = paint_device.width() / page.width()
        for index in range(pages):
            if index:
                paint_device.newPage()
            painter.save()
            painter.scale(scale, scale)
            paint_page(painter, document, style, index)
            painter.restore()
    finally:
        painter.end()
    return pages


def render_page_image(document: QTextDocument, style: PageStyle, page_index: int = 0, width_px: int = 900) -> QImage:
    """One page as an image (for thumbnails and screenshots)."""
    page = document.pageSize()
    scale = width_px / page.width()
    image = QImage(width_px, round(page.height() * scale), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.scale(scale, scale)
    paint_page(painter, document, style, page_index)
    painter.end()
    return image


__all__ = [
    "LAYOUT_DPI",
    "PageStyle",
    "apply_line_heights",
    "block_role",
    "body_blocks",
    "body_range",
    "build_letter_document",
    "line_pitch",
    "mm_to_px",
    "paint_page",
    "paint_stationery",
    "relayout_at",
    "render_page_image",
    "rule_grid",
    "render_pages",
    "ROLE_BODY",
    "ROLE_HEADER",
    "ROLE_SIGNATURE",
]
