"""Benchmark: time from Play to the first audio ready (target under 300 ms at any length), and synthesis speed.

Run: `python -m benchmarks.speech [tiny]`. Uses the real
espeak-ng through the app's worker process; with no sound device the controller plays
through its silent clock, so "first audio ready" is the moment the first sentence's
recording is handed to the player (the step a sound card would add is Qt's own).
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from pathlib import Path

from benchmarks._context import Context, run_standalone
from benchmarks._figures import Figure

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TARGET_FIRST_AUDIO_MS = 300.0
SENTENCES = [
    "I thought of you this morning when the kettle sang.",
    "The garden is full of tomatoes again, far more than two people could ever eat.",
    "Do you remember the night the power went out and we played cards by candlelight?",
    "Your mother called; she sends her love and a recipe I will certainly ruin.",
    "It rained all week, so I finally fixed the squeaky door in the hall.",
]


def letter_of(words: int, seed: int = 6) -> str:
    rng = random.Random(seed)
    paragraphs: list[str] = []
    count = 0
    while count < words:
        paragraph = " ".join(rng.choice(SENTENCES) for _ in range(4))
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    return "My dearest Loretta,\n\n" + "\n\n".join(paragraphs) + "\n\nYours, always,\nChris"


def first_audio_ms(words_list: list[int]) -> list[tuple[int, float, float]]:
    """(words, cold ms, warm ms) per letter length: cold includes starting the worker process."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication, QTextEdit

    from beautifulletters.preferences import Preferences
    from ui.reading.reader import ReadAloudController

    _app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841 - needed alive
    results = []
    preferences = Preferences()  # default reading settings; the benchmark changes none, so nothing is saved
    for words in words_list:
        editor = QTextEdit()
        editor.setPlainText(letter_of(words))
        timings = []
        for warm in (False, True):
            controller = ReadAloudController(editor, preferences=preferences)
            if warm:
                # An event loop, not processEvents(): PySide6 6.12.0 drops a reference to
                # None on every processEvents() call, which ends in a crash.
                waiting = QEventLoop()
                poll = QTimer(interval=20)
                poll.timeout.connect(
                    lambda c=controller, w=waiting: w.quit() if c._worker is not None and c._worker.ready else None
                )
                poll.start()
                QTimer.singleShot(10_000, waiting.quit)
                waiting.exec()
                poll.stop()
            loop = QEventLoop()
            controller.sentenceStarted.connect(lambda *_args, loop=loop: loop.quit())
            QTimer.singleShot(10_000, loop.quit)
            began = time.perf_counter()
            controller.read_all()
            loop.exec()
            timings.append((time.perf_counter() - began) * 1000)
            controller.shutdown()
        results.append((words, timings[0], timings[1]))
        editor.deleteLater()
    return results


def synthesis_speed(words: int, workers: int) -> tuple[float, float]:
    """(seconds of audio, seconds taken) to export a letter of `words` words."""
    from beautifulletters.speech import Reading, SpeechSettings, export_reading

    reading = Reading(letter_of(words))
    with tempfile.TemporaryDirectory() as folder:
        began = time.perf_counter()
        result = export_reading(reading, Path(folder) / "reading.wav", SpeechSettings(), workers=workers)
        return result.duration, time.perf_counter() - began


def run(ctx: Context) -> list[Figure]:
    from beautifulletters.speech import engine_problem

    problem = engine_problem()
    if problem:
        return [Figure("Read aloud", "", [0.0], note=f"skipped: {problem}")]
    lengths = [30] if ctx.tiny else [100, 1_000, 10_000]
    figures = []
    warm: list[float] = []
    cold: list[float] = []
    for _ in range(1 if ctx.tiny else 3):
        for _words, cold_ms, warm_ms in first_audio_ms(lengths):
            warm.append(warm_ms)
            cold.append(cold_ms)
    figure = Figure(
        "Play → first sound (reader ready)",
        "ms",
        warm,
        target=f"< {TARGET_FIRST_AUDIO_MS:g} ms",
        note=f"letters of {', '.join(f'{n:,}' for n in lengths)} words; without a sound card, the "
        "moment the first sentence's audio is handed to the player",
    )
    figure.met = max(warm) < TARGET_FIRST_AUDIO_MS
    figures.append(figure)
    figures.append(Figure("Play → first sound, reader process still starting", "ms", cold))
    speeds = []
    for _ in range(1 if ctx.tiny else 3):
        audio, taken = synthesis_speed(60 if ctx.tiny else 2_000, workers=2)
        speeds.append(audio / taken)
    figures.append(Figure("Synthesis speed (export to WAV, 2 workers)", "s audio/s", speeds))
    return figures


def main(argv: list[str] | None = None) -> int:
    return run_standalone(run, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
