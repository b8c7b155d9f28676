"""What the archive says about itself is true: a foreign -wal, a full disk, a read-only check, a restore."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from beautifulletters.archive import Archive
from beautifulletters.errors import ArchiveDamagedError, ArchiveError


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _foreign_wal(tmp_path: Path) -> Path:
    """The -wal of another archive, holding writes its own file does not have yet."""
    other = tmp_path / "other.sqlite3"
    Archive.open(other).close()
    conn = sqlite3.connect(other)
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    for n in range(200):
        conn.execute(
            "INSERT INTO notes (person_id, text, tag, created_at, updated_at) VALUES (1, ?, 'note', '', '')",
            (f"someone else's note {n} " * 20,),
        )
        conn.commit()
    kept = tmp_path / "foreign-wal"
    shutil.copyfile(other.with_name(other.name + "-wal"), kept)
    conn.close()
    return kept


def test_a_foreign_wal_beside_a_healthy_archive_is_refused_before_sqlite_applies_it(
    archive_path: Path, tmp_path: Path
) -> None:
    with Archive.open(archive_path) as archive:
        archive.people.add(display_name="Ruth Okafor")
        for n in range(150):  # a different archive: its pages hold other things than the other's
            archive.people.add(display_name=f"Person {n}", notes="a line of notes " * 30)
    assert not archive_path.with_name(archive_path.name + "-wal").exists()
    before = _digest(archive_path)
    wal = archive_path.with_name(archive_path.name + "-wal")
    shutil.copyfile(_foreign_wal(tmp_path), wal)

    with pytest.raises(ArchiveDamagedError) as refused:
        Archive.open(archive_path)
    message = str(refused.value)
    assert "-wal does not belong to" in message and "left untouched" in message
    assert _digest(archive_path) == before, "the message said untouched: the file must be"

    wal.unlink()
    archive_path.with_name(archive_path.name + "-shm").unlink(missing_ok=True)
    with Archive.open(archive_path) as archive:
        assert archive.search.people_ids(search="Okafor")
        assert archive.check()["ok"]


def test_an_archive_with_its_own_wal_after_a_crash_still_opens(archive_path: Path) -> None:
    Archive.open(archive_path).close()
    conn = sqlite3.connect(archive_path)
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("UPDATE people SET nickname = 'Kept in the WAL' WHERE id = 1")
    conn.commit()
    shutil.copyfile(archive_path, archive_path.with_name("crashed.sqlite3"))
    shutil.copyfile(archive_path.with_name(archive_path.name + "-wal"), archive_path.with_name("crashed.sqlite3-wal"))
    conn.close()
    crashed = archive_path.with_name("crashed.sqlite3")
    with Archive.open(crashed) as archive:
        assert archive.people.get(1).nickname == "Kept in the WAL"


def test_a_full_disk_while_reading_is_not_called_a_damaged_archive(
    archive_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Archive.open(archive_path).close()
    from beautifulletters.archive import database

    def disk_full(*args: object, **kwargs: object) -> None:
        error = sqlite3.OperationalError("database or disk is full")
        error.sqlite_errorcode = 13  # type: ignore[attr-defined]
        error.sqlite_errorname = "SQLITE_FULL"  # type: ignore[attr-defined]
        raise error

    monkeypatch.setattr(database, "check_healthy_archive", disk_full)
    with pytest.raises(ArchiveError) as refused:
        Archive.open(archive_path)
    assert not isinstance(refused.value, ArchiveDamagedError)
    assert "the disk is full" in str(refused.value)


def test_check_on_a_healthy_read_only_archive_finds_no_problems(archive_path: Path) -> None:
    Archive.open(archive_path).close()
    with Archive.open(archive_path, readonly=True) as archive:
        report = archive.check()
    assert report["problems"] == [] and report["ok"]


def test_a_restore_stopped_between_its_steps_never_leaves_the_archive_path_empty(
    archive_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from beautifulletters.transfer import backups

    with Archive.open(archive_path) as archive:
        backup = tmp_path / "saved.sqlite3"
        archive.backup_to(backup)
        archive.people.add(display_name="Added After The Backup")
    real_replace = backups.os.replace

    def stopped(source: object, destination: object) -> None:
        if Path(str(destination)) == archive_path:
            raise OSError(5, "Input/output error")  # the process stops before the restored file is in place
        real_replace(source, destination)  # type: ignore[arg-type]

    monkeypatch.setattr(backups.os, "replace", stopped)
    with pytest.raises(ArchiveError):
        backups.restore_backup(backup, archive_path)
    monkeypatch.undo()
    assert archive_path.exists()
    with Archive.open(archive_path) as archive:
        assert archive.search.people_ids(search="Added After")


def test_folding_a_leftover_wal_never_applies_one_that_is_not_the_archives_own(
    archive_path: Path, tmp_path: Path
) -> None:
    with Archive.open(archive_path) as archive:
        for n in range(150):
            archive.people.add(display_name=f"Person {n}", notes="a line of notes " * 30)
    before = _digest(archive_path)
    wal = archive_path.with_name(archive_path.name + "-wal")
    shutil.copyfile(_foreign_wal(tmp_path), wal)

    Archive.let_go_of_wal(archive_path)  # what a restore does before it sets the old archive aside

    assert _digest(archive_path) == before, "another archive's -wal was merged into this one"
    assert wal.exists(), "the -wal is left for open() to report"
