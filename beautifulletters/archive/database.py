"""The archive as a whole: opening a file, locking it for one window, transactions and its health.

What is stored is reached through the managers it carries (``archive.people``,
``archive.letters``, ... see managers.py). Every logical change runs in one transaction,
so a save is wholly present or wholly absent even when the process is killed halfway.
"""

from __future__ import annotations

import fcntl
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NotRequired, TypedDict

from beautifulletters import fileio
from beautifulletters.archive.connection import BUSY_TIMEOUT_MS, ArchiveDb, Row, connect, now_iso
from beautifulletters.archive.files import (
    applied_schema_steps,
    check_header,
    check_healthy_archive,
    check_wal_belongs,
    copy_database,
    is_open_here,
    register_open_file,
    schema_steps_pending,
    unreadable,
    unregister_open_file,
    writable,
)
from beautifulletters.archive.managers import ArchiveManagers
from beautifulletters.errors import (
    ArchiveDamagedError,
    ArchiveError,
    ArchiveExistsError,
    ArchiveMissingError,
    ArchiveReadOnlyError,
)
from beautifulletters.i18n import _

if TYPE_CHECKING:
    from sqlite_utils import Database


# A read-only archive's search indexes are checked on a copy in memory up to this size.
_LARGEST_COPY_CHECKED = 256 * 1024 * 1024


class CheckReport(TypedDict):
    """What `Archive.check` finds (`check --json` prints it)."""

    path: str
    ok: bool
    problems: list[str]
    counts: dict[str, int]
    schema: list[str]
    journal_mode: str
    not_checked: NotRequired[list[str]]


class FileCounts(TypedDict):
    """What `Archive.verify_file` says of a usable archive file: where, and how many people and letters."""

    path: str
    counts: dict[str, int]


class _ReadOnlyWal(Exception):
    """Reading needs to write the WAL index, which a read-only folder forbids."""


