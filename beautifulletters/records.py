"""The archive's records: what a person, a relationship, a note, an important date, a letter and a revision is.

The archive hands these out and the rest of the app reads them by attribute, so mypy knows
every field and a misspelt one fails the type check. A record is built from its table's row
in one place (`from_row`, at the archive's edge) and made JSON in one place (`as_json`, for the
command line's --json and the exports), both from the dataclass's own fields: a new column
needs its field here and its schema step, nothing more, to be read, printed and exported.

Records are frozen: an edit is `dataclasses.replace(person, nickname="Lolly")` or a call to
the archive. Their lists are fresh for every read, so changing one changes nothing stored.
This module imports nothing of the app, so any part may name a record without the archive.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Mapping, Sequence
from dataclasses import MISSING, dataclass, field, fields
from typing import Self, TypedDict

# What JSON values are when nothing narrower is known (a letter's style, a document read from
# a file), and a table's row as SQLite gives it: column name to value. Both stay open on purpose.
JSONObject = dict[str, object]
Row = Mapping[str, object]

# How a column is stored when it is not stored as its value: a JSON array (or object), or 0/1 for a flag.
_JSON = {"stored": "json", "empty": "[]"}
_JSON_OBJECT = {"stored": "json", "empty": "{}"}
_FLAG = {"stored": "flag"}


class Record:
    """What every record shares: built from its table's row, and made a row or JSON, from its fields alone.

    A record class is a frozen dataclass over this base that states its fields and nothing else;
    a field's metadata says how its column is stored when not as its value (`_JSON`, `_FLAG`).
    """

    __slots__ = ()  # so the records' own slots hold (no per-record __dict__)

    @classmethod
    def from_row(cls, row: Row, **extra: object) -> Self:
        """A record from its table's row: JSON columns read, flags made booleans.

        A field the row lacks (a column of a later schema step than a file being read) takes
        its default; `extra` gives the fields that come from elsewhere (a person's tags).
        """
        values: dict[str, object] = {}
        for item in fields(cls):  # type: ignore[arg-type]
            if item.name in extra:
                values[item.name] = extra[item.name]
                continue
            if item.name not in row:
                if item.default is MISSING and item.default_factory is MISSING:
                    raise KeyError(f"{cls.__name__} needs {item.name!r}, which the row lacks")
                continue
            value = row[item.name]
            stored = item.metadata.get("stored")
            if stored == "json":
                empty = json.loads(item.metadata["empty"])
                value = json.loads(str(value)) if value else empty
                if type(value) is not type(empty):  # a damaged column ("null") reads as empty, not as a crash later
                    value = empty
            elif stored == "flag":
                value = bool(value)
            values[item.name] = value
        return cls(**values)

    def as_row(self) -> JSONObject:
        """The record as its table's row (the inverse of `from_row`): JSON columns as text, flags as 0/1."""
        row: dict[str, object] = {}
        for item in fields(self):  # type: ignore[arg-type]
            value = getattr(self, item.name)
            stored = item.metadata.get("stored")
            if stored == "json":
                value = json.dumps(value, ensure_ascii=False)
            elif stored == "flag":
                value = 1 if value else 0
            row[item.name] = value
        return row

    def as_json(self) -> JSONObject:
        """The record as plain JSON values, its fields in order (bytes as base64), as --json prints it."""
        result: dict[str, object] = {}
        for item in fields(self):  # type: ignore[arg-type]
            value = getattr(self, item.name)
            if isinstance(value, bytes | bytearray):
                value = base64.b64encode(value).decode("ascii")
            elif isinstance(value, list):
                value = [dict(v) if isinstance(v, Mapping) else v for v in value]
            result[item.name] = value
        return result


class AddressParts(TypedDict):
    """A postal address in parts, as `addresses.PostalAddress.as_json()` gives it."""

    street: str
    city: str
    region: str
    postcode: str
    country: str


@dataclass(frozen=True, slots=True)
class Person(Record):
    """Someone letters are written to or from. Fields in the order of the people table's columns."""

    id: int
    display_name: str
    full_name: str | None = None
    nickname: str | None = None
    pronouns: str | None = None
    birthday: str | None = None  # YYYY-MM-DD, or --MM-DD when the year is unknown
    addresses: list[str] = field(default_factory=list, metadata=_JSON)  # as text, lines apart
    emails: list[str] = field(default_factory=list, metadata=_JSON)
    phones: list[str] = field(default_factory=list, metadata=_JSON)
    language: str | None = None
    photo: bytes | None = None
    notes: str | None = None
    pronunciation: str | None = None
    is_self: bool = field(default=False, metadata=_FLAG)
    is_sample: bool = field(default=False, metadata=_FLAG)
    created_at: str = ""
    updated_at: str = ""
    last_letter_at: str | None = None
    postal_addresses: list[AddressParts] = field(default_factory=list, metadata=_JSON)  # the addresses in parts
    died_on: str | None = None
    tags: list[str] = field(default_factory=list)  # from person_tags, sorted


class PersonFields(TypedDict, total=False):
    """What `archive.people.add` and `.update` take (each checked there); an update changes only those given."""

    display_name: str | None
    full_name: str | None
    nickname: str | None
    pronouns: str | None
    birthday: str | None
    addresses: Sequence[str] | str | None
    postal_addresses: Sequence[object] | None  # PostalAddress or a mapping of its parts
    emails: Sequence[str] | str | None
    phones: Sequence[str] | str | None
    language: str | None
    tags: Sequence[str] | None
    photo: bytes | None
    notes: str | None
    pronunciation: str | None
    died_on: str | None
    is_sample: bool
    is_self: bool


@dataclass(frozen=True, slots=True)
class PersonSummary(Record):
    """A person as a list shows them: a page of 100,000 people is read without photos or notes."""

    id: int
    display_name: str
    nickname: str | None = None
    birthday: str | None = None
    last_letter_at: str | None = None
    is_self: bool = field(default=False, metadata=_FLAG)
    is_sample: bool = field(default=False, metadata=_FLAG)


@dataclass(frozen=True, slots=True)
class PersonKeys(Record):
    """What an import matches a contact on: names, birthday, emails and phones."""

    id: int
    display_name: str
    full_name: str | None = None
    birthday: str | None = None
    emails: list[str] = field(default_factory=list, metadata=_JSON)
    phones: list[str] = field(default_factory=list, metadata=_JSON)


@dataclass(frozen=True, slots=True)
class Relationship(Record):
    """What the one who signs (`from_id`) is to the one who receives (`to_id`): one per ordered pair.

    `signs_as` is how the signer signs to them ("Nana"), `calls_them` what the signer calls them
    ("Bug"); a relationship that ended keeps its history (`ended_on`, `end_kind`).
    """

    id: int
    from_id: int
    to_id: int
    kind: str
    since: str | None = None
    how_we_met: str | None = None
    pet_names: list[str] = field(default_factory=list, metadata=_JSON)
    tone: str | None = None
    created_at: str = ""
    updated_at: str = ""
    ended_on: str | None = None
    end_kind: str | None = None
    signs_as: str | None = None
    calls_them: str | None = None


class RelationshipFields(TypedDict, total=False):
    """What `archive.relationships.set` takes (each checked there); an update changes only those given."""

    kind: str | None
    since: str | None
    how_we_met: str | None
    pet_names: Sequence[str] | None
    tone: str | None
    ended_on: str | None
    end_kind: str | None
    signs_as: str | None
    calls_them: str | None


@dataclass(frozen=True, slots=True)
class Note(Record):
    """A note or memory about a person, and how it was read when written (notesense).

    `scope` says who may use it: "relationship" (only the signer of its relationship) or
    "person" (every signer). The reading (about, mood, happened_on, phrasing, problem) is
    stored with it; `writer_set` names the parts of it the writer chose themselves.
    """

    id: int
    person_id: int
    relationship_id: int | None
    text: str
    tag: str = "note"
    noted_on: str | None = None
    created_at: str = ""
    updated_at: str = ""
    scope: str | None = None
    about: str | None = None
    mood: str | None = None
    happened_on: str | None = None
    phrasing: str | None = None
    problem: str | None = None
    writer_set: str | None = None


@dataclass(frozen=True, slots=True)
class ImportantDate(Record):
    """A birthday, anniversary or other date of a person's (a birthday may also be the person's own field)."""

    id: int
    person_id: int
    relationship_id: int | None
    kind: str  # birthday, anniversary or custom
    date: str  # YYYY-MM-DD, or --MM-DD when the year is unknown
    label: str | None = None
    yearly: bool = field(default=True, metadata=_FLAG)
    created_at: str = ""


@dataclass(frozen=True, slots=True)
class UpcomingDate(Record):
    """A date whose next occurrence is near: whose, what, when, and which year of it (turns 80, 50th)."""

    person_id: int
    person_name: str
    kind: str
    label: str | None
    date: str  # the next occurrence, YYYY-MM-DD
    original_date: str  # as stored: YYYY-MM-DD or --MM-DD
    days_until: int
    years: int | None  # None when the year is unknown or the date is one-off
    date_id: int | None  # None for a person's own birthday field
    # The person has died: a day to remember, not to celebrate ("would have been 80"); kind
    # "remembrance" is the day they died, `years` then the years since.
    in_memory: bool = False


@dataclass(frozen=True, slots=True)
class Letter(Record):
    """A letter with its body and details, as `archive.letters.get` reads it. Fields in the letters table's order.

    `style` is the letter's own paper, font and signature choices (stationery.py reads it);
    `revision_count` is how many saved versions of the body the archive keeps. A letter painted
    before it is stored (a batch's, stored once every file is written) has id 0.
    """

    id: int
    signer_id: int
    recipient_id: int
    occasion: str | None = None
    occasion_date: str | None = None  # YYYY-MM-DD, or --MM-DD when the year is unknown
    template: str | None = None
    title: str | None = None
    body: str = ""
    body_format: str = "text"  # text or html
    body_text: str | None = None  # the body as plain text, for search and reading aloud
    language: str | None = None
    style: JSONObject = field(default_factory=dict, metadata=_JSON_OBJECT)
    status: str = "draft"  # draft, final or sent
    sent_on: str | None = None
    is_sample: bool = field(default=False, metadata=_FLAG)
    created_at: str = ""
    updated_at: str = ""
    # The date the letter bears (YYYY-MM-DD): its occasion's day when that was ahead of the day it
    # was written, else that day, or the date the writer chose; a sent letter keeps the one it went with.
    dated: str | None = None
    revision_count: int = 0


@dataclass(frozen=True, slots=True)
class LetterSummary(Record):
    """A letter as a list shows it: who to whom, its details and the start of its text, without the body."""

    id: int
    signer_id: int
    signer_name: str
    recipient_id: int
    recipient_name: str
    occasion: str | None = None
    occasion_date: str | None = None
    template: str | None = None
    title: str | None = None
    status: str = "draft"
    sent_on: str | None = None
    created_at: str = ""
    updated_at: str = ""
    is_sample: bool = field(default=False, metadata=_FLAG)
    excerpt: str = ""  # the first 160 characters of the plain text


class NewLetter(TypedDict):
    """A letter not stored yet, as `archive.letters.create` takes it (drafting.draft_letter_fields makes one)."""

    signer_id: int
    recipient_id: int
    body: str
    body_format: str
    body_text: str | None
    occasion: str | None
    occasion_date: str | None
    template: str | None
    title: str | None
    language: str | None
    style: JSONObject


class LetterChanges(TypedDict, total=False):
    """What `archive.letters.update` takes (each checked there): a letter's details, never its body."""

    occasion: str | None
    occasion_date: str | None
    title: str | None
    style: Mapping[str, object] | None
    language: str | None
    status: str
    sent_on: str | None
    template: str | None
    dated: str | None  # None: the occasion's day when ahead of the day written, else that day


@dataclass(frozen=True, slots=True)
class Revision(Record):
    """One saved version of a letter's body; `size` is the length of its plain text."""

    id: int
    letter_id: int
    created_at: str
    updated_at: str = ""
    size: int | None = None
    body: str = ""
    body_format: str | None = "text"
    body_text: str | None = None


@dataclass(frozen=True, slots=True)
class TrashedLetter(Record):
    """A letter in the trash as its list shows it; a name is None when that person has since been deleted."""

    id: int
    title: str | None
    occasion: str | None
    status: str | None
    signer_name: str | None
    recipient_name: str | None
    created_at: str | None
    deleted_at: str
    excerpt: str
