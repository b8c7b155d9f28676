"""Whether the two live apart, as the archive says it: addresses in different towns, or a relationship
kind or a note that says so ("pen pal", "moved abroad"). Only then does a letter speak of distance."""

from __future__ import annotations

import re

from beautifulletters.records import Person

_FAR = re.compile(
    r"(?i)\b(?:emigrated|moved (?:abroad|overseas|away)|lives? (?:abroad|overseas|far away)|long[- ]distance"
    r"|miles away|other side of the (?:world|country)|far from (?:me|us|home)|pen ?pal|pen[- ]?friend)\b"
)

# The same in French, Spanish and German notes ("elle est partie vivre au Canada", "se mudó a México",
# "ist nach Australien gezogen"). A move to a named place needs its capital, so a move across town
# ("se mudó a un piso más grande", "ist umgezogen") or going home ("nach Hause") is no distance.
_CAPITAL = r"[A-ZÀ-ÖØ-Þ]"
_FAR_ABROAD = re.compile(
    # French
    r"(?i:\b(?:est|sont) parti(?:e|s|es)? (?:vivre|habiter|s'installer|s’installer)\b)"
    r"|(?i:\b(?:vit|vivent|habite|habitent|installée?s?) (?:à l'étranger|à l’étranger|loin|à l'autre bout du monde))"
    r"|(?i:\b(?:a|ont|avons) (?:déménagé|émigré)) (?:(?i:à|au|aux|en) "
    + _CAPITAL
    + r"|(?i:à l'étranger|à l’étranger|loin))"
    r"|(?i:\bs['’](?:est|sont) (?:installée?s?|expatriée?s?)) (?:(?i:à|au|aux|en) " + _CAPITAL + r"|(?i:à l'étranger))"
    r"|(?i:\b(?:émigré|expatrié)e?s?\b|\bcorrespondante?\b)"
    # Spanish
    r"|(?i:\bse (?:mudó|mudaron|ha mudado|han mudado|fue a vivir|fueron a vivir|trasladó|marchó|ha ido a vivir)) "
    r"(?i:a|al) " + _CAPITAL + r""
    r"|(?i:\b(?:vive|viven|vivo) (?:en el extranjero|fuera del país|lejos|al otro lado del (?:mundo|charco)))"
    r"|(?i:\bemigr(?:ó|aron|ado|ada)\b|\b(?:amig[oa]|amistad) por correspondencia\b)"
    # German
    r"|(?i:\bnach) (?!Hause\b)" + _CAPITAL + r"[\w-]+ (?i:(?:ge|um|weg)?gezogen|ausgewandert|gegangen)\b"
    r"|(?i:\bins Ausland (?:gezogen|gegangen)|\bausgewandert\b|\bweggezogen\b|\bBrieffreund(?:in)?\b)"
    r"|(?i:\b(?:lebt|wohnt|leben|wohnen)\b[\w ]{0,20}?\b(?:im Ausland|weit weg|am anderen Ende der Welt))"
)


def lives_apart(recipient: Person, signer: Person, texts: list[str]) -> bool:
    """Whether the archive says the two live in different places: both have addresses and none of one's
    towns (or, without a town, postcodes) is among the other's, or the relationship's kind or a note
    says so ("pen pal", "moved abroad", "long distance"). A shared address, or nothing known, is not
    distance."""
    if any(_FAR.search(text) or _FAR_ABROAD.search(text) for text in texts):
        return True
    theirs, mine = _places(recipient), _places(signer)
    return bool(theirs and mine and not theirs & mine)


# The last line of an address written as on the continent, its postcode before the town: "69004 Lyon",
# "28001 Madrid", "D-10115 Berlin", "1015 CJ Amsterdam". Read for its town when no country was known
# to read the address by.
_TOWN_AFTER_POSTCODE = re.compile(r"^(?:[A-Z]{1,3}-)?\d{4,5}(?: ?[A-Z]{2})?\s+([^\d,]{2,})$")


def _places(person: Person) -> set[str]:
    places = set()
    for address in person.postal_addresses or []:
        place = address.get("city") or address.get("postcode") or ""
        if not place:
            lines = [line.strip() for line in str(address.get("street") or "").splitlines() if line.strip()]
            town = _TOWN_AFTER_POSTCODE.match(lines[-1]) if lines else None
            place = town.group(1) if town else ""
        folded = " ".join(str(place).casefold().split())
        if folded:
            places.add(folded)
    return places
