"""Relative times in notes ("last spring", "two years ago") as real dates, said again for any day.

A note written in December saying "last spring" means the spring of that year; drafted two years
later it reads "in the spring of 2026", never "last spring" for ever.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "a couple of": 2,
    "a few": 3,
}
_NUMBER_WORDS = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
_COUNT = r"(?P<n>\d{1,2}|a couple of|a few|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
PATTERN = (  # compiled on first use (re's cache), not at import
    r"\b(?:"
    r"(?P<which>last|this past|this) (?P<season>spring|summer|autumn|fall|winter)"
    r"|(?P<lastunit>last|this) (?P<unit>year|month|week)"
    r"|" + _COUNT + r" (?P<agounit>years?|months?|weeks?|days?) ago"
    r"|(?P<lastmonth>last) (?P<month>" + "|".join(m.capitalize() for m in _MONTHS) + r")"
    r"|(?P<xmas>last Christmas)"
    r"|(?P<yesterday>yesterday)"
    r")\b"
)


@dataclass(frozen=True)
class Moment:
    """When something happened: `date` as YYYY, YYYY-MM or YYYY-MM-DD, and how precisely it is known."""

    date: str
    precision: str  # "season", "year", "month", "day", "christmas"
    season: str | None = None

    @property
    def year(self) -> int:
        return int(self.date[:4])


def _season_start(day: dt.date) -> tuple[str, int]:
    """The season a day falls in, and the year that season started."""
    if day.month in (3, 4, 5):
        return "spring", day.year
    if day.month in (6, 7, 8):
        return "summer", day.year
    if day.month in (9, 10, 11):
        return "autumn", day.year
    return "winter", day.year if day.month == 12 else day.year - 1


def _season_key(name: str, year: int) -> tuple[int, int]:
    return (year, _SEASONS["autumn" if name == "fall" else name])


def _last_season(name: str, written: dt.date, *, this: bool) -> int:
    """The year of the season called "last spring" ("this spring" when `this`) on the day written."""
    name = "autumn" if name == "fall" else name
    current, current_year = _season_start(written)
    if this:
        return (
            current_year if current == name else (written.year if _SEASONS[name] < written.month else written.year - 1)
        )
    year = current_year
    while _season_key(name, year) >= _season_key(current, current_year):
        year -= 1
    return year


def _months_back(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 - months
    return dt.date(index // 12, index % 12 + 1, 1)


def find(text: str, written: dt.date) -> tuple[Moment, re.Match[str]] | None:
    """The first relative time in `text`, resolved against the day the note was written."""
    match = re.search(PATTERN, text, re.IGNORECASE)
    if not match:
        return None
    if match.group("season"):
        name = match.group("season").lower()
        name = "autumn" if name == "fall" else name
        year = _last_season(name, written, this=match.group("which").lower() == "this")
        return Moment(f"{year}-{_SEASONS[name] + 1 if name != 'winter' else 12:02d}", "season", name), match
    if match.group("unit"):
        unit, last = match.group("unit").lower(), match.group("lastunit").lower() == "last"
        if unit == "year":
            return Moment(str(written.year - (1 if last else 0)), "year"), match
        if unit == "month":
            day = _months_back(written, 1 if last else 0)
            return Moment(day.isoformat()[:7], "month"), match
        return Moment((written - dt.timedelta(days=7 if last else 0)).isoformat(), "day"), match
    if match.group("agounit"):
        raw = match.group("n").lower()
        count = int(raw) if raw.isdigit() else _NUMBERS[raw]
        unit = match.group("agounit").lower().rstrip("s")
        if unit == "year":
            return Moment(str(written.year - count), "year"), match
        if unit == "month":
            return Moment(_months_back(written, count).isoformat()[:7], "month"), match
        days = count * (7 if unit == "week" else 1)
        return Moment((written - dt.timedelta(days=days)).isoformat(), "day"), match
    if match.group("month"):
        month = _MONTHS.index(match.group("month").lower()) + 1
        year = written.year if month < written.month else written.year - 1
        return Moment(f"{year}-{month:02d}", "month"), match
    if match.group("xmas"):
        year = written.year if (written.month, written.day) > (12, 25) else written.year - 1
        return Moment(f"{year}-12-25", "christmas"), match
    return Moment((written - dt.timedelta(days=1)).isoformat(), "day"), match


def moment_of(date: str) -> Moment | None:
    """A date the writer gave (YYYY, YYYY-MM or YYYY-MM-DD) as a moment, known as precisely as it is written."""
    if re.fullmatch(r"\d{4}", date):
        return Moment(date, "year")
    if re.fullmatch(r"\d{4}-\d{2}", date):
        return Moment(date, "month")
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        return Moment(date, "day")
    return None


def say(moment: Moment, today: dt.date | None = None) -> str:
    """The moment in words: relative to `today` when given ("last spring"), else absolute."""
    if moment.precision == "season" and moment.season:
        if today is not None:
            current, current_year = _season_start(today)
            if (current, current_year) == (moment.season, moment.year):
                return f"this {moment.season}"
            if _last_season(moment.season, today, this=False) == moment.year:
                return f"last {moment.season}"
        return f"in the {moment.season} of {moment.year}"
    if moment.precision == "christmas":
        if today is not None:
            last = today.year if (today.month, today.day) > (12, 25) else today.year - 1
            if last == moment.year:
                return "last Christmas"
        return f"at Christmas {moment.year}"
    if moment.precision == "year":
        if today is not None:
            back = today.year - moment.year
            if back == 0:
                return "this year"
            if back == 1:
                return "last year"
            if 1 < back < len(_NUMBER_WORDS):
                return f"{_NUMBER_WORDS[back]} years ago"
        return f"in {moment.year}"
    year, month = moment.year, int(moment.date[5:7])
    month_name = _MONTHS[month - 1].capitalize()
    if today is not None:
        back = (today.year * 12 + today.month) - (year * 12 + month)
        if moment.precision == "day" and len(moment.date) == 10:
            days = (today - dt.date.fromisoformat(moment.date)).days
            if days == 1:
                return "yesterday"
            if 0 <= days <= 6:
                return "this week"
            if 7 <= days <= 13:
                return "last week"
        if back == 0:
            return "this month" if moment.precision == "month" else f"in {month_name}"
        if back == 1 and moment.precision == "month":
            return "last month"
        if 0 < back < 12:
            return f"in {month_name}" if year == today.year else f"last {month_name}"
    return f"in {month_name} {year}"
