"""Every size limit on what comes in, in one place (docs/limits.md lists them for people).

A value or file over its limit is refused before it is stored or read whole, with one sentence
that names the limit. The numbers are far above anything a letter writer keeps: they exist so
that a hostile or broken input (a 1 GB vCard line, /dev/zero, a 12 MB note) is refused at once
instead of taking minutes, gigabytes, or the archive.
"""

from __future__ import annotations

KIB = 1024
MIB = 1024 * KIB
GIB = 1024 * MIB

# ------------------------------------------------------------------ text fields (characters)
LINE_CHARS = 1_000  # one-line text: names, nicknames, emails, phones, titles, pet names, tone
NOTE_CHARS = 100_000  # text of several lines: notes, memories, addresses, how you met (about 50 pages)
BODY_CHARS = 1_000_000  # a letter's body (about 500 pages)
LIST_ITEMS = 100  # entries in one of a person's lists: emails, phones, addresses, tags, pet names

# A note is read for a letter (who it is about, its mood, how it reads after "I remember") only
# up to this length: reading is not linear in the note's length, and a longer note is not a
# phrase for a letter anyway. Longer notes are kept whole and left out of drafts, saying why.
NOTE_READ_CHARS = 2_000

# ------------------------------------------------------------------ numbers
MAX_ID = 2**63 - 1  # SQLite's largest integer: no record can have a larger id
UPCOMING_DAYS = 3_660  # how far ahead `upcoming` looks at most (about ten years)

# ------------------------------------------------------------------ files given to the program (bytes)
PHOTO_BYTES = 10 * MIB  # --photo, the person dialog's photo, a signature image, a photo inside a card
PHOTO_PIXELS = 50_000_000  # width x height of a photo (a small file can unpack to gigabytes)
CONTACT_FILE_BYTES = 256 * MIB  # a .vcf or .csv given to import
CONTACT_VALUE_CHARS = 16 * MIB  # one property of a card, unfolded (a 10 MB photo is 13.4 MB in base64)
ARCHIVE_EXPORT_BYTES = 1 * GIB  # a whole-archive JSON export given to import
TEMPLATE_BYTES = 256 * KIB  # a template file (--template FILE, the user's template folder)
SPELL_TEXT_BYTES = 20 * MIB  # a text file given to `spell`
BACKUP_BYTES: int | None = None  # a backup to restore: read by SQLite page by page, so no limit


def size_text(size: int) -> str:
    """'12 MB', '256 KB', '1 GB': how a limit or a file's size is said in a message."""
    for unit, name in ((GIB, "GB"), (MIB, "MB"), (KIB, "KB")):
        if size >= unit:
            value = size / unit
            return f"{value:.0f} {name}" if value >= 10 or value == int(value) else f"{value:.1f} {name}"
    return f"{size} bytes"
