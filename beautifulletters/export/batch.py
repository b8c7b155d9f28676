"""Planning a batch (mail merge) and an anthology: who is in it, file names, warnings, order."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from beautifulletters.errors import ValidationError
from beautifulletters.export.content import letter_date
from beautifulletters.export.envelopes import postal_address
from beautifulletters.i18n import _
from beautifulletters.records import LetterSummary, Person

if TYPE_CHECKING:
    from beautifulletters.archive import Archive

NO_POSTAL_ADDRESS = "no postal address"
# Windows refuses these as file names whatever the extension; a batch should open anywhere.
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}
MAX_NAME_LENGTH = 80


def select_people(
    archive: Archive, *, tag: str | None = None, search: str | None = None, ids: Sequence[int] | None = None
) -> list[int]:
    """Recipients of a batch: exactly one of a tag, a search or a list of ids, in name order."""
    given = [choice for choice in (tag, search, ids) if choice]
    if len(given) != 1:
        raise ValidationError("recipients", _("choose the people by one of --tag, --search or --ids."))
    if ids:
        people = []
        for person_id in dict.fromkeys(ids):
            archive.people.get(person_id)  # NotFoundError names the missing id
            people.append(person_id)
        return people
    people = archive.search.people_ids(tag=tag, search=search)
    if not people:
        if tag:
            raise ValidationError("recipients", _("nobody is tagged {tag}.").format(tag=repr(tag)))
        raise ValidationError("recipients", _("nobody is matching {search}.").format(search=repr(search)))
    return people


def safe_file_name(name: str, used: set[str] | None = None, *, suffix: str = "") -> str:
    """A file name made from a person's name that is safe on every system and unique in `used`.

    Letters, digits, spaces, dots and dashes are kept (in any script); path separators,
    control and reserved characters become "_"; names that are empty or reserved get a prefix.
    """
    text = unicodedata.normalize("NFC", name)
    text = "".join("_" if unicodedata.category(ch).startswith("C") else ch for ch in text)
    text = re.sub(r'[\\/:*?"<>|\x00]', "_", text)
    text = re.sub(r"\s+", " ", text).strip(" .")
    text = re.sub(r"_+", "_", text)
    if len(text) > MAX_NAME_LENGTH:
        text = text[:MAX_NAME_LENGTH].rstrip(" ._")
    if not text.strip("_ ."):
        text = "letter"
    elif text.split(".")[0].lower() in _RESERVED:
        text = f"letter {text}"
    candidate = text + suffix
    if used is not None:
        number = 2
        while candidate.casefold() in used:
            candidate = f"{text} ({number}){suffix}"
            number += 1
        used.add(candidate.casefold())
    return candidate


TITLE_NAME_SEPARATOR = " – "  # between a letter's title and its recipient in a file name


def letter_file_name(title: str, recipient: str, *, suffix: str = "") -> str:
    """The name File ▸ Export… proposes for one letter: its title and its recipient
    ("Thinking of you – Sam Adeyemi.pdf"), so letters of one template do not all propose the same
    name. Safe on every system (see `safe_file_name`); a long title is shortened, never the name."""
    title = re.sub(r"\s+", " ", title).strip()
    recipient = re.sub(r"\s+", " ", recipient).strip()
    named = re.search(rf"(?<!\w){re.escape(recipient.casefold())}(?!\w)", title.casefold()) if recipient else None
    if not recipient or named:
        return safe_file_name(title or recipient, suffix=suffix)  # "Letter to Sam Adeyemi" says it already
    room = MAX_NAME_LENGTH - len(TITLE_NAME_SEPARATOR) - len(recipient)
    if title and len(title) > room:
        title = title[: max(room - 1, 0)].rstrip(" .,;–-") + "…" if room > 1 else ""
    return safe_file_name(TITLE_NAME_SEPARATOR.join(part for part in (title, recipient) if part), suffix=suffix)


@dataclass
class PlannedLetter:
    """One person in a batch with the draft made for them and what to check before sending."""

    person_id: int
    name: str
    letter_id: int | None = None
    warnings: list[str] = field(default_factory=list)
    include: bool = True
    file_name: str = ""

    @property
    def has_postal_address(self) -> bool:
        return NO_POSTAL_ADDRESS not in self.warnings


def _problem_key(warning: str, name: str) -> str:
    """'Loretta has no anniversary year' -> 'no anniversary year', so problems can be counted."""
    # "Loretta has no nickname; the letter calls them by their first name." -> "no nickname"
    text = warning.strip().split(";")[0].rstrip(".")
    for prefix in (f"{name} has ", f"{name.split()[0]} has " if name.split() else "\0"):
        if text.startswith(prefix):
            return text[len(prefix) :]
    there = re.match(r"^There (?:is|are) (no [\w ]+?) (?:for|from|between) ", text)
    if there:
        return there.group(1)
    match = re.match(r"^(?:.+? )?(?:has|have) (no .+)$", text)
    return match.group(1) if match else text


def lint_summary(plans: Iterable[PlannedLetter]) -> list[str]:
    """One sentence per kind of problem: '2 people have no postal address'."""
    counts: Counter[str] = Counter()
    order: list[str] = []
    for plan in plans:
        if not plan.include:
            continue
        for key in dict.fromkeys(_problem_key(w, plan.name) for w in plan.warnings):
            if key not in counts:
                order.append(key)
            counts[key] += 1
    sentences = []
    for key in order:
        count = counts[key]
        if key.startswith("no "):
            verb = "has" if count == 1 else "have"
            sentences.append(f"{count} {'person' if count == 1 else 'people'} {verb} {key}")
        else:
            sentences.append(f"{count} {'letter' if count == 1 else 'letters'}: {key}")
    return sentences


def address_warnings(person: Person) -> list[str]:
    return [] if postal_address(person) else [NO_POSTAL_ADDRESS]


def anthology_letter_ids(archive: Archive, signer_id: int, recipient_id: int) -> list[int]:
    """Every letter from signer to recipient, oldest first (by the date it was sent or written)."""
    letters = archive.letters.all(to=recipient_id, signer=signer_id)
    if not letters:
        signer = archive.people.get(signer_id).display_name
        recipient = archive.people.get(recipient_id).display_name
        raise ValidationError(
            "anthology", _("{signer} has written no letters to {recipient}.").format(signer=signer, recipient=recipient)
        )
    return [row.id for row in sorted(letters, key=anthology_sort_key)]


def anthology_sort_key(letter: LetterSummary) -> tuple[str, int]:
    return (letter_date(letter), letter.id)
