"""Getting letters out of the app without Qt: text formats, envelope data and batch planning."""

from beautifulletters.export.content import LetterContent, letter_content
from beautifulletters.export.formats import ALL_FORMATS, export_text_format

__all__ = ["ALL_FORMATS", "LetterContent", "export_text_format", "letter_content"]
