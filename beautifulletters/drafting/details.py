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
from beautifulletters.records import JSONObject, Note

_DECLARATION = re.compile(r"([a-z][a-z0-9_]*)(\?)?\s*\(((?:[^()]|\([^()]*\))*)\)", re.IGNORECASE)
_KEY = re.compile(r"^[a-z][a-z0-9_]{0,40}$")
MAX_VALUE = 300


@dataclass(frozen=True)
class Detail:
    """One detail a template asks for: its key, how to ask for it, and whether the letter needs it."""

    key: str
    label: str
    optional: bool

    def to_json(self) -> JSONObject:
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


# Tags every note may carry: they say what kind of note it is ("memory"), never which detail it
# fills, so the in-memory letter's `memory` (a memory of the one who died) is not any memory note.
_KIND_TAGS = {"memory", "joke", "fact", "preference", "note"}


def from_notes(
    declared: Iterable[Detail], notes: Iterable[Note], names: Iterable[str] = (), pronouns: str | None = None
) -> dict[str, str]:
    """Details found in notes: a note tagged ``gift``, or one written ``gift: the blue scarf``.

    A note is written about the person ("degree: his nursing degree"); the letter speaks to them,
    so it is said to them ("your nursing degree"), or, when it cannot be, left for the writer to give.
    """
    found: dict[str, str] = {}
    notes = list(notes)
    for detail in declared:
        spoken = detail.key.replace("_", " ")
        for note in notes:
            text = " ".join(note.text.split())
            value = ""
            if note.tag.lower() in (detail.key, spoken) and note.tag.lower() not in _KIND_TAGS:
                value = text
            else:
                head, sep, rest = text.partition(":")
                if sep and head.strip().lower() in (detail.key, spoken) and rest.strip():
                    value = rest
            if value:
                said = to_them(clean(value), names, pronouns)
                if said:
                    found[detail.key] = said
                break
    return found


def to_them(value: str, names: Iterable[str], pronouns: str | None) -> str | None:
    """A detail noted about the person, said to them: "his nursing degree" -> "your nursing degree",
    "Mei's recital" -> "your recital"; None when it speaks of them as "he", "she" or "they"."""
    from beautifulletters.drafting.helpers import pronoun_forms

    forms = pronoun_forms(pronouns) if pronouns else None
    words = re.findall(r"[\w'’]+", value.lower())
    if forms and forms["subject"].lower() in words and forms["subject"].lower() != "it":
        return None  # "when she graduated": a clause about them, which a detail cannot turn round
    said = value
    for name in sorted({n for n in names if n and n.strip()}, key=len, reverse=True):
        said = re.sub(rf"(?<![\w'’]){re.escape(name)}['’]s\b", "your", said)
        said = re.sub(rf"(?<![\w'’]){re.escape(name)}(?![\w'’])", "you", said)
    if forms:
        possessive, owned = forms["possessive"].lower(), forms["possessive_pronoun"].lower()
        said = re.sub(rf"\b{re.escape(possessive)}\b(?=\s+\w)", "your", said, flags=re.IGNORECASE)
        said = re.sub(rf"\b{re.escape(owned)}\b", "yours", said, flags=re.IGNORECASE)
        if forms["object"].lower() in re.findall(r"[\w'’]+", said.lower()):
            return None
    return said


def resolve(
    declared: list[Detail],
    given: Mapping[str, str] | None,
    notes: Iterable[Note],
    names: Iterable[str] = (),
    pronouns: str | None = None,
) -> dict[str, str]:
    """Every declared detail with its value ('' when unknown): the writer's first, then the notes'
    (said to the person the letter is for: `names` they go by and their `pronouns`)."""
    values = {d.key: "" for d in declared}
    values.update({k: v for k, v in from_notes(declared, notes, names, pronouns).items() if v})
    for key, value in (given or {}).items():
        if clean(value):
            values[key] = clean(value)
    if values.get("wrong"):
        values["wrong"] = as_gerund(values["wrong"])
    return values


_GERUNDS = {
    "forgot": "forgetting", "lost": "losing", "said": "saying", "broke": "breaking", "left": "leaving",
    "took": "taking", "made": "making", "told": "telling", "ran": "running", "was": "being", "were": "being",
    "did": "doing", "got": "getting", "went": "going", "ate": "eating", "wrote": "writing", "spoke": "speaking",
    "hit": "hitting", "hurt": "hurting", "let": "letting", "threw": "throwing", "stole": "stealing",
    "drove": "driving", "sold": "selling", "gave": "giving", "kept": "keeping", "shut": "shutting",
    "lied": "lying", "put": "putting", "sent": "sending", "missed": "missing", "read": "reading",
}  # fmt: skip


def as_gerund(value: str) -> str:
    """What an apology is for, as it follows "I am sorry for": "forgot your birthday" -> "forgetting
    your birthday", "shouted at you" -> "shouting at you"; a noun ("my temper") stays as it is."""
    first, _sep, rest = value.partition(" ")
    lower = first.lower()
    if lower in _GERUNDS:
        said = _GERUNDS[lower]
    elif len(lower) > 4 and lower.endswith("ied"):
        said = lower[:-3] + "ying"  # "cried" -> "crying"
    elif len(lower) > 4 and lower.endswith("eed"):
        said = lower[:-1] + "ing"  # "agreed" -> "agreeing"
    elif len(lower) > 4 and lower.endswith("ed") and lower not in {"bed", "shed", "red", "need", "seed", "speed"}:
        said = lower[:-2] + "ing"  # "shouted" -> "shouting", "ignored" -> "ignoring", "stopped" -> "stopping"
    else:
        return value
    return f"{said} {rest}".strip()


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
