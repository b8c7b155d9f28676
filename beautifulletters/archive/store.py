"""The one module that talks to sqlite-utils: every read and write of the archive goes here.

Every logical change runs in one transaction (``db.atomic()``), so a save is wholly present
or wholly absent even when the process is killed halfway.
"""

from __future__ import annotations

import base64
import datetime as dt
import fcntl
import json
import os
import re
import sqlite3
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from beautifulletters import addresses, validation
from beautifulletters.archive import note_reading, search_words
from beautifulletters.archive.identity import APPLICATION_ID, MIGRATION_SET, MIGRATIONS_TABLE, SCHEMA_STEPS
from beautifulletters.errors import (
    ArchiveDamagedError,
    ArchiveError,
    ArchiveReadOnlyError,
    NotAnArchiveError,
    NotFoundError,
    ValidationError,
)

if TYPE_CHECKING:
    from sqlite_utils import Database

SQLITE_HEADER = b"SQLite format 3\x00"
LETTER_STATUSES = ("draft", "final", "sent")
DATE_KINDS = ("birthday", "anniversary", "custom")
BUSY_TIMEOUT_MS = 5000

# Person fields as stored (and as printed in JSON); list fields hold JSON arrays.
PERSON_FIELDS = (
    "display_name",
    "full_name",
    "nickname",
    "pronouns",
    "birthday",
    "addresses",
    "postal_addresses",
    "emails",
    "phones",
    "language",
    "tags",
    "photo",
    "notes",
    "pronunciation",
    "died_on",
)
_PERSON_LIST_FIELDS = ("addresses", "emails", "phones")
_LIST_FIELD_LABELS = {"addresses": "address", "emails": "email", "phones": "phone"}
_RELATIONSHIP_FIELDS = (
    "kind",
    "since",
    "how_we_met",
    "pet_names",
    "tone",
    "ended_on",
    "end_kind",
    "signs_as",
    "calls_them",
)


class _ReadOnlyWal(Exception):
    """Reading needs to write the WAL index, which a read-only folder forbids."""


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")


def _fts_query(search: str, terms_starting: Callable[[str], list[str] | None] | None = None) -> str:
    """Turn what someone typed into an FTS5 prefix query, every word quoted so it is only data.

    With `terms_starting` (see `search_words.terms_starting`), a word longer than the longest
    prefix index becomes the indexed words it can stand for, which FTS5 finds much faster.
    """
    parts = []
    for word in re.findall(r"\w+", search, flags=re.UNICODE):
        part = '"' + word.replace('"', '""') + '"*'
        if terms_starting is not None and len(word) > search_words.LONGEST_PREFIX_INDEX:
            terms = terms_starting(word.lower())
            if terms is not None:
                # No indexed word starts so: the word itself, which matches no one.
                part = "(" + " OR ".join(f'"{term}"' for term in terms or [word.lower()]) + ")"
        parts.append(part)
    return " AND ".join(parts)  # FTS5 takes a bracketed group next to a phrase only with an explicit AND


