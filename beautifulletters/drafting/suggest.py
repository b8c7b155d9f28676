"""Which letter to offer first: the recipient's nearest occasion, else what this pair last wrote,
else a letter that suits how close they are (never "across a distance" to someone's wife)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from beautifulletters import dates as date_math
from beautifulletters.archive import Archive
from beautifulletters.drafting import catalog
from beautifulletters.drafting.kinship import closeness

OCCASION_WINDOW_DAYS = 60  # an occasion further away than this is not what a letter today is for
_FOR_OCCASION = {"birthday": "birthday", "anniversary": "anniversary", "memorial": "in-memory"}
_BY_CLOSENESS = {
    "partner": ("love-letter", "just-because"),
    "family": ("just-because", "friendship"),
    "friend": ("just-because", "friendship"),
    "work": ("just-because", "thank-you-kindness"),
    "unknown": ("just-because", "thinking-of-you"),
}


@dataclass(frozen=True)
class Suggestion:
    template: str
    occasion_date: str | None  # the date the letter is for, when it is for an occasion
    reason: str  # why this one, in a few words ("their anniversary in 21 days")


def _exists(name: str) -> bool:
    try:
        catalog.resolve(name)
    except Exception:  # noqa: BLE001 - a missing or unreadable template is simply not offered
        return False
    return True


def suggest_template(
    archive: Archive, recipient_id: int, signer_id: int | None = None, *, today: dt.date | None = None
) -> Suggestion:
    """The template a New letter for this recipient should start on."""
    today = today or dt.date.today()
    person = archive.people.get(recipient_id)
    soonest: tuple[dt.date, str] | None = None
    signer = signer_id if signer_id is not None else archive.settings.default_signer_id()
    relationship = archive.relationships.get(signer, recipient_id) if signer is not None else None
    # Another signer's date with them (her wedding day with him) is no occasion for this signer.
    mine = (None, relationship.id if relationship else None)
    candidates = [
        (d.kind, d.date, bool(d.yearly)) for d in archive.dates.for_person(recipient_id) if d.relationship_id in mine
    ]
    if person.birthday:
        candidates.append(("birthday", person.birthday, True))
    for kind, value, yearly in candidates:
        template = _FOR_OCCASION.get(kind)
        if template is None or not _exists(template):
            continue
        try:
            when = date_math.next_occurrence(value, today) if yearly else dt.date.fromisoformat(value)
        except ValueError:
            continue
        if today <= when <= today + dt.timedelta(days=OCCASION_WINDOW_DAYS) and (soonest is None or when < soonest[0]):
            soonest = (when, kind)
    if soonest is not None:
        when, kind = soonest
        days = (when - today).days
        return Suggestion(_FOR_OCCASION[kind], when.isoformat(), f"their {kind} in {days} days" if days else kind)
    for letter in archive.letters.all(to=recipient_id, signer=signer, limit=20):
        name = letter.template
        if name and _exists(name):
            return Suggestion(name, None, "the letter you last wrote them")
    for name in _BY_CLOSENESS[closeness(relationship.kind if relationship else None)]:
        if _exists(name):
            return Suggestion(name, None, "a letter for no particular occasion")
    return Suggestion("friendship", None, "a letter for no particular occasion")


def existing_draft(archive: Archive, recipient_id: int, template: str, occasion_date: str | None) -> int | None:
    """The draft already started for this occasion (same person, template and date), newest first."""
    for letter in archive.letters.all(to=recipient_id, limit=50):
        if letter.status != "draft" or letter.template != template:
            continue
        if occasion_date is None or (letter.occasion_date or "")[:10] == occasion_date[:10]:
            return letter.id
    return None
