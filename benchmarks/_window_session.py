"""A scripted session in the real main window on a large archive; prints its figures as one JSON line.

Run by benchmarks/window.py in a fresh process (so its peak memory is the app's own):
`python -m benchmarks._window_session ARCHIVE PERSON_ID [PERSON_ID ...]`.

While it types searches and scrolls the people list, a 5 ms heartbeat timer on the UI thread
records every gap: the longest gap minus 5 ms is the longest the UI thread was blocked.
"""

from __future__ import annotations

import json
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from ui.window.startup_probe import peak_rss_kb  # noqa: E402

HEARTBEAT_MS = 5
TYPING_INTERVAL_MS = 60  # a brisk typist: about 200 words a minute


class Heartbeat:
    def __init__(self) -> None:
        self.beats: list[float] = []
        self.timer = QTimer(interval=HEARTBEAT_MS)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(lambda: self.beats.append(time.perf_counter()))

    def start(self) -> None:
        self.beats = [time.perf_counter()]
        self.timer.start()

    def stop(self) -> float:
        """The longest time the UI thread could not run the heartbeat, in ms."""
        self.timer.stop()
        self.beats.append(time.perf_counter())
        gaps = [(b - a) * 1000 for a, b in zip(self.beats, self.beats[1:], strict=False)]
        return max(0.0, max(gaps) - HEARTBEAT_MS) if gaps else 0.0


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_until(condition, timeout_ms: int = 60_000) -> None:  # noqa: ANN001
    deadline = time.monotonic() + timeout_ms / 1000
    while not condition() and time.monotonic() < deadline:
        wait(5)


def main() -> None:
    archive_path, *person_ids = sys.argv[1:]
    app = QApplication(sys.argv[:1])
    from ui.window.app import open_main_window

    window = open_main_window(archive_path)
    wait(300)
    heartbeat = Heartbeat()
    result: dict[str, list[float] | float] = {
        "search_block_ms": [],
        "scroll_block_ms": [],
        "open_person_ms": [],
        "open_letter_ms": [],
    }

    def search_settled() -> bool:
        return not window.people_list.searching

    for text in ("Margaret", "lighthouse", "Bean", "mantelpiece postcard", "Dickens", "ha"):
        window.search_box.clear()
        wait_until(search_settled)
        window.search_box.setFocus()
        heartbeat.start()
        for char in text:
            QTest.keyClick(window.search_box, char)
            wait(TYPING_INTERVAL_MS)
        wait_until(search_settled)
        wait(100)
        result["search_block_ms"].append(heartbeat.stop())

    window.search_box.clear()
    wait_until(search_settled)
    wait(200)
    bar = window.people_view.verticalScrollBar()
    for _pass in range(2):
        heartbeat.start()
        steps = 40
        for step in range(steps + 1):
            bar.setValue(bar.maximum() * step // steps)
            wait(16)
        for step in range(steps, -1, -1):
            bar.setValue(bar.maximum() * step // steps)
            wait(16)
        result["scroll_block_ms"].append(heartbeat.stop())

    shown: list[int] = []
    for person_id in map(int, person_ids):
        began = time.perf_counter()
        window.select_person(person_id)
        app.processEvents()
        wait_until(lambda person_id=person_id: window.person_panel.shown_person_id == person_id)  # read on a worker
        result["open_person_ms"].append((time.perf_counter() - began) * 1000)
        shown.append(window.person_panel.letters_list.count())
        letters = window.archive.letters.all(to=person_id, limit=1)
        began = time.perf_counter()
        window.open_letter(letters[0].id)
        app.processEvents()
        result["open_letter_ms"].append((time.perf_counter() - began) * 1000)
    result["letters_shown"] = min(shown)  # each of them has this many letters or more
    result["people_listed"] = window.people_model.rowCount()
    result["peak_rss_mb"] = peak_rss_kb() / 1024  # its own peak, not the benchmark process's
    print(json.dumps(result), flush=True)
    os._exit(0)  # the figures are out; an orderly shutdown is not part of the session


if __name__ == "__main__":
    main()
