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
import math
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter

from beautifulletters import fileio
from beautifulletters.errors import BeautifulLettersError, ValidationError
from beautifulletters.export.batch import safe_file_name
from beautifulletters.export.envelopes import postal_address
from ui.paper.textlayer import export_font
from ui.printing.envelope import Envelope, envelope_for, render_envelope
from ui.printing.layout import PreparedLetter, paint_letter, prepare_from_records, set_page_layout
from ui.printing.pdf import PDF_RESOLUTION, join_pdfs

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


def _paint_items(
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
                    raise BeautifulLettersError("The PDF file could not be opened for drawing.")
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
) -> BatchResult:
    """Write the letters as one PDF (`out` is a file) or one PDF per person (`out` is a folder).

    `helpers` is the number of helper processes (None: one per spare core for a large batch).
    The files land together when everything is painted; given `outputs`, they are only added
    to it and land when the caller commits it (with whatever else belongs to the batch).
    """
    if not items:
        raise ValidationError("letters", "there is nothing to export.")
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
            )
        return result
    result = BatchResult()
    helpers = helper_count(len(items)) if helpers is None else helpers
    if options.combined:
        temp = outputs.add(out, verify=fileio.verify_pdf)
        signers = {item.signer.get("display_name") or "" for item in items}
        title = title or f"Letters ({len(items)})"
        author = ", ".join(sorted(signers))
        if helpers:
            with _Parts(items, options, helpers, progress, is_cancelled) as parts:
                part_files = parts.paint_combined(title, author, result)
                if len(part_files) == 1:
                    shutil.copyfile(part_files[0], temp)  # the helpers came too late to take any letters
                else:
                    join_pdfs(part_files, temp, title=title, author=author)
        else:
            writer = _writer(temp, title, author)
            _paint_items(writer, items, options, result, progress, is_cancelled, start=0, total=len(items))
            del writer
        result.files.append(out)
    else:
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise ValidationError("out", f"cannot create the folder {out} ({error.strerror}).") from None
        used = {p.name.casefold() for p in out.iterdir()}
        temps = []
        for item in items:
            name = safe_file_name(item.name, used, suffix=".pdf")
            temps.append(outputs.add(out / name, verify=fileio.verify_pdf))
            result.files.append(out / name)
        if helpers:
            with _Parts(items, options, helpers, progress, is_cancelled, per_letter=True) as parts:
                parts.paint_letters(temps, result)
        else:
            for index, item in enumerate(items):
                _write_one(item, temps[index], options, result, progress, is_cancelled, index, len(items))
    if is_cancelled is not None and is_cancelled():
        raise Cancelled()
    return result


