"""Small language helpers for letters: ordinals, pronouns with verb agreement, dates, lists, voice.

Everything here works on plain data (str, int, dict), so the same functions serve the
in-process sandbox and the bounded child process that renders user templates.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from beautifulletters.drafting.context_fields import PronounForms

_ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_ORDINAL_ONES = [
    "zeroth",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
]
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]

STANDARD_PRONOUNS: dict[str, tuple[str, str, str, str, str]] = {
    "he": ("he", "him", "his", "his", "himself"),
    "she": ("she", "her", "her", "hers", "herself"),
    "they": ("they", "them", "their", "theirs", "themselves"),
}


# ------------------------------------------------------------------ numbers
def number_words(n: int) -> str:
    """ "fifty", "one hundred and three"; digits beyond 999 (no letter needs them spelled)."""
    n = int(n)
    if n < 0:
        return "minus " + number_words(-n)
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return f"{_ONES[hundreds]} hundred" + (f" and {number_words(rest)}" if rest else "")
    return f"{n:,}"


def ordinal_words(n: int) -> str:
    """ "fiftieth", "twenty-first"; digits with a suffix beyond 999."""
    n = int(n)
    if n < 0 or n >= 1000:
        return ordinal_number(n)
    if n < 20:
        return _ORDINAL_ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        if ones:
            return f"{_TENS[tens]}-{_ORDINAL_ONES[ones]}"
        return _TENS[tens][:-1] + "ieth"
    hundreds, rest = divmod(n, 100)
    if rest:
        return f"{_ONES[hundreds]} hundred and {ordinal_words(rest)}"
    return f"{_ONES[hundreds]} hundredth"


def ordinal_number(n: int) -> str:
    """ "50th", "21st", "112th"."""
    n = int(n)
    if 10 <= n % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def plural(count: int, singular: str, plural_form: str | None = None, *, words: bool = True) -> str:
    """ "one year", "fifty years", "3 letters" (with words=False)."""
    shown = number_words(count) if words else str(count)
    noun = singular if count == 1 else (plural_form or singular + "s")
    return f"{shown} {noun}"


# ----------------------------------------------------------------- pronouns
def pronoun_forms(value: str | None) -> PronounForms:
    """The five forms of a pronoun set and whether verbs agree in the plural ("they are")."""
    if not value:
        value = "they"
    forms = STANDARD_PRONOUNS.get(value.strip().lower())
    if forms is None:
        parts = [p.strip() for p in value.split("/")]
        forms = tuple(parts) if len(parts) == 5 and all(parts) else STANDARD_PRONOUNS["they"]  # type: ignore[assignment]
    subject, obj, possessive, possessive_pronoun, reflexive = forms  # type: ignore[misc]
    return PronounForms(
        subject=subject,
        object=obj,
        possessive=possessive,
        possessive_pronoun=possessive_pronoun,
        reflexive=reflexive,
        # Singular they takes plural verbs ("they are"); every other set is singular ("ze is").
        plural=subject.lower() == "they",
    )


IRREGULAR_PLURAL = {
    "is": "are",
    "was": "were",
    "has": "have",
    "does": "do",
    "goes": "go",
    "isn't": "aren't",
    "wasn't": "weren't",
    "hasn't": "haven't",
    "doesn't": "don't",
}
IRREGULAR_FIRST = {"is": "am", "isn't": "am not", "was": "was", "wasn't": "wasn't"}


def verb_plural(verb: str) -> str:
    """The plural (and you/we/they) form of a verb given in the third person singular."""
    lower = verb.lower()
    if lower in IRREGULAR_PLURAL:
        return IRREGULAR_PLURAL[lower]
    if len(lower) > 3 and lower.endswith("ies") and lower[-4] not in "aeiou":
        return verb[:-3] + "y"
    if re.search(r"(ch|sh|ss|x|z|o)es$", lower):
        return verb[:-2]
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is")) and len(lower) > 2:
        return verb[:-1]
    return verb


def agree(pronouns: Mapping[str, Any] | str | None, verb: str) -> str:
    """A verb (written for he/she: "is", "laughs") agreeing with a pronoun set: "are", "laugh" for they."""
    forms = pronouns if isinstance(pronouns, Mapping) else pronoun_forms(pronouns)
    return verb_plural(verb) if forms.get("plural") else verb


# ------------------------------------------------------------------- words
def possessive(name: str | None) -> str:
    """ "James's", "Anna's"; "their" stays "their"."""
    if not name:
        return ""
    name = str(name)
    if name.lower() in {"i", "me"}:
        return "my"
    if name.lower() == "you":
        return "your"
    return f"{name}’s" if "’" in name else f"{name}'s"


def natural_list(items: Iterable[Any], conjunction: str = "and") -> str:
    """ "Anna, Ben and Carl"; empty and missing items are left out."""
    words = [str(item).strip() for item in items if item is not None and str(item).strip()]
    if not words:
        return ""
    if len(words) == 1:
        return words[0]
    return f"{', '.join(words[:-1])} {conjunction} {words[-1]}"


def capitalize_first(text: str | None) -> str:
    """Upper-case the first letter only ("the winter..." -> "The winter..."); names stay as written."""
    if not text:
        return ""
    text = str(text)
    for index, char in enumerate(text):
        if char.isalpha():
            return text[:index] + char.upper() + text[index + 1 :]
    return text


# ------------------------------------------------------------------- dates
def parse_date(value: Any) -> dt.date | None:
    """A date from 'YYYY-MM-DD', '--MM-DD' (year 4, so 29 February survives), 'YYYY-MM' or a date."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value)
    try:
        if text.startswith("--"):
            return dt.date(4, int(text[2:4]), int(text[5:7]))
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text[:10]):
            return dt.date.fromisoformat(text[:10])
        if re.fullmatch(r"\d{4}-\d{2}", text):
            return dt.date(int(text[:4]), int(text[5:7]), 1)
        if re.fullmatch(r"\d{4}", text):
            return dt.date(int(text), 1, 1)
    except ValueError:
        return None
    return None


