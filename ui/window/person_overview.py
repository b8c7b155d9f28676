"""What the person panel shows about one person, read as plain data (off the window's thread)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from beautifulletters import humandates, words
from beautifulletters.archive import Archive
from beautifulletters.dates import counts_years
from beautifulletters.errors import BeautifulLettersError
from beautifulletters.i18n import N_, _
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
    uncounted: frozenset[int]  # the dates whose years are not counted: their person died, or it ended
    letters: list[LetterSummary]


# How a relationship ended, said with when it did ("Divorced in 2019.") or alone ("Divorced.");
# {when} is "in 2019" or "on 3 March 2019", {date} the date alone.
_ENDED_SENTENCES = {
    "divorce": (N_("Divorced {when}."), N_("Divorced.")),
    "separation": (N_("Separated {when}."), N_("Separated.")),
    "estrangement": (N_("Estranged since {date}."), N_("Estranged.")),
}


def _when(stored: str) -> str:
    """'in 2019', 'in September 2019' or 'on 3 March 2019': a date known to the year, month or day."""
    if len(stored) == 4:
        return _("in {year}").format(year=stored)
    if len(stored) == 7:
        return _("in {month}").format(month=humandates.partial_date(stored))
    return _("on {date}").format(date=humandates.partial_date(stored))


def ended_sentence(ended_on: str | None, end_kind: str | None) -> str:
    """The end of a relationship as the panel says it: "Divorced in 2019.", "Ended on 3 March 2020 (moved away)."."""
    how = (end_kind or "").strip()
    if how in _ENDED_SENTENCES:
        with_date, alone = _ENDED_SENTENCES[how]
        if not ended_on:
            return _(alone)
        return _(with_date).format(when=_when(ended_on), date=humandates.partial_date(ended_on))
    if how and ended_on:
        return _("Ended {when} ({how}).").format(when=_when(ended_on), how=how)
    if how:
        return _("Ended ({how}).").format(how=how)
    return _("Ended {when}.").format(when=_when(ended_on)) if ended_on else ""


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
    relationships = archive.relationships.for_person(person_id)
    dates = archive.dates.for_person(person_id)
    for rel in relationships:
        if rel.to_id != person_id:
            continue
        signer = archive.people.get(rel.from_id).display_name
        kind = words.relationship_kind(rel.kind)
        line = _("{kind} of {name}").format(kind=kind[:1].upper() + kind[1:], name=signer)
        if rel.since:
            # An ended relationship, or one with someone who died, counts no more round years
            # ("· 50 years on 24 December").
            ended = rel.ended_on or rel.end_kind or person.died_on
            since = humandates.partial_date(rel.since) if ended else humandates.since(rel.since)
            line = _("{relationship}, since {date}").format(relationship=line, date=since)
        line += "."
        if rel.how_we_met:
            line += " " + _("Met {how}.").format(how=rel.how_we_met)
        if rel.pet_names:
            line += " " + _("Pet names: {names}.").format(names=", ".join(rel.pet_names))
        if rel.ended_on or rel.end_kind:
            line += " " + ended_sentence(rel.ended_on, rel.end_kind)
        if rel.signs_as:
            line += " " + _("Signs as “{name}”.").format(name=rel.signs_as)
        if rel.calls_them:
            line += " " + _("Calls them “{name}”.").format(name=rel.calls_them)
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
        dates=dates,
        uncounted=frozenset(d.id for d in dates if not counts_years(d, person, relationships)),
        letters=letters,
    )


def person_overview(path: Path, person_id: int) -> Overview | None:
    """Worker side: `read_overview` on a read-only connection of its own.

    Choosing people as you search or browse reads their notes and 500-letter histories here,
    not on the window's thread (where it took up to 260 ms on a large archive).
    """
    with Archive.open_reader(path) as reader:
        return read_overview(reader, person_id)
