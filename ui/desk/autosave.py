"""Saving letter bodies into the archive off the UI thread, retrying until the archive can be written.

The worker owns its own archive connection (SQLite in WAL mode lets the window keep reading on
its own); it gets plain strings and returns plain results through Qt signals.

Every save of a letter, queued or immediate (`save_now` when switching letters or closing), takes
a ticket from one counter when it is handed over on the window's thread, so tickets follow the
order of the edits. A write whose ticket is older than the one already stored for that letter is
dropped: a queued request that loses the race for the write lock to a flush can never put older
words over newer ones (saves within COALESCE_SECONDS update one revision, so they would vanish).
"""

from __future__ import annotations

import itertools
import queue
import threading
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from beautifulletters.archive import Archive
from beautifulletters.errors import BeautifulLettersError

COALESCE_SECONDS = 30.0  # a pause longer than this starts a new revision in the history


@dataclass(frozen=True)
class SaveRequest:
    letter_id: int
    body: str
    body_text: str
    generation: int  # which edit of the document this is; results for older ones are stale
    coalesce: bool = True  # False: start a new revision (the first save of an editing session)
    ticket: int = field(default=0, compare=False)  # given by AutoSaver: the order the saves were asked for


class AutoSaver(QObject):
    """One background thread writing revisions; the newest request wins, older queued ones are skipped."""

    saved = Signal(int, int)  # generation, revision id
    failed = Signal(int, str)  # generation, message a person can read

    def __init__(self, archive_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.archive_path = Path(archive_path)
        self._lock = threading.Lock()  # one writer at a time: the thread or a flush
        self._archive: Archive | None = None
        self._requests: queue.Queue[SaveRequest | None] = queue.Queue()
        self._tickets = itertools.count(1)
        self._stored: dict[int, int] = {}  # letter id -> ticket of the newest text written (under _lock)
        self._thread = threading.Thread(target=self._run, name="letter-autosave", daemon=True)
        self._thread.start()

    def _ticketed(self, request: SaveRequest) -> SaveRequest:
        return SaveRequest(
            request.letter_id,
            request.body,
            request.body_text,
            request.generation,
            request.coalesce,
            ticket=next(self._tickets),
        )

    def submit(self, request: SaveRequest) -> None:
        self._requests.put(self._ticketed(request))

    def save_now(self, request: SaveRequest) -> int | None:
        """Save on the calling thread (switching letters, closing); raises BeautifulLettersError.

        Returns the revision id, or None when newer text for this letter was already stored."""
        ticketed = self._ticketed(request)
        with self._lock:
            return self._write(ticketed)

    def close(self) -> None:
        self._requests.put(None)
        self._thread.join(timeout=10)
        with self._lock:
            if self._archive is not None:
                self._archive.close()
                self._archive = None

    # ----------------------------------------------------------------- thread
    def _write(self, request: SaveRequest) -> int | None:
        """Store the request's text unless newer text for the letter is already stored (hold _lock)."""
        if request.ticket <= self._stored.get(request.letter_id, 0):
            return None
        if self._archive is None:
            # The window checked the file when it opened it; a whole-file check per writer would
            # read gigabytes before the first save of a large archive.
            self._archive = Archive.open(self.archive_path, full_check=False)
        try:
            revision = self._archive.save_letter_body(
                request.letter_id,
                request.body,
                body_format="html",
                body_text=request.body_text,
                coalesce_seconds=COALESCE_SECONDS if request.coalesce else 0.0,
            )
        except BeautifulLettersError:
            # A connection that hit a read-only or full disk is reopened on the next try.
            self._archive.close()
            self._archive = None
            raise
        self._stored[request.letter_id] = request.ticket
        return revision

    def _run(self) -> None:
        while True:
            request = self._requests.get()
            # Skip to the newest request: only the latest text matters.
            while request is not None:
                try:
                    newer = self._requests.get_nowait()
                except queue.Empty:
                    break
                request = newer
            if request is None:
                return
            try:
                with self._lock:
                    revision = self._write(request)
            except BeautifulLettersError as error:
                self.failed.emit(request.generation, str(error))
            except Exception as error:  # noqa: BLE001 - an unexpected failure must still reach the user
                self.failed.emit(request.generation, f"The letter could not be saved ({error}).")
            else:
                if revision is not None:  # None: a newer save of this letter already landed
                    self.saved.emit(request.generation, revision)
