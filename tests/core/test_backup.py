"""Backups on real archive files: WAL contents included, checked copies, thinning, policy, restore."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest

from beautifulletters.archive import Archive
from beautifulletters.errors import ArchiveDamagedError, BeautifulLettersError, NotAnArchiveError
from beautifulletters.transfer import (
    BackupInfo,
    automatic_backup,
    automatic_backup_of,
    backup_due,
    backups_dir,
    create_backup,
    list_backups,
    restore_backup,
    restore_newest_good_backup,
    thin_backups,
)
from beautifulletters.transfer.backups import backups_to_keep

UTC = dt.UTC


def _names(path: Path) -> set[str]:
    with Archive.open(path, readonly=True) as opened:
        return {p.display_name for p in opened.search.people()}


def _raw_names(path: Path) -> set[str]:
    """Names in a file that may not even be a usable archive (a plain copy can miss whole tables)."""
    with sqlite3.connect(path) as conn:
        try:
            return {row[0] for row in conn.execute("SELECT display_name FROM people")}
        except sqlite3.DatabaseError:
            return set()


def _damage(path: Path) -> None:
    """Overwrite pages in the middle of the file, as a failing disk would."""
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(page * 2, min(len(data), page * 8), 7):
        data[offset] = 0xAB
    path.write_bytes(bytes(data))


def test_backup_includes_writes_still_in_the_wal(archive, tmp_path):
    # A second connection commits without checkpointing: its rows live only in the -wal file.
    writer = sqlite3.connect(archive.path)
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("CREATE TABLE IF NOT EXISTS scratch (x)")  # a new table: what a plain copy once missed
    writer.execute("INSERT INTO people (display_name, created_at, updated_at) VALUES ('Only In The Wal', 'now', 'now')")
    writer.commit()
    # ... and a transaction it has not committed yet must not leak into the backup.
    writer.execute("INSERT INTO people (display_name, created_at, updated_at) VALUES ('Uncommitted', 'n', 'n')")
    assert Path(str(archive.path) + "-wal").stat().st_size > 0
    plain_copy = tmp_path / "plain-copy.sqlite3"
    shutil.copyfile(archive.path, plain_copy)
    info = create_backup(archive, tmp_path / "backup.sqlite3")
    writer.rollback()
    writer.close()
    assert "Only In The Wal" in _names(info.path)
    assert "Uncommitted" not in _names(info.path)
    assert "Only In The Wal" not in _raw_names(plain_copy)  # why a file copy is not a backup
    with sqlite3.connect(info.path) as check:
        assert check.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one self-contained file
        assert check.execute("SELECT count(*) FROM sqlite_master WHERE name = 'scratch'").fetchone()[0] == 1


def test_backup_is_written_to_a_temporary_name_then_renamed(archive, tmp_path):
    info = create_backup(archive)
    assert info.path.parent == backups_dir(archive.path)
    assert str(info.path).startswith(str(tmp_path / "home" / "data"))  # the user data directory
    assert [p.name for p in info.path.parent.iterdir()] == [info.path.name]  # no .part left behind
    Archive.verify_file(info.path)


def test_backup_refuses_to_overwrite_something_that_is_not_a_backup(archive, tmp_path):
    letter = tmp_path / "letter.docx"
    letter.write_bytes(b"PK\x03\x04 precious")
    with pytest.raises(BeautifulLettersError, match="not a backup"):
        create_backup(archive, letter)
    assert letter.read_bytes() == b"PK\x03\x04 precious"
    with pytest.raises(BeautifulLettersError, match="the archive itself"):
        create_backup(archive, archive.path)


def _fake_set(folder: Path, stamps: list[dt.datetime]) -> list[BackupInfo]:
    folder.mkdir(parents=True, exist_ok=True)
    infos = []
    for stamp in stamps:
        path = folder / f"backup-{stamp.strftime('%Y%m%dT%H%M%S')}Z.sqlite3"
        path.write_bytes(b"x")
        infos.append(BackupInfo(path, stamp, 1))
    return infos


def test_thinning_keeps_daily_weekly_and_monthly(archive):
    now = dt.datetime(2025, 6, 30, 12, 0, tzinfo=UTC)
    # Three backups a day for 400 days.
    stamps = [now - dt.timedelta(days=d, hours=h) for d in range(400) for h in (0, 4, 8)]
    infos = _fake_set(backups_dir(archive.path), stamps)
    keep = backups_to_keep(infos)
    kept = sorted((i.created for i in infos if i.path in keep), reverse=True)
    assert kept[0] == now  # the newest always
    assert len({k.date() for k in kept if now - k < dt.timedelta(days=7)}) == 7  # one for each of 7 days
    assert len(kept) <= 7 + 4 + 6
    assert min(kept) < now - dt.timedelta(days=140)  # months back
    removed = thin_backups(archive.path)
    assert len(list_backups(archive.path)) == len(keep) == len(stamps) - len(removed)


def test_automatic_backup_policy(archive):
    start = dt.datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
    assert backup_due(archive.path, at_start=True, now=start)
    first = automatic_backup(archive, at_start=True, now=start)
    assert first is not None
    # Restarting the app ten minutes later makes no new backup; forty minutes later does.
    assert automatic_backup(archive, at_start=True, now=start + dt.timedelta(minutes=10)) is None
    assert automatic_backup(archive, at_start=True, now=start + dt.timedelta(minutes=40)) is not None
    # While running: one a day.
    assert automatic_backup(archive, at_start=False, now=start + dt.timedelta(hours=5)) is None
    assert automatic_backup(archive, at_start=False, now=start + dt.timedelta(days=1, hours=1)) is not None
    assert len(list_backups(archive.path)) == 2  # thinned: the newest of each day


def test_restore_validates_first_and_keeps_the_current_archive_aside(archive, tmp_path):
    backup = create_backup(archive, tmp_path / "good.sqlite3").path
    archive.people.add(display_name="Added After The Backup")
    path = archive.path
    archive.close()
    result = restore_backup(backup, path)
    assert "Added After The Backup" not in _names(path)
    assert result.kept_aside is not None and "before-restore" in result.kept_aside.name
    assert "Added After The Backup" in _names(result.kept_aside)  # the replaced archive is kept whole
    with Archive.open(path) as reopened:
        assert reopened.check()["ok"]


def test_restore_after_a_reader_closed_last_keeps_the_old_archive_as_one_file(archive, tmp_path):
    # A worker's read-only connection that closes after the window's cannot remove the -wal and
    # -shm; the restore folds them in, so what is kept aside is one whole file.
    backup = create_backup(archive, tmp_path / "good.sqlite3").path
    archive.people.add(display_name="Added After The Backup")
    path = archive.path
    reader = Archive.open_reader(path)
    assert reader.people.get(1) is not None
    archive.close()
    reader.close()
    assert path.with_name(path.name + "-wal").exists()  # what the reader left behind
    result = restore_backup(backup, path)
    assert result.kept_aside is not None
    assert sorted(p.name for p in path.parent.glob(f"{path.stem}.before-restore-*")) == [result.kept_aside.name]
    assert "Added After The Backup" in _names(result.kept_aside)


@pytest.mark.parametrize("kind", ["damaged", "foreign", "text"])
def test_restore_refuses_a_bad_backup_and_changes_nothing(archive, tmp_path, kind):
    bad = tmp_path / "bad.sqlite3"
    if kind == "damaged":
        create_backup(archive, bad)
        _damage(bad)
    elif kind == "foreign":
        with sqlite3.connect(bad) as other:
            other.execute("CREATE TABLE t (x)")
    else:
        bad.write_text("not a database")
    path = archive.path
    archive.close()
    before = sorted(p.name for p in path.parent.iterdir())
    with pytest.raises((ArchiveDamagedError, NotAnArchiveError)):
        restore_backup(bad, path)
    assert sorted(p.name for p in path.parent.iterdir()) == before
    assert "Chris Mercer" in _names(path)


def test_damaged_archive_restores_the_newest_good_backup(archive_path):
    with Archive.open(archive_path) as opened:
        older = create_backup(opened, now=dt.datetime(2025, 1, 1, tzinfo=UTC))
        opened.people.add(display_name="In The Newest Good Backup")
        create_backup(opened, now=dt.datetime(2025, 1, 2, tzinfo=UTC))
        opened.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    newest_bad = backups_dir(archive_path) / "backup-20250103T000000Z.sqlite3"
    shutil.copyfile(older.path, newest_bad)
    _damage(newest_bad)
    _damage(archive_path)
    with pytest.raises(ArchiveDamagedError):
        Archive.open(archive_path)
    result = restore_newest_good_backup(archive_path)
    assert result.restored_from.name == "backup-20250102T000000Z.sqlite3"  # the damaged newer one is passed over
    assert result.kept_aside is not None and ".damaged-" in result.kept_aside.name
    assert "In The Newest Good Backup" in _names(archive_path)
    with pytest.raises(ArchiveDamagedError):
        Archive.verify_file(result.kept_aside)  # the damaged file is kept, as it was


def test_automatic_backup_on_its_own_connection_while_the_archive_is_open(archive):
    archive.people.add(display_name="Written By The Window")
    info = automatic_backup_of(archive.path, at_start=True)
    assert info is not None and "Written By The Window" in _names(info.path)
    assert automatic_backup_of(archive.path, at_start=True) is None  # not again within 30 minutes
