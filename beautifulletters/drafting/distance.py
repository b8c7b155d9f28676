"""Whether the two live apart, as the archive says it: addresses in different towns, or a relationship
kind or a note that says so ("pen pal", "moved abroad"). Only then does a letter speak of distance."""

from __future__ import annotations

import re

from beautifulletters.records import Person

_FAR = re.compile(
    r"(?i)\b(?:emigrated|moved (?:abroad|overseas|away)|lives? (?:abroad|overseas|far away)|long[- ]distance"
    r"|miles away|other side of the (?:world|country)|far from (?:me|us|home)|pen ?pal|pen[- ]?friend)\b"
)


def lives_apart(recipient: Person, signer: Person, texts: list[str]) -> bool:
    """Whether the archive says the two live in different places: both have addresses and none of one's
    towns (or, without a town, postcodes) is among the other's, or the relationship's kind or a note
    says so ("pen pal", "moved abroad", "long distance"). A shared address, or nothing known, is not
    distance."""
    if any(_FAR.search(text) for text in texts):
        return True
    theirs, mine = _places(recipient), _places(signer)
    return bool(theirs and mine and not theirs & mine)


def _places(person: Person) -> set[str]:
    places = set()
    for address in person.postal_addresses or []:
        place = address.get("city") or address.get("postcode") or ""
        folded = " ".join(str(place).casefold().split())
        if folded:
            places.add(folded)
    return places
