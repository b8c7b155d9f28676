"""Checks applied at the archive's boundary, so nothing malformed is ever stored.

The one gate for values coming in, whether typed in the window, given on the command line or
read from an imported file: text fields (control characters, escape sequences, bidirectional
overrides, broken characters, sizes), dates (digits 0-9 only, real days), ids, counts.
Each refusal is one sentence naming the field, what is wrong and where.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from collections.abc import Iterable

from beautifulletters import humandates, limits, words
from beautifulletters.errors import NotFoundError, RefusedValueError, ValidationError
from beautifulletters.i18n import _

_MONTH_NAMES = list(calendar.month_name)
# [0-9], never \d: \d (like str.isdigit and int()) also takes Arabic-Indic, full-width and
# other digits, which every later reader of the date would trip over.
_FULL_DATE = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$")
_YEARLESS_DATE = re.compile(r"^--([0-9]{2})-([0-9]{2})$")
_YEAR_MONTH = re.compile(r"^([0-9]{4})-([0-9]{2})$")
_YEAR = re.compile(r"^([0-9]{4})$")
_WHOLE_NUMBER = re.compile(r"^[+-]?[0-9]+$")

# What no text may hold: C0 controls but tab and line feed, DEL, C1 controls, bidirectional
# embeddings, overrides and isolates, lone surrogates; in one-line text also tabs and line breaks.
_ALWAYS_UNSAFE = "\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff"
_UNSAFE_MULTILINE = re.compile(f"[{_ALWAYS_UNSAFE}]")
_UNSAFE_LINE = re.compile(f"[{_ALWAYS_UNSAFE}\t\n\u2028\u2029]")
# ECMA-48: CSI sequences (ESC [ or the C1 CSI), OSC strings (ESC ]), and two-character escapes.
_ESCAPE_SEQUENCE = re.compile(r"(?:\x1b\[|\x9b)[0-?]{0,40}[ -/]{0,10}[@-~]?|\x1b\][^\x07\x1b]{0,40}|\x1b[@-Z\\-_]")
_BODY_DROPPED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_SUBJECTS = {"how we met": "The text of how you met", "days": "The number of days"}
_PLURAL_FIELDS = {"notes", "pet names"}

STANDARD_PRONOUNS = {
    "he": "he/him/his/his/himself",
    "she": "she/her/her/hers/herself",
    "they": "they/them/their/theirs/themselves",
}


def _position_problem(value: str, multiline: bool) -> tuple[int, str, str] | None:
    """(1-based position, what is there, why it matters) of the first character no stored text may hold."""
    match = (_UNSAFE_MULTILINE if multiline else _UNSAFE_LINE).search(value)
    if match is None:
        return None
    index = match.start()
    char = value[index]
    code = f"U+{ord(char):04X}"
    if char in "\x1b\x9b" and (sequence := _ESCAPE_SEQUENCE.match(value, index)):
        shown = sequence.group().replace("\x1b", "ESC ").replace("\x9b", "CSI ").strip()
        return index + 1, f"a control character ({code}) that starts a terminal escape sequence ({shown})", ""
    if char in "\n\u2028\u2029":
        return index + 1, f"a line break ({code})", "one-line"
    if "\ud800" <= char <= "\udfff":
        return index + 1, f"a broken character ({code}, from bytes that are not UTF-8)", ""
    if "\u202a" <= char <= "\u202e" or "\u2066" <= char <= "\u2069":
        return index + 1, f"a bidirectional override ({code})", ", which would show the text in another order"
    if char == "\t":
        return index + 1, f"a control character ({code}, a tab)", "one-line"
    return index + 1, f"a control character ({code})", ""


def _subject(field: str) -> str:
    """How a message names the field: 'The name', 'The notes', 'The text of how you met'."""
    return _SUBJECTS.get(field, f"The {field}")


def _verb(field: str, singular: str, plural: str) -> str:
    return plural if field in _PLURAL_FIELDS else singular


def refuse(field: str, sentence: str) -> RefusedValueError:
    """The error for a value no field may hold; its message is the whole sentence (it names the field)."""
    return RefusedValueError(field, sentence)


def check_text(value: str, field: str, *, multiline: bool = False, max_length: int | None = None) -> None:
    """Refuse what no text field may hold, in one sentence naming the field, the character and where.

    Control characters (C0 and C1; tab and line breaks only in text of several lines), terminal
    escape sequences, bidirectional overrides and isolates (U+202A-U+202E, U+2066-U+2069: a
    name that displays in another order than it is stored) and unpaired surrogates (bytes that
    were not UTF-8). Letters of every script, emoji, combining marks, joiners and the
    left-to-right and right-to-left marks are all kept.
    """
    limit = max_length if max_length is not None else (limits.NOTE_CHARS if multiline else limits.LINE_CHARS)
    if len(value) > limit:
        raise refuse(
            field,
            f"{_subject(field)} {_verb(field, 'is', 'are')} {len(value):,} characters long; "
            f"the limit is {limit:,}. Shorten {_verb(field, 'it', 'them')}.",
        )
    problem = _position_problem(value, multiline)
    if problem is not None:
        position, what, why = problem
        contains = f"{_subject(field)} {_verb(field, 'contains', 'contain')} {what} at position {position}"
        if why == "one-line":
            raise refuse(field, f"{contains}; {_verb(field, 'it', 'they')} must be one line of text.")
        raise refuse(field, f"{contains}{why}; remove it.")


def text(
    value: object,
    field: str,
    *,
    required: bool = False,
    max_length: int | None = None,
    multiline: bool = False,
) -> str | None:
    """A text field: kept as given (any script, emoji, combining marks), hostile characters refused.

    One-line fields refuse tabs and line breaks too; in text of several lines (`multiline`),
    Windows and old Mac line ends become \\n. `max_length` defaults to limits.LINE_CHARS, or
    limits.NOTE_CHARS for text of several lines.
    """
    if value is None:
        if required:
            raise ValidationError(field, _("is required."))
        return None
    if not isinstance(value, str):
        raise ValidationError(field, _("must be text, not {type}.").format(type=type(value).__name__))
    if multiline and "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    check_text(value, field, multiline=multiline, max_length=max_length)
    if not value.strip():
        if required:
            raise ValidationError(field, _("must not be empty."))
        return None
    return value


def text_list(
    values: Iterable[object] | None,
    field: str,
    *,
    plural: str | None = None,
    multiline: bool = False,
    max_items: int = limits.LIST_ITEMS,
) -> list[str]:
    """A person's list (emails, phones, addresses, pet names): each item checked, repeats dropped."""
    result: dict[str, None] = {}
    for item in values or []:
        cleaned = text(item, field, multiline=multiline)
        if cleaned is not None:
            result[cleaned] = None
            if len(result) > max_items:
                raise refuse(
                    field,
                    f"There are more than {max_items:,} {plural or field + 's'}; "
                    f"a person may have at most {max_items:,}.",
                )
    return list(result)


