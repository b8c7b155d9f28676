"""Notes and memories about a person, optionally about one of their relationships."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from beautifulletters import notesense, validation
from beautifulletters.archive import note_reading
from beautifulletters.archive.connection import ArchiveDb, Row, now_iso
from beautifulletters.archive.people import PeopleManager
from beautifulletters.archive.relationships import RelationshipsManager
from beautifulletters.archive.settings import SettingsManager
from beautifulletters.errors import NotFoundError, ValidationError
from beautifulletters.i18n import _
from beautifulletters.records import Note, Relationship


class NotesManager:
    """``archive.notes``: a person's notes and memories."""

    def __init__(
        self, db: ArchiveDb, people: PeopleManager, relationships: RelationshipsManager, settings: SettingsManager
    ) -> None:
        self._db = db
        self._people = people
        self._relationships = relationships
        self._settings = settings

    def add(
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
        happened_on: str | None = None,
    ) -> int:
        """Add a note; it is read at once (notesense) and the reading is stored with it.

        `about`, `mood`, `phrasing` (how it reads in a letter) and `happened_on` are the writer's
        own reading, kept over what the words suggest."""
        self._people.get(person_id)
        note_reading.check_choices(about, mood, scope)
        relationship_id = None
        if about_relationship_from is not None:
            relationship = self._relationships.get(about_relationship_from, person_id)
            if relationship is None:
                raise ValidationError(
                    "about-relationship",
                    _(
                        "there is no relationship from person {about_relationship_from} to person {person_id}; set "
                        "it first with `relationship set`."
                    ).format(about_relationship_from=about_relationship_from, person_id=person_id),
                )
            relationship_id = relationship.id
        stamp = now_iso()
        clean_text = validation.text(text, "note", required=True, multiline=True) or ""
        clean_tag = validation.tag(tag)
        row = {
            "person_id": person_id,
            "relationship_id": relationship_id,
            "text": clean_text,
            "tag": clean_tag,
            "noted_on": validation.date(noted_on, "date", allow_partial=True) or stamp[:10],
            "scope": scope or ("relationship" if relationship_id else "person"),
            "created_at": stamp,
            "updated_at": stamp,
        }
        writer = {
            "about": about,
            "mood": mood,
            "phrasing": validation.text(phrasing, "phrasing"),
            "happened_on": validation.date(happened_on, "date", allow_partial=True),
        }
        row.update(
            self._read_note(
                person_id=person_id,
                relationship_id=relationship_id,
                text=clean_text,
                tag=clean_tag,
                created_at=stamp,
                writer=writer,
            )
        )
        with self._db.transaction():
            note_id = self._db.insert("notes", row)
            return note_id

    def _read_note(
        self,
        *,
        person_id: int,
        relationship_id: int | None,
        text: str,
        tag: str | None,
        created_at: str | None,
        writer: Mapping[str, str | None],
    ) -> Row:
        """The note's understanding, read for the signer of its relationship (else the default signer)."""
        relationship = None
        if relationship_id:
            rows = self._db.query("SELECT * FROM relationships WHERE id = ?", (relationship_id,))
            relationship = Relationship.from_row(rows[0]) if rows else None
        signer_id = relationship.from_id if relationship else self._settings.default_signer_id()
        signer = self._people.get(signer_id) if signer_id and signer_id != person_id else None
        return note_reading.read_note(
            text,
            tag=tag,
            recipient=self._people.get(person_id),
            signer=signer,
            signs_as=relationship.signs_as if relationship else None,
            couple=relationship is not None,
            written=note_reading.written_on(created_at),
            writer=writer,
        )

    def update(
        self,
        note_id: int,
        *,
        text: str | None = None,
        tag: str | None = None,
        about: str | None = None,
        mood: str | None = None,
        phrasing: str | None = None,
        scope: str | None = None,
        happened_on: str | None = None,
    ) -> None:
        """Change a note; it is read again, keeping the writer's earlier corrections unless replaced.

        An empty `phrasing`, `mood`, `about` or `happened_on` ("") gives that part back to the reader."""
        note = self.get(note_id)
        note_reading.check_choices(about or None, mood or None, scope)
        row: Row = {"updated_at": now_iso()}
        if text is not None:
            row["text"] = validation.text(text, "note", required=True, multiline=True)
        if tag is not None:
            row["tag"] = validation.tag(tag)
        if scope is not None:
            row["scope"] = scope
        writer = note_reading.writer_choices(note)
        if text is not None and text != note.text:
            writer.pop("phrasing", None)  # a new text needs a new phrasing
        given = {
            "about": about,
            "mood": mood,
            "phrasing": validation.text(phrasing, "phrasing") if phrasing else phrasing,
            "happened_on": validation.date(happened_on, "date", allow_partial=True) if happened_on else happened_on,
        }
        for key, value in given.items():
            if value == "":
                writer.pop(key, None)
            elif value:
                writer[key] = value
        row.update(
            self._read_note(
                person_id=note.person_id,
                relationship_id=note.relationship_id,
                text=str(row.get("text", note.text)),
                tag=str(row.get("tag", note.tag)),
                created_at=note.created_at,
                writer=writer,
            )
        )
        with self._db.transaction():
            self._db.update("notes", note_id, row)

    def reading(
        self,
        person_id: int,
        text: str,
        *,
        tag: str = "note",
        relationship_id: int | None = None,
        created_at: str | None = None,
        writer: Mapping[str, str | None] | None = None,
    ) -> Note:
        """How a note would be read and stored, without storing it: what a dialog shows while the
        writer types (the same reading `add` and `update` store)."""
        clean_writer = dict(writer or {})
        note_reading.check_choices(clean_writer.get("about"), clean_writer.get("mood"), None)
        if clean_writer.get("happened_on"):
            clean_writer["happened_on"] = validation.date(clean_writer["happened_on"], "date", allow_partial=True)
        row = self._read_note(
            person_id=person_id,
            relationship_id=relationship_id,
            text=" ".join(text.split()),
            tag=tag,
            created_at=created_at or now_iso(),
            writer=clean_writer,
        )
        return Note.from_row(
            {"id": 0, "person_id": person_id, "relationship_id": relationship_id, "text": text, "tag": tag, **row}
        )

    def remove(self, note_id: int) -> None:
        validation.record_id(note_id, "note")
        with self._db.transaction() as db:
            if db.execute("DELETE FROM notes WHERE id = ?", (note_id,)).rowcount == 0:
                raise NotFoundError("note", note_id)

    def put_back(self, note: Note) -> int:
        """Store a removed note again as it was (as `get` gave it: its text, tag, reading and dates): Undo.

        It keeps its id unless another note has taken it; a relationship deleted meanwhile is dropped."""
        self._people.get(note.person_id)
        with self._db.transaction() as db:
            columns = [info[1] for info in db.execute("PRAGMA table_info(notes)")]  # names from the schema
            row = {name: value for name, value in note.as_row().items() if name in columns}
            if db.execute("SELECT 1 FROM notes WHERE id = ?", (row.get("id"),)).fetchone():
                row.pop("id")
            if (
                row.get("relationship_id") is not None
                and not db.execute("SELECT 1 FROM relationships WHERE id = ?", (row["relationship_id"],)).fetchone()
            ):
                row["relationship_id"] = None
            return self._db.insert("notes", row)

    def get(self, note_id: int) -> Note:
        validation.record_id(note_id, "note")
        rows = self._db.query("SELECT * FROM notes WHERE id = ?", (note_id,))
        if not rows:
            raise NotFoundError("note", note_id)
        return self._in_its_language(_note_record(rows[0]))

    def for_person(self, person_id: int) -> list[Note]:
        validation.record_id(person_id, "person")
        rows = self._db.query("SELECT * FROM notes WHERE person_id = ? ORDER BY noted_on, id", (person_id,))
        return [self._in_its_language(_note_record(row)) for row in rows]

    def _in_its_language(self, note: Note) -> Note:
        """A note typed in French, Spanish or German, read as its language reads it: one stored before
        such notes were (read as English, "it reads as a label") is shown as a letter will say it. So is
        hard news stored as a label before letters said it ("miscarriage last spring")."""
        english = notesense.language_of(note.text) == "en"
        if english and not (note.problem == _LABEL and note.mood in ("sad", "loss")):
            return note
        fresh = self.reading(
            note.person_id,
            note.text,
            tag=note.tag,
            relationship_id=note.relationship_id,
            created_at=note.created_at,
            writer=note_reading.writer_choices(note),
        )
        return dataclasses.replace(
            note, about=fresh.about, mood=fresh.mood, phrasing=fresh.phrasing, problem=fresh.problem
        )


_LABEL = "it reads as a label, not a sentence"


def _note_record(row: Row) -> Note:
    """A stored note as readers expect it: an older archive's date in other digits read in 0-9."""
    for name in ("noted_on", "happened_on"):
        if name in row:
            row[name] = validation.stored_date(row[name], allow_partial=True)
    return Note.from_row(row)
