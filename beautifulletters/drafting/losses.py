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


def recent_loss(late: tuple[str, str] | None, sorrows: list[NoteItem], today: dt.date) -> NoteItem | None:
    """A partner the archive marks died within the past year, as a sorrow no note tells of ("your
    husband Frank died in March"), so a season's greeting or a note of thought acknowledges it."""
    if not late or not re.match(r"^\d{4}-\d{2}", late[1]) or late[1][:7] > today.isoformat()[:7]:
        return None
    year, month = int(late[1][:4]), int(late[1][5:7])
    first = late[0].split()[-1]
    if (today.year - year) * 12 + today.month - month > 12 or any(first in (n["text"] or "") for n in sorrows):
        return None
    clause = f"{late[0]} died in {dt.date(year, month, 1):%B}{' last year' if year < today.year else ''}"
    return NoteItem(id=0, tag="fact", text=clause, phrase=None, clause=clause, noun=None, since=clause, past=True,
                    ahead=False, close_kin=False,
                    hard_time=False, sentence=clause[:1].upper() + clause[1:] + ".", year=year, mood="loss",
                    about="recipient", dislike=False, used=False)  # fmt: skip