def natural_date(value: Any, *, with_year: bool = False) -> str:
    """ "the fourth of March" (or "the fourth of March 1975"); '' for no date."""
    text = str(value) if value is not None else ""
    date = parse_date(value)
    if date is None:
        return ""
    if re.fullmatch(r"\d{4}", text):
        return str(date.year)
    if re.fullmatch(r"\d{4}-\d{2}", text):
        return f"{_MONTHS[date.month - 1]} {date.year}"
    result = f"the {ordinal_words(date.day)} of {_MONTHS[date.month - 1]}"
    if with_year and not text.startswith("--"):
        result += f" {date.year}"
    return result


def year_of(value: Any) -> int | None:
    """The year of 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'; None for a year-less or missing date."""
    text = str(value or "")
    return int(text[:4]) if re.match(r"^\d{4}", text) else None


def days_between(start: dt.date, value: Any) -> int | None:
    """Days from `start` until a dated value; None without a full date."""
    text = str(value or "")
    date = parse_date(text) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) else None
    return (date - start).days if date else None


def month_name(value: Any) -> str:
    date = parse_date(value)
    return _MONTHS[date.month - 1] if date else ""


def years_since(value: Any, today: Any = None) -> int | None:
    """Whole years from a date ('YYYY', 'YYYY-MM' or 'YYYY-MM-DD') to today; None without a year."""
    text = str(value) if value is not None else ""
    if not text or text.startswith("--"):
        return None
    start = parse_date(text)
    end = parse_date(today) or dt.date.today()
    if start is None:
        return None
    years = end.year - start.year
    if len(text) >= 7 and (end.month, end.day) < (start.month, start.day if len(text) >= 10 else 1):
        years -= 1
    return max(years, 0)


def season_of(value: Any) -> str:
    """The northern-hemisphere season of a date ("winter")."""
    date = parse_date(value) or dt.date.today()
    return {
        12: "winter",
        1: "winter",
        2: "winter",
        3: "spring",
        4: "spring",
        5: "spring",
        6: "summer",
        7: "summer",
        8: "summer",
    }.get(date.month, "autumn")


# ---------------------------------------------------------- names and voice
_TITLES = {"dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "mx", "mx.", "prof", "prof.", "sir", "dame"}
NAME_WORD = re.compile(r"^[^\W\d_][\w'’.-]*$")


def first_name(display_name: str | None) -> str:
    """The first word of a name when it looks like a given name; otherwise the whole name, as written."""
    name = " ".join(str(display_name or "").split())
    words = name.split(" ")
    if len(words) >= 2 and words[0].lower() not in _TITLES and NAME_WORD.match(words[0]):
        return words[0]
    return name


def pick(options: Sequence[Any], variant: int) -> Any:
    """One of several wordings, chosen by how many letters came before (stable for a given archive)."""
    if not options:
        return ""
    return options[int(variant) % len(options)]
