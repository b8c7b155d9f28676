"""Keeping a PDF's text layer exact: no ligature glyphs, and fallback fonts that can draw every character.

Qt's PDF writer maps each glyph back to text through the font's character map. Ligatures
("ll", "fi", "ffl") and contextual alternates are glyphs no character maps to, so
pdftotext read "still the gulls" from Dancing Script as "sti e gu s", and Kristi's
alternate "o" vanished from "Shalom". Turning off the OpenType features that substitute
such glyphs (liga, clig, dlig, hlig, calt) keeps every glyph tied to its letter. Required
ligatures (rlig) stay on: Arabic needs them, and its glyphs keep their mapping.

Characters a handwriting font lacks (Hebrew, Arabic, CJK, symbols) fall back to outline
fonts installed on the system (DejaVu, WenQuanYi Micro Hei, Symbola; see
scripts/system-deps.sh). The app's own handwriting fonts are bundled; only these fallbacks
come from the system, because bundling every script's font would multiply the app's size.
Colour emoji fonts are bitmaps and would put images in the PDF, so they are not used.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache

from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QFontMetrics,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)

from beautifulletters.i18n import _

# Features that replace several letters (or a letter in context) by a glyph with no text.
TEXT_BREAKING_FEATURES = ("liga", "clig", "dlig", "hlig", "calt")
FALLBACK_FAMILIES = (
    "DejaVu Sans",
    "DejaVu Serif",
    "WenQuanYi Micro Hei",
    "Noto Sans",
    "Noto Sans CJK SC",
    "Noto Sans Hebrew",
    "Noto Sans Arabic",
    "Symbola",
)
# Characters that draw nothing and need no font.
_INVISIBLE_CATEGORIES = {"Cc", "Cf", "Zs", "Zl", "Zp", "Mn", "Me"}


def export_features() -> dict[QFont.Tag, int]:
    return {QFont.Tag(tag): 0 for tag in TEXT_BREAKING_FEATURES}


def export_font(font: QFont) -> QFont:
    """A copy of `font` that draws no ligatures and falls back to outline fonts for other scripts."""
    copy = QFont(font)
    for tag in TEXT_BREAKING_FEATURES:
        copy.setFeature(QFont.Tag(tag), 0)
    families = list(copy.families()) or [copy.family()]
    copy.setFamilies(families + [f for f in available_fallbacks() if f not in families])
    return copy


_fallback_cache: list[str] | None = None


def available_fallbacks() -> list[str]:
    global _fallback_cache
    if _fallback_cache is None:
        installed = set(QFontDatabase.families())
        _fallback_cache = [family for family in FALLBACK_FAMILIES if family in installed]
    return _fallback_cache


def prepare_for_export(document: QTextDocument, blocks: Iterable[QTextBlock] | None = None) -> None:
    """Turn off text-breaking features and add fallback families throughout `document`, in place.

    Text without a family of its own takes the document's default font, features and
    fallbacks included, so only fragments that name a family (the signature, a passage in
    another font) need their own format; `blocks`, when given, are the only blocks that
    may hold such fragments. Call it before the document is laid out
    (`ui.paper.page.build_letter_document(exact_text=True)` does): each change to a laid-out
    document lays it out again.
    """
    document.setDefaultFont(export_font(document.defaultFont()))
    fallbacks = available_fallbacks()
    features = export_features()
    cursor = QTextCursor(document)
    for block in blocks if blocks is not None else _all_blocks(document):
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.isValid():
                char_format = fragment.charFormat()
                if char_format.hasProperty(QTextCharFormat.Property.FontFamilies):
                    families = list(char_format.fontFamilies() or [])
                    change = QTextCharFormat()
                    change.setFontFeatures(features)
                    change.setFontFamilies(families + [f for f in fallbacks if f not in families])
                    cursor.setPosition(fragment.position())
                    cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
                    cursor.mergeCharFormat(change)
            iterator += 1


def _all_blocks(document: QTextDocument) -> Iterator[QTextBlock]:
    block = document.begin()
    while block.isValid():
        yield block
        block = block.next()


def _font_can_draw(family: str, code_point: int) -> bool:
    return _metrics(family).inFontUcs4(code_point)


@lru_cache(maxsize=32)
def _metrics(family: str) -> QFontMetrics:
    return QFontMetrics(QFont(family))


def undrawable_characters(text: str, family: str) -> list[str]:
    """Characters of `text` that neither `family` nor any fallback font can draw, in order, once each."""
    known = _drawable.setdefault(family, set())
    unknown = set(text) - known  # letters seen before in this font are not looked up again
    if not unknown:
        return []
    candidates = [family, *available_fallbacks()]
    missing = []
    for char in dict.fromkeys(text):  # each character once, in order of appearance
        if char not in unknown:
            continue
        if unicodedata.category(char) in _INVISIBLE_CATEGORIES or any(_font_can_draw(f, ord(char)) for f in candidates):
            known.add(char)
        else:
            missing.append(char)
    return missing


_drawable: dict[str, set[str]] = {}


def undrawable_warning(text: str, family: str) -> str | None:
    """A sentence to show before export when some characters would print as empty boxes."""
    missing = undrawable_characters(text, family)
    if not missing:
        return None
    shown = ", ".join(f"{ch} (U+{ord(ch):04X})" for ch in missing[:5])
    if len(missing) > 5:
        return _(
            "No installed font can draw {characters} and {count} more; they will print as empty boxes. "
            "Install a font that has them (e.g. Noto)."
        ).format(characters=shown, count=len(missing) - 5)
    return _(
        "No installed font can draw {characters}; they will print as empty boxes. "
        "Install a font that has them (e.g. Noto)."
    ).format(characters=shown)
