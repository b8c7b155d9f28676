"""Getting letters out of the app without Qt: text formats, envelope data and batch planning.

Importing this package registers every letter format (formats.py); a new format is a module
that calls `register_letter_format`, imported here.
"""

from beautifulletters.export import formats  # noqa: F401 - registers the letter formats
from beautifulletters.export.content import LetterContent, letter_content
from beautifulletters.export.formats import export_text_format
from beautifulletters.export.registry import (
    LetterFormat,
    format_for_path,
    letter_format,
    letter_format_names,
    letter_formats,
    register_letter_format,
)

__all__ = [
    "LetterContent",
    "LetterFormat",
    "export_text_format",
    "format_for_path",
    "letter_content",
    "letter_format",
    "letter_format_names",
    "letter_formats",
    "register_letter_format",
]
