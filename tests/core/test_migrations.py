"""Schema steps applied one at a time from the first schema onward keep every row."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from sqlite_utils import Database

from beautifulletters.archive import Archive
from beautifulletters.archive.identity import SCHEMA_STEPS
from beautifulletters.archive.schema import APPLICATION_ID, migrations

REPO = Path(__file__).resolve().parents[2]


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
        assert archive.search.people_ids(search="lolly") == [1]
        assert archive.search.people_ids(search="Buick") == [1]
        assert archive.people.get(1).last_letter_at == "2005-05-05T00:00:00"
        assert archive.search.count_people() == 2, "an upgraded archive is not seeded with the sample again"
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


def test_identity_names_every_step_in_order() -> None:
    # Opening compares the file's record with SCHEMA_STEPS in plain SQL; a step added to
    # schema.py but not named there would never be applied to existing archives.
    assert list(SCHEMA_STEPS) == step_names()


def test_an_archive_missing_a_step_is_upgraded_on_open(archive_path: Path) -> None:
    db = Database(archive_path)
    migrations.apply(db, stop_before=step_names()[-1])
    db.close()
    with Archive.open(archive_path) as archive:
        assert archive.check()["schema"] == step_names()


def test_opening_an_up_to_date_archive_does_not_load_sqlite_utils(archive_path: Path) -> None:
    Archive.open(archive_path).close()
    code = (
        "import sys\n"
        "from beautifulletters.archive import Archive\n"
        f"archive = Archive.open({str(archive_path)!r})\n"
        "archive.search.people_ids(); archive.people.has_sample(); archive.people.all_tags()\n"
        "archive.dates.upcoming(days=30)\n"
        "archive.close()\n"
        "print('sqlite_utils' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False", "reads should not need sqlite-utils (it loads on the first write)"


def test_cascading_deletes_step_keeps_every_row_and_removal_takes_what_belongs(archive_path: Path) -> None:
    db = Database(archive_path)
    migrations.apply(db, stop_before="m007_cascading_deletes")
    stamp = "2001-01-01T00:00:00"
    for name in ("Chris", "Loretta", "Ben"):
        db["people"].insert({"display_name": name, "created_at": stamp, "updated_at": stamp})
    db["person_tags"].insert({"person_id": 2, "tag": "family"})
    db["relationships"].insert({"from_id": 1, "to_id": 2, "kind": "wife", "pet_names": '["Lolly"]'})
    db["relationships"].insert({"from_id": 2, "to_id": 3, "kind": "son"})
    db["notes"].insert({"person_id": 3, "relationship_id": 2, "text": "the kite on the dunes", "tag": "memory"})
    db["notes"].insert({"person_id": 2, "relationship_id": 1, "text": "yellow roses", "tag": "preference"})
    db["important_dates"].insert({"person_id": 3, "relationship_id": 2, "kind": "custom", "date": "2001-05-05"})
    db["letters"].insert({"signer_id": 1, "recipient_id": 2, "body": "Dear Lolly", "created_at": stamp})
    db["letters"].insert({"signer_id": 2, "recipient_id": 3, "body": "Dear Ben", "created_at": stamp})
    db["revisions"].insert({"letter_id": 1, "body": "Dear Lolly", "created_at": stamp})
    db["revisions"].insert({"letter_id": 2, "body": "Dear Ben", "created_at": stamp})
    db["settings"].insert({"key": "seeded", "value": "long ago"})
    before = {t: db[t].count for t in ("people", "person_tags", "relationships", "notes", "important_dates", "letters")}
    db.close()

    with Archive.open(archive_path) as archive:
        conn = archive.db.conn
        assert {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in before} == before
        assert archive.check()["ok"], archive.check()["problems"]
        archive.people.remove(2, with_letters=True)
        # Loretta's tag, relationships, note and both letters (hers and to her) with their revisions are gone.
        assert conn.execute("SELECT count(*) FROM person_tags").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM relationships").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM letters").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM revisions").fetchone()[0] == 0
        # Ben's own note and date stay, about no relationship now.
        assert conn.execute("SELECT person_id, relationship_id FROM notes").fetchall() == [(3, None)]
        assert conn.execute("SELECT person_id, relationship_id FROM important_dates").fetchall() == [(3, None)]
        # Ben lost the letter written to him: his search document was brought up to date.
        assert archive.search.people_ids(search="Dear") == []
        assert archive.search.people_ids(search="kite") == [3]
        assert archive.check()["ok"], archive.check()["problems"]
