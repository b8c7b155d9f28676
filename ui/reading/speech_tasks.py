"""Reading aloud's work beside the reading: listing the voices and reading a letter into a file."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from beautifulletters.speech import Reading, SpeechSettings, export_reading, list_voices, voices_by_language
from ui.tasks import Failure, Lane, on_window_thread, run_task


class SpeechTasks(QObject):
    """Runs each task through the task manager; results and failures come back on the GUI thread."""

    voices_loaded = Signal(object)  # list of (group label, [VoiceInfo]) as voices_by_language gives
    export_progress = Signal(int, int)  # sentences done, total
    export_finished = Signal(str, float)  # path, seconds of audio
    failed = Signal(str)  # one sentence for a person

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._export_cancel: threading.Event | None = None

    def load_voices(self, language: str | None) -> None:
        """List the voices, those for `language` first; `voices_loaded` brings them."""
        run_task(
            lambda: voices_by_language(list_voices(), language),
            owner=self,
            on_success=self.voices_loaded.emit,
            on_failure=lambda failure: self.failed.emit(failure.message),
            doing="listing the voices",
        )

    def export(self, reading: Reading, path: str | Path, settings: SpeechSettings) -> None:
        """Read `reading` into an audio file at `path`; `export_finished` when done."""
        cancel = threading.Event()  # the export's stop button: export_reading looks at it between sentences
        self._export_cancel = cancel
        progress = on_window_thread(self.export_progress.emit, owner=self)
        run_task(
            lambda: export_reading(reading, path, settings, cancel=cancel, progress=progress),
            lane=Lane.LONG,
            owner=self,
            on_success=self._exported,
            on_failure=self._export_failed,
            doing="reading the letter into an audio file",
        )

    def cancel_export(self) -> None:
        if self._export_cancel is not None:
            self._export_cancel.set()

    def _exported(self, result: Any) -> None:
        self._export_cancel = None
        self.export_finished.emit(str(result.path), float(result.duration))

    def _export_failed(self, failure: Failure) -> None:
        self._export_cancel = None
        self.failed.emit(failure.message)
