"""A batch's letters painted into PDF writers: the items read from the archive, the options, the result."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QPainter, QPdfWriter

from beautifulletters.errors import BeautifulLettersError
from beautifulletters.export.envelopes import postal_address
from beautifulletters.i18n import _
from beautifulletters.records import Letter, Person
from ui.printing.envelope import Envelope, envelope_for, render_envelope
from ui.printing.layout import PreparedLetter, paint_letter, prepare_from_records, set_page_layout
from ui.printing.pdf import PDF_RESOLUTION

if TYPE_CHECKING:
    from beautifulletters.archive import Archive

Progress = Callable[[int, int, str], None]


class Cancelled(BeautifulLettersError):
    def __init__(self) -> None:
        super().__init__(_("Cancelled; no files were left behind."))


@dataclass
class BatchItem:
    """Plain records for one letter, read from the archive beforehand."""

    letter: Letter
    signer: Person
    recipient: Person

    @property
    def name(self) -> str:
        return self.recipient.display_name or f"letter {self.letter.id}"


@dataclass
class BatchOptions:
    combined: bool = True  # one PDF, or one PDF per person in a folder
    envelopes: bool = False
    envelope_size: str = "DL"
    page_numbers: bool = False
    font: str | None = None
    stationery: str | None = None
    defaults: dict[str, Any] | None = None


@dataclass
class BatchResult:
    files: list[Path] = field(default_factory=list)
    pages: int = 0
    notes: list[str] = field(default_factory=list)  # e.g. envelopes left out for lack of an address


def load_items(archive: Archive, letter_ids: Sequence[int]) -> list[BatchItem]:
    people: dict[int, Person] = {}
    items = []
    for letter_id in letter_ids:
        letter = archive.letters.get(letter_id)
        for person_id in (letter.signer_id, letter.recipient_id):
            if person_id not in people:
                people[person_id] = archive.people.get(person_id)
        items.append(BatchItem(letter, people[letter.signer_id], people[letter.recipient_id]))
    return items


def _prepare(item: BatchItem, options: BatchOptions) -> PreparedLetter:
    return prepare_from_records(
        item.letter,
        item.signer,
        item.recipient,
        font=options.font,
        stationery=options.stationery,
        defaults=options.defaults,
        page_numbers=options.page_numbers,
    )


def _envelope(item: BatchItem, options: BatchOptions, result: BatchResult) -> Envelope | None:
    if not options.envelopes:
        return None
    if not postal_address(item.recipient):
        result.notes.append(_("No envelope for {name}: no postal address.").format(name=item.name))
        return None
    return envelope_for(item.letter, item.signer, item.recipient, size=options.envelope_size, font=options.font)


def pdf_writer(path: Path, title: str, author: str) -> QPdfWriter:
    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_RESOLUTION)
    writer.setTitle(title)
    writer.setAuthor(author)
    writer.setCreator("BeautifulLetters")
    return writer


def paint_items(
    writer: QPdfWriter,
    items: Iterable[BatchItem],
    options: BatchOptions,
    result: BatchResult,
    progress: Progress | None,
    is_cancelled: Callable[[], bool] | None,
    *,
    start: int,
    total: int,
    title_page: Callable[[QPainter, QPdfWriter], None] | None = None,
) -> None:
    """Paint letters (and envelopes) into one open PDF writer, each on fresh pages."""
    painter: QPainter | None = None
    started = False
    page_size: str | None = None
    try:
        if title_page is not None:
            first = _prepare(next(iter(items)), options)
            set_page_layout(writer, first.style)
            page_size = first.style.page_size
            painter = QPainter(writer)
            title_page(painter, writer)
            started = True
        for offset, item in enumerate(items):
            if is_cancelled is not None and is_cancelled():
                raise Cancelled()
            prepared = _prepare(item, options)
            if prepared.style.page_size != page_size:  # setting the same layout again is not free
                set_page_layout(writer, prepared.style)
                page_size = prepared.style.page_size
            if painter is None:
                painter = QPainter(writer)
                if not painter.isActive():
                    raise BeautifulLettersError(_("The PDF file could not be opened for drawing."))
            result.pages += paint_letter(painter, writer, prepared, new_page_first=started)
            started = True
            envelope = _envelope(item, options, result)
            if envelope is not None:
                render_envelope(envelope, writer, painter=painter, new_page_first=True)
                result.pages += 1
                page_size = None  # the envelope set its own
            if progress is not None:
                progress(start + offset + 1, total, item.name)
    finally:
        if painter is not None:
            painter.end()


def write_one(
    item: BatchItem,
    path: Path,
    options: BatchOptions,
    result: BatchResult,
    progress: Progress | None,
    is_cancelled: Callable[[], bool] | None,
    index: int,
    total: int,
) -> None:
    """One person's letter (and envelope) as its own PDF."""
    letter_title = item.letter.title or _("Letter to {name}").format(name=item.name)
    writer = pdf_writer(path, letter_title, str(item.signer.display_name or ""))
    paint_items(writer, [item], options, result, progress, is_cancelled, start=index, total=total)
    del writer
