"""Two programs on one archive at once, as real processes: writes wait their turn, creation is safe."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from beautifulletters.archive import Archive

REPO = Path(__file__).resolve().parents[2]

# Each child waits for the start file, so all of them begin at the same moment.
_NOTES_WRITER = """
import sys, time
from pathlib import Path
from beautifulletters.archive import Archive
path, start, who, count = sys.argv[1], Path(sys.argv[2]), sys.argv[3], int(sys.argv[4])
archive = Archive.open(path, full_check=False)
person = max(archive.search.people_ids())
while not start.exists():
    time.sleep(0.005)
lost = 0
for n in range(count):
    try:
        archive.notes.add(person, f"{who} note {n}")
    except Exception as error:
        lost += 1
        print(error, file=sys.stderr)
archive.close()
print(lost)
"""

_CREATOR = """
import sys, time
from pathlib import Path
from beautifulletters.archive import Archive
path, start = sys.argv[1], Path(sys.argv[2])
while not start.exists():
    time.sleep(0.001)
Archive.open(path).close()
print("opened")
"""


def _children(code: str, argv_list: list[list[str]], start: Path) -> list[subprocess.CompletedProcess[str]]:
    children = [
        subprocess.Popen(
            [sys.executable, "-c", code, *argv],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=REPO,
        )
        for argv in argv_list
    ]
    time.sleep(1.5)  # every child started and waiting (Python and the archive module loaded)
    start.touch()
    results = []
    for child in children:
        out, err = child.communicate(timeout=240)
        results.append(subprocess.CompletedProcess(child.args, child.returncode, out, err))
    return results


def test_two_programs_adding_notes_in_loops_lose_no_write(archive_path: Path, tmp_path: Path) -> None:
    with Archive.open(archive_path, with_sample=False) as archive:
        person = archive.people.add(display_name="Loretta Mercer")
    count = 150
    results = _children(
        _NOTES_WRITER, [[str(archive_path), str(tmp_path / "go"), who, str(count)] for who in "ab"], tmp_path / "go"
    )
    for result in results:
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == "0", f"writes refused: {result.stderr[-500:]}"
    with Archive.open(archive_path) as archive:
        texts = {note.text for note in archive.notes.for_person(person)}
    assert texts == {f"{who} note {n}" for who in "ab" for n in range(count)}


def test_six_programs_creating_one_new_archive_at_once_all_open_it(tmp_path: Path) -> None:
    path = tmp_path / "new" / "letters.sqlite3"
    results = _children(_CREATOR, [[str(path), str(tmp_path / "go")] for _ in range(6)], tmp_path / "go")
    for result in results:
        assert result.returncode == 0, result.stderr[-800:]
        assert result.stdout.strip() == "opened"
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("SELECT count(*) FROM people WHERE is_self = 1").fetchone()[0] == 1
        assert conn.execute("SELECT count(*) FROM people WHERE is_sample = 1").fetchone()[0] == 2
        assert conn.execute("SELECT count(*) FROM settings WHERE key = 'seeded'").fetchone()[0] == 1
    finally:
        conn.close()