def body(value: object, field: str = "body") -> str:
    """A letter's body as it is saved while someone types: made safe to keep, never refused for a character.

    A body comes from the writing desk (pasted text may carry a form feed or a vertical tab from
    a word processor) or a template; a save must not fail on a character no one can see. Control
    characters other than tab and line breaks are dropped, Windows line ends become \\n, and a
    broken character becomes U+FFFD. Bidirectional controls stay: a letter mixing Arabic or Hebrew
    with a Latin name needs them. Only a body over limits.BODY_CHARS is refused.
    """
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValidationError(field, _("must be text, not {type}.").format(type=type(value).__name__))
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = _BODY_DROPPED.sub("", value)
    value = _SURROGATE.sub("\ufffd", value)
    if len(value) > limits.BODY_CHARS:
        raise refuse(
            field, f"The letter is {len(value):,} characters long; a letter may be at most {limits.BODY_CHARS:,}."
        )
    return value


def tag(value: object, field: str = "tag") -> str:
    cleaned = text(value, field, required=True, max_length=100)
    assert cleaned is not None
    return cleaned.strip().lower()


def _real_date(year: int, month: int, day: int, field: str, shown: str) -> dt.date:
    if not 1 <= month <= 12:
        raise ValidationError(
            field, _("{date} has no month {month}; months run from 01 to 12.").format(date=shown, month=month)
        )
    days_in_month = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days_in_month:
        name = humandates.month_name(month)
        if month == 2:
            message = _("{date} is not a real date ({month} has {count} days in {year}).")
        else:
            message = _("{date} is not a real date ({month} has {count} days).")
        raise ValidationError(field, message.format(date=shown, month=name, count=days_in_month, year=year))
    return dt.date(year, month, day)


def _other_digits(value: str) -> tuple[int, str] | None:
    """(1-based position, code) of the first digit that is not 0-9 (Arabic-Indic, full-width...)."""
    for index, char in enumerate(value):
        if char.isdigit() and char not in "0123456789":
            return index + 1, f"U+{ord(char):04X}"
    return None


def ascii_digits(value: str) -> str:
    """The text with every decimal digit of any script written as 0-9 (others left as they are)."""
    return "".join(str(unicodedata.decimal(c)) if c.isdecimal() and c not in "0123456789" else c for c in value)


