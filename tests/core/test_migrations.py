"""Schema steps applied one at a time from the first schema onward keep every row."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from beautifulletters.archive import Archive
from beautifulletters.archive.schema import APPLICATION_ID, migrations


def step_names() -> list[str]:
    return [m.name for m in migrations._migrations]


def test_each_step_applies_in_order_and_keeps_data(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    db = Database(path)
    names = step_names()
    assert names[0] == "m001_initial"
    # An archive written by the very first version: only the first step applied.
    migrations.apply(db, stop_before=names[1])
    assert [m.name for m in migrations.applied(db)] == names[:1]
    db["people"].insert(
        {
            "display_name": "Loretta",
            "nickname": "Lolly",
            "created_at": "2001-01-01T00:00:00",
            "updated_at": "2001-01-01T00:00:00",
        }
    )
    db["people"].insert(
        {"display_name": "Chris", "created_at": "2001-01-01T00:00:00", "updated_at": "2001-01-01T00:00:00"}
    )
    db["letters"].insert(
        {
            "signer_id": 2,
            "recipient_id": 1,
            "body": "Dear Lolly, the Buick again.",
            "body_text": "Dear Lolly, the Buick again.",
            "created_at": "2005-05-05T00:00:00",
            "updated_at": "2005-05-05T00:00:00",
        }
    )
    db["settings"].insert({"key": "seeded", "value": "long ago"})
    # Then each later step, one at a time, as successive releases would.
    for index in range(1, len(names)):
        stop = names[index + 1] if index + 1 < len(names) else None
        migrations.apply(db, stop_before=stop) if stop else migrations.apply(db)
        assert [m.name for m in migrations.applied(db)] == names[: index + 1]
        assert db["people"].count == 2
    db.close()

    with Archive.open(path) as archive:
        assert archive.person_ids(search="lolly") == [1]
        assert archive.person_ids(search="Buick") == [1]
        assert archive.get_person(1)["last_letter_at"] == "2005-05-05T00:00:00"
        assert archive.count_people() == 2, "an upgraded archive is not seeded with the sample again"
        assert archive.check()["ok"]


def test_new_archive_has_every_step_and_our_application_id(archive_path: Path) -> None:
    Archive.open(archive_path).close()
    conn = sqlite3.connect(archive_path)
    applied = [row[0] for row in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
    assert applied == step_names()
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    conn.close()


def test_reopening_applies_nothing_twice(archive_path: Path) -> None:
    Archive.open(archive_path).close()
    Archive.open(archive_path).close()
    conn = sqlite3.connect(archive_path)
    assert conn.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0] == len(step_names())
    assert conn.execute("SELECT count(*) FROM people WHERE is_sample = 1").fetchone()[0] == 2
    conn.close()
