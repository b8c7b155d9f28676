"""vCard 2.1, 3.0 and 4.0 reading, and 4.0 writing, by a careful line-based parser of our own.

Why not `vobject`: 0.9.9 rejects quoted-printable soft line breaks (Android and Outlook 2.1
exports), fails on a leading UTF-8 byte-order mark, and cuts single text values at the first
unescaped comma (``NOTE:a, b`` became ``a``). Here a value is split only where its property is
structured: N and ADR on unescaped ';', CATEGORIES on unescaped ','. Every other value is kept
whole.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from beautifulletters import images
from beautifulletters.addresses import clean_address, country_name
from beautifulletters.errors import RefusedValueError
from beautifulletters.limits import CONTACT_VALUE_CHARS
from beautifulletters.records import AddressParts, Person
from beautifulletters.transfer.contact import Contact, Related, parse_date
from beautifulletters.transfer.textio import clean_value
from beautifulletters.userfiles import FileRefused

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_ENCODING_WORDS = {"QUOTED-PRINTABLE", "BASE64", "B", "8BIT", "7BIT"}
_ANNIVERSARY_NAMES = {"ANNIVERSARY", "X-ANNIVERSARY", "X-MS-ANNIVERSARY", "X-EVOLUTION-ANNIVERSARY"}
_SPOUSE_NAMES = {"X-EVOLUTION-SPOUSE", "X-SPOUSE", "X-KADDRESSBOOK-X-SPOUSESNAME", "X-MS-SPOUSE"}
PRONUNCIATION_PROPERTY = "X-BEAUTIFULLETTERS-PRONUNCIATION"
# TEL types that make a number one person's own (a landline is often a whole family's).
_MOBILE_TYPES = {"cell", "mobile", "iphone"}


@dataclass
class Unreadable:
    """A card that could not be read at all; the rest of the file still is."""

    number: int
    line: int
    reason: str
    name: str | None = None


@dataclass
class _Property:
    group: str
    name: str
    params: dict[str, list[str]]
    value: str
    line: int


def looks_like_vcard(text: str) -> bool:
    return re.search(r"^\s*BEGIN\s*:\s*VCARD\s*$", text[:1_000_000], re.IGNORECASE | re.MULTILINE) is not None


# ----------------------------------------------------------------------------- reading
def _too_long(number: int, size: int) -> RefusedValueError:
    return RefusedValueError(
        "file",
        f"line {number} holds a value longer than {CONTACT_VALUE_CHARS:,} characters, "
        "the most one value in a contact file may hold.",
    )


def _logical_lines(text: str) -> Iterator[tuple[int, str]]:
    """Unfold: (line number, logical line). Quoted-printable soft breaks ('=' at the end) join first.

    The pieces of a logical line are collected and joined once, so unfolding is linear in the
    file's length (joining them one by one made a 12 MB note take minutes). A logical line
    longer than limits.CONTACT_VALUE_CHARS is refused.
    """
    pieces: list[str] = []
    size = 0
    pending_line = 0
    pending_is_qp = False
    # A byte-order mark that survived decoding must not hide the first BEGIN:VCARD.
    for number, physical in enumerate(_LINE_BREAK.split(text.lstrip("\ufeff")), start=1):
        if pieces and pending_is_qp and pieces[-1].endswith("="):
            # A soft line break: the next physical line continues the encoded value as it is.
            pieces[-1] = pieces[-1][:-1]  # one physical line: copying it keeps the whole linear
            pieces.append(physical)
        elif pieces and physical[:1] in (" ", "\t"):
            pieces.append(physical[1:])
        else:
            if pieces:
                yield pending_line, "".join(pieces)
            pieces, size = [], 0
            if not physical.strip():
                continue
            pieces, pending_line = [physical], number
            head = physical.split(":", 1)[0].upper()
            pending_is_qp = "QUOTED-PRINTABLE" in head
        size += len(physical)
        if size > CONTACT_VALUE_CHARS:
            raise _too_long(pending_line, size)
    if pieces:
        yield pending_line, "".join(pieces)


def _split_unquoted(text: str, separator: str) -> list[str]:
    if '"' not in text:
        return text.split(separator)
    parts: list[str] = []
    current: list[str] = []
    quoted = False
    for char in text:
        if char == '"':
            quoted = not quoted
        if char == separator and not quoted:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def _caret_decode(value: str) -> str:
    """RFC 6868 parameter escapes: ^n newline, ^' double quote, ^^ caret."""
    if "^" not in value:
        return value
    return re.sub(r"\^(.)", lambda m: {"n": "\n", "N": "\n", "'": '"', "^": "^"}.get(m.group(1), m.group(0)), value)


