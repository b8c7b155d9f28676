"""Notes said without a verb of their own: kin who act ("dad passed in march", "husband Frank
died") and hard news named as a thing ("miscarriage last spring", "dad's stroke in May")."""

from __future__ import annotations

import re

from beautifulletters.notesense import words as W

BARE_KIN = frozenset(
    "wife husband partner dad mum mom mother father son daughter brother sister grandma grandpa granny nan "
    "grandmother grandfather aunt uncle baby dog cat".split()
)


# Things that happen to a person and are hard news, as a note names them without a verb: "miscarriage
# last spring", "redundancy at the plant", "cancer diagnosis in january". A condition alone ("cancer",
# "depression") is not among them: "since the depression" is no sentence a friend writes.
HARD_EVENTS = frozenset(
    "miscarriage miscarriages stillbirth stroke redundancy redundancies funeral death passing diagnosis divorce "
    "separation breakup break-up accident operation surgery injury attack layoff lay-off bereavement mastectomy "
    "amputation transplant relapse seizure fall crash fire flood burglary break-in repossession eviction "
    "bankruptcy split chemo chemotherapy radiotherapy radiation biopsy scan op hysterectomy bypass treatment".split()
)


# Words a name follows as who they are ("her dog Max died", "his friend Ana moved"), not a relative clause.
NAMED_BY = frozenset(
    "wife husband partner dad mum mom mother father son daughter brother sister grandma grandpa granny nan "
    "grandmother grandfather grandad aunt uncle cousin niece nephew baby dog cat horse puppy kitten pony pet "
    "friend neighbour neighbor boss colleague teacher doctor vet boyfriend girlfriend fiance fiancé fiancée "
    "stepdad stepmum stepson stepdaughter godson goddaughter godmother godfather twin".split()
)
MORE_KIN = frozenset("grandad granddad gran nana nanna mam mommy mummy daddy papa stepdad stepmum".split())


def hard_event(tokens: list[str], index: list[int], shared_kin: frozenset[str], marks: tuple[str, ...]) -> str | None:
    """The word a bare sorrowful event is said after ("the", or "your"/"our" before "dad's"), or None
    when the note is not one: its head, before any preposition or time, is an event of HARD_EVENTS,
    led by at most two words that are no verbs ("cancer diagnosis", "dad's stroke")."""
    head: list[str] = []
    for i in index:
        word = tokens[i]
        if word == marks[-1] or word.lower() in W.PREPOSITIONS:
            break
        head.append(word)
    if not 1 <= len(head) <= 3 or head[-1].lower() not in HARD_EVENTS:
        return None
    first = head[0].lower()
    possessive = re.fullmatch(r"([a-z]+)['’]s", first)
    if possessive:
        if possessive.group(1) not in BARE_KIN | MORE_KIN:
            return None  # "frank's funeral" is someone's the reader cannot place
        lead = "our" if possessive.group(1) in shared_kin else "your"
    else:
        lead = "the"
    if any(W.is_verb(w) or w.lower() in W.DETERMINERS or w in marks[:-1] for w in head[1 if possessive else 0 : -1]):
        return None
    if not possessive and (W.is_verb(head[0]) or first in W.DETERMINERS):
        return None
    return lead


def kin_acts(tokens: list[str], index: list[int]) -> bool:
    """ "dad passed in march", "husband Frank died": a kin word opening a note whose verb follows it."""
    following = [tokens[i] for i in index[1:3]]
    if following and following[0][:1].isupper() and len(following) > 1:
        following = following[1:]  # "husband Frank died"
    return bool(following) and (W.is_verb(following[0]) or following[0].lower() in {"passed", "died"})
