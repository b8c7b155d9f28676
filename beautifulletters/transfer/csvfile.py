"""Contact CSV files: Google (both header generations), Outlook, and any CSV through a column mapping.

The delimiter is sniffed from the header line; rows are read with ``strict=True`` because
Python's csv module otherwise swallows the rest of a file after an unterminated quote.
A row that cannot be read is reported with its line and the reading goes on after it.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from beautifulletters.i18n import N_, _
from beautifulletters.transfer.contact import Contact, Related, parse_date
from beautifulletters.transfer.textio import NotContactsError, clean_value
from beautifulletters.transfer.vcard import Unreadable

# What a column can be mapped to; the window offers these in its column-mapping step.
TARGETS = {
    "ignore": N_("(leave out)"),
    "display_name": N_("Name"),
    "full_name": N_("Full name"),
    "given_name": N_("First name"),
    "middle_name": N_("Middle name"),
    "family_name": N_("Last name"),
    "prefix": N_("Title (Dr., Ms.)"),
    "suffix": N_("Suffix (Jr.)"),
    "nickname": N_("Nickname"),
    "email": N_("Email"),
    "phone": N_("Phone"),
    "mobile": N_("Mobile phone"),
    "address": N_("Address (whole)"),
    "street": N_("Street"),
    "city": N_("City"),
    "region": N_("State / region"),
    "postal_code": N_("Postal code"),
    "country": N_("Country"),
    "birthday": N_("Birthday"),
    "anniversary": N_("Anniversary"),
    "notes": N_("Notes"),
    "tags": N_("Tags / groups"),
    "spouse": N_("Spouse"),
    "language": N_("Language"),
    "pronouns": N_("Pronouns"),
    "pronunciation": N_("Pronunciation"),
}

# Header names (case-insensitive) recognised in any CSV; Google's and Outlook's come first.
_KNOWN_HEADERS = {
    "name": "display_name",
    "display name": "display_name",
    "full name": "full_name",
    "first name": "given_name",
    "given name": "given_name",
    "firstname": "given_name",
    "forename": "given_name",
    "middle name": "middle_name",
    "additional name": "middle_name",
    "last name": "family_name",
    "family name": "family_name",
    "surname": "family_name",
    "lastname": "family_name",
    "title": "prefix",
    "name prefix": "prefix",
    "prefix": "prefix",
    "suffix": "suffix",
    "name suffix": "suffix",
    "nickname": "nickname",
    "nick name": "nickname",
    "email": "email",
    "e-mail": "email",
    "email address": "email",
    "e-mail address": "email",
    "mail": "email",
    "e-mail 2 address": "email",
    "e-mail 3 address": "email",
    "phone": "phone",
    "telephone": "phone",
    "mobile": "mobile",
    "mobile phone": "mobile",
    "home phone": "phone",
    "home phone 2": "phone",
    "business phone": "phone",
    "business phone 2": "phone",
    "primary phone": "phone",
    "other phone": "phone",
    "car phone": "phone",
    "cell": "mobile",
    "cell phone": "mobile",
    "phone number": "phone",
    "address": "address",
    "postal address": "address",
    "home address": "address",
    "street": "street",
    "city": "city",
    "state": "region",
    "region": "region",
    "zip": "postal_code",
    "zip code": "postal_code",
    "postal code": "postal_code",
    "postcode": "postal_code",
    "country": "country",
    "birthday": "birthday",
    "birth date": "birthday",
    "date of birth": "birthday",
    "dob": "birthday",
    "anniversary": "anniversary",
    "notes": "notes",
    "note": "notes",
    "comments": "notes",
    "tags": "tags",
    "labels": "tags",
    "groups": "tags",
    "group membership": "tags",
    "categories": "tags",
    "spouse": "spouse",
    "language": "language",
    "pronouns": "pronouns",
    "pronunciation": "pronunciation",
}

_GOOGLE_SECTION = re.compile(r"^(E-mail|Phone|Address|Relation|Event|Website|IM|Custom Field) (\d+) - (.+)$")
_OUTLOOK_ADDRESS = re.compile(
    r"^(Home|Business|Other) (Street|Street 2|Street 3|City|State|Postal Code|"
    r"Country/Region|Address PO Box)$"
)
_MULTI = " ::: "  # Google joins several values of one field with this
_GOOGLE_SYSTEM_GROUPS = {"mycontacts", "starred", "friends_family_coworkers", "other contacts"}


@dataclass
class CsvTable:
    """A CSV file read as a table: what the window's column-mapping step shows."""

    flavour: str  # "google", "outlook" or "generic"
    delimiter: str
    headers: list[str]
    rows: list[tuple[int, list[str]]]  # (line where the row starts, cells)
    problems: list[Unreadable] = field(default_factory=list)
    mapping: dict[str, str] = field(default_factory=dict)  # header -> target, for generic files


