"""Letters and their revisions: every save of a body is kept, so no version is ever lost."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Unpack

from beautifulletters import validation
from beautifulletters.archive.connection import ArchiveDb, now_iso
from beautifulletters.archive.people import PeopleManager
from beautifulletters.dates import occasion_dated
from beautifulletters.errors import NotFoundError, ValidationError
from beautifulletters.i18n import _
from beautifulletters.records import Letter, LetterChanges, LetterSummary, Revision, Row

LETTER_STATUSES = ("draft", "final", "sent")

LETTER_SUMMARY = (
    "SELECT l.id, l.signer_id, s.display_name AS signer_name, l.recipient_id, r.display_name AS recipient_name,"
    " l.occasion, l.occasion_date, l.template, l.title, l.status, l.sent_on, l.created_at, l.updated_at,"
    " l.is_sample, substr(l.body_text, 1, 160) AS excerpt "
    "FROM letters l JOIN people s ON s.id = l.signer_id JOIN people r ON r.id = l.recipient_id"
)


class LettersManager:
    """``archive.letters``: letters, their details and their revisions."""

    def __init__(self, db: ArchiveDb, people: PeopleManager) -> None:
        self._db = db
        self._people = people

    def create(
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
        style: Mapping[str, object] | None = None,
        status: str = "draft",
        is_sample: bool = False,
        created_at: str | None = None,
        dated: str | None = None,
    ) -> int:
        """Store a new letter together with its first revision, in one transaction.

        It bears `dated` when given, else its occasion's day when that is ahead, else the day it is written.
        """
        self._people.get(signer_id)
        self._people.get(recipient_id)
        clean_body = validation.body(body)
        if status not in LETTER_STATUSES:
            raise ValidationError(
                "status",
                _("{status} is not a status; use {items}.").format(
                    status=repr(status), items=", ".join(LETTER_STATUSES)
                ),
            )
        stamp = created_at or now_iso()
        plain = validation.body(body_text) if body_text is not None else clean_body
        clean_occasion_date = validation.date(occasion_date, "occasion date", allow_yearless=True)
        row = {
            "signer_id": signer_id,
            "recipient_id": recipient_id,
            "occasion": validation.text(occasion, "occasion", max_length=200),
            "occasion_date": clean_occasion_date,
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
            "dated": validation.date(dated, "dated") or occasion_dated(stamp, clean_occasion_date),
        }
        with self._db.transaction() as db:
            letter_id = self._db.insert("letters", row)
            self._db.insert(
                "revisions",
                {
                    "letter_id": letter_id,
                    "body": clean_body,
                    "body_format": body_format,
                    "body_text": plain,
                    "created_at": stamp,
                    "updated_at": stamp,
                },
            )
            db.execute(
                "UPDATE people SET last_letter_at = max(coalesce(last_letter_at, ''), ?) WHERE id = ?",
                (stamp, recipient_id),
            )
        return letter_id

    def duplicate(self, letter_id: int, *, recipient_id: int | None = None, occasion_date: str | None = None) -> int:
        """A new draft with the letter's body, paper, language, title and template, for `recipient_id`
        (the same person when None) and `occasion_date`: a letter reused for someone else or another year."""
        letter = self.get(letter_id)
        return self.create(
            signer_id=letter.signer_id,
            recipient_id=recipient_id if recipient_id is not None else letter.recipient_id,
            body=letter.body,
            body_format=letter.body_format,
            body_text=letter.body_text,
            occasion=letter.occasion,
            occasion_date=occasion_date,
            template=letter.template,
            title=letter.title,
            language=letter.language,
            style=letter.style,
        )

    def save_body(
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
        letter = self.get(letter_id)
        if letter.status == "sent":
            raise ValidationError(
                "letter",
                _("letter {letter_id} was sent on {sent_on} and is read-only.").format(
                    letter_id=letter_id, sent_on=letter.sent_on
                ),
            )
        clean_body = validation.body(body)
        fmt = body_format or letter.body_format
        plain = validation.body(body_text) if body_text is not None else clean_body
        stamp = now_iso()
        with self._db.transaction() as db:
            self._db.update(
                "letters", letter_id, {"body": clean_body, "body_format": fmt, "body_text": plain, "updated_at": stamp}
            )
            newest = db.execute(
                "SELECT id, updated_at FROM revisions WHERE letter_id = ? ORDER BY id DESC LIMIT 1", (letter_id,)
            ).fetchone()
            if newest and coalesce_seconds > 0:
                age = dt.datetime.fromisoformat(stamp) - dt.datetime.fromisoformat(newest[1])
                if age.total_seconds() <= coalesce_seconds:
                    self._db.update(
                        "revisions",
                        newest[0],
                        {"body": clean_body, "body_format": fmt, "body_text": plain, "updated_at": stamp},
                    )
                    return int(newest[0])
            return self._db.insert(
                "revisions",
                {
                    "letter_id": letter_id,
                    "body": clean_body,
                    "body_format": fmt,
                    "body_text": plain,
                    "created_at": stamp,
                    "updated_at": stamp,
                },
            )

    def update(self, letter_id: int, **fields: Unpack[LetterChanges]) -> None:
        """Change a letter's details (not its body): occasion, title, style, language, status, the date it bears.

        `dated=None` gives the letter back the date its occasion says; a new occasion date moves the
        date of a letter that bore the old one's. A sent letter keeps the date it went with.
        """
        letter = self.get(letter_id)
        allowed = {"occasion", "occasion_date", "title", "style", "language", "status", "sent_on", "template", "dated"}
        unknown = set(fields) - allowed
        if unknown:
            raise ValidationError(sorted(unknown)[0], _("is not a field of a letter that can be changed here."))
        row: dict[str, object] = {"updated_at": now_iso()}
        for name in ("occasion", "title", "language", "template"):
            if name in fields:
                row[name] = validation.text(fields.get(name), name)
        if "occasion_date" in fields:
            row["occasion_date"] = validation.date(fields["occasion_date"], "occasion date", allow_yearless=True)
        row.update(self._dated_change(letter, fields, row.get("occasion_date", letter.occasion_date)))
        if "style" in fields:
            row["style"] = json.dumps(dict(fields.get("style") or {}), ensure_ascii=False)
        if "status" in fields:
            status = fields.get("status")
            if status not in LETTER_STATUSES:
                raise ValidationError(
                    "status",
                    _("{status} is not a status; use {items}.").format(
                        status=repr(status), items=", ".join(LETTER_STATUSES)
                    ),
                )
            row["status"] = status
            if status == "sent":
                row["sent_on"] = validation.date(fields.get("sent_on"), "sent on") or (
                    letter.sent_on or dt.date.today().isoformat()
                )
            else:
                row["sent_on"] = None
        with self._db.transaction():
            self._db.update("letters", letter_id, row)

    @staticmethod
    def _dated_change(letter: Letter, fields: LetterChanges, occasion_date: object) -> dict[str, object]:
        """The `dated` column an update writes, if any."""
        sealed = letter.status == "sent" and fields.get("status", "sent") == "sent"
        if "dated" in fields:
            if sealed:
                raise ValidationError(
                    "dated",
                    _("letter {letter_id} was sent on {sent_on} and keeps the date it went with.").format(
                        letter_id=letter.id, sent_on=letter.sent_on
                    ),
                )
            chosen = validation.date(fields["dated"], "dated")
            return {"dated": chosen or occasion_dated(letter.created_at, str(occasion_date or "") or None)}
        if (
            "occasion_date" in fields
            and not sealed
            and letter.dated == occasion_dated(letter.created_at, letter.occasion_date)
        ):
            # The letter bore its occasion's day (or the day written), not one the writer chose: it follows.
            return {"dated": occasion_dated(letter.created_at, str(occasion_date or "") or None)}
        if fields.get("status") == "sent":
            return {"dated": letter.dated}  # sealed with the date it went with, whatever changes later
        return {}

    def get(self, letter_id: int) -> Letter:
        validation.record_id(letter_id, "letter")
        rows = self._db.query(
            "SELECT l.*, (SELECT count(*) FROM revisions r WHERE r.letter_id = l.id) AS revision_count "
            "FROM letters l WHERE l.id = ?",
            (letter_id,),
        )
        if not rows:
            raise NotFoundError("letter", letter_id)
        return self._letter_record(rows[0])

    @staticmethod
    def _letter_record(row: Row) -> Letter:
        # What an older archive may hold (other digits, a year 0000) is read as every reader expects.
        return Letter.from_row(
            row,
            occasion_date=validation.stored_date(row.get("occasion_date"), allow_yearless=True),
            sent_on=validation.stored_date(row.get("sent_on")),
            dated=validation.stored_date(row.get("dated"))
            or occasion_dated(str(row.get("created_at") or ""), str(row.get("occasion_date") or "") or None),
        )

    def all(self, *, to: int | None = None, signer: int | None = None, limit: int | None = None) -> list[LetterSummary]:
        clauses, params = [], []
        if to is not None:
            self._people.get(to)
            clauses.append("l.recipient_id = ?")
            params.append(to)
        if signer is not None:
            self._people.get(signer)
            clauses.append("l.signer_id = ?")
            params.append(signer)
        where = " WHERE " + " AND ".join(clauses) if clauses else ""
        sql = f"{LETTER_SUMMARY}{where} ORDER BY l.created_at DESC, l.id DESC"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [LetterSummary.from_row(row) for row in self._db.query(sql, params)]

    def earlier_texts(
        self, *, recipient_id: int, signer_id: int, before: str, limit: int = 200
    ) -> list[tuple[int, str, str]]:
        """(id, created_at, body_text) of the newest letters between the pair written before `before`."""
        return self._db.conn.execute(
            "SELECT id, created_at, coalesce(body_text, '') FROM letters"
            " WHERE recipient_id = ? AND signer_id = ? AND created_at < ? ORDER BY created_at DESC, id DESC LIMIT ?",
            (recipient_id, signer_id, before, limit),
        ).fetchall()

    def revisions(self, letter_id: int) -> list[Revision]:
        self.get(letter_id)
        rows = self._db.query(
            "SELECT id, letter_id, created_at, updated_at, length(body_text) AS size, body, body_format, body_text "
            "FROM revisions WHERE letter_id = ? ORDER BY id",
            (letter_id,),
        )
        return [Revision.from_row(row) for row in rows]

    def restore_revision(self, letter_id: int, revision_id: int) -> int:
        """Bring back an old revision; the restore is itself a new revision."""
        validation.record_id(revision_id, "revision")
        rows = self._db.query("SELECT * FROM revisions WHERE id = ? AND letter_id = ?", (revision_id, letter_id))
        if not rows:
            raise NotFoundError("revision", revision_id)
        old = rows[0]
        return self.save_body(letter_id, old["body"], body_format=old["body_format"], body_text=old["body_text"])
