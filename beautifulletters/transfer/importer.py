"""Importing contacts into the archive: who is who, merge or skip, dry run, a report per card.

Who a card is: matching.py (names that agree and a key that identifies, or a new person
reported as a possible duplicate). What it changes in someone already there: merging.py
(only what the card changed since its last import). How it is written: import_writes.py.

A real import is stored in chunks of about half a second, each a transaction of whole cards,
so another program's write waits a moment rather than the whole import. If it is stopped
(Cancel, a full disk, the process killed), the chunks stored so far stay, the report says how
far it got, and importing the same file again brings in the rest: the cards already in are
recognised by their UID or content and change nothing. A dry run writes nothing and takes no
lock; it runs the same steps, so its preview is exactly what the import will do.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from beautifulletters import validation, words
from beautifulletters.archive.imported import ImportedCard
from beautifulletters.archive.people import CheckedPerson
from beautifulletters.errors import BeautifulLettersError, RefusedValueError, ValidationError
from beautifulletters.i18n import _, n_
from beautifulletters.records import JSONObject, PersonFields
from beautifulletters.transfer import csvfile, vcard
from beautifulletters.transfer.contact import Contact
from beautifulletters.transfer.import_writes import ImportWrites
from beautifulletters.transfer.matching import PeopleIndex, PossibleDuplicate, card_names
from beautifulletters.transfer.merging import card_key, card_values, fingerprint, merge
from beautifulletters.transfer.textio import NotContactsError, read_contact_text
from beautifulletters.transfer.vcard import Unreadable

if TYPE_CHECKING:
    from beautifulletters.archive import Archive

ON_DUPLICATE = ("merge", "skip")
ProgressCallback = Callable[[int, int], None]  # (done, total)


class ImportCancelled(BeautifulLettersError):
    """The person pressed Cancel: nothing was imported."""


class ImportRefused(BeautifulLettersError):
    """A card holds a value no archive may hold (an escape sequence, a bidirectional override,
    more than a limit allows): the whole file is refused before anything is written."""


class ImportStopped(BeautifulLettersError):
    """The import stopped partway (a full disk, a busy archive): the message says how far it got.

    What was stored before it stays, and `report` lists it; importing again brings in the rest.
    """

    def __init__(self, message: str, report: ImportReport) -> None:
        super().__init__(message)
        self.report = report


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
    # Added as a new person, but sharing something with these: [{"person_id", "name", "why"}].
    possible_duplicates: list[PossibleDuplicate] = field(default_factory=list)


@dataclass
class ImportReport:
    file: str
    format: str
    dry_run: bool
    on_duplicate: str
    items: list[ImportItem] = field(default_factory=list)
    relationships: int = 0
    total: int = 0  # cards or rows in the file
    done: int = 0  # of them stored (or, in a dry run, looked at)
    stopped: str | None = None  # "cancelled" when it stopped before the end; the items are those stored

    @property
    def possible_duplicates(self) -> list[ImportItem]:
        return [item for item in self.items if item.possible_duplicates]

    def count(self, action: str) -> int:
        return sum(1 for item in self.items if item.action == action)

    @property
    def skipped(self) -> list[ImportItem]:
        return [item for item in self.items if item.action == "skipped"]

    def summary(self) -> str:
        """One line: '3 added, 1 updated, 0 already up to date, 1 skipped, of 5 in people.vcf.'"""
        parts = [
            _("{count} added").format(count=self.count("added")),
            _("{count} updated").format(count=self.count("updated")),
            _("{count} already up to date").format(count=self.count("unchanged")),
            _("{count} skipped").format(count=self.count("skipped")),
        ]
        name = Path(self.file).name
        done = len(self.items)
        if self.stopped:
            if self.format == "vcard":
                taken = n_("{count} card", "{count} cards", done).format(count=words.number(done))
            else:
                taken = n_("{count} row", "{count} rows", done).format(count=words.number(done))
            line = _(
                "Cancelled after {taken} of {total} in {file}, which are in the archive: {counts}. Import the "
                "same file again to bring in the rest; what is already in is recognised and left as it is."
            ).format(taken=taken, total=words.number(self.total), file=name, counts=", ".join(parts))
        else:
            line = _("{counts}, of {total} in {file}.").format(counts=", ".join(parts), total=done, file=name)
        if doubtful := len(self.possible_duplicates):
            line += " " + n_(
                "{count} possible duplicate to review (added as new people).",
                "{count} possible duplicates to review (added as new people).",
                doubtful,
            ).format(count=words.number(doubtful))
        return _("Dry run, nothing was changed: {summary}").format(summary=line) if self.dry_run else line

    def as_json(self) -> JSONObject:
        return {
            "file": self.file,
            "format": self.format,
            "dry_run": self.dry_run,
            "on_duplicate": self.on_duplicate,
            "counts": {a: self.count(a) for a in ("added", "updated", "unchanged", "skipped")},
            "relationships": self.relationships,
            "possible_duplicates": len(self.possible_duplicates),
            "stopped": self.stopped,
            "items": [asdict(item) for item in self.items],
        }


# --------------------------------------------------------------------------- reading
def detect_format(path: Path, text: str) -> str:
    """'vcard' or 'csv', from the content first and the file name second."""
    if vcard.looks_like_vcard(text):
        return "vcard"
    suffix = path.suffix.lower()
    if suffix in (".vcf", ".vcard"):
        raise NotContactsError(
            _("{path} has no BEGIN:VCARD, so it holds no vCard contacts; nothing was imported.").format(path=path)
        )
    return "csv"


def read_contacts(
    path: str | Path, *, mapping: Mapping[str, str] | None = None
) -> tuple[str, list[Contact | Unreadable]]:
    """Read a .vcf or .csv file into contacts (no archive needed); returns (format, entries)."""
    path = Path(path)
    text, _encoding = read_contact_text(path)
    kind = detect_format(path, text)
    if kind == "vcard":
        try:
            return kind, list(vcard.parse_vcards(text))
        except RefusedValueError as error:
            raise ImportRefused(f"Nothing was imported from {path.name}: {error}") from None
    table = csvfile.read_table(text, str(path))
    if not csvfile.has_name_column(table, mapping):
        shown = ", ".join(h for h in table.headers[:6] if h) or "none"
        raise NotContactsError(
            _(
                "{path} is not a contact list this program recognises: no column holds names (columns: {columns}). Map "
                "its columns in File ▸ Import, or export it from your address book again."
            ).format(path=path, columns=shown)
        )
    return kind, list(csvfile.contacts_from_table(table, mapping))


# --------------------------------------------------------------------------- matching
def _index(archive: Archive) -> PeopleIndex:
    """Everyone's names, emails and phones, and every card imported before."""
    index = PeopleIndex()
    for row in archive.people.match_keys():
        index.add_person(row.id, (row.display_name, row.full_name), row.emails, row.phones)
    for person_id, key, print_, names in archive.imported.keys():
        index.add_card(person_id, key, print_, names)
    return index


