"""Versioned schema steps for the archive, applied in order by sqlite-utils' Migrations.

Never edit a step that has shipped: add a new one, and name it in identity.SCHEMA_STEPS
(opening an archive compares that list with the file's record, without sqlite-utils).
tests/core/test_migrations.py applies them one by one from the first schema onward.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from beautifulletters.archive.identity import APPLICATION_ID, MIGRATION_SET

migrations = Migrations(MIGRATION_SET)


@migrations()
def m001_initial(db: Database) -> None:
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.table("settings").create({"key": str, "value": str}, pk="key")
    db.table("people").create(
        {
            "id": int,
            "display_name": str,
            "full_name": str,
            "nickname": str,
            "pronouns": str,
            "birthday": str,
            "addresses": str,  # JSON list of postal addresses, each free text with line breaks
            "emails": str,  # JSON list
            "phones": str,  # JSON list
            "language": str,
            "photo": bytes,
            "notes": str,
            "pronunciation": str,
            "is_self": int,
            "is_sample": int,
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        not_null={"display_name", "created_at", "updated_at"},
        defaults={"is_self": 0, "is_sample": 0, "addresses": "[]", "emails": "[]", "phones": "[]"},
    )
    db.table("person_tags").create(
        {"person_id": int, "tag": str},
        pk=("person_id", "tag"),
        foreign_keys=[("person_id", "people", "id")],
    )
    db.table("relationships").create(
        {
            "id": int,
            "from_id": int,
            "to_id": int,
            "kind": str,
            "since": str,
            "how_we_met": str,
            "pet_names": str,  # JSON list
            "tone": str,
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        not_null={"from_id", "to_id", "kind"},
        defaults={"pet_names": "[]"},
        foreign_keys=[("from_id", "people", "id"), ("to_id", "people", "id")],
    )
    db.table("notes").create(
        {
            "id": int,
            "person_id": int,
            "relationship_id": int,
            "text": str,
            "tag": str,
            "noted_on": str,
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        not_null={"person_id", "text", "tag"},
        foreign_keys=[("person_id", "people", "id"), ("relationship_id", "relationships", "id")],
    )
    db.table("important_dates").create(
        {
            "id": int,
            "person_id": int,
            "relationship_id": int,
            "kind": str,
            "date": str,
            "label": str,
            "yearly": int,
            "created_at": str,
        },
        pk="id",
        not_null={"person_id", "kind", "date"},
        defaults={"yearly": 1},
        foreign_keys=[("person_id", "people", "id"), ("relationship_id", "relationships", "id")],
    )
    db.table("letters").create(
        {
            "id": int,
            "signer_id": int,
            "recipient_id": int,
            "occasion": str,
            "occasion_date": str,
            "template": str,
            "title": str,
            "body": str,
            "body_format": str,
            "body_text": str,
            "language": str,
            "style": str,  # JSON: font, stationery, page size, ink
            "status": str,
            "sent_on": str,
            "is_sample": int,
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        not_null={"signer_id", "recipient_id", "body", "body_format", "status", "created_at"},
        defaults={"status": "draft", "body_format": "text", "is_sample": 0, "style": "{}"},
        foreign_keys=[("signer_id", "people", "id"), ("recipient_id", "people", "id")],
    )
    db.table("revisions").create(
        {
            "id": int,
            "letter_id": int,
            "body": str,
            "body_format": str,
            "body_text": str,
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        not_null={"letter_id", "body", "created_at"},
        foreign_keys=[("letter_id", "letters", "id")],
    )


@migrations()
def m002_indexes(db: Database) -> None:
    db.execute("CREATE INDEX idx_people_name ON people (display_name COLLATE NOCASE, id)")
    db.execute("CREATE INDEX idx_person_tags_tag ON person_tags (tag, person_id)")
    db.execute("CREATE UNIQUE INDEX idx_relationships_pair ON relationships (from_id, to_id)")
    db.execute("CREATE INDEX idx_relationships_to ON relationships (to_id)")
    db.execute("CREATE INDEX idx_notes_person ON notes (person_id)")
    db.execute("CREATE INDEX idx_dates_person ON important_dates (person_id)")
    db.execute("CREATE INDEX idx_letters_recipient ON letters (recipient_id, created_at)")
    db.execute("CREATE INDEX idx_letters_signer ON letters (signer_id, recipient_id)")
    db.execute("CREATE INDEX idx_revisions_letter ON revisions (letter_id, id)")


@migrations()
def m003_full_text_search(db: Database) -> None:
    # unicode61 with diacritics folded: "Zoe" finds "Zoë"; triggers keep the index in step.
    tokenize = "unicode61 remove_diacritics 2"
    db.table("people").enable_fts(
        ["display_name", "full_name", "nickname", "notes"], create_triggers=True, tokenize=tokenize
    )
    db.table("notes").enable_fts(["text"], create_triggers=True, tokenize=tokenize)
    db.table("letters").enable_fts(["title", "body_text"], create_triggers=True, tokenize=tokenize)


@migrations()
def m004_last_letter(db: Database) -> None:
    # Denormalised so "sort by last letter" needs no aggregate over a million letters.
    db.table("people").add_column("last_letter_at", str)
    db.execute(
        "UPDATE people SET last_letter_at = "
        "(SELECT max(created_at) FROM letters WHERE letters.recipient_id = people.id)"
    )
    db.execute("CREATE INDEX idx_people_last_letter ON people (last_letter_at)")


@migrations()
def m005_person_words(db: Database) -> None:
    # One search document per person (see search_words.py): people search without a join
    # through a million letters. Filled here once for an existing archive.
    from beautifulletters.archive import search_words

    for statement in _statements(search_words.SCHEMA):
        db.execute(statement)
    search_words.rebuild(db.conn)


def _statements(script: str) -> list[str]:
    """Split a script of CREATE statements (triggers included) for execution one by one.

    executescript() would commit the migration's transaction, so each statement runs alone.
    """
    import sqlite3

    statements, current = [], ""
    for line in script.strip().splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    return statements


@migrations()
def m006_sample_indexes(db: Database) -> None:
    # "Is the sample still here?" is asked whenever an archive is shown; without these it read
    # every person and every letter (a second or more with a million letters).
    db.execute("CREATE INDEX idx_people_sample ON people (id) WHERE is_sample = 1")
    db.execute("CREATE INDEX idx_letters_sample ON letters (id) WHERE is_sample = 1")


# Which rows go with a removed row: a person takes their tags, relationships, notes, dates and
# letters along; a letter its revisions; a relationship leaves its notes and dates, about no one.
_ON_DELETE = {
    "person_tags": {"people": "CASCADE"},
    "relationships": {"people": "CASCADE"},
    "notes": {"people": "CASCADE", "relationships": "SET NULL"},
    "important_dates": {"people": "CASCADE", "relationships": "SET NULL"},
    "letters": {"people": "CASCADE"},
    "revisions": {"letters": "CASCADE"},
}


@migrations()
def m007_cascading_deletes(db: Database) -> None:
    # Removing a person or a letter took every dependent row by hand in the store; the foreign
    # keys now say it. SQLite cannot add an ON DELETE action to a column, so each table is
    # rebuilt as its documentation describes (new table, copy, drop, rename; indexes and
    # triggers made again), with foreign keys off (the archive's opening turns them off for
    # schema steps), so dropping the old table takes nothing else with it.
    import re

    if db.execute("PRAGMA foreign_keys").fetchone()[0]:
        raise RuntimeError("m007 rebuilds tables and needs foreign keys off while it runs")
    for table, actions in _ON_DELETE.items():
        create = db.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).fetchone()[0]
        for parent, action in actions.items():
            create, count = re.subn(rf'(REFERENCES "{parent}"\("id"\))', rf"\1 ON DELETE {action}", create)
            if not count:
                raise RuntimeError(f"m007 found no reference from {table} to {parent}")
        others = [
            row[0]
            for row in db.execute(
                "SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL",
                (table,),
            )
        ]
        rebuilt = f"{table}_m007"
        db.execute(create.replace(f'CREATE TABLE "{table}"', f'CREATE TABLE "{rebuilt}"', 1))
        db.execute(f'INSERT INTO "{rebuilt}" SELECT * FROM "{table}"')
        db.execute(f'DROP TABLE "{table}"')
        db.execute(f'ALTER TABLE "{rebuilt}" RENAME TO "{table}"')
        for statement in others:
            db.execute(statement)


@migrations()
def m009_structured_addresses(db: Database) -> None:
    # Addresses in parts (street, city, region, postcode, country) beside the text the window
    # shows; existing addresses are read as well as can be, the rest kept as street lines.
    import json

    from beautifulletters.addresses import parse_address

    db.table("people").add_column("postal_addresses", str, not_null_default="[]")
    rows = db.execute("SELECT id, addresses FROM people WHERE addresses IS NOT NULL AND addresses != '[]'").fetchall()
    for person_id, addresses in rows:
        parts = [parse_address(text).as_json() for text in json.loads(addresses) if isinstance(text, str)]
        db.execute(
            "UPDATE people SET postal_addresses = ? WHERE id = ?", (json.dumps(parts, ensure_ascii=False), person_id)
        )


@migrations()
def m010_life_and_notes(db: Database) -> None:
    # Life state: a person who died; a relationship that ended (divorce, estrangement...).
    db.table("people").add_column("died_on", str)
    db.table("relationships").add_column("ended_on", str)
    db.table("relationships").add_column("end_kind", str)
    # How the signer signs to this person ("Nana") and what they call them ("Bug"): the
    # person's nickname is what everyone calls them, this is one relationship's own.
    db.table("relationships").add_column("signs_as", str)
    db.table("relationships").add_column("calls_them", str)
    # A note is read when it is written (notesense): who it is about, its mood, when it
    # happened, how it reads in a letter, or why it cannot be said. `scope` says who may use
    # it: "relationship" (only the signer of its relationship) or "person" (every signer).
    for column in ("scope", "about", "mood", "happened_on", "phrasing", "problem", "writer_set"):
        db.table("notes").add_column(column, str)
    db.execute("UPDATE notes SET scope = CASE WHEN relationship_id IS NULL THEN 'person' ELSE 'relationship' END")


@migrations()
def m011_trash(db: Database) -> None:
    # Deleted letters wait here, whole (the letter and every revision, as JSON), until they are
    # restored or the trash is emptied; the letters table and its indexes never see them.
    db.execute(
        "CREATE TABLE trash (letter_id INTEGER PRIMARY KEY, recipient_id INTEGER, signer_id INTEGER,"
        " deleted_at TEXT NOT NULL, letter TEXT NOT NULL, revisions TEXT NOT NULL)"
    )


@migrations()
def m012_imported_cards(db: Database) -> None:
    # What each import brought, per person and card: the card's own values (a photo as its
    # SHA-256) as JSON, and a fingerprint of the whole card. A later import of the same card
    # applies only what the card changed since, so what the writer changed in the app wins
    # over what an older import brought; the UID and fingerprint recognise the card again.
    db.execute(
        "CREATE TABLE imported_cards (id INTEGER PRIMARY KEY,"
        " person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,"
        " card_key TEXT NOT NULL, fingerprint TEXT NOT NULL, names TEXT NOT NULL DEFAULT '[]',"
        " brought TEXT NOT NULL DEFAULT '{}', imported_at TEXT NOT NULL, UNIQUE (person_id, card_key))"
    )
    db.execute("CREATE INDEX imported_cards_fingerprint ON imported_cards(fingerprint)")


@migrations()
def m013_letter_dated(db: Database) -> None:
    # The date a letter bears, its own: the date line used to be the day the draft was made, even
    # for a letter written ahead for an occasion. A draft now bears its occasion's day when that is
    # ahead of the day it was written; a final or sent letter keeps the date it was printed and
    # sent with (the day it was written), so nothing already on paper changes.
    from beautifulletters.dates import occasion_dated

    db.table("letters").add_column("dated", str)
    db.execute("UPDATE letters SET dated = substr(created_at, 1, 10) WHERE status != 'draft'")
    rows = db.execute("SELECT id, created_at, occasion_date FROM letters WHERE status = 'draft'").fetchall()
    for letter_id, created_at, occasion_date in rows:
        db.execute("UPDATE letters SET dated = ? WHERE id = ?", (occasion_dated(created_at, occasion_date), letter_id))