def _physical_lines(text: str) -> list[str]:
    # Only CR and LF end lines: splitlines() would also break at U+2028 inside a note.
    return re.findall(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$", text)


def sniff_delimiter(header_line: str) -> str:
    """The delimiter of a CSV file: whichever of , ; tab splits the header into most columns."""
    counts = {d: 0 for d in (",", ";", "\t")}
    quoted = False
    for char in header_line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _read_rows(lines: list[str], delimiter: str, first_line: int) -> Iterator[tuple[int, list[str]] | Unreadable]:
    """Rows with their starting line; an unreadable row is reported and reading restarts after it."""
    start = 0
    number = 0
    while start < len(lines):
        reader = csv.reader(iter(lines[start:]), delimiter=delimiter, strict=True)
        row_start = start
        try:
            for row in reader:
                number += 1
                yield first_line + row_start, row
                row_start = start + reader.line_num
        except csv.Error as error:
            number += 1
            line = first_line + row_start
            message = str(error)
            if "end of data" in message or "EOF" in message:
                reason = f"line {line}: a quoted value starts here and is never closed"
            else:
                reason = f"line {line}: the quoting is broken ({message})"
            yield Unreadable(number, line, reason)
            start = row_start + 1
            continue
        break


def read_table(text: str, source: str = "the file") -> CsvTable:
    """Read a contact CSV: sniff the delimiter, read the rows, recognise Google/Outlook headers."""
    lines = _physical_lines(text.lstrip("\ufeff"))
    while lines and not lines[0].strip():
        lines.pop(0)
    if not lines:
        raise NotContactsError(_("{source} is empty; there are no contacts to import.").format(source=source))
    delimiter = sniff_delimiter(lines[0])
    try:
        headers = next(csv.reader([lines[0]], delimiter=delimiter, strict=True))
    except (csv.Error, StopIteration):
        raise NotContactsError(
            _("{source}: its first line is not a row of column names.").format(source=source)
        ) from None
    headers = [clean_value(h) or "" for h in headers]
    table = CsvTable(flavour=_flavour(headers), delimiter=delimiter, headers=headers, rows=[])
    for item in _read_rows(lines[1:], delimiter, first_line=2):
        if isinstance(item, Unreadable):
            table.problems.append(item)
        elif any(cell.strip() for cell in item[1]):
            table.rows.append(item)
    table.mapping = guess_mapping(headers)
    return table


def _flavour(headers: list[str]) -> str:
    names = set(headers)
    if (
        {"Given Name", "Family Name", "Group Membership"} & names
        or {"First Name", "Labels"} <= names
        or any(_GOOGLE_SECTION.match(h) for h in headers)
    ):
        return "google"
    if {"First Name", "Last Name", "E-mail Address"} <= names or any(_OUTLOOK_ADDRESS.match(h) for h in headers):
        return "outlook"
    return "generic"


def guess_mapping(headers: list[str]) -> dict[str, str]:
    """Header -> target for headers this program knows; unknown headers are left out."""
    mapping: dict[str, str] = {}
    for header in headers:
        target = _KNOWN_HEADERS.get(header.strip().lower())
        if target is None and (match := _GOOGLE_SECTION.match(header)):
            section, _dot, part = match.groups()
            if part == "Value":
                target = {"E-mail": "email", "Phone": "phone"}.get(section)
            elif section == "Address" and part == "Formatted":
                target = "address"
        if target is None and (match := _OUTLOOK_ADDRESS.match(header)):
            target = {
                "Street": "street",
                "City": "city",
                "State": "region",
                "Postal Code": "postal_code",
                "Country/Region": "country",
            }.get(match.group(2))
        mapping[header] = target or "ignore"
    return mapping


def _multi(value: str) -> list[str]:
    return [v for v in (clean_value(part) for part in value.split(_MULTI)) if v]


def _compose_address(parts: Mapping[str, str]) -> str | None:
    street = "\n".join(v for k in ("Street", "Street 2", "Street 3", "street") if (v := parts.get(k, "")))
    box = parts.get("PO Box", "") or parts.get("Address PO Box", "")
    city = parts.get("City", "") or parts.get("city", "")
    region = parts.get("Region", "") or parts.get("State", "") or parts.get("region", "")
    code = parts.get("Postal Code", "") or parts.get("postal_code", "")
    country = parts.get("Country", "") or parts.get("Country/Region", "") or parts.get("country", "")
    extended = parts.get("Extended Address", "")
    line = city
    if region:
        line = f"{line}, {region}" if line else region
    if code:
        line = f"{line} {code}" if line else code
    return clean_value("\n".join(v for v in (box, street, extended, line, country) if v))


def _day_first(table: CsvTable, columns: list[int]) -> bool:
    """Spreadsheet dates are month-first unless some date in the file can only be day-first."""
    for _number, cells in table.rows:
        for index in columns:
            if index < len(cells) and (match := re.match(r"^\s*([0-9]{1,2})[/.]([0-9]{1,2})[/.]", cells[index])):
                if int(match.group(1)) > 12:
                    return True
    return False


def contacts_from_table(table: CsvTable, mapping: Mapping[str, str] | None = None) -> Iterator[Contact | Unreadable]:
    """Each row as a Contact (or the row's reading problem), in file order, numbered by data row."""
    use_mapping = dict(mapping) if mapping is not None else (table.mapping if table.flavour == "generic" else None)
    date_columns = [i for i, h in enumerate(table.headers) if "birthday" in h.lower() or "anniversary" in h.lower()]
    day_first = _day_first(table, date_columns)
    problems = {p.line: p for p in table.problems}
    rows = sorted(
        [(line, cells) for line, cells in table.rows] + [(p.line, None) for p in table.problems],
        key=lambda item: item[0],
    )
    for number, (line, cells) in enumerate(rows, start=1):
        if cells is None:
            problem = problems[line]
            yield Unreadable(number, line, problem.reason)
            continue
        record = {h: (cells[i] if i < len(cells) else "") for i, h in enumerate(table.headers) if h}
        contact = Contact(number=number, line=line)
        if use_mapping is None and table.flavour == "google":
            _google_row(record, contact, day_first)
        elif use_mapping is None:
            _outlook_row(record, contact, day_first)
        else:
            _mapped_row(record, use_mapping, contact, day_first)
        contact.finish_names()
        yield contact


def _set_date(contact: Contact, attribute: str, value: str, day_first: bool, label: str) -> None:
    try:
        parsed = parse_date(value, day_first=day_first)
    except ValueError as error:
        contact.warnings.append(f"{label} {error} and was left out")
        return
    if parsed and not getattr(contact, attribute):
        setattr(contact, attribute, parsed)


def _names(contact: Contact, prefix: str, given: str, middle: str, family: str, suffix: str) -> None:
    """Display name "First Last"; the full name keeps the title, middle name and suffix."""
    full = " ".join(p.strip() for p in (prefix, given, middle, family, suffix) if p and p.strip())
    contact.full_name = contact.full_name or clean_value(full)
    short = " ".join(p.strip() for p in (given, family) if p and p.strip())
    contact.display_name = contact.display_name or clean_value(short) or contact.full_name


def _google_row(record: dict[str, str], contact: Contact, day_first: bool) -> None:
    get = record.get
    contact.display_name = get("Name") or get("File As") or None
    _names(
        contact,
        get("Name Prefix", ""),
        get("Given Name", "") or get("First Name", ""),
        get("Additional Name", "") or get("Middle Name", ""),
        get("Family Name", "") or get("Last Name", ""),
        get("Name Suffix", ""),
    )
    contact.nickname = clean_value(get("Nickname"))
    _set_date(contact, "birthday", get("Birthday", ""), day_first, "birthday")
    contact.add_note(get("Notes"))
    contact.language = clean_value(get("Language"))
    for group in _multi(get("Group Membership", "") or get("Labels", "")):
        # Google's own system groups ("* myContacts", "* starred") are not the person's tags.
        if not group.startswith("*") and group.casefold() not in _GOOGLE_SYSTEM_GROUPS:
            contact.tags.append(group)
    sections: dict[tuple[str, str], dict[str, str]] = {}
    for header, value in record.items():
        if match := _GOOGLE_SECTION.match(header):
            section, index, part = match.groups()
            sections.setdefault((section, index), {})[part] = value
    for (section, _index), parts in sorted(sections.items(), key=lambda item: (item[0][0], int(item[0][1]))):
        kind = (parts.get("Type") or parts.get("Label") or "").lstrip("* ").strip()
        values = _multi(parts.get("Value", ""))
        if section == "E-mail":
            for value in values:
                contact.add_unique("emails", value)
        elif section == "Phone":
            for value in values:
                contact.add_phone(value, mobile=kind.lower() in ("mobile", "cell"))
        elif section == "Address":
            formatted: list[str | None] = list(_multi(parts.get("Formatted", "")))
            for address in formatted or [_compose_address(parts)]:
                contact.add_unique("addresses", address)
        elif section == "Event" and kind.lower() == "anniversary":
            for value in values:
                _set_date(contact, "anniversary", value, day_first, "anniversary")
        elif section == "Relation":
            for value in values:
                contact.related.append(Related(kind=kind.lower() or "contact", name=value))


def _outlook_row(record: dict[str, str], contact: Contact, day_first: bool) -> None:
    get = record.get
    contact.display_name = clean_value(get("Display Name") or get("Name")) or None
    _names(
        contact,
        get("Title", ""),
        get("First Name", ""),
        get("Middle Name", ""),
        get("Last Name", ""),
        get("Suffix", ""),
    )
    contact.nickname = clean_value(get("Nickname"))
    for header in ("E-mail Address", "E-mail 2 Address", "E-mail 3 Address"):
        contact.add_unique("emails", get(header))
    for header in (
        "Primary Phone",
        "Mobile Phone",
        "Home Phone",
        "Home Phone 2",
        "Business Phone",
        "Business Phone 2",
        "Other Phone",
        "Car Phone",
        "Company Main Phone",
    ):
        contact.add_phone(get(header), mobile=header == "Mobile Phone")
    for place in ("Home", "Business", "Other"):
        parts = {
            "Street": get(f"{place} Street", ""),
            "Street 2": get(f"{place} Street 2", ""),
            "Street 3": get(f"{place} Street 3", ""),
            "City": get(f"{place} City", ""),
            "State": get(f"{place} State", ""),
            "Postal Code": get(f"{place} Postal Code", ""),
            "Country/Region": get(f"{place} Country/Region", ""),
            "PO Box": get(f"{place} Address PO Box", ""),
        }
        contact.add_unique("addresses", _compose_address(parts))
    _set_date(contact, "birthday", get("Birthday", ""), day_first, "birthday")
    _set_date(contact, "anniversary", get("Anniversary", ""), day_first, "anniversary")
    contact.add_note(get("Notes"))
    contact.language = clean_value(get("Language"))
    # Outlook separates categories with ';' inside the one cell.
    for tag in (get("Categories") or "").split(";"):
        if clean_value(tag):
            contact.tags.append(clean_value(tag) or "")
    if clean_value(get("Spouse")):
        contact.related.append(Related(kind="spouse", name=clean_value(get("Spouse"))))


def _mapped_row(record: dict[str, str], mapping: Mapping[str, str], contact: Contact, day_first: bool) -> None:
    name_parts: dict[str, str] = {}
    address_parts: dict[str, str] = {}
    for header, value in record.items():
        target = mapping.get(header, "ignore")
        if target == "ignore" or not value.strip():
            continue
        if target == "display_name":
            contact.display_name = contact.display_name or value
        elif target in ("full_name", "pronouns", "pronunciation"):
            setattr(contact, target, clean_value(value))
        elif target in ("given_name", "middle_name", "family_name", "prefix", "suffix"):
            name_parts[target] = value
        elif target == "nickname":
            contact.nickname = clean_value(value)
        elif target in ("phone", "mobile"):
            for item in _multi(value):
                contact.add_phone(item, mobile=target == "mobile")
        elif target in ("email", "address"):
            for item in _multi(value):
                contact.add_unique(target + ("es" if target == "address" else "s"), item)
        elif target in ("street", "city", "region", "postal_code", "country"):
            address_parts[target] = value
        elif target in ("birthday", "anniversary"):
            _set_date(contact, target, value, day_first, target)
        elif target == "notes":
            contact.add_note(value)
        elif target == "tags":
            for tag in re.split(r" ::: |;|,", value):
                if clean_value(tag) and clean_value(tag) not in contact.tags:
                    contact.tags.append(clean_value(tag) or "")
        elif target == "spouse":
            contact.related.append(Related(kind="spouse", name=clean_value(value)))
        elif target == "language":
            contact.language = clean_value(value)
    if name_parts:
        _names(
            contact,
            name_parts.get("prefix", ""),
            name_parts.get("given_name", ""),
            name_parts.get("middle_name", ""),
            name_parts.get("family_name", ""),
            name_parts.get("suffix", ""),
        )
    if address_parts:
        contact.add_unique("addresses", _compose_address(address_parts))


def has_name_column(table: CsvTable, mapping: Mapping[str, str] | None = None) -> bool:
    """Whether the file (with this mapping) can give anyone a name: otherwise it is not a contact list."""
    if mapping is None and table.flavour != "generic":
        return True
    targets = set((mapping or table.mapping).values())
    return bool(targets & {"display_name", "full_name", "given_name", "family_name"})
