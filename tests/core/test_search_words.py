"""People search through one document per person: every change keeps it exact."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from beautifulletters.archive import Archive, search_words


def _documents(archive: Archive) -> dict[int, str]:
    return dict(archive.db.conn.execute("SELECT person_id, words FROM person_words ORDER BY person_id"))


def _found(archive: Archive, text: str) -> list[int]:
    return archive.search.people_ids(search=text)


def test_people_are_found_by_name_nickname_pet_name_note_and_letter(empty_archive: Archive) -> None:
    archive = empty_archive
    me = archive.settings.default_signer_id()
    zoe = archive.people.add(display_name="Zoë Marchetti", nickname="Bean")
    other = archive.people.add(display_name="Hugo Laine")
    archive.relationships.set(me, other, kind="friend", pet_names=["Sparrow"], how_we_met="at the lighthouse")
    archive.notes.add(zoe, "loves yellow peonies", tag="preference")
    archive.letters.create(signer_id=me, recipient_id=other, body="The harbour was full of herons today.")

    assert _found(archive, "zoe") == [zoe]  # diacritics folded
    assert _found(archive, "bea") == [zoe]  # nickname, as a prefix while typing
    assert _found(archive, "sparr") == [other]  # what the signer calls them
    assert _found(archive, "lighthouse") == [other]  # how they met
    assert _found(archive, "peon") == [zoe]  # a note
    assert _found(archive, "heron") == [other]  # a letter's words
    assert _found(archive, "harbour herons") == [other]  # every word must match
    assert _found(archive, "harbour peonies") == []
    assert archive.search.people_ids(search="h", limit=1) == [other]


def test_edits_and_removals_take_words_away(empty_archive: Archive) -> None:
    archive = empty_archive
    me = archive.settings.default_signer_id()
    lena = archive.people.add(display_name="Lena MacLeod")
    letter = archive.letters.create(signer_id=me, recipient_id=lena, body="Kyoto in the rain.")
    note = archive.notes.add(lena, "the quokka photograph")
    assert _found(archive, "kyoto") == [lena]
    assert _found(archive, "quokka") == [lena]

    archive.letters.save_body(letter, "Lisbon in the sun.")
    archive.notes.update(note, text="the pelican photograph")
    assert _found(archive, "kyoto") == []
    assert _found(archive, "quokka") == []
    assert _found(archive, "lisbon pelican") == [lena]

    archive.people.update(lena, display_name="Lena Marsh")
    assert _found(archive, "macleod") == []
    archive.notes.remove(note)
    assert _found(archive, "pelican") == []
    archive.people.remove(lena, with_letters=True)
    assert _found(archive, "lisbon") == []
    assert lena not in _documents(archive)


def test_documents_always_equal_a_rebuild_from_scratch(archive: Archive) -> None:
    """After every kind of change (sample included), the kept documents match a full rebuild."""
    me = archive.settings.default_signer_id()
    ada = archive.people.add(display_name="Ada Person", nickname="Ace", notes="met on the ferry")
    archive.relationships.set(me, ada, kind="sister", pet_names=["Ace", "Duck"])
    letter = archive.letters.create(signer_id=me, recipient_id=ada, body="Cherries!", title="Summer")
    archive.letters.update(letter, title="Cherry summer")
    archive.people.remove_sample()
    kept = _documents(archive)
    assert set(kept) == {row[0] for row in archive.db.conn.execute("SELECT id FROM people")}
    with archive.transaction() as db:
        search_words.rebuild(db.conn)
    assert _documents(archive) == kept
    assert archive.check()["ok"], archive.check()["problems"]


def test_an_archive_from_before_person_words_is_filled_on_upgrade(tmp_path: Path) -> None:
    from sqlite_utils import Database

    from beautifulletters.archive.schema import migrations

    path = tmp_path / "old.sqlite3"
    db = Database(sqlite3.connect(str(path)))
    migrations.apply(db, stop_before="m005_person_words")
    db.execute("INSERT INTO settings (key, value) VALUES ('seeded', 'yes')")
    db.execute("INSERT INTO people (id, display_name, created_at, updated_at) VALUES (7, 'Nell Quinn', 'x', 'x')")
    db.execute(
        "INSERT INTO letters (signer_id, recipient_id, body, body_text, created_at)"
        " VALUES (7, 7, 'Tulips', 'Tulips everywhere', 'x')"
    )
    db.conn.commit()
    db.close()
    with Archive.open(path) as archive:
        assert archive.search.people_ids(search="tulip") == [7]
        assert archive.search.people_ids(search="nell") == [7]


def test_long_words_typed_find_exactly_what_a_prefix_search_finds(empty_archive: Archive) -> None:
    """Words longer than the longest prefix index are searched as the indexed words they start
    (faster); the people found must be exactly those the plain prefix query finds."""
    from beautifulletters.archive.search import fts_query

    archive = empty_archive
    notes = [
        "the lighthouse keeper",
        "lighthouses of Maine",
        "lightning over the bay",
        "a naïveté we loved",
        "the mantelpiece postcard",
        "MANTELPIECE clock",
        "postcards from Lisbon",
        *(f"word zzzzzzzq{index:02d}" for index in range(40)),
    ]  # more words than are listed one by one
    for index, text in enumerate(notes):
        person = archive.people.add(display_name=f"Person {index}")
        archive.notes.add(person, text, tag="memory")
    conn = archive.db.conn

    def plain(query: str) -> list[int]:
        return sorted(row[0] for row in conn.execute(search_words.MATCHING_PEOPLE, [fts_query(query)]))

    for query in (
        "lighthous",
        "lighthouse",
        "lighthouses",
        "lightnin",
        "naïvet",
        "naivete",
        "mantelpiec",
        "Mantelpiece postcar",
        "postcards",
        "zzzzzzzq",
        "zzzzzzzq07",
        "nothingstartsso",
        "lightho keeper",
    ):
        assert sorted(archive.search.people_ids(search=query)) == plain(query), query
    assert search_words.terms_starting(conn, "zzzzzzzq") is None  # too many: the plain prefix query
    assert search_words.terms_starting(conn, "lighthous") == ["lighthouse", "lighthouses"]
    assert archive.search.people_ids(search="lighthous") and archive.search.people_ids(search="nothingstartsso") == []


def test_changes_written_with_plain_sql_inside_a_transaction_reach_the_search(archive: Archive) -> None:
    # The upkeep lives in one place (the transaction), not at each call site.
    loretta = archive.search.people_ids(search="lolly")[0]
    with archive.transaction() as db:
        db.execute(
            "INSERT INTO notes (person_id, text, tag, created_at, updated_at)"
            " VALUES (?, 'marmalade', 'memory', '', '')",
            (loretta,),
        )
    assert archive.search.people_ids(search="marmalade") == [loretta]
    with archive.transaction() as db:
        db.execute("DELETE FROM notes WHERE text = 'marmalade'")
    assert archive.search.people_ids(search="marmalade") == []