def _write_one(
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
    letter_title = item.letter.get("title") or f"Letter to {item.name}"
    writer = _writer(path, letter_title, str(item.signer.get("display_name") or ""))
    _paint_items(writer, [item], options, result, progress, is_cancelled, start=index, total=total)
    del writer


# ------------------------------------------------------------------ helper processes
PARALLEL_FROM = 200  # letters: below this, starting a helper (about 0.2 s) costs more than it saves
_MAX_HELPERS = 3


def helper_count(letters: int) -> int:
    """Helper processes worth starting for a batch of `letters`: one per spare core, none for small batches."""
    if letters < PARALLEL_FROM:
        return 0
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(0, min(cores - 1, _MAX_HELPERS, letters // PARALLEL_FROM))


class _Parts:
    """A batch cut into chunks that this thread and helper processes take until none are left.

    This thread takes chunks from the front and paints them into one file; helpers take
    chunks from the back, each into a file of its own. Taking chunks as they go (rather than
    halving the batch up front) keeps every core busy to the end, although a helper starts a
    fifth of a second late; and since this thread's share is one run from the start, only
    the helpers' pages have to be copied when the parts are joined. Use it as a context
    manager: its temporary folder holds the job and the helpers' parts.
    """

    def __init__(
        self,
        items: Sequence[BatchItem],
        options: BatchOptions,
        helpers: int,
        progress: Progress | None,
        is_cancelled: Callable[[], bool] | None,
        *,
        per_letter: bool = False,
    ) -> None:
        import multiprocessing

        self.items = list(items)
        self.options = options
        self.helpers = helpers
        self.progress = progress
        self.is_cancelled = is_cancelled
        self.per_letter = per_letter
        size = max(10, math.ceil(len(self.items) / (4 * (helpers + 1))))
        self.chunks = [(start, min(start + size, len(self.items))) for start in range(0, len(self.items), size)]
        # spawn, never fork: the parent is a Qt application with threads of its own.
        self.context = multiprocessing.get_context("spawn")
        self.ends = self.context.Array("i", [0, len(self.chunks) - 1])  # next chunk from the front, from the back
        self.stop = self.context.Event()
        self.messages = self.context.Queue()
        self.done = 0
        self.chunk_results: dict[int, tuple[int, list[str]]] = {}
        self.folder = tempfile.TemporaryDirectory(prefix="beautifulletters-batch-")

    def __enter__(self) -> _Parts:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.folder.cleanup()

    def paint_combined(self, title: str, author: str, result: BatchResult) -> list[Path]:
        """Paint every letter; returns the parts of the combined PDF, in order."""
        folder = Path(self.folder.name)
        targets = [folder / f"part{index:04d}.pdf" for index in range(len(self.chunks))]
        mine: list[int] = []

        def front_items() -> Iterator[BatchItem]:
            while (index := _claim(self.ends, front=True)) is not None:
                mine.append(index)
                yield from self.items[slice(*self.chunks[index])]

        def paint_here() -> None:
            here = BatchResult()
            writer = _writer(targets[0], title, author)
            _paint_items(
                writer,
                front_items(),
                self.options,
                here,
                self._progress_here,
                self._cancelled,
                start=0,
                total=len(self.items),
            )
            del writer
            for index in mine:  # the pages and notes are those of the whole run, kept with its first chunk
                self.chunk_results[index] = (here.pages, here.notes) if index == mine[0] else (0, [])

        self._run(targets, title, author, paint_here, result)
        return [targets[0], *(targets[index] for index in range(len(mine), len(self.chunks)))]

    def paint_letters(self, paths: list[Path], result: BatchResult) -> None:
        """Paint each letter into its own file (`paths`, in the order of the letters)."""
        targets = [paths[start:end] for start, end in self.chunks]

        def paint_here() -> None:
            while (index := _claim(self.ends, front=True)) is not None:
                here = _paint_chunk(
                    self.items,
                    self.options,
                    self.chunks[index],
                    targets[index],
                    "",
                    "",
                    self._progress_here,
                    self._cancelled,
                    True,
                )
                self.chunk_results[index] = (here.pages, here.notes)

        self._run(targets, "", "", paint_here, result)

    def _run(
        self, targets: list[Any], title: str, author: str, paint_here: Callable[[], None], result: BatchResult
    ) -> None:
        import pickle

        # The job goes through a file: a helper reads it once it is up, where passing it to
        # Process() would hold this thread until the helper had imported Qt (0.3 s).
        job = Path(self.folder.name) / "job.pickle"
        job.write_bytes(
            pickle.dumps(
                (self.items, self.options, self.chunks, targets, title, author, self.per_letter),
                protocol=pickle.HIGHEST_PROTOCOL,
            )
        )
        processes = [
            self.context.Process(target=_helper_main, daemon=True, args=(str(job), self.ends, self.stop, self.messages))
            for _ in range(self.helpers)
        ]
        try:
            for process in processes:
                process.start()
            paint_here()
            while len(self.chunk_results) < len(self.chunks):
                self._read_messages(timeout=0.1)
                if self._cancelled():
                    raise Cancelled()
                if len(self.chunk_results) < len(self.chunks) and not any(p.is_alive() for p in processes):
                    self._read_messages(timeout=0.5)  # a helper's last words may still be in the pipe
                    if len(self.chunk_results) < len(self.chunks):
                        raise BeautifulLettersError(
                            "A helper process stopped before finishing its letters; "
                            "nothing was written. Try again, or export fewer letters."
                        )
        finally:
            self._stop_helpers(processes)
        for index in range(len(self.chunks)):
            pages, notes = self.chunk_results[index]
            result.pages += pages
            result.notes.extend(notes)

    def _stop_helpers(self, processes: list[Any]) -> None:
        """End the helpers. By now every chunk is in, or the batch is failing or cancelled, so
        whatever a helper is still doing (starting up, a part that will be thrown away) can go."""
        self.stop.set()
        for process in processes:
            if process.is_alive():
                process.kill()
            process.join()
        self.messages.close()

    def _cancelled(self) -> bool:
        return self.is_cancelled is not None and self.is_cancelled()

    def _progress_here(self, _done: int, _total: int, name: str) -> None:
        self._advance([name])
        self._read_messages()

    def _advance(self, names: list[str]) -> None:
        for name in names:
            self.done += 1
            if self.progress is not None:
                self.progress(self.done, len(self.items), name)

    def _read_messages(self, timeout: float = 0.0) -> None:
        import queue

        while True:
            try:
                kind, *payload = self.messages.get(timeout=timeout) if timeout else self.messages.get_nowait()
            except queue.Empty:
                return
            timeout = 0.0
            if kind == "letters":
                self._advance(payload[0])
            elif kind == "chunk":
                index, pages, notes = payload
                self.chunk_results[index] = (pages, notes)
            elif kind == "error":
                raise BeautifulLettersError(payload[0])


def _claim(ends: Any, *, front: bool) -> int | None:
    """The next chunk nobody has taken, from the front or the back, or None when all are taken."""
    with ends.get_lock():
        first, last = ends[0], ends[1]
        if first > last:
            return None
        if front:
            ends[0] = first + 1
            return first
        ends[1] = last - 1
        return last


def _paint_chunk(
    items: Sequence[BatchItem],
    options: BatchOptions,
    chunk: tuple[int, int],
    target: Any,
    title: str,
    author: str,
    progress: Progress | None,
    is_cancelled: Callable[[], bool] | None,
    per_letter: bool,
) -> BatchResult:
    """One chunk of the batch: a part of the combined PDF, or each letter's own file."""
    start, end = chunk
    result = BatchResult()
    if per_letter:
        for index, path in zip(range(start, end), target, strict=True):
            _write_one(items[index], path, options, result, progress, is_cancelled, index, len(items))
    else:
        writer = _writer(target, title, author)
        _paint_items(writer, items[start:end], options, result, progress, is_cancelled, start=start, total=len(items))
        del writer
    return result


_REPORT_EVERY = 16  # letters a helper paints between progress messages


def _helper_main(job: str, ends: Any, stop: Any, messages: Any) -> None:
    """A helper process: take chunks from the back until none are left, reporting progress and each chunk."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # it paints into files; it never shows a window
    import pickle

    from ui.printing.session import ensure_gui_application

    ensure_gui_application()
    names: list[str] = []

    def progress(_done: int, _total: int, name: str) -> None:
        names.append(name)
        if len(names) >= _REPORT_EVERY:
            messages.put(("letters", names[:]))
            names.clear()

    try:
        items, options, chunks, targets, title, author, per_letter = pickle.loads(Path(job).read_bytes())
        while not stop.is_set() and (index := _claim(ends, front=False)) is not None:
            chunk_result = _paint_chunk(
                items, options, chunks[index], targets[index], title, author, progress, stop.is_set, per_letter
            )
            messages.put(("letters", names[:]))
            names.clear()
            messages.put(("chunk", index, chunk_result.pages, chunk_result.notes))
    except Cancelled:
        return
    except Exception as error:  # noqa: BLE001 - reported to the batch in words
        messages.put(
            (
                "error",
                str(error) if isinstance(error, BeautifulLettersError) else f"The batch could not be written: {error}",
            )
        )
    finally:
        messages.close()
        messages.join_thread()


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
) -> BatchResult:
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
    result = BatchResult()
    with fileio.Outputs() as outputs:
        temp = outputs.add(Path(out), verify=fileio.verify_pdf)
        writer = _writer(temp, title, signer)
        _paint_items(
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
