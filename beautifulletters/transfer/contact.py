"""One contact read from a file, before it meets the archive: plain data, no database."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from beautifulletters import limits, validation
from beautifulletters.errors import ValidationError
from beautifulletters.transfer.textio import clean_value


@dataclass
class Related:
    """Someone a card names as spouse, child, ...: "`name` is `kind` to this person"."""

    kind: str
    name: str | None = None
    uid: str | None = None


@dataclass
class Contact:
    """What a vCard or CSV row says about one person, already cleaned at the boundary."""

    number: int  # card number in the file, or data-row number in a CSV (1-based)
    line: int  # the line of the file where it starts
    display_name: str | None = None
    full_name: str | None = None
    nickname: str | None = None
    pronouns: str | None = None
    birthday: str | None = None
    anniversary: str | None = None
    addresses: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    # The phones the card marks as mobile (a subset of `phones`): one person's, unlike a landline.
    mobiles: list[str] = field(default_factory=list)
    language: str | None = None
    tags: list[str] = field(default_factory=list)
    notes: str | None = None
    pronunciation: str | None = None
    photo: bytes | None = None
    uid: str | None = None
    related: list[Related] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def add_unique(self, name: str, value: str | None) -> None:
        """Append a cleaned value to a list field unless it is empty or already there.

        A list that already holds more than a person may keep stops growing: the card is
        refused at the door anyway, and a card of 50,000 emails must not take minutes first.
        """
        cleaned = clean_value(value)
        values: list[str] = getattr(self, name)
        if cleaned and len(values) <= limits.LIST_ITEMS and cleaned not in values:
            values.append(cleaned)

    def add_phone(self, value: str | None, *, mobile: bool = False) -> None:
        """A phone number; `mobile` when the card says it is a mobile (TYPE=cell, a "Mobile" column)."""
        self.add_unique("phones", value)
        cleaned = clean_value(value)
        if mobile and cleaned and cleaned not in self.mobiles:
            self.mobiles.append(cleaned)

    def add_note(self, text: str | None) -> None:
        cleaned = clean_value(text)
        if cleaned and len(self.notes or "") <= limits.NOTE_CHARS:  # past the limit it is refused anyway
            self.notes = f"{self.notes}\n\n{cleaned}" if self.notes else cleaned

    def finish_names(self) -> None:
        """Display name from the full name when only that is known; drop a full name equal to it."""
        self.display_name = clean_value(self.display_name)
        self.full_name = clean_value(self.full_name)
        if not self.display_name:
            self.display_name = self.full_name or None
        # A full name rebuilt from N's parts in Western order adds nothing when the display name
        # already holds all its words (and would be wrong for "Nguyễn Thị Minh Khai").
        shown = self.display_name or ""
        if self.full_name and set(self.full_name.casefold().split()) <= set(shown.casefold().split()):
            self.full_name = None


# [0-9], not \d: a date in other digits is left out with a note, never stored.
_ISO_DATE = re.compile(r"^([0-9]{4})-?([0-9]{2})-?([0-9]{2})(?:T.*)?$")
_YEARLESS = re.compile(r"^--([0-9]{2})-?([0-9]{2})$")
_SLASHED = re.compile(r"^([0-9]{1,2})[/.]([0-9]{1,2})[/.]([0-9]{2}|[0-9]{4})$")


def parse_date(value: str | None, *, omit_year: str | None = None, day_first: bool = False) -> str | None:
    """A birthday or anniversary as the archive stores it: 'YYYY-MM-DD', or '--MM-DD' without a year.

    Accepts vCard forms (19800412, 1980-04-12, --0412, --04-12, with a time after T),
    Apple's placeholder year (`omit_year`, X-APPLE-OMIT-YEAR) and spreadsheet forms
    (4/12/1980, or 12.4.1980 with `day_first`). Returns None for an empty value or Outlook's
    "0/0/00"; raises ValueError with a plain reason for anything else.
    """
    text = (clean_value(value) or "").strip()
    if not text:
        return None
    if any(char.isdigit() and char not in "0123456789" for char in text):
        raise ValueError(f"{text!r} is written with digits other than 0-9")
    if match := _ISO_DATE.match(text):
        year, month, day = match.groups()
        result = f"--{month}-{day}" if omit_year and year == omit_year else f"{year}-{month}-{day}"
    elif match := _YEARLESS.match(text):
        result = f"--{match.group(1)}-{match.group(2)}"
    elif match := _SLASHED.match(text):
        first, second, year = (int(part) for part in match.groups())
        if first == 0 and second == 0:
            return None  # Outlook writes 0/0/00 for "no date"
        if first > 12 or "." in text:
            day_first = True
        month, day = (second, first) if day_first else (first, second)
        if year < 100:
            year += 1900 if year > 30 else 2000
        result = f"{year:04d}-{month:02d}-{day:02d}"
    else:
        raise ValueError(f"{text!r} is not a date this program can read")
    try:
        return validation.date(result, "date", allow_yearless=True)
    except ValidationError as error:
        raise ValueError(error.reason.rstrip(".")) from None


def phone_key(phone: str) -> str:
    """Digits of a phone number (with a leading + kept), so '+1 (555) 010-2030' finds '+15550102030'."""
    digits = re.sub(r"\D", "", phone)
    return ("+" if phone.strip().startswith("+") else "") + digits


def name_key(name: str | None) -> str:
    return " ".join((name or "").casefold().split())