def date(value: object, field: str, *, allow_yearless: bool = False, allow_partial: bool = False) -> str | None:
    """Validate a date as YYYY-MM-DD, or --MM-DD when the year is unknown.

    `allow_partial` also accepts YYYY and YYYY-MM (a relationship that began "in 1976").
    Returns the normalised string, or None for an empty value. Only the digits 0-9 are dates:
    the same date in Arabic-Indic or full-width digits is refused, saying how to write it.
    """
    cleaned = text(value, field, max_length=100)
    if cleaned is None:
        return None
    cleaned = cleaned.strip()
    if other := _other_digits(cleaned):
        position, code = other
        suggestion = ascii_digits(cleaned)
        raise refuse(
            field,
            f"{_subject(field)} {cleaned} is written with digits other than 0-9 ({code} at position {position}); "
            f"write it with 0-9" + (f", as {suggestion}." if suggestion != cleaned else "."),
        )
    if match := _FULL_DATE.match(cleaned):
        year, month, day = (int(g) for g in match.groups())
        if year < 1:
            raise ValidationError(field, _("{value} has no year 0000.").format(value=cleaned))
        _real_date(year, month, day, field, cleaned)
        return cleaned
    if allow_yearless and (match := _YEARLESS_DATE.match(cleaned)):
        month, day = (int(g) for g in match.groups())
        _real_date(2000, month, day, field, cleaned)  # 2000 is a leap year: --02-29 is a real birthday
        return cleaned
    if allow_partial and (match := _YEAR_MONTH.match(cleaned)):
        year, month = (int(g) for g in match.groups())
        if year < 1:
            raise ValidationError(field, _("{value} has no year 0000.").format(value=cleaned))
        if not 1 <= month <= 12:
            raise ValidationError(
                field, _("{value} has no month {month}; months run from 01 to 12.").format(value=cleaned, month=month)
            )
        return cleaned
    if allow_partial and _YEAR.match(cleaned):
        if int(cleaned) < 1:
            raise ValidationError(field, _("{value} has no year 0000.").format(value=cleaned))
        return cleaned
    if any(c.isalpha() for c in cleaned) or "/" in cleaned or "." in cleaned:
        # Typed the way people write dates: "3 April", "14 March 1990", "14/03/1990"; where a month
        # is enough, "December 1976" (as the window shows a stored 1976-12).
        month_year = humandates.parse_month_year(cleaned) if allow_partial else None
        if month_year is not None:
            return date(month_year, field, allow_partial=True)
        try:
            parsed = humandates.parse_date(cleaned)
        except humandates.AmbiguousDate as error:
            raise ValidationError(field, str(error)) from None
        except ValueError:
            parsed = None
        if parsed is not None and (allow_yearless or not parsed.startswith("--")):
            # The same checks as a date typed as digits (a year 0000, a real day).
            return date(parsed, field, allow_yearless=allow_yearless, allow_partial=allow_partial)
        if parsed is not None:
            raise ValidationError(
                field, _("{value} needs a year here (for example {value} 1990).").format(value=cleaned)
            )
    forms = ["YYYY-MM-DD"]
    if allow_yearless:
        forms.append(_("--MM-DD (no year)"))
    if allow_partial:
        forms += ["YYYY-MM", "YYYY"]
    accepted = words.join(forms, either=True)
    raise ValidationError(
        field,
        _("{value} is not a date; write it as 3 April 1990, {accepted}.").format(
            value=repr(cleaned), accepted=accepted
        ),
    )


def stored_date(value: object, *, allow_yearless: bool = False, allow_partial: bool = False) -> str | None:
    """A date read back from the archive, as every reader expects it, or None.

    Archives written before dates were checked this closely may hold one in other digits
    (٢٠٢٠-٠٣-٠١) or a year 0000: it is read in 0-9 when that makes a real date, else as no date,
    so a draft, the upcoming list or an export never stops on it.
    """
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        return None
    if _FULL_DATE.match(value) or _YEARLESS_DATE.match(value):
        candidate = value  # the common case: checked below only for a real day
    else:
        candidate = ascii_digits(value.strip())
    try:
        return date(candidate, "date", allow_yearless=allow_yearless, allow_partial=allow_partial)
    except ValidationError:
        return None


def record_id(value: object, kind: str) -> int:
    """An id to look up: ids past SQLite's largest integer (or below 1) belong to no record."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError("id", _("{value} is not an id (a whole number).").format(value=repr(value)))
    if not 1 <= value <= limits.MAX_ID:
        raise NotFoundError(kind, value)
    return value


def whole_number(value: object, field: str, *, minimum: int, maximum: int, unit: str = "") -> int:
    """A count such as --days: a whole number written with 0-9, within its bounds."""
    if isinstance(value, str):
        cleaned = value.strip()
        if not _WHOLE_NUMBER.match(cleaned):
            raise refuse(field, f"{_subject(field)} must be a whole number written with 0-9, not {value!r}.")
        value = int(cleaned)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(field, _("must be a whole number, not {type}.").format(type=type(value).__name__))
    if not minimum <= value <= maximum:
        shown = f"{value:,}" if len(str(value)) <= 30 else f"{str(value)[:12]}… ({len(str(value))} digits)"
        raise refuse(
            field,
            f"{_subject(field)} must be from {minimum:,} to {maximum:,}{' ' + unit if unit else ''}, not {shown}.",
        )
    return value


def pronouns(value: object, field: str = "pronouns") -> str | None:
    """he, she, they (or he/him, she/her, they/them), or five custom forms: ze/zir/zir/zirs/zirself."""
    cleaned = text(value, field, max_length=200)
    if cleaned is None:
        return None
    cleaned = cleaned.strip()
    forms = [part.strip() for part in cleaned.split("/")]
    if forms[0].lower() in STANDARD_PRONOUNS and len(forms) <= 2:
        return forms[0].lower()
    if len(forms) == 5 and all(forms):
        return "/".join(forms)
    raise ValidationError(
        field,
        _("{value} is not understood; use he, she or they, or five forms like ze/zir/zir/zirs/zirself.").format(
            value=repr(cleaned)
        ),
    )
