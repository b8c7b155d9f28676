"""The letter archive: one SQLite file holding people, relationships, notes, dates and letters."""

from beautifulletters.archive.store import LETTER_STATUSES, PERSON_FIELDS, Archive

__all__ = ["Archive", "LETTER_STATUSES", "PERSON_FIELDS"]
