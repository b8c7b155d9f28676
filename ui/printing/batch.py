"""Batches and anthologies as PDF: many letters (and envelopes) with progress, cancel and no half-written files.

Work is split so it can run off the GUI thread: the archive is read first into plain
records (:func:`load_items`), then :func:`write_batch` only lays out and paints. Files are
written under temporary names and renamed when everything is done; a cancel or an error
removes every temporary file, so the output folder never holds a partial batch.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter

from beautifulletters.errors import BeautifulLettersError, ValidationError
from beautifulletters.export.batch import safe_file_name
from beautifulletters.export.envelopes import postal_address
from ui.desk.textlayer import export_font
from ui.printing.envelope import Envelope, envelope_for, render_envelope
from ui.printing.layout import PreparedLetter, paint_letter, prepare_from_records, set_page_layout
from ui.printing.pdf import PDF_RESOLUTION

Progress = Callable[[int, int, str], None]


class Cancelled(BeautifulLettersError):
    def __init__(self) -> None:
        super().__init__("Cancelled; no files were left behind.")


@dataclass
class BatchItem:
    """Plain records for one letter, read from the archive beforehand."""

    letter: dict[str, Any]
    signer: dict[str, Any]
    recipient: dict[str, Any]

    @property
    def name(self) -> str:
        return str(self.recipient.get("display_name") or f"letter {self.letter['id']}")


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


def load_items(archive: Any, letter_ids: Sequence[int]) -> list[BatchItem]:
    people: dict[int, dict[str, Any]] = {}
    items = []
    for letter_id in letter_ids:
        letter = archive.get_letter(letter_id)
        for key in ("signer_id", "recipient_id"):
            if letter[key] not in people:
                people[letter[key]] = archive.get_person(letter[key])
        items.append(BatchItem(letter, people[letter["signer_id"]], people[letter["recipient_id"]]))
    return items


def _prepare(item: BatchItem, options: BatchOptions) -> PreparedLetter:
    return prepare_from_records(item.letter, item.signer, item.recipient, font=options.font,
                                stationery=options.stationery, defaults=options.defaults,
                                page_numbers=options.page_numbers)


def _envelope(item: BatchItem, options: BatchOptions, result: BatchResult) -> Envelope | None:
    if not options.envelopes:
        return None
    if not postal_address(item.recipient):
        result.notes.append(f"No envelope for {item.name}: no postal address.")
        return None
    return envelope_for(item.letter, item.signer, item.recipient, size=options.envelope_size, font=options.font)


def _writer(path: Path, title: str, author: str) -> QPdfWriter:
    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_RESOLUTION)
    writer.setTitle(title)
    writer.setAuthor(author)
    writer.setCreator("BeautifulLetters")
    return writer


def _paint_items(writer: QPdfWriter, items: Sequence[BatchItem], options: BatchOptions, result: BatchResult,
                 progress: Progress | None, is_cancelled: Callable[[], bool] | None, *, start: int, total: int,
                 title_page: Callable[[QPainter, QPdfWriter], None] | None = None) -> None:
    """Paint letters (and envelopes) into one open PDF writer, each on fresh pages."""
    painter: QPainter | None = None
    started = False
    try:
        if title_page is not None:
            first = _prepare(items[0], options)
            set_page_layout(writer, first.style)
            painter = QPainter(writer)
            title_page(painter, writer)
            started = True
        for offset, item in enumerate(items):
            if is_cancelled is not None and is_cancelled():
                raise Cancelled()
            prepared = _prepare(item, options)
            set_page_layout(writer, prepared.style)
            if painter is None:
                painter = QPainter(writer)
                if not painter.isActive():
                    raise BeautifulLettersError("The PDF file could not be opened for drawing.")
            result.pages += paint_letter(painter, writer, prepared, new_page_first=started)
            started = True
            envelope = _envelope(item, options, result)
            if envelope is not None:
                render_envelope(envelope, writer, painter=painter, new_page_first=True)
                result.pages += 1
            if progress is not None:
                progress(start + offset + 1, total, item.name)
    finally:
        if painter is not None:
            painter.end()


def _remove(paths: Sequence[Path]) -> None:
    for path in paths:
        try:
            path.unlink(missing_ok=True)
        except OSError:
            pass


def write_batch(items: Sequence[BatchItem], out: Path, options: BatchOptions, *,
                progress: Progress | None = None, is_cancelled: Callable[[], bool] | None = None,
                title: str | None = None) -> BatchResult:
    """Write the letters as one PDF (`out` is a file) or one PDF per person (`out` is a folder)."""
    if not items:
        raise ValidationError("letters", "there is nothing to export.")
    out = Path(out)
    result = BatchResult()
    temps: list[Path] = []
    try:
        if options.combined:
            if not out.parent.is_dir():
                raise ValidationError("out", f"the folder {out.parent} does not exist.")
            temp = out.with_name(f".{out.name}.part")
            temps.append(temp)
            signers = {item.signer.get("display_name") or "" for item in items}
            writer = _writer(temp, title or f"Letters ({len(items)})", ", ".join(sorted(signers)))
            _paint_items(writer, items, options, result, progress, is_cancelled, start=0, total=len(items))
            del writer
            final = [(temp, out)]
        else:
            out.mkdir(parents=True, exist_ok=True)
            used = {p.name.casefold() for p in out.iterdir()}
            final = []
            for index, item in enumerate(items):
                name = safe_file_name(item.name, used, suffix=".pdf")
                temp = out / f".{name}.part"
                temps.append(temp)
                prepared_title = item.letter.get("title") or f"Letter to {item.name}"
                writer = _writer(temp, prepared_title, str(item.signer.get("display_name") or ""))
                _paint_items(writer, [item], options, result, progress, is_cancelled, start=index,
                             total=len(items))
                del writer
                final.append((temp, out / name))
        if is_cancelled is not None and is_cancelled():
            raise Cancelled()
        for temp, target in final:
            os.replace(temp, target)
            result.files.append(target)
        return result
    except BaseException:
        _remove(temps)
        raise


def paint_title_page(title: str, subtitle: str, lines: Sequence[str]) -> Callable[[QPainter, QPdfWriter], None]:
    """A title page for an anthology: the pair's names, the years, the number of letters."""

    def paint(painter: QPainter, writer: QPdfWriter) -> None:
        layout = writer.pageLayout().fullRect(QPageLayout.Unit.Point)
        scale = writer.width() / layout.width()
        painter.save()
        painter.scale(scale, scale)
        painter.fillRect(QRectF(0, 0, layout.width(), layout.height()), QColor("#fbf5e6"))
        painter.setPen(QColor("#1e2a4a"))
        y = layout.height() * 0.33
        for text, size, family in ((title, 30, "EB Garamond"), (subtitle, 16, "EB Garamond"),
                                   *((line, 12, "EB Garamond") for line in lines)):
            font = QFont(family)
            font.setPixelSize(size)  # points: the painter is scaled to points
            painter.setFont(export_font(font))
            painter.drawText(QRectF(36, y, layout.width() - 72, size * 2.2),
                             int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap), text)
            y += size * 2.4
        painter.restore()

    return paint


