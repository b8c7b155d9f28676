"""A letter reduced to safe, format-neutral parts (blocks of styled text, closing, signature) for export.

Every exporter writes from this model, never from the stored body directly, so archive text
reaches an output file only as text: HTML in a body is parsed with an allow-list of basic
formatting (bold, italic, underline, paragraphs, headings, lists, quotes) and everything else
(images, links, scripts, styles, unknown tags) is reduced to its words or dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any

from beautifulletters.errors import ValidationError
from beautifulletters.stationery import resolve_style

if TYPE_CHECKING:
    from beautifulletters.archive import Archive

BLOCK_KINDS = ("paragraph", "heading", "list_item", "quote")


@dataclass(frozen=True)
class Run:
    """A piece of text with one formatting; '\n' inside is a line break within the paragraph."""

    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False


@dataclass(frozen=True)
class Block:
    kind: str = "paragraph"
    runs: tuple[Run, ...] = ()
    level: int = 0  # heading level (1-3) or list depth

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@dataclass(frozen=True)
class LetterContent:
    """What every export format needs to know about one letter."""

    letter_id: int | None
    title: str
    blocks: tuple[Block, ...]
    signature: str
    signer_name: str
    recipient_name: str
    place_date: str = ""
    font: str | None = None
    stationery: str | None = None
    page_size: str = "A4"
    language: str | None = None
    date: str = ""  # ISO date the letter is filed under (sent, occasion or written)
    style: dict[str, Any] = field(default_factory=dict)

    @property
    def closing_index(self) -> int | None:
        """Index of the closing phrase ("All my love,"): the last block, kept with the signature."""
        return len(self.blocks) - 1 if self.blocks else None

    def plain_text(self) -> str:
        """The letter's words as plain text: place/date line, paragraphs, signature."""
        parts = [self.place_date] if self.place_date else []
        parts += [block.text for block in self.blocks]
        if self.signature:
            parts.append(self.signature)
        return "\n\n".join(parts)


# ------------------------------------------------------------------- body parsing
def blocks_from_text(body: str) -> list[Block]:
    """Plain-text body: paragraphs separated by blank lines, single newlines are line breaks."""
    normalised = body.replace("\r\n", "\n").replace("\r", "\n")
    blocks = []
    for chunk in re.split(r"\n[ \t]*\n+", normalised):
        lines = [line.rstrip() for line in chunk.strip("\n").split("\n")]
        text = "\n".join(lines).strip()
        if text:
            blocks.append(Block("paragraph", (Run(text),)))
    return blocks


_BLOCK_TAGS = {
    "p": ("paragraph", 0),
    "div": ("paragraph", 0),
    "h1": ("heading", 1),
    "h2": ("heading", 2),
    "h3": ("heading", 3),
    "h4": ("heading", 3),
    "h5": ("heading", 3),
    "h6": ("heading", 3),
    "li": ("list_item", 1),
    "blockquote": ("quote", 0),
    "pre": ("paragraph", 0),
}
_SKIP_CONTENT = {"script", "style", "head", "title", "template", "noscript", "object", "iframe", "svg", "math"}
_BOLD_TAGS = {"b", "strong"}
_ITALIC_TAGS = {"i", "em", "cite"}
_UNDERLINE_TAGS = {"u", "ins"}


