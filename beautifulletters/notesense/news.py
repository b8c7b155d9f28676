"""Hard news about someone close to the reader, typed as people type it: "mum's chemo starts monday",
"her dad's dementia getting worse", "his sister's operation next week", "mum in hospital again".

Said from the reader's side as a sentence ("your mum's chemo starts on Monday", "your dad's dementia
is getting worse", "your sister's operation is next week"), and told in the past once its day has
gone ("your mum's chemo started on Monday"), never as a broken "since your mum's chemo starts".
"""

from __future__ import annotations

import re

from beautifulletters.notesense import words as W
from beautifulletters.notesense.bare import BARE_KIN, HARD_EVENTS, MORE_KIN

# Verbs news is told with that the reader's lists do not all know, with their past.
NEWS_VERBS = {
    "starts": "started",
    "start": "started",
    "begins": "began",
    "begin": "began",
    "ends": "ended",
    "finishes": "finished",
    "restarts": "restarted",
    "continues": "continued",
    "returns": "returned",
    "comes": "came",
    "come": "came",
    "goes": "went",
    "go": "went",
    "gets": "got",
    "get": "got",
    "has": "had",
    "have": "had",
    "is": "was",
    "are": "were",
    "needs": "needed",
    "need": "needed",
    "moves": "moved",
    "move": "moved",
}
# "getting worse", "going downhill", "struggling": a state in progress, said with "is" before it.
PARTICIPLES = frozenset(
    "getting going coming struggling fighting recovering deteriorating declining worsening failing improving "
    "waiting starting having doing fading slipping".split()
)
_KIN = BARE_KIN | MORE_KIN | frozenset("parents grandparents kids children boys girls twins".split())
# Hard news of the reader's own, named first ("chemo starts monday" on their page: "your chemo");
# any other ("funeral on friday") is "the funeral".
_THEIRS = frozenset(
    "chemo chemotherapy radiotherapy radiation biopsy scan op operation surgery hysterectomy bypass treatment "
    "transplant mastectomy amputation diagnosis divorce separation redundancy".split()
)
_PLACES = frozenset("hospital hospice rehab care intensive a&e icu".split())


def _kin(word: str) -> str | None:
    """ "mum" or "mum's": the kin word a note names, without its "'s"."""
    lower = re.sub(r"['’]s$|s['’]$", "", word.lower())
    return lower if lower in _KIN else None


def said(
    tokens: list[str], index: list[int], start: int, shared_kin: frozenset[str], ahead: bool, time: str
) -> list[str] | None:
    """The note as a sentence ("your mum's chemo starts T"), or None when it is no such news.

    It opens with kin, owned or not ("mum's", "her dad's", "his sister"); a verb follows the thing it
    names, or a state in progress ("getting worse"), or, with no verb, a time still ahead ("next week")
    or a place of care ("in hospital") after the kin themself."""
    if start != 0 or not index:
        return None
    words = [tokens[i] for i in index]
    lowers = [w.lower() for w in words]
    owned = lowers[0] in {"her", "his", "their", "your"}
    at = 1 if owned else 0
    event = not owned and lowers[0] in HARD_EVENTS
    if at >= len(words) or not (_kin(words[at]) or event):
        return None
    head = at + 1
    while head < len(words) and not _stops(words[head], time) and head - at <= 3:
        head += 1
    if head >= len(words):
        return None
    nxt = lowers[head]
    last = lowers[head - 1]
    if nxt in NEWS_VERBS or W.is_verb(words[head], words[head - 1]):
        insert = None  # "mum's chemo starts", "dad's cancer is back"
    elif event and not (nxt in NEWS_VERBS or nxt in PARTICIPLES or (words[head] == time and ahead)):
        return None  # "funeral in may": a thing, said as before ("the funeral in May")
    elif nxt in PARTICIPLES:
        insert = "are" if last.endswith("s") and not last.endswith(("'s", "’s", "ss")) else "is"
    elif words[head] == time and ahead and head > at + 1:
        insert = "is"  # "his sister's operation next week": a day still to come
    elif (
        nxt in {"in", "at", "into"}
        and head == at + 1
        and lowers[head + 1 : head + 3]
        and (set(lowers[head + 1 : head + 3]) & _PLACES)
    ):
        insert = "are" if last.endswith("s") and not last.endswith(("'s", "’s")) else "is"  # "mum in hospital"
    else:
        return None
    out = list(tokens)
    if insert:
        out[index[head] : index[head]] = [insert, " "]
    if event:
        out[index[0] : index[0]] = ["your" if lowers[0] in _THEIRS else "the", " "]
    elif not owned:
        owner = "our" if _kin(words[0]) in shared_kin else "your"
        out[index[0] : index[0]] = [owner, " "]
    return out


def _stops(word: str, time: str) -> bool:
    lower = word.lower()
    return word == time or lower in NEWS_VERBS or lower in PARTICIPLES or lower in W.PREPOSITIONS or W.is_verb(word)


def in_the_past(clause: str) -> str:
    """ "your mum's chemo starts on Monday" once Monday has gone: "your mum's chemo started on Monday"."""

    def past(match: re.Match[str]) -> str:
        word = match.group(0)
        lower = word.lower()
        if lower in NEWS_VERBS:
            return NEWS_VERBS[lower]
        if W.is_verb(word) and lower not in W.IRREGULAR_PAST and not lower.endswith("ed") and lower not in W.MODALS:
            base = W.third_person_to_base(word)
            return base + "d" if base.endswith("e") else base + "ed"
        return word

    # The first verb after the subject: "your mum's chemo starts", "you start chemo".
    words = list(re.finditer(r"[\w'’]+", clause))
    for match in words[1:]:
        lower = match.group(0).lower()
        if lower in NEWS_VERBS or W.is_verb(match.group(0)):
            return clause[: match.start()] + past(match) + clause[match.end() :]
    return clause
