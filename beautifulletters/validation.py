"""Checks applied at the archive's boundary, so nothing malformed is ever stored."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable

from beautifulletters import humandates
from beautifulletters.errors import ValidationError

_MONTH_NAMES = list(calendar.month_name)
_FULL_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_YEARLESS_DATE = re.compile(r"^--(\d{2})-(\d{2})$")
_YEAR_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")

STANDARD_PRONOUNS = {
    "he": "he/him/his/his/himself",
    "she": "she/her/her/hers/herself",
    "they": "they/them/their/theirs/themselves",
}


def text(value: object, field: str, *, required: bool = False, max_length: int | None = None) -> str | None:
    """A text field: kept exactly as given (any script, emoji, combining marks), NUL refused."""
    if value is None:
        if required:
            raise ValidationError(field, "is required.")
        return None
    if not isinstance(value, str):
        raise ValidationError(field, f"must be text, not {type(value).__name__}.")
    if "\x00" in value:
        raise ValidationError(field, "contains a NUL byte, which cannot be stored.")
    if not value.strip():
        if required:
            raise ValidationError(field, "must not be empty.")
        return None
    if max_length is not None and len(value) > max_length:
        raise ValidationError(field, f"is longer than {max_length} characters.")
    return value


def text_list(values: Iterable[object] | None, field: str) -> list[str]:
    result: list[str] = []
    for item in values or []:
        cleaned = text(item, field)
        if cleaned is not None and cleaned not in result:
            result.append(cleaned)
    return result


def tag(value: object, field: str = "tag") -> str:
    cleaned = text(value, field, required=True, max_length=100)
    assert cleaned is not None
    return cleaned.strip().lower()


def _real_date(year: int, month: int, day: int, field: str, shown: str) -> dt.date:
    if not 1 <= month <= 12:
        raise ValidationError(field, f"{shown} has no month {month}; months run from 01 to 12.")
    days_in_month = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days_in_month:
        raise ValidationError(
            field,
            f"{shown} is not a real date ({_MONTH_NAMES[month]} has {days_in_month} days"
            + (f" in {year}" if month == 2 else "")
            + ").",
        )
    return dt.date(year, month, day)


def date(value: object, field: str, *, allow_yearless: bool = False, allow_partial: bool = False) -> str | None:
    """Validate a date as YYYY-MM-DD, or --MM-DD when the year is unknown.

    `allow_partial` also accepts YYYY and YYYY-MM (a relationship that began "in 1976").
    Returns the normalised string, or None for an empty value.
    """
    cleaned = text(value, field)
    if cleaned is None:
        return None
    cleaned = cleaned.strip()
    if match := _FULL_DATE.match(cleaned):
        year, month, day = (int(g) for g in match.groups())
        if year < 1:
            raise ValidationError(field, f"{cleaned} has no year 0000.")
        _real_date(year, month, day, field, cleaned)
        return cleaned
    if allow_yearless and (match := _YEARLESS_DATE.match(cleaned)):
        month, day = (int(g) for g in match.groups())
        _real_date(2000, month, day, field, cleaned)  # 2000 is a leap year: --02-29 is a real birthday
        return cleaned
    if allow_partial and (match := _YEAR_MONTH.match(cleaned)):
        year, month = (int(g) for g in match.groups())
        if not 1 <= month <= 12:
            raise ValidationError(field, f"{cleaned} has no month {month}; months run from 01 to 12.")
        return cleaned
    if allow_partial and _YEAR.match(cleaned):
        return cleaned
    if any(c.isalpha() for c in cleaned) or "/" in cleaned or "." in cleaned:
        # Typed the way people write dates: "3 April", "14 March 1990", "14/03/1990".
        try:
            parsed = humandates.parse_date(cleaned)
        except humandates.AmbiguousDate as error:
            raise ValidationError(field, str(error)) from None
        except ValueError:
            parsed = None
        if parsed is not None and (allow_yearless or not parsed.startswith("--")):
            return parsed
        if parsed is not None:
            raise ValidationError(field, f"{cleaned} needs a year here (for example {cleaned} 1990).")
    accepted = "YYYY-MM-DD"
    if allow_yearless:
        accepted += " or --MM-DD (no year)"
    if allow_partial:
        accepted += ", YYYY-MM or YYYY"
    raise ValidationError(field, f"{cleaned!r} is not a date; write it as 3 April 1990, {accepted}.")


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
        f"{cleaned!r} is not understood; use he, she or they, or five forms like ze/zir/zir/zirs/zirself.",
    )
