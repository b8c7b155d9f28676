"""Killing the process mid-save (SIGKILL) never corrupts the archive or leaves half a save."""

from __future__ import annotations

import hashlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
KILLS = 24


def body_is_whole(body: str) -> bool:
    text, _, digest = body.rpartition("|")
    return hashlib.sha256(text.encode()).hexdigest() == digest


@pytest.mark.slow
def test_sigkill_during_saves_leaves_every_save_whole_or_absent(archive_path: Path) -> None:
    rng = random.Random(20261121)
    acknowledged: set[tuple[int, int]] = set()  # (letter id, revision number) the writer saw committed
    for kill in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, str(REPO / "tests" / "core" / "crash_writer.py"), str(archive_path), str(kill * 100000)],
            stdout=subprocess.PIPE,
            text=True,
            cwd=REPO,
            env={**os.environ, "PYTHONPATH": str(REPO)},
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.01, 0.25))
        child.send_signal(signal.SIGKILL)
        output, _ = child.communicate()
        for line in output.splitlines():
            parts = line.split()
            if parts and parts[0] == "letter":
                acknowledged.add((int(parts[1]), 0))
            elif parts and parts[0] == "revision":
                acknowledged.add((int(parts[1]), int(parts[2])))

        conn = sqlite3.connect(archive_path)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
            letters = conn.execute("SELECT id, body, body_text FROM letters").fetchall()
            for letter_id, body, body_text in letters:
                assert body_is_whole(body) and body == body_text
                revisions = conn.execute(
                    "SELECT body FROM revisions WHERE letter_id = ? ORDER BY id", (letter_id,)
                ).fetchall()
                assert revisions, f"letter {letter_id} was stored without its first revision"
                assert all(body_is_whole(r[0]) for r in revisions)
                assert revisions[-1][0] == body, "a letter and its newest revision always agree"
            orphans = conn.execute("SELECT count(*) FROM revisions WHERE letter_id NOT IN (SELECT id FROM letters)")
            assert orphans.fetchone()[0] == 0
            stored = {
                (letter_id, int(body.split("|")[0].rsplit(" r", 1)[1]))
                for letter_id, body in conn.execute("SELECT letter_id, body FROM revisions")
            }
        finally:
            conn.close()
        missing = acknowledged - stored
        assert not missing, f"saves reported as done were lost after kill {kill}: {sorted(missing)[:5]}"
    assert len(acknowledged) > KILLS, "the writer should have saved something between kills"
