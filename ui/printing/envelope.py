"""Envelopes: the recipient's address in the letter's handwriting, the signer's return address, by country."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPagedPaintDevice, QPageLayout, QPageSize, QPainter

from beautifulletters.errors import ValidationError
from beautifulletters.export.envelopes import (
    RECIPIENT_POSITION,
    EnvelopeAddress,
    EnvelopeSize,
    country_of_address,
    envelope_size,
    layout_address,
    postal_parts,
    return_address,
)
from beautifulletters.i18n import _
from beautifulletters.records import Letter, Person
from beautifulletters.stationery import resolve_style
from ui.paper.textlayer import export_font
from ui.resources import register_bundled_fonts

LAYOUT_DPI = 96.0


@dataclass
class Envelope:
    size: EnvelopeSize
    recipient: EnvelopeAddress
    sender: EnvelopeAddress | None
    font_family: str
    ink_color: str
    title: str


def envelope_for(
    letter: Letter,
    signer: Person,
    recipient: Person,
    *,
    size: str = "DL",
    font: str | None = None,
) -> Envelope:
    """Plan an envelope; a recipient without a postal address raises a clear ValidationError."""
    address = postal_parts(recipient)
    name = recipient.full_name or recipient.display_name
    if address is None:
        raise ValidationError(
            "address",
            _("{name} has no postal address; add one (people edit --address) before printing an envelope.").format(
                name=recipient.display_name
            ),
        )
    sender_address = postal_parts(signer)
    style = resolve_style({**letter.style, **({"font_family": font} if font else {})}, signer=signer)
    return Envelope(
        size=envelope_size(size),
        recipient=layout_address(name, address, sender_country=country_of_address(sender_address) or None),
        sender=return_address(signer.full_name or signer.display_name, sender_address),
        font_family=style["font_family"],
        ink_color=style["ink_color"],
        title=_("Envelope for {name}").format(name=recipient.display_name or ""),
    )


def page_layout(envelope: Envelope) -> QPageLayout:
    size = QPageSize(
        QSizeF(envelope.size.width_mm, envelope.size.height_mm), QPageSize.Unit.Millimeter, envelope.size.code
    )
    # Landscape sizes given as portrait-free dimensions: width > height is the page as printed.
    return QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))


def _mm(value: float) -> float:
    return value / 25.4 * LAYOUT_DPI


def _font(family: str, size_pt: float) -> QFont:
    register_bundled_fonts()
    font = QFont(family)
    font.setPixelSize(round(size_pt / 72 * LAYOUT_DPI))  # document units, scaled to the device
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return export_font(font)


def paint_envelope(painter: QPainter, device_width: float, envelope: Envelope) -> None:
    """Draw one envelope filling the device's page (painter active, page already started)."""
    width, height = _mm(envelope.size.width_mm), _mm(envelope.size.height_mm)
    painter.save()
    painter.scale(device_width / width, device_width / width)
    painter.fillRect(QRectF(0, 0, width, height), QColor("#fbf7ee"))
    painter.setPen(QColor(envelope.ink_color))
    if envelope.sender is not None:
        sender_font = _font(envelope.font_family, 10.5)
        painter.setFont(sender_font)
        line = QFontMetricsF(sender_font).lineSpacing()
        y = _mm(8)
        for text in envelope.sender.lines:
            painter.drawText(QRectF(_mm(10), y, width * 0.45, line), int(Qt.AlignmentFlag.AlignLeft), text)
            y += line
    # The recipient block: as large as fits the space the country's convention leaves.
    left_fraction, top_fraction = RECIPIENT_POSITION.get(envelope.recipient.country, RECIPIENT_POSITION[""])
    box = QRectF(
        width * left_fraction,
        height * top_fraction,
        width * (1 - left_fraction) - _mm(10),
        height * (1 - top_fraction) - _mm(8),
    )
    size_pt = 17.0
    while size_pt > 8:
        font = _font(envelope.font_family, size_pt)
        metrics = QFontMetricsF(font)
        widest = max(metrics.horizontalAdvance(text) for text in envelope.recipient.lines)
        if widest <= box.width() and metrics.lineSpacing() * len(envelope.recipient.lines) <= box.height():
            break
        size_pt -= 0.5
    painter.setFont(font)
    line = QFontMetricsF(font).lineSpacing()
    y = box.top()
    for text in envelope.recipient.lines:
        painter.drawText(QRectF(box.left(), y, box.width(), line), int(Qt.AlignmentFlag.AlignLeft), text)
        y += line
    painter.restore()


def render_envelope(
    envelope: Envelope, device: QPagedPaintDevice, *, painter: QPainter | None = None, new_page_first: bool = False
) -> None:
    """Paint an envelope on its own page: alone (opens a painter) or inside a batch's painter."""
    device.setPageLayout(page_layout(envelope))
    if painter is not None:
        if new_page_first:
            device.newPage()
        paint_envelope(painter, device.width(), envelope)
        return
    own = QPainter(device)
    try:
        paint_envelope(own, device.width(), envelope)
    finally:
        own.end()
