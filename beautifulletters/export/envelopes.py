"""Envelope sizes and postal address layout by country, as plain data and pure functions.

Conventions followed (national postal operators' published guidance):
- US (USPS Pub. 28): name; street; "CITY ST ZIP" on one line; country line only from abroad.
- UK (Royal Mail): name; street; locality; POST TOWN in capitals; postcode on its own line.
- Germany (Deutsche Post): name; street and number; "PLZ Ort" (postcode before the town).
- France (La Poste, AFNOR NF Z10-011): name; street; "CODE POSTAL VILLE", the town in capitals.
International mail ends with the destination country in capitals on the last line (UPU);
it is left off when sender and recipient live in the same country.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from beautifulletters.errors import ValidationError


@dataclass(frozen=True)
class EnvelopeSize:
    code: str
    label: str
    width_mm: float
    height_mm: float


ENVELOPE_SIZES: dict[str, EnvelopeSize] = {
    "DL": EnvelopeSize("DL", "DL (110 × 220 mm)", 220.0, 110.0),
    "C5": EnvelopeSize("C5", "C5 (162 × 229 mm)", 229.0, 162.0),
    "C6": EnvelopeSize("C6", "C6 (114 × 162 mm)", 162.0, 114.0),
    "US10": EnvelopeSize("US10", "US #10 (4⅛ × 9½ in)", 241.3, 104.775),
}
_SIZE_ALIASES = {"#10": "US10", "US#10": "US10", "NO10": "US10", "COM10": "US10", "10": "US10"}

# Where the blocks go, as fractions of the envelope (recipient block's left edge and top).
# US: recipient a little right of and below the centre; Europe: the right lower half, which
# is also where window envelopes (DIN 680) and sorting machines look.
RECIPIENT_POSITION: dict[str, tuple[float, float]] = {
    "US": (0.42, 0.45),
    "GB": (0.45, 0.48),
    "DE": (0.50, 0.50),
    "FR": (0.50, 0.50),
    "": (0.45, 0.48),
}

COUNTRY_NAMES: dict[str, str] = {
    "US": "USA",
    "GB": "UNITED KINGDOM",
    "DE": "GERMANY",
    "FR": "FRANCE",
}
# How people write the country on the last line of an address.
_COUNTRY_ALIASES: dict[str, str] = {
    "usa": "US",
    "us": "US",
    "u.s.a.": "US",
    "u.s.": "US",
    "united states": "US",
    "united states of america": "US",
    "america": "US",
    "uk": "GB",
    "u.k.": "GB",
    "gb": "GB",
    "great britain": "GB",
    "united kingdom": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "northern ireland": "GB",
    "royaume-uni": "GB",
    "grossbritannien": "GB",
    "germany": "DE",
    "deutschland": "DE",
    "de": "DE",
    "allemagne": "DE",
    "brd": "DE",
    "france": "FR",
    "fr": "FR",
    "frankreich": "FR",
    "république française": "FR",
}
_US_CITY_LINE = re.compile(r"^(?P<city>.+?),?\s+(?P<state>[A-Za-z]{2})\.?\s+(?P<zip>\d{5}(?:-\d{4})?)$")
_UK_POSTCODE = re.compile(r"\b(?P<pc>[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2})\b", re.IGNORECASE)
_FIVE_DIGIT_TOWN = re.compile(r"^(?:(?:D|F)-)?(?P<pc>\d{5})\s+(?P<town>.+)$")
_TOWN_FIVE_DIGIT = re.compile(r"^(?P<town>[^\d,]+?),?\s+(?P<pc>\d{5})$")


@dataclass(frozen=True)
class EnvelopeAddress:
    """The lines to print, in order, and what was noticed while laying them out."""

    lines: tuple[str, ...]
    country: str  # ISO code, "" when unknown
    warnings: tuple[str, ...] = field(default_factory=tuple)


def envelope_size(code: str) -> EnvelopeSize:
    key = code.strip().upper().replace(" ", "")
    key = _SIZE_ALIASES.get(key, key)
    if key not in ENVELOPE_SIZES:
        raise ValidationError("envelope", f"{code!r} is not an envelope size; use DL, C5, C6 or US10.")
    return ENVELOPE_SIZES[key]


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().strip(".").casefold()


def country_of_line(line: str) -> str | None:
    """ISO code when the line names a country we know ("USA", "Deutschland"), else None."""
    return _COUNTRY_ALIASES.get(_fold(line)) or _COUNTRY_ALIASES.get(_fold(line).rstrip("."))


def split_address(address: str) -> tuple[list[str], str]:
    """Address lines without an explicit country line, and the country (guessed from the lines)."""
    lines = [" ".join(line.split()) for line in address.replace("\r", "\n").split("\n")]
    lines = [line for line in lines if line]
    if len(lines) == 1 and "," in lines[0]:
        lines = [part.strip() for part in lines[0].split(",") if part.strip()]
    if lines and (code := country_of_line(lines[-1])):
        return lines[:-1], code
    for line in reversed(lines):
        if _US_CITY_LINE.match(line):
            return lines, "US"
        if _UK_POSTCODE.search(line) and not re.search(r"\d{5}", line):
            return lines, "GB"
    return lines, ""


def _layout_us(lines: list[str]) -> list[str]:
    out = []
    for line in lines:
        match = _US_CITY_LINE.match(line)
        if match:
            line = f"{match['city'].strip().rstrip(',')}, {match['state'].upper()} {match['zip']}"
        out.append(line)
    return out


def _layout_gb(lines: list[str]) -> list[str]:
    out: list[str] = []
    postcode = None
    for line in lines:
        match = _UK_POSTCODE.search(line)
        if match and postcode is None:
            raw = match["pc"].upper().replace(" ", "")
            postcode = f"{raw[:-3]} {raw[-3:]}"
            rest = (line[: match.start()] + line[match.end() :]).strip(" ,")
            if rest:
                out.append(rest)
            continue
        out.append(line)
    if postcode:
        # The post town is the line just above the postcode, written in capitals.
        if len(out) >= 2:
            out[-1] = out[-1].upper()
        out.append(postcode)
    return out


def _layout_postcode_first(lines: list[str], *, upper_town: bool) -> list[str]:
    out = []
    for line in lines:
        match = _FIVE_DIGIT_TOWN.match(line) or _TOWN_FIVE_DIGIT.match(line)
        if match:
            town = match["town"].strip(" ,")
            line = f"{match['pc']} {town.upper() if upper_town else town}"
        out.append(line)
    return out


def layout_address(name: str, address: str, *, sender_country: str | None = None) -> EnvelopeAddress:
    """The recipient block for an envelope: name first, then the address by its country's rules."""
    if not address or not address.strip():
        raise ValidationError("address", f"{name} has no postal address; add one before printing an envelope.")
    lines, country = split_address(address)
    warnings: list[str] = []
    if country == "US":
        lines = _layout_us(lines)
    elif country == "GB":
        lines = _layout_gb(lines)
    elif country == "DE":
        lines = _layout_postcode_first(lines, upper_town=False)
    elif country == "FR":
        lines = _layout_postcode_first(lines, upper_town=True)
    else:
        warnings.append(f"The country of {name}'s address is not known; it is printed as written.")
    if name and (not lines or _fold(lines[0]) != _fold(name)):
        lines = [name, *lines]
    if country and sender_country != country:
        lines.append(COUNTRY_NAMES[country])
    return EnvelopeAddress(tuple(lines), country, tuple(warnings))


def return_address(name: str, address: str | None) -> EnvelopeAddress | None:
    """The sender's block (top left), or None when the signer has no postal address."""
    if not address or not address.strip():
        return None
    lines, country = split_address(address)
    laid = layout_address(name, address, sender_country=country)
    return EnvelopeAddress(laid.lines, country, ())


def postal_address(person: dict) -> str | None:  # type: ignore[type-arg]
    """A person's first postal address, or None."""
    for address in person.get("addresses") or []:
        if address and address.strip():
            return str(address)
    return None


def country_of_address(address: str | None) -> str:
    return split_address(address)[1] if address else ""