def _parse_line(line: str, number: int) -> _Property:
    head_end = -1
    if '"' in line.split(":", 1)[0]:
        quoted = False
        for index, char in enumerate(line):
            if char == '"':
                quoted = not quoted
            elif char == ":" and not quoted:
                head_end = index
                break
    else:
        head_end = line.find(":")
    if head_end <= 0:
        shown = line if len(line) <= 40 else line[:40] + "…"
        raise ValueError(f"line {number} ({shown!r}) is not a vCard property")
    head, value = line[:head_end], line[head_end + 1 :]
    pieces = _split_unquoted(head, ";")
    group, _, name = pieces[0].strip().rpartition(".")
    params: dict[str, list[str]] = {}
    for piece in pieces[1:]:
        key, equals, raw = piece.partition("=")
        key = key.strip().upper()
        if not equals:
            # vCard 2.1 bare parameters: ;HOME;QUOTED-PRINTABLE
            params.setdefault("ENCODING" if key in _ENCODING_WORDS else "TYPE", []).append(key)
            continue
        for item in _split_unquoted(raw, ","):
            params.setdefault(key, []).append(_caret_decode(item.strip().strip('"')))
    return _Property(group.upper(), name.upper(), params, value, number)


def _split_escaped(value: str, separator: str) -> list[str]:
    """Split on `separator` where it is not escaped by a backslash."""
    if "\\" not in value:
        return value.split(separator)
    parts, current, index = [], [], 0
    while index < len(value):
        char = value[index]
        if char == "\\" and index + 1 < len(value):
            current.append(value[index : index + 2])
            index += 2
            continue
        if char == separator:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
        index += 1
    parts.append("".join(current))
    return parts


def _unescape(value: str, version: str) -> str:
    if "\\" not in value:
        return value
    # vCard 2.1 has no \n escape; a backslash there is often a Windows path and is kept.
    table = {",": ",", ";": ";", "\\": "\\", ":": ":"}
    if version != "2.1":
        table.update({"n": "\n", "N": "\n"})
    return re.sub(r"\\(.)", lambda m: table.get(m.group(1), m.group(0)), value)


class _Card:
    """The properties of one card, with the decoding rules of its version."""

    def __init__(self, properties: list[_Property]) -> None:
        self.properties = properties
        self.version = next((p.value.strip() for p in properties if p.name == "VERSION"), "3.0")
        self.warnings: list[str] = []

    def _decode(self, prop: _Property, raw: str) -> str:
        encoding = [e.upper() for e in prop.params.get("ENCODING", [])]
        if "QUOTED-PRINTABLE" in encoding:
            charset = (prop.params.get("CHARSET") or ["utf-8"])[0]
            # binascii decodes =XX in C, in one pass; an '=' not followed by two hex digits is kept.
            data = binascii.a2b_qp(raw.encode("utf-8"))
            try:
                return data.decode(charset)
            except (LookupError, UnicodeDecodeError):
                return data.decode("cp1252", errors="ignore")
        return raw

    def text(self, prop: _Property) -> str | None:
        """A single text value, kept whole: commas and semicolons in it are part of it."""
        return clean_value(_unescape(self._decode(prop, prop.value), self.version))

    def components(self, prop: _Property, *, join_multiple: str | None = None) -> list[str]:
        """A structured value (N, ADR) split on unescaped ';', each part decoded and unescaped.

        With `join_multiple`, a part's own unescaped-comma list (N's several given names) is
        joined with it; otherwise commas stay exactly where they are.
        """
        result = []
        for part in _split_escaped(prop.value, ";"):
            decoded = self._decode(prop, part)
            if join_multiple is None:
                result.append(clean_value(_unescape(decoded, self.version)) or "")
            else:
                pieces = (clean_value(_unescape(p, self.version)) for p in _split_escaped(decoded, ","))
                result.append(join_multiple.join(p for p in pieces if p))
        return result

    def listed(self, prop: _Property) -> list[str]:
        """A comma-separated list value (CATEGORIES, NICKNAME parts)."""
        decoded = self._decode(prop, prop.value)
        return [v for v in (clean_value(_unescape(part, self.version)) for part in _split_escaped(decoded, ",")) if v]

    def binary(self, prop: _Property) -> bytes | None:
        value = prop.value.strip()
        encoding = [e.upper() for e in prop.params.get("ENCODING", [])]
        payload: str | None = None
        if value.lower().startswith("data:"):
            meta, _, data = value.partition(",")
            if ";base64" in meta.lower():
                payload = data
        elif "B" in encoding or "BASE64" in encoding:
            payload = value
        if payload is None:
            if value:
                self.warnings.append("its photo is a link, not a picture, and was left out")
            return None
        try:
            decoded = base64.b64decode(re.sub(r"\s+", "", payload), validate=True)
        except (binascii.Error, ValueError):
            self.warnings.append(f"its photo (line {prop.line}) is not valid base64 and was left out")
            return None
        try:
            return images.check_photo(decoded, "photo", "it")
        except FileRefused as error:
            self.warnings.append(
                f"its photo (line {prop.line}) was left out: {error.reason[:1].lower()}{error.reason[1:]}"
            )
            return None


