"""One search document per person: every word of their names, notes and the letters written to them.

Why: searching people as you type must answer "who matches?" in milliseconds. Asking the
per-letter index means turning up to a million matching letters back into people, which took
seconds for a short prefix such as "m". Here each person is one document holding the distinct
words that can find them, indexed by FTS5 with prefix indexes for one to six letters, so a
search reads at most one posting list of 100,000 people per word typed.

The documents are kept current here and only here: temporary triggers on each writing
connection (:func:`install_upkeep`) note which people a change touches (their names, notes,
relationships, or the letters written to them, deletes cascading included), and the
transaction brings those people's documents up to date just before it commits
(:func:`refresh_pending`). No manager refreshes anything by hand.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable

_WORD = re.compile(r"\w+")

# The FTS5 table is external-content over person_words: the words are stored once, in
# person_words; detail=none keeps no positions (only "does this person have the word").
SCHEMA = """
CREATE TABLE person_words (person_id INTEGER PRIMARY KEY, words TEXT NOT NULL);
CREATE VIRTUAL TABLE person_words_fts USING fts5(
    words, content='person_words', content_rowid='person_id', detail='none', prefix='1 2 3 4 5 6',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER person_words_ai AFTER INSERT ON person_words BEGIN
    INSERT INTO person_words_fts(rowid, words) VALUES (new.person_id, new.words);
END;
CREATE TRIGGER person_words_ad AFTER DELETE ON person_words BEGIN
    INSERT INTO person_words_fts(person_words_fts, rowid, words) VALUES ('delete', old.person_id, old.words);
END;
CREATE TRIGGER person_words_au AFTER UPDATE ON person_words BEGIN
    INSERT INTO person_words_fts(person_words_fts, rowid, words) VALUES ('delete', old.person_id, old.words);
    INSERT INTO person_words_fts(rowid, words) VALUES (new.person_id, new.words);
END;
"""

MATCHING_PEOPLE = "SELECT rowid FROM person_words_fts WHERE person_words_fts MATCH ?"

LONGEST_PREFIX_INDEX = 6  # the prefix='1 2 3 4 5 6' above
_PLAIN_WORD = re.compile(r"[a-z0-9]+")  # what unicode61 keeps as it is (no case, no diacritics to fold)
_MOST_TERMS = 32


def terms_starting(conn: sqlite3.Connection, prefix: str) -> list[str] | None:
    """The indexed words that start with `prefix` (lower-case ASCII), or None when there are many.

    FTS5 answers a prefix longer than its longest prefix index by merging the lists of every
    word in range: "mantelpiece"* took 16 ms on 100,000 people, where the one word it stands
    for ("mantelpiece") takes 3 ms. The words come from an fts5vocab table over the index,
    made per connection in its temp schema (so read-only connections can have it too).
    """
    if not _PLAIN_WORD.fullmatch(prefix):
        return None
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.person_words_terms USING fts5vocab(main, person_words_fts, row)"
    )
    terms = [
        row[0]
        for row in conn.execute(
            "SELECT term FROM temp.person_words_terms WHERE term >= ? AND term < ? LIMIT ?",
            (prefix, prefix + "\U0010ffff", _MOST_TERMS + 1),
        )
    ]
    return terms if len(terms) <= _MOST_TERMS else None


def words_of(texts: Iterable[str | None], into: set[str] | None = None) -> set[str]:
    """The distinct lower-case words of `texts` (added to `into` when given)."""
    words = into if into is not None else set()
    for text in texts:
        if text:
            words.update(_WORD.findall(text.lower()))
    return words


def _person_texts(conn: sqlite3.Connection, person_id: int) -> list[str | None] | None:
    row = conn.execute(
        "SELECT display_name, full_name, nickname, notes FROM people WHERE id = ?", (person_id,)
    ).fetchone()
    if row is None:
        return None
    texts: list[str | None] = list(row)
    texts += [text for (text,) in conn.execute("SELECT text FROM notes WHERE person_id = ?", (person_id,))]
    for pet_names, how_we_met in conn.execute(
        "SELECT pet_names, how_we_met FROM relationships WHERE to_id = ?", (person_id,)
    ):
        texts += [*json.loads(pet_names or "[]"), how_we_met]
    return texts


def _store(conn: sqlite3.Connection, person_id: int, words: set[str]) -> None:
    document = " ".join(sorted(words))
    old = conn.execute("SELECT words FROM person_words WHERE person_id = ?", (person_id,)).fetchone()
    if old is None:
        conn.execute("INSERT INTO person_words (person_id, words) VALUES (?, ?)", (person_id, document))
    elif old[0] != document:
        conn.execute("UPDATE person_words SET words = ? WHERE person_id = ?", (document, person_id))


def refresh(conn: sqlite3.Connection, person_ids: Iterable[int | None]) -> None:
    """Bring these people's documents up to date (for writes made around the archive's connection).

    A few hundred people at a time, each table read once for all of them: an import's chunk
    touches thousands of people, and six queries for each of them were a tenth of the import.
    """
    ids = sorted({p for p in person_ids if p is not None})
    for start in range(0, len(ids), _REFRESH_BATCH):
        _refresh_batch(conn, ids[start : start + _REFRESH_BATCH])


_REFRESH_BATCH = 500  # people per query: well under SQLite's limit on ? in one statement


def _refresh_batch(conn: sqlite3.Connection, ids: list[int]) -> None:
    marks = ",".join("?" * len(ids))
    texts: dict[int, list[str | None]] = {
        row[0]: list(row[1:])
        for row in conn.execute(
            f"SELECT id, display_name, full_name, nickname, notes FROM people WHERE id IN ({marks})", ids
        )
    }
    gone = [(person_id,) for person_id in ids if person_id not in texts]
    if gone:
        conn.executemany("DELETE FROM person_words WHERE person_id = ?", gone)
    if not texts:
        return
    for person_id, text in conn.execute(f"SELECT person_id, text FROM notes WHERE person_id IN ({marks})", ids):
        if person_id in texts:
            texts[person_id].append(text)
    for person_id, pet_names, how_we_met in conn.execute(
        f"SELECT to_id, pet_names, how_we_met FROM relationships WHERE to_id IN ({marks})", ids
    ):
        if person_id in texts:
            texts[person_id] += [*json.loads(pet_names or "[]"), how_we_met]
    words = {person_id: words_of(person_texts) for person_id, person_texts in texts.items()}
    for person_id, title, body_text in conn.execute(
        f"SELECT recipient_id, title, body_text FROM letters WHERE recipient_id IN ({marks})", ids
    ):
        if person_id in words:
            words_of((title, body_text), words[person_id])
    old = dict(conn.execute(f"SELECT person_id, words FROM person_words WHERE person_id IN ({marks})", ids))
    added, changed = [], []
    for person_id in sorted(words):
        document = " ".join(sorted(words[person_id]))
        if person_id not in old:
            added.append((person_id, document))
        elif old[person_id] != document:
            changed.append((document, person_id))
    if added:
        conn.executemany("INSERT INTO person_words (person_id, words) VALUES (?, ?)", added)
    if changed:
        conn.executemany("UPDATE person_words SET words = ? WHERE person_id = ?", changed)


# Per connection, in its temp schema: which people the transaction under way has touched.
_UPKEEP = """
CREATE TEMP TABLE IF NOT EXISTS person_words_pending (person_id INTEGER PRIMARY KEY);
CREATE TEMP TRIGGER IF NOT EXISTS person_words_people_ai AFTER INSERT ON main.people BEGIN
    INSERT OR IGNORE INTO person_words_pending VALUES (new.id);
