"""Reading contact files as text: a size limit, encoding sniffing, refusing non-text.

Control characters are not quietly dropped from what a file says: a name with an escape
sequence in it is refused, with the rest of the file, by the same checks as a name typed in
(beautifulletters.validation), and the message says which card and line holds it.
"""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

from beautifulletters import limits, userfiles
from beautifulletters.errors import BeautifulLettersError
from beautifulletters.i18n import N_, _


class NotContactsError(BeautifulLettersError):
    """The file is not a contact list at all (empty, binary, a PDF...); nothing was imported."""


# Signatures of files people drop by mistake; naming the kind makes the message useful.
_FOREIGN_SIGNATURES = (
    (b"%PDF", N_("a PDF document")),
    (b"PK\x03\x04", N_("a ZIP archive or office document")),
    (b"\x89PNG", N_("a PNG image")),
    (b"\xff\xd8\xff", N_("a JPEG image")),
    (b"GIF8", N_("a GIF image")),
    (b"SQLite format 3\x00", N_("an SQLite database")),
    (b"\x7fELF", N_("a program")),
    (b"\xd0\xcf\x11\xe0", N_("an old Microsoft Office document")),
)


def clean_value(value: str | None) -> str | None:
    """A single imported value: line breaks made \\n, outer blanks trimmed, every character kept."""
    if value is None:
        return None
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value.strip() or None


def _looks_utf16(data: bytes) -> str | None:
    """UTF-16 without a byte-order mark: ASCII-heavy text has a zero in every other byte."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_zeros = sample[0::2].count(0)
    odd_zeros = sample[1::2].count(0)
    half = len(sample) / 2
    if odd_zeros > 0.3 * half and even_zeros < 0.05 * half:
        return "utf-16-le"
    if even_zeros > 0.3 * half and odd_zeros < 0.05 * half:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes, source: str) -> tuple[str, str]:
    """Decode a contact file's bytes; returns (text, encoding name).

    UTF-8 with or without a byte-order mark, UTF-16 (mark or not), else Windows-1252, which
    decodes any byte: old Outlook and Excel exports use it.
    """
    if not data.strip(b" \t\r\n\x00"):
        raise NotContactsError(_("{source} is empty; there are no contacts to import.").format(source=source))
    for signature, kind in _FOREIGN_SIGNATURES:
        if data.startswith(signature):
            raise NotContactsError(
                _("{source} is {kind}, not a contact list (.vcf or .csv); nothing was imported.").format(
                    source=source, kind=_(kind)
                )
            )
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    guessed = _looks_utf16(data)
    if guessed:
        return data.decode(guessed, errors="replace"), guessed
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # The five bytes Windows-1252 leaves undefined carry no letter; dropping them loses nothing.
    return data.decode("cp1252", errors="ignore"), "cp1252"


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    if not sample:
        return False
    controls = sum(1 for ch in sample if ch == "\x00" or (unicodedata.category(ch) == "Cc" and ch not in "\t\r\n"))
    replacements = sample.count("\ufffd")
    return (controls + replacements) / len(sample) > 0.05


def read_contact_text(path: Path) -> tuple[str, str]:
    """The cleaned text of a contact file and its encoding; refuses empty and binary files."""
    try:
        data = userfiles.read_limited(path, field="file", what="a contact list", limit=limits.CONTACT_FILE_BYTES)
    except userfiles.FileRefused as error:
        raise NotContactsError(str(error)) from None
    text, encoding = decode_bytes(data, str(path))
    if _looks_binary(text):
        raise NotContactsError(
            _("{path} is not a text file (it looks binary), so it holds no contacts; nothing was imported.").format(
                path=path
            )
        )
    return text, encoding
