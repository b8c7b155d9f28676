"""Who a card is, among the people already in the archive: names that agree and keys that identify.

A shared family email or landline is common; it is not identity. A card is the same person
as someone in the archive only when their names agree (see `names_agree`) and at least one
strong key agrees: an email, a mobile phone, or a card this program imported before (its
vCard UID, or the very same card). Anything weaker (the same name alone, a shared email
under another name, a shared landline) makes the card a new person, reported as a possible
duplicate for someone to review.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TypedDict

from beautifulletters.transfer.contact import Contact, phone_key

# A phone number this short ("112", an extension) says nothing about who someone is.
MIN_PHONE_DIGITS = 6

_TITLES = {
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "rev", "fr", "herr", "frau",
    "mme", "mlle", "m", "sr", "sra", "srta", "don", "dona",
}  # fmt: skip
_SUFFIXES = {"jr": "jr", "junior": "jr", "sr": "sr", "senior": "sr", "ii": "ii", "iii": "iii", "iv": "iv"}
_SEPARATORS = re.compile(r"[\s\-‐‑–—_/]+")
_DROPPED = re.compile(r"[.'’`\"()]")


@dataclass(frozen=True)
class NameForm:
    """A name made comparable: words without accents, case or punctuation, and its suffix (Jr., III)."""

    words: tuple[str, ...]
    suffix: str = ""

    @property
    def key(self) -> tuple[str, str, str]:
        """First word, last word and suffix: where to look for names that may agree."""
        return (self.words[0], self.words[-1], self.suffix) if self.words else ("", "", self.suffix)


def _plain(text: str) -> str:
    if text.isascii():
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@functools.lru_cache(maxsize=65536)  # an import asks about the same names again and again
def name_form(name: str | None) -> NameForm | None:
    """ "Smith, John Q." and "john q smith" give the same form; None for an empty name.

    A title in front (Dr., Mrs.) is left out; a suffix (Jr., Sr., III) is kept apart, because
    a father and a son of the same name differ only there.
    """
    text = _plain(name or "").strip()
    if not text:
        return None
    suffix = ""
    parts = [part.strip() for part in text.split(",")]
    # "Smith, John" is "John Smith"; "John Smith, Jr." is a suffix, not a given name.
    tail = [part for part in parts[1:] if part]
    suffixes = [part for part in tail if _DROPPED.sub("", part) in _SUFFIXES]
    others = [part for part in tail if part not in suffixes]
    if suffixes:
        suffix = _SUFFIXES[_DROPPED.sub("", suffixes[0])]
    ordered = " ".join([*others, parts[0]]) if len(others) == 1 else " ".join([parts[0], *others])
    words = [w for w in (_DROPPED.sub("", word) for word in _SEPARATORS.split(ordered)) if w]
    while len(words) > 1 and words[0] in _TITLES:
        words.pop(0)
    while len(words) > 1 and words[-1] in _SUFFIXES:
        suffix = suffix or _SUFFIXES[words.pop()]
    if not words:
        return None
    return NameForm(tuple(words), suffix)


def _middles_agree(first: tuple[str, ...], second: tuple[str, ...]) -> bool:
    """Middle names agree when one side has none, or each pair is equal or an initial of the other."""
    if not first or not second:
        return True
    if len(first) != len(second):
        return False
    return all(
        a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))
        for a, b in zip(first, second, strict=True)
    )


def forms_agree(first: NameForm, second: NameForm) -> bool:
    if first.suffix != second.suffix:
        return False
    if first.words == second.words:
        return True
    if len(first.words) < 2 or len(second.words) < 2:
        return False
    if first.words[0] != second.words[0] or first.words[-1] != second.words[-1]:
        return False
    return _middles_agree(first.words[1:-1], second.words[1:-1])


def names_agree(first: Iterable[str | None], second: Iterable[str | None]) -> bool:
    """Whether any name of one side agrees with any name of the other (see `name_form`)."""
    forms = [form for form in map(name_form, second) if form is not None]
    return any(forms_agree(mine, theirs) for mine in map(name_form, first) if mine is not None for theirs in forms)


def email_key(email: str) -> str:
    return email.strip().casefold()


def usable_phone(phone: str) -> str | None:
    key = phone_key(phone)
    return key if len(key.lstrip("+")) >= MIN_PHONE_DIGITS else None


def card_names(contact: Contact) -> list[str]:
    return [name for name in (contact.display_name, contact.full_name) if name]


@dataclass
class Candidate:
    """Someone in the archive (or added earlier in this import) who shares something with a card."""

    person_id: int
    name: str
    names_agree: bool = False
    strong: list[str] = field(default_factory=list)  # why they are the same: "same email a@b"
    weak: list[str] = field(default_factory=list)  # what they share without proving it

    def possible_duplicate(self) -> PossibleDuplicate:
        shared = ", ".join([*self.strong, *self.weak])
        if self.names_agree:
            shared = f"same name and {shared}" if shared else "same name"
        return PossibleDuplicate(person_id=self.person_id, name=self.name, why=shared)


class PossibleDuplicate(TypedDict):
    """A person a card may duplicate: who, and what they share (an import's report lists these)."""

    person_id: int
    name: str
    why: str


@dataclass
class Match:
    """The person a card merges into (if any), and the others it may duplicate."""

    person_id: int | None = None
    why: str = ""
    possible_duplicates: list[PossibleDuplicate] = field(default_factory=list)


class PeopleIndex:
    """Everyone's names and keys, in memory for one import; people added by the import join it."""

    def __init__(self) -> None:
        self.by_email: dict[str, set[int]] = {}
        self.by_phone: dict[str, set[int]] = {}
        self.by_name: dict[tuple[str, str, str], set[int]] = {}
        self.by_uid: dict[str, set[int]] = {}
        self.by_fingerprint: dict[str, set[int]] = {}
        self.names: dict[int, list[str]] = {}
        self.shown: dict[int, str] = {}
        self.first_by_name: dict[str, int] = {}  # plain name -> person, for RELATED names

    def add_person(
        self, person_id: int, names: Iterable[str | None], emails: Iterable[str], phones: Iterable[str]
    ) -> None:
        for email in emails:
            self.by_email.setdefault(email_key(email), set()).add(person_id)
        for phone in phones:
            if (key := usable_phone(phone)) is not None:
                self.by_phone.setdefault(key, set()).add(person_id)
        self.add_names(person_id, names)

    def add_names(self, person_id: int, names: Iterable[str | None]) -> None:
        known = self.names.setdefault(person_id, [])
        for name in names:
            if not name or name in known:
                continue
            known.append(name)
            self.shown.setdefault(person_id, name)
            self.first_by_name.setdefault(" ".join(name.casefold().split()), person_id)
            if (form := name_form(name)) is not None:
                self.by_name.setdefault(form.key, set()).add(person_id)

    def add_card(self, person_id: int, card_key: str, fingerprint: str, names: Iterable[str]) -> None:
        """A card this program imported into this person: its UID and its content identify it again."""
        if card_key.startswith("uid:"):
            self.by_uid.setdefault(card_key, set()).add(person_id)
        self.by_fingerprint.setdefault(fingerprint, set()).add(person_id)
        self.add_names(person_id, names)

    def match(self, contact: Contact, card_key: str, fingerprint: str) -> Match:
        candidates: dict[int, Candidate] = {}

        def note(ids: Iterable[int], strong: str | None = None, weak: str | None = None) -> None:
            for person_id in ids:
                candidate = candidates.setdefault(person_id, Candidate(person_id, self.shown.get(person_id, "")))
                if strong and strong not in candidate.strong:
                    candidate.strong.append(strong)
                if weak and weak not in candidate.weak:
                    candidate.weak.append(weak)

        if card_key.startswith("uid:"):
            note(self.by_uid.get(card_key, ()), strong="the same card (vCard UID) imported before")
        note(self.by_fingerprint.get(fingerprint, ()), strong="the same card imported before")
        for email in contact.emails:
            note(self.by_email.get(email_key(email), ()), strong=f"same email {email}")
        mobiles = {key for phone in contact.mobiles if (key := usable_phone(phone))}
        for phone in contact.phones:
            if (key := usable_phone(phone)) is None:
                continue
            ids = self.by_phone.get(key, ())
            if key in mobiles:
                note(ids, strong=f"same mobile {phone}")
            else:
                note(ids, weak=f"same phone {phone}")
        names = card_names(contact)
        for form in filter(None, map(name_form, names)):
            note(self.by_name.get(form.key, ()))
        for candidate in candidates.values():
            candidate.names_agree = names_agree(names, self.names.get(candidate.person_id, []))
        same = [c for c in candidates.values() if c.names_agree and c.strong]
        if same:
            # A card imported before wins over a shared email; then the oldest person.
            best = min(same, key=lambda c: (not c.strong[0].startswith("the same card"), c.person_id))
            return Match(best.person_id, best.strong[0])
        doubtful = [c for c in candidates.values() if c.names_agree or c.strong or c.weak]
        doubtful.sort(key=lambda c: (not c.names_agree, c.person_id))
        return Match(possible_duplicates=[c.possible_duplicate() for c in doubtful[:3]])
