"""Finding things: people as someone types (one search document per person) and letters by their words."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from beautifulletters.archive import search_words
from beautifulletters.archive.connection import ArchiveDb
from beautifulletters.archive.letters import LETTER_SUMMARY
from beautifulletters.archive.people import PeopleManager
from beautifulletters.errors import ValidationError
from beautifulletters.i18n import _
from beautifulletters.records import LetterSummary, Person


def fts_query(search: str, terms_starting: Callable[[str], list[str] | None] | None = None) -> str:
    """Turn what someone typed into an FTS5 prefix query, every word quoted so it is only data.

    With `terms_starting` (see `search_words.terms_starting`), a word longer than the longest
    prefix index becomes the indexed words it can stand for, which FTS5 finds much faster.
    """
    parts = []
    for word in re.findall(r"\w+", search, flags=re.UNICODE):
        part = '"' + word.replace('"', '""') + '"*'
        if terms_starting is not None and len(word) > search_words.LONGEST_PREFIX_INDEX:
            terms = terms_starting(word.lower())
            if terms is not None:
                # No indexed word starts so: the word itself, which matches no one.
                part = "(" + " OR ".join(f'"{term}"' for term in terms or [word.lower()]) + ")"
        parts.append(part)
    return " AND ".join(parts)  # FTS5 takes a bracketed group next to a phrase only with an explicit AND


class SearchManager:
    """``archive.search``: which people and letters match what someone typed."""

    def __init__(self, db: ArchiveDb, people: PeopleManager) -> None:
        self._db = db
        self._people = people

    def people_filter(self, search: str | None, tag: str | None) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if search and (query := fts_query(search, lambda prefix: search_words.terms_starting(self._db.conn, prefix))):
            # Names, nicknames, pet names, notes and letter text: one document per person.
            clauses.append(f"people.id IN ({search_words.MATCHING_PEOPLE})")
            params.append(query)
        elif search:
            clauses.append("0")  # only punctuation typed: nothing can match
        if tag:
            clauses.append("people.id IN (SELECT person_id FROM person_tags WHERE tag = ?)")
            params.append(tag.strip().lower())
        where = " WHERE " + " AND ".join(clauses) if clauses else ""
        return where, params

    def people_ids(
        self,
        *,
        search: str | None = None,
        tag: str | None = None,
        sort: str = "name",
        limit: int | None = None,
        offset: int = 0,
    ) -> list[int]:
        """Ids of matching people in display order: cheap enough for 100,000 people."""
        where, params = self.people_filter(search, tag)
        order = {
            "name": "display_name COLLATE NOCASE, id",
            "last_letter": "last_letter_at IS NULL, last_letter_at DESC, id",
        }.get(sort)
        if order is None:
            raise ValidationError(
                "sort", _("{sort} is not a sort order; use name or last_letter.").format(sort=repr(sort))
            )
        # Walk the names in order and keep those the search matched: the first page is found
        # after a few hundred names even when most of 100,000 people match (a short prefix),
        # where the planner's own choice looked up and sorted every match (20-30 ms).
        source = "people INDEXED BY idx_people_name" if sort == "name" and where else "people"
        sql = f"SELECT id FROM {source}{where} ORDER BY {order}"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params = [*params, limit, offset]
        return [row[0] for row in self._db.conn.execute(sql, params)]

    def count_people(self, *, search: str | None = None, tag: str | None = None) -> int:
        where, params = self.people_filter(search, tag)
        return self._db.conn.execute(f"SELECT count(*) FROM people{where}", params).fetchone()[0]

    def people(self, *, search: str | None = None, tag: str | None = None, sort: str = "name") -> list[Person]:
        ids = self.people_ids(search=search, tag=tag, sort=sort)
        return [self._people.get(i) for i in ids]

    def letters(self, query: str, *, limit: int = 200) -> list[LetterSummary]:
        fts = fts_query(query)
        if not fts:
            return []
        rows = self._db.query(
            f"{LETTER_SUMMARY} JOIN (SELECT rowid, rank FROM letters_fts WHERE letters_fts MATCH ?"
            f" ORDER BY rank LIMIT ?) hits ON hits.rowid = l.id ORDER BY hits.rank",
            (fts, limit),
        )
        return [LetterSummary.from_row(row) for row in rows]
