"""Saving letter bodies into the archive off the UI thread, retrying until the archive can be written.

The worker owns its own archive connection (SQLite in WAL mode lets the window keep reading on
its own); it gets plain strings and returns plain results through Qt signals.
"""

from __future__ import annotations

import queue
import threading
from dataclasses import dataclass
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
        self._thread = threading.Thread(target=self._run, name="letter-autosave", daemon=True)
        self._thread.start()

    def submit(self, request: SaveRequest) -> None:
        self._requests.put(request)

    def save_now(self, request: SaveRequest) -> int:
        """Save on the calling thread (used when closing); raises BeautifulLettersError."""
        with self._lock:
            return self._write(request)

    def close(self) -> None:
        self._requests.put(None)
        self._thread.join(timeout=10)
        with self._lock:
            if self._archive is not None:
                self._archive.close()
                self._archive = None

    # ----------------------------------------------------------------- thread
    def _write(self, request: SaveRequest) -> int:
        if self._archive is None:
            # The window checked the file when it opened it; a whole-file check per writer would
            # read gigabytes before the first save of a large archive.
            self._archive = Archive.open(self.archive_path, full_check=False)
        try:
            return self._archive.save_letter_body(
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
                self.saved.emit(request.generation, revision)
