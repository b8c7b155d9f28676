"""Benchmark: time from Play to the first audio ready (target under 300 ms at any length), and synthesis speed.

Run: `python -m benchmarks.speech [--words N ...] [--export-words N]`. Uses the real
espeak-ng through the app's worker process; with no sound device the controller plays
through its silent clock, so "first audio ready" is the moment the first sentence's
recording is handed to the player (the step a sound card would add is Qt's own).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

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
    from ui.reader import ReadAloudController

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
                poll.timeout.connect(lambda c=controller, w=waiting: w.quit()
                                     if c._worker is not None and c._worker.ready else None)
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.speech", description=__doc__)
    parser.add_argument("--words", type=int, nargs="+", default=[100, 1_000, 10_000],
                        help="letter lengths for the Play-to-first-audio timing")
    parser.add_argument("--export-words", type=int, default=10_000, help="letter length for the synthesis speed")
    args = parser.parse_args(argv)

    from beautifulletters.speech import engine_problem

    problem = engine_problem()
    if problem:
        print(f"speech: skipped: {problem}")
        return 0
    status = 0
    print(f"Play -> first audio ready (target < {TARGET_FIRST_AUDIO_MS:.0f} ms with the worker started):")
    for words, cold, warm in first_audio_ms(args.words):
        verdict = "ok" if warm < TARGET_FIRST_AUDIO_MS else "TOO SLOW"
        status |= 0 if warm < TARGET_FIRST_AUDIO_MS else 1
        print(f"  {words:>6} words: {warm:7.1f} ms  ({verdict}; {cold:.0f} ms when the worker is still starting)")
    print(f"Synthesis speed, {args.export_words:,}-word letter exported to WAV:")
    for workers in (1, 2):
        audio, taken = synthesis_speed(args.export_words, workers)
        print(f"  {workers} worker(s): {audio / 60:5.1f} min of audio in {taken:5.1f} s = "
              f"{audio / taken:6.0f} s of audio per second")
    return status


if __name__ == "__main__":
    sys.exit(main())
