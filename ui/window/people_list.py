"""The people list: search as you type, a tag, an order, the list itself and its count."""

from __future__ import annotations

from dataclasses import dataclass

from beautifulletters.archive import Archive


@dataclass(frozen=True)
class _PeopleQuery:
    """What the people list shows: a search, a tag and an order; `limit` for just the first page."""

    search: str | None
    tag: str | None
    sort: str
    limit: int | None


def _search_ids(reader: Archive, query: _PeopleQuery) -> list[int]:
    """Runs on a worker thread, on the window's own read-only connection for searches.

    LatestOnly runs one search at a time, so the connection is never used by two threads at once.
    """
    return reader.person_ids(search=query.search, tag=query.tag, sort=query.sort, limit=query.limit)
