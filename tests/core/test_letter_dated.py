"""The date a letter bears: its occasion's day when that is ahead, else the day it was written; the
writer may change it, a sent letter keeps it, and an archive from before it existed is dated as it printed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from beautifulletters.archive import Archive
from beautifulletters.archive.schema import migrations
from beautifulletters.dates import date_on_letter, occasion_dated
from beautifulletters.errors import ValidationError
from beautifulletters.export.content import content_from_records

DRAFTED = "2026-12-03T09:30:00.000+00:00"


def _pair(archive: Archive) -> tuple[int, int]:
    me = archive.settings.default_signer_id()
    assert me is not None
    return me, archive.people.add(display_name="Ruth")


def _for_the_20th(archive: Archive) -> int:
    """A letter to Ruth drafted on 3 December for an occasion on 20 December."""
    me, ruth = _pair(archive)
    return archive.letters.create(
        signer_id=me, recipient_id=ruth, body="Hi.", occasion_date="2026-12-20", created_at=DRAFTED
    )


def test_an_occasion_letter_drafted_ahead_bears_the_occasion_s_day(empty_archive: Archive) -> None:
    me, ruth = _pair(empty_archive)
    letter_id = empty_archive.letters.create(
        signer_id=me,
        recipient_id=ruth,
        body="Fifty years today.",
        occasion="anniversary",
        occasion_date="2026-12-20",
        created_at=DRAFTED,
    )
    letter = empty_archive.letters.get(letter_id)
    assert letter.dated == "2026-12-20"
    signer, recipient = empty_archive.people.get(me), empty_archive.people.get(ruth)
    content = content_from_records(letter, signer, recipient)
    assert content.place_date == "20 December 2026", "export and PDF print the same date"
    assert letter.as_json()["dated"] == "2026-12-20"


def test_a_letter_without_occasion_or_late_for_it_keeps_the_day_it_was_written(empty_archive: Archive) -> None:
    me, ruth = _pair(empty_archive)
    plain = empty_archive.letters.create(signer_id=me, recipient_id=ruth, body="Hello.", created_at=DRAFTED)
    belated = empty_archive.letters.create(
        signer_id=me, recipient_id=ruth, body="Late!", occasion_date="2026-11-28", created_at=DRAFTED
    )
    assert empty_archive.letters.get(plain).dated == "2026-12-03"
    assert empty_archive.letters.get(belated).dated == "2026-12-03"


def test_yearless_occasions_count_only_when_near() -> None:
    assert occasion_dated(DRAFTED, "--12-20") == "2026-12-20"
    assert occasion_dated(DRAFTED, "--01-05") == "2027-01-05"
    assert occasion_dated(DRAFTED, "--12-01") == "2026-12-03", "just passed: a belated letter"
    assert occasion_dated(DRAFTED, "not a date") == "2026-12-03"


def test_changing_the_date_persists_and_none_gives_back_the_occasion_s(archive_path: Path) -> None:
    with Archive.open(archive_path, with_sample=False) as archive:
        letter_id = _for_the_20th(archive)
        archive.letters.update(letter_id, dated="2026-12-19")
    with Archive.open(archive_path) as archive:
        assert archive.letters.get(letter_id).dated == "2026-12-19"
        archive.letters.update(letter_id, occasion_date="2026-12-24")
        assert archive.letters.get(letter_id).dated == "2026-12-19", "the writer's own date stays"
        archive.letters.update(letter_id, dated=None)
        assert archive.letters.get(letter_id).dated == "2026-12-24"
        archive.letters.update(letter_id, occasion_date="2026-12-22")
        assert archive.letters.get(letter_id).dated == "2026-12-22", "a date it took from its occasion follows it"
        with pytest.raises(ValidationError):
            archive.letters.update(letter_id, dated="20th of Nevember")
        assert archive.letters.get(letter_id).dated == "2026-12-22"


def test_a_sent_letter_keeps_the_date_it_went_with(empty_archive: Archive) -> None:
    letter_id = _for_the_20th(empty_archive)
    empty_archive.letters.update(letter_id, status="sent", sent_on="2026-12-15")
    with pytest.raises(ValidationError, match="keeps the date"):
        empty_archive.letters.update(letter_id, dated="2026-12-16")
    empty_archive.letters.update(letter_id, occasion_date="2027-01-01")
    assert empty_archive.letters.get(letter_id).dated == "2026-12-20"
    # Unsealed again, it may be re-dated.
    empty_archive.letters.update(letter_id, status="draft")
    empty_archive.letters.update(letter_id, dated="2026-12-16")
    assert empty_archive.letters.get(letter_id).dated == "2026-12-16"


def test_a_copy_for_another_year_is_dated_for_its_own_occasion(empty_archive: Archive) -> None:
    letter_id = _for_the_20th(empty_archive)
    copy = empty_archive.letters.duplicate(letter_id, occasion_date="2099-12-20")
    assert empty_archive.letters.get(copy).dated == "2099-12-20"


def test_an_old_archive_is_dated_as_it_printed_drafts_by_their_occasion(archive_path: Path) -> None:
    names = [m.name for m in migrations._migrations]
    db = Database(archive_path)
    migrations.apply(db, stop_before="m013_letter_dated")
    stamp = "2026-12-03T09:30:00"
    for person in ("Me", "Ruth"):
        db["people"].insert({"display_name": person, "created_at": stamp, "updated_at": stamp})
    for status, occasion_date in (
        ("draft", "2026-12-20"),
        ("sent", "2026-12-20"),
        ("final", "2026-12-20"),
        ("draft", None),
    ):
        db["letters"].insert(
            {
                "signer_id": 1,
                "recipient_id": 2,
                "body": "Fifty years today.",
                "status": status,
                "occasion_date": occasion_date,
                "sent_on": "2026-12-04" if status == "sent" else None,
                "created_at": stamp,
                "updated_at": stamp,
            }
        )
    db["settings"].insert({"key": "seeded", "value": "long ago"})
    db.close()
    with Archive.open(archive_path) as archive:
        assert "m013_letter_dated" in names
        dated = [archive.letters.get(letter_id).dated for letter_id in (1, 2, 3, 4)]
        assert dated == ["2026-12-20", "2026-12-03", "2026-12-03", "2026-12-03"]
        assert archive.check()["ok"]
    conn = sqlite3.connect(archive_path)
    assert [row[0] for row in conn.execute("SELECT dated FROM letters WHERE id <= 4 ORDER BY id")] == dated
    conn.close()


def test_a_letter_not_stored_yet_is_dated_by_the_same_rule(empty_archive: Archive) -> None:
    letter = empty_archive.letters.get(_for_the_20th(empty_archive))
    from dataclasses import replace

    assert date_on_letter(replace(letter, id=0, dated=None)) == "2026-12-20"
