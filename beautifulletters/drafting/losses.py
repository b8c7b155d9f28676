"""A loss the archive itself records: the recipient's husband, wife or partner marked died. In-memory
letters name them ("your husband Frank", so "He is still talked about", not "They"), and a partner
who died within the past year is a sorrow no note need tell of, so a season's greeting says it."""

from __future__ import annotations

import datetime as dt
import re

from beautifulletters.archive import Archive
from beautifulletters.drafting import helpers
from beautifulletters.drafting.context_fields import NoteItem
from beautifulletters.drafting.kinship import closeness, former


def late_partner(archive: Archive, person_id: int) -> tuple[str, str] | None:
    """The recipient's husband, wife or partner marked died in the archive, as a letter to them names
    them ("your husband Frank"), so an in-memory letter says "He is still talked about", not "They"."""
    found = []
    for relation in archive.relationships.for_person(person_id):
        if closeness(relation.kind) != "partner" or former(relation.kind) or relation.ended_on or relation.end_kind:
            continue
        other = archive.people.get(relation.to_id if relation.from_id == person_id else relation.from_id)
        if not other.died_on:
            continue
        pronouns = (other.pronouns or "").lower()
        # The kind says what `to_id` is to `from_id`: read from the widow's side, or from her husband's.
        word = relation.kind if relation.from_id == person_id else None
        if word is None:
            word = "husband" if pronouns.startswith("he") else "wife" if pronouns.startswith("she") else "partner"
        found.append((f"your {word.lower()} {helpers.first_name(other.display_name)}".strip(), other.died_on))
    return found[0] if len(found) == 1 else None


def within_past_year(date: str | None, today: dt.date) -> bool:
    """Whether a day (YYYY-MM-DD), month (YYYY-MM) or year (YYYY) falls in the twelve months up to
    `today`: a death on 28 December last year is within them on 2 December, one on 1 December last
    year or in October last year is not (a holiday season has come since). A month twelve back may be
    either, and counts; a year alone counts only when it is this year. A date after `today` counts
    too: a note noted after the letter's day tells of a death before it was noted."""
    text = str(date or "")
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            day = dt.date.fromisoformat(text)
            year_ago = today.replace(year=today.year - 1, day=min(today.day, 28) if today.month == 2 else today.day)
            return year_ago < day
        if re.fullmatch(r"\d{4}-\d{2}", text):
            back = (today.year * 12 + today.month) - (int(text[:4]) * 12 + int(text[5:]))
            return back <= 12
    except ValueError:
        return False
    return text[:4].isdigit() and int(text[:4]) >= today.year


def recent_loss(late: tuple[str, str] | None, sorrows: list[NoteItem], today: dt.date) -> NoteItem | None:
    """A partner the archive marks died within the past year, as a sorrow no note tells of ("your
    husband Frank died in March"), so a season's greeting or a note of thought acknowledges it."""
    if not late or not re.match(r"^\d{4}-\d{2}", late[1]) or late[1][:7] > today.isoformat()[:7]:
        return None
    if not within_past_year(late[1], today):
        return None
    year, month = int(late[1][:4]), int(late[1][5:7])
    first = late[0].split()[-1]
    if any(first in (n["text"] or "") for n in sorrows):
        return None
    clause = f"{late[0]} died in {dt.date(year, month, 1):%B}{' last year' if year < today.year else ''}"
    return NoteItem(id=0, tag="fact", text=clause, phrase=None, clause=clause, noun=None, since=clause, past=True,
                    ahead=False, recent=True, close_kin=False,
                    hard_time=False, sentence=clause[:1].upper() + clause[1:] + ".", year=year, mood="loss",
                    about="recipient", dislike=False, used=False)  # fmt: skip
