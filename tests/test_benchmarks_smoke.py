"""The benchmarks and the archive generator still run (on tiny inputs): not pass/fail, but they must not rot."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def test_the_generator_is_deterministic_and_builds_a_sound_archive(tmp_path: Path) -> None:
    from beautifulletters import letterformat
    from beautifulletters.archive import Archive
    from benchmarks import big_archive

    scale = big_archive.Scale(people=40, notes=90, letters=700, seed=3)
    first = big_archive.generate(tmp_path / "a.sqlite3", scale)
    big_archive.generate(tmp_path / "b.sqlite3", scale)
    assert big_archive.content_digest(tmp_path / "a.sqlite3") == big_archive.content_digest(tmp_path / "b.sqlite3")
    counts = dict(big_archive.iter_counts(tmp_path / "a.sqlite3"))
    assert (counts["people"], counts["notes"], counts["relationships"], counts["letters"]) == (40, 90, 39, 700)

    with Archive.open(tmp_path / "a.sqlite3") as archive:
        report = archive.check()
        assert report["ok"], report["problems"]
        assert report["counts"]["revisions"] > 700  # every letter's own, and earlier drafts of some
        rows = archive.db.conn.execute("SELECT body, body_text FROM letters").fetchall()
        assert all(letterformat.to_plain_text(body) == text for body, text in rows)
        assert all(150 <= len(text.split()) <= 600 for _body, text in rows)
        busiest = first.long_standing_recipients[0]
        assert archive.people.letter_count(busiest) == max(
            archive.people.letter_count(person) for person in first.long_standing_recipients
        )
        # The landmarks the search benchmark types really find people.
        for word in [*first.keepsake_words, *first.note_words[:1], first.sample_names[0]]:
            assert archive.search.people_ids(search=word), word


@pytest.mark.slow
def test_make_bench_runs_every_benchmark_and_prints_the_table(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--scale", "tiny", "--repeat", "1", "--markdown", str(tmp_path / "b.md")],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=900,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "BEAUTIFULLETTERS_BENCH_CACHE": str(tmp_path / "cache")},
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    table = result.stdout.split("All figures", 1)[1]
    for figure in (
        "Cold start on the large archive",
        "Search as you type: letter text",
        "UI thread, longest block",
        "Open a person with",
        "Render a draft",
        "Create a draft",
        "PDF export, one letter",
        "PDF export, batch",
        "Play → first sound",
        "Synthesis speed",
        "vCard file",
        "Keystroke latency",
        "Peak memory",
    ):
        assert figure in table, figure
    assert "| Benchmark | Median |" in (tmp_path / "b.md").read_text(encoding="utf-8")


def test_a_started_process_reports_its_own_peak_memory_not_its_parents() -> None:
    """The window's benchmark process is started by the one that generated the archive: its
    peak must not be the generator's (both rows read 359 MB when ru_maxrss was used)."""
    ballast = b"x" * (300 * 1024 * 1024)  # written, so it is resident in this process
    code = "from ui.window.startup_probe import peak_rss_kb; print(peak_rss_kb())"
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=60)
    del ballast
    assert completed.returncode == 0, completed.stderr
    child_mb = int(completed.stdout) / 1024
    assert 5 < child_mb < 250, child_mb
