"""What each import brought: per person and card, the card's values as they were imported.

A later import of the same card compares the card with this, not with the person as they are
now, so what the writer changed in the app (a removed email, a rewritten note) is never
undone by a card that did not change. Deleting the person deletes their records (cascade).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass

from beautifulletters.archive.connection import ArchiveDb, now_iso
from beautifulletters.records import JSONObject


@dataclass(frozen=True)
class ImportedCard:
    """One card as it was last imported into one person."""

    person_id: int
    card_key: str  # "uid:<vCard UID>", or "name:<the card's name>" for a card without one
    fingerprint: str  # of everything the card said
    names: list[str]
    brought: JSONObject


class ImportedCardsManager:
    """``archive.imported``: the import records of cards, read by the importer and written in its transactions."""

    def __init__(self, db: ArchiveDb) -> None:
        self._db = db

    def keys(self) -> Iterator[tuple[int, str, str, list[str]]]:
        """(person, card key, fingerprint, names) of every card ever imported: how cards are recognised."""
        for person_id, card_key, fingerprint, names in self._db.conn.execute(
            "SELECT person_id, card_key, fingerprint, names FROM imported_cards ORDER BY id"
        ):
            yield person_id, card_key, fingerprint, json.loads(names or "[]")

    def get(self, person_id: int, card_key: str) -> ImportedCard | None:
        row = self._db.conn.execute(
            "SELECT fingerprint, names, brought FROM imported_cards WHERE person_id = ? AND card_key = ?",
            (person_id, card_key),
        ).fetchone()
        if row is None:
            return None
        return ImportedCard(person_id, card_key, row[0], json.loads(row[1] or "[]"), json.loads(row[2] or "{}"))

    def record(self, card: ImportedCard) -> None:
        """Remember what a card brought to a person (replacing the record of its last import)."""
        with self._db.transaction():
            self._db.conn.execute(
                "INSERT INTO imported_cards (person_id, card_key, fingerprint, names, brought, imported_at)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (person_id, card_key) DO UPDATE SET"
                " fingerprint = excluded.fingerprint, names = excluded.names, brought = excluded.brought,"
                " imported_at = excluded.imported_at",
                (
                    card.person_id,
                    card.card_key,
                    card.fingerprint,
                    json.dumps(card.names, ensure_ascii=False),
                    json.dumps(card.brought, ensure_ascii=False, sort_keys=True),
                    now_iso(),
                ),
            )
