"""How close a relationship is, by its kind: what drafting reads from "wife", "ex-husband",
"neighbour's daughter" or "Freund" (the salutation's warmth, the kin a note may name bare)."""

from __future__ import annotations

import re

from beautifulletters.drafting import languages

_PARTNER = {
    "wife",
    "husband",
    "spouse",
    "partner",
    "girlfriend",
    "boyfriend",
    "fiancé",
    "fiancée",
    "fiance",
    "fiancee",
    "love",
    "sweetheart",
    "lover",
}
_FAMILY = {
    "mother",
    "father",
    "mom",
    "mum",
    "dad",
    "son",
    "daughter",
    "sister",
    "brother",
    "grandmother",
    "grandfather",
    "grandma",
    "grandpa",
    "granny",
    "grandson",
    "granddaughter",
    "grandchild",
    "aunt",
    "uncle",
    "cousin",
    "niece",
    "nephew",
    "child",
    "parent",
    "sibling",
    "stepmother",
    "stepfather",
    "godmother",
    "godfather",
    "goddaughter",
    "godson",
    "family",
    "in-law",
}
_WORK = {
    "colleague",
    "coworker",
    "co-worker",
    "boss",
    "client",
    "manager",
    "mentor",
    "teacher",
    "student",
    "neighbour",
    "neighbor",
    "acquaintance",
    "doctor",
    "nurse",
    "customer",
    "carer",
    "caregiver",
    "nanny",
    "childminder",
    "tutor",
    "coach",
    "therapist",
    "landlord",
    "landlady",
    "vet",
}


# A friend word made a partner's by the word beside it: "feste Freundin", "fester Freund", "petite amie",
# "petit ami", "petit copain", "petite copine" (a plain "Freundin" or "amie" is a friend).
ROMANCE = re.compile(r"(?i)\b(?:fest(?:e|er|en)? freund(?:in)?|petite? (?:amie?|copain|copine))\b")
_FORMER = re.compile(r"(?i)(?:^|[\s/(])(?:ex|former|divorced|estranged)(?:[\s-]|$)")


def former(kind: str | None) -> bool:
    """An "ex-husband", "former partner" or "estranged son": a relationship that has ended, by its kind alone."""
    return bool(_FORMER.search(kind or ""))


# An ending that only a couple has: "divorce", "separated", "break-up", "split up".
_COUPLE_ENDING = re.compile(r"(?i)\b(?:divorc|separat|break[\s-]?up|broke[\s-]up|split|annul)")


def former_partner(kind: str | None, end_kind: str | None) -> bool:
    """Of a relationship that has ended: whether it was a couple's. An "ex-husband", a bare "my ex"
    (not an "ex-colleague"), or any kind ("first love") whose ending was a divorce or a break-up."""
    bare_ex = re.search(r"(?i)(?<![\w-])ex(?![\w-])", kind or "")
    return closeness(kind) == "partner" or bool(bare_ex) or bool(_COUPLE_ENDING.search(end_kind or ""))


def closeness(kind: str | None) -> str:
    """'partner', 'family', 'friend', 'work' or 'unknown': how warm the salutation and closing may be.

    An "ex-wife" is still a partner here (an ended one: the relationship's `ended` says so)."""
    lowered = re.sub(r"(?i)\bex-(?=\w)", "", kind or "").lower()
    owned = re.search(r"([\w-]+)['’]s\s+([\w-]+)", lowered)
    if owned:
        # "neighbour's daughter" is as close as the neighbour, "mum's carer" as close as a carer:
        # the daughter or the mum is someone else's family, not the writer's.
        owner, person = owned.groups()
        family = _FAMILY | languages.FAMILY_WORDS
        return closeness(owner if person in family else person)
    words = set(re.findall(r"[\w-]+", lowered))
    if words & (_PARTNER | languages.PARTNER_WORDS) or ROMANCE.search(lowered):
        return "partner"
    if words & (_FAMILY | languages.FAMILY_WORDS) or any(w.endswith("-in-law") for w in words):
        return "family"
    # "Schulfreundin", "Brieffreund", "Jugendfreund": German makes a kind of friend in one word.
    if (
        {"friend", "friends", "best"} & words
        or words & languages.FRIEND_WORDS
        or any(w.endswith(("freund", "freundin")) for w in words)
    ):
        return "friend"
    if words & (_WORK | languages.WORK_WORDS):
        return "work"
    return "unknown"


_PARENTS = frozenset("mum mom dad mother father parents grandma grandpa granny nan grandmother grandfather".split())
_CHILDREN = frozenset("son daughter baby dog cat".split())


def shared_kin(kind: str | None) -> frozenset[str]:
    """The kin a note may name bare that belong to both of them: a brother's "dad" is the writer's
    too ("our dad passed in March"), and so is a wife's "son" or "dog"."""
    words = set(re.findall(r"[\w-]+", (kind or "").lower()))
    if words & {"brother", "sister", "sibling", "twin", "half-brother", "half-sister"}:
        return _PARENTS
    if closeness(kind) == "partner":
        return _CHILDREN
    return frozenset()