def _param(prop: _Property, name: str) -> str:
    """The first value of a parameter, or '' when it is absent."""
    values = prop.params.get(name)
    return values[0] if values else ""


def _types(prop: _Property) -> set[str]:
    return {t.lower() for value in prop.params.get("TYPE", []) for t in value.split(",")}


def _uid(value: str | None) -> str | None:
    """UIDs compared the way cards refer to each other: without urn:uuid:, in lower case."""
    if not value:
        return None
    return re.sub(r"^urn:uuid:", "", value.strip(), flags=re.IGNORECASE).lower()


def _address_text(parts: list[str]) -> str | None:
    """ADR components (box; extended; street; locality; region; code; country) as postal lines."""
    parts = (parts + [""] * 7)[:7]
    box, extended, street, locality, region, code, country = parts
    city = locality
    if region:
        city = f"{city}, {region}" if city else region
    if code:
        city = f"{city} {code}" if city else code
    lines = [line for line in (box, extended, street, city, country) if line]
    return "\n".join(lines) or None


def _apple_label(card: _Card, group: str) -> str:
    """The X-ABLabel of a property group (item1.X-ABLabel:_$!<Anniversary>!$_), lower-case."""
    if not group:
        return ""
    for prop in card.properties:
        if prop.group == group and prop.name == "X-ABLABEL":
            return re.sub(r"^_\$!<(.*)>!\$_$", r"\1", prop.value.strip()).lower()
    return ""


def _contact_from_card(card: _Card, number: int, line: int) -> Contact:
    contact = Contact(number=number, line=line)
    adr_entries: list[tuple[set[str], str | None, str | None]] = []
    labels: list[tuple[set[str], str]] = []
    name_parts: list[str] | None = None
    for prop in card.properties:
        name = prop.name
        try:
            if name == "FN":
                contact.display_name = contact.display_name or card.text(prop)
            elif name == "N":
                name_parts = card.components(prop, join_multiple=" ")
            elif name == "NICKNAME":
                nick = ", ".join(card.listed(prop))
                contact.nickname = contact.nickname or (nick or None)
            elif name == "BDAY":
                if _param(prop, "VALUE").lower() == "text":
                    contact.warnings.append(f"birthday {card.text(prop)!r} is text, not a date, and was left out")
                else:
                    omit = _param(prop, "X-APPLE-OMIT-YEAR") or None
                    contact.birthday = parse_date(card.text(prop), omit_year=omit)
            elif name in _ANNIVERSARY_NAMES or (name == "X-ABDATE" and "anniversary" in _apple_label(card, prop.group)):
                omit = _param(prop, "X-APPLE-OMIT-YEAR") or None
                contact.anniversary = contact.anniversary or parse_date(card.text(prop), omit_year=omit)
            elif name == "ADR":
                # RFC 6350's own example writes the label's line breaks as \n, not RFC 6868's ^n.
                label = clean_value(_unescape(_param(prop, "LABEL"), "4.0"))
                adr_entries.append((_types(prop), _address_text(card.components(prop)), label))
            elif name == "LABEL":
                label_text = card.text(prop)
                if label_text:
                    labels.append((_types(prop), label_text))
            elif name == "EMAIL":
                value = card.text(prop) or ""
                contact.add_unique("emails", re.sub(r"^mailto:", "", value, flags=re.IGNORECASE))
            elif name == "TEL":
                value = card.text(prop) or ""
                mobile = bool(_types(prop) & _MOBILE_TYPES)
                contact.add_phone(re.sub(r"^tel:", "", value, flags=re.IGNORECASE), mobile=mobile)
            elif name == "NOTE":
                contact.add_note(card.text(prop))
            elif name == "CATEGORIES":
                for tag in card.listed(prop):
                    contact.add_unique("tags", tag)
            elif name == "PHOTO" and contact.photo is None:
                contact.photo = card.binary(prop)
            elif name == "UID":
                contact.uid = _uid(card.text(prop))
            elif name == "LANG":
                contact.language = contact.language or card.text(prop)
            elif name == "PRONOUNS":
                contact.pronouns = contact.pronouns or card.text(prop)
            elif name == PRONUNCIATION_PROPERTY:
                contact.pronunciation = card.text(prop)
            elif name == "RELATED":
                kind = ", ".join(k for k in prop.params.get("TYPE", []) if k) or "contact"
                value = card.text(prop) or ""
                is_text = _param(prop, "VALUE").lower() == "text"
                if not is_text and value.lower().startswith("urn:uuid:"):
                    contact.related.append(Related(kind=kind, uid=_uid(value)))
                elif value:
                    contact.related.append(Related(kind=kind, name=value))
            elif name == "X-ABRELATEDNAMES":
                if related_name := card.text(prop):
                    contact.related.append(Related(kind=_apple_label(card, prop.group) or "contact", name=related_name))
            elif name in _SPOUSE_NAMES:
                if related_name := card.text(prop):
                    contact.related.append(Related(kind="spouse", name=related_name))
        except ValueError as error:
            what = {"BDAY": "birthday"}.get(
                prop.name, "anniversary" if "DATE" in prop.name or "ANNIV" in prop.name else prop.name.lower()
            )
            contact.warnings.append(f"line {prop.line}: {what} {error} and was left out")
    if name_parts is not None:
        family, given, additional, prefix, suffix = (name_parts + [""] * 5)[:5]
        composed = " ".join(p for p in (prefix, given, additional, family, suffix) if p.strip())
        contact.full_name = " ".join(composed.split()) or None
    contact.finish_names()
    _merge_addresses(contact, adr_entries, labels)
    contact.warnings.extend(card.warnings)
    return contact


