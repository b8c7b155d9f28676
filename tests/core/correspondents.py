"""Invented correspondences in a real archive: the writer, the people they know and what they noted.

Many drafting tests set up the same three steps for each person (add them, say what they are to the
writer, note something about the two of them); one helper keeps each test down to who the people are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from beautifulletters import drafting
from beautifulletters.archive import Archive

TODAY = dt.date(2026, 12, 2)


def writer(archive: Archive, name: str = "Hannah Weiss", pronouns: str = "she") -> int:
    """The archive's own signer, named as the one who writes the letters."""
    me = archive.settings.default_signer_id()
    assert me is not None
    archive.people.update(me, display_name=name, pronouns=pronouns)
    return me


def known(
    archive: Archive,
    me: int,
    name: str,
    *,
    kind: str,
    since: str,
    notes: Iterable[tuple[str, str]] = (),
    **person: Any,
) -> int:
    """Someone `me` has known as `kind` since `since`, with notes (text, tag) on what the two share."""
    person_id = archive.people.add(display_name=name, **person)
    archive.relationships.set(me, person_id, kind=kind, since=since)
    for text, tag in notes:
        archive.notes.add(person_id, text, tag=tag, about_relationship_from=me)
    return person_id


def draft(archive: Archive, to: int, by: int, template: str, today: dt.date = TODAY, **options: Any) -> drafting.Draft:
    """The letter `by` would be offered for `to` on `today`."""
    return drafting.render_draft(archive, recipient_id=to, signer_id=by, template=template, today=today, **options)
