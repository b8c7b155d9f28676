"""Where an import's changes go: into the archive in short transactions, or (a dry run) nowhere.

A real import writes in chunks: each chunk is one transaction that holds the archive's write
lock for at most CHUNK_SECONDS, then the lock is left free for PAUSE_SECONDS, so another
program's write (a `people add`, the window's autosave) waits a moment, not the whole import.
A dry run writes nothing and takes no lock at all: the same steps run against a record of what
they would have changed, so the preview says exactly what the import will do.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from typing import TYPE_CHECKING

from beautifulletters import validation
from beautifulletters.archive.imported import ImportedCard
from beautifulletters.archive.people import CheckedPerson
from beautifulletters.records import Person, PersonFields

if TYPE_CHECKING:
    from beautifulletters.archive import Archive

# How long one chunk may hold the write lock. SQLite's busy handler retries a waiting writer
# at most 100 ms apart, so a pause a little longer than that always lets one in.
CHUNK_SECONDS = 0.5
PAUSE_SECONDS = 0.12


class ImportWrites:
    """The archive as one import sees it and changes it (see the module's description)."""

    def __init__(self, archive: Archive, *, dry_run: bool) -> None:
        self.archive = archive
        self.dry_run = dry_run
        self._people: dict[int, Person] = {}
        self._cards: dict[tuple[int, str], ImportedCard] = {}
        self._anniversaries: dict[int, set[str]] = {}
        self._pairs: set[tuple[int, int]] = set()
        self._next_unsaved = -1
        self._chunk_started = 0.0

    # ------------------------------------------------------------------ chunks
    @contextmanager
    def chunk(self) -> Iterator[None]:
        """One transaction of a real import (nothing for a dry run); see chunk_full."""
        self._chunk_started = time.monotonic()
        with nullcontext() if self.dry_run else self.archive.transaction():
            yield

    def chunk_full(self) -> bool:
        return not self.dry_run and time.monotonic() - self._chunk_started >= CHUNK_SECONDS

    def let_others_write(self) -> None:
        """Between two chunks: leave the write lock free long enough for a waiting writer to take it."""
        if not self.dry_run:
            time.sleep(PAUSE_SECONDS)

    @contextmanager
    def card(self) -> Iterator[None]:
        """One card: all of its changes, or (when it is skipped halfway) none of them."""
        with nullcontext() if self.dry_run else self.archive.transaction():
            yield

    # ------------------------------------------------------------------ people
    def person(self, person_id: int) -> Person:
        if person_id in self._people:
            return self._people[person_id]
        return self.archive.people.get(person_id)

    def add_person(self, fields: PersonFields, checked: CheckedPerson | None = None) -> int:
        """Add a new person; `checked` is what people.check made of the same `fields` (not checked again)."""
        if not self.dry_run:
            if checked is not None:
                return self.archive.people.add_checked(checked)
            return self.archive.people.add(**fields)
        person_id = self._next_unsaved
        self._next_unsaved -= 1
        self._people[person_id] = self.archive.people.would_be(
            Person(id=person_id, display_name=""), creating=True, **fields
        )
        return person_id

    def update_person(self, person_id: int, changes: PersonFields) -> None:
        if not self.dry_run:
            self.archive.people.update(person_id, **changes)
            return
        self._people[person_id] = self.archive.people.would_be(self.person(person_id), **changes)

    # ------------------------------------------------------------------ dates
    def anniversaries(self, person_id: int) -> set[str]:
        dates = set(self._anniversaries.get(person_id, set()))
        if person_id > 0:
            dates |= {d.date for d in self.archive.dates.for_person(person_id) if d.kind == "anniversary"}
        return dates

    def add_anniversary(self, person_id: int, date: str) -> None:
        if self.dry_run:
            validation.date(date, "date", allow_yearless=True)
            self._anniversaries.setdefault(person_id, set()).add(date)
        else:
            self.archive.dates.add(person_id, kind="anniversary", date=date)

    # ------------------------------------------------------------------ cards
    def imported_card(self, person_id: int, card_key: str) -> ImportedCard | None:
        if (person_id, card_key) in self._cards:
            return self._cards[(person_id, card_key)]
        return self.archive.imported.get(person_id, card_key) if person_id > 0 else None

    def record_card(self, card: ImportedCard) -> None:
        if self.dry_run:
            self._cards[(card.person_id, card.card_key)] = card
        else:
            self.archive.imported.record(card)

    # ------------------------------------------------------------------ relationships
    def related(self, from_id: int, to_id: int) -> bool:
        if (from_id, to_id) in self._pairs:
            return True
        return from_id > 0 and to_id > 0 and self.archive.relationships.get(from_id, to_id) is not None

    def relate(self, from_id: int, to_id: int, kind: str) -> None:
        if self.dry_run:
            validation.text(kind, "kind", required=True, max_length=200)
            self._pairs.add((from_id, to_id))
        else:
            self.archive.relationships.set(from_id, to_id, kind=kind)
