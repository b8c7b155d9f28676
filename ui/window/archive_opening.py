"""Opening an archive for a window, and the full check the window runs on a worker once it is shown."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from beautifulletters.archive import Archive
from beautifulletters.errors import ArchiveError, BeautifulLettersError
from beautifulletters.i18n import _


def open_archive_for_window(path: Path, *, full_check: bool = True) -> tuple[Archive | None, str | None]:
    """Open the archive for a window; a second window on the same file gets it read-only.

    With full_check=False the quick check (which reads the whole file) is left out: the
    window runs it on a worker once it is shown (MainWindow.check_archive_in_background).
    """
    try:
        archive = Archive.open(path, full_check=full_check)
    except BeautifulLettersError as error:
        return None, str(error)
    if archive.readonly:
        return archive, _("{path} is read-only: you can read everything, but changes cannot be saved.").format(
            path=path
        )
    if not archive.acquire_instance_lock():
        archive.close()
        try:
            archive = Archive.open(path, readonly=True, full_check=full_check)
        except ArchiveError as error:
            return None, str(error)
        return archive, _("This archive is open in another BeautifulLetters window, so this one is read-only.")
    return archive, None


def check_archive(path: Path) -> tuple[str | None, Any]:
    """Worker side: the full check deferred at open; when it fails, the newest good backup (or None).

    Returns (None, None) for a healthy archive, else (what is wrong, BackupInfo | None).
    """
    from beautifulletters.errors import ArchiveDamagedError

    try:
        Archive.check_file(path)
    except ArchiveDamagedError as error:
        from beautifulletters.transfer import newest_good_backup

        return str(error), newest_good_backup(path)
    return None, None
