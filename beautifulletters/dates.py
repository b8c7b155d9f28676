"""Date arithmetic for letters: next occurrences of yearly dates, years since, upcoming lists."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from beautifulletters.records import ImportantDate, Letter, Person, Relationship, UpcomingDate


def month_day(value: str) -> tuple[int, int]:
    """(month, day) of 'YYYY-MM-DD' or '--MM-DD'."""
    return int(value[-5:-3]), int(value[-2:])


def year_of(value: str | None) -> int | None:
    if value and len(value) >= 4 and value[:4].isdigit():
        return int(value[:4])
    return None


def occurrence_in(year: int, month: int, day: int) -> dt.date:
    """The date in `year`; 29 February falls on the 28th in years that lack it."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return dt.date(year, month, 28)


def next_occurrence(value: str, today: dt.date) -> dt.date:
    month, day = month_day(value)
    this_year = occurrence_in(today.year, month, day)
    return this_year if this_year >= today else occurrence_in(today.year + 1, month, day)


def whole_years_between(start: dt.date, end: dt.date) -> int:
    years = end.year - start.year
    if (end.month, end.day) < (start.month, start.day):
        years -= 1
    return years


def _ended(relationship: Relationship) -> bool:
    return bool(relationship.ended_on or relationship.end_kind)


def relationship_ended(date: ImportantDate, relationships: Iterable[Relationship]) -> bool:
    """Whether `date` is an anniversary of a relationship that ended (divorce, separation,
    estrangement): the one it belongs to, or for an anniversary tied to none, every relationship
    to its person. The same rule as `archive.dates.upcoming`, which leaves such dates out."""
    related = [rel for rel in relationships if rel.to_id == date.person_id]
    if date.relationship_id is not None:
        return date.kind != "birthday" and any(rel.id == date.relationship_id and _ended(rel) for rel in related)
    return date.kind == "anniversary" and bool(related) and all(_ended(rel) for rel in related)


def counts_years(date: ImportantDate, person: Person, relationships: Iterable[Relationship]) -> bool:
    """Whether a date's round years are said ("· 50 years on 24 December"): not once its person
    has died, nor for a relationship that ended; the date itself is still shown."""
    return not person.died_on and not relationship_ended(date, relationships)


def upcoming_occurrences(rows: Iterable[Mapping[str, Any]], *, today: dt.date, days: int) -> list[UpcomingDate]:
    """Dates whose next occurrence falls within `days` days of `today`, soonest first.

    Each result says how many days remain and, where the year is known, which anniversary
    or birthday it will be ("turns 80", "50th anniversary"). A row may say the relationship its
    date belongs to has `ended` (left out: no day to celebrate) and when the person `died_on`
    (kept as a day to remember: `in_memory`; a "remembrance" row is the day they died).
    """
    horizon = today + dt.timedelta(days=days)
    result: list[UpcomingDate] = []
    for row in rows:
        if row.get("ended"):
            continue
        value = row["date"]
        if row.get("yearly", 1):
            when = next_occurrence(value, today)
        else:
            when = dt.date.fromisoformat(value)
            if when < today:
                continue
        if when > horizon:
            continue
        start_year = year_of(value)
        years = when.year - start_year if (start_year and row.get("yearly", 1)) else None
        result.append(
            UpcomingDate(
                person_id=row["person_id"],
                person_name=row["person_name"],
                kind=row["kind"],
                label=row.get("label"),
                date=when.isoformat(),
                original_date=value,
                days_until=(when - today).days,
                years=years,
                date_id=row.get("date_id"),
                in_memory=bool(row.get("died_on")),
            )
        )
    result.sort(key=lambda item: (item.date, item.person_name.casefold()))
    return result


# A year-less occasion (--12-20) is this letter's when its next day comes within this many days of
# the day the letter was written; further off, it has just passed and the letter is a belated one.
_YEARLESS_AHEAD_DAYS = 183


def occasion_dated(created_at: str | None, occasion_date: str | None) -> str:
    """The date a letter bears unless the writer chose one: the occasion's day when that day is
    still ahead of the day the letter was written (an anniversary letter drafted on 3 December for
    the 20th says "Fifty years today", so it is dated the 20th), else the day it was written.
    """
    written = (created_at or "")[:10] or dt.date.today().isoformat()
    try:
        written_day = dt.date.fromisoformat(written)
    except ValueError:
        return written
    if not occasion_date:
        return written
    try:
        if occasion_date.startswith("--"):
            when = next_occurrence(occasion_date, written_day)
            if (when - written_day).days > _YEARLESS_AHEAD_DAYS:
                return written
        else:
            when = dt.date.fromisoformat(occasion_date[:10])
    except ValueError:
        return written
    return when.isoformat() if when > written_day else written


def date_on_letter(letter: Letter) -> str:
    """The date printed at the top of `letter` (YYYY-MM-DD): its own `dated`, else the rule above.

    Print, PDF, every export and the desk all read it here, so they agree.
    """
    return letter.dated or occasion_dated(letter.created_at, letter.occasion_date)
