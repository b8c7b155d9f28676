"""Plain-data descriptions of paper, stationery, ink and the bundled fonts, and a letter's style settings.

No Qt here: the layout engine in ``ui/desk/page.py`` turns these numbers into pages.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from beautifulletters.errors import ValidationError
from beautifulletters.humandates import letter_date
from beautifulletters.i18n import N_, _, p_
from beautifulletters.records import Person

# Portrait paper sizes in millimetres (width, height).
PAGE_SIZES_MM: dict[str, tuple[float, float]] = {
    "A4": (210.0, 297.0),
    "Letter": (215.9, 279.4),
    "A5": (148.0, 210.0),
}

# Margins (top, right, bottom, left) in mm; A5 is small, so its margins are narrower.
DEFAULT_MARGINS_MM: dict[str, tuple[float, float, float, float]] = {
    "A4": (25.0, 25.0, 25.0, 25.0),
    "Letter": (25.4, 25.4, 25.4, 25.4),
    "A5": (18.0, 16.0, 18.0, 16.0),
}
MIN_MARGIN_MM, MAX_MARGIN_MM = 5.0, 60.0

# Room above the text on the first page of letterhead paper, for the name and address.
LETTERHEAD_HEIGHT_MM = 24.0
# The striped airmail border runs this far in from the paper's edge.
AIRMAIL_BORDER_MM = 7.0


@dataclass(frozen=True)
class Stationery:
    """One kind of paper: its colour and what is printed on it."""

    key: str
    label: str
    paper_color: str
    rule_color: str | None = None  # ruled lines under each line of text
    margin_rule_color: str | None = None  # the vertical line at the left margin of lined paper
    airmail_border: bool = False
    letterhead: bool = False
    laid: bool = False  # the fine lines and chain lines of laid paper, seen in the sheet
    deckle: bool = False  # a deckled edge: the sheet thins and darkens unevenly towards its edges
    watermark: bool = False  # a faint monogram in the middle of every sheet


STATIONERY: dict[str, Stationery] = {
    "cream": Stationery("cream", N_("Plain cream"), "#fbf5e6"),
    "lined": Stationery("lined", N_("Lined"), "#fdfbf4", rule_color="#a9c1dc", margin_rule_color="#e3a3a3"),
    "airmail": Stationery("airmail", N_("Airmail"), "#f4f6fb", airmail_border=True),
    "letterhead": Stationery("letterhead", N_("Letterhead"), "#fcf8ee", letterhead=True),
    "laid": Stationery("laid", N_("Cream laid, deckled"), "#f7eed8", laid=True, deckle=True),
    "watermark": Stationery("watermark", N_("White with a watermark"), "#fdfcf9", watermark=True),
}
# How laid paper and watermarks are drawn (light marks in the sheet, never ink).
LAID_LINE_MM, CHAIN_LINE_MM = 0.9, 24.0  # the distance between laid lines, and between chain lines
DECKLE_MM = 3.2  # how far in from the sheet's edge the deckle reaches at most

# Ink colours a fountain pen might hold; the value is what is printed.
INK_COLORS: dict[str, str] = {
    "black": "#1c1c1f",
    "blue-black": "#1e2a4a",
    "royal blue": "#1f3f9c",
    "sepia": "#5b3b1f",
    "green": "#1f4a36",
    "burgundy": "#6a1b2a",
}
AIRMAIL_RED, AIRMAIL_BLUE = "#c8323c", "#23448f"
_INK_NAMES = {
    "black": N_("black"),
    "blue-black": N_("blue-black"),
    "royal blue": N_("royal blue"),
    "sepia": N_("sepia"),
    "green": N_("green"),
    "burgundy": N_("burgundy"),
}


def stationery_label(key: str) -> str:
    """A paper's name in the reader's language ("Plain cream")."""
    return _(STATIONERY[key].label) if key in STATIONERY else key


def ink_label(name: str) -> str:
    """An ink's name in the reader's language ("blue-black")."""
    return _(_INK_NAMES[name]) if name in _INK_NAMES else name


def page_size_label(size: str) -> str:
    """A page size as a menu shows it: A4 and A5 are the same everywhere, Letter is American."""
    return p_("paper size", "Letter") if size == "Letter" else size


_HEX_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
_FAMILY_NAME = re.compile(r"^[\w][\w .\-]{0,62}$", re.UNICODE)


@dataclass(frozen=True)
class BundledFont:
    """A font shipped in resources/fonts/<folder>/ with its licence text."""

    family: str  # the family name Qt reports once the files are registered
    folder: str
    files: tuple[str, ...]
    kind: str  # "handwriting" or "book"
    licence: str
    debian_package: str
    licence_file: str = "LICENSE.txt"


BUNDLED_FONTS: tuple[BundledFont, ...] = (
    BundledFont(
        "Dancing Script",
        "dancing-script",
        ("DancingScript-Regular.otf", "DancingScript-Bold.otf"),
        "handwriting",
        "SIL Open Font License 1.1",
        "fonts-dancingscript",
    ),
    BundledFont("Kristi", "kristi", ("Kristi.ttf",), "handwriting", "SIL Open Font License 1.1", "fonts-kristi"),
    BundledFont("Breip", "breip", ("Breip.ttf",), "handwriting", "SIL Open Font License 1.0", "fonts-breip"),
    BundledFont(
        "Kaushan Script",
        "kaushan-script",
        ("KaushanScript-Regular.otf",),
        "handwriting",
        "SIL Open Font License 1.1",
        "fonts-kaushanscript",
    ),
    BundledFont(
        "EB Garamond",
        "eb-garamond",
        ("EBGaramond12-Regular.otf", "EBGaramond12-Italic.otf", "EBGaramond12-Bold.otf"),
        "book",
        "SIL Open Font License 1.1",
        "fonts-ebgaramond",
    ),
)
HANDWRITING_FAMILIES: tuple[str, ...] = tuple(f.family for f in BUNDLED_FONTS if f.kind == "handwriting")
BOOK_FAMILY = "EB Garamond"

# Handwriting faces differ a lot in x-height; these sizes make them read alike at "normal".
NATURAL_SIZE_PT: dict[str, float] = {
    "Dancing Script": 17.0,
    "Kristi": 22.0,
    "Breip": 17.0,
    "Kaushan Script": 15.0,
    "EB Garamond": 12.5,
}

MIN_FONT_PT, MAX_FONT_PT = 6.0, 72.0
MIN_LINE_SPACING, MAX_LINE_SPACING = 0.8, 3.0

# A letter's style as its `style` JSON holds it: the keys of DEFAULT_STYLE, with values of several
# kinds (names, sizes, margins, flags), each checked by resolve_style.
Style = dict[str, Any]

# Every key a letter's `style` JSON may hold (documented in docs/letter-format.md).
DEFAULT_STYLE: Style = {
    "page_size": "A4",
    "margins_mm": None,  # None: the page size's default margins
    "stationery": "cream",
    "font_family": "Dancing Script",
    "font_size_pt": None,  # None: the family's natural size
    "ink_color": "blue-black",
    "line_spacing": 1.15,
    "signature_name": None,  # None: the signer's nickname or first name
    "signature_font": None,  # None: the body font
    "signature_image": None,  # base64 PNG/JPEG of a scanned signature, shown instead of the name
    "show_signature": True,
    "place": "",
    "date_line": None,  # None: the date the letter was written, e.g. "3 April 2025"
    "letterhead_name": None,  # None: the signer's full name
    "letterhead_address": None,  # None: the signer's first address
}
STYLE_KEYS = frozenset(DEFAULT_STYLE)


# The paper a letter is written on: stored with each new letter so it prints, a year later too,
# as it was shown, whatever Preferences or the built-in defaults say by then.
PAPER_KEYS = ("stationery", "font_family", "font_size_pt", "ink_color", "page_size", "margins_mm")


def with_paper(style: Mapping[str, Any] | None, defaults: Mapping[str, Any]) -> Style:
    """`style` with every paper setting it does not name filled in: from `defaults` (the
    preferences) where they say, else the built-in default (the hand's natural size, the page
    size's margins)."""
    filled = dict(style or {})
    for key in PAPER_KEYS:
        if filled.get(key) is None:
            value = defaults.get(key)
            filled[key] = DEFAULT_STYLE[key] if value is None else value
    if filled["font_size_pt"] is None:
        filled["font_size_pt"] = NATURAL_SIZE_PT.get(str(filled["font_family"]), 13.0)
    if filled["margins_mm"] is None:
        filled["margins_mm"] = list(DEFAULT_MARGINS_MM.get(str(filled["page_size"]), DEFAULT_MARGINS_MM["A4"]))
    return filled


def format_letter_date(value: str | dt.date | None, language: str | None = None) -> str:
    """The date as a letter in `language` writes it: "3 April 2025", "2 décembre 2026"."""
    if isinstance(value, str):
        try:
            dt.date.fromisoformat(value[:10])
        except ValueError:
            return value  # a date line the writer typed themselves
    return letter_date(value, language)


def ink_hex(ink: str) -> str:
    """The printed colour of a named ink or a '#rrggbb' value."""
    if ink in INK_COLORS:
        return INK_COLORS[ink]
    if _HEX_COLOR.match(ink):
        return ink.lower()
    raise ValidationError(
        "ink_color",
        _("{ink} is not an ink; use {items} or #rrggbb.").format(ink=repr(ink), items=", ".join(INK_COLORS)),
    )


def _number(value: Any, field: str, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        try:
            value = float(value)
        except (TypeError, ValueError):
            raise ValidationError(field, _("{value} is not a number.").format(value=repr(value))) from None
    if not low <= float(value) <= high:
        raise ValidationError(field, _("{value} is outside {low:g}–{high:g}.").format(value=value, low=low, high=high))
    return float(value)


def _margins(value: Any, page_size: str) -> tuple[float, float, float, float]:
    if value is None:
        return DEFAULT_MARGINS_MM[page_size]
    if isinstance(value, int | float) and not isinstance(value, bool):
        side = _number(value, "margins_mm", MIN_MARGIN_MM, MAX_MARGIN_MM)
        return (side, side, side, side)
    if isinstance(value, list | tuple) and len(value) == 4:
        top, right, bottom, left = (_number(v, "margins_mm", MIN_MARGIN_MM, MAX_MARGIN_MM) for v in value)
        return (top, right, bottom, left)
    raise ValidationError("margins_mm", _("must be a number of mm or [top, right, bottom, left]."))


def _optional_text(value: Any, field: str, max_length: int = 500) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValidationError(field, _("must be text."))
    if len(value) > max_length:
        raise ValidationError(field, _("is longer than {count} characters.").format(count=max_length))
    return value


def font_family_ok(family: str) -> bool:
    """A family name that is plain text (no quotes or CSS), safe to write into a style."""
    return bool(_FAMILY_NAME.match(family))


def decode_signature_image(value: str | None) -> bytes | None:
    if not value:
        return None
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise ValidationError("signature_image", _("is not base64 image data.")) from None


def encode_signature_image(data: bytes | None) -> str | None:
    return base64.b64encode(data).decode("ascii") if data else None


def resolve_style(
    style: Mapping[str, Any] | None,
    *,
    defaults: Mapping[str, Any] | None = None,
    signer: Person | None = None,
    written_on: str | None = None,
    language: str | None = None,
) -> Style:
    """Every style setting filled in and checked: built-in defaults < `defaults` < the letter's own style.

    Unknown keys are kept out (an older or newer app may have written them); bad values raise
    ValidationError naming the key.
    """
    merged: Style = dict(DEFAULT_STYLE)
    for layer in (defaults or {}, style or {}):
        for key, value in layer.items():
            if key in STYLE_KEYS and value is not None:
                merged[key] = value
    page_size = merged["page_size"]
    if page_size not in PAGE_SIZES_MM:
        raise ValidationError(
            "page_size",
            _("{page_size} is not a page size; use {items}.").format(
                page_size=repr(page_size), items=", ".join(PAGE_SIZES_MM)
            ),
        )
    if merged["stationery"] not in STATIONERY:
        raise ValidationError(
            "stationery",
            _("{stationery} is not stationery; use {items}.").format(
                stationery=repr(merged["stationery"]), items=", ".join(STATIONERY)
            ),
        )
    family = merged["font_family"]
    if not isinstance(family, str) or not font_family_ok(family):
        raise ValidationError("font_family", _("{family} is not a font family name.").format(family=repr(family)))
    size = merged["font_size_pt"]
    merged["font_size_pt"] = (
        NATURAL_SIZE_PT.get(family, 13.0) if size is None else _number(size, "font_size_pt", MIN_FONT_PT, MAX_FONT_PT)
    )
    merged["margins_mm"] = _margins(merged["margins_mm"], page_size)
    merged["line_spacing"] = _number(merged["line_spacing"], "line_spacing", MIN_LINE_SPACING, MAX_LINE_SPACING)
    merged["ink_color"] = ink_hex(str(merged["ink_color"]))
    signature_font = merged["signature_font"] or family
    if not isinstance(signature_font, str) or not font_family_ok(signature_font):
        raise ValidationError(
            "signature_font",
            _("{signature_font} is not a font family name.").format(signature_font=repr(signature_font)),
        )
    merged["signature_font"] = signature_font
    merged["show_signature"] = bool(merged["show_signature"])
    merged["signature_image"] = (
        decode_signature_image(merged["signature_image"])
        if isinstance(merged["signature_image"], str)
        else merged["signature_image"]
    )
    name = _optional_text(merged["signature_name"], "signature_name")
    if name is None and signer is not None:
        name = signer.nickname or signer.display_name.split(" ")[0]
    merged["signature_name"] = name or ""
    merged["place"] = _optional_text(merged["place"], "place") or ""
    date_line = _optional_text(merged["date_line"], "date_line")
    merged["date_line"] = format_letter_date(written_on, language) if date_line is None else date_line
    head_name = _optional_text(merged["letterhead_name"], "letterhead_name")
    merged["letterhead_name"] = (
        head_name if head_name is not None else (signer.full_name or signer.display_name if signer else "")
    )
    address = _optional_text(merged["letterhead_address"], "letterhead_address", 2000)
    if address is None:
        address = signer.addresses[0] if signer and signer.addresses else ""
    merged["letterhead_address"] = address
    return merged
