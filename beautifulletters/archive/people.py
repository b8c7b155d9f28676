"""People: adding, changing, reading and removing the people letters are written to and from."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Unpack

from beautifulletters import addresses, images, limits, validation
from beautifulletters.archive.connection import ArchiveDb, Row, now_iso
from beautifulletters.archive.settings import SettingsManager
from beautifulletters.errors import NotFoundError, ValidationError
from beautifulletters.i18n import _, n_
from beautifulletters.records import Person, PersonFields, PersonKeys, PersonSummary

# What add and update take, less the two flags only the app itself sets.
PERSON_FIELDS = tuple(name for name in PersonFields.__annotations__ if name not in ("is_sample", "is_self"))
_PERSON_LIST_FIELDS = ("addresses", "emails", "phones")
_LIST_FIELD_LABELS = {"addresses": "address", "emails": "email", "phones": "phone"}
_FIELD_LABELS = {"full_name": "full name", "nickname": "nickname", "language": "language"}
_FIELD_LABELS |= {"pronunciation": "pronunciation"}
_STORED_DATES = {"birthday": {"allow_yearless": True}, "died_on": {"allow_partial": True}}


@dataclass(frozen=True, slots=True)
class CheckedPerson:
    """A new person's fields, checked and cleaned as `people.add` stores them (see `PeopleManager.check`)."""

    row: Row
    tags: list[str] | None