# --------------------------------------------------------------------------- writing
def _new_fields(contact: Contact) -> PersonFields:
    """A new person from a card (empty values are as good as none to `people.add`)."""
    return PersonFields(
        display_name=contact.display_name,
        full_name=contact.full_name or None,
        nickname=contact.nickname or None,
        pronouns=contact.pronouns or None,
        birthday=contact.birthday or None,
        language=contact.language or None,
        notes=contact.notes or None,
        pronunciation=contact.pronunciation or None,
        photo=contact.photo or None,
        addresses=list(contact.addresses),
        emails=list(contact.emails),
        phones=list(contact.phones),
        tags=list(contact.tags),
    )


def _validated_pronouns(contact: Contact) -> None:
    if contact.pronouns:
        try:
            contact.pronouns = validation.pronouns(contact.pronouns)
        except RefusedValueError:
            raise  # a control character or the like: the whole file is refused (_refuse_what_no_archive_holds)
        except ValidationError:
            contact.warnings.append(f"pronouns {contact.pronouns!r} are not understood and were left out")
            contact.pronouns = None


@dataclass
class _Imported:
    """A card now in the archive as `person_id`, waiting for its RELATED entries to be linked."""

    contact: Contact
    person_id: int
    card: ImportedCard


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
    """Bring contacts into the archive in short transactions (see import_writes.py); returns the per-card report.

    `progress(done, total)` is called now and then. `cancelled()` returning True stops the
    import at the next card: the chunk under way is undone. If nothing was stored yet,
    ImportCancelled is raised; otherwise the report holds the cards that are in (`stopped`
    says so), and importing the same file again brings in the rest.
    """
    if on_duplicate not in ON_DUPLICATE:
        raise ValidationError(
            "on-duplicate",
            _("{on_duplicate} is not a choice; use merge or skip.").format(on_duplicate=repr(on_duplicate)),
        )
    checked = _refuse_what_no_archive_holds(archive, entries, file, format)
    report = ImportReport(file=file, format=format, dry_run=dry_run, on_duplicate=on_duplicate)
    writes = ImportWrites(archive, dry_run=dry_run)
    total = report.total = len(entries)
    step = max(1, total // 100)
    index = _index(archive)
    imported: list[_Imported] = []
    position = 0

    def stop_if_asked() -> None:
        if cancelled is not None and cancelled():
            raise ImportCancelled(_("The import was cancelled; nothing was imported."))

    try:
        while position < total:
            with writes.chunk():
                while position < total:
                    if position % 50 == 0:
                        stop_if_asked()
                    item, done = _import_one(writes, entries[position], index, on_duplicate, checked[position])
                    checked[position] = None  # stored: no need to keep it (a file may hold 100,000 cards)
                    report.items.append(item)
                    if done is not None:
                        imported.append(done)
                    position += 1
                    if progress is not None and (position % step == 0 or position == total):
                        progress(position, total)
                    if writes.chunk_full():
                        break
            report.done = position
            if position < total:
                writes.let_others_write()
        stop_if_asked()
        report.relationships = _link_related(writes, imported, index, report)
    except BeautifulLettersError as error:
        if dry_run or report.done == 0:
            raise
        del report.items[report.done :]
        if isinstance(error, ImportCancelled):
            report.stopped = "cancelled"
            return report
        raise ImportStopped(
            _(
                "{reason} The first {done} of {total} were imported before it stopped; import {value} again to bring "
                "in the rest (what is already in is recognised and left as it is)."
            ).format(
                reason=error,
                done=words.count(report.done, _noun(format)),
                total=total,
                value=Path(file).name or "the file",
            ),
            report,
        ) from None
    if dry_run:
        for item in report.items:
            if item.person_id is not None and item.person_id < 0:
                item.person_id = None  # would be added: no id yet
    return report


def _noun(format: str) -> str:
    return "card" if format == "vcard" else "row"


def _refuse_what_no_archive_holds(
    archive: Archive, entries: list[Contact | Unreadable], file: str, format: str
) -> list[CheckedPerson | None]:
    """Every card through the archive's own gate before anything is written (the import lands in
    chunks, so a refusal found halfway would leave half the file in): a control character, an
    escape sequence, a bidirectional override or a value over its limit refuses the whole file,
    naming the card, its line and what is wrong.

    Returns each card as a new person would be stored (None for an entry that is no card), so
    a card added as a new person is not checked a second time."""
    checked: list[CheckedPerson | None] = [None] * len(entries)
    for position, entry in enumerate(entries):
        if not isinstance(entry, Contact) or not entry.display_name:
            continue  # reported per card, as before
        try:
            _validated_pronouns(entry)
            checked[position] = archive.people.check(**_new_fields(entry))
            for related in entry.related:
                validation.text(related.kind, "kind of relationship", max_length=200)
                validation.text(related.name, "related person's name")
        except RefusedValueError as error:
            reason = str(error)
            where = f"{_noun(format)} {entry.number} (line {entry.line})"
            raise ImportRefused(
                f"Nothing was imported from {Path(file).name}: in {where}, {reason[:1].lower()}{reason[1:]}"
            ) from None
    return checked


def _import_one(
    writes: ImportWrites,
    entry: Contact | Unreadable,
    index: PeopleIndex,
    on_duplicate: str,
    checked: CheckedPerson | None = None,
) -> tuple[ImportItem, _Imported | None]:
    if isinstance(entry, Unreadable):
        return ImportItem(entry.number, entry.line, entry.name, "skipped", f"cannot be read: {entry.reason}"), None
    contact = entry
    item = ImportItem(contact.number, contact.line, contact.display_name, "skipped", warnings=contact.warnings)
    if not contact.display_name:
        item.reason = "has no name (neither FN nor N), so it was not imported blank"
        return item, None
    _validated_pronouns(contact)
    values = card_values(contact)
    key = card_key(contact)
    print_ = fingerprint(values, key)
    names = card_names(contact)
    match = index.match(contact, key, print_)
    stored = {k: v for k, v in values.items() if k != "related"}  # linked entries are recorded later
    try:
        with writes.card():
            if match.person_id is None:
                person_id = writes.add_person(_new_fields(contact), checked)
                if contact.anniversary:
                    writes.add_anniversary(person_id, contact.anniversary)
                card = ImportedCard(person_id, key, print_, names, stored)
                writes.record_card(card)
                index.add_person(person_id, names, contact.emails, contact.phones)
                index.add_card(person_id, key, print_, names)
                item.action, item.person_id = "added", person_id
                if match.possible_duplicates:
                    item.possible_duplicates = match.possible_duplicates
                    item.reason = "; ".join(_duplicate_text(d) for d in match.possible_duplicates)
                return item, _Imported(contact, person_id, card)
            person_id = match.person_id
            item.person_id = person_id
            if on_duplicate == "skip":
                shown = writes.person(person_id).display_name
                item.reason = f"already in the archive as {shown} (id {person_id}; {match.why})"
                return item, None
            previous = writes.imported_card(person_id, key)
            if previous is not None and previous.fingerprint == print_:
                # The very card imported last time: it brings nothing new, whatever was edited since.
                item.action = "unchanged"
                item.reason = f"matched {index.shown.get(person_id, '')} (id {person_id}; {match.why})"
                return item, _Imported(contact, person_id, previous)
            existing = writes.person(person_id)
            last = previous.brought if previous is not None else None
            result = merge(existing, contact, last)
            if result.changes:
                writes.update_person(person_id, result.changes)
                index.add_person(person_id, [], result.changes.get("emails") or [], result.changes.get("phones") or [])
            dated = bool(result.anniversary) and result.anniversary not in writes.anniversaries(person_id)
            if dated and result.anniversary:
                writes.add_anniversary(person_id, result.anniversary)
            related = last.get("related") if last else None
            handled = list(related) if isinstance(related, list) else []
            card = ImportedCard(person_id, key, print_, names, {**stored, "related": handled} if handled else stored)
            if previous is None or previous.fingerprint != print_ or previous.brought != card.brought:
                writes.record_card(card)
                index.add_card(person_id, key, print_, names)
            item.action = "updated" if (result.changes or dated) else "unchanged"
            item.reason = f"matched {existing.display_name} (id {person_id}; {match.why})"
            if result.changes or dated:
                item.reason += "; changed " + ", ".join(sorted(result.changes) + (["anniversary"] if dated else []))
            item.warnings = [*item.warnings, *result.kept]
            return item, _Imported(contact, person_id, card)
    except ValidationError as error:
        item.action, item.person_id = "skipped", None
        item.reason = str(error)
        return item, None


def _duplicate_text(duplicate: PossibleDuplicate) -> str:
    where = (
        f"id {duplicate['person_id']}; " if duplicate["person_id"] is not None and duplicate["person_id"] > 0 else ""
    )
    return f"possible duplicate of {duplicate['name']} ({where}{duplicate['why']}): added as a new person, to review"


def _link_related(writes: ImportWrites, imported: list[_Imported], index: PeopleIndex, report: ImportReport) -> int:
    """RELATED entries become relationships where the other person is in the archive (or this file).

    Only entries new since the card's last import: a relationship the writer removed is not
    brought back by the same card. A relationship the archive already has is left as it is.
    Runs in chunks like the cards.
    """
    by_uid = {item.contact.uid: item.person_id for item in imported if item.contact.uid}
    items = {item.person_id: item for item in report.items if item.person_id is not None}
    linked = 0
    waiting = [entry for entry in imported if entry.contact.related]
    position = 0
    while position < len(waiting):
        with writes.chunk():
            while position < len(waiting):
                entry = waiting[position]
                position += 1
                linked += _link_card(writes, entry, by_uid, index, items.get(entry.person_id))
                if writes.chunk_full():
                    break
        if position < len(waiting):
            writes.let_others_write()
    return linked


def _link_card(
    writes: ImportWrites, entry: _Imported, by_uid: dict[str, int], index: PeopleIndex, item: ImportItem | None
) -> int:
    related = entry.card.brought.get("related")
    handled = [list(r) for r in related] if isinstance(related, list) else []
    before = {tuple(r) for r in handled}
    linked = 0
    for related in entry.contact.related:
        if (related.kind, related.name, related.uid) in before:
            continue
        if related.uid:
            other = by_uid.get(related.uid) or min(index.by_uid.get(f"uid:{related.uid}", {0}))
        else:
            other = index.first_by_name.get(" ".join((related.name or "").casefold().split()), 0)
        if not other or other == entry.person_id:
            continue
        try:
            with writes.card():
                if not writes.related(entry.person_id, other):
                    writes.relate(entry.person_id, other, related.kind)
                    linked += 1
                    if item is not None and item.action == "unchanged":
                        item.action = "updated"
                        item.reason = (item.reason or "") + "; added a relationship"
        except ValidationError as error:
            if item is not None:
                item.warnings.append(f"relationship not set: {error}")
            continue
        handled.append([related.kind, related.name, related.uid])
    if len(handled) > len(before):
        brought = {**entry.card.brought, "related": handled}
        writes.record_card(
            ImportedCard(entry.person_id, entry.card.card_key, entry.card.fingerprint, entry.card.names, brought)
        )
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
        raise NotContactsError(_("{path} holds no contacts; nothing was imported.").format(path=path))
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
