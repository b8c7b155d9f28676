"""Never lose a word: a real editor in a child process types into a real archive and is killed with SIGKILL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from beautifulletters.archive import Archive

REPO = Path(__file__).resolve().parents[2]
WORDS = [f"word{i:04d}" for i in range(2000)]
TYPIST = r"""
import sys, time
from PySide6.QtWidgets import QApplication
from PySide6.QtTest import QTest
app = QApplication([])
from beautifulletters.archive import Archive
from ui.desk.editor import LetterEditor
archive = Archive.open(sys.argv[1])
editor = LetterEditor()
editor.resize(900, 700)
editor.show()
editor.open_letter(archive, int(sys.argv[2]))
editor.focus_end()
typed = 0
for word in sys.argv[3].split():
    QTest.keyClicks(editor.text_edit, " " + word)
    typed += 1
    print(f"{time.monotonic():.4f} {typed}", flush=True)
    deadline = time.monotonic() + 0.04
    while time.monotonic() < deadline:
        app.processEvents()
"""


@pytest.mark.slow
def test_sigkill_loses_at_most_the_last_two_seconds(archive_path: Path) -> None:
    with Archive.open(archive_path, with_sample=False) as archive:
        ann = archive.people.add(display_name="Ann")
        letter_id = archive.letters.create(
            signer_id=archive.settings.default_signer_id(), recipient_id=ann, body="Dear Ann,"
        )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    child = subprocess.Popen(
        [sys.executable, "-c", TYPIST, str(archive_path), str(letter_id), " ".join(WORDS)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=REPO,
    )
    progress: list[tuple[float, int]] = []
    assert child.stdout is not None
    for line in child.stdout:
        stamp, count = line.split()
        progress.append((float(stamp), int(count)))
        if progress[-1][0] - progress[0][0] > 5.0:
            break
    child.send_signal(signal.SIGKILL)
    killed_at = time.monotonic()
    child.wait(timeout=10)
    assert child.returncode == -signal.SIGKILL, child.stderr.read() if child.stderr else ""

    with Archive.open(archive_path) as archive:
        saved = archive.letters.get(letter_id).body_text
        revisions = archive.letters.revisions(letter_id)
    assert saved.startswith("Dear Ann,")
    saved_words = saved[len("Dear Ann,") :].split()
    assert saved_words == WORDS[: len(saved_words)], "the saved text is exactly what was typed, in order"
    typed_two_seconds_before = max((count for stamp, count in progress if stamp <= killed_at - 2.0), default=0)
    assert typed_two_seconds_before > 20
    assert len(saved_words) >= typed_two_seconds_before
    assert revisions[-1].body_text == saved  # the revision history holds it too