END;
CREATE TEMP TRIGGER IF NOT EXISTS person_words_people_au
AFTER UPDATE OF display_name, full_name, nickname, notes ON main.people BEGIN
    INSERT OR IGNORE INTO person_words_pending VALUES (new.id);
END;
CREATE TEMP TRIGGER IF NOT EXISTS person_words_people_ad AFTER DELETE ON main.people BEGIN
    INSERT OR IGNORE INTO person_words_pending VALUES (old.id);
END;
CREATE TEMP TRIGGER IF NOT EXISTS person_words_notes_ai AFTER INSERT ON main.notes BEGIN
    INSERT OR IGNORE INTO person_words_pending VALUES (new.person_id);
END;
CREATE TEMP TRIGGER IF NOT EXISTS person_words_notes_au AFTER UPDATE OF text, person_id ON main.notes BEGIN
    INSERT OR IGNORE INTO person_words_pending VALUES (old.person_id), (new.person_id);
END;
CREATE TEMP TRIGGER IF NOT EXISTS person_words_notes_ad AFTER DELETE ON main.notes BEGIN
    INSERT OR IGNORE INTO person_words_pending VALUES (old.person_id);
END;
CREATE TEMP TRIGGER IF NOT EXISTS person_words_relationships_ai AFTER INSERT ON main.relationships BEGIN
    INSERT OR IGNORE INTO person_words_pending VALUES (new.to_id);
