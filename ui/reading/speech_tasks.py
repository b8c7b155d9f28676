"""Reading aloud's work beside the reading: listing the voices and reading a letter into a file."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from beautifulletters.errors import BeautifulLettersError
from beautifulletters.speech import Reading, SpeechSettings, export_reading, list_voices, voices_by_language


class _TaskBridge(QObject):
    """Results of background tasks (export, voice listing) back to the GUI thread."""

    done = Signal(str, object)
    failed = Signal(str, str)
    progress = Signal(int, int)


class SpeechTasks(QObject):
    """Runs each task on a thread of its own; results and failures come back on the GUI thread."""

    voices_loaded = Signal(object)  # list of (group label, [VoiceInfo]) as voices_by_language gives
    export_progress = Signal(int, int)  # sentences done, total
    export_finished = Signal(str, float)  # path, seconds of audio
    failed = Signal(str)  # one sentence for a person

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks = _TaskBridge(self)
        self._tasks.done.connect(self._on_task_done)
        self._tasks.failed.connect(self._on_task_failed)
        self._tasks.progress.connect(self.export_progress)
        self._export_cancel: threading.Event | None = None

    def load_voices(self, language: str | None) -> None:
        """List the voices, those for `language` first; `voices_loaded` brings them."""

        def work() -> None:
            try:
                self._tasks.done.emit("voices", voices_by_language(list_voices(), language))
            except BeautifulLettersError as error:
                self._tasks.failed.emit("voices", str(error))

        threading.Thread(target=work, daemon=True, name="speech-voices").start()

    def export(self, reading: Reading, path: str | Path, settings: SpeechSettings) -> None:
        """Read `reading` into an audio file at `path`; `export_finished` when done."""
        cancel = threading.Event()
        self._export_cancel = cancel

        def work() -> None:
            try:
                result = export_reading(
                    reading,
                    path,
                    settings,
                    cancel=cancel,
                    progress=lambda done, total: self._tasks.progress.emit(done, total),
                )
                self._tasks.done.emit("export", result)
            except BeautifulLettersError as error:
                self._tasks.failed.emit("export", str(error))

        threading.Thread(target=work, daemon=True, name="speech-export").start()

    def cancel_export(self) -> None:
        if self._export_cancel is not None:
            self._export_cancel.set()

    @Slot(str, object)
    def _on_task_done(self, task: str, result: Any) -> None:
        if task == "voices":
            self.voices_loaded.emit(result)
        elif task == "export":
            self._export_cancel = None
            self.export_finished.emit(str(result.path), float(result.duration))

    @Slot(str, str)
    def _on_task_failed(self, task: str, message: str) -> None:
        if task == "export":
            self._export_cancel = None
        self.failed.emit(message)
