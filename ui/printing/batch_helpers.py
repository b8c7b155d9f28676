"""A large batch shared with helper processes: the letters cut into parts, painted from both ends, joined after."""

from __future__ import annotations

import math
import os
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from beautifulletters.errors import BeautifulLettersError
from beautifulletters.i18n import _
from ui.printing.batch_paint import (
    BatchItem,
    BatchOptions,
    BatchResult,
    Cancelled,
    Progress,
    paint_items,
    pdf_writer,
    write_one,
)

PARALLEL_FROM = 200  # letters: below this, starting a helper (about 0.2 s) costs more than it saves
_MAX_HELPERS = 3


def helper_count(letters: int) -> int:
    """Helper processes worth starting for a batch of `letters`: one per spare core, none for small batches."""
    if letters < PARALLEL_FROM:
        return 0
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(0, min(cores - 1, _MAX_HELPERS, letters // PARALLEL_FROM))


class HelperParts:
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
        here: bool = True,
        title_page: tuple[Callable[..., Any], tuple[Any, ...]] | None = None,
    ) -> None:
        import multiprocessing

        self.items = list(items)
        self.options = options
        self.helpers = helpers
        self.progress = progress
        self.is_cancelled = is_cancelled
        self.per_letter = per_letter
        # `here` False: this thread only waits and joins; every page is painted in a helper, so none
        # is painted on a worker thread of the window's process while the window paints the desk with
        # the same code (that crashed the process now and then, inside Qt's painting).
        self.here = here
        self.title_page = title_page  # (function, arguments) making the first chunk's title page
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

    def __enter__(self) -> HelperParts:
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
            if not self.here:
                return
            here = BatchResult()
            writer = pdf_writer(targets[0], title, author)
            paint_items(
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
        if not mine:
            return targets
        return [targets[0], *(targets[index] for index in range(len(mine), len(self.chunks)))]

    def paint_letters(self, paths: list[Path], result: BatchResult) -> None:
        """Paint each letter into its own file (`paths`, in the order of the letters)."""
        targets = [paths[start:end] for start, end in self.chunks]

        def paint_here() -> None:
            while self.here and (index := _claim(self.ends, front=True)) is not None:
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
                (self.items, self.options, self.chunks, targets, title, author, self.per_letter, self.title_page),
                protocol=pickle.HIGHEST_PROTOCOL,
            )
        )
        processes = [
            self.context.Process(target=_helper_main, daemon=True, args=(str(job), self.ends, self.stop, self.messages))
            for _helper in range(self.helpers)
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
                            _(
                                "A helper process stopped before finishing its letters; "
                                "nothing was written. Try again, or export fewer letters."
                            )
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
    title_page: tuple[Callable[..., Any], tuple[Any, ...]] | None = None,
) -> BatchResult:
    """One chunk of the batch: a part of the combined PDF, or each letter's own file."""
    start, end = chunk
    result = BatchResult()
    if per_letter:
        for index, path in zip(range(start, end), target, strict=True):
            write_one(items[index], path, options, result, progress, is_cancelled, index, len(items))
    else:
        writer = pdf_writer(target, title, author)
        make_title, title_args = title_page if title_page is not None and start == 0 else (None, ())
        paint_items(
            writer,
            items[start:end],
            options,
            result,
            progress,
            is_cancelled,
            start=start,
            total=len(items),
            title_page=None if make_title is None else make_title(*title_args),
        )
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
        items, options, chunks, targets, title, author, per_letter, title_page = pickle.loads(Path(job).read_bytes())
        while not stop.is_set() and (index := _claim(ends, front=False)) is not None:
            chunk_result = _paint_chunk(
                items,
                options,
                chunks[index],
                targets[index],
                title,
                author,
                progress,
                stop.is_set,
                per_letter,
                title_page,
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
                str(error)
                if isinstance(error, BeautifulLettersError)
                else _("The batch could not be written: {reason}").format(reason=error),
            )
        )
    finally:
        messages.close()
        messages.join_thread()
