"""What a card brings to someone already in the archive: only what the card changed since it was last imported.

Every import records what each card brought (archive.imported). On the next import of the
same card, a field is applied only when the card's value changed since then; a card that did
not change changes nothing, whatever the writer did in the app meanwhile (an email removed, a
note rewritten). A card never seen before only fills empty fields and adds list entries and a
note that are not there yet. Nothing the archive holds is ever removed by an import.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, cast

from beautifulletters.records import JSONObject, Person, PersonFields
from beautifulletters.transfer.contact import Contact, phone_key
from beautifulletters.transfer.matching import name_form

# Fields filled when empty, and changed when the card changed and the writer had not.
SCALARS = ("full_name", "nickname", "pronouns", "birthday", "language", "pronunciation", "photo")
LISTS = ("emails", "phones", "addresses", "tags")
_SAID = {"full_name": "full name", "pronunciation": "pronunciation", "photo": "photo"}


def _photo_hash(photo: bytes | None) -> str | None:
    return hashlib.sha256(photo).hexdigest() if photo else None


def card_values(contact: Contact) -> JSONObject:
    """What the card says, as recorded after its import (a photo as its SHA-256)."""
    values: JSONObject = {"display_name": contact.display_name}
    for name in SCALARS:
        values[name] = _photo_hash(contact.photo) if name == "photo" else getattr(contact, name)
    for name in LISTS:
        values[name] = list(getattr(contact, name))
    values["notes"] = contact.notes
    values["anniversary"] = contact.anniversary
    values["related"] = [[r.kind, r.name, r.uid] for r in contact.related]
    return {key: value for key, value in values.items() if value not in (None, [], "")}


def card_key(contact: Contact) -> str:
    """Which card this is, from one import to the next: its vCard UID, else its name."""
    if contact.uid:
        return f"uid:{contact.uid}"
    form = name_form(contact.display_name or contact.full_name)
    return "name:" + (" ".join(form.words) + (f" {form.suffix}" if form.suffix else "") if form else "")


def fingerprint(values: Mapping[str, Any], key: str) -> str:
    """The same card, exactly as imported before, has the same fingerprint."""
    text = json.dumps([key, values], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _list_key(name: str) -> Callable[[str], str]:
    if name == "emails":
        return lambda value: value.strip().casefold()
    if name == "phones":
        return phone_key
    if name == "tags":
        return lambda value: value.strip().lower()
    return lambda value: value


@dataclass
class Merge:
    """The changes for people.update, whether to add the anniversary, and what was kept and why."""

    changes: PersonFields = field(default_factory=lambda: PersonFields())
    anniversary: str | None = None
    kept: list[str] = field(default_factory=list)


def merge(existing: Person, contact: Contact, last: Mapping[str, Any] | None) -> Merge:
    """What `contact` changes in `existing`, given what the same card brought last time (`last`)."""
    result = Merge()
    # The fields are named in SCALARS and LISTS, so the changes are gathered by name first.
    changes: dict[str, object] = {}
    now = card_values(contact)
    for name in SCALARS:
        card = now.get(name)
        if card is None or (last is not None and last.get(name) == card):
            continue  # the card says nothing, or nothing new since its last import
        current = getattr(existing, name)
        current = _photo_hash(current) if name == "photo" else current
        if current == card:
            continue
        value = contact.photo if name == "photo" else card
        if not current or (last is not None and last.get(name) == current):
            changes[name] = value  # empty, or still what this card brought last time
        elif last is not None:
            shown = "a new one" if name == "photo" else repr(card)
            result.kept.append(f"kept the {_SAID.get(name, name)} you have; the card now says {shown}")
    for name in LISTS:
        key = _list_key(name)
        before = {key(v) for v in (last or {}).get(name, [])}
        current = list(getattr(existing, name))
        present = {key(v) for v in current}
        # Only what the card added since its last import: a value the writer removed stays removed.
        added = [v for v in getattr(contact, name) if key(v) not in before and key(v) not in present]
        if added:
            changes[name] = current + list(dict.fromkeys(added))
    result.changes = cast(PersonFields, changes)
    _merge_note(existing.notes or "", contact.notes, (last or {}).get("notes"), result)
    anniversary = contact.anniversary
    if anniversary and (last is None or last.get("anniversary") != anniversary):
        result.anniversary = anniversary
    return result


def _merge_note(current: str, card: str | None, before: str | None, result: Merge) -> None:
    if not card or card == before or card in current:
        return
    if before and before in current:
        # The writer left the card's old note as it was: the card's new note takes its place.
        result.changes["notes"] = current.replace(before, card, 1)
    elif before:
        result.kept.append("kept the notes you wrote; the card's note has changed since it was last imported")
    else:
        result.changes["notes"] = f"{current}\n\n{card}" if current else card


def new_related(contact: Contact, last: Mapping[str, Any] | None) -> list[int]:
    """Which of the card's RELATED entries are new since its last import (indexes into contact.related)."""
    before = {tuple(entry) for entry in (last or {}).get("related", [])}
    return [i for i, r in enumerate(contact.related) if (r.kind, r.name, r.uid) not in before]