class PeopleManager:
    """``archive.people``: one person at a time, and the few reads that span everyone."""

    def __init__(self, db: ArchiveDb, settings: SettingsManager) -> None:
        self._db = db
        self._settings = settings

    def _clean_person(self, fields: Mapping[str, Any], *, creating: bool) -> tuple[Row, list[str] | None]:
        unknown = set(fields) - set(PersonFields.__annotations__)
        if unknown:
            raise ValidationError(sorted(unknown)[0], _("is not a field of a person."))
        row: Row = {}
        if creating or "display_name" in fields:
            row["display_name"] = validation.text(fields.get("display_name"), "name", required=True)
        for name, label in _FIELD_LABELS.items():
            if name in fields:
                row[name] = validation.text(fields[name], label)
        if "notes" in fields:
            row["notes"] = validation.text(fields["notes"], "notes", multiline=True)
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
                # An address is several lines; an email or a phone number is one.
                checked = validation.text_list(
                    values, _LIST_FIELD_LABELS[name], plural=name, multiline=name == "addresses"
                )
                row[name] = json.dumps(checked, ensure_ascii=False)
        if "postal_addresses" in fields:
            # In parts; the text shown (and searched) follows unless it was given as well.
            given = list(fields["postal_addresses"] or [])
            if len(given) > limits.LIST_ITEMS:
                raise validation.refuse(
                    "address",
                    _("There are more than {LIST_ITEMS} addresses; a person may have at most that many.").format(
                        LIST_ITEMS=limits.LIST_ITEMS
                    ),
                )
            parts = [addresses.clean_address(item) for item in given]
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
                raise ValidationError("photo", _("must be image bytes."))
            row["photo"] = images.check_photo(bytes(photo), "photo") if photo else None
        for flag in ("is_sample", "is_self"):
            if flag in fields:
                row[flag] = 1 if fields[flag] else 0
        tags = None
        if "tags" in fields:
            tags = list(dict.fromkeys(validation.tag(t, "tag") for t in (fields["tags"] or [])))
            if len(tags) > limits.LIST_ITEMS:
                raise validation.refuse(
                    "tag",
                    _("There are more than {LIST_ITEMS} tags; a person may have at most {LIST_ITEMS}.").format(
                        LIST_ITEMS=limits.LIST_ITEMS
                    ),
                )
        return row, tags

    def check(self, *, creating: bool = True, **fields: Unpack[PersonFields]) -> CheckedPerson:
        """Raise the ValidationError that add (or update) would, and write nothing.

        Returns the person as add would store them: `add_checked` stores it without checking
        every field again (an import checks every card before it writes any, then adds them).
        """
        row, tags = self._clean_person(fields, creating=creating)
        return CheckedPerson(row, tags)

    def would_be(self, before: Person, *, creating: bool = False, **fields: Unpack[PersonFields]) -> Person:
        """The person `before` becomes with `fields` (checked as add or update would), written nowhere.

        An import's dry run: `before` is the stored person, or (`creating`) a blank record with
        the made-up id of someone not added yet.
        """
        row, tags = self._clean_person(fields, creating=creating)
        return Person.from_row({**before.as_row(), **row}, tags=list(before.tags if tags is None else tags))

    def add(self, **fields: Unpack[PersonFields]) -> int:
        return self.add_checked(self.check(creating=True, **fields))

    def add_checked(self, person: CheckedPerson) -> int:
        """Add a person `check` (with creating=True) has made ready."""
        stamp = now_iso()
        row = {**person.row, "created_at": stamp, "updated_at": stamp}
        with self._db.transaction():
            person_id = self._db.insert("people", row)
            if person.tags:
                self._db.conn.executemany(
                    "INSERT INTO person_tags (person_id, tag) VALUES (?, ?)", [(person_id, tag) for tag in person.tags]
                )
        return int(person_id)

    def update(self, person_id: int, **fields: Unpack[PersonFields]) -> None:
        self.get(person_id)
        row, tags = self._clean_person(fields, creating=False)
        row["updated_at"] = now_iso()
        with self._db.transaction() as db:
            self._db.update("people", person_id, row)
            if tags is not None:
                db.execute("DELETE FROM person_tags WHERE person_id = ?", (person_id,))
                for tag in tags:
                    self._db.insert("person_tags", {"person_id": person_id, "tag": tag})

    def name_texts(self) -> Iterator[str]:
        """Every name, nickname, pet name and address in the archive (the spell checker's known words).

        One at a time: 100,000 people's names held in a list at once cost about 20 MB.
        """
        for row in self._db.conn.execute("SELECT display_name, full_name, nickname, addresses FROM people"):
            yield from (value for value in row[:3] if value)
            yield from json.loads(row[3] or "[]")
        for (pet_names,) in self._db.conn.execute("SELECT pet_names FROM relationships"):
            yield from json.loads(pet_names or "[]")

    def names_stamp(self) -> tuple[object, ...]:
        """Changes whenever name_texts() could: people or relationships added, removed or edited.

        The lengths of the names count too: two edits within the same millisecond share a stamp.
        """
        people = self._db.conn.execute(
            "SELECT count(*), max(id), max(updated_at), total(length(display_name) + length(coalesce(full_name, ''))"
            " + length(coalesce(nickname, '')) + length(coalesce(addresses, ''))) FROM people"
        ).fetchone()
        relationships = self._db.conn.execute(
            "SELECT count(*), max(id), max(updated_at), total(length(coalesce(pet_names, ''))) FROM relationships"
        ).fetchone()
        return (*people, *relationships)

    def letter_count(self, person_id: int) -> int:
        return self._db.conn.execute(
            "SELECT count(*) FROM letters WHERE recipient_id = ? OR signer_id = ?", (person_id, person_id)
        ).fetchone()[0]

    def remove(self, person_id: int, *, with_letters: bool = False) -> None:
        """Remove a person with their notes, dates and relationships.

        Letters are years of someone's words: removing a person who has any needs `with_letters`.
        """
        person = self.get(person_id)
        letters = self.letter_count(person_id)
        if letters and not with_letters:
            raise ValidationError(
                "person",
                n_(
                    "{name} has {count} letter; remove it too on purpose (--with-letters) or keep the person.",
                    "{name} has {count} letters; remove them too on purpose (--with-letters) or keep the person.",
                    letters,
                ).format(name=person.display_name, count=letters),
            )
        if self._settings.default_signer_id() == person_id:
            raise ValidationError(
                "person",
                _("{display_name} is the default signer; choose another first.").format(
                    display_name=person.display_name
                ),
            )
        with self._db.transaction() as db:
            # Their tags, relationships, notes, dates and letters go too (the foreign keys cascade).
            db.execute("DELETE FROM people WHERE id = ?", (person_id,))

    def get(self, person_id: int) -> Person:
        validation.record_id(person_id, "person")
        rows = self._db.query("SELECT * FROM people WHERE id = ?", (person_id,))
        if not rows:
            raise NotFoundError("person", person_id)
        row = rows[0]
        for name, options in _STORED_DATES.items():
            # What an older archive may hold (other digits, a year 0000) is read as every reader expects.
            row[name] = validation.stored_date(row.get(name), **options)
        tags = self._db.conn.execute("SELECT tag FROM person_tags WHERE person_id = ? ORDER BY tag", (person_id,))
        return Person.from_row(row, tags=[tag for (tag,) in tags])

    def rows(self, ids: list[int]) -> dict[int, PersonSummary]:
        """Light records (no photo) for a page of people, for list views."""
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = self._db.query(
            f"SELECT id, display_name, nickname, birthday, last_letter_at, is_self, is_sample "
            f"FROM people WHERE id IN ({marks})",
            ids,
        )
        return {row["id"]: PersonSummary.from_row(row) for row in rows}

    def all_tags(self) -> list[str]:
        return [r[0] for r in self._db.conn.execute("SELECT DISTINCT tag FROM person_tags ORDER BY tag")]

    def match_keys(self) -> list[PersonKeys]:
        """Names, birthdays, emails and phones of everyone, in one query: what an import matches on."""
        rows = self._db.query("SELECT id, display_name, full_name, birthday, emails, phones FROM people ORDER BY id")
        return [PersonKeys.from_row(row) for row in rows]

    def has_sample(self) -> bool:
        return bool(
            self._db.conn.execute(
                "SELECT EXISTS(SELECT 1 FROM people WHERE is_sample = 1)"
                " OR EXISTS(SELECT 1 FROM letters WHERE is_sample = 1)"
            ).fetchone()[0]
        )

    def remove_sample(self) -> int:
        """Remove the sample correspondence (people, notes, dates, letters); returns people removed.

        Everything belonging to a sample person goes with them (the foreign keys cascade).
        """
        with self._db.transaction() as db:
            db.execute("DELETE FROM letters WHERE is_sample = 1")
            return db.execute("DELETE FROM people WHERE is_sample = 1").rowcount
