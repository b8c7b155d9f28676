"""Relationships: what the one who signs is to the one who receives (wife, friend, client)."""

from __future__ import annotations

import json
from typing import Unpack

from beautifulletters import validation
from beautifulletters.archive.connection import ArchiveDb, Row, now_iso
from beautifulletters.archive.people import PeopleManager
from beautifulletters.errors import ValidationError
from beautifulletters.i18n import _
from beautifulletters.records import Relationship, RelationshipFields


class RelationshipsManager:
    """``archive.relationships``: one relationship per ordered pair of people."""

    def __init__(self, db: ArchiveDb, people: PeopleManager) -> None:
        self._db = db
        self._people = people

    def set(self, from_id: int, to_id: int, **fields: Unpack[RelationshipFields]) -> int:
        """Create or update what `from_id` (who signs) is to `to_id` (who receives)."""
        self._people.get(from_id)
        self._people.get(to_id)
        if from_id == to_id:
            raise ValidationError("relationship", _("a person cannot have a relationship with themselves."))
        unknown = set(fields) - set(RelationshipFields.__annotations__)
        if unknown:
            raise ValidationError(sorted(unknown)[0], _("is not a field of a relationship."))
        existing = self.get(from_id, to_id)
        row: Row = {}
        if "kind" in fields or existing is None:
            row["kind"] = validation.text(fields.get("kind"), "kind", required=True, max_length=200)
        for name in ("since", "ended_on"):
            if name in fields:
                row[name] = validation.date(fields[name], name.replace("_", " "), allow_partial=True)
        if "how_we_met" in fields:
            row["how_we_met"] = validation.text(fields["how_we_met"], "how we met", multiline=True)
        for name, given in fields.items():
            if name in ("tone", "end_kind", "signs_as", "calls_them"):
                row[name] = validation.text(given, name.replace("_", " "))
        if "pet_names" in fields:
            pet_names = validation.text_list(fields["pet_names"], "pet name", plural="pet names")
            row["pet_names"] = json.dumps(pet_names, ensure_ascii=False)
        stamp = now_iso()
        row["updated_at"] = stamp
        with self._db.transaction():
            if existing:
                self._db.update("relationships", existing.id, row)
                relationship_id = existing.id
            else:
                row.update(from_id=from_id, to_id=to_id, created_at=stamp)
                relationship_id = self._db.insert("relationships", row)
            return relationship_id

    @staticmethod
    def _relationship_record(row: Row) -> Relationship:
        # What an older archive may hold (other digits, a year 0000) is read as every reader expects.
        for name in ("since", "ended_on"):
            if name in row:
                row[name] = validation.stored_date(row[name], allow_partial=True)
        return Relationship.from_row(row)

    def get(self, from_id: int, to_id: int) -> Relationship | None:
        validation.record_id(from_id, "person")
        validation.record_id(to_id, "person")
        rows = self._db.query("SELECT * FROM relationships WHERE from_id = ? AND to_id = ?", (from_id, to_id))
        return self._relationship_record(rows[0]) if rows else None

    def kinds_before(self, relationship_id: int) -> dict[str, int]:
        """How many relationships of each kind were made before this one (its place among its kind:
        drafting numbers pairs by it, so the couples of one archive are told apart)."""
        rows = self._db.query(
            "SELECT coalesce(kind, '') AS kind, count(*) AS n FROM relationships WHERE id < ? GROUP BY 1",
            (int(relationship_id),),
        )
        return {str(row["kind"]): int(row["n"]) for row in rows}

    def for_person(self, person_id: int) -> list[Relationship]:
        validation.record_id(person_id, "person")
        rows = self._db.query(
            "SELECT * FROM relationships WHERE from_id = ? OR to_id = ? ORDER BY id", (person_id, person_id)
        )
        return [self._relationship_record(r) for r in rows]
