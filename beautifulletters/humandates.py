"""Dates as people say them, in the user's locale or a letter's language ("3 April", "in 18 days").

The one place that turns stored ISO dates ("1976-12-23", year-less "--04-03", timestamps) into
words, through Babel's locale data, so the window, the command line and letters agree. JSON
output keeps ISO; only what a person reads goes through here.
"""

from __future__ import annotations

import datetime as dt
import locale as _locale
import os
import re
from functools import cache

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_skeleton, format_time

from beautifulletters.i18n import SOURCE_LANGUAGE, _, current_language, n_

# A C or POSIX locale says nothing about the person: day before month is the reading that is
# never mistaken ("3 April"), and the app's own wording was written that way.
FALLBACK_LOCALE = "en_GB"
_TAG = re.compile(r"^([A-Za-z]{2,3})(?:[-_]([A-Za-z]{2}|\d{3}))?")


def _from_tag(tag: str | None) -> Locale | None:
    match = _TAG.match((tag or "").strip())
    if not match or match.group(1).lower() in {"c", "posix"}:
        return None
    name = match.group(1).lower() + (f"_{match.group(2).upper()}" if match.group(2) else "")
    try:
        return Locale.parse(name)
    except (UnknownLocaleError, ValueError):
        try:
            return Locale.parse(match.group(1).lower())
        except (UnknownLocaleError, ValueError):
            return None


@cache
def _user_locale(environment: tuple[str | None, ...], interface: str) -> Locale:
    found: Locale | None = None
    for value in environment:
        if value:
            found = _from_tag(value)
            break  # the first one set decides, as in POSIX; "C" means no preference
    if interface != SOURCE_LANGUAGE and (found is None or found.language != interface.split("_")[0]):
        # The window and the command line speak another language than the dates would: the
        # dates follow the words around them ("Geburtstag: 3. April", never "Geburtstag: 3 April").
        found = _from_tag(interface)
    return found or Locale.parse(FALLBACK_LOCALE)


def user_locale() -> Locale:
    """The locale the user reads dates in: LC_ALL, then LC_TIME, then LANG (a C locale: en_GB);
    when the app speaks another language than that (beautifulletters.i18n), that language."""
    environment = tuple(os.environ.get(name) for name in ("LC_ALL", "LC_TIME", "LANG"))
    if not any(environment):
        environment = (_locale.getlocale(_locale.LC_TIME)[0],)
    return _user_locale(environment, current_language())


def letter_locale(language: str | None) -> Locale:
    """The locale a letter is written in: its language tag ("fr", "de-AT", "en-US"); English
    without a region is written the British way ("3 April 2025"), as letters here always were."""
    found = _from_tag(language)
    if found is None:
        return Locale.parse(FALLBACK_LOCALE)
    if found.language == "en" and not found.territory:
        return Locale.parse(FALLBACK_LOCALE)
    return found


def _as_date(value: str | dt.date) -> tuple[dt.date, bool]:
    """(date, has a year) from a date, 'YYYY-MM-DD', '--MM-DD' or an ISO timestamp."""
    if isinstance(value, dt.datetime):
        return value.date(), True
    if isinstance(value, dt.date):
        return value, True
    text = str(value).strip()
    if text.startswith("--"):
        month, day = int(text[2:4]), int(text[5:7])
        return dt.date(2000, month, day), False  # a leap year: 29 February is shown too
    return dt.date.fromisoformat(text[:10]), True


def day_month(value: str | dt.date, where: Locale | None = None) -> str:
    """'3 April' (en_GB), 'April 3' (en_US), '3. April' (de)."""
    day, _year = _as_date(value)
    return format_skeleton("MMMMd", day, locale=where or user_locale())


def full_date(value: str | dt.date, where: Locale | None = None) -> str:
    """'23 December 1976'; a year-less date as '3 April'."""
    day, has_year = _as_date(value)
    if not has_year:
        return day_month(day, where)
    return format_date(day, "long", locale=where or user_locale())


def near_date(value: str | dt.date, today: dt.date | None = None, where: Locale | None = None) -> str:
    """'28 March' this year, '28 March 2024' in another."""
    day, has_year = _as_date(value)
    today = today or dt.date.today()
    if not has_year or day.year == today.year:
        return day_month(day, where)
    return full_date(day, where)


def month_year(value: str | dt.date, where: Locale | None = None) -> str:
    """'March 2024'."""
    day, _year = _as_date(value)
    return format_skeleton("yMMMM", day, locale=where or user_locale())


