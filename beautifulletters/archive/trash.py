"""The letters' trash: a deleted letter waits, whole with every revision, until restored or emptied.

Deleting moves the letter's row and its revisions into the `trash` table in one transaction, so
every other query (lists, search, anthology, the person's history) simply no longer sees it, and
restoring puts the same rows back under the same id.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from beautifulletters.archive.connection import now_iso
from beautifulletters.errors import NotFoundError, ValidationError
from beautifulletters.i18n import _
from beautifulletters.limits import MAX_ID
from beautifulletters.records import JSONObject, Letter, TrashedLetter

if TYPE_CHECKING:
    from beautifulletters.archive import Archive


def _columns(conn: Any, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]


def _touch_recipient(conn: Any, recipient_id: object) -> None:
    """The recipient's last-letter date follows their letters (their search words are refreshed by
    the transaction itself, from the rows it touched: search_words.py)."""
    conn.execute(
        "UPDATE people SET last_letter_at = (SELECT max(created_at) FROM letters WHERE recipient_id = ?) WHERE id = ?",
        (recipient_id, recipient_id),
    )


def delete_letter(archive: Archive, letter_id: int) -> Letter:
    """Move a letter and its revisions to the trash; returns the letter as it was."""
    letter = archive.letters.get(letter_id)
    with archive.transaction() as db:
        conn = db.conn
        row_columns = _columns(conn, "letters")
        row = conn.execute(f"SELECT {', '.join(row_columns)} FROM letters WHERE id = ?", (letter_id,)).fetchone()
        revision_columns = _columns(conn, "revisions")
        revisions = [
            dict(zip(revision_columns, r, strict=True))
            for r in conn.execute(
                f"SELECT {', '.join(revision_columns)} FROM revisions WHERE letter_id = ? ORDER BY id", (letter_id,)
            )
        ]
        conn.execute(
            "INSERT OR REPLACE INTO trash (letter_id, recipient_id, signer_id, deleted_at, letter, revisions)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (
                letter_id,
                letter.recipient_id,
                letter.signer_id,
                now_iso(),
                json.dumps(dict(zip(row_columns, row, strict=True)), ensure_ascii=False),
                json.dumps(revisions, ensure_ascii=False),
            ),
        )
        conn.execute("DELETE FROM revisions WHERE letter_id = ?", (letter_id,))
        conn.execute("DELETE FROM letters WHERE id = ?", (letter_id,))
        _touch_recipient(conn, letter.recipient_id)
    return letter


def _trashed(conn: Any, letter_id: int) -> tuple[JSONObject, list[JSONObject]]:
    if not 1 <= letter_id <= MAX_ID:
        raise NotFoundError("letter in the trash", letter_id)
    found = conn.execute("SELECT letter, revisions FROM trash WHERE letter_id = ?", (letter_id,)).fetchone()
    if found is None:
        raise NotFoundError("letter in the trash", letter_id)
    return json.loads(found[0]), json.loads(found[1])


def undelete_letter(archive: Archive, letter_id: int) -> Letter:
    """Bring a letter back from the trash under its own id, with every revision; returns it."""
    with archive.transaction() as db:
        conn = db.conn
        letter, revisions = _trashed(conn, letter_id)
        for role in ("signer_id", "recipient_id"):
            person = conn.execute("SELECT 1 FROM people WHERE id = ?", (letter[role],)).fetchone()
            if person is None:
                raise ValidationError(
                    "letter",
                    _("the person who signed it has been deleted, so it cannot come back.")
                    if role == "signer_id"
                    else _("the person it was written to has been deleted, so it cannot come back."),
                )
        if conn.execute("SELECT 1 FROM letters WHERE id = ?", (letter_id,)).fetchone():
            raise ValidationError("letter", _("a letter {letter_id} exists already.").format(letter_id=letter_id))
        keep = [c for c in _columns(conn, "letters") if c in letter]
        conn.execute(
            f"INSERT INTO letters ({', '.join(keep)}) VALUES ({', '.join('?' for _column in keep)})",
            [letter[c] for c in keep],
        )
        revision_columns = _columns(conn, "revisions")
        for revision in revisions:
            cols = [c for c in revision_columns if c in revision]
            conn.execute(
                f"INSERT INTO revisions ({', '.join(cols)}) VALUES ({', '.join('?' for _column in cols)})",
                [revision[c] for c in cols],
            )
        conn.execute("DELETE FROM trash WHERE letter_id = ?", (letter_id,))
        _touch_recipient(conn, letter["recipient_id"])
    return archive.letters.get(letter_id)


def list_trash(archive: Archive) -> list[TrashedLetter]:
    """Letters in the trash, most recently deleted first: id, title, who, when written and deleted."""
    rows = archive.db.conn.execute(
        "SELECT t.letter_id, t.deleted_at, t.letter, s.display_name, r.display_name FROM trash t"
        " LEFT JOIN people s ON s.id = t.signer_id LEFT JOIN people r ON r.id = t.recipient_id"
        " ORDER BY t.deleted_at DESC, t.letter_id DESC"
    ).fetchall()
    found = []
    for letter_id, deleted_at, letter_json, signer, recipient in rows:
        letter = json.loads(letter_json)
        found.append(
            TrashedLetter(
                id=letter_id,
                title=letter.get("title"),
                occasion=letter.get("occasion"),
                status=letter.get("status"),
                signer_name=signer,
                recipient_name=recipient,
                created_at=letter.get("created_at"),
                deleted_at=deleted_at,
                excerpt=(letter.get("body_text") or "")[:160],
            )
        )
    return found


def empty_trash(archive: Archive, letter_ids: list[int] | None = None) -> int:
    """Delete letters in the trash for good (all, or those given); returns how many."""
    with archive.transaction() as db:
        if letter_ids is None:
            return int(db.conn.execute("DELETE FROM trash").rowcount)
        return sum(
            int(db.conn.execute("DELETE FROM trash WHERE letter_id = ?", (i,)).rowcount)
            for i in letter_ids
            if 1 <= i <= MAX_ID  # a larger id is in no trash
        )
