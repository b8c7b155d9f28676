"""Everything out, in one folder a person can open: the archive as JSON, people as vCards, the
occasions as a calendar, and every letter as a file named by its date and its recipient.

The folder is named by the day ("BeautifulLetters 2026-12-02", "... (2)" when that exists), so
an export never overwrites an earlier one. Letters are written here as plain text; the window
writes them as PDF instead through its page engine (ui.printing), into `letters_folder`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from beautifulletters.errors import ValidationError
from beautifulletters.export.batch import safe_file_name
from beautifulletters.export.content import letter_content
from beautifulletters.export.formats import export_text_format
from beautifulletters.i18n import _
from beautifulletters.transfer.exporter import export_calendar, export_json, export_vcard

if TYPE_CHECKING:
    from collections.abc import Callable

    from beautifulletters.archive import Archive

JSON_NAME = "everything.json"
VCARD_NAME = "people.vcf"
CALENDAR_NAME = "occasions.ics"
LETTERS_FOLDER = "letters"


@dataclass
class EverythingExport:
    folder: Path
    counts: dict[str, int] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)

    @property
    def letters_folder(self) -> Path:
        return self.folder / LETTERS_FOLDER


def new_export_folder(parent: Path, today: dt.date | None = None) -> Path:
    """A folder that does not exist yet, named by the day, inside `parent`."""
    parent = Path(parent)
    if not parent.is_dir():
        raise ValidationError("folder", _("{parent} is not a folder.").format(parent=parent))
    base = f"BeautifulLetters {(today or dt.date.today()).isoformat()}"
    candidate, number = parent / base, 2
    while candidate.exists():
        candidate = parent / f"{base} ({number})"
        number += 1
    return candidate


def letter_file_stem(created_at: str, recipient: str, title: str | None) -> str:
    """'2026-03-28 Loretta Mercer - Birthday letter': the date first, so a folder sorts by time."""
    stem = f"{created_at[:10]} {recipient}"
    return f"{stem} - {title}" if title else stem


def export_everything(
    archive: Archive,
    parent: Path,
    *,
    letters_as_text: bool = True,
    today: dt.date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> EverythingExport:
    """Write everything into a new dated folder inside `parent`; letters as text unless told not to."""
    folder = new_export_folder(parent, today)
    try:
        folder.mkdir()
    except OSError as error:
        raise ValidationError(
            "folder", _("cannot create {folder} ({reason}).").format(folder=folder, reason=error.strerror)
        ) from None
    result = EverythingExport(folder)
    counts = export_json(archive, folder / JSON_NAME)
    result.counts.update(counts)
    result.files.append(folder / JSON_NAME)
    export_vcard(archive, folder / VCARD_NAME)
    result.files.append(folder / VCARD_NAME)
    result.counts["events"] = export_calendar(archive, folder / CALENDAR_NAME)
    result.files.append(folder / CALENDAR_NAME)
    if letters_as_text:
        letters = sorted(archive.letters.all(), key=lambda letter: (letter.created_at, letter.id))
        result.letters_folder.mkdir()
        used: set[str] = set()
        for number, letter in enumerate(letters, 1):
            stem = letter_file_stem(letter.created_at, letter.recipient_name, letter.title)
            path = result.letters_folder / safe_file_name(stem, used, suffix=".txt")
            export_text_format(letter_content(archive, letter.id), "txt", path)
            result.files.append(path)
            if progress is not None:
                progress(number, len(letters))
    return result
