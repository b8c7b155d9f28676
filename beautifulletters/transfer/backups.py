"""Backups that can be trusted: made through SQLite, checked, kept as a thinning rolling set, restorable.

A backup is written with SQLite's backup API to a temporary name, checked with
``PRAGMA quick_check`` and only then renamed into place, so a half-written or bad copy never
counts as a backup. Restoring validates the file first and keeps the current archive aside.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from beautifulletters import fileio, limits, userfiles
from beautifulletters.archive.identity import APPLICATION_ID
from beautifulletters.errors import ArchiveError, BeautifulLettersError, ValidationError
from beautifulletters.i18n import _
from beautifulletters.paths import backups_dir

if TYPE_CHECKING:
    from beautifulletters.archive import Archive

# Rolling retention: the newest backup of each of the last 7 days with backups, of 4 weeks
# and of 6 months (Anki keeps 12/10/9; letters change more slowly than flashcards).
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 6
START_INTERVAL = dt.timedelta(minutes=30)  # at most one backup per 30 minutes when the app starts
RUNNING_INTERVAL = dt.timedelta(days=1)  # and one a day while it runs
_NAME = re.compile(r"^backup-(\d{8}T\d{6})Z(?:-\d+)?\.sqlite3$")
_STAMP = "%Y%m%dT%H%M%S"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: dt.datetime  # UTC, aware
    size: int

    def as_json(self) -> dict[str, object]:
        return {"path": str(self.path), "created": self.created.isoformat(timespec="seconds"), "size": self.size}


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    archive: Path
    kept_aside: Path | None  # where the archive that was replaced now lives

    def as_json(self) -> dict[str, object]:
        return {
            "restored_from": str(self.restored_from),
            "archive": str(self.archive),
            "kept_aside": str(self.kept_aside) if self.kept_aside else None,
        }


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def list_backups(archive_path: str | Path) -> list[BackupInfo]:
    """The rolling set for this archive, newest first."""
    folder = backups_dir(archive_path)
    if not folder.is_dir():
        return []
    result = []
    for entry in folder.iterdir():
        match = _NAME.match(entry.name)
        if not match or not entry.is_file():
            continue
        created = dt.datetime.strptime(match.group(1), _STAMP).replace(tzinfo=dt.UTC)
        result.append(BackupInfo(entry, created, entry.stat().st_size))
    result.sort(key=lambda info: (info.created, info.path.name), reverse=True)
    return result


def _verify_backup(path: Path) -> None:
    with open(path, "rb") as handle:
        if handle.read(16) != b"SQLite format 3\x00":
            raise fileio.OutputError(_("{file} came out incomplete (not an SQLite file).").format(file=path.name))


def _write_checked(archive: Archive, destination: Path) -> None:
    """Backup API to a temporary name beside `destination`, checked, then renamed over it."""
    try:
        # The copy is checked (quick_check) as it is made; a failed check or write leaves nothing.
        fileio.write_file(destination, archive.backup_to, verify=_verify_backup)
    except fileio.OutputError as error:
        raise ArchiveError(str(error)) from None
    except ArchiveError as error:
        if _disk_full(error):
            raise ArchiveError(
                _("Cannot write the backup {destination}: the disk is full; nothing was written.").format(
                    destination=destination
                )
            ) from None
        raise


def _disk_full(error: Exception) -> bool:
    return "full" in str(error).lower()


def is_backup_file(path: str | Path) -> bool:
    """Whether `path` is a backup this program made: one of our archives, in rollback-journal mode.

    A backup is left as one self-contained file (journal mode DELETE, header bytes 18-19 are 1);
    a live archive is always in WAL mode (2), and another program's database lacks our
    application id (header bytes 68-71). So a backup may replace a backup, never an archive.
    """
    try:
        with open(path, "rb") as handle:
            header = handle.read(72)
    except OSError:
        return False
    return (
        len(header) == 72
        and header[:16] == b"SQLite format 3\x00"
        and header[18:20] == b"\x01\x01"
        and int.from_bytes(header[68:72], "big") == APPLICATION_ID
    )


def create_backup(
    archive: Archive, out: str | Path | None = None, *, now: dt.datetime | None = None, force: bool = False
) -> BackupInfo:
    """Back the archive up to `out`, or into the rolling set when `out` is None.

    `out` may replace an earlier backup this program made; any other file only with `force`.
    """
    created = now or _utcnow()
    if out is None:
        folder = backups_dir(archive.path)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise ArchiveError(
                _("Cannot create the backup folder {folder} ({reason}).").format(folder=folder, reason=error.strerror)
            ) from None
        fileio.remove_leftovers(folder, any_part=True)
        stamp = created.astimezone(dt.UTC).strftime(_STAMP)
        destination = folder / f"backup-{stamp}Z.sqlite3"
        counter = 1
        while destination.exists():
            destination = folder / f"backup-{stamp}Z-{counter}.sqlite3"
            counter += 1
    else:
        destination = Path(out).expanduser()
        if not fileio.is_archive_file(destination, archive.path) and not fileio.is_in_backups_folder(destination):
            try:
                destination.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise fileio.cannot_use(destination.parent, error, "create the folder") from None
        fileio.check_output_path(
            destination,
            archive_path=archive.path,
            force=force,
            may_replace=is_backup_file,
            replace_hint=_(
                "it is not a backup, so it was left alone: choose another name, or give --force to replace it"
            ),
        )
    _write_checked(archive, destination)
    return BackupInfo(destination, created, destination.stat().st_size)


def backups_to_keep(backups: Iterable[BackupInfo]) -> set[Path]:
    """Thinning: the newest backup of each recent day, week and month, and always the newest of all."""
    ordered = sorted(backups, key=lambda info: info.created, reverse=True)
    keep: set[Path] = set()
    if ordered:
        keep.add(ordered[0].path)
    for count, bucket in (
        (KEEP_DAILY, lambda d: d.date()),
        (KEEP_WEEKLY, lambda d: tuple(d.isocalendar())[:2]),
        (KEEP_MONTHLY, lambda d: (d.year, d.month)),
    ):
        seen: list[object] = []
        for info in ordered:
            key = bucket(info.created)
            if key in seen:
                continue
            if len(seen) == count:
                break
            seen.append(key)
            keep.add(info.path)
    return keep


def thin_backups(archive_path: str | Path) -> list[Path]:
    """Delete backups the rolling set no longer needs; returns the removed files."""
    backups = list_backups(archive_path)
    keep = backups_to_keep(backups)
    removed = []
    for info in backups:
        if info.path not in keep:
            try:
                info.path.unlink()
                removed.append(info.path)
            except OSError:
                pass  # a backup we cannot delete is still a backup; try again next time
    return removed


def backup_due(archive_path: str | Path, *, at_start: bool, now: dt.datetime | None = None) -> bool:
    """Whether an automatic backup is due: at start, unless one was made in the last 30 minutes;
    while running, once a day."""
    backups = list_backups(archive_path)
    if not backups:
        return True
    age = (now or _utcnow()) - backups[0].created
    return age >= (START_INTERVAL if at_start else RUNNING_INTERVAL)


def automatic_backup(archive: Archive, *, at_start: bool, now: dt.datetime | None = None) -> BackupInfo | None:
    """The window's backup: call with at_start=True when it opens, then (say hourly) with False.

    Makes a backup into the rolling set when one is due, thins the set, and returns the new
    backup (None when none was due).
    """
    if not backup_due(archive.path, at_start=at_start, now=now):
        return None
    info = create_backup(archive, now=now)
    thin_backups(archive.path)
    return info


def automatic_backup_of(archive_path: str | Path, *, at_start: bool) -> BackupInfo | None:
    """`automatic_backup` on a connection of its own: what the window runs on a worker thread."""
    from beautifulletters.archive import Archive

    if at_start:
        fileio.remove_crash_leftovers(archive_path)  # what a killed backup or export left last time
    if not backup_due(archive_path, at_start=at_start):
        return None
    # No quick check of the source here: the copy gets one before it is kept (_write_checked),
    # and a damaged page fails it. That saves a whole extra read of a large archive.
    with Archive.open(archive_path, readonly=True, full_check=False) as archive:
        info = create_backup(archive)
    thin_backups(archive_path)
    return info


# ----------------------------------------------------------------------------- restoring
def _aside_name(archive_path: Path, label: str) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    candidate = archive_path.with_name(f"{archive_path.stem}.{label}-{stamp}{archive_path.suffix}")
    counter = 1
    while candidate.exists():
        candidate = archive_path.with_name(f"{archive_path.stem}.{label}-{stamp}-{counter}{archive_path.suffix}")
        counter += 1
    return candidate


def _keep_aside(archive_path: Path, label: str) -> Path | None:
    """Keep the archive under a new name without ever taking it from its own path.

    The kept copy is a hard link (or a copy where links are not possible), so the archive
    stays where it is until the restored file replaces it in one rename. Its -wal and -shm
    files go along with the kept copy and leave the archive's side first: a -wal beside the
    restored file would be applied to it.
    """
    if not archive_path.exists():
        return None
    aside = _aside_name(archive_path, label)
    try:
        os.link(archive_path, aside)
    except OSError:
        shutil.copy2(archive_path, aside)
    for companion in ("-wal", "-shm"):
        extra = archive_path.with_name(archive_path.name + companion)
        if extra.exists():
            os.replace(extra, aside.with_name(aside.name + companion))
    fileio.fsync_folder(archive_path.parent)
    return aside


def restore_backup(source: str | Path, archive_path: str | Path, *, damaged: bool = False) -> RestoreResult:
    """Replace the archive with the backup `source`, after checking it; the old archive is kept aside.

    The archive must not be open (close the window's archive first). The backup is copied
    through SQLite to a temporary file next to the archive and checked before anything is
    moved, so a bad backup leaves everything as it was.
    """
    from beautifulletters.archive import Archive

    # A folder, a device, a FIFO or a file this user cannot read is refused before SQLite opens it.
    source = userfiles.check_file(source, field="backup", what="a backup", limit=limits.BACKUP_BYTES)
    archive_path = Path(archive_path).expanduser()
    if archive_path.exists() and source.resolve() == archive_path.resolve():
        raise ValidationError("backup", _("{source} is the archive itself, not a backup of it.").format(source=source))
    temporary = archive_path.with_name(f".{archive_path.name}.restoring")
    try:
        archive_path.parent.mkdir(parents=True, exist_ok=True)
        temporary.unlink(missing_ok=True)
        Archive.copy_file(source, temporary)
        Archive.let_go_of_wal(archive_path)  # a reader that closed last left them: the kept copy is one file
        aside = _keep_aside(archive_path, "damaged" if damaged else "before-restore")
        # One rename puts the backup in place: the path always holds an archive, the old one or
        # the restored one, whenever the process stops (two renames left it empty in between).
        os.replace(temporary, archive_path)
        fileio.fsync_folder(archive_path.parent)
    except OSError as error:
        raise ArchiveError(
            _("Cannot restore into {archive_path} ({reason}); nothing was changed.").format(
                archive_path=archive_path, reason=error.strerror
            )
        ) from None
    finally:
        temporary.unlink(missing_ok=True)
    return RestoreResult(source, archive_path, aside)


def newest_good_backup(archive_path: str | Path) -> BackupInfo | None:
    """The newest backup of the rolling set that passes its check."""
    from beautifulletters.archive import Archive

    for info in list_backups(archive_path):
        try:
            Archive.verify_file(info.path)
        except BeautifulLettersError:
            continue
        return info
    return None


def restore_newest_good_backup(archive_path: str | Path, *, damaged: bool = True) -> RestoreResult:
    """For a damaged archive: restore the newest good backup, keeping the damaged file as *.damaged-…."""
    good = newest_good_backup(archive_path)
    if good is None:
        raise ArchiveError(
            _("There is no good backup of {archive_path} in {archive_path2}.").format(
                archive_path=archive_path, archive_path2=backups_dir(archive_path)
            )
        )
    return restore_backup(good.path, archive_path, damaged=damaged)