class _BodyParser(HTMLParser):
    """Collects text and basic formatting; every other piece of markup is ignored."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self._runs: list[Run] = []
        self._block: tuple[str, int] = ("paragraph", 0)
        self._format: list[tuple[str, bool, bool, bool]] = []
        self._skip_depth = 0
        self._list_depth = 0

    def _current(self) -> tuple[bool, bool, bool]:
        bold = any(f[1] for f in self._format)
        italic = any(f[2] for f in self._format)
        underline = any(f[3] for f in self._format)
        return bold, italic, underline

    def _flush(self) -> None:
        runs = _merge_runs(self._runs)
        if runs and "".join(r.text for r in runs).strip():
            kind, level = self._block
            self.blocks.append(Block(kind, tuple(runs), level))
        self._runs = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_CONTENT:
            self._skip_depth += 1
            return
        if tag in ("ul", "ol"):
            self._flush()
            self._list_depth += 1
            return
        if tag in _BLOCK_TAGS:
            self._flush()
            kind, level = _BLOCK_TAGS[tag]
            self._block = (kind, self._list_depth if kind == "list_item" else level)
            return
        if tag == "br":
            self._add_text("\n", collapse=False)
            return
        style = dict(attrs).get("style") or ""
        bold = tag in _BOLD_TAGS or bool(re.search(r"font-weight\s*:\s*(bold|[6-9]00)", style))
        italic = tag in _ITALIC_TAGS or bool(re.search(r"font-style\s*:\s*italic", style))
        underline = tag in _UNDERLINE_TAGS or bool(re.search(r"text-decoration[^;]*underline", style))
        if tag not in ("img", "hr", "input", "meta", "link", "wbr", "col", "area", "base", "source"):
            self._format.append((tag, bold, italic, underline))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self._add_text("\n", collapse=False)
        elif tag not in _SKIP_CONTENT:
            self.handle_starttag(tag, attrs)
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_CONTENT:
            self._skip_depth = max(0, self._skip_depth - 1)
            return
        if tag in ("ul", "ol"):
            self._flush()
            self._list_depth = max(0, self._list_depth - 1)
            self._block = ("paragraph", 0)
            return
        if tag in _BLOCK_TAGS:
            self._flush()
            self._block = ("list_item", self._list_depth) if self._list_depth else ("paragraph", 0)
            return
        for index in range(len(self._format) - 1, -1, -1):
            if self._format[index][0] == tag:
                del self._format[index:]
                break

    def handle_data(self, data: str) -> None:
        if self._skip_depth:
            return
        self._add_text(data, collapse=True)

    def _add_text(self, text: str, *, collapse: bool) -> None:
        if collapse:
            text = re.sub(r"[ \t\r\n\f]+", " ", text)
            if not self._runs or self._runs[-1].text.endswith(("\n", " ")):
                text = text.lstrip(" ")
        if text:
            self._runs.append(Run(text, *self._current()))

    def close(self) -> None:
        super().close()
        self._flush()


def _merge_runs(runs: list[Run]) -> list[Run]:
    merged: list[Run] = []
    for run in runs:
        if merged and (merged[-1].bold, merged[-1].italic, merged[-1].underline) == (
            run.bold,
            run.italic,
            run.underline,
        ):
            merged[-1] = replace(merged[-1], text=merged[-1].text + run.text)
        else:
            merged.append(run)
    # Trim spaces at line ends and at the block's ends, which HTML would not show.
    if merged:
        merged[0] = replace(merged[0], text=merged[0].text.lstrip())
        merged[-1] = replace(merged[-1], text=merged[-1].text.rstrip())
    return [replace(r, text=re.sub(r" +\n", "\n", r.text)) for r in merged if r.text]


def blocks_from_html(body: str) -> list[Block]:
    """A sanitised-HTML body: only words and basic formatting survive."""
    parser = _BodyParser()
    parser.feed(body)
    parser.close()
    return parser.blocks


def blocks_from_body(body: str, body_format: str) -> list[Block]:
    if body_format == "html":
        return blocks_from_html(body)
    if body_format in ("text", "", None):
        return blocks_from_text(body)
    raise ValidationError("body_format", f"{body_format!r} is not a letter format; use text or html.")


# --------------------------------------------------------------------- the letter
def signature_for(letter: dict[str, Any], signer: dict[str, Any]) -> str:
    """The name under the letter: the style's signature name, else the signer's nickname or first name."""
    return str(resolve_style(letter.get("style"), signer=signer)["signature_name"])


def letter_date(letter: dict[str, Any]) -> str:
    """The date a letter is filed under: when it was sent, else when it was written."""
    return letter.get("sent_on") or (letter.get("created_at") or "")[:10] or ""


def place_date_line(style: dict[str, Any]) -> str:
    """'Springfield, 3 April 2025' from a resolved style's place and date line."""
    return ", ".join(part for part in (style.get("place") or "", style.get("date_line") or "") if part.strip())


def _without_trailing_signature(blocks: list[Block], signature: str) -> list[Block]:
    """Bodies sometimes end with the signer's name already; the signature is added once, separately."""
    if not blocks or not signature:
        return blocks
    last = blocks[-1]
    lines = last.text.split("\n")
    if lines[-1].strip() != signature.strip():
        return blocks
    if len(lines) == 1:
        return blocks[:-1]
    # Drop the final line from the runs, keeping their formatting.
    keep = len(last.text) - len(lines[-1])
    runs: list[Run] = []
    used = 0
    for run in last.runs:
        if used >= keep:
            break
        piece = run.text[: keep - used]
        used += len(run.text)
        runs.append(replace(run, text=piece))
    trimmed = _merge_runs(runs)
    return [*blocks[:-1], Block(last.kind, tuple(trimmed), last.level)] if trimmed else blocks[:-1]


def content_from_records(
    letter: dict[str, Any],
    signer: dict[str, Any],
    recipient: dict[str, Any],
    *,
    font: str | None = None,
    stationery: str | None = None,
    defaults: dict[str, Any] | None = None,
) -> LetterContent:
    """Build the export model from archive records (no archive access, so batches can reuse it).

    Style rules (signature name, date line, defaults) are the writing desk's own
    (`beautifulletters.stationery.resolve_style`), so every format agrees with the editor.
    """
    style = dict(letter.get("style") or {})
    if font:
        style["font_family"] = font
    if stationery:
        style["stationery"] = stationery
    resolved = resolve_style(
        style,
        defaults=defaults,
        signer=signer,
        written_on=(letter.get("created_at") or "")[:10] or None,
        language=letter.get("language"),
    )
    signature = resolved["signature_name"] if resolved["show_signature"] else ""
    blocks = _without_trailing_signature(
        blocks_from_body(letter.get("body") or "", letter.get("body_format") or "text"), signature
    )
    title = letter.get("title") or f"Letter to {recipient.get('display_name', '')}".strip()
    return LetterContent(
        letter_id=letter.get("id"),
        title=title,
        blocks=tuple(blocks),
        signature=signature,
        signer_name=signer.get("display_name") or "",
        recipient_name=recipient.get("display_name") or "",
        place_date=place_date_line(resolved),
        font=resolved["font_family"],
        stationery=resolved["stationery"],
        page_size=resolved["page_size"],
        language=letter.get("language"),
        date=letter_date(letter),
        style=resolved,
    )


def letter_content(
    archive: Archive, letter_id: int, *, font: str | None = None, stationery: str | None = None
) -> LetterContent:
    """The export model of a stored letter; `font`/`stationery` override the letter's own style."""
    letter = archive.get_letter(letter_id)
    signer = archive.get_person(letter["signer_id"])
    recipient = archive.get_person(letter["recipient_id"])
    return content_from_records(letter, signer, recipient, font=font, stationery=stationery)
