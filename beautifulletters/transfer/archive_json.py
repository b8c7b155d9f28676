"""Reading a whole-archive JSON export back (docs/export-format.md), checked field by field.

The file may come from anywhere, so nothing in it is trusted: every record's fields are checked
for their type and value (the same checks the archive applies to what is typed), every id a
record refers to must be in the file, and the first thing wrong is reported as one sentence
that says where ("letters[3].recipient_id: ..."). Nothing is stored until all of it passed;
the archive then takes it in one transaction (see archive/contents.py).
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from beautifulletters import limits, userfiles, validation
from beautifulletters.addresses import clean_address, parse_address
from beautifulletters.archive.connection import Row
from beautifulletters.archive.contents import ArchiveRows, holds_only_the_start, replace_contents
from beautifulletters.errors import BeautifulLettersError, ValidationError
from beautifulletters.i18n import _
from beautifulletters.records import JSONObject
from beautifulletters.transfer.exporter import SCHEMA_NAME, SCHEMA_VERSION

if TYPE_CHECKING:
    from beautifulletters.archive import Archive

MAX_FILE_BYTES = limits.ARCHIVE_EXPORT_BYTES
_LETTER_STATUSES = ("draft", "final", "sent")
_DATE_KINDS = ("birthday", "anniversary", "custom")
_BODY_FORMATS = ("text", "html")


class NotAnExportError(BeautifulLettersError):
    """The file is not a BeautifulLetters JSON export (or is damaged); the message says why."""


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def read_document(path: Path) -> JSONObject:
    """The parsed file, or NotAnExportError with one sentence saying why it cannot be one."""
    try:
        raw = userfiles.read_limited(path, field="file", what="an archive export", limit=MAX_FILE_BYTES)
    except userfiles.FileRefused as error:
        raise NotAnExportError(str(error)) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise NotAnExportError(
            _("{path} is not UTF-8 text, so it is not an archive export.").format(path=path)
        ) from None
    try:
        document = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        raise NotAnExportError(
            _("{path} is not valid JSON ({msg} at line {lineno}, column {colno}).").format(
                path=path, msg=error.msg, lineno=error.lineno, colno=error.colno
            )
        ) from None
    except (ValueError, RecursionError) as error:
        reason = "nested too deeply" if isinstance(error, RecursionError) else str(error)
        raise NotAnExportError(
            _("{path} cannot be read as an archive export ({reason}).").format(path=path, reason=reason)
        ) from None
    return check_header(document, path)


def check_header(document: object, path: Path | str) -> JSONObject:
    if not isinstance(document, dict) or document.get("format") != SCHEMA_NAME:
        raise NotAnExportError(
            _(
                "{path} is not a BeautifulLetters archive export (made by File ▸ Export everything or "
                "`beautifulletters export --format json`)."
            ).format(path=path)
        )
    version = document.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise NotAnExportError(_("{path} has no schema_version, so it cannot be read safely.").format(path=path))
    if version > SCHEMA_VERSION:
        raise NotAnExportError(
            _(
                "{path} was made by a newer version of BeautifulLetters (layout {version}); update the app to read it."
            ).format(path=path, version=version)
        )
    return document


# ------------------------------------------------------------------- field checks
Check = Callable[[Any, str], Any]


def _integer(value: Any, where: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 < value < 2**63:
        raise ValidationError(where, _("must be a positive whole number."))
    return value


def _optional(check: Check) -> Check:
    return lambda value, where: None if value is None else check(value, where)


def _text(value: Any, where: str) -> str | None:
    return validation.text(value, where)


def _lines(value: Any, where: str) -> str | None:
    """Text of several lines: notes, how two people met."""
    return validation.text(value, where, multiline=True)


def _required_text(value: Any, where: str) -> str:
    cleaned = validation.text(value, where, required=True)
    assert cleaned is not None
    return cleaned


def _required_lines(value: Any, where: str) -> str:
    cleaned = validation.text(value, where, required=True, multiline=True)
    assert cleaned is not None
    return cleaned


def _any_text(value: Any, where: str) -> str:
    """Letter bodies may be empty: text, but never missing; kept as a body is saved from the desk."""
    if not isinstance(value, str):
        raise ValidationError(where, _("must be text, not {type}.").format(type=type(value).__name__))
    return validation.body(value, where)


def _time(value: Any, where: str) -> str:
    cleaned = _required_text(value, where)
    try:
        dt.datetime.fromisoformat(cleaned)
    except ValueError:
        raise ValidationError(
            where, _("{value} is not a time (ISO 8601, e.g. 2025-06-30T12:00:00+00:00).").format(value=repr(cleaned))
        ) from None
    return cleaned


def _flag(value: Any, where: str) -> int:
    if not isinstance(value, bool):
        raise ValidationError(where, _("must be true or false."))
    return 1 if value else 0


def _list_of_text(value: Any, where: str, *, multiline: bool = False) -> str:
    if not isinstance(value, list):
        raise ValidationError(where, _("must be a list of text."))
    if len(value) > limits.LIST_ITEMS:
        raise validation.refuse(
            where, f"{where} has {len(value):,} entries; a list may hold at most {limits.LIST_ITEMS}."
        )
    check = _required_lines if multiline else _required_text
    return json.dumps([check(item, f"{where}[{i}]") for i, item in enumerate(value)], ensure_ascii=False)


def _list_of_lines(value: Any, where: str) -> str:
    return _list_of_text(value, where, multiline=True)


def _one_of(*choices: str) -> Check:
    def check(value: Any, where: str) -> str:
        if value not in choices:
            raise ValidationError(
                where, _("{value} is not one of {items}.").format(value=repr(value), items=", ".join(choices))
            )
        return str(value)

    return check


def _date(**options: bool) -> Check:
    return lambda value, where: validation.date(value, where, **options)


def _photo(value: Any, where: str) -> bytes:
    if not isinstance(value, str):
        raise ValidationError(where, _("must be the image in base64."))
    try:
        # Kept as the archive kept it: a photo stored before photos were checked (another format,
        # a larger file) must come back with the rest of an export, not stop it.
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise ValidationError(where, _("is not valid base64.")) from None


def _postal_addresses(value: Any, where: str) -> str:
    if not isinstance(value, list):
        raise ValidationError(where, _("must be a list of addresses."))
    parts = [clean_address(item, f"{where}[{i}]").as_json() for i, item in enumerate(value)]
    return json.dumps(parts, ensure_ascii=False)


def _style(value: Any, where: str) -> str:
    if not isinstance(value, dict):
        raise ValidationError(where, _("must be an object (font, stationery, page size...)."))
    return json.dumps(value, ensure_ascii=False)


# Each table's columns: (field in the file, check, required). Fields the file leaves out are
# stored empty, except those marked required.
_PEOPLE: dict[str, tuple[Check, bool]] = {
    "id": (_integer, True),
    "display_name": (_required_text, True),
    "full_name": (_text, False),
    "nickname": (_text, False),
    "pronouns": (lambda value, where: validation.pronouns(value, where), False),
    "birthday": (_date(allow_yearless=True), False),
    "addresses": (_list_of_lines, False),
    "postal_addresses": (_postal_addresses, False),
    "emails": (_list_of_text, False),
    "phones": (_list_of_text, False),
    "language": (_text, False),
    "photo": (_optional(_photo), False),
    "notes": (_lines, False),
    "pronunciation": (_text, False),
    "died_on": (_date(allow_partial=True), False),
    "is_self": (_flag, False),
    "is_sample": (_flag, False),
    "last_letter_at": (_optional(_time), False),
    "created_at": (_time, True),
    "updated_at": (_time, True),
}
_RELATIONSHIPS: dict[str, tuple[Check, bool]] = {
    "id": (_integer, True),
    "from_id": (_integer, True),
    "to_id": (_integer, True),
    "kind": (_required_text, True),
    "since": (_date(allow_partial=True), False),
    "how_we_met": (_lines, False),
    "pet_names": (_list_of_text, False),
    "tone": (_text, False),
    "ended_on": (_date(allow_partial=True), False),
    "end_kind": (_text, False),
    "signs_as": (_text, False),
    "calls_them": (_text, False),
    "created_at": (_optional(_time), False),
    "updated_at": (_optional(_time), False),
}
_NOTES: dict[str, tuple[Check, bool]] = {
    "id": (_integer, True),
    "person_id": (_integer, True),
    "relationship_id": (_optional(_integer), False),
    "text": (_required_lines, True),
    "tag": (lambda value, where: validation.tag(value, where), True),
    "noted_on": (_date(allow_partial=True), False),
    # How the note was read when written (notesense); drafts read it again, so these may be empty.
    "scope": (_optional(_one_of("relationship", "person")), False),
    "about": (_optional(_one_of("recipient", "signer", "both", "other")), False),
    "mood": (_optional(_one_of("happy", "funny", "tender", "sad", "loss")), False),
    "happened_on": (_date(allow_partial=True), False),
    "phrasing": (_text, False),
    "problem": (_text, False),
    "writer_set": (_text, False),
    "created_at": (_optional(_time), False),
    "updated_at": (_optional(_time), False),
}
_DATES: dict[str, tuple[Check, bool]] = {
    "id": (_integer, True),
    "person_id": (_integer, True),
    "relationship_id": (_optional(_integer), False),
    "kind": (_one_of(*_DATE_KINDS), True),
    "date": (_date(allow_yearless=True), True),
    "label": (_text, False),
    "yearly": (_flag, False),
    "created_at": (_optional(_time), False),
}
_LETTERS: dict[str, tuple[Check, bool]] = {
    "id": (_integer, True),
    "signer_id": (_integer, True),
    "recipient_id": (_integer, True),
    "occasion": (_text, False),
    "occasion_date": (_date(allow_yearless=True), False),
    "template": (_text, False),
    "title": (_text, False),
    "body": (_any_text, True),
    "body_format": (_one_of(*_BODY_FORMATS), True),
    "body_text": (_optional(_any_text), False),
    "language": (_text, False),
    "style": (_style, False),
    "status": (_one_of(*_LETTER_STATUSES), True),
    "sent_on": (_date(), False),
    "is_sample": (_flag, False),
    "created_at": (_time, True),
    "updated_at": (_optional(_time), False),
    "dated": (_date(), False),  # absent (an older export): its occasion's day when ahead, else the day written
}
_REVISIONS: dict[str, tuple[Check, bool]] = {
    "id": (_integer, True),
    "letter_id": (_integer, True),
    "body": (_any_text, True),
    "body_format": (_optional(_one_of(*_BODY_FORMATS)), False),
    "body_text": (_optional(_any_text), False),
    "created_at": (_time, True),
    "updated_at": (_optional(_time), False),
}


def _row(record: Any, columns: dict[str, tuple[Check, bool]], where: str) -> Row:
    if not isinstance(record, dict):
        raise ValidationError(where, _("must be an object."))
    row: Row = {}
    for name, (check, required) in columns.items():
        value = record.get(name)
        if value is None:
            if required:
                raise ValidationError(f"{where}.{name}", _("is missing."))
            row[name] = None
            continue
        row[name] = check(value, f"{where}.{name}")
    return row


def _records(document: JSONObject, key: str) -> list[Any]:
    records = document.get(key, [])
    if not isinstance(records, list):
        raise ValidationError(key, _("must be a list."))
    return records


def _unique(rows: list[Row], key: str) -> set[int]:
    seen: set[int] = set()
    for index, row in enumerate(rows):
        if row["id"] in seen:
            raise ValidationError(f"{key}[{index}].id", _("{id} appears twice.").format(id=row["id"]))
        seen.add(row["id"])
    return seen


def _refers(rows: list[Row], key: str, name: str, known: set[int], what: str) -> None:
    for index, row in enumerate(rows):
        if row[name] is not None and row[name] not in known:
            raise ValidationError(
                f"{key}[{index}].{name}", _("{row} is not {what} in the file.").format(row=row[name], what=what)
            )


def archive_rows(document: JSONObject) -> ArchiveRows:
    """Check every record of an export and turn it into rows; raises ValidationError at the first fault."""
    rows = ArchiveRows()
    for index, record in enumerate(_records(document, "people")):
        row = _row(record, _PEOPLE, f"people[{index}]")
        for name in ("addresses", "emails", "phones"):
            row[name] = row[name] or "[]"
        if row["postal_addresses"] is None:  # an export from before addresses had parts
            texts = json.loads(row["addresses"])
            row["postal_addresses"] = json.dumps([parse_address(t).as_json() for t in texts], ensure_ascii=False)
        row["is_self"] = row["is_self"] or 0
        row["is_sample"] = row["is_sample"] or 0
        tags = record.get("tags") or []
        if not isinstance(tags, list):
            raise ValidationError(f"people[{index}].tags", _("must be a list of text."))
        for tag in dict.fromkeys(validation.tag(t, f"people[{index}].tags") for t in tags):
            rows.tags.append((row["id"], tag))
        rows.people.append(row)
    people = _unique(rows.people, "people")

    for index, record in enumerate(_records(document, "relationships")):
        row = _row(record, _RELATIONSHIPS, f"relationships[{index}]")
        row["pet_names"] = row["pet_names"] or "[]"
        if row["from_id"] == row["to_id"]:
            raise ValidationError(f"relationships[{index}]", _("a person cannot have a relationship with themselves."))
        rows.relationships.append(row)
    relationships = _unique(rows.relationships, "relationships")
    _refers(rows.relationships, "relationships", "from_id", people, "a person")
    _refers(rows.relationships, "relationships", "to_id", people, "a person")
    pairs = [(row["from_id"], row["to_id"]) for row in rows.relationships]
    if len(set(pairs)) != len(pairs):
        raise ValidationError("relationships", _("the same two people appear in two relationships."))

    rows.notes = [_row(r, _NOTES, f"notes[{i}]") for i, r in enumerate(_records(document, "notes"))]
    rows.dates = [_row(r, _DATES, f"dates[{i}]") for i, r in enumerate(_records(document, "dates"))]
    for key, table in (("notes", rows.notes), ("dates", rows.dates)):
        _unique(table, key)
        _refers(table, key, "person_id", people, "a person")
        _refers(table, key, "relationship_id", relationships, "a relationship")
    for row in rows.dates:
        row["yearly"] = 1 if row["yearly"] is None else row["yearly"]

    for index, record in enumerate(_records(document, "letters")):
        row = _row(record, _LETTERS, f"letters[{index}]")
        row["style"] = row["style"] or "{}"
        row["is_sample"] = row["is_sample"] or 0
        if row["body_text"] is None:
            row["body_text"] = row["body"]
        revisions = record.get("revisions") or []
        if not isinstance(revisions, list):
            raise ValidationError(f"letters[{index}].revisions", _("must be a list."))
        for number, revision in enumerate(revisions):
            where = f"letters[{index}].revisions[{number}]"
            revision_row = _row(revision, _REVISIONS, where)
            if revision_row["letter_id"] != row["id"]:
                raise ValidationError(
                    f"{where}.letter_id",
                    _("is {letter_id}, not {id}.").format(letter_id=revision_row["letter_id"], id=row["id"]),
                )
            revision_row["body_format"] = revision_row["body_format"] or row["body_format"]
            if revision_row["body_text"] is None:
                revision_row["body_text"] = revision_row["body"]
            rows.revisions.append(revision_row)
        rows.letters.append(row)
    _unique(rows.letters, "letters")
    _unique(rows.revisions, "revisions")
    _refers(rows.letters, "letters", "signer_id", people, "a person")
    _refers(rows.letters, "letters", "recipient_id", people, "a person")

    signer = document.get("default_signer_id")
    if signer is not None:
        rows.default_signer_id = _integer(signer, "default_signer_id")
        if signer not in people:
            raise ValidationError("default_signer_id", _("{signer} is not a person in the file.").format(signer=signer))
    return rows


def import_export(archive: Archive, path: str | Path, *, dry_run: bool = False) -> dict[str, int]:
    """Bring a JSON export into a new archive (one transaction); returns what was, or would be, imported."""
    rows = read_export(path)
    if dry_run:
        if not holds_only_the_start(archive):
            replace_contents(archive, rows)  # raises: says why this archive cannot take it
        return rows.counts()
    replace_contents(archive, rows)
    return rows.counts()


def read_export(path: str | Path) -> ArchiveRows:
    """A JSON export read and checked from top to bottom; nothing is stored."""
    path = Path(path)
    document = read_document(path)
    try:
        return archive_rows(document)
    except ValidationError as error:
        raise NotAnExportError(_("{path} cannot be imported: {reason}").format(path=path, reason=error)) from None
