"""Taking in a whole archive's contents at once (a JSON export brought back), in one transaction.

Only into an archive that holds nothing of its own yet: what a new archive starts with (the
user's own record and the sample correspondence) is replaced, ids and times kept as the file
has them, so exporting again gives the same document back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from beautifulletters.archive import search_words
from beautifulletters.archive.connection import Row
from beautifulletters.errors import ArchiveError
from beautifulletters.i18n import _

if TYPE_CHECKING:
    from beautifulletters.archive.database import Archive


@dataclass
class ArchiveRows:
    """Rows ready for the archive's tables, ids as in the file."""

    people: list[Row] = field(default_factory=list)
    tags: list[tuple[int, str]] = field(default_factory=list)
    relationships: list[Row] = field(default_factory=list)
    notes: list[Row] = field(default_factory=list)
    dates: list[Row] = field(default_factory=list)
    letters: list[Row] = field(default_factory=list)
    revisions: list[Row] = field(default_factory=list)
    default_signer_id: int | None = None

    def counts(self) -> dict[str, int]:
        return {
            "people": len(self.people),
            "relationships": len(self.relationships),
            "notes": len(self.notes),
            "dates": len(self.dates),
            "letters": len(self.letters),
            "revisions": len(self.revisions),
        }


# Children before parents when emptying, parents before children when filling.
_TABLES = ("revisions", "letters", "notes", "important_dates", "relationships", "person_tags", "people")


def holds_only_the_start(archive: Archive) -> bool:
    """True while the archive has only what a new one starts with: the sample and an untouched own record."""
    conn = archive.db.conn
    own = conn.execute(
        "SELECT count(*) FROM people WHERE is_sample = 0 AND (is_self = 0 OR id IN ("
        " SELECT person_id FROM notes UNION SELECT person_id FROM important_dates"
        " UNION SELECT person_id FROM person_tags))"
    ).fetchone()[0]
    selves = conn.execute("SELECT count(*) FROM people WHERE is_sample = 0 AND is_self = 1").fetchone()[0]
    letters = conn.execute("SELECT count(*) FROM letters WHERE is_sample = 0").fetchone()[0]
    return own == 0 and selves <= 1 and letters == 0


def replace_contents(archive: Archive, rows: ArchiveRows) -> None:
    """Replace what a new archive starts with by `rows`, all in one transaction (or nothing)."""
    if not holds_only_the_start(archive):
        raise ArchiveError(
            _(
                "{path} already holds people or letters of its own; import the export into a new archive (File ▸ New "
                "archive…, or --archive NEW-FILE) so nothing is mixed up or doubled."
            ).format(path=archive.path),
        )
    with archive.transaction() as db:
        conn = db.conn
        for table in _TABLES:
            conn.execute(f"DELETE FROM {table}")
        conn.execute("DELETE FROM settings WHERE key = 'default_signer_id'")
        _insert(conn, "people", rows.people)
        conn.executemany("INSERT INTO person_tags (person_id, tag) VALUES (?, ?)", rows.tags)
        _insert(conn, "relationships", rows.relationships)
        _insert(conn, "notes", rows.notes)
        _insert(conn, "important_dates", rows.dates)
        _insert(conn, "letters", rows.letters)
        _insert(conn, "revisions", rows.revisions)
        if rows.default_signer_id is not None:
            conn.execute(
                "INSERT INTO settings (key, value) VALUES ('default_signer_id', ?)", (str(rows.default_signer_id),)
            )
        search_words.rebuild(conn)


def _insert(conn: Any, table: str, rows: list[Row]) -> None:
    if not rows:
        return
    columns = list(rows[0])
    names = ", ".join(columns)
    marks = ", ".join("?" * len(columns))
    conn.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", ([row[c] for c in columns] for row in rows))