def partial_date(value: str, where: Locale | None = None) -> str:
    """A date known to the day, the month or only the year: '3 March 2024', 'March 2024', '2024'."""
    if re.fullmatch(r"\d{4}", value):
        return value
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return month_year(f"{value}-01", where)
    return full_date(value, where)


def timestamp(value: str | dt.datetime, today: dt.date | None = None, where: Locale | None = None) -> str:
    """A stored moment as a person says it: '2 December, 06:31' (this year) or '2 December 2025, 06:31'."""
    moment = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    where = where or user_locale()
    return f"{near_date(moment.date(), today, where)}, {format_time(moment.time(), 'short', locale=where)}"


def weekday_and_time(value: dt.datetime, where: Locale | None = None) -> str:
    """A moment with its weekday, as a list of backups says it: 'Monday 2 December 2026, 13:58'."""
    where = where or user_locale()
    return f"{format_skeleton('yMMMMEEEEd', value, locale=where)}, {format_time(value, 'short', locale=where)}"


def month_name(month: int, where: Locale | None = None) -> str:
    """A month's name in the reader's language ('February', 'Februar')."""
    return str((where or user_locale()).months["stand-alone"]["wide"][month])


def in_days(days: int) -> str:
    """'today', 'tomorrow', 'in 18 days', 'yesterday', '3 days ago'."""
    if days == 0:
        return _("today")
    if days == 1:
        return _("tomorrow")
    if days == -1:
        return _("yesterday")
    if days > 0:
        return n_("in {count} day", "in {count} days", days).format(count=days)
    return n_("{count} day ago", "{count} days ago", -days).format(count=-days)


def years(count: int) -> str:
    return n_("{count} year", "{count} years", count).format(count=count)


def _next_round(value: str, today: dt.date | None) -> tuple[dt.date, dt.date, int]:
    """(the date, its next return from today on, the years it will be then)."""
    day, _year = _as_date(value)
    today = today or dt.date.today()
    try:
        this_year = day.replace(year=today.year)
    except ValueError:  # 29 February in a year without one
        this_year = dt.date(today.year, 2, 28)
    upcoming = this_year if this_year >= today else this_year.replace(year=today.year + 1)
    return day, upcoming, upcoming.year - day.year


def since(value: str, today: dt.date | None = None, where: Locale | None = None) -> str:
    """A start date and its next round of years: '23 December 1976 · 50 years on 23 December'.

    A start known only to the year or month ("1976", "1976-06") is said as it is known."""
    if re.fullmatch(r"\d{4}", value):
        return value
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return month_year(f"{value}-01", where)
    day, has_year = _as_date(value)
    if not has_year:
        return day_month(day, where)
    day, upcoming, count = _next_round(value, today)
    if count <= 0:
        return full_date(day, where)
    return n_("{date} · {count} year on {day}", "{date} · {count} years on {day}", count).format(
        date=full_date(day, where), count=count, day=day_month(upcoming, where)
    )


def birthday(value: str, today: dt.date | None = None, where: Locale | None = None) -> str:
    """'3 April', or with the year '14 September 1951 · turns 76 on 14 September'."""
    day, has_year = _as_date(value)
    if not has_year:
        return day_month(day, where)
    day, upcoming, count = _next_round(value, today)
    if count <= 0:
        return full_date(day, where)
    return n_("{date} · turns {count} on {day}", "{date} · turns {count} on {day}", count).format(
        date=full_date(day, where), count=count, day=day_month(upcoming, where)
    )


def age_on(born: str, on: dt.date) -> int | None:
    day, has_year = _as_date(born)
    if not has_year:
        return None
    return on.year - day.year - ((on.month, on.day) < (day.month, day.day))


def sent_on(value: str, today: dt.date | None = None, where: Locale | None = None) -> str:
    """'sent on 28 March'."""
    return _("sent on {date}").format(date=near_date(value, today, where))


def letter_date(value: str | dt.date | None, language: str | None = None) -> str:
    """The date line of a letter in its own language: '3 April 2025', '2 décembre 2026',
    '2. Dezember 2026', '2 de diciembre de 2026', 'April 3, 2025' (en-US)."""
    if value is None:
        day = dt.date.today()
    else:
        day, _year = _as_date(value)
    return format_date(day, "long", locale=letter_locale(language))


