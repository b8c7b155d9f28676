"""Importing contacts into the archive: duplicate matching, merge or skip, dry run, a report per card.

One import is one transaction: it is wholly stored or (on Cancel, an error, or a dry run)
wholly absent. A dry run performs the import and rolls it back, so its preview is exactly
what the real import would do.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from beautifulletters.errors import BeautifulLettersError, ValidationError
from beautifulletters.transfer import csvfile, vcard
from beautifulletters.transfer.contact import Contact, name_key, phone_key
from beautifulletters.transfer.textio import NotContactsError, read_contact_text
from beautifulletters.transfer.vcard import Unreadable

if TYPE_CHECKING:
    from beautifulletters.archive import Archive

ON_DUPLICATE = ("merge", "skip")
ProgressCallback = Callable[[int, int], None]  # (done, total)

# A phone number this short ("112", an extension) says nothing about who someone is.
_MIN_PHONE_DIGITS = 6


class ImportCancelled(BeautifulLettersError):
    """The person pressed Cancel: nothing was imported."""


class _RollBack(Exception):
    """Raised inside the transaction to undo a dry run."""


@dataclass
class ImportItem:
    """What happened to one card or row: added, updated, unchanged or skipped, and why."""

    number: int
    line: int
    name: str | None
    action: str
    reason: str | None = None
    person_id: int | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass
class ImportReport:
    file: str
    format: str
    dry_run: bool
    on_duplicate: str
    items: list[ImportItem] = field(default_factory=list)
    relationships: int = 0

    def count(self, action: str) -> int:
        return sum(1 for item in self.items if item.action == action)

    @property
    def skipped(self) -> list[ImportItem]:
        return [item for item in self.items if item.action == "skipped"]

    def summary(self) -> str:
        """One line: '3 added, 1 updated, 0 already up to date, 1 skipped, of 5 in people.vcf.'"""
        parts = [
            f"{self.count('added')} added",
            f"{self.count('updated')} updated",
            f"{self.count('unchanged')} already up to date",
            f"{self.count('skipped')} skipped",
        ]
        line = ", ".join(parts) + f", of {len(self.items)} in {Path(self.file).name}."
        return f"Dry run, nothing was changed: {line}" if self.dry_run else line

    def as_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "format": self.format,
            "dry_run": self.dry_run,
            "on_duplicate": self.on_duplicate,
            "counts": {a: self.count(a) for a in ("added", "updated", "unchanged", "skipped")},
            "relationships": self.relationships,
            "items": [asdict(item) for item in self.items],
        }


# --------------------------------------------------------------------------- reading
def detect_format(path: Path, text: str) -> str:
    """'vcard' or 'csv', from the content first and the file name second."""
    if vcard.looks_like_vcard(text):
        return "vcard"
    suffix = path.suffix.lower()
    if suffix in (".vcf", ".vcard"):
        raise NotContactsError(f"{path} has no BEGIN:VCARD, so it holds no vCard contacts; nothing was imported.")
    return "csv"


def read_contacts(
    path: str | Path, *, mapping: Mapping[str, str] | None = None
) -> tuple[str, list[Contact | Unreadable]]:
    """Read a .vcf or .csv file into contacts (no archive needed); returns (format, entries)."""
    path = Path(path)
    text, _encoding = read_contact_text(path)
    kind = detect_format(path, text)
    if kind == "vcard":
        return kind, list(vcard.parse_vcards(text))
    table = csvfile.read_table(text, str(path))
    if not csvfile.has_name_column(table, mapping):
        shown = ", ".join(h for h in table.headers[:6] if h) or "none"
        raise NotContactsError(
            f"{path} is not a contact list this program recognises: no column holds names "
            f"(columns: {shown}). Map its columns in File ▸ Import, or export it from your address book again."
        )
    return kind, list(csvfile.contacts_from_table(table, mapping))


# --------------------------------------------------------------------------- matching
class _Index:
    """Who is already in the archive, by email, phone, and name with birthday."""

    def __init__(self, rows: Iterable[Mapping[str, Any]]) -> None:
        self.by_email: dict[str, int] = {}
        self.by_phone: dict[str, int] = {}
        self.by_name: dict[tuple[str, str], int] = {}
        self.names: dict[str, int] = {}
        for row in rows:
            self.add(row["id"], row)

    def add(self, person_id: int, person: Mapping[str, Any]) -> None:
        for email in person.get("emails") or []:
            self.by_email.setdefault(email.strip().casefold(), person_id)
        for phone in person.get("phones") or []:
            key = phone_key(phone)
            if len(key.lstrip("+")) >= _MIN_PHONE_DIGITS:
                self.by_phone.setdefault(key, person_id)
        for name in (person.get("display_name"), person.get("full_name")):
            if name:
                self.by_name.setdefault((name_key(name), person.get("birthday") or ""), person_id)
                self.names.setdefault(name_key(name), person_id)

    def match(self, contact: Contact) -> tuple[int, str] | None:
        for email in contact.emails:
            if (found := self.by_email.get(email.strip().casefold())) is not None:
                return found, f"same email {email}"
        for phone in contact.phones:
            key = phone_key(phone)
            if len(key.lstrip("+")) >= _MIN_PHONE_DIGITS and (found := self.by_phone.get(key)) is not None:
                return found, f"same phone {phone}"
        for name in (contact.display_name, contact.full_name):
            if name and (found := self.by_name.get((name_key(name), contact.birthday or ""))) is not None:
                return found, "same name and birthday" if contact.birthday else "same name, no birthday on either"
        return None


# --------------------------------------------------------------------------- writing
def _new_fields(contact: Contact) -> dict[str, Any]:
    fields: dict[str, Any] = {"display_name": contact.display_name}
    for name in ("full_name", "nickname", "birthday", "language", "notes", "pronunciation", "photo"):
        value = getattr(contact, name)
        if value:
            fields[name] = value
    for name in ("addresses", "emails", "phones", "tags"):
        values = getattr(contact, name)
        if values:
            fields[name] = list(values)
    return fields


def _merged_fields(existing: Mapping[str, Any], contact: Contact) -> dict[str, Any]:
    """Only what the card adds: empty fields filled, new list entries appended, a new note appended.

    Nothing already in the archive is overwritten, so merging the same card twice changes nothing.
    """
    changes: dict[str, Any] = {}
    for name in ("full_name", "nickname", "birthday", "language", "pronunciation", "photo"):
        value = getattr(contact, name)
        if value and not existing.get(name):
            changes[name] = value
    for name in ("addresses", "emails", "phones"):
        current = list(existing.get(name) or [])
        added = [v for v in getattr(contact, name) if v not in current]
        if name == "phones":
            keys = {phone_key(p) for p in current}
            added = [v for v in added if phone_key(v) not in keys]
        if name == "emails":
            folded = {e.casefold() for e in current}
            added = [v for v in added if v.casefold() not in folded]
        if added:
            changes[name] = current + added
    current_tags = list(existing.get("tags") or [])
    new_tags = [t for t in contact.tags if t.strip().lower() not in current_tags]
    if new_tags:
        changes["tags"] = current_tags + new_tags
    if contact.notes and contact.notes not in (existing.get("notes") or ""):
        changes["notes"] = f"{existing['notes']}\n\n{contact.notes}" if existing.get("notes") else contact.notes
    return changes


def _validated_pronouns(contact: Contact) -> None:
    if contact.pronouns:
        from beautifulletters import validation

        try:
            contact.pronouns = validation.pronouns(contact.pronouns)
        except ValidationError:
            contact.warnings.append(f"pronouns {contact.pronouns!r} are not understood and were left out")
            contact.pronouns = None


def import_contacts(
    archive: Archive,
    entries: list[Contact | Unreadable],
    *,
    file: str = "",
    format: str = "vcard",
    dry_run: bool = False,
    on_duplicate: str = "merge",
    progress: ProgressCallback | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportReport:
    """Bring contacts into the archive in one transaction; returns the per-card report.

    `progress(done, total)` is called now and then; `cancelled()` returning True stops the
    import and undoes it (ImportCancelled is raised).
    """
    if on_duplicate not in ON_DUPLICATE:
        raise ValidationError("on-duplicate", f"{on_duplicate!r} is not a choice; use merge or skip.")
    report = ImportReport(file=file, format=format, dry_run=dry_run, on_duplicate=on_duplicate)
    total = len(entries)
    step = max(1, total // 100)
    try:
        with archive.transaction():
            index = _Index(archive.people.match_keys())
            imported: list[tuple[Contact, int]] = []
            by_uid: dict[str, int] = {}
            for done, entry in enumerate(entries, start=1):
                if cancelled is not None and done % 50 == 0 and cancelled():
                    raise ImportCancelled("The import was cancelled; nothing was imported.")
                if progress is not None and (done % step == 0 or done == total):
                    progress(done, total)
                item = _import_one(archive, entry, index, on_duplicate)
                report.items.append(item)
                if isinstance(entry, Contact) and item.person_id is not None:
                    imported.append((entry, item.person_id))
                    if entry.uid:
                        by_uid[entry.uid] = item.person_id
            if cancelled is not None and cancelled():
                raise ImportCancelled("The import was cancelled; nothing was imported.")
            report.relationships = _link_related(archive, imported, by_uid, index, report)
            if dry_run:
                raise _RollBack
    except _RollBack:
        pass
    return report


def _import_one(archive: Archive, entry: Contact | Unreadable, index: _Index, on_duplicate: str) -> ImportItem:
    if isinstance(entry, Unreadable):
        return ImportItem(entry.number, entry.line, entry.name, "skipped", f"cannot be read: {entry.reason}")
    contact = entry
    item = ImportItem(contact.number, contact.line, contact.display_name, "skipped", warnings=contact.warnings)
    if not contact.display_name:
        item.reason = "has no name (neither FN nor N), so it was not imported blank"
        return item
    _validated_pronouns(contact)
    match = index.match(contact)
    try:
        if match is None:
            fields = _new_fields(contact)
            if contact.pronouns:
                fields["pronouns"] = contact.pronouns
            person_id = archive.people.add(**fields)
            if contact.anniversary:
                archive.dates.add(person_id, kind="anniversary", date=contact.anniversary)
            index.add(person_id, fields)
            item.action, item.person_id = "added", person_id
            return item
        person_id, why = match
        item.person_id = person_id
        existing = archive.people.get(person_id)
        if on_duplicate == "skip":
            item.reason = f"already in the archive as {existing['display_name']} (id {person_id}; {why})"
            return item
        changes = _merged_fields(existing, contact)
        if contact.pronouns and not existing.get("pronouns"):
            changes["pronouns"] = contact.pronouns
        dates_changed = False
        if contact.anniversary and not any(
            d["kind"] == "anniversary" and d["date"] == contact.anniversary for d in archive.dates.for_person(person_id)
        ):
            archive.dates.add(person_id, kind="anniversary", date=contact.anniversary)
            dates_changed = True
        if changes:
            archive.people.update(person_id, **changes)
            index.add(person_id, {**existing, **changes})
        item.action = "updated" if (changes or dates_changed) else "unchanged"
        item.reason = f"matched {existing['display_name']} (id {person_id}; {why})"
        if changes or dates_changed:
            item.reason += "; added " + ", ".join(sorted(changes) + (["anniversary"] if dates_changed else []))
        return item
    except ValidationError as error:
        item.action, item.person_id = "skipped", None
        item.reason = str(error)
        return item


def _link_related(
    archive: Archive,
    imported: list[tuple[Contact, int]],
    by_uid: dict[str, int],
    index: _Index,
    report: ImportReport,
) -> int:
    """RELATED entries become relationships where the other person is in the archive (or this file).

    A relationship the archive already has between the two is left as it is.
    """
    linked = 0
    items = {item.person_id: item for item in report.items if item.person_id is not None}
    for contact, person_id in imported:
        for related in contact.related:
            other = by_uid.get(related.uid or "") if related.uid else index.names.get(name_key(related.name))
            if other is None or other == person_id:
                continue
            if archive.relationships.get(person_id, other) is not None:
                continue
            try:
                archive.relationships.set(person_id, other, kind=related.kind)
            except ValidationError as error:
                items[person_id].warnings.append(f"relationship not set: {error}")
                continue
            linked += 1
            item = items.get(person_id)
            if item is not None and item.action == "unchanged":
                item.action = "updated"
                item.reason = (item.reason or "") + "; added a relationship"
    return linked


def import_file(
    archive: Archive,
    path: str | Path,
    *,
    dry_run: bool = False,
    on_duplicate: str = "merge",
    mapping: Mapping[str, str] | None = None,
    progress: ProgressCallback | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportReport:
    """Read a .vcf or .csv file and import it; a file that is not contacts raises NotContactsError."""
    kind, entries = read_contacts(path, mapping=mapping)
    if not entries:
        raise NotContactsError(f"{path} holds no contacts; nothing was imported.")
    return import_contacts(
        archive,
        entries,
        file=str(path),
        format=kind,
        dry_run=dry_run,
        on_duplicate=on_duplicate,
        progress=progress,
        cancelled=cancelled,
    )
