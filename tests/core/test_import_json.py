"""A JSON export brought back: export -> import into a new archive -> export gives the same document."""

from __future__ import annotations

import json

import pytest

from beautifulletters.archive import Archive
from beautifulletters.errors import BeautifulLettersError
from beautifulletters.transfer.archive_json import NotAnExportError, import_export
from beautifulletters.transfer.exporter import archive_document, export_archive
from tests.fixtures.contacts.make_fixtures import tiny_png

PHOTO = tiny_png()


def _fill(archive: Archive) -> None:
    """Every kind of record, on top of the sample correspondence."""
    me = archive.settings.default_signer_id()
    ana = archive.people.add(
        display_name="Ana Lúcia d’Ávila",
        full_name="Ana Lúcia d’Ávila Ramos",
        nickname="Nana",
        pronouns="ze/zir/zir/zirs/zirself",
        birthday="--02-29",
        addresses=["Rua das Flores 12\n1200-195 Lisboa\nPortugal", "Second home"],
        emails=["ana@example.org"],
        phones=["+351 21 000 0000"],
        language="pt",
        tags=["Family", "lisbon"],
        photo=PHOTO,
        notes="Likes 🌻 and long letters.",
        pronunciation="AH-nah",
    )
    archive.relationships.set(me, ana, kind="old friend", since="1999", how_we_met="on a train", pet_names=["Nana"])
    archive.notes.add(ana, "the night train to Porto", tag="memory", about_relationship_from=me, noted_on="2001-07")
    archive.notes.add(ana, "hates 'Dear'", tag="preference")
    archive.dates.add(ana, kind="custom", date="2030-01-02", label="Moves house", yearly=False)
    archive.dates.add(ana, kind="anniversary", date="--06-12", relationship_from=me)
    letter = archive.letters.create(
        signer_id=me, recipient_id=ana, body="<p>Dear <b>Nana</b>,</p>", body_format="html", body_text="Dear Nana,"
    )
    archive.letters.save_body(letter, "<p>Dear Nana, again</p>", body_text="Dear Nana, again")
    archive.letters.save_body(letter, "<p>Dear Nana, at last</p>", body_text="Dear Nana, at last")
    archive.letters.update(letter, style={"font_family": "Kristi", "stationery": "lined"}, title="Spring")
    sent = archive.letters.create(signer_id=me, recipient_id=ana, body="A short one.", occasion="birthday")
    archive.letters.update(sent, status="sent", sent_on="2024-02-29")


def _without_time_of_export(document: dict) -> dict:
    return {key: value for key, value in document.items() if key != "exported_at"}


def test_export_import_export_gives_back_every_record_and_revision(archive, tmp_path):
    _fill(archive)
    first = tmp_path / "everything.json"
    export_archive(archive, "json", first)
    original = json.loads(first.read_text(encoding="utf-8"))
    assert sum(len(letter["revisions"]) for letter in original["letters"]) == 6

    with Archive.open(tmp_path / "new.sqlite3") as fresh:  # a new archive, with its own sample
        counts = import_export(fresh, first)
        assert counts["people"] == len(original["people"]) and counts["revisions"] == 6
        again = archive_document(fresh)
        assert fresh.check()["ok"]
        # Search knows the imported people (the search index is rebuilt in the same transaction).
        assert fresh.search.people_ids(search="nana")
    assert _without_time_of_export(json.loads(json.dumps(again, ensure_ascii=False))) == _without_time_of_export(
        original
    )


def _export_with(tmp_path, archive, change) -> object:
    document = archive_document(archive)
    change(document)
    path = tmp_path / "changed.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


HOSTILE = {
    "not JSON": b"people: everyone",
    "binary": bytes(range(256)) * 4,
    "a list": b"[1, 2, 3]",
    "another format": b'{"format": "vcard", "schema_version": 1}',
    "too deep": b'{"format": "beautifulletters-archive", "schema_version": 1, "people": ' + b"[" * 100_000,
    "NaN": b'{"format": "beautifulletters-archive", "schema_version": NaN}',
    "newer": b'{"format": "beautifulletters-archive", "schema_version": 99}',
    "people not a list": b'{"format": "beautifulletters-archive", "schema_version": 1, "people": {"a": 1}}',
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_files_are_refused_in_one_sentence_and_nothing_changes(empty_archive, tmp_path, name):
    path = tmp_path / "hostile.json"
    path.write_bytes(HOSTILE[name])
    before = archive_document(empty_archive)
    with pytest.raises(BeautifulLettersError) as caught:
        import_export(empty_archive, path)
    message = str(caught.value)
    assert "\n" not in message and message.endswith(".") and "Traceback" not in message
    assert _without_time_of_export(archive_document(empty_archive)) == _without_time_of_export(before)


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda d: d["letters"][0].update(recipient_id=999), "letters[0].recipient_id"),
        (lambda d: d["people"][1].update(birthday="1990-02-30"), "people[1].birthday"),
        (lambda d: d["people"][1].update(display_name=None), "people[1].display_name"),
        (lambda d: d["people"].append(dict(d["people"][0])), ".id"),
        (lambda d: d["letters"][0]["revisions"][0].update(body=7), "revisions[0].body"),
        (lambda d: d["notes"][0].update(relationship_id=12345), "notes[0].relationship_id"),
        (lambda d: d["people"][0].update(photo="not base64!"), "people[0].photo"),
        (lambda d: d["letters"][0].update(status="lost"), "letters[0].status"),
    ],
)
def test_a_damaged_record_is_named_and_nothing_is_stored(archive, tmp_path, change, where):
    path = _export_with(tmp_path, archive, change)
    with Archive.open(tmp_path / "new.sqlite3", with_sample=False) as fresh:
        people_before = fresh.search.people_ids()
        with pytest.raises(NotAnExportError) as caught:
            import_export(fresh, path)
        assert where in str(caught.value) and "\n" not in str(caught.value)
        assert fresh.search.people_ids() == people_before
