"""Relationships: what the one who signs is to the one who receives (wife, friend, client)."""

from __future__ import annotations

import json
from typing import Any

from beautifulletters import validation
from beautifulletters.archive.connection import ArchiveDb, now_iso
from beautifulletters.archive.people import PeopleManager
from beautifulletters.errors import ValidationError

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


class RelationshipsManager:
    """``archive.relationships``: one relationship per ordered pair of people."""

    def __init__(self, db: ArchiveDb, people: PeopleManager) -> None:
        self._db = db
        self._people = people

    def set(self, from_id: int, to_id: int, **fields: Any) -> int:
        """Create or update what `from_id` (who signs) is to `to_id` (who receives)."""
        self._people.get(from_id)
        self._people.get(to_id)
        if from_id == to_id:
            raise ValidationError("relationship", "a person cannot have a relationship with themselves.")
        unknown = set(fields) - set(_RELATIONSHIP_FIELDS)
        if unknown:
            raise ValidationError(sorted(unknown)[0], "is not a field of a relationship.")
        existing = self.get(from_id, to_id)
        row: dict[str, Any] = {}
        if "kind" in fields or existing is None:
            row["kind"] = validation.text(fields.get("kind"), "kind", required=True, max_length=200)
        for name in ("since", "ended_on"):
            if name in fields:
                row[name] = validation.date(fields[name], name.replace("_", " "), allow_partial=True)
        if "how_we_met" in fields:
            row["how_we_met"] = validation.text(fields["how_we_met"], "how we met", multiline=True)
        for name in ("tone", "end_kind", "signs_as", "calls_them"):
            if name in fields:
                row[name] = validation.text(fields[name], name.replace("_", " "))
        if "pet_names" in fields:
            pet_names = validation.text_list(fields["pet_names"], "pet name", plural="pet names")
            row["pet_names"] = json.dumps(pet_names, ensure_ascii=False)
        stamp = now_iso()
        row["updated_at"] = stamp
        with self._db.transaction():
            if existing:
                self._db.update("relationships", existing["id"], row)
                relationship_id = int(existing["id"])
            else:
                row.update(from_id=from_id, to_id=to_id, created_at=stamp)
                relationship_id = self._db.insert("relationships", row)
            return relationship_id

    def _relationship_record(self, row: dict[str, Any]) -> dict[str, Any]:
        record = dict(row)
        record["pet_names"] = json.loads(record["pet_names"] or "[]")
        # What an older archive may hold (other digits, a year 0000) is read as every reader expects.
        for name in ("since", "ended_on"):
            if name in record:
                record[name] = validation.stored_date(record[name], allow_partial=True)
        return record

    def get(self, from_id: int, to_id: int) -> dict[str, Any] | None:
        validation.record_id(from_id, "person")
        validation.record_id(to_id, "person")
        rows = self._db.query("SELECT * FROM relationships WHERE from_id = ? AND to_id = ?", (from_id, to_id))
        return self._relationship_record(rows[0]) if rows else None

    def for_person(self, person_id: int) -> list[dict[str, Any]]:
        validation.record_id(person_id, "person")
        rows = self._db.query(
            "SELECT * FROM relationships WHERE from_id = ? OR to_id = ? ORDER BY id", (person_id, person_id)
        )
        return [self._relationship_record(r) for r in rows]