def _merge_addresses(
    contact: Contact, adr_entries: list[tuple[set[str], str | None, str | None]], labels: list[tuple[set[str], str]]
) -> None:
    """Prefer the sender's own formatted label (LABEL, or ADR's LABEL parameter) to rebuilt lines.

    Outlook writes each address twice, as ADR parts and as a LABEL with the same TYPE; the
    label is how the person wrote it, city and country included.
    """
    unused = list(labels)
    for types, composed, label_param in adr_entries:
        chosen = label_param
        if chosen is None:
            match = next((entry for entry in unused if entry[0] == types), None)
            if match is None and len(unused) == 1 and len(adr_entries) == 1:
                match = unused[0]
            if match is not None:
                unused.remove(match)
                chosen = match[1]
        contact.add_unique("addresses", chosen or composed)
    for _, text in unused:
        contact.add_unique("addresses", text)


def parse_vcards(text: str) -> Iterator[Contact | Unreadable]:
    """Every card in a file, in order: a Contact, or Unreadable with the reason. Never stops early."""
    number = 0
    card_line = 0
    properties: list[_Property] | None = None
    problem: str | None = None
    fn_seen: str | None = None
    for line_number, line in _logical_lines(text):
        stripped = line.strip()
        upper = stripped.upper().replace(" ", "")
        if upper == "BEGIN:VCARD":
            if properties is not None:
                yield Unreadable(
                    number, card_line, f"has no END:VCARD before the next card at line {line_number}", fn_seen
                )
            number += 1
            card_line, properties, problem, fn_seen = line_number, [], None, None
            continue
        if properties is None:
            continue  # text between cards is not part of any contact
        if upper == "END:VCARD":
            if problem:
                yield Unreadable(number, card_line, problem, fn_seen)
            else:
                yield _contact_from_card(_Card(properties), number, card_line)
            properties = None
            continue
        if problem:
            continue
        try:
            prop = _parse_line(line, line_number)
        except ValueError as error:
            problem = str(error)
            continue
        if prop.name == "FN" and fn_seen is None:
            fn_seen = clean_value(prop.value)
        properties.append(prop)
    if properties is not None:
        yield Unreadable(number, card_line, "has no END:VCARD (the file ends inside it)", fn_seen)


# ----------------------------------------------------------------------------- writing
def _escape(value: str) -> str:
    return (
        value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;").replace("\r\n", "\n").replace("\n", "\\n")
    )


def _param_text(value: str) -> str:
    """A parameter value, quoted when it holds characters that would end it (RFC 6868 carets)."""
    value = value.replace("^", "^^").replace("\n", "^n").replace('"', "^'")
    return f'"{value}"' if re.search(r"[;:,\s]", value) else value


