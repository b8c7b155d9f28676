"""The main window on the large archive: the UI thread while searching and scrolling, opening a
person with 500 letters, and the app's peak memory through the whole session.

The session runs in a fresh process (benchmarks/_window_session.py) so the memory is the app's.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from benchmarks._context import REPO, Context, run_standalone
from benchmarks._figures import Figure
from benchmarks.startup import prevent_start_backup

TARGET_BLOCK_MS = 50.0
TARGET_MEMORY_MB = 200.0


def run(ctx: Context) -> list[Figure]:
    archive, marks = ctx.big_archive()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **ctx.user_dirs("window")}
    prevent_start_backup(archive, env)
    people = [str(p) for p in marks.long_standing_recipients[: (2 if ctx.tiny else 5)]]
    sessions = []
    for _ in range(1 if ctx.tiny else 3):
        completed = subprocess.run(
            [sys.executable, "-m", "benchmarks._window_session", str(archive), *people],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=1800,
        )
        lines = [line for line in completed.stdout.splitlines() if line.startswith("{")]
        if completed.returncode != 0 or not lines:
            raise RuntimeError(f"the window session failed: {completed.stderr[-1500:]}")
        sessions.append(json.loads(lines[-1]))
    merged = {
        key: [v for s in sessions for v in (s[key] if isinstance(s[key], list) else [s[key]])] for key in sessions[0]
    }
    letters = int(merged["letters_shown"][0])
    figures = [
        Figure(
            "UI thread, longest block while typing a search",
            "ms",
            merged["search_block_ms"],
            target=f"< {TARGET_BLOCK_MS:g} ms",
            met=max(merged["search_block_ms"]) < TARGET_BLOCK_MS,
        ),
        Figure(
            "UI thread, longest block while scrolling 100,000 people",
            "ms",
            merged["scroll_block_ms"],
            target=f"< {TARGET_BLOCK_MS:g} ms",
            met=max(merged["scroll_block_ms"]) < TARGET_BLOCK_MS,
        ),
        Figure(f"Open a person with {letters} letters (panel filled)", "ms", merged["open_person_ms"]),
        Figure("Open a letter from that history in the editor", "ms", merged["open_letter_ms"]),
        Figure(
            "Peak memory, whole window session on the large archive",
            "MB",
            merged["peak_rss_mb"],
            target=f"< {TARGET_MEMORY_MB:g} MB",
            met=max(merged["peak_rss_mb"]) < TARGET_MEMORY_MB,
        ),
    ]
    return figures


def main(argv: list[str] | None = None) -> int:
    return run_standalone(run, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
