"""Occasions as an iCalendar feed (RFC 5545): any calendar app reminds the writer when the app is closed.

Each birthday and yearly date becomes an all-day event repeating every year, with an alarm a
chosen number of days before ("post by": a letter needs time to arrive). A date whose year is
unknown starts in LEAP_BASE_YEAR; 29 February repeats on the last day of February, so in other
years it falls on the 28th, as the app's own Upcoming list has it. The sample correspondence is
left out: its people are invented.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from beautifulletters import __version__
from beautifulletters.dates import month_day, relationship_ended, year_of
from beautifulletters.errors import ValidationError
from beautifulletters.i18n import _

if TYPE_CHECKING:
    from beautifulletters.archive import Archive

DEFAULT_REMIND_DAYS = 7
MAX_REMIND_DAYS = 90
LEAP_BASE_YEAR = 2000  # a leap year in the past, so a year-less 29 February can start in it
CALENDAR_NAME = "Letters to write"


@dataclass(frozen=True)
class Occasion:
    """One date to remember, as stored: `date` is YYYY-MM-DD or --MM-DD."""

    key: str  # stable within the archive: "birthday-3", "date-12"
    person_name: str
    kind: str
    date: str
    label: str | None = None
    yearly: bool = True


def occasions(archive: Archive) -> list[Occasion]:
    """Every birthday and date in the archive, people in name order (the sample left out)."""
    found: list[Occasion] = []
    ids = archive.search.people_ids(sort="name")
    for start in range(0, len(ids), 500):
        rows = archive.people.rows(ids[start : start + 500])
        for person_id in ids[start : start + 500]:
            row = rows[person_id]
            if row.is_sample:
                continue
            name = row.display_name
            if row.birthday:
                found.append(Occasion(f"birthday-{person_id}", name, "birthday", row.birthday))
            dates = archive.dates.for_person(person_id)
            relationships = archive.relationships.for_person(person_id) if dates else []
            for date in dates:
                if relationship_ended(date, relationships):  # a divorce's wedding day: no yearly "post a letter"
                    continue
                found.append(Occasion(f"date-{date.id}", name, date.kind, date.date, date.label, bool(date.yearly)))
    return found


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\n").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Lines of at most 75 octets, continued with CRLF and a space, never splitting a character."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line + "\r\n"
    parts, current, limit = [], b"", 75
    for char in line:
        encoded = char.encode("utf-8")
        if len(current) + len(encoded) > limit:
            parts.append(current.decode("utf-8"))
            current, limit = b"", 74  # a continuation line starts with one space
        current += encoded
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts) + "\r\n"


def _summary(occasion: Occasion) -> str:
    if occasion.kind == "birthday":
        return f"{occasion.person_name}’s birthday"
    if occasion.kind == "anniversary":
        return f"{occasion.person_name}: {occasion.label or 'anniversary'}"
    return f"{occasion.person_name}: {occasion.label or 'a date to remember'}"


def _days(count: int) -> str:
    return "on the day" if count == 0 else f"in {count} day{'s' if count != 1 else ''}"


def event_lines(occasion: Occasion, *, remind_days: int, stamp: str, archive_key: str) -> list[str]:
    """The VEVENT for one occasion (unfolded lines)."""
    month, day = month_day(occasion.date)
    year = year_of(occasion.date)
    start = dt.date(year or LEAP_BASE_YEAR, month, day)
    summary = _summary(occasion)
    if year is None:
        about = "The year is not known."
    elif occasion.yearly and occasion.kind in ("birthday", "anniversary"):
        about = f"Since {year}." if occasion.kind == "anniversary" else f"Born {year}."
    else:
        about = ""
    lines = [
        "BEGIN:VEVENT",
        f"UID:{occasion.key}-{archive_key}@beautifulletters",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{start:%Y%m%d}",
        f"DTEND;VALUE=DATE:{start + dt.timedelta(days=1):%Y%m%d}",
        f"SUMMARY:{_escape(summary)}",
    ]
    if occasion.yearly:
        # The last day of February: 29 February where the year has it, the 28th where it does not.
        lines.append("RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1" if (month, day) == (2, 29) else "RRULE:FREQ=YEARLY")
    if about:
        lines.append(f"DESCRIPTION:{_escape(about)}")
    lines += [
        f"CATEGORIES:{occasion.kind.upper()}",
        "TRANSP:TRANSPARENT",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        f"DESCRIPTION:{_escape(f'Post a letter: {summary} is {_days(remind_days)}.')}",
        f"TRIGGER;RELATED=START:{f'-P{remind_days}D' if remind_days else 'PT0S'}",
        "END:VALARM",
        "END:VEVENT",
    ]
    return lines


def check_remind_days(value: int) -> int:
    if not 0 <= value <= MAX_REMIND_DAYS:
        raise ValidationError(
            "remind-days",
            _("must be between 0 and {MAX_REMIND_DAYS} days before the date.").format(MAX_REMIND_DAYS=MAX_REMIND_DAYS),
        )
    return value


def calendar_text(
    items: Iterable[Occasion],
    *,
    remind_days: int = DEFAULT_REMIND_DAYS,
    archive_key: str = "archive",
    now: dt.datetime | None = None,
) -> str:
    """The whole calendar: CRLF line ends, lines folded at 75 octets, UTF-8."""
    check_remind_days(remind_days)
    stamp = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//BeautifulLetters//Occasions {__version__}//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{CALENDAR_NAME}",
        # For calendars subscribed to the file: look again once a day.
        "REFRESH-INTERVAL;VALUE=DURATION:P1D",
        "X-PUBLISHED-TTL:P1D",
    ]
    for occasion in items:
        lines += event_lines(occasion, remind_days=remind_days, stamp=stamp, archive_key=archive_key)
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) for line in lines)


def archive_key(archive: Archive) -> str:
    """A short key that tells this archive's events from another's (stable while the archive lives)."""
    seed = archive.settings.get("seeded") or str(archive.path)
    return hashlib.sha256(seed.encode("utf-8")).hexdigest()[:12]
