"""The archive's managers, one per concern, built over one connection (the Anki way).

``Archive`` (database.py) adds opening, locking and health to these; code that only needs
the managers (the sample seeding, for one) takes an ``ArchiveManagers``.
"""

from __future__ import annotations

from beautifulletters.archive.connection import ArchiveDb
from beautifulletters.archive.dates import DatesManager
from beautifulletters.archive.imported import ImportedCardsManager
from beautifulletters.archive.letters import LettersManager
from beautifulletters.archive.notes import NotesManager
from beautifulletters.archive.people import PeopleManager
from beautifulletters.archive.relationships import RelationshipsManager
from beautifulletters.archive.search import SearchManager
from beautifulletters.archive.settings import SettingsManager


class ArchiveManagers:
    """``settings``, ``people``, ``relationships``, ``notes``, ``dates``, ``letters``, ``search`` and ``imported``."""

    def __init__(self, db: ArchiveDb) -> None:
        self.db = db
        self.settings = SettingsManager(db)
        self.people = PeopleManager(db, self.settings)
        self.relationships = RelationshipsManager(db, self.people)
        self.notes = NotesManager(db, self.people, self.relationships, self.settings)
        self.dates = DatesManager(db, self.people, self.relationships)
        self.letters = LettersManager(db, self.people)
        self.search = SearchManager(db, self.people)
        self.imported = ImportedCardsManager(db)
