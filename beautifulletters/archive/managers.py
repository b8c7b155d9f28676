"""The archive's managers, one per concern, built over one connection (the Anki way).

``Archive`` (database.py) adds opening, locking and health to these; code that only needs
the managers (the sample seeding, for one) takes an ``ArchiveManagers``.
"""

from __future__ import annotations

from typing import Any

from beautifulletters.archive.connection import ArchiveDb
from beautifulletters.archive.dates import DatesManager
from beautifulletters.archive.letters import LettersManager
from beautifulletters.archive.notes import NotesManager
from beautifulletters.archive.people import PeopleManager
from beautifulletters.archive.relationships import RelationshipsManager
from beautifulletters.archive.search import SearchManager
from beautifulletters.archive.settings import SettingsManager


class ArchiveManagers:
    """``settings``, ``people``, ``relationships``, ``notes``, ``dates``, ``letters`` and ``search``."""

    def __init__(self, db: ArchiveDb) -> None:
        self.db = db
        self.settings = SettingsManager(db)
        self.people = PeopleManager(db, self.settings)
        self.relationships = RelationshipsManager(db, self.people)
        self.notes = NotesManager(db, self.people, self.relationships, self.settings)
        self.dates = DatesManager(db, self.people, self.relationships)
        self.letters = LettersManager(db, self.people)
        self.search = SearchManager(db, self.people)

    # The archive's API before the managers, kept only until every caller uses the managers.
    @staticmethod
    def person_json(record: Any) -> Any:
        return PeopleManager.person_json(record)

    def get_setting(self, *args: Any, **kwargs: Any) -> Any:
        return self.settings.get(*args, **kwargs)

    def set_setting(self, *args: Any, **kwargs: Any) -> Any:
        return self.settings.set(*args, **kwargs)

    def default_signer_id(self, *args: Any, **kwargs: Any) -> Any:
        return self.settings.default_signer_id(*args, **kwargs)

    def set_default_signer(self, *args: Any, **kwargs: Any) -> Any:
        return self.settings.set_default_signer(*args, **kwargs)

    def add_person(self, *args: Any, **kwargs: Any) -> Any:
        return self.people.add(*args, **kwargs)

    def update_person(self, *args: Any, **kwargs: Any) -> Any:
        return self.people.update(*args, **kwargs)

    def name_texts(self, *args: Any, **kwargs: Any) -> Any:
        return self.people.name_texts(*args, **kwargs)

    def names_stamp(self, *args: Any, **kwargs: Any) -> Any:
        return self.people.names_stamp(*args, **kwargs)

    def letter_count(self, *args: Any, **kwargs: Any) -> Any:
        return self.people.letter_count(*args, **kwargs)

    def remove_person(self, *args: Any, **kwargs: Any) -> Any:
        return self.people.remove(*args, **kwargs)

    def get_person(self, *args: Any, **kwargs: Any) -> Any:
        return self.people.get(*args, **kwargs)

    def people_rows(self, *args: Any, **kwargs: Any) -> Any:
        return self.people.rows(*args, **kwargs)

    def all_tags(self, *args: Any, **kwargs: Any) -> Any:
        return self.people.all_tags(*args, **kwargs)

    def match_keys(self, *args: Any, **kwargs: Any) -> Any:
        return self.people.match_keys(*args, **kwargs)

    def has_sample(self, *args: Any, **kwargs: Any) -> Any:
        return self.people.has_sample(*args, **kwargs)

    def remove_sample(self, *args: Any, **kwargs: Any) -> Any:
        return self.people.remove_sample(*args, **kwargs)

    def person_ids(self, *args: Any, **kwargs: Any) -> Any:
        return self.search.people_ids(*args, **kwargs)

    def count_people(self, *args: Any, **kwargs: Any) -> Any:
        return self.search.count_people(*args, **kwargs)

    def list_people(self, *args: Any, **kwargs: Any) -> Any:
        return self.search.people(*args, **kwargs)

    def search_letters(self, *args: Any, **kwargs: Any) -> Any:
        return self.search.letters(*args, **kwargs)

    def set_relationship(self, *args: Any, **kwargs: Any) -> Any:
        return self.relationships.set(*args, **kwargs)

    def get_relationship(self, *args: Any, **kwargs: Any) -> Any:
        return self.relationships.get(*args, **kwargs)

    def relationships_of(self, *args: Any, **kwargs: Any) -> Any:
        return self.relationships.for_person(*args, **kwargs)

    def add_note(self, *args: Any, **kwargs: Any) -> Any:
        return self.notes.add(*args, **kwargs)

    def update_note(self, *args: Any, **kwargs: Any) -> Any:
        return self.notes.update(*args, **kwargs)

    def remove_note(self, *args: Any, **kwargs: Any) -> Any:
        return self.notes.remove(*args, **kwargs)

    def get_note(self, *args: Any, **kwargs: Any) -> Any:
        return self.notes.get(*args, **kwargs)

    def notes_for(self, *args: Any, **kwargs: Any) -> Any:
        return self.notes.for_person(*args, **kwargs)

    def add_date(self, *args: Any, **kwargs: Any) -> Any:
        return self.dates.add(*args, **kwargs)

    def dates_for(self, *args: Any, **kwargs: Any) -> Any:
        return self.dates.for_person(*args, **kwargs)

    def remove_date(self, *args: Any, **kwargs: Any) -> Any:
        return self.dates.remove(*args, **kwargs)

    def upcoming(self, *args: Any, **kwargs: Any) -> Any:
        return self.dates.upcoming(*args, **kwargs)

    def create_letter(self, *args: Any, **kwargs: Any) -> Any:
        return self.letters.create(*args, **kwargs)

    def save_letter_body(self, *args: Any, **kwargs: Any) -> Any:
        return self.letters.save_body(*args, **kwargs)

    def update_letter(self, *args: Any, **kwargs: Any) -> Any:
        return self.letters.update(*args, **kwargs)

    def get_letter(self, *args: Any, **kwargs: Any) -> Any:
        return self.letters.get(*args, **kwargs)

    def list_letters(self, *args: Any, **kwargs: Any) -> Any:
        return self.letters.all(*args, **kwargs)

    def earlier_letter_texts(self, *args: Any, **kwargs: Any) -> Any:
        return self.letters.earlier_texts(*args, **kwargs)

    def revisions(self, *args: Any, **kwargs: Any) -> Any:
        return self.letters.revisions(*args, **kwargs)

    def restore_revision(self, *args: Any, **kwargs: Any) -> Any:
        return self.letters.restore_revision(*args, **kwargs)