END;
CREATE TEMP TRIGGER IF NOT EXISTS person_words_relationships_au
AFTER UPDATE OF pet_names, how_we_met, to_id ON main.relationships BEGIN
    INSERT OR IGNORE INTO person_words_pending VALUES (old.to_id), (new.to_id);
END;
CREATE TEMP TRIGGER IF NOT EXISTS person_words_relationships_ad AFTER DELETE ON main.relationships BEGIN
    INSERT OR IGNORE INTO person_words_pending VALUES (old.to_id);
END;
CREATE TEMP TRIGGER IF NOT EXISTS person_words_letters_ai AFTER INSERT ON main.letters BEGIN
    INSERT OR IGNORE INTO person_words_pending VALUES (new.recipient_id);
END;
CREATE TEMP TRIGGER IF NOT EXISTS person_words_letters_au
AFTER UPDATE OF title, body_text, recipient_id ON main.letters BEGIN
    INSERT OR IGNORE INTO person_words_pending VALUES (old.recipient_id), (new.recipient_id);
END;
CREATE TEMP TRIGGER IF NOT EXISTS person_words_letters_ad AFTER DELETE ON main.letters BEGIN
    INSERT OR IGNORE INTO person_words_pending VALUES (old.recipient_id);
END;
"""


def install_upkeep(conn: sqlite3.Connection) -> None:
    """Make this (writing) connection note every person a change touches; see refresh_pending."""
    statement = ""
    for line in _UPKEEP.strip().splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            conn.execute(statement)
            statement = ""


def refresh_pending(conn: sqlite3.Connection) -> None:
    """Bring the documents of everyone touched since the last call up to date (inside the transaction)."""
    if not conn.execute("SELECT count(*) FROM sqlite_temp_master WHERE name = 'person_words_pending'").fetchone()[0]:
        return
    touched = [row[0] for row in conn.execute("SELECT person_id FROM temp.person_words_pending")]
    if touched:
        refresh(conn, touched)
        conn.execute("DELETE FROM temp.person_words_pending")


def rebuild(conn: sqlite3.Connection) -> None:
    """Every person's document from scratch, streaming the letters one recipient at a time."""
    conn.execute("DELETE FROM person_words")
    letters = conn.execute("SELECT recipient_id, title, body_text FROM letters ORDER BY recipient_id")
    pending = next(letters, None)
    for (person_id,) in conn.execute("SELECT id FROM people ORDER BY id").fetchall():
        words = words_of(_person_texts(conn, person_id) or [])
        while pending is not None and pending[0] < person_id:
            pending = next(letters, None)  # letters to a person who no longer exists: not searchable
        while pending is not None and pending[0] == person_id:
            words_of(pending[1:], words)
            pending = next(letters, None)
        _store(conn, person_id, words)
    if conn.execute("SELECT count(*) FROM sqlite_temp_master WHERE name = 'person_words_pending'").fetchone()[0]:
        conn.execute("DELETE FROM temp.person_words_pending")  # everyone is current now
