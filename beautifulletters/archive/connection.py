"""The archive's one SQLite connection: queries, and transactions that are all or nothing.

Every manager (people, letters, ...) reads and writes through an :class:`ArchiveDb`; only
`database.py` opens one. Reads go straight to ``conn``. Writes use sqlite-utils' ``database``,
built when first needed, so opening an archive to look at it never imports sqlite-utils
(about 50 ms and its plugin scan).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from beautifulletters.archive import search_words
from beautifulletters.errors import ArchiveError, ArchiveReadOnlyError
from beautifulletters.i18n import _

if TYPE_CHECKING:
    from sqlite_utils import Database

BUSY_TIMEOUT_MS = 5000

# A table's row as SQLite gives it, column name to value: it stays inside the archive, which
# makes each kind of row its record (beautifulletters/records.py) before handing it out.
Row = dict[str, Any]


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")


def connect(target: str, *, uri: bool = False) -> sqlite3.Connection:
    # isolation_level=None: no transaction is begun behind our back; ArchiveDb.transaction
    # begins each one itself, IMMEDIATE, so a writer waits its turn at the start.
    conn = sqlite3.connect(target, uri=uri, check_same_thread=False, isolation_level=None)
    # What sqlite-utils' Database sets on a connection, so the FTS triggers behave the same
    # whether or not it has been built yet.
    conn.execute("PRAGMA recursive_triggers = ON")
    return conn


class ArchiveDb:
    """An open connection to one archive file, and the transactions run on it."""

    def __init__(self, path: Path, conn: sqlite3.Connection, *, readonly: bool) -> None:
        self.path = path
        self.conn = conn
        self.readonly = readonly
        self._database: Database | None = None
        self._upkeep = False

    @property
    def database(self) -> Database:
        if self._database is None:
            from sqlite_utils import Database

            # recursive_triggers is already on (see connect); plugins may register SQL functions.
            self._database = Database(self.conn, recursive_triggers=False)
        return self._database

    def close(self) -> None:
        self.conn.close()

    def keep_search_current(self) -> None:
        """From now on every transaction brings the people search up to date before it commits."""
        search_words.install_upkeep(self.conn)
        self._upkeep = True

    def insert(self, table: str, row: Mapping[str, Any]) -> int:
        """Add a row (inside a transaction); its column names come from this package, never from input."""
        names = ", ".join(row)
        marks = ", ".join("?" * len(row))
        cursor = self.conn.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", list(row.values()))
        return int(cursor.lastrowid or 0)

    def update(self, table: str, row_id: int, row: Mapping[str, Any]) -> None:
        """Change a row by id (inside a transaction)."""
        assignments = ", ".join(f"{name} = ?" for name in row)
        self.conn.execute(f"UPDATE {table} SET {assignments} WHERE id = ?", [*row.values(), row_id])

    def query(self, sql: str, params: Any = ()) -> list[Row]:
        cursor = self.conn.execute(sql, params)
        columns = [c[0] for c in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]

    @contextmanager
    def transaction(self) -> Iterator[Database]:
        """One logical change: all of it is stored, or none of it.

        The outermost transaction starts with ``BEGIN IMMEDIATE``: it takes the write lock at
        once, waiting up to the busy timeout for another program's write to finish. (A deferred
        ``BEGIN`` takes it at the first write, and a reader turned writer cannot wait for it:
        SQLite answers "busy" at once.) Inner transactions are savepoints.
        """
        if self.readonly:
            raise ArchiveReadOnlyError(_("{path} is open read-only; changes cannot be saved.").format(path=self.path))
        try:
            if self.conn.in_transaction:
                with self.database.atomic() as db:  # a savepoint
                    yield db
                return
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.database
                if self._upkeep:
                    search_words.refresh_pending(self.conn)
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise
        except sqlite3.OperationalError as error:
            message = str(error)
            if "readonly" in message or "read-only" in message:
                raise ArchiveReadOnlyError(
                    _("{path} is read-only; the change was not saved.").format(path=self.path)
                ) from None
            if "locked" in message or "busy" in message:
                raise ArchiveError(
                    _("{path} stayed busy in another program for {value} seconds; the change was not saved.").format(
                        path=self.path, value=BUSY_TIMEOUT_MS // 1000
                    )
                ) from None
            if "disk" in message or "full" in message:
                raise ArchiveError(
                    _("Cannot write {path} ({reason}); the change was not saved.").format(
                        path=self.path, reason=message
                    )
                ) from None
            raise
        except sqlite3.IntegrityError as error:
            raise ArchiveError(
                _("The change would break the archive's consistency ({reason}); nothing was saved.").format(
                    reason=error
                )
            ) from None