class _Connection:
    """The archive's SQLite connection; sqlite-utils' Database over it is built when first needed.

    Reads go straight to ``conn``. Writes and schema steps use ``database``, so opening an
    archive to look at it never imports sqlite-utils (about 50 ms and its plugin scan).
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._database: Database | None = None

    @property
    def database(self) -> Database:
        if self._database is None:
            from sqlite_utils import Database

            # recursive_triggers is already on (see _connect); plugins may register SQL functions.
            self._database = Database(self.conn, recursive_triggers=False)
        return self._database

    def close(self) -> None:
        self.conn.close()


def _connect(target: str, *, uri: bool = False) -> sqlite3.Connection:
    conn = sqlite3.connect(target, uri=uri, check_same_thread=False)
    # What sqlite-utils' Database sets on a connection, so the FTS triggers behave the same
    # whether or not it has been built yet.
    conn.execute("PRAGMA recursive_triggers = ON")
    return conn


class Archive:
    """An open archive file. Use :meth:`open`; close it (or use ``with``) when done."""

    def __init__(self, path: Path, conn: sqlite3.Connection, *, readonly: bool, created: bool) -> None:
        self.path = path
        self.db = _Connection(conn)
        self.readonly = readonly
        self.created = created
        self._lock_file: Any = None
        _register_open_file(path)
        self._registered = True

    # ------------------------------------------------------------------ opening
    @classmethod
    def open(
        cls, path: str | os.PathLike[str], *, readonly: bool = False, with_sample: bool = True, full_check: bool = True
    ) -> Archive:
        """Open (or create) the archive at `path`.

        A foreign or damaged file raises a clear error and is never written to.
        ``full_check=False`` skips SQLite's quick check, which reads the whole file (seconds
        on a large archive): the caller then runs :meth:`check_file` itself, e.g. the window
        on a worker thread once it is shown. The header and application id are still checked.
        """
        path = Path(path)
        try:
            if path.is_dir():
                raise ArchiveError(f"{path} is a folder, not an archive file.")
            existed = path.exists() and path.stat().st_size > 0
        except PermissionError:
            raise ArchiveError(
                f"{path} cannot be reached (permission denied on the file or a folder above it)."
            ) from None
        if existed:
            _check_header(path)
        elif readonly:
            raise ArchiveError(f"{path} does not exist.")
        else:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise ArchiveError(f"Cannot create the folder for {path}: {error.strerror}.") from None
        if not readonly and existed and not _writable(path):
            readonly = True
        if not existed and not _writable(path.parent):
            raise ArchiveReadOnlyError(f"Cannot create {path}: its folder is not writable.")
        # A WAL archive in a folder we cannot write has no -shm file to share; the second
        # attempt reads it as immutable, which is safe because nobody here can change it.
        attempts = ["?mode=ro", "?mode=ro&immutable=1"] if readonly else [None]
        for attempt, uri_options in enumerate(attempts):
            try:
                if uri_options:
                    conn = _connect(f"{path.resolve().as_uri()}{uri_options}", uri=True)
                else:
                    conn = _connect(str(path))
            except sqlite3.DatabaseError as error:
                if isinstance(error, sqlite3.OperationalError):
                    raise ArchiveError(f"Cannot open {path}: {error}.") from None
                raise ArchiveDamagedError(
                    f"{path} cannot be read as an archive ({error}); it was left untouched."
                ) from None
            except sqlite3.Error as error:
                raise ArchiveError(f"Cannot open {path}: {error}.") from None
            archive = cls(path, conn, readonly=readonly, created=not existed)
            try:
                archive._prepare(existed, with_sample=with_sample, full_check=full_check)
            except _ReadOnlyWal:
                conn.close()
                if attempt + 1 < len(attempts):
                    continue
                raise ArchiveReadOnlyError(f"{path} cannot be read in a read-only folder.") from None
            except BaseException:
                conn.close()
                raise
            return archive
        raise AssertionError("unreachable")

    @classmethod
    def open_reader(cls, path: str | os.PathLike[str]) -> Archive:
        """A second, read-only connection to an archive already opened and checked elsewhere.

        For worker threads (searches, exports): SQLite connections must not be shared between
        threads, and repeating the open-time checks for every search would be wasted work.
        """
        path = Path(path)
        try:
            conn = _connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        except sqlite3.Error as error:
            raise ArchiveError(f"Cannot read {path}: {error}.") from None
        return cls(path, conn, readonly=True, created=False)

    @staticmethod
    def is_open_here(path: str | os.PathLike[str]) -> bool:
        """Whether any connection of this process (the window's, a worker's) still has the file open."""
        with _open_files_lock:
            return _file_key(Path(path)) in _open_files

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
        _check_header(path)
        for uri_options in ("?mode=ro", "?mode=ro&immutable=1"):
            conn = None
            try:
                conn = _connect(f"{path.resolve().as_uri()}{uri_options}", uri=True)
                conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
                _check_healthy_archive(conn, path)
                return
            except sqlite3.OperationalError as error:
                if "readonly" in str(error) and "immutable" not in uri_options:
                    continue  # a WAL archive in a read-only folder: read it as immutable
                raise ArchiveError(f"Cannot check {path}: {error}.") from None
            except sqlite3.DatabaseError as error:
                raise ArchiveDamagedError(
                    f"{path} cannot be read as an archive ({error}); it was left untouched."
                ) from None
            finally:
                if conn is not None:
                    conn.close()

    def _prepare(self, existed: bool, *, with_sample: bool, full_check: bool = True) -> None:
        conn = self.db.conn
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA foreign_keys = ON")
            if existed:
                _check_healthy_archive(conn, self.path, quick_check=full_check)
        except sqlite3.DatabaseError as error:
            if self.readonly and isinstance(error, sqlite3.OperationalError) and "readonly" in str(error):
                raise _ReadOnlyWal() from None
            raise ArchiveDamagedError(
                f"{self.path} cannot be read as an archive ({error}); it was left untouched."
            ) from None
        if self.readonly:
            try:
                pending = _schema_steps_pending(conn)
            except sqlite3.DatabaseError as error:
                raise ArchiveDamagedError(
                    f"{self.path} cannot be read as an archive ({error}); it was left untouched."
                ) from None
            if pending:
                raise ArchiveReadOnlyError(
                    f"{self.path} is read-only and needs upgrading to this version; make it writable first."
                )
            return
        try:
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode = wal")
            if _schema_steps_pending(conn):
                from beautifulletters.archive.schema import migrations

                migrations.apply(self.db.database)
            if self.get_setting("seeded") is None:
                from beautifulletters.archive.sample import seed_new_archive

                # One transaction: a new archive is seeded completely or not at all.
                with self.db.database.atomic():
                    seed_new_archive(self, with_sample=with_sample)
                    self.set_setting("seeded", now_iso())
        except sqlite3.OperationalError as error:
            if "readonly" in str(error) or "read-only" in str(error):
                raise ArchiveReadOnlyError(f"{self.path} is read-only; it cannot be set up.") from None
            raise ArchiveError(f"Cannot prepare {self.path}: {error}.") from None
        except sqlite3.DatabaseError as error:
            # Reached a damaged page the quick check (skipped with full_check=False) would have found.
            raise ArchiveDamagedError(
                f"{self.path} cannot be read as an archive ({error}); it was left untouched."
            ) from None

    def close(self) -> None:
        self.release_instance_lock()
        self.db.close()
        if self._registered:
            self._registered = False
            _unregister_open_file(self.path)

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
        if self.readonly:
            raise ArchiveReadOnlyError(f"{self.path} is open read-only; changes cannot be saved.")
        try:
            with self.db.database.atomic() as db:
                yield db
        except sqlite3.OperationalError as error:
            message = str(error)
            if "readonly" in message or "read-only" in message:
                raise ArchiveReadOnlyError(f"{self.path} is read-only; the change was not saved.") from None
            if "locked" in message or "busy" in message:
                raise ArchiveError(f"{self.path} is busy in another program; the change was not saved.") from None
            if "disk" in message or "full" in message:
                raise ArchiveError(f"Cannot write {self.path} ({message}); the change was not saved.") from None
            raise
        except sqlite3.IntegrityError as error:
            raise ArchiveError(
                f"The change would break the archive's consistency ({error}); nothing was saved."
            ) from None

    def _query(self, sql: str, params: Any = ()) -> list[dict[str, Any]]:
        cursor = self.db.conn.execute(sql, params)
        columns = [c[0] for c in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]

    # ----------------------------------------------------------------- settings
    def get_setting(self, key: str, default: str | None = None) -> str | None:
        row = self.db.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_setting(self, key: str, value: str | None) -> None:
        with self.transaction() as db:
            if value is None:
                db.execute("DELETE FROM settings WHERE key = ?", (key,))
            else:
                db["settings"].upsert({"key": key, "value": value}, pk="key")

    def default_signer_id(self) -> int | None:
        value = self.get_setting("default_signer_id")
        return int(value) if value else None

    def set_default_signer(self, person_id: int) -> None:
        self.get_person(person_id)
        self.set_setting("default_signer_id", str(person_id))

    # ------------------------------------------------------------------- people
    def _clean_person(self, fields: Mapping[str, Any], *, creating: bool) -> tuple[dict[str, Any], list[str] | None]:
        unknown = set(fields) - set(PERSON_FIELDS) - {"is_sample", "is_self"}
        if unknown:
            raise ValidationError(sorted(unknown)[0], "is not a field of a person.")
        row: dict[str, Any] = {}
        if creating or "display_name" in fields:
            row["display_name"] = validation.text(fields.get("display_name"), "name", required=True)
        for name in ("full_name", "nickname", "language", "pronunciation"):
            if name in fields:
                row[name] = validation.text(fields[name], name)
        if "notes" in fields:
            row["notes"] = validation.text(fields["notes"], "notes")
        if "pronouns" in fields:
            row["pronouns"] = validation.pronouns(fields["pronouns"])
        if "birthday" in fields:
            row["birthday"] = validation.date(fields["birthday"], "birthday", allow_yearless=True)
        if "died_on" in fields:
            row["died_on"] = validation.date(fields["died_on"], "died on", allow_partial=True)
        for name in _PERSON_LIST_FIELDS:
            if name in fields:
                values = fields[name]
                if isinstance(values, str):
                    values = [values]
                row[name] = json.dumps(validation.text_list(values, _LIST_FIELD_LABELS[name]), ensure_ascii=False)
        if "postal_addresses" in fields:
            # In parts; the text shown (and searched) follows unless it was given as well.
            parts = [addresses.clean_address(item) for item in fields["postal_addresses"] or []]
            parts = [part for part in parts if not part.is_empty]
            row["postal_addresses"] = json.dumps([part.as_json() for part in parts], ensure_ascii=False)
            if "addresses" not in fields:
                row["addresses"] = json.dumps([addresses.address_text(part) for part in parts], ensure_ascii=False)
        elif "addresses" in row:
            # Written as text (typed, imported): read into parts as well as can be.
            parts = [addresses.parse_address(text) for text in json.loads(row["addresses"])]
            row["postal_addresses"] = json.dumps([part.as_json() for part in parts], ensure_ascii=False)
        if "photo" in fields:
            photo = fields["photo"]
            if photo is not None and not isinstance(photo, bytes | bytearray):
                raise ValidationError("photo", "must be image bytes.")
            row["photo"] = bytes(photo) if photo else None
        for flag in ("is_sample", "is_self"):
            if flag in fields:
                row[flag] = 1 if fields[flag] else 0
        tags = None
        if "tags" in fields:
            tags = [validation.tag(t, "tag") for t in (fields["tags"] or [])]
            tags = list(dict.fromkeys(tags))
        return row, tags

    def add_person(self, **fields: Any) -> int:
        row, tags = self._clean_person(fields, creating=True)
        stamp = now_iso()
        row.update(created_at=stamp, updated_at=stamp)
        with self.transaction() as db:
            person_id = db["people"].insert(row).last_pk
            for tag in tags or []:
                db["person_tags"].insert({"person_id": person_id, "tag": tag})
            search_words.refresh(db.conn, [person_id])
        return int(person_id)

    def update_person(self, person_id: int, **fields: Any) -> None:
        self.get_person(person_id)
        row, tags = self._clean_person(fields, creating=False)
        row["updated_at"] = now_iso()
        with self.transaction() as db:
            db["people"].update(person_id, row)
            if tags is not None:
                db.execute("DELETE FROM person_tags WHERE person_id = ?", (person_id,))
                for tag in tags:
                    db["person_tags"].insert({"person_id": person_id, "tag": tag})
            search_words.refresh(db.conn, [person_id])

    def name_texts(self) -> Iterator[str]:
        """Every name, nickname, pet name and address in the archive (the spell checker's known words).

        One at a time: 100,000 people's names held in a list at once cost about 20 MB.
        """
        for row in self.db.conn.execute("SELECT display_name, full_name, nickname, addresses FROM people"):
            yield from (value for value in row[:3] if value)
            yield from json.loads(row[3] or "[]")
        for (pet_names,) in self.db.conn.execute("SELECT pet_names FROM relationships"):
            yield from json.loads(pet_names or "[]")

    def names_stamp(self) -> tuple[object, ...]:
        """Changes whenever name_texts() could: people or relationships added, removed or edited.

        The lengths of the names count too: two edits within the same millisecond share a stamp.
        """
        people = self.db.conn.execute(
            "SELECT count(*), max(id), max(updated_at), total(length(display_name) + length(coalesce(full_name, ''))"
            " + length(coalesce(nickname, '')) + length(coalesce(addresses, ''))) FROM people"
        ).fetchone()
        relationships = self.db.conn.execute(
            "SELECT count(*), max(id), max(updated_at), total(length(coalesce(pet_names, ''))) FROM relationships"
        ).fetchone()
        return (*people, *relationships)

    def letter_count(self, person_id: int) -> int:
        return self.db.conn.execute(
            "SELECT count(*) FROM letters WHERE recipient_id = ? OR signer_id = ?", (person_id, person_id)
        ).fetchone()[0]

    def remove_person(self, person_id: int, *, with_letters: bool = False) -> None:
        """Remove a person with their notes, dates and relationships.

        Letters are years of someone's words: removing a person who has any needs `with_letters`.
        """
        person = self.get_person(person_id)
        letters = self.letter_count(person_id)
        if letters and not with_letters:
            raise ValidationError(
                "person",
                f"{person['display_name']} has {letters} letter{'s' if letters != 1 else ''}; "
                "remove them too on purpose (--with-letters) or keep the person.",
            )
        if self.default_signer_id() == person_id:
            raise ValidationError("person", f"{person['display_name']} is the default signer; choose another first.")
        with self.transaction() as db:
            _delete_people(db, [person_id])

    def get_person(self, person_id: int) -> dict[str, Any]:
        rows = self._query("SELECT * FROM people WHERE id = ?", (person_id,))
        if not rows:
            raise NotFoundError("person", person_id)
        return self._person_record(rows[0])

    def _person_record(self, row: dict[str, Any]) -> dict[str, Any]:
        record = dict(row)
        for name in _PERSON_LIST_FIELDS:
            record[name] = json.loads(record[name] or "[]")
        record["postal_addresses"] = json.loads(record.get("postal_addresses") or "[]")
        record["tags"] = [
            r[0]
            for r in self.db.conn.execute("SELECT tag FROM person_tags WHERE person_id = ? ORDER BY tag", (row["id"],))
        ]
        record["is_self"] = bool(record["is_self"])
        record["is_sample"] = bool(record["is_sample"])
        return record

    @staticmethod
    def person_json(record: Mapping[str, Any]) -> dict[str, Any]:
        """A person's record made JSON-safe (the photo as base64)."""
        result = dict(record)
        if result.get("photo") is not None:
            result["photo"] = base64.b64encode(result["photo"]).decode("ascii")
        return result

    def _people_filter(self, search: str | None, tag: str | None) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if search and (query := _fts_query(search, lambda prefix: search_words.terms_starting(self.db.conn, prefix))):
            # Names, nicknames, pet names, notes and letter text: one document per person.
            clauses.append(f"people.id IN ({search_words.MATCHING_PEOPLE})")
            params.append(query)
        elif search:
            clauses.append("0")  # only punctuation typed: nothing can match
        if tag:
            clauses.append("people.id IN (SELECT person_id FROM person_tags WHERE tag = ?)")
            params.append(tag.strip().lower())
        where = " WHERE " + " AND ".join(clauses) if clauses else ""
        return where, params

    def person_ids(
        self,
        *,
        search: str | None = None,
        tag: str | None = None,
        sort: str = "name",
        limit: int | None = None,
        offset: int = 0,
    ) -> list[int]:
        """Ids of matching people in display order: cheap enough for 100,000 people."""
        where, params = self._people_filter(search, tag)
        order = {
            "name": "display_name COLLATE NOCASE, id",
            "last_letter": "last_letter_at IS NULL, last_letter_at DESC, id",
        }.get(sort)
        if order is None:
            raise ValidationError("sort", f"{sort!r} is not a sort order; use name or last_letter.")
        # Walk the names in order and keep those the search matched: the first page is found
        # after a few hundred names even when most of 100,000 people match (a short prefix),
        # where the planner's own choice looked up and sorted every match (20-30 ms).
        source = "people INDEXED BY idx_people_name" if sort == "name" and where else "people"
        sql = f"SELECT id FROM {source}{where} ORDER BY {order}"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params = [*params, limit, offset]
        return [row[0] for row in self.db.conn.execute(sql, params)]

    def count_people(self, *, search: str | None = None, tag: str | None = None) -> int:
        where, params = self._people_filter(search, tag)
        return self.db.conn.execute(f"SELECT count(*) FROM people{where}", params).fetchone()[0]

    def people_rows(self, ids: list[int]) -> dict[int, dict[str, Any]]:
        """Light rows (no photo) for a page of people, for list views."""
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = self._query(
            f"SELECT id, display_name, nickname, birthday, last_letter_at, is_self, is_sample "
            f"FROM people WHERE id IN ({marks})",
            ids,
        )
        return {row["id"]: row for row in rows}

    def list_people(
        self, *, search: str | None = None, tag: str | None = None, sort: str = "name"
    ) -> list[dict[str, Any]]:
        ids = self.person_ids(search=search, tag=tag, sort=sort)
        return [self.get_person(i) for i in ids]

    def all_tags(self) -> list[str]:
        return [r[0] for r in self.db.conn.execute("SELECT DISTINCT tag FROM person_tags ORDER BY tag")]

    def match_keys(self) -> list[dict[str, Any]]:
        """Names, birthdays, emails and phones of everyone, in one query: what an import matches on."""
        rows = self._query("SELECT id, display_name, full_name, birthday, emails, phones FROM people ORDER BY id")
        for row in rows:
            row["emails"] = json.loads(row["emails"] or "[]")
            row["phones"] = json.loads(row["phones"] or "[]")
        return rows

    # ------------------------------------------------------------ relationships
    def set_relationship(self, from_id: int, to_id: int, **fields: Any) -> int:
        """Create or update what `from_id` (who signs) is to `to_id` (who receives)."""
        self.get_person(from_id)
        self.get_person(to_id)
        if from_id == to_id:
            raise ValidationError("relationship", "a person cannot have a relationship with themselves.")
        unknown = set(fields) - set(_RELATIONSHIP_FIELDS)
        if unknown:
            raise ValidationError(sorted(unknown)[0], "is not a field of a relationship.")
        existing = self.get_relationship(from_id, to_id)
        row: dict[str, Any] = {}
        if "kind" in fields or existing is None:
            row["kind"] = validation.text(fields.get("kind"), "kind", required=True, max_length=200)
        for name in ("since", "ended_on"):
            if name in fields:
                row[name] = validation.date(fields[name], name.replace("_", " "), allow_partial=True)
        for name in ("how_we_met", "tone", "end_kind", "signs_as", "calls_them"):
            if name in fields:
                row[name] = validation.text(fields[name], name)
        if "pet_names" in fields:
            row["pet_names"] = json.dumps(validation.text_list(fields["pet_names"], "pet name"), ensure_ascii=False)
        stamp = now_iso()
        row["updated_at"] = stamp
        with self.transaction() as db:
            if existing:
                db["relationships"].update(existing["id"], row)
                relationship_id = int(existing["id"])
            else:
                row.update(from_id=from_id, to_id=to_id, created_at=stamp)
                relationship_id = int(db["relationships"].insert(row).last_pk)
            search_words.refresh(db.conn, [to_id])  # pet names and how they met find the person
            return relationship_id

    def _relationship_record(self, row: dict[str, Any]) -> dict[str, Any]:
        record = dict(row)
        record["pet_names"] = json.loads(record["pet_names"] or "[]")
        return record

    def get_relationship(self, from_id: int, to_id: int) -> dict[str, Any] | None:
        rows = self._query("SELECT * FROM relationships WHERE from_id = ? AND to_id = ?", (from_id, to_id))
        return self._relationship_record(rows[0]) if rows else None

    def relationships_of(self, person_id: int) -> list[dict[str, Any]]:
        rows = self._query(
            "SELECT * FROM relationships WHERE from_id = ? OR to_id = ? ORDER BY id", (person_id, person_id)
        )
        return [self._relationship_record(r) for r in rows]

    # -------------------------------------------------------------------- notes
    def add_note(
        self,
        person_id: int,
        text: str,
        *,
        tag: str = "note",
        about_relationship_from: int | None = None,
        noted_on: str | None = None,
        about: str | None = None,
        mood: str | None = None,
        phrasing: str | None = None,
        scope: str | None = None,
    ) -> int:
        """Add a note; it is read at once (notesense) and the reading is stored with it."""
        self.get_person(person_id)
        note_reading.check_choices(about, mood, scope)
        relationship_id = None
        if about_relationship_from is not None:
            relationship = self.get_relationship(about_relationship_from, person_id)
            if relationship is None:
                raise ValidationError(
                    "about-relationship",
                    f"there is no relationship from person {about_relationship_from} to person {person_id}; "
                    "set it first with `relationship set`.",
                )
            relationship_id = relationship["id"]
        stamp = now_iso()
        row = {
            "person_id": person_id,
            "relationship_id": relationship_id,
            "text": validation.text(text, "note", required=True),
            "tag": validation.tag(tag),
            "noted_on": validation.date(noted_on, "date", allow_partial=True) or stamp[:10],
            "scope": scope or ("relationship" if relationship_id else "person"),
            "created_at": stamp,
            "updated_at": stamp,
        }
        writer = {"about": about, "mood": mood, "phrasing": validation.text(phrasing, "phrasing")}
        row.update(self._read_note(row, writer))
        with self.transaction() as db:
            note_id = int(db["notes"].insert(row).last_pk)
            search_words.refresh(db.conn, [person_id])
            return note_id

    def _read_note(self, note: Mapping[str, Any], writer: Mapping[str, Any]) -> dict[str, Any]:
        """The note's understanding, read for the signer of its relationship (else the default signer)."""
        relationship = None
        if note.get("relationship_id"):
            rows = self._query("SELECT * FROM relationships WHERE id = ?", (note["relationship_id"],))
            relationship = rows[0] if rows else None
        signer_id = relationship["from_id"] if relationship else self.default_signer_id()
        signer = self.get_person(signer_id) if signer_id and signer_id != note["person_id"] else None
        return note_reading.read_note(
            note["text"],
            tag=note.get("tag"),
            recipient=self.get_person(note["person_id"]),
            signer=signer,
            signs_as=relationship.get("signs_as") if relationship else None,
            couple=relationship is not None,
            written=note_reading.written_on(note),
            writer=writer,
        )

    def update_note(
        self,
        note_id: int,
        *,
        text: str | None = None,
        tag: str | None = None,
        about: str | None = None,
        mood: str | None = None,
        phrasing: str | None = None,
        scope: str | None = None,
    ) -> None:
        """Change a note; it is read again, keeping the writer's earlier corrections unless replaced."""
        note = self.get_note(note_id)
        note_reading.check_choices(about, mood, scope)
        row: dict[str, Any] = {"updated_at": now_iso()}
        if text is not None:
            row["text"] = validation.text(text, "note", required=True)
        if tag is not None:
            row["tag"] = validation.tag(tag)
        if scope is not None:
            row["scope"] = scope
        writer = note_reading.writer_choices(note)
        if text is not None and text != note["text"]:
            writer.pop("phrasing", None)  # a new text needs a new phrasing
        writer.update({k: v for k, v in (("about", about), ("mood", mood), ("phrasing", phrasing)) if v})
        row.update(self._read_note({**note, **row}, writer))
        with self.transaction() as db:
            db["notes"].update(note_id, row)
            search_words.refresh(db.conn, [note["person_id"]])

    def remove_note(self, note_id: int) -> None:
        note = self.get_note(note_id)
        with self.transaction() as db:
            db.execute("DELETE FROM notes WHERE id = ?", (note_id,))
            search_words.refresh(db.conn, [note["person_id"]])

    def get_note(self, note_id: int) -> dict[str, Any]:
        rows = self._query("SELECT * FROM notes WHERE id = ?", (note_id,))
        if not rows:
            raise NotFoundError("note", note_id)
        return rows[0]

    def notes_for(self, person_id: int) -> list[dict[str, Any]]:
        return self._query("SELECT * FROM notes WHERE person_id = ? ORDER BY noted_on, id", (person_id,))

    # -------------------------------------------------------------------- dates
    def add_date(
        self,
        person_id: int,
        *,
        kind: str,
        date: str,
        label: str | None = None,
        yearly: bool = True,
        relationship_from: int | None = None,
    ) -> int:
        self.get_person(person_id)
        if kind not in DATE_KINDS:
            raise ValidationError("kind", f"{kind!r} is not a kind of date; use {', '.join(DATE_KINDS)}.")
        clean_date = validation.date(date, "date", allow_yearless=True)
        if clean_date is None:
            raise ValidationError("date", "is required.")
        if not yearly and clean_date.startswith("--"):
            raise ValidationError("date", "a one-off date needs its year.")
        relationship_id = None
        if relationship_from is not None:
            relationship = self.get_relationship(relationship_from, person_id)
            relationship_id = relationship["id"] if relationship else None
        row = {
            "person_id": person_id,
            "relationship_id": relationship_id,
            "kind": kind,
            "date": clean_date,
            "label": validation.text(label, "label", max_length=500),
            "yearly": 1 if yearly else 0,
            "created_at": now_iso(),
        }
        with self.transaction() as db:
            return int(db["important_dates"].insert(row).last_pk)

    def dates_for(self, person_id: int) -> list[dict[str, Any]]:
        rows = self._query(
            "SELECT * FROM important_dates WHERE person_id = ? ORDER BY substr(date, -5), id", (person_id,)
        )
        for row in rows:
            row["yearly"] = bool(row["yearly"])
        return rows

    def remove_date(self, date_id: int) -> None:
        with self.transaction() as db:
            if db.execute("DELETE FROM important_dates WHERE id = ?", (date_id,)).rowcount == 0:
                raise NotFoundError("date", date_id)

    def upcoming(self, *, days: int = 60, today: dt.date | None = None) -> list[dict[str, Any]]:
        """Birthdays, anniversaries and other dates falling in the next `days` days, soonest first."""
        from beautifulletters.dates import upcoming_occurrences

        if days < 0:
            raise ValidationError("days", "must be zero or more.")
        today = today or dt.date.today()
        # Only rows whose month and day fall near the window reach Python: with 100,000 people,
        # building every birthday as a dict took ~80 MB and most of the time. A day of margin
        # each side, and 29 February always, leave the exact rules to upcoming_occurrences.
        where, params = "", []
        if days + 3 < 366:
            first = (today - dt.timedelta(days=1)).strftime("%m-%d")
            last = (today + dt.timedelta(days=days + 2)).strftime("%m-%d")
            within = "md BETWEEN ? AND ?" if first <= last else "(md >= ? OR md <= ?)"
            where = f" WHERE {within} OR md = '02-29' OR length(date) NOT IN (7, 10)"
            params = [first, last]
        rows = self._query(
            "SELECT person_id, person_name, kind, date, label, yearly, date_id FROM ("
            "SELECT p.id AS person_id, p.display_name AS person_name, 'birthday' AS kind, p.birthday AS date,"
            " NULL AS label, 1 AS yearly, NULL AS date_id, substr(p.birthday, -5) AS md"
            " FROM people p WHERE p.birthday IS NOT NULL "
            "UNION ALL "
            "SELECT d.person_id, p.display_name, d.kind, d.date, d.label, d.yearly, d.id, substr(d.date, -5)"
            " FROM important_dates d JOIN people p ON p.id = d.person_id)" + where,
            params,
        )
        return upcoming_occurrences(rows, today=today, days=days)

    # ------------------------------------------------------------------ letters
    def create_letter(
        self,
        *,
        signer_id: int,
        recipient_id: int,
        body: str,
        body_format: str = "text",
        body_text: str | None = None,
        occasion: str | None = None,
        occasion_date: str | None = None,
        template: str | None = None,
        title: str | None = None,
        language: str | None = None,
        style: Mapping[str, Any] | None = None,
        status: str = "draft",
        is_sample: bool = False,
        created_at: str | None = None,
    ) -> int:
        """Store a new letter together with its first revision, in one transaction."""
        self.get_person(signer_id)
        self.get_person(recipient_id)
        clean_body = validation.text(body, "body") or ""
        if status not in LETTER_STATUSES:
            raise ValidationError("status", f"{status!r} is not a status; use {', '.join(LETTER_STATUSES)}.")
        stamp = created_at or now_iso()
        plain = body_text if body_text is not None else clean_body
        row = {
            "signer_id": signer_id,
            "recipient_id": recipient_id,
            "occasion": validation.text(occasion, "occasion", max_length=200),
            "occasion_date": validation.date(occasion_date, "occasion date", allow_yearless=True),
            "template": validation.text(template, "template", max_length=1000),
            "title": validation.text(title, "title", max_length=1000),
            "body": clean_body,
            "body_format": body_format,
            "body_text": plain,
            "language": validation.text(language, "language", max_length=50),
            "style": json.dumps(dict(style or {}), ensure_ascii=False),
            "status": status,
            "sent_on": stamp[:10] if status == "sent" else None,
            "is_sample": 1 if is_sample else 0,
            "created_at": stamp,
            "updated_at": stamp,
        }
        with self.transaction() as db:
            letter_id = int(db["letters"].insert(row).last_pk)
            db["revisions"].insert(
                {
                    "letter_id": letter_id,
                    "body": clean_body,
                    "body_format": body_format,
                    "body_text": plain,
                    "created_at": stamp,
                    "updated_at": stamp,
                }
            )
            db.execute(
                "UPDATE people SET last_letter_at = max(coalesce(last_letter_at, ''), ?) WHERE id = ?",
                (stamp, recipient_id),
            )
            search_words.refresh(db.conn, [recipient_id])
        return letter_id

    def save_letter_body(
        self,
        letter_id: int,
        body: str,
        *,
        body_format: str | None = None,
        body_text: str | None = None,
        coalesce_seconds: float = 0.0,
    ) -> int:
        """Save a new body as a revision; returns the revision id.

        While typing goes on, saves within `coalesce_seconds` of the newest revision update
        that revision instead of adding one, so the history stays readable.
        """
        letter = self.get_letter(letter_id)
        if letter["status"] == "sent":
            raise ValidationError("letter", f"letter {letter_id} was sent on {letter['sent_on']} and is read-only.")
        clean_body = validation.text(body, "body") or ""
        fmt = body_format or letter["body_format"]
        plain = body_text if body_text is not None else clean_body
        stamp = now_iso()
        with self.transaction() as db:
            db["letters"].update(
                letter_id, {"body": clean_body, "body_format": fmt, "body_text": plain, "updated_at": stamp}
            )
            search_words.refresh(db.conn, [letter["recipient_id"]])
            newest = db.execute(
                "SELECT id, updated_at FROM revisions WHERE letter_id = ? ORDER BY id DESC LIMIT 1", (letter_id,)
            ).fetchone()
            if newest and coalesce_seconds > 0:
                age = dt.datetime.fromisoformat(stamp) - dt.datetime.fromisoformat(newest[1])
                if age.total_seconds() <= coalesce_seconds:
                    db["revisions"].update(
                        newest[0], {"body": clean_body, "body_format": fmt, "body_text": plain, "updated_at": stamp}
                    )
                    return int(newest[0])
            return int(
                db["revisions"]
                .insert(
                    {
                        "letter_id": letter_id,
                        "body": clean_body,
                        "body_format": fmt,
                        "body_text": plain,
                        "created_at": stamp,
                        "updated_at": stamp,
                    }
                )
                .last_pk
            )

    def update_letter(self, letter_id: int, **fields: Any) -> None:
        """Change a letter's details (not its body): occasion, title, style, language, status."""
        letter = self.get_letter(letter_id)
        allowed = {"occasion", "occasion_date", "title", "style", "language", "status", "sent_on", "template"}
        unknown = set(fields) - allowed
        if unknown:
            raise ValidationError(sorted(unknown)[0], "is not a field of a letter that can be changed here.")
        row: dict[str, Any] = {"updated_at": now_iso()}
        for name in ("occasion", "title", "language", "template"):
            if name in fields:
                row[name] = validation.text(fields[name], name)
        if "occasion_date" in fields:
            row["occasion_date"] = validation.date(fields["occasion_date"], "occasion date", allow_yearless=True)
        if "style" in fields:
            row["style"] = json.dumps(dict(fields["style"] or {}), ensure_ascii=False)
        if "status" in fields:
            status = fields["status"]
            if status not in LETTER_STATUSES:
                raise ValidationError("status", f"{status!r} is not a status; use {', '.join(LETTER_STATUSES)}.")
            row["status"] = status
            if status == "sent":
                row["sent_on"] = validation.date(fields.get("sent_on"), "sent on") or (
                    letter["sent_on"] or dt.date.today().isoformat()
                )
            else:
                row["sent_on"] = None
        with self.transaction() as db:
            db["letters"].update(letter_id, row)
            if "title" in row:
                search_words.refresh(db.conn, [letter["recipient_id"]])

    def get_letter(self, letter_id: int) -> dict[str, Any]:
        rows = self._query(
            "SELECT l.*, (SELECT count(*) FROM revisions r WHERE r.letter_id = l.id) AS revision_count "
            "FROM letters l WHERE l.id = ?",
            (letter_id,),
        )
        if not rows:
            raise NotFoundError("letter", letter_id)
        return self._letter_record(rows[0])

    @staticmethod
    def _letter_record(row: dict[str, Any]) -> dict[str, Any]:
        record = dict(row)
        record["style"] = json.loads(record.get("style") or "{}")
        record["is_sample"] = bool(record.get("is_sample"))
        return record

    _LETTER_SUMMARY = (
        "SELECT l.id, l.signer_id, s.display_name AS signer_name, l.recipient_id, r.display_name AS recipient_name,"
        " l.occasion, l.occasion_date, l.template, l.title, l.status, l.sent_on, l.created_at, l.updated_at,"
        " l.is_sample, substr(l.body_text, 1, 160) AS excerpt "
        "FROM letters l JOIN people s ON s.id = l.signer_id JOIN people r ON r.id = l.recipient_id"
    )

    def list_letters(
        self, *, to: int | None = None, signer: int | None = None, limit: int | None = None
    ) -> list[dict[str, Any]]:
        clauses, params = [], []
        if to is not None:
            self.get_person(to)
            clauses.append("l.recipient_id = ?")
            params.append(to)
        if signer is not None:
            self.get_person(signer)
            clauses.append("l.signer_id = ?")
            params.append(signer)
        where = " WHERE " + " AND ".join(clauses) if clauses else ""
        sql = f"{self._LETTER_SUMMARY}{where} ORDER BY l.created_at DESC, l.id DESC"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        rows = self._query(sql, params)
        for row in rows:
            row["is_sample"] = bool(row["is_sample"])
        return rows

    def earlier_letter_texts(
        self, *, recipient_id: int, signer_id: int, before: str, limit: int = 200
    ) -> list[tuple[int, str, str]]:
        """(id, created_at, body_text) of the newest letters between the pair written before `before`."""
        return self.db.conn.execute(
            "SELECT id, created_at, coalesce(body_text, '') FROM letters"
            " WHERE recipient_id = ? AND signer_id = ? AND created_at < ? ORDER BY created_at DESC, id DESC LIMIT ?",
            (recipient_id, signer_id, before, limit),
        ).fetchall()

    def search_letters(self, query: str, *, limit: int = 200) -> list[dict[str, Any]]:
        fts = _fts_query(query)
        if not fts:
            return []
        rows = self._query(
            f"{self._LETTER_SUMMARY} JOIN (SELECT rowid, rank FROM letters_fts WHERE letters_fts MATCH ?"
            f" ORDER BY rank LIMIT ?) hits ON hits.rowid = l.id ORDER BY hits.rank",
            (fts, limit),
        )
        for row in rows:
            row["is_sample"] = bool(row["is_sample"])
        return rows

    def revisions(self, letter_id: int) -> list[dict[str, Any]]:
        self.get_letter(letter_id)
        return self._query(
            "SELECT id, letter_id, created_at, updated_at, length(body_text) AS size, body, body_format, body_text "
            "FROM revisions WHERE letter_id = ? ORDER BY id",
            (letter_id,),
        )

    def restore_revision(self, letter_id: int, revision_id: int) -> int:
        """Bring back an old revision; the restore is itself a new revision."""
        rows = self._query("SELECT * FROM revisions WHERE id = ? AND letter_id = ?", (revision_id, letter_id))
        if not rows:
            raise NotFoundError("revision", revision_id)
        old = rows[0]
        return self.save_letter_body(letter_id, old["body"], body_format=old["body_format"], body_text=old["body_text"])

    # -------------------------------------------------------------------- sample
    def has_sample(self) -> bool:
        return bool(
            self.db.conn.execute(
                "SELECT EXISTS(SELECT 1 FROM people WHERE is_sample = 1)"
                " OR EXISTS(SELECT 1 FROM letters WHERE is_sample = 1)"
            ).fetchone()[0]
        )

    def remove_sample(self) -> int:
        """Remove the sample correspondence (people, notes, dates, letters); returns people removed."""
        with self.transaction() as db:
            ids = [r[0] for r in db.execute("SELECT id FROM people WHERE is_sample = 1")]
            letters = db.execute("SELECT id, recipient_id FROM letters WHERE is_sample = 1").fetchall()
            for letter_id, _recipient in letters:
                db.execute("DELETE FROM revisions WHERE letter_id = ?", (letter_id,))
                db.execute("DELETE FROM letters WHERE id = ?", (letter_id,))
            _delete_people(db, ids)
            search_words.refresh(db.conn, [recipient for _letter, recipient in letters])
            return len(ids)

    # --------------------------------------------------------------------- check
    def check(self) -> dict[str, Any]:
        """An integrity report: SQLite's own checks, foreign keys, the search index, counts."""
        conn = self.db.conn
        problems: list[str] = []
        integrity = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        if integrity != ["ok"]:
            problems += [f"integrity: {line}" for line in integrity]
        for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check"):
            problems.append(f"{table} row {rowid} points to a missing {parent} row")
        for fts in ("people_fts", "notes_fts", "letters_fts", "person_words_fts"):
            try:
                conn.execute(f"INSERT INTO {fts}({fts}) VALUES('integrity-check')")
            except sqlite3.DatabaseError as error:
                problems.append(f"search index {fts}: {error}")
        orphans = conn.execute(
            "SELECT count(*) FROM revisions WHERE letter_id NOT IN (SELECT id FROM letters)"
        ).fetchone()[0]
        if orphans:
            problems.append(f"{orphans} revisions belong to no letter")
        counts = {
            table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("people", "relationships", "notes", "important_dates", "letters", "revisions")
        }
        return {
            "path": str(self.path),
            "ok": not problems,
            "problems": problems,
            "counts": counts,
            "schema": _applied_schema_steps(conn),
            "journal_mode": conn.execute("PRAGMA journal_mode").fetchone()[0],
        }

    # ------------------------------------------------------------------- backups
    def backup_to(self, destination: str | os.PathLike[str]) -> None:
        """Write a complete copy to `destination` with SQLite's backup API, then check it.

        The backup API reads through SQLite, so writes still sitting in the WAL are included;
        a plain file copy of a WAL archive can miss them. The copy is left in rollback-journal
        mode so it is one self-contained file.
        """
        _copy_database(self.db.conn, Path(destination))

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
            raise ArchiveError(f"Cannot open {source}: {error}.") from None
        try:
            _copy_database(conn, Path(destination))
        except sqlite3.DatabaseError as error:
            raise ArchiveDamagedError(f"{source} cannot be read as an archive ({error}).") from None
        finally:
            conn.close()

    @staticmethod
    def verify_file(path: str | os.PathLike[str]) -> dict[str, Any]:
        """Check an archive file without changing it; returns its counts, raises when it is unusable."""
        path = Path(path)
        _check_header(path)
        try:
            conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        except sqlite3.Error as error:
            raise ArchiveError(f"Cannot open {path}: {error}.") from None
        try:
            _check_healthy_archive(conn, path)
            counts = {
                table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in ("people", "letters")
            }
        except sqlite3.DatabaseError as error:
            raise ArchiveDamagedError(f"{path} cannot be read as an archive ({error}).") from None
        finally:
            conn.close()
        return {"path": str(path), "counts": counts}


def _applied_schema_steps(conn: sqlite3.Connection) -> list[str]:
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


def _schema_steps_pending(conn: sqlite3.Connection) -> bool:
    """Whether any step of schema.py is missing from the file: plain SQL, so no sqlite-utils import."""
    return not set(SCHEMA_STEPS) <= set(_applied_schema_steps(conn))


def _check_healthy_archive(conn: sqlite3.Connection, path: Path, *, quick_check: bool = True) -> None:
    """Raise unless the file passes SQLite's quick check and is ours (or still empty).

    ``quick_check=False`` checks only that the file is ours: the quick check reads every page.
    """
    result = conn.execute("PRAGMA quick_check").fetchall() if quick_check else [("ok",)]
    if result != [("ok",)]:
        # quick_check may return one row holding many newline-separated problems.
        lines = [line for row in result for line in str(row[0]).splitlines() if line.strip()]
        problems = "; ".join(lines[:2]) + (f" and {len(lines) - 2} more problems" if len(lines) > 2 else "")
        raise ArchiveDamagedError(
            f"{path} is damaged ({problems}); it was left untouched. Restore a backup or run `beautifulletters check`."
        )
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    has_tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
    if app_id != APPLICATION_ID and has_tables:
        raise NotAnArchiveError(
            f"{path} is an SQLite database of another program, not a BeautifulLetters archive; it was left untouched."
        )


def _copy_database(source: sqlite3.Connection, destination: Path) -> None:
    target = sqlite3.connect(str(destination))
    try:
        source.backup(target)
        target.execute("PRAGMA journal_mode = DELETE")
        result = target.execute("PRAGMA quick_check").fetchall()
    except sqlite3.OperationalError as error:
        raise ArchiveError(f"Cannot write {destination} ({error}).") from None
    finally:
        target.close()
    if result != [("ok",)]:
        raise ArchiveDamagedError(f"The copy written to {destination} failed its check ({result[0][0]}).")


def _delete_people(db: Database, ids: list[int]) -> None:
    touched: set[int] = set()  # people whose search words lose a letter or a relationship
    for person_id in ids:
        letters = db.execute(
            "SELECT id, recipient_id FROM letters WHERE recipient_id = ? OR signer_id = ?", (person_id, person_id)
        ).fetchall()
        touched.update(recipient for _letter, recipient in letters)
        touched.update(r[0] for r in db.execute("SELECT to_id FROM relationships WHERE from_id = ?", (person_id,)))
        for letter_id, _recipient in letters:
            db.execute("DELETE FROM revisions WHERE letter_id = ?", (letter_id,))
            db.execute("DELETE FROM letters WHERE id = ?", (letter_id,))
        db.execute("DELETE FROM notes WHERE person_id = ?", (person_id,))
        db.execute("DELETE FROM important_dates WHERE person_id = ?", (person_id,))
        rel_ids = [
            r[0]
            for r in db.execute("SELECT id FROM relationships WHERE from_id = ? OR to_id = ?", (person_id, person_id))
        ]
        for rel_id in rel_ids:
            db.execute("UPDATE notes SET relationship_id = NULL WHERE relationship_id = ?", (rel_id,))
            db.execute("UPDATE important_dates SET relationship_id = NULL WHERE relationship_id = ?", (rel_id,))
            db.execute("DELETE FROM relationships WHERE id = ?", (rel_id,))
        db.execute("DELETE FROM person_tags WHERE person_id = ?", (person_id,))
        db.execute("DELETE FROM people WHERE id = ?", (person_id,))
    search_words.refresh(db.conn, touched | set(ids))


# Files this process has an SQLite connection to. Closing any other descriptor of such a file
# drops every POSIX lock the process holds on it (SQLite's "how to corrupt" list, 2.2), so
# another process could then write under our feet: the header is only read for files not open.
_open_files: dict[str, int] = {}
_open_files_lock = threading.Lock()


def _file_key(path: Path) -> str:
    try:
        return str(path.resolve())
    except OSError:
        return str(path)


def _register_open_file(path: Path) -> None:
    with _open_files_lock:
        key = _file_key(path)
        _open_files[key] = _open_files.get(key, 0) + 1


def _unregister_open_file(path: Path) -> None:
    with _open_files_lock:
        key = _file_key(path)
        if _open_files.get(key, 0) <= 1:
            _open_files.pop(key, None)
        else:
            _open_files[key] -= 1


def _check_header(path: Path) -> None:
    with _open_files_lock:
        if _file_key(path) in _open_files:
            return  # open here already, so known to be SQLite; reading it again could unlock it
    try:
        with open(path, "rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except PermissionError:
        raise ArchiveError(f"{path} cannot be read (permission denied).") from None
    except OSError as error:
        raise ArchiveError(f"{path} cannot be read ({error.strerror}).") from None
    if header != SQLITE_HEADER:
        raise NotAnArchiveError(
            f"{path} is not a BeautifulLetters archive (it is not an SQLite database); it was left untouched."
        )


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK)
