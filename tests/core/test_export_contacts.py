"""Export on a real archive: vCard 4.0 round trip, CSV round trip, and the complete JSON document."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from beautifulletters.archive import Archive
from beautifulletters.errors import ValidationError
from beautifulletters.transfer import export_archive, import_file

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "contacts"
COMPARED = (
    "display_name",
    "full_name",
    "nickname",
    "pronouns",
    "birthday",
    "postal_addresses",  # in parts: the vCard carries them in ADR's parts, not as the text shown
    "emails",
    "phones",
    "language",
    "tags",
    "photo",
    "notes",
    "pronunciation",
)


def _people(archive, *, but: str | None = None) -> dict[str, dict]:
    return {
        p.display_name: {k: getattr(p, k) for k in COMPARED}
        for p in archive.search.people()
        if not p.is_self and p.display_name != but
    }


def _relationships(archive) -> set[tuple[str, str, str]]:
    names = {p.id: p.display_name for p in archive.search.people()}
    result = set()
    for person_id in names:
        for rel in archive.relationships.for_person(person_id):
            result.add((names[rel.from_id], names[rel.to_id], rel.kind))
    return result


@pytest.fixture
def rich_archive(archive):
    """The sample people plus the trap fixtures: photos, any script, commas, multi-line addresses."""
    for name in (
        "photo_data_uri_40.vcf",
        "apple_bom_utf8_30.vcf",
        "android_qp_soft_breaks_21.vcf",
        "google_old_headers.csv",
        "outlook_label_cp1252_21.vcf",
    ):
        import_file(archive, FIXTURES / name)
    return archive


def test_vcard_round_trip_gives_the_same_people(rich_archive, tmp_path):
    out = tmp_path / "everyone.vcf"
    export_archive(rich_archive, "vcf", out)
    assert out.read_bytes().startswith(b"BEGIN:VCARD\r\nVERSION:4.0\r\n")
    assert all(len(line) <= 75 for line in out.read_bytes().split(b"\r\n"))
    with Archive.open(tmp_path / "fresh.sqlite3", with_sample=False) as fresh:
        report = import_file(fresh, out)
        assert report.skipped == []
        # The exported own record shares only a name with the new archive's: a possible duplicate, not a merge.
        (me,) = report.possible_duplicates
        assert me.name == "Me" and "same name" in (me.reason or "")
        assert _people(fresh, but="Me") == _people(rich_archive)
        assert _relationships(fresh) == _relationships(rich_archive)
        assert ("Chris Mercer", "Loretta Mercer", "wife") in _relationships(fresh)
        loretta = next(p for p in fresh.search.people() if p.display_name == "Loretta Mercer")
        assert [d.kind for d in fresh.dates.for_person(loretta.id)] == ["anniversary"]
        # and importing it a second time changes nothing
        again = import_file(fresh, out)
        assert again.count("added") == again.count("updated") == 0


def test_csv_round_trip_keeps_text_fields(rich_archive, tmp_path):
    out = tmp_path / "everyone.csv"
    export_archive(rich_archive, "csv", out)
    with Archive.open(tmp_path / "fresh.sqlite3", with_sample=False) as fresh:
        import_file(fresh, out)
        original = {name: {k: v for k, v in p.items() if k != "photo"} for name, p in _people(rich_archive).items()}
        copied = {name: {k: v for k, v in p.items() if k != "photo"} for name, p in _people(fresh, but="Me").items()}
        assert copied == original


def test_json_export_is_the_whole_archive(archive, tmp_path):
    out = tmp_path / "archive.json"
    counts = export_archive(archive, "json", out)
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["format"] == "beautifulletters-archive" and document["schema_version"] == 1
    check = archive.check()["counts"]
    assert counts == {
        "people": check["people"],
        "relationships": check["relationships"],
        "notes": check["notes"],
        "dates": check["important_dates"],
        "letters": check["letters"],
    }
    letter = document["letters"][0]
    assert letter["body"] and letter["revisions"][0]["body"]
    assert sum(len(letter["revisions"]) for letter in document["letters"]) == check["revisions"]
    wife = next(r for r in document["relationships"] if r["kind"] == "wife")
    assert wife["pet_names"] == ["Lolly", "my Lo"]
    assert any(n["tag"] == "joke" for n in document["notes"])


def test_json_photo_is_base64(archive, tmp_path):
    import_file(archive, FIXTURES / "photo_data_uri_40.vcf")
    out = tmp_path / "archive.json"
    export_archive(archive, "json", out)
    margaret = next(p for p in json.loads(out.read_text())["people"] if p["display_name"] == "Margaret Hale")
    assert base64.b64decode(margaret["photo"]).startswith(b"\x89PNG")


def test_export_refuses_a_folder_and_unknown_format(archive, tmp_path):
    with pytest.raises(ValidationError, match="is a folder"):
        export_archive(archive, "vcf", tmp_path)
    with pytest.raises(ValidationError, match="not an export format"):
        export_archive(archive, "xls", tmp_path / "x.xls")
