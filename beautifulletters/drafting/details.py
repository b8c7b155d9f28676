"""An occasion's own details (the gift, the baby's name, what the apology is for), declared in a
template's header, given by the writer or found in the person's notes.

A header line ``details: gift (the gift, in a few words: "the blue scarf"), place? (where)``
declares two details; a ``?`` marks one the letter can do without. A note tagged with the
detail's key, or a note written ``gift: the blue scarf``, fills it in ahead of the writer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from typing import Any

from beautifulletters.i18n import _
from beautifulletters.records import Note

_DECLARATION = re.compile(r"([a-z][a-z0-9_]*)(\?)?\s*\(((?:[^()]|\([^()]*\))*)\)", re.IGNORECASE)
_KEY = re.compile(r"^[a-z][a-z0-9_]{0,40}$")
MAX_VALUE = 300


@dataclass(frozen=True)
class Detail:
    """One detail a template asks for: its key, how to ask for it, and whether the letter needs it."""

    key: str
    label: str
    optional: bool

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def parse(header_value: str | None) -> list[Detail]:
    """The details declared in a header's ``details:`` value, in order."""
    found: list[Detail] = []
    for match in _DECLARATION.finditer(header_value or ""):
        key = match.group(1).lower()
        if key not in {d.key for d in found}:
            found.append(Detail(key, " ".join(match.group(3).split()), bool(match.group(2))))
    return found


def parse_given(pairs: Iterable[str]) -> dict[str, str]:
    """``KEY=VALUE`` pairs from the command line; a bad pair is a plain error naming it."""
    given: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key = key.strip().lower().replace("-", "_")
        if not sep or not _KEY.match(key):
            raise ValueError(f"--detail takes KEY=VALUE (for example gift=the blue scarf), not {pair!r}")
        given[key] = value
    return given


def clean(value: Any) -> str:
    """A detail as the letter uses it: one line, no closing full stop, not too long."""
    text = " ".join(str(value or "").split())
    text = text.rstrip(" .;,")
    return text[:MAX_VALUE]


def from_notes(declared: Iterable[Detail], notes: Iterable[Note]) -> dict[str, str]:
    """Details found in notes: a note tagged ``gift``, or one written ``gift: the blue scarf``."""
    found: dict[str, str] = {}
    notes = list(notes)
    for detail in declared:
        spoken = detail.key.replace("_", " ")
        for note in notes:
            text = " ".join(note.text.split())
            if note.tag.lower() in (detail.key, spoken):
                found[detail.key] = clean(text)
                break
            head, sep, rest = text.partition(":")
            if sep and head.strip().lower() in (detail.key, spoken) and rest.strip():
                found[detail.key] = clean(rest)
                break
    return found


def resolve(declared: list[Detail], given: Mapping[str, str] | None, notes: Iterable[Note]) -> dict[str, str]:
    """Every declared detail with its value ('' when unknown): the writer's first, then the notes'."""
    values = {d.key: "" for d in declared}
    values.update({k: v for k, v in from_notes(declared, notes).items() if v})
    for key, value in (given or {}).items():
        if clean(value):
            values[key] = clean(value)
    return values


def missing(declared: list[Detail], values: Mapping[str, str]) -> list[str]:
    """Sentences for the details the letter needs and does not have."""
    return [
        _(
            "The letter asks for {detail}; give it with --detail {key}=… or in the New letter dialog "
            "(until then that sentence is left out)."
        ).format(detail=d.label.split(":")[0].split(",")[0].strip(), key=d.key)
        for d in declared
        if not d.optional and not values.get(d.key)
    ]
