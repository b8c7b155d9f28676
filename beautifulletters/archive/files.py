"""The archive file itself: is it SQLite, is it ours, is it healthy, which schema steps it has.

Also which archive files this process has open: reading such a file again through another
descriptor would drop SQLite's locks on it.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path

from beautifulletters.archive.connection import BUSY_TIMEOUT_MS
from beautifulletters.archive.identity import APPLICATION_ID, MIGRATION_SET, MIGRATIONS_TABLE, SCHEMA_STEPS
from beautifulletters.errors import ArchiveDamagedError, ArchiveError, NotAnArchiveError
from beautifulletters.i18n import _

SQLITE_HEADER = b"SQLite format 3\x00"


def applied_schema_steps(conn: sqlite3.Connection) -> list[str]:
    """The schema steps recorded in the file, in the order they were applied (sqlite-utils' record)."""
    if not conn.execute(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?", (MIGRATIONS_TABLE,)
    ).fetchone()[0]:
        return []
    return [
        row[0]
        for row in conn.execute(
            f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ? ORDER BY rowid", (MIGRATION_SET,)
        )
    ]


def schema_steps_pending(conn: sqlite3.Connection) -> bool:
    """Whether any step of schema.py is missing from the file: plain SQL, so no sqlite-utils import."""
    return not set(SCHEMA_STEPS) <= set(applied_schema_steps(conn))


def check_healthy_archive(conn: sqlite3.Connection, path: Path, *, quick_check: bool = True) -> None:
    """Raise unless the file passes SQLite's quick check and is ours (or still empty).

    ``quick_check=False`` checks only that the file is ours: the quick check reads every page.
    """
    result = conn.execute("PRAGMA quick_check").fetchall() if quick_check else [("ok",)]
    if result != [("ok",)]:
        # quick_check may return one row holding many newline-separated problems.
        lines = [line for row in result for line in str(row[0]).splitlines() if line.strip()]
        problems = "; ".join(lines[:2]) + (f" and {len(lines) - 2} more problems" if len(lines) > 2 else "")
        raise ArchiveDamagedError(
            _(
                "{path} is damaged ({problems}); it was left untouched. Restore a backup or run `beautifulletters "
                "check`."
            ).format(path=path, problems=problems)
        )
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    has_tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
    if app_id != APPLICATION_ID and has_tables:
        raise NotAnArchiveError(
            _(
                "{path} is an SQLite database of another program, not a BeautifulLetters archive; it was left "
                "untouched."
            ).format(path=path)
        )


def copy_database(source: sqlite3.Connection, destination: Path) -> None:
    target = sqlite3.connect(str(destination))
    try:
        source.backup(target)
        target.execute("PRAGMA journal_mode = DELETE")
        result = target.execute("PRAGMA quick_check").fetchall()
    except sqlite3.OperationalError as error:
        raise ArchiveError(
            _("Cannot write {destination} ({reason}).").format(destination=destination, reason=error)
        ) from None
    finally:
        target.close()
    if result != [("ok",)]:
        raise ArchiveDamagedError(
            _("The copy written to {destination} failed its check ({result}).").format(
                destination=destination, result=result[0][0]
            )
        )


# drops every POSIX lock the process holds on it (SQLite's "how to corrupt" list, 2.2), so
# another process could then write under our feet: the header is only read for files not open.
_open_files: dict[str, int] = {}
_open_files_lock = threading.Lock()


def _file_key(path: Path) -> str:
    try:
        return str(path.resolve())
    except OSError:
        return str(path)


def register_open_file(path: Path) -> None:
    with _open_files_lock:
        key = _file_key(path)
        _open_files[key] = _open_files.get(key, 0) + 1


def unregister_open_file(path: Path) -> None:
    with _open_files_lock:
        key = _file_key(path)
        if _open_files.get(key, 0) <= 1:
            _open_files.pop(key, None)
        else:
            _open_files[key] -= 1


def is_open_here(path: Path) -> bool:
    """Whether any connection of this process (the window's, a worker's) still has the file open."""
    with _open_files_lock:
        return _file_key(path) in _open_files


def check_header(path: Path) -> None:
    with _open_files_lock:
        if _file_key(path) in _open_files:
            return  # open here already, so known to be SQLite; reading it again could unlock it
    try:
        with open(path, "rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except PermissionError:
        raise ArchiveError(_("{path} cannot be read (permission denied).").format(path=path)) from None
    except OSError as error:
        raise ArchiveError(_("{path} cannot be read ({reason}).").format(path=path, reason=error.strerror)) from None
    if header != SQLITE_HEADER:
        raise NotAnArchiveError(
            _("{path} is not a BeautifulLetters archive (it is not an SQLite database); it was left untouched.").format(
                path=path
            )
        )


def writable(path: Path) -> bool:
    return os.access(path, os.W_OK)


def unreadable(path: Path, error: sqlite3.Error) -> ArchiveError:
    """The true sentence for SQLite failing to read `path`: damage only when SQLite says it is damaged.

    A full disk (SQLite needs room for its -shm and temporary files even to read) or a failing
    disk is said as such, not as a damaged archive.
    """
    name = getattr(error, "sqlite_errorname", "") or ""
    if name == "SQLITE_FULL":
        return ArchiveError(
            _("Cannot read {path}: the disk is full. Free some space and try again; nothing was changed.").format(
                path=path
            )
        )
    if name.startswith("SQLITE_IOERR"):
        return ArchiveError(
            _("Cannot read {path}: the disk failed to read or write ({reason}); nothing was changed.").format(
                path=path, reason=error
            )
        )
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or not isinstance(error, sqlite3.OperationalError):
        return ArchiveDamagedError(
            _("{path} cannot be read as an archive ({reason}); it was left untouched.").format(path=path, reason=error)
        )
    return ArchiveError(_("Cannot read {path}: {reason}.").format(path=path, reason=error))


def check_wal_belongs(path: Path) -> bool:
    """Refuse a -wal file beside `path` that is not the archive's own, before SQLite can apply it.

    SQLite applies any valid WAL it finds beside a database (a write-ahead log names no file),
    so another archive's -wal copied or left there is merged in by the first connection that
    writes. The archive is read on read-only connections, which never write the file: with the
    WAL, and, if that looks damaged, without it. Whole without and damaged with means the WAL
    is not its own. Returns True when the archive was fully checked here (it is healthy).
    """
    wal = path.with_name(path.name + "-wal")
    try:
        if wal.stat().st_size == 0:
            return False
    except OSError:
        return False

    def healthy(uri_options: str) -> bool | None:
        try:
            conn = sqlite3.connect(f"{path.resolve().as_uri()}{uri_options}", uri=True)
        except sqlite3.Error:
            return None
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            check_healthy_archive(conn, path)
            return True
        except (ArchiveDamagedError, NotAnArchiveError):
            return False
        except sqlite3.Error as error:
            return False if isinstance(unreadable(path, error), ArchiveDamagedError) else None
        finally:
            conn.close()

    with_wal = healthy("?mode=ro")
    if with_wal is not False:
        return bool(with_wal)
    if healthy("?mode=ro&immutable=1"):
        raise ArchiveDamagedError(
            _(
                "{wal} does not belong to {path}: read with it the archive is damaged, without it the archive is "
                "whole. Both were left untouched; move {wal2} out of the folder to open the archive as it was last "
                "saved."
            ).format(wal=wal, path=path, wal2=wal.name)
        )
    return False
