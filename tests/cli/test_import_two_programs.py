"""A big import and a `people add` from another program at once, as real processes.

The import holds the archive's write lock only in short chunks, so the person added meanwhile
waits its turn between two chunks and is stored; the import finishes whole. (When the import
held the lock from start to end, `people add` gave up after the 5-second busy timeout.)
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from beautifulletters.archive import Archive

REPO = Path(__file__).resolve().parents[2]
CARDS = 12_000  # an import that takes well over the 5-second busy timeout


def _command(archive: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "ui", *args, "--archive", str(archive)]


def _big_file(path: Path) -> Path:
    path.write_text(
        "".join(
            f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Member {n}\r\nEMAIL:member{n}@club.example\r\n"
            f"TEL;TYPE=CELL:+44 7700 {n:06d}\r\nEND:VCARD\r\n"
            for n in range(CARDS)
        ),
        encoding="utf-8",
    )
    return path


def _members(archive: Path) -> int:
    with sqlite3.connect(f"{archive.resolve().as_uri()}?mode=ro", uri=True) as conn:
        return conn.execute("SELECT count(*) FROM people WHERE display_name LIKE 'Member %'").fetchone()[0]


def test_people_added_by_another_program_during_a_big_import_are_stored(archive_path, tmp_path):
    source = _big_file(tmp_path / "big.vcf")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    Archive.open(archive_path, with_sample=False).close()
    importing = subprocess.Popen(
        _command(archive_path, "import", str(source), "--json"),
        env=env,
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        time.sleep(3)  # the import is under way, writing
        added = []
        for n in range(3):
            assert importing.poll() is None, "the import ended before the other program could try"
            result = subprocess.run(
                _command(archive_path, "people", "add", f"Walk-in {n}", "--json"),
                env=env,
                cwd=REPO,
                capture_output=True,
                text=True,
                timeout=120,
            )
            assert result.returncode == 0, result.stderr
            added.append(json.loads(result.stdout)["id"])
        still_importing = importing.poll() is None
        stdout, stderr = importing.communicate(timeout=600)
    finally:
        if importing.poll() is None:
            importing.kill()
    assert still_importing, "the import ended before the people were added: make the file bigger"
    assert importing.returncode == 0, stderr
    assert json.loads(stdout)["counts"]["added"] == CARDS
    listed = subprocess.run(
        _command(archive_path, "people", "list", "--json"), env=env, cwd=REPO, capture_output=True, text=True
    )
    names = {person["display_name"] for person in json.loads(listed.stdout)}
    assert {"Walk-in 0", "Walk-in 1", "Walk-in 2", "Member 0", f"Member {CARDS - 1}"} <= names
    assert len([name for name in names if name.startswith("Member ")]) == CARDS


def test_ctrl_c_keeps_what_the_import_stored_and_says_how_to_finish(archive_path, tmp_path):
    source = _big_file(tmp_path / "big.vcf")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    Archive.open(archive_path, with_sample=False).close()
    importing = subprocess.Popen(
        _command(archive_path, "import", str(source)),
        env=env,
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        while _members(archive_path) == 0 and time.monotonic() < deadline:
            time.sleep(0.1)  # the first chunks are in
        importing.send_signal(signal.SIGINT)
        stdout, stderr = importing.communicate(timeout=120)
    finally:
        if importing.poll() is None:
            importing.kill()
    assert importing.returncode == 130, stderr
    stored = _members(archive_path)
    assert 0 < stored < CARDS
    assert f"Cancelled after {stored:,} cards of {CARDS:,} in big.vcf, which are in the archive" in stdout
    assert "Import the same file again to bring in the rest" in stdout and "Traceback" not in stderr
    rest = subprocess.run(
        _command(archive_path, "import", str(source), "--json"), env=env, cwd=REPO, capture_output=True, text=True
    )
    counts = json.loads(rest.stdout)["counts"]
    assert counts["unchanged"] == stored and counts["added"] == CARDS - stored
    assert _members(archive_path) == CARDS
