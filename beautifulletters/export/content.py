"""A letter reduced to safe, format-neutral parts (blocks of styled text, closing, signature) for export.

Every exporter writes from this model, never from the stored body directly. The body is read
by the letter format itself (`beautifulletters.letterformat.parse`, the one reading the desk
and the page use), so paragraphs, numbered and bulleted lists, alignment, line height and
bold/italic/underline mean the same in every format, and archive text reaches an output file
only as text: everything else (images, links, scripts, styles, unknown tags) is reduced to its
words or dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from beautifulletters import letterformat
from beautifulletters.dates import date_on_letter
from beautifulletters.errors import ValidationError
from beautifulletters.i18n import _
from beautifulletters.letterformat import Block, Run
from beautifulletters.records import Letter, LetterSummary, Person
from beautifulletters.stationery import Style, resolve_style

if TYPE_CHECKING:
    from beautifulletters.archive import Archive


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
    style: Style = field(default_factory=dict)


# ------------------------------------------------------------------- body parsing
def blocks_from_body(body: str, body_format: str | None) -> list[Block]:
    """The stored body as the letter format reads it (the desk, the page and every export agree)."""
    if body_format not in ("html", "text", "", None):
        raise ValidationError(
            "body_format",
            _("{body_format} is not a letter format; use text or html.").format(body_format=repr(body_format)),
        )
    return _trimmed(letterformat.parse(body, body_format or "text"))


def _trimmed(blocks: list[Block]) -> list[Block]:
    """Without the empty paragraphs at either end (the place/date line and signature bring their own space)."""
    start, end = 0, len(blocks)
    while start < end and not blocks[start].text.strip() and not blocks[start].list_kind:
        start += 1
    while end > start and not blocks[end - 1].text.strip() and not blocks[end - 1].list_kind:
        end -= 1
    return blocks[start:end]


# --------------------------------------------------------------------- the letter
def signature_for(letter: Letter, signer: Person) -> str:
    """The name under the letter: the style's signature name, else the signer's nickname or first name."""
    return str(resolve_style(letter.style, signer=signer)["signature_name"])


def letter_date(letter: Letter | LetterSummary) -> str:
    """The date a letter is filed under: when it was sent, else when it was written."""
    return letter.sent_on or letter.created_at[:10]


def place_date_line(style: Style) -> str:
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
        return _trimmed(blocks[:-1])
    # Drop the final line from the runs, keeping their formatting.
    keep = len(last.text) - len(lines[-1]) - 1  # and the line break before it
    runs: list[Run] = []
    used = 0
    for run in last.runs:
        if used >= keep:
            break
        runs.append(Run(run.text[: keep - used], run.marks))
        used += len(run.text)
    return [*blocks[:-1], replace(last, runs=runs).normalized()]


def content_from_records(
    letter: Letter,
    signer: Person,
    recipient: Person,
    *,
    font: str | None = None,
    stationery: str | None = None,
    defaults: Style | None = None,
) -> LetterContent:
    """Build the export model from archive records (no archive access, so batches can reuse it).

    Style rules (signature name, date line, defaults) are the writing desk's own
    (`beautifulletters.stationery.resolve_style`), so every format agrees with the editor.
    """
    style = dict(letter.style)
    if font:
        style["font_family"] = font
    if stationery:
        style["stationery"] = stationery
    resolved = resolve_style(
        style,
        defaults=defaults,
        signer=signer,
        written_on=date_on_letter(letter),
        language=letter.language,
    )
    signature = resolved["signature_name"] if resolved["show_signature"] else ""
    blocks = _without_trailing_signature(blocks_from_body(letter.body, letter.body_format or "text"), signature)
    title = letter.title or f"Letter to {recipient.display_name}".strip()
    return LetterContent(
        letter_id=letter.id or None,
        title=title,
        blocks=tuple(blocks),
        signature=signature,
        signer_name=signer.display_name,
        recipient_name=recipient.display_name,
        place_date=place_date_line(resolved),
        font=resolved["font_family"],
        stationery=resolved["stationery"],
        page_size=resolved["page_size"],
        language=letter.language,
        date=letter_date(letter),
        style=resolved,
    )


def letter_content(
    archive: Archive, letter_id: int, *, font: str | None = None, stationery: str | None = None
) -> LetterContent:
    """The export model of a stored letter; `font`/`stationery` override the letter's own style."""
    letter = archive.letters.get(letter_id)
    signer = archive.people.get(letter.signer_id)
    recipient = archive.people.get(letter.recipient_id)
    return content_from_records(letter, signer, recipient, font=font, stationery=stationery)