def write_anthology(items: Sequence[BatchItem], out: Path, options: BatchOptions | None = None, *,
                    progress: Progress | None = None, is_cancelled: Callable[[], bool] | None = None) -> BatchResult:
    """Every letter between two people as one book, oldest first, after a title page."""
    if not items:
        raise ValidationError("anthology", "there are no letters to collect.")
    options = options or BatchOptions()
    options.combined, options.envelopes = True, False
    signer = items[0].signer.get("display_name") or ""
    recipient = items[0].recipient.get("display_name") or ""
    years = sorted({(item.letter.get("sent_on") or item.letter.get("created_at") or "")[:4] for item in items} - {""})
    span = (years[0] if len(years) == 1 else f"{years[0]}–{years[-1]}") if years else ""
    title = f"Letters from {signer} to {recipient}"
    count = f"{len(items)} letter{'s' if len(items) != 1 else ''}"
    made = f"Collected on {dt.date.today().isoformat()}"
    out = Path(out)
    if not out.parent.is_dir():
        raise ValidationError("out", f"the folder {out.parent} does not exist.")
    temp = out.with_name(f".{out.name}.part")
    result = BatchResult()
    try:
        writer = _writer(temp, title, signer)
        _paint_items(writer, items, options, result, progress, is_cancelled, start=0, total=len(items),
                     title_page=paint_title_page(title, span, [count, made]))
        del writer
        if is_cancelled is not None and is_cancelled():
            raise Cancelled()
        os.replace(temp, out)
        result.files.append(out)
        result.pages += 1
        return result
    except BaseException:
        _remove([temp])
        raise


__all__ = ["BatchItem", "BatchOptions", "BatchResult", "Cancelled", "load_items", "write_anthology",
           "write_batch", "QMarginsF", "QPageSize", "QSizeF"]
