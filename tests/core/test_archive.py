"""The archive on a real SQLite file: people, relationships, notes, dates, letters, revisions, search."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from beautifulletters.archive import Archive
from beautifulletters.errors import (
    ArchiveDamagedError,
    ArchiveError,
    NotAnArchiveError,
    NotFoundError,
    ValidationError,
)


def dump(path: Path) -> list[str]:
    """Every row of every table, to prove an archive was left exactly as it was."""
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def test_new_archive_has_user_and_sample(archive: Archive) -> None:
    people = archive.search.people()
    names = {p.display_name for p in people}
    assert {"Chris Mercer", "Loretta Mercer"} <= names
    me = archive.people.get(archive.settings.default_signer_id())
    assert me.is_self and not me.is_sample
    loretta = next(p for p in people if p.display_name == "Loretta Mercer")
    assert loretta.is_sample and loretta.nickname == "Lolly"
    assert len(archive.letters.all(to=loretta.id)) == 2
    upcoming = archive.dates.upcoming(days=60)
    assert any(item.kind == "anniversary" and item.years == 50 for item in upcoming)


def test_remove_sample_leaves_users_own_data(archive: Archive) -> None:
    mine = archive.people.add(display_name="Grandma June")
    assert archive.people.has_sample()
    removed = archive.people.remove_sample()
    assert removed == 2
    assert not archive.people.has_sample()
    ids = set(archive.search.people_ids())
    assert ids == {archive.settings.default_signer_id(), mine}
    assert archive.letters.all() == []
    assert archive.check()["ok"]


def test_archive_settings_wal_foreign_keys(archive: Archive) -> None:
    conn = archive.db.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000


def test_person_fields_round_trip(empty_archive: Archive) -> None:
    from tests.fixtures.contacts.make_fixtures import tiny_png

    photo = tiny_png()  # a real image: the archive refuses bytes that are not one
    person_id = empty_archive.people.add(
        display_name="Anna Bell",
        full_name="Anna Maria Bell",
        nickname="Bee",
        pronouns="she",
        birthday="--02-29",
        addresses=["1 High St\nLondon\nUK", "2 Low Rd"],
        emails=["a@example.org"],
        phones=["+44 20 7946 0000"],
        language="en",
        tags=["Family", "friends"],
        photo=photo,
        notes="Loves tea.",
        pronunciation="AN-ah",
    )
    person = empty_archive.people.get(person_id)
    assert person.display_name == "Anna Bell"
    assert person.addresses == ["1 High St\nLondon\nUK", "2 Low Rd"]
    assert person.tags == ["family", "friends"]
    assert person.photo == photo
    assert person.birthday == "--02-29"
    empty_archive.people.update(person_id, nickname=None, tags=["friends"])
    person = empty_archive.people.get(person_id)
    assert person.nickname is None and person.tags == ["friends"]


@pytest.mark.parametrize(
    "name",
    [
        "محمد عبد الله",  # Arabic
        "שׂרה כהן",  # Hebrew with points
        "王小明",
        "佐藤 さくら",
        "Zoë Ångström",
        "e\u0301e\u0301 (combining)",  # combining acute accents, not precomposed
        "👩‍❤️‍💋‍👨 Sam 🎉",
        "x" * 1000,  # the longest a name may be (limits.LINE_CHARS)
        "  leading and trailing  ",
    ],
)
def test_names_and_notes_round_trip_exactly(empty_archive: Archive, name: str) -> None:
    person_id = empty_archive.people.add(display_name=name, notes=name)
    note_id = empty_archive.notes.add(person_id, name, tag="memory")
    assert empty_archive.people.get(person_id).display_name.encode() == name.encode()
    assert empty_archive.people.get(person_id).notes.encode() == name.encode()
    assert empty_archive.notes.get(note_id).text.encode() == name.encode()


@pytest.mark.parametrize(
    ("fields", "field_named"),
    [
        ({"display_name": ""}, "name"),
        ({"display_name": "   "}, "name"),
        ({"display_name": "A\x00B"}, "name"),
        ({"display_name": "A", "birthday": "2023-02-30"}, "birthday"),
        ({"display_name": "A", "birthday": "2023-13-01"}, "birthday"),
        ({"display_name": "A", "birthday": "yesterday"}, "birthday"),
        ({"display_name": "A", "pronouns": "it/its"}, "pronouns"),
        ({"display_name": "A", "notes": "x\x00"}, "notes"),
        ({"display_name": "A", "emails": ["ok@example.org", "bad\x00"]}, "email"),
        ({"display_name": "A", "favourite_colour": "red"}, "favourite_colour"),
    ],
)
def test_bad_person_input_is_rejected_and_nothing_changes(
    empty_archive: Archive, archive_path: Path, fields: dict, field_named: str
) -> None:
    before = dump(archive_path)
    with pytest.raises(ValidationError) as caught:
        empty_archive.people.add(**fields)
    assert caught.value.field == field_named
    assert field_named in str(caught.value)
    assert dump(archive_path) == before


def test_impossible_date_message_is_specific(empty_archive: Archive) -> None:
    with pytest.raises(ValidationError, match=r"2023-02-30 is not a real date \(February has 28 days in 2023\)"):
        empty_archive.people.add(display_name="A", birthday="2023-02-30")


def test_unknown_ids(archive: Archive) -> None:
    with pytest.raises(NotFoundError, match="no person with id 999"):
        archive.people.get(999)
    with pytest.raises(NotFoundError):
        archive.notes.add(999, "hello")
    with pytest.raises(NotFoundError):
        archive.relationships.set(1, 999, kind="friend")
    with pytest.raises(NotFoundError, match="letter"):
        archive.letters.get(999)


def test_relationship_upsert_and_notes_about_it(empty_archive: Archive) -> None:
    me = empty_archive.settings.default_signer_id()
    sam = empty_archive.people.add(display_name="Sam")
    rel = empty_archive.relationships.set(
        me, sam, kind="old friend", since="1999", how_we_met="at school", pet_names=["Sammy"]
    )
    again = empty_archive.relationships.set(me, sam, kind="best friend")
    assert rel == again
    record = empty_archive.relationships.get(me, sam)
    assert record.kind == "best friend" and record.since == "1999" and record.pet_names == ["Sammy"]
    note = empty_archive.notes.add(sam, "the camping trip", tag="Memory", about_relationship_from=me)
    assert empty_archive.notes.get(note).relationship_id == rel
    assert empty_archive.notes.get(note).tag == "memory"
    stranger = empty_archive.people.add(display_name="Stranger")
    with pytest.raises(ValidationError, match="no relationship from person"):
        empty_archive.notes.add(sam, "x", about_relationship_from=stranger)


def test_upcoming_includes_birthdays_and_dates(empty_archive: Archive) -> None:
    today = dt.date(2026, 11, 21)
    a = empty_archive.people.add(display_name="Ada", birthday="1946-12-01")
    b = empty_archive.people.add(display_name="Bo", birthday="--11-21")
    empty_archive.dates.add(a, kind="anniversary", date="1976-01-10", label="Wedding")
    empty_archive.dates.add(b, kind="custom", date="2027-06-01", label="Far away", yearly=False)
    items = empty_archive.dates.upcoming(days=60, today=today)
    summary = [(i.person_name, i.kind, i.date, i.years, i.days_until) for i in items]
    assert summary == [
        ("Bo", "birthday", "2026-11-21", None, 0),
        ("Ada", "birthday", "2026-12-01", 80, 10),
        ("Ada", "anniversary", "2027-01-10", 51, 50),
    ]


def test_leap_day_birthday_in_common_year(empty_archive: Archive) -> None:
    empty_archive.people.add(display_name="Leap", birthday="2000-02-29")
    items = empty_archive.dates.upcoming(days=10, today=dt.date(2027, 2, 25))
    assert [(i.date, i.years) for i in items] == [("2027-02-28", 27)]


def test_letters_revisions_and_search(empty_archive: Archive) -> None:
    me = empty_archive.settings.default_signer_id()
    ruth = empty_archive.people.add(display_name="Ruth")
    letter = empty_archive.letters.create(
        signer_id=me, recipient_id=ruth, body="Dear Ruth, the gulls at Malibu.", occasion="birthday"
    )
    assert empty_archive.letters.get(letter).revision_count == 1
    empty_archive.letters.save_body(letter, "Dear Ruth, the gulls at Malibu were loud.")
    rev_b = empty_archive.letters.save_body(
        letter, "Dear Ruth, the gulls at Malibu were very loud.", coalesce_seconds=60
    )
    revisions = empty_archive.letters.revisions(letter)
    assert len(revisions) == 2, "a save within the coalescing window updates the newest revision"
    assert revisions[-1].id == rev_b
    restored = empty_archive.letters.restore_revision(letter, revisions[0].id)
    assert empty_archive.letters.get(letter).body == "Dear Ruth, the gulls at Malibu."
    assert empty_archive.letters.revisions(letter)[-1].id == restored
    assert [r.id for r in empty_archive.search.letters("malib")] == [letter]
    assert empty_archive.search.people_ids(search="gulls") == [ruth]
    assert empty_archive.people.get(ruth).last_letter_at is not None
    empty_archive.letters.update(letter, status="sent")
    with pytest.raises(ValidationError, match="read-only"):
        empty_archive.letters.save_body(letter, "changed after sending")


def test_search_people_by_name_nickname_note_and_tag(archive: Archive) -> None:
    loretta = archive.search.people_ids(search="Loretta")
    assert len(loretta) == 2, "Loretta herself, and Chris whose notes mention her"
    loretta = archive.search.people_ids(search="lolly")
    assert loretta == archive.search.people_ids(search="loll")  # nickname prefix
    assert loretta == archive.search.people_ids(search="Otis")  # a memory note
    assert loretta == archive.search.people_ids(search="Buick")  # note text
    assert set(archive.search.people_ids(tag="sample")) == set(archive.search.people_ids(search="Mercer"))
    assert archive.search.people_ids(search='"); DROP TABLE people;--') == []
    assert archive.search.count_people() == 3


def test_remove_person_protects_letters(archive: Archive) -> None:
    loretta = archive.search.people_ids(search="Loretta")[0]
    with pytest.raises(ValidationError, match="has 2 letters"):
        archive.people.remove(loretta)
    archive.people.remove(loretta, with_letters=True)
    with pytest.raises(NotFoundError):
        archive.people.get(loretta)
    assert archive.check()["ok"]


def test_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ArchiveError, match="is a folder"):
        Archive.open(tmp_path)


def test_foreign_file_is_refused_and_untouched(tmp_path: Path) -> None:
    text_file = tmp_path / "notes.txt"
    text_file.write_text("just some notes\n")
    with pytest.raises(NotAnArchiveError, match="not an SQLite database"):
        Archive.open(text_file)
    assert text_file.read_text() == "just some notes\n"

    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE songs (title TEXT)")
    conn.execute("INSERT INTO songs VALUES ('Try a Little Tenderness')")
    conn.commit()
    conn.close()
    before = other.read_bytes()
    with pytest.raises(NotAnArchiveError, match="another program"):
        Archive.open(other)
    assert other.read_bytes() == before


def test_damaged_file_is_refused_and_untouched(archive_path: Path) -> None:
    with Archive.open(archive_path) as archive:
        for i in range(200):
            archive.people.add(display_name=f"Person {i}", notes="filler " * 50)
        archive.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(archive_path.read_bytes())
    page = 4096
    # Scribble over the middle pages but keep the header, like a disk error would.
    data[page * 3 : page * 6] = b"\xde\xad\xbe\xef" * (page * 3 // 4)
    archive_path.write_bytes(bytes(data))
    with pytest.raises((ArchiveDamagedError, NotAnArchiveError)) as caught:
        Archive.open(archive_path)
    assert str(archive_path) in str(caught.value)
    assert archive_path.read_bytes() == bytes(data)


def test_second_window_lock(archive_path: Path) -> None:
    first = Archive.open(archive_path)
    second = Archive.open(archive_path)
    try:
        assert first.acquire_instance_lock()
        assert not second.acquire_instance_lock()
        first.release_instance_lock()
        assert second.acquire_instance_lock()
    finally:
        first.close()
        second.close()


def test_readonly_open_refuses_writes(archive_path: Path) -> None:
    Archive.open(archive_path).close()
    with Archive.open(archive_path, readonly=True) as archive:
        assert archive.search.count_people() == 3
        with pytest.raises(ArchiveError, match="read-only"):
            archive.people.add(display_name="Nope")


def test_open_without_the_full_check_leaves_it_to_check_file(archive_path: Path) -> None:
    with Archive.open(archive_path) as archive:
        for i in range(200):
            archive.people.add(display_name=f"Person {i}", notes="filler " * 50)
        archive.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    Archive.check_file(archive_path)  # healthy: no error
    data = bytearray(archive_path.read_bytes())
    page = 4096
    data[page * 3 : page * 6] = b"\xde\xad\xbe\xef" * (page * 3 // 4)
    archive_path.write_bytes(bytes(data))
    try:
        Archive.open(archive_path, full_check=False).close()  # the quick open only reads what it needs
    except (ArchiveDamagedError, NotAnArchiveError):
        pass  # also fine: the damage reached a page the open itself reads
    with pytest.raises((ArchiveDamagedError, NotAnArchiveError)) as caught:
        Archive.check_file(archive_path)
    assert str(archive_path) in str(caught.value)
    assert archive_path.read_bytes() == bytes(data)


def test_open_without_the_full_check_still_refuses_a_foreign_database(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE songs (title TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(NotAnArchiveError, match="another program"):
        Archive.open(other, full_check=False)
    with pytest.raises(NotAnArchiveError, match="another program"):
        Archive.check_file(other)


def test_checking_a_file_that_is_open_here_keeps_this_process_s_locks(archive_path: Path) -> None:
    """Reading the header with open()/close() would drop SQLite's POSIX locks on the file,
    letting another process write beneath a live connection (how archives get corrupted)."""
    import fcntl
    import subprocess
    import sys

    archive = Archive.open(archive_path)
    try:
        archive.db.conn.execute("BEGIN IMMEDIATE")
        archive.db.conn.execute("SELECT count(*) FROM people").fetchone()
        Archive.check_file(archive_path)
        Archive.verify_file(archive_path)
        probe = (
            "import fcntl, sys\n"
            "f = open(sys.argv[1], 'rb+')\n"
            # SQLite's SHARED lock range (an open WAL connection holds a read lock in it): another
            # process must not be able to take it all.
            "try:\n    fcntl.lockf(f, fcntl.LOCK_EX | fcntl.LOCK_NB, 510, 1073741826)\n    print('free')\n"
            "except OSError:\n    print('held')\n"
        )
        result = subprocess.run([sys.executable, "-c", probe, str(archive_path)], capture_output=True, text=True)
        assert result.stdout.strip() == "held"
        assert fcntl  # the probe above uses the same advisory locks SQLite does
    finally:
        archive.db.conn.execute("ROLLBACK")
        archive.close()


def test_upcoming_reads_only_dates_near_the_window_and_misses_none(empty_archive: Archive) -> None:
    """The SQL prefilter must give exactly what checking every date in Python gives."""
    import datetime as dt

    from beautifulletters.dates import upcoming_occurrences

    archive = empty_archive
    birthdays = ["1950-01-01", "--12-31", "1984-02-29", "2000-03-01", "1975-06-15", "--02-28", "1990-12-30"]
    for index, birthday in enumerate(birthdays):
        person = archive.people.add(display_name=f"Person {index}", birthday=birthday)
        archive.dates.add(
            person, kind="custom", date=f"2027-{(index % 12) + 1:02d}-0{index % 9 + 1}", label="once", yearly=False
        )
    everything = archive._query(
        "SELECT p.id AS person_id, p.display_name AS person_name, 'birthday' AS kind, p.birthday AS date,"
        " NULL AS label, 1 AS yearly, NULL AS date_id FROM people p WHERE p.birthday IS NOT NULL UNION ALL "
        "SELECT d.person_id, p.display_name, d.kind, d.date, d.label, d.yearly, d.id FROM important_dates d"
        " JOIN people p ON p.id = d.person_id"
    )
    key = lambda row: (row.date, row.person_id, row.kind)  # noqa: E731
    for today in (
        dt.date(2026, 12, 20),
        dt.date(2027, 2, 27),
        dt.date(2028, 2, 27),
        dt.date(2026, 6, 1),
        dt.date(2026, 12, 31),
        dt.date(2027, 1, 1),
    ):
        for days in (0, 1, 3, 30, 60, 365):
            expected = sorted(upcoming_occurrences(everything, today=today, days=days), key=key)
            assert sorted(archive.dates.upcoming(days=days, today=today), key=key) == expected, (today, days)


def test_the_names_stamp_changes_whenever_a_name_could(empty_archive: Archive) -> None:
    archive = empty_archive
    stamps = [archive.people.names_stamp()]
    person = archive.people.add(display_name="Ines Park")
    stamps.append(archive.people.names_stamp())
    archive.people.update(person, nickname="Nessie")
    stamps.append(archive.people.names_stamp())
    archive.relationships.set(archive.settings.default_signer_id(), person, kind="friend", pet_names=["Pip"])
    stamps.append(archive.people.names_stamp())
    archive.people.remove(person)
    stamps.append(archive.people.names_stamp())
    # Each change gives a stamp unlike the one before (after the removal the names are again
    # those of the start, and so is the stamp, which is right).
    assert all(before != after for before, after in zip(stamps, stamps[1:], strict=False))


def test_opening_without_create_makes_nothing(tmp_path):
    from beautifulletters.errors import ArchiveMissingError

    path = tmp_path / "missing" / "letters.sqlite3"
    with pytest.raises(ArchiveMissingError, match="There is no archive at"):
        Archive.open(path, create=False)
    assert not path.parent.exists()


def test_a_new_archive_appears_whole_or_not_at_all(tmp_path):
    # Built under a temporary name and linked into place: no empty or half-made file is ever
    # at the path, and nothing else is left beside it.
    path = tmp_path / "letters.sqlite3"
    with Archive.create(path, with_sample=False) as archive:
        assert archive.created and archive.search.count_people() == 1
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("home")) == ["letters.sqlite3"]
    with pytest.raises(ArchiveError, match="already exists; nothing was changed"):
        Archive.create(path)
