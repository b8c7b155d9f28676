"""The one output mechanism: which paths it refuses, and that a failed write leaves the earlier file whole."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from beautifulletters import fileio
from beautifulletters.errors import ValidationError
from beautifulletters.paths import backups_root


@pytest.fixture
def archive_file(tmp_path: Path) -> Path:
    path = tmp_path / "letters.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + b"\0" * 100)
    return path


def _refusal(path: Path, **kwargs: object) -> str:
    with pytest.raises(ValidationError) as caught:
        fileio.check_output_path(path, **kwargs)  # type: ignore[arg-type]
    return str(caught.value)


@pytest.mark.parametrize("companion", ["", "-wal", "-shm", "-journal", ".lock"])
def test_the_archive_and_its_working_files_are_refused_even_with_force(archive_file: Path, companion: str) -> None:
    target = archive_file.with_name(archive_file.name + companion)
    message = _refusal(target, archive_path=archive_file, force=True)
    assert "archive itself" in message


def test_the_archive_is_recognised_through_another_spelling_and_a_hard_link(archive_file: Path) -> None:
    spelled = archive_file.parent / "." / archive_file.name
    assert "archive itself" in _refusal(spelled, archive_path=archive_file, force=True)
    linked = archive_file.with_name("other-name.sqlite3")
    os.link(archive_file, linked)
    assert "archive itself" in _refusal(linked, archive_path=archive_file, force=True)


def test_anything_inside_the_backups_folder_is_refused() -> None:
    folder = backups_root() / "letters-1234"
    folder.mkdir(parents=True)
    assert "backups folder" in _refusal(folder / "export.json", force=True)


def test_links_devices_pipes_and_folders_are_refused(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text("keep")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    assert "symbolic link" in _refusal(link, force=True)
    assert "not a regular file" in _refusal(Path("/dev/null"), force=True)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert "not a regular file" in _refusal(fifo, force=True)
    assert "is a folder" in _refusal(tmp_path, force=True)
    assert "does not exist" in _refusal(tmp_path / "missing" / "x.txt")
    assert real.read_text() == "keep"


def test_an_existing_file_is_replaced_only_when_asked(tmp_path: Path) -> None:
    existing = tmp_path / "letter.txt"
    existing.write_text("earlier")
    assert "--force" in _refusal(existing)
    assert fileio.check_output_path(existing, force=True) == existing
    assert fileio.check_output_path(tmp_path / "new.txt") == tmp_path / "new.txt"


def test_a_failed_write_leaves_the_earlier_file_and_no_temporary_file(tmp_path: Path) -> None:
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    target = tmp_path / "letter.pdf"
    target.write_bytes(b"%PDF-1.4 earlier")

    def broken(temp: Path) -> None:
        temp.write_bytes(b"%PDF-1.4 half")  # no end-of-file marker: an incomplete PDF

    with pytest.raises(fileio.OutputError, match="incomplete"):
        fileio.write_file(target, broken)
    assert target.read_bytes() == b"%PDF-1.4 earlier"
    assert [p.name for p in tmp_path.iterdir()] == ["letter.pdf"]


def test_a_replaced_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "notes.txt"
    target.write_text("old")
    target.chmod(0o640)
    fileio.write_text(target, "new")
    assert target.read_text() == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_files_of_one_group_land_together_or_not_at_all(tmp_path: Path) -> None:
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    first, second = tmp_path / "a.txt", tmp_path / "b.docx"
    with pytest.raises(fileio.OutputError), fileio.Outputs() as outputs:
        outputs.add(first).write_text("a")
        outputs.add(second).write_text("not a zip")
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_a_full_disk_is_said_and_the_earlier_file_stays(small_disk) -> None:  # type: ignore[no-untyped-def]
    target = small_disk.path / "everything.json"
    target.write_text("earlier export")
    small_disk.fill(leave=1024)
    with pytest.raises(fileio.DiskFullError, match="disk is full; the earlier file was left as it was"):
        fileio.write_text(target, "x" * 100_000)
    assert target.read_text() == "earlier export"
    assert small_disk.leftovers() == []
    with pytest.raises(fileio.DiskFullError), fileio.open_for_writing(small_disk.path / "new.csv") as handle:
        for _ in range(100):
            handle.write("y" * 1000)
    assert not (small_disk.path / "new.csv").exists()
    assert small_disk.leftovers() == []


_KILLED_WRITER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from beautifulletters import fileio
    outputs = fileio.Outputs()
    temp = outputs.add(Path(sys.argv[1]))
    temp.write_bytes(b"half")
    print(temp, flush=True)
    time.sleep(60)
    """
)


def test_what_a_killed_writer_left_is_removed_and_a_live_writer_is_left_alone(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", _KILLED_WRITER, str(tmp_path / name)], stdout=subprocess.PIPE, text=True, env=env
        )
        for name in ("killed.json", "alive.json")
    ]
    temps = [Path(w.stdout.readline().strip()) for w in writers]  # type: ignore[union-attr]
    assert all(fileio.is_temp_name(t.name) for t in temps)
    writers[0].send_signal(signal.SIGKILL)
    writers[0].wait()
    old = time.time() - 60
    for temp in temps:
        os.utime(temp, (old, old))
    (tmp_path / "unrelated.part").write_text("not ours")
    try:
        assert fileio.remove_leftovers(tmp_path) == [temps[0]]
        assert temps[1].exists() and (tmp_path / "unrelated.part").exists()
    finally:
        writers[1].kill()
        writers[1].wait()
        for writer in writers:
            writer.stdout.close()  # type: ignore[union-attr]
