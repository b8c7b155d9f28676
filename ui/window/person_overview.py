"""What the person panel shows about one person, read as plain data (off the window's thread)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from beautifulletters import humandates, words
from beautifulletters.archive import Archive
from beautifulletters.errors import BeautifulLettersError
from beautifulletters.i18n import _
from beautifulletters.records import ImportantDate, LetterSummary, Note, Person


@dataclass(frozen=True)
class Overview:
    """Everything the panel shows about one person, read off the window's thread."""

    person: Person
    relationship_lines: list[str]
    relationship_from: int | None
    # Whose relationship a note added in the panel may belong to: (signer id, name) of everyone
    # with a relationship to this person, the current signer first; and which one a new note
    # joins unless the writer chooses (the current signer's, else the one who wrote to them last,
    # else none: the note is about the person, for every signer).
    note_signers: list[tuple[int, str]]
    note_signer: int | None
    notes: list[Note]
    dates: list[ImportantDate]
    letters: list[LetterSummary]


def read_overview(archive: Archive, person_id: int) -> Overview | None:
    """Everything the panel shows about one person, as plain data (None if they are gone)."""
    try:
        person = archive.people.get(person_id)
    except BeautifulLettersError:
        return None
    lines = []
    signer_id = archive.settings.default_signer_id()
    relationship_from = signer_id
    signers: list[tuple[int, str]] = []
    for rel in archive.relationships.for_person(person_id):
        if rel.to_id != person_id:
            continue
        signer = archive.people.get(rel.from_id).display_name
        kind = words.relationship_kind(rel.kind)
        line = _("{kind} of {name}").format(kind=kind[:1].upper() + kind[1:], name=signer)
        if rel.since:
            line = _("{relationship}, since {date}").format(relationship=line, date=humandates.since(rel.since))
        line += "."
        if rel.how_we_met:
            line += " " + _("Met {how}.").format(how=rel.how_we_met)
        if rel.pet_names:
            line += " " + _("Pet names: {names}.").format(names=", ".join(rel.pet_names))
        lines.append(line)
        signers.append((rel.from_id, signer))
        if all(sid != signer_id for sid, _name in signers[:-1]):
            relationship_from = rel.from_id  # the signer's own relationship to edit, else the last
    letters = archive.letters.all(to=person_id)
    related = [sid for sid, _name in signers]
    wrote_last = next((letter.signer_id for letter in letters if letter.signer_id in related), None)
    note_signer = signer_id if signer_id in related else wrote_last
    signers.sort(key=lambda pair: pair[0] != note_signer)
    return Overview(
        person=person,
        relationship_lines=lines,
        relationship_from=relationship_from,
        note_signers=signers,
        note_signer=note_signer,
        notes=archive.notes.for_person(person_id),
        dates=archive.dates.for_person(person_id),
        letters=letters,
    )


def person_overview(path: Path, person_id: int) -> Overview | None:
    """Worker side: `read_overview` on a read-only connection of its own.

    Choosing people as you search or browse reads their notes and 500-letter histories here,
    not on the window's thread (where it took up to 260 ms on a large archive).
    """
    with Archive.open_reader(path) as reader:
        return read_overview(reader, person_id)