def _fold(line: str) -> str:
    """Fold at 75 octets without splitting a UTF-8 character, as RFC 6350 asks."""
    encoded = line.encode("utf-8")
    if len(encoded) <= 75:
        return line
    pieces, start, limit = [], 0, 75
    while start < len(encoded):
        end = min(start + limit, len(encoded))
        while end < len(encoded) and (encoded[end] & 0xC0) == 0x80:
            end -= 1
        pieces.append(encoded[start:end].decode("utf-8"))
        start, limit = end, 74  # continuation lines start with one space
    return "\r\n ".join(pieces)


def _photo_type(photo: bytes) -> str:
    for signature, mime in (
        (b"\x89PNG", "image/png"),
        (b"\xff\xd8", "image/jpeg"),
        (b"GIF8", "image/gif"),
        (b"RIFF", "image/webp"),
    ):
        if photo.startswith(signature):
            return mime
    return "application/octet-stream"


def _date_value(value: str) -> str:
    """The archive's YYYY-MM-DD / --MM-DD as vCard 4.0's basic form: 19800412 / --0412."""
    return "--" + value[2:].replace("-", "") if value.startswith("--") else value.replace("-", "")


# Lower-case words that belong to the family name that follows them: "Ludwig van Beethoven",
# "Charles de Gaulle", "Leonardo da Vinci", "Gabriel García Márquez" is left to the last word.
_NAME_PARTICLES = {
    "van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "des", "la", "le",
    "ter", "ten", "zu", "zum", "zur", "af", "av", "bin", "ibn", "al", "el", "y", "e", "op", "mac",
}  # fmt: skip


def _name_parts(full_name: str) -> tuple[str, str]:
    """(family, given) from a full name: the last word with the particles before it ("van Beethoven").

    Only lower-case particles join the family name, so a given name such as "Van" or "Del" does not.
    """
    words = full_name.split()
    if len(words) <= 1:
        return "", full_name.strip()
    start = len(words) - 1
    while start > 1 and words[start - 1] in _NAME_PARTICLES:
        start -= 1
    return " ".join(words[start:]), " ".join(words[:start])


def _country_title(code: str) -> str:
    small = {"and", "of", "the", "da", "de", "du"}
    words = country_name(code).lower().split()
    return " ".join(word if word in small and index else word.capitalize() for index, word in enumerate(words))


def _adr(parts: AddressParts) -> str:
    """ADR's seven parts: PO box and extended left empty; street lines, city, region, postcode, country."""
    address = clean_address(parts)
    values = ["", "", address.street, address.city, address.region, address.postcode, _country_title(address.country)]
    return "ADR:" + ";".join(_escape(value) for value in values)


def write_vcard(person: Person, *, anniversary: str | None = None, related: Sequence[tuple[str, str]] = ()) -> str:
    """One person as a vCard 4.0 card (CRLF lines, folded); `related` holds (kind, other's name)."""
    lines = ["BEGIN:VCARD", "VERSION:4.0", f"FN:{_escape(person.display_name)}"]
    if person.full_name:
        family, given = _name_parts(person.full_name)
        lines.append(f"N:{_escape(family)};{_escape(given)};;;")
    if person.nickname:
        lines.append(f"NICKNAME:{_escape(person.nickname)}")
    if person.birthday:
        lines.append(f"BDAY:{_date_value(person.birthday)}")
    if anniversary:
        lines.append(f"ANNIVERSARY:{_date_value(anniversary)}")
    for parts in person.postal_addresses:
        lines.append(_adr(parts))
    for email in person.emails:
        lines.append(f"EMAIL:{_escape(email)}")
    for phone in person.phones:
        lines.append(f"TEL;VALUE=text:{_escape(phone)}")
    if person.language:
        lines.append(f"LANG:{_escape(person.language)}")
    if person.pronouns:
        lines.append(f"PRONOUNS:{_escape(person.pronouns)}")
    if person.pronunciation:
        lines.append(f"{PRONUNCIATION_PROPERTY}:{_escape(person.pronunciation)}")
    if person.tags:
        lines.append("CATEGORIES:" + ",".join(_escape(tag) for tag in person.tags))
    if person.notes:
        lines.append(f"NOTE:{_escape(person.notes)}")
    for kind, other_name in related:
        lines.append(f"RELATED;VALUE=text;TYPE={_param_text(kind)}:{_escape(other_name)}")
    if person.photo:
        encoded = base64.b64encode(person.photo).decode("ascii")
        lines.append(f"PHOTO:data:{_photo_type(person.photo)};base64,{encoded}")
    lines.append("END:VCARD")
    return "".join(_fold(line) + "\r\n" for line in lines)
