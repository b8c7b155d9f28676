"""Batches and anthologies as PDF: many letters (and envelopes) with progress, cancel and no half-written files.

Work is split so it can run off the GUI thread: the archive is read first into plain
records (:func:`load_items`), then :func:`write_batch` only lays out and paints. Files are
written under temporary names and renamed when everything is done; a cancel or an error
removes every temporary file, so the output folder never holds a partial batch.

Large batches use every core: the letters are cut into parts, helper processes paint parts
alongside the calling thread (Qt painting holds Python's lock, so threads would take turns),
and a combined PDF is joined from the parts with pikepdf. Each part is a complete PDF from
the same engine, so the joined file reads exactly like one painted in a single pass.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter

from beautifulletters import fileio, humandates
from beautifulletters.errors import ValidationError
from beautifulletters.export.batch import safe_file_name
from beautifulletters.i18n import _, n_
from ui.paper.textlayer import export_font
from ui.printing.batch_helpers import HelperParts, helper_count
from ui.printing.batch_paint import (
    BatchItem,
    BatchOptions,
    BatchResult,
    Cancelled,
    Progress,
    load_items,
    paint_items,
    pdf_writer,
    write_one,
)
from ui.printing.pdf import join_pdfs


def write_batch(
    items: Sequence[BatchItem],
    out: Path,
    options: BatchOptions,
    *,
    progress: Progress | None = None,
    is_cancelled: Callable[[], bool] | None = None,
    title: str | None = None,
    helpers: int | None = None,
    outputs: fileio.Outputs | None = None,
    in_helpers: bool = False,
) -> BatchResult:
    """Write the letters as one PDF (`out` is a file) or one PDF per person (`out` is a folder).

    `helpers` is the number of helper processes (None: one per spare core for a large batch).
    `in_helpers`: every page is painted in helper processes (at least one), none on this thread;
    the window asks for it, since painting on its worker thread while it paints the desk crashed.
    The files land together when everything is painted; given `outputs`, they are only added
    to it and land when the caller commits it (with whatever else belongs to the batch).
    """
    if not items:
        raise ValidationError("letters", _("there is nothing to export."))
    out = Path(out)
    if outputs is None:
        with fileio.Outputs() as own:
            result = write_batch(
                items,
                out,
                options,
                progress=progress,
                is_cancelled=is_cancelled,
                title=title,
                helpers=helpers,
                outputs=own,
                in_helpers=in_helpers,
            )
        return result
    result = BatchResult()
    helpers = helper_count(len(items)) if helpers is None else helpers
    if in_helpers:
        helpers = max(1, helpers)
    if options.combined:
        temp = outputs.add(out, verify=fileio.verify_pdf)
        signers = {item.signer.display_name or "" for item in items}
        title = title or _("Letters ({count})").format(count=len(items))
        author = ", ".join(sorted(signers))
        if helpers:
            with HelperParts(items, options, helpers, progress, is_cancelled, here=not in_helpers) as parts:
                part_files = parts.paint_combined(title, author, result)
                if len(part_files) == 1:
                    shutil.copyfile(part_files[0], temp)  # the helpers came too late to take any letters
                else:
                    join_pdfs(part_files, temp, title=title, author=author)
        else:
            writer = pdf_writer(temp, title, author)
            paint_items(writer, items, options, result, progress, is_cancelled, start=0, total=len(items))
            del writer
        result.files.append(out)
    else:
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            if out.is_file() or fileio.file_in_the_way(out) is not None:
                raise fileio.cannot_use(out, error, "create the folder") from None
            raise ValidationError(
                "out", _("cannot create the folder {path} ({reason}).").format(path=out, reason=error.strerror)
            ) from None
        used = {p.name.casefold() for p in out.iterdir()}
        temps = []
        for item in items:
            name = safe_file_name(item.name, used, suffix=".pdf")
            temps.append(outputs.add(out / name, verify=fileio.verify_pdf))
            result.files.append(out / name)
        if helpers:
            with HelperParts(
                items, options, helpers, progress, is_cancelled, per_letter=True, here=not in_helpers
            ) as parts:
                parts.paint_letters(temps, result)
        else:
            for index, item in enumerate(items):
                write_one(item, temps[index], options, result, progress, is_cancelled, index, len(items))
    if is_cancelled is not None and is_cancelled():
        raise Cancelled()
    return result


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
        for text, size, family in (
            (title, 30, "EB Garamond"),
            (subtitle, 16, "EB Garamond"),
            *((line, 12, "EB Garamond") for line in lines),
        ):
            font = QFont(family)
            font.setPixelSize(size)  # points: the painter is scaled to points
            painter.setFont(export_font(font))
            painter.drawText(
                QRectF(36, y, layout.width() - 72, size * 2.2),
                int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                text,
            )
            y += size * 2.4
        painter.restore()

    return paint


def write_anthology(
    items: Sequence[BatchItem],
    out: Path,
    options: BatchOptions | None = None,
    *,
    progress: Progress | None = None,
    is_cancelled: Callable[[], bool] | None = None,
    in_helpers: bool = False,
) -> BatchResult:
    """Every letter between two people as one book, oldest first, after a title page.

    `in_helpers`: painted in helper processes only, none of it on this thread (see `write_batch`)."""
    if not items:
        raise ValidationError("anthology", _("there are no letters to collect."))
    options = options or BatchOptions()
    options.combined, options.envelopes = True, False
    signer = items[0].signer.display_name
    recipient = items[0].recipient.display_name
    years = sorted({(item.letter.sent_on or item.letter.created_at or "")[:4] for item in items} - {""})
    span = (years[0] if len(years) == 1 else f"{years[0]}–{years[-1]}") if years else ""
    title = _("Letters from {signer} to {recipient}").format(signer=signer, recipient=recipient)
    count = n_("{count} letter", "{count} letters", len(items)).format(count=len(items))
    made = _("Collected on {date}").format(date=humandates.full_date(dt.date.today()))
    result = BatchResult()
    with fileio.Outputs() as outputs:
        temp = outputs.add(Path(out), verify=fileio.verify_pdf)
        if in_helpers:
            title_page = (paint_title_page, (title, span, [count, made]))
            helpers = max(1, helper_count(len(items)))
            with HelperParts(
                items, options, helpers, progress, is_cancelled, here=False, title_page=title_page
            ) as parts:
                part_files = parts.paint_combined(title, signer, result)
                if len(part_files) == 1:
                    shutil.copyfile(part_files[0], temp)
                else:
                    join_pdfs(part_files, temp, title=title, author=signer)
            if is_cancelled is not None and is_cancelled():
                raise Cancelled()
            result.files.append(Path(out))
            result.pages += 1
            return result
        writer = pdf_writer(temp, title, signer)
        paint_items(
            writer,
            items,
            options,
            result,
            progress,
            is_cancelled,
            start=0,
            total=len(items),
            title_page=paint_title_page(title, span, [count, made]),
        )
        del writer
        if is_cancelled is not None and is_cancelled():
            raise Cancelled()
    result.files.append(Path(out))
    result.pages += 1
    return result


__all__ = [
    "BatchItem",
    "BatchOptions",
    "BatchResult",
    "Cancelled",
    "load_items",
    "write_anthology",
    "write_batch",
    "QMarginsF",
    "QPageSize",
    "QSizeF",
]


# The batch API in one place: callers import these from here (their parts live in batch_paint).
__all__ = [
    "BatchItem",
    "BatchOptions",
    "BatchResult",
    "Cancelled",
    "Progress",
    "load_items",
    "paint_title_page",
    "write_anthology",
    "write_batch",
]
