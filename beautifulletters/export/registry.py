"""The formats a letter can be exported in: one registry every export path reads (Datasette's
``register_output_renderer`` in small).

A format registers itself once with :func:`register_letter_format`: its name, what a file
dialog calls it, its file endings, how a finished file is checked, and how it is written. The
command line's ``--format`` choices, the window's file filters and the writers all come from
here, so a new format is one module (registered in ``beautifulletters/export/__init__.py``)
and one test.

Formats written from :class:`~beautifulletters.export.content.LetterContent` need no Qt and
carry their writer. Page formats (``page=True``: PDF, ODT) are drawn by the page engine in
``ui/printing``, which looks their writer up by name; the core only knows they exist.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from beautifulletters import fileio
from beautifulletters.errors import ValidationError
from beautifulletters.i18n import _

if TYPE_CHECKING:
    from beautifulletters.export.content import LetterContent


@dataclass(frozen=True)
class LetterFormat:
    name: str  # what --format takes: "pdf"
    label: str  # what a save dialog shows: "PDF"
    suffixes: tuple[str, ...]  # file endings, the usual one first: (".html", ".htm")
    verify: fileio.Verifier = fileio.verify_not_empty
    write: Callable[[LetterContent, Path], None] | None = None  # None for page formats
    page: bool = False  # drawn by the page engine (ui/printing), not from LetterContent

    @property
    def file_filter(self) -> str:
        """A Qt file-dialog filter: "Web page (*.html *.htm)"."""
        return f"{self.label} ({' '.join('*' + suffix for suffix in self.suffixes)})"


_FORMATS: dict[str, LetterFormat] = {}


def register_letter_format(fmt: LetterFormat) -> LetterFormat:
    """Make a format known to every export path (names are unique; the order is the menus' order)."""
    if fmt.name in _FORMATS:
        raise ValueError(f"the letter format {fmt.name!r} is registered twice")
    if fmt.write is None and not fmt.page:
        raise ValueError(f"the letter format {fmt.name!r} has no writer")
    _FORMATS[fmt.name] = fmt
    return fmt


def letter_formats() -> list[LetterFormat]:
    return list(_FORMATS.values())


def letter_format_names() -> list[str]:
    return list(_FORMATS)


def letter_format(name: str) -> LetterFormat:
    """The format called `name`, or a ValidationError that lists the formats there are."""
    try:
        return _FORMATS[name]
    except KeyError:
        raise ValidationError(
            "format",
            _("{name} is not a letter format; use {items}.").format(name=repr(name), items=", ".join(_FORMATS)),
        ) from None


def format_for_path(path: str | Path) -> LetterFormat | None:
    """The format a file name asks for by its ending (".htm" is HTML), or None."""
    suffix = Path(path).suffix.lower()
    return next((fmt for fmt in _FORMATS.values() if suffix in fmt.suffixes), None)


def write_letter_content(content: LetterContent, name: str, path: str | Path) -> Path:
    """Write a format that needs no page engine through the one output mechanism."""
    fmt = letter_format(name)
    if fmt.write is None:
        raise ValidationError(
            "format", _("{name} is drawn on the page; it cannot be written from the text alone.").format(name=name)
        )
    write = fmt.write
    return fileio.write_file(path, lambda temp: write(content, temp), verify=fmt.verify)
