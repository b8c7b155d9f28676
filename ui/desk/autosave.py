"""Saving letter bodies into the archive off the UI thread, retrying until the archive can be written.

Saves run on the task manager's ARCHIVE lane (one thread: the archive's writes, in order) on the
saver's own connection (SQLite in WAL mode lets the window keep reading on its own); they get
plain strings and return plain results through Qt signals.

Every save of a letter, queued or immediate (`save_now` when switching letters or closing), takes
a ticket from one counter when it is handed over on the window's thread, so tickets follow the
order of the edits. A write whose ticket is older than the one already stored for that letter is
dropped: a queued request that loses the race for the write lock to a flush can never put older
words over newer ones (saves within COALESCE_SECONDS update one revision, so they would vanish).
"""

from __future__ import annotations

import itertools
import threading
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from beautifulletters.archive import Archive
from beautifulletters.errors import BeautifulLettersError
from beautifulletters.i18n import _
from ui.tasks import Failure, Lane, run_task, wait_for_lane

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
    """Writes revisions on the ARCHIVE lane; the newest request wins, older waiting ones are skipped."""

    saved = Signal(int, int)  # generation, revision id
    failed = Signal(int, str)  # generation, message a person can read

    def __init__(self, archive_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.archive_path = Path(archive_path)
        self._lock = threading.Lock()  # one writer at a time: the worker or a flush
        self._archive: Archive | None = None
        self._pending: SaveRequest | None = None  # the newest request no worker has taken yet
        self._pending_lock = threading.Lock()
        self._tickets = itertools.count(1)
        self._stored: dict[int, int] = {}  # letter id -> ticket of the newest text written (under _lock)

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
        with self._pending_lock:
            waiting = self._pending is not None  # a queued task will take this one instead
            self._pending = self._ticketed(request)
        if waiting:
            return
        taken: list[SaveRequest] = []  # which request the task wrote, for its failure's generation
        run_task(
            lambda: self._write_pending(taken),
            lane=Lane.ARCHIVE,
            owner=self,
            on_success=lambda outcome: self._report(*outcome),
            on_failure=lambda failure: self._failed_unexpectedly(taken, failure),
            doing="saving a letter",
        )

    def save_now(self, request: SaveRequest) -> int | None:
        """Save on the calling thread (switching letters, closing); raises BeautifulLettersError.

        Returns the revision id, or None when newer text for this letter was already stored."""
        ticketed = self._ticketed(request)
        with self._lock:
            return self._write(ticketed)

    def close(self) -> None:
        """Let the waiting save land, then let go of the connection."""
        wait_for_lane(Lane.ARCHIVE, 10_000)
        with self._lock:
            if self._archive is not None:
                self._archive.close()
                self._archive = None

    # ----------------------------------------------------------------- worker
    def _write(self, request: SaveRequest) -> int | None:
        """Store the request's text unless newer text for the letter is already stored (hold _lock)."""
        if request.ticket <= self._stored.get(request.letter_id, 0):
            return None
        if self._archive is None:
            # The window checked the file when it opened it; a whole-file check per writer would
            # read gigabytes before the first save of a large archive.
            self._archive = Archive.open(self.archive_path, full_check=False, create=False)
        try:
            revision = self._archive.letters.save_body(
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

    def _write_pending(self, taken: list[SaveRequest]) -> tuple[int, int | None, str | None]:
        """Worker side: write the newest waiting request; (generation, revision or None, failure or None)."""
        with self._pending_lock:
            request, self._pending = self._pending, None
        if request is None:
            return 0, None, None
        taken.append(request)
        try:
            with self._lock:
                return request.generation, self._write(request), None
        except BeautifulLettersError as error:
            return request.generation, None, str(error)

    def _report(self, generation: int, revision: int | None, message: str | None) -> None:
        if message is not None:
            self.failed.emit(generation, message)
        elif revision is not None:  # None: a newer save of this letter already landed
            self.saved.emit(generation, revision)

    def _failed_unexpectedly(self, taken: list[SaveRequest], failure: Failure) -> None:
        generation = taken[0].generation if taken else 0
        self.failed.emit(generation, _("The letter could not be saved. {reason}").format(reason=failure.message))
