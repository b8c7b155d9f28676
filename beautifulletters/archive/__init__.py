"""The letter archive: one SQLite file holding people, relationships, notes, dates and letters."""

from beautifulletters.archive.database import Archive
from beautifulletters.archive.letters import LETTER_STATUSES
from beautifulletters.archive.people import PERSON_FIELDS

__all__ = ["Archive", "LETTER_STATUSES", "PERSON_FIELDS"]