class Archive(ArchiveManagers):
    """An open archive file. Use :meth:`open`; close it (or use ``with``) when done."""

    def __init__(self, path: Path, conn: sqlite3.Connection, *, readonly: bool, created: bool) -> None:
        super().__init__(ArchiveDb(path, conn, readonly=readonly))
        self.path = path
        self.readonly = readonly
        self.created = created
        self._lock_file: Any = None
        register_open_file(path)
        self._registered = True

    # ------------------------------------------------------------------ opening
    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str],
        *,
        readonly: bool = False,
        with_sample: bool = True,
        full_check: bool = True,
        create: bool = True,
    ) -> Archive:
        """Open the archive at `path`; with `create` (and not `readonly`), make it first when there is none.

        A foreign or damaged file raises a clear error and is never written to; so does an
        empty (0-byte) file, which is said as such rather than set up as a new archive.
        ``full_check=False`` skips SQLite's quick check, which reads the whole file (seconds
        on a large archive): the caller then runs :meth:`check_file` itself, e.g. the window
        on a worker thread once it is shown. The header and application id are still checked.
        Without `create`, a missing archive raises ArchiveMissingError and nothing is made,
        no folder either.
        """
        path = Path(path)
        existed = cls._exists(path)
        created = False
        if not existed:
            if readonly:
                raise ArchiveError(_("{path} does not exist.").format(path=path))
            if not create:
                raise ArchiveMissingError(_("There is no archive at {path}.").format(path=path))
            created = cls._create_file(path, with_sample=with_sample, make_folders=True)
        check_header(path)
        verified = check_wal_belongs(path)
        if not readonly and not writable(path):
            readonly = True
        # A WAL archive in a folder we cannot write has no -shm file to share; the second
        # attempt reads it as immutable, which is safe because nobody here can change it.
        attempts = ["?mode=ro", "?mode=ro&immutable=1"] if readonly else [None]
        for attempt, uri_options in enumerate(attempts):
            try:
                if uri_options:
                    conn = connect(f"{path.resolve().as_uri()}{uri_options}", uri=True)
                else:
                    conn = connect(str(path))
            except sqlite3.DatabaseError as error:
                raise unreadable(path, error) from None
            except sqlite3.Error as error:
                raise ArchiveError(_("Cannot open {path}: {reason}.").format(path=path, reason=error)) from None
            archive = cls(path, conn, readonly=readonly, created=created)
            try:
                # A file made just now is whole and checked; only what another program made is read again.
                archive._prepare(True, with_sample=with_sample, full_check=full_check and not verified and not created)
            except _ReadOnlyWal:
                conn.close()
                if attempt + 1 < len(attempts):
                    continue
                raise ArchiveReadOnlyError(
                    _("{path} cannot be read in a read-only folder.").format(path=path)
                ) from None
            except BaseException:
                conn.close()
                raise
            return archive
        raise AssertionError("unreachable")

    @classmethod
    def create(cls, path: str | os.PathLike[str], *, with_sample: bool = True, make_folders: bool = True) -> Archive:
        """Make a new archive at `path` and open it: the schema, the user's own record and (`with_sample`) the sample.

        ArchiveExistsError when a file is already there (nothing is changed), ArchiveMissingError
        when its folder is missing and `make_folders` is off.
        """
        path = Path(path)
        if cls._exists(path) or not cls._create_file(path, with_sample=with_sample, make_folders=make_folders):
            raise ArchiveExistsError(
                _(
                    "{path} already exists; nothing was changed (a new archive is made only where there is none)."
                ).format(path=path)
            )
        archive = cls.open(path, create=False)
        archive.created = True
        return archive

    @staticmethod
    def _exists(path: Path) -> bool:
        """Whether an archive file is at `path`; a folder or an empty file there is refused in a sentence."""
        try:
            if path.is_dir():
                raise ArchiveError(_("{path} is a folder, not an archive file.").format(path=path))
            if not path.exists():
                return False
            size = path.stat().st_size
        except PermissionError:
            raise ArchiveError(
                _("{path} cannot be reached (permission denied on the file or a folder above it).").format(path=path)
            ) from None
        if size == 0:
            raise ArchiveError(
                _(
                    "{path} is an empty file (0 bytes), not an archive; it was left as it is (to start a new archive "
                    "there, remove it and run `beautifulletters init`)."
                ).format(path=path)
            )
        return True

    @classmethod
    def _create_file(cls, path: Path, *, with_sample: bool, make_folders: bool) -> bool:
        """Build a whole new archive beside `path` and link it into place; False when another program was first.

        Built under a temporary name, so `path` never holds a half-made or empty archive, and
        several programs creating the same archive at once each build one and the first link
        wins (the others open it).
        """
        if make_folders:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise ArchiveError(
                    _("Cannot create the folder for {path}: {reason}.").format(path=path, reason=error.strerror)
                ) from None
        elif not path.parent.is_dir():
            raise ArchiveMissingError(
                _("There is no archive at {path}, and no folder {parent} to make one in.").format(
                    path=path, parent=path.parent
                )
            )
        if not writable(path.parent):
            raise ArchiveReadOnlyError(_("Cannot create {path}: its folder is not writable.").format(path=path))
        temp = fileio.temp_name_for(path)
        try:
            try:
                conn = connect(str(temp))
            except sqlite3.Error as error:
                raise ArchiveError(_("Cannot create {path}: {reason}.").format(path=path, reason=error)) from None
            archive = cls(temp, conn, readonly=False, created=True)
            try:
                archive._prepare(False, with_sample=with_sample)
                # One self-contained file: no -wal named after the temporary name is left behind.
                conn.execute("PRAGMA journal_mode = DELETE")
            except sqlite3.Error as error:
                raise ArchiveError(_("Cannot create {path}: {reason}.").format(path=path, reason=error)) from None
            finally:
                archive.close()
            try:
                os.link(temp, path)  # fails if anything is at `path` by now: never replaces it
            except FileExistsError:
                return False
            except OSError as error:
                raise ArchiveError(
                    _("Cannot create {path}: {reason}.").format(path=path, reason=error.strerror)
                ) from None
            fileio.fsync_folder(path.parent)
            return True
        finally:
            for leftover in (temp, temp.with_name(temp.name + "-journal")):
                leftover.unlink(missing_ok=True)

    @classmethod
    def open_reader(cls, path: str | os.PathLike[str]) -> Archive:
        """A second, read-only connection to an archive already opened and checked elsewhere.

        For worker threads (searches, exports): SQLite connections must not be shared between
        threads, and repeating the open-time checks for every search would be wasted work.
        """
        path = Path(path)
        try:
            conn = connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        except sqlite3.Error as error:
            raise ArchiveError(_("Cannot read {path}: {reason}.").format(path=path, reason=error)) from None
        return cls(path, conn, readonly=True, created=False)

    @staticmethod
    def is_open_here(path: str | os.PathLike[str]) -> bool:
        """Whether any connection of this process (the window's, a worker's) still has the file open."""
        return is_open_here(Path(path))

    @staticmethod
    def let_go_of_wal(path: str | os.PathLike[str]) -> None:
        """Fold a closed archive's leftover -wal into it and remove the -wal and -shm.

        The last connection to close a WAL file removes them, unless it was read-only (a
        worker's reader closing after the window's connection): then they stay beside the
        file. A moment's writable connection does what that close could not; a file SQLite
        cannot open (damaged) keeps them. Only for a file nobody here has open.
        """
        path = Path(path)
        if not path.with_name(path.name + "-wal").exists() or Archive.is_open_here(path):
            return
        try:
            # A writable connection applies any valid -wal beside the file: one that is not this
            # archive's own would be merged into it. Such a file is left for open() to report.
            check_wal_belongs(path)
        except ArchiveError:
            return
        try:
            conn = sqlite3.connect(str(path))
            try:
                conn.execute("PRAGMA schema_version").fetchone()
            finally:
                conn.close()
        except sqlite3.Error:
            pass

    @staticmethod
    def check_file(path: str | os.PathLike[str]) -> None:
        """The check ``open(full_check=False)`` leaves out: SQLite's quick check and the application id.

        Reads the whole file on a connection of its own (read-only), so it may run on a worker
        thread while the archive is open elsewhere. Raises ArchiveDamagedError or
        NotAnArchiveError; other failures to read raise ArchiveError.
        """
        path = Path(path)
        check_header(path)
        for uri_options in ("?mode=ro", "?mode=ro&immutable=1"):
            conn = None
            try:
                conn = connect(f"{path.resolve().as_uri()}{uri_options}", uri=True)
                conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
                check_healthy_archive(conn, path)
                return
            except sqlite3.OperationalError as error:
                if "readonly" in str(error) and "immutable" not in uri_options:
                    continue  # a WAL archive in a read-only folder: read it as immutable
                raise ArchiveError(_("Cannot check {path}: {reason}.").format(path=path, reason=error)) from None
            except sqlite3.DatabaseError as error:
                raise unreadable(path, error) from None
            finally:
                if conn is not None:
                    conn.close()

    def _prepare(self, existed: bool, *, with_sample: bool, full_check: bool = True) -> None:
        conn = self.db.conn
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA foreign_keys = ON")
            if existed:
                check_healthy_archive(conn, self.path, quick_check=full_check)
        except sqlite3.DatabaseError as error:
            if self.readonly and isinstance(error, sqlite3.OperationalError) and "readonly" in str(error):
                raise _ReadOnlyWal() from None
            raise unreadable(self.path, error) from None
        if self.readonly:
            try:
                pending = schema_steps_pending(conn)
            except sqlite3.DatabaseError as error:
                raise unreadable(self.path, error) from None
            if pending:
                raise ArchiveReadOnlyError(
                    _("{path} is read-only and needs upgrading to this version; make it writable first.").format(
                        path=self.path
                    )
                )
            return
        try:
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode = wal")
            if schema_steps_pending(conn) or self.settings.get("seeded") is None:
                self._set_up(with_sample=with_sample)
            self.db.keep_search_current()
        except sqlite3.OperationalError as error:
            if "readonly" in str(error) or "read-only" in str(error):
                raise ArchiveReadOnlyError(
                    _("{path} is read-only; it cannot be set up.").format(path=self.path)
                ) from None
            raise ArchiveError(_("Cannot prepare {path}: {reason}.").format(path=self.path, reason=error)) from None
        except sqlite3.DatabaseError as error:
            # Reached a damaged page the quick check (skipped with full_check=False) would have found.
            raise unreadable(self.path, error) from None

    def _set_up(self, *, with_sample: bool) -> None:
        """Apply the missing schema steps and seed a new archive, in one write transaction.

        Programs creating or upgrading one archive at once take turns: the first does it all,
        the others then find nothing left to do (each step used to race: "table settings
        already exists"). Foreign keys are off meanwhile, as SQLite asks when a step rebuilds
        a table (see m007); the setting cannot change inside a transaction.
        """
        from beautifulletters.archive.sample import seed_new_archive
        from beautifulletters.archive.schema import migrations

        conn = self.db.conn
        conn.execute("PRAGMA foreign_keys = OFF")
        try:
            with self.db.transaction():
                if schema_steps_pending(conn):
                    migrations.apply(self.db.database)
                self.db.keep_search_current()
                if self.settings.get("seeded") is None:
                    # A new archive is seeded completely or not at all.
                    seed_new_archive(self, with_sample=with_sample)
                    self.settings.set("seeded", now_iso())
        finally:
            conn.execute("PRAGMA foreign_keys = ON")

    def close(self) -> None:
        self.release_instance_lock()
        self.db.close()
        if self._registered:
            self._registered = False
            unregister_open_file(self.path)

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------ instance lock
    def acquire_instance_lock(self) -> bool:
        """Claim this archive for one window; False when another running window has it.

        SQLite already serialises writes safely; the lock keeps two windows from autosaving
        over each other's edits, so a second window opens the archive read-only instead.
        """
        if self._lock_file is not None:
            return True
        lock_path = self.path.with_name(self.path.name + ".lock")
        try:
            handle = open(lock_path, "a+")  # noqa: SIM115 - held for the archive's lifetime
        except OSError:
            return False
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            return False
        self._lock_file = handle
        return True

    def release_instance_lock(self) -> None:
        if self._lock_file is not None:
            fcntl.flock(self._lock_file.fileno(), fcntl.LOCK_UN)
            self._lock_file.close()
            self._lock_file = None

    # ------------------------------------------------------------- transactions
    @contextmanager
    def transaction(self) -> Iterator[Database]:
        """One logical change: all of it is stored, or none of it."""
        with self.db.transaction() as db:
            yield db

    def _query(self, sql: str, params: Any = ()) -> list[Row]:
        return self.db.query(sql, params)

    # --------------------------------------------------------------------- check
    def check(self) -> CheckReport:
        """An integrity report: SQLite's own checks, foreign keys, the search index, counts."""
        conn = self.db.conn
        problems: list[str] = []
        integrity = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        if integrity != ["ok"]:
            problems += [f"integrity: {line}" for line in integrity]
        for table, rowid, parent, _key in conn.execute("PRAGMA foreign_key_check"):
            problems.append(f"{table} row {rowid} points to a missing {parent} row")
        problems += self._search_index_problems()
        unchecked = self.readonly and self.path.stat().st_size > _LARGEST_COPY_CHECKED
        orphans = conn.execute(
            "SELECT count(*) FROM revisions WHERE letter_id NOT IN (SELECT id FROM letters)"
        ).fetchone()[0]
        if orphans:
            problems.append(f"{orphans} revisions belong to no letter")
        counts = {
            table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("people", "relationships", "notes", "important_dates", "letters", "revisions")
        }
        report = CheckReport(
            path=str(self.path),
            ok=not problems,
            problems=problems,
            counts=counts,
            schema=applied_schema_steps(conn),
            journal_mode=conn.execute("PRAGMA journal_mode").fetchone()[0],
        )
        if unchecked:
            report["not_checked"] = ["search indexes (the archive is read-only and too large to check on a copy)"]
        return report

    def _search_index_problems(self) -> list[str]:
        """FTS5's own integrity check of each search index.

        FTS5 runs it as a write ("INSERT INTO t(t) VALUES('integrity-check')"), which a read-only
        connection refuses: four false problems on a healthy read-only archive. There the check
        runs on a copy in memory (the archive is read once, through SQLite's backup API).
        """
        conn = self.db.conn
        copy = None
        if self.readonly:
            if self.path.stat().st_size > _LARGEST_COPY_CHECKED:
                return []  # said by check() as not checked, rather than as problems
            copy = sqlite3.connect(":memory:")
            conn.backup(copy)
            conn = copy
        problems = []
        try:
            for fts in ("people_fts", "notes_fts", "letters_fts", "person_words_fts"):
                try:
                    conn.execute(f"INSERT INTO {fts}({fts}) VALUES('integrity-check')")
                except sqlite3.DatabaseError as error:
                    problems.append(f"search index {fts}: {error}")
        finally:
            if copy is not None:
                copy.close()
        return problems

    # ------------------------------------------------------------------- backups
    def backup_to(self, destination: str | os.PathLike[str]) -> None:
        """Write a complete copy to `destination` with SQLite's backup API, then check it.

        The backup API reads through SQLite, so writes still sitting in the WAL are included;
        a plain file copy of a WAL archive can miss them. The copy is left in rollback-journal
        mode so it is one self-contained file.
        """
        copy_database(self.db.conn, Path(destination))

    @staticmethod
    def copy_file(source: str | os.PathLike[str], destination: str | os.PathLike[str]) -> None:
        """Copy an archive file (with its WAL, if any) to `destination` through the backup API.

        The source is verified first (healthy, and ours); the copy gets its own quick check.
        """
        source = Path(source)
        Archive.verify_file(source)
        try:
            conn = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
        except sqlite3.Error as error:
            raise ArchiveError(_("Cannot open {source}: {reason}.").format(source=source, reason=error)) from None
        try:
            copy_database(conn, Path(destination))
        except sqlite3.DatabaseError as error:
            raise ArchiveDamagedError(
                _("{source} cannot be read as an archive ({reason}).").format(source=source, reason=error)
            ) from None
        finally:
            conn.close()

    @staticmethod
    def verify_file(path: str | os.PathLike[str]) -> FileCounts:
        """Check an archive file without changing it; returns its counts, raises when it is unusable."""
        path = Path(path)
        check_header(path)
        try:
            conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        except sqlite3.Error as error:
            raise ArchiveError(_("Cannot open {path}: {reason}.").format(path=path, reason=error)) from None
        try:
            check_healthy_archive(conn, path)
            counts = {
                table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in ("people", "letters")
            }
        except sqlite3.DatabaseError as error:
            raise ArchiveDamagedError(
                _("{path} cannot be read as an archive ({reason}).").format(path=path, reason=error)
            ) from None
        finally:
            conn.close()
        return FileCounts(path=str(path), counts=counts)