# ------------------------------------------------------------------ reading dates people type
class AmbiguousDate(ValueError):
    """A numeric date both ways round ("03/04/1980"): the message names both readings, and
    `readings` holds them as ISO dates, so a window can ask which one was meant."""

    def __init__(self, message: str, readings: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.readings = readings


_NUMERIC = re.compile(r"^(\d{1,2})[./\-\s](\d{1,2})(?:[./\-\s](\d{4}|\d{2}))?\.?$")
_WORDS = re.compile(r"[^\W\d_]+\.?|\d+(?:st|nd|rd|th|er|e|o|º|\.)?", re.UNICODE)
_FILLER = {"of", "the", "de", "del", "le", "der", "den", "am", "el", "la"}


@cache
def _month_names(where: str) -> dict[str, int]:
    """Month names and abbreviations (English, French, German, Spanish and the user's locale), lower case."""
    names: dict[str, int] = {}
    for tag in ("en", "fr", "de", "es", where):
        found = Locale.parse(tag)
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in found.months[context][width].items():
                    names[name.lower().rstrip(".")] = number
    names["sept"] = 9
    return names


def _checked(year: int | None, month: int, day: int, shown: str) -> dt.date:
    try:
        return dt.date(year if year is not None else 2000, month, day)  # 2000: 29 February exists
    except ValueError:
        raise ValueError(_("{date} is not a real date.").format(date=shown)) from None


def _iso(day: dt.date, has_year: bool) -> str:
    return day.isoformat() if has_year else f"--{day.month:02d}-{day.day:02d}"


def parse_month_year(text: str, *, where: Locale | None = None) -> str | None:
    """A month and year as people type it ("March 2024", "Dezember 1976", "Sept. 2019", "March, 2024")
    as 'YYYY-MM'; None when the text is not a month name and a year."""
    tokens = [t.lower().rstrip(".") for t in _WORDS.findall(text.strip().replace(",", " "))]
    tokens = [t for t in tokens if t not in _FILLER]
    if len(tokens) != 2:
        return None
    months = _month_names(str(where or user_locale()))
    for month_word, year_word in (tokens, tokens[::-1]):
        if month_word in months and re.fullmatch(r"\d{4}", year_word):
            return f"{year_word}-{months[month_word]:02d}"
    return None


def parse_date(text: str, *, where: Locale | None = None, today: dt.date | None = None) -> str:
    """A date as people type it, as ISO ('1990-03-14', or '--04-03' without a year).

    Reads "3 April", "April 3", "14 March 1990", "March 14, 1990", "3rd of April", month names
    in the user's language, and numeric dates "14/03/1990" or "03/14/1990" (the one reading
    that is a real date). A numeric date that reads both ways ("03/04/1980") raises
    AmbiguousDate naming both, never picks one silently. Other failures raise ValueError.
    """
    shown = text.strip()
    where = where or user_locale()
    numeric = _NUMERIC.match(shown)
    if numeric:
        first, second = int(numeric.group(1)), int(numeric.group(2))
        year_text = numeric.group(3)
        year: int | None = None
        if year_text:
            year = int(year_text)
            if len(year_text) == 2:  # '90' -> 1990, '24' -> 2024: the century nearest today
                now = (today or dt.date.today()).year
                year += 100 * ((now - year) // 100)
                if year > now + 10:
                    year -= 100
        readings = []
        for day_part, month_part in ((first, second), (second, first)):
            try:
                readings.append(_checked(year, month_part, day_part, shown))
            except ValueError:
                continue
        readings = list(dict.fromkeys(readings))
        if not readings:
            raise ValueError(_("{date} is not a real date.").format(date=shown))
        if len(readings) > 1:
            a, b = (full_date(_iso(r, year is not None), where) for r in readings)
            raise AmbiguousDate(
                _("{date} could be {a} or {b}; write the month as a word ({a}) or as {readings}.").format(
                    date=shown, a=a, b=b, readings=_iso(readings[0], year is not None)
                ),
                tuple(_iso(r, year is not None) for r in readings),
            )
        return _iso(readings[0], year is not None)
    months = _month_names(str(where))
    month: int | None = None
    day_number: int | None = None
    found_year: int | None = None
    for token in _WORDS.findall(shown.replace(",", " ")):
        word = token.lower().rstrip(".")
        if word in _FILLER:
            continue
        if word in months and month is None:
            month = months[word]
            continue
        digits = re.match(r"\d+", word)
        if digits is None:
            raise ValueError(
                _("{date} is not a date ({token} is not a month).").format(date=repr(shown), token=repr(token))
            )
        number = int(digits.group())
        if len(digits.group()) >= 3 and found_year is None:
            found_year = number
        elif day_number is None and 1 <= number <= 31:
            day_number = number
        else:
            raise ValueError(_("{date} is not a date.").format(date=repr(shown)))
    if month is None or day_number is None:
        raise ValueError(_("{date} is not a date.").format(date=repr(shown)))
    return _iso(_checked(found_year, month, day_number, shown), found_year is not None)
