"""Taking everything out: people as vCard 4.0 or CSV, and the whole archive as documented JSON.

The JSON layout is described in docs/export-format.md; `SCHEMA_VERSION` changes when it does.
Files are written to a temporary name and renamed, so a failed export never leaves half a file.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, TypedDict, cast

from beautifulletters import __version__, fileio
from beautifulletters.errors import ValidationError
from beautifulletters.i18n import _
from beautifulletters.records import ImportantDate, JSONObject, Note, Person, Relationship
from beautifulletters.transfer import ics
from beautifulletters.transfer.vcard import write_vcard

if TYPE_CHECKING:
    from beautifulletters.archive import Archive

FORMATS = ("vcf", "csv", "json", "ics")
SCHEMA_NAME = "beautifulletters-archive"
SCHEMA_VERSION = 1
CSV_COLUMNS = (
    "Name",
    "Full Name",
    "Nickname",
    "Pronouns",
    "Birthday",
    "Anniversary",
    "E-mail",
    "Phone",
    "Address",
    "Language",
    "Tags",
    "Notes",
    "Pronunciation",
)
_MULTI = " ::: "  # Google's separator for several values in one cell; our importer reads it back


def _write_atomically(path: Path, write: Callable[[TextIO], object]) -> None:
    path = Path(path)
    if path.is_dir():
        raise ValidationError("out", _("{path} is a folder; give a file name.").format(path=path))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise fileio.cannot_use(path.parent, error, "create the folder") from None
    with fileio.open_for_writing(path, "w", encoding="utf-8", newline="") as handle:
        write(cast(TextIO, handle))


def _people(archive: Archive) -> list[Person]:
    return [archive.people.get(person_id) for person_id in archive.search.people_ids(sort="name")]


def _anniversary(archive: Archive, person_id: int) -> str | None:
    return next((d.date for d in archive.dates.for_person(person_id) if d.kind == "anniversary"), None)


def vcard_text(archive: Archive) -> str:
    """Everyone as vCard 4.0; relationships travel as RELATED with the other person's name."""
    names = {p_id: row.display_name for p_id, row in archive.people.rows(archive.search.people_ids()).items()}
    cards = []
    for person in _people(archive):
        related = [
            (rel.kind, names[rel.to_id])
            for rel in archive.relationships.for_person(person.id)
            if rel.from_id == person.id and rel.to_id in names
        ]
        cards.append(write_vcard(person, anniversary=_anniversary(archive, person.id), related=related))
    return "".join(cards)


def export_vcard(archive: Archive, path: str | Path) -> int:
    text = vcard_text(archive)
    _write_atomically(Path(path), lambda handle: handle.write(text))
    return text.count("BEGIN:VCARD")


def export_csv(archive: Archive, path: str | Path) -> int:
    """Everyone as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read accents right)."""
    people = _people(archive)

    def write(handle: TextIO) -> None:
        handle.write("\ufeff")
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(CSV_COLUMNS)
        for p in people:
            writer.writerow(
                [
                    p.display_name,
                    p.full_name or "",
                    p.nickname or "",
                    p.pronouns or "",
                    p.birthday or "",
                    _anniversary(archive, p.id) or "",
                    _MULTI.join(p.emails),
                    _MULTI.join(p.phones),
                    _MULTI.join(p.addresses),
                    p.language or "",
                    _MULTI.join(p.tags),
                    p.notes or "",
                    p.pronunciation or "",
                ]
            )

    _write_atomically(Path(path), write)
    return len(people)


class ArchiveDocument(TypedDict):
    """The JSON export's document (docs/export-format.md): each record as its `as_json()`."""

    format: str
    schema_version: int
    exported_at: str
    app_version: str
    default_signer_id: int | None
    people: list[JSONObject]
    relationships: list[JSONObject]
    notes: list[JSONObject]
    dates: list[JSONObject]
    letters: list[JSONObject]


def archive_document(archive: Archive) -> ArchiveDocument:
    """The whole archive as one JSON-ready document (see docs/export-format.md)."""
    import datetime as dt

    people: list[JSONObject] = []
    relationships: dict[int, Relationship] = {}
    notes: list[Note] = []
    dates: list[ImportantDate] = []
    for person in _people(archive):
        people.append(person.as_json())
        for rel in archive.relationships.for_person(person.id):
            relationships[rel.id] = rel
        notes.extend(archive.notes.for_person(person.id))
        dates.extend(archive.dates.for_person(person.id))
    letters: list[JSONObject] = []
    for summary in sorted(archive.letters.all(), key=lambda letter: letter.id):
        # The document holds a letter's row (no revision count) and each revision's (no size).
        letter = archive.letters.get(summary.id).as_json()
        letter.pop("revision_count", None)
        letter["revisions"] = [
            {k: v for k, v in revision.as_json().items() if k != "size"}
            for revision in archive.letters.revisions(summary.id)
        ]
        letters.append(letter)
    return ArchiveDocument(
        format=SCHEMA_NAME,
        schema_version=SCHEMA_VERSION,
        exported_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        app_version=__version__,
        default_signer_id=archive.settings.default_signer_id(),
        people=people,
        relationships=[relationships[key].as_json() for key in sorted(relationships)],
        notes=[note.as_json() for note in sorted(notes, key=lambda note: note.id)],
        dates=[date.as_json() for date in sorted(dates, key=lambda date: date.id)],
        letters=letters,
    )


def export_json(archive: Archive, path: str | Path) -> dict[str, int]:
    document = archive_document(archive)
    _write_atomically(Path(path), lambda handle: json.dump(document, handle, ensure_ascii=False, indent=2))
    return {key: len(document[key]) for key in ("people", "relationships", "notes", "dates", "letters")}


def export_calendar(archive: Archive, path: str | Path, *, remind_days: int = ics.DEFAULT_REMIND_DAYS) -> int:
    """Birthdays and dates as an iCalendar file (see transfer/ics.py); returns the number of events."""
    items = ics.occasions(archive)
    text = ics.calendar_text(items, remind_days=remind_days, archive_key=ics.archive_key(archive))
    _write_atomically(Path(path), lambda handle: handle.write(text))
    return len(items)


def export_archive(
    archive: Archive, fmt: str, path: str | Path, *, remind_days: int = ics.DEFAULT_REMIND_DAYS
) -> dict[str, int]:
    """Export in `fmt` (vcf, csv, json or ics) to `path`; returns what was written, by kind.

    `remind_days` is for ics: the alarm that many days before each date.
    """
    if fmt == "ics":
        ics.check_remind_days(remind_days)
        return {"events": export_calendar(archive, path, remind_days=remind_days)}
    if fmt == "vcf":
        return {"people": export_vcard(archive, path)}
    if fmt == "csv":
        return {"people": export_csv(archive, path)}
    if fmt == "json":
        return export_json(archive, path)
    raise ValidationError(
        "format", _("{fmt} is not an export format; use {items}.").format(fmt=repr(fmt), items=", ".join(FORMATS))
    )
