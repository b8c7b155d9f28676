"""Relative times in notes ("last spring", "two years ago") as real dates, said again for any day.

A note written in December saying "last spring" means the spring of that year; drafted two years
later it reads "in the spring of 2026", never "last spring" for ever. Days ahead are read too
("chemo starts monday", "operation next week", "scan tomorrow"): counted from the day the note was
written, and said again from the letter's day, so a Monday already gone is not written as ahead.
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
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
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
    r"|(?P<tomorrow>tomorrow)"
    r"|next (?P<nextunit>week|month|year)"
    r"|(?:(?P<wdword>on|this coming|this|next|last|coming) )?(?P<weekday>" + "|".join(_WEEKDAYS) + r")(?!s)"
    r")\b"
)
# A weekday said without "on", "this", "next" or "last" is a day only at the end of the note ("chemo
# starts monday"); "sunday lunch at gran's" and "every sunday" are no day.
_HABIT_BEFORE = r"(?i)\b(?:every|each|most|some|a|on a|all|any)\s+$"


@dataclass(frozen=True)
class Moment:
    """When something happened: `date` as YYYY, YYYY-MM or YYYY-MM-DD, and how precisely it is known."""

    date: str
    precision: str  # "season", "year", "month", "week" (its Monday), "day", "weekday", "christmas"
    season: str | None = None
    # Said as a time ahead of the day the note was written ("monday", "next week"): a sentence about
    # it is in the present until that time has passed, then in the past ("starts" -> "started").
    forward: bool = False

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


def find(text: str, written: dt.date, *, sorrow: bool = False) -> tuple[Moment, re.Match[str]] | None:
    """The first relative time in `text`, resolved against the day the note was written. A weekday
    with no "next" or "last" is read as ahead only in hard news (`sorrow`) or a note told in the
    present ("his scan is on monday"): "the picnic on sunday" stays as typed."""
    found = None
    for match in re.finditer(PATTERN, text, re.IGNORECASE):
        if _a_day(match, text) and (not match.group("weekday") or (found := _weekday(match, text, written, sorrow))):
            break
    else:
        return None
    if found:
        return found, match
    if match.group("tomorrow"):
        return Moment((written + dt.timedelta(days=1)).isoformat(), "weekday", forward=True), match
    if match.group("nextunit"):
        unit = match.group("nextunit").lower()
        if unit == "week":
            monday = written - dt.timedelta(days=written.weekday()) + dt.timedelta(days=7)
            return Moment(monday.isoformat(), "week", forward=True), match
        if unit == "month":
            return Moment(_months_back(written, -1).isoformat()[:7], "month", forward=True), match
        return Moment(str(written.year + 1), "year", forward=True), match
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


def _a_day(match: re.Match[str], text: str) -> bool:
    """Whether a weekday found is one day: "starts monday", "on friday", not "every sunday" or "sunday lunch"."""
    if not match.group("weekday") or match.group("wdword"):
        return True
    if re.search(_HABIT_BEFORE, text[: match.start()]):
        return False
    return not re.search(r"\w", text[match.end() :])


def _weekday(match: re.Match[str], text: str, written: dt.date, sorrow: bool) -> Moment | None:
    """ "monday" in a note written on a Thursday: the Monday after, unless the note tells of it as done
    ("fell on monday", "last monday"), then the Monday before; None when it says neither."""
    which = (match.group("wdword") or "").lower()
    target = _WEEKDAYS.index(match.group("weekday").lower())
    if which == "last" or (which in ("", "on") and _told_as_past(text)):
        back = (written.weekday() - target) % 7 or 7
        return Moment((written - dt.timedelta(days=back)).isoformat(), "weekday")
    if which in ("", "on") and not sorrow and not _told_as_present(text):
        return None  # "the picnic on sunday": a memory, or a plan; which Sunday the note does not say
    ahead = (target - written.weekday()) % 7 or 7
    return Moment((written + dt.timedelta(days=ahead)).isoformat(), "weekday", forward=True)


def _told_as_past(text: str) -> bool:
    """ "dad fell on monday", "the op was on friday": a past verb not made a state by "is" ("is booked")."""
    from beautifulletters.notesense import words as W

    words = re.findall(r"[\w'’]+", text.lower())
    for i, word in enumerate(words):
        before = words[i - 1] if i else ""
        if before in {"is", "are", "be", "been", "being", "gets", "get", "'s"}:
            continue
        if word in W.IRREGULAR_PAST or (W.is_verb(word, before) and word.endswith("ed")):
            return True
    return False


def _told_as_present(text: str) -> bool:
    """ "his scan is on monday", "chemo starts monday": a verb in the present, so a day still to come."""
    from beautifulletters.notesense import words as W
    from beautifulletters.notesense.news import NEWS_VERBS

    return any(
        word in NEWS_VERBS or (W.looks_third_person(word) and W.is_verb(word))
        for word in re.findall(r"[\w'’]+", text.lower())
    )


def ahead(moment: Moment, day: dt.date) -> bool:
    """Whether what the moment names has still to come on `day` ("monday" said on a Thursday, read the
    Saturday after). A time said as past ("last spring") is ahead only when its start is."""
    if len(moment.date) == 10:
        start = dt.date.fromisoformat(moment.date)
        end = start + dt.timedelta(days=6 if moment.precision == "week" else 0)
    elif len(moment.date) == 7:
        start = dt.date.fromisoformat(moment.date + "-01")
        end = _months_back(start, -1) - dt.timedelta(days=1)
    else:
        start, end = dt.date(moment.year, 1, 1), dt.date(moment.year, 12, 31)
    return end >= day if moment.forward else start > day


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
            if back == -1:
                return "next year"
            if 1 < back < len(_NUMBER_WORDS):
                return f"{_NUMBER_WORDS[back]} years ago"
        return f"in {moment.year}"
    if moment.precision in ("weekday", "week"):
        return _say_day(moment, today)
    year, month = moment.year, int(moment.date[5:7])
    month_name = _MONTHS[month - 1].capitalize()
    if today is not None and moment.forward and (year * 12 + month) - (today.year * 12 + today.month) == 1:
        return "next month"
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


def _say_day(moment: Moment, today: dt.date | None) -> str:
    """A day or a week named ahead: "on Monday", "tomorrow", "next week", or its date when far."""
    day = dt.date.fromisoformat(moment.date)
    dated = f"{day.day} {_MONTHS[day.month - 1].capitalize()}"
    if moment.precision == "week":
        if today is not None:
            weeks = (day - (today - dt.timedelta(days=today.weekday()))).days // 7
            if -1 <= weeks <= 1:
                return ("last week", "this week", "next week")[weeks + 1]
        return f"in the week of {dated}" + (f" {day.year}" if today is None or day.year != today.year else "")
    name = _WEEKDAYS[day.weekday()].capitalize()
    if today is not None:
        days = (day - today).days
        if -1 <= days <= 1:
            return ("yesterday", "today", "tomorrow")[days + 1]
        if abs(days) <= 6:
            return f"on {name}"
    return f"on {name} {dated}" + (f" {day.year}" if today is None or day.year != today.year else "")
