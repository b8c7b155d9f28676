"""`beautifulletters import` through the real command in a child process."""

from __future__ import annotations

from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "contacts"


def _count(cli) -> int:
    return len(cli("people", "list", "--json").json())


def test_import_reports_each_skipped_card_with_number_and_reason(cli):
    result = cli("import", str(FIXTURES / "malformed_middle_card_30.vcf"))
    assert result.returncode == 0, result.stderr
    assert "3 added, 0 updated, 0 already up to date, 1 skipped, of 4" in result.stdout
    assert "skipped card 2 (line 6) Broken Middle: cannot be read: has no END:VCARD" in result.stdout
    assert "not a real date" in result.stdout


def test_import_json_and_reimport_changes_nothing(cli):
    first = cli("import", str(FIXTURES / "google_old_headers.csv"), "--json")
    assert first.returncode == 0, first.stderr
    report = first.json()
    assert report["counts"] == {"added": 2, "updated": 0, "unchanged": 0, "skipped": 0}
    assert report["format"] == "csv" and report["relationships"] == 1
    assert all(item["person_id"] for item in report["items"])
    again = cli("import", str(FIXTURES / "google_old_headers.csv"), "--json").json()
    assert again["counts"] == {"added": 0, "updated": 0, "unchanged": 2, "skipped": 0}


def test_dry_run_changes_nothing(cli):
    before = _count(cli)
    result = cli("import", str(FIXTURES / "photo_data_uri_40.vcf"), "--dry-run", "--json")
    assert result.returncode == 0
    assert result.json()["dry_run"] is True and result.json()["counts"]["added"] == 2
    assert _count(cli) == before


def test_on_duplicate_skip(cli, tmp_path):
    card = tmp_path / "chris.vcf"
    card.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Chris Mercer\r\nEMAIL:chris.mercer@example.com\r\nNOTE:new\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    result = cli("import", str(card), "--on-duplicate", "skip", "--json")
    (item,) = result.json()["items"]
    assert item["action"] == "skipped" and "already in the archive as Chris Mercer" in item["reason"]


def test_not_contacts_is_one_line_and_exit_1(cli):
    before = _count(cli)
    for name in ("not_contacts.pdf", "empty.vcf", "binary.dat"):
        result = cli("import", str(FIXTURES / name))
        assert result.returncode == 1, name
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
        assert "nothing was imported" in result.stderr or "no contacts" in result.stderr
    assert _count(cli) == before


def test_usage_errors_exit_2(cli):
    assert cli("import").returncode == 2
    assert cli("import", str(FIXTURES / "outlook.csv"), "--on-duplicate", "replace").returncode == 2


def test_dry_run_names_a_possible_duplicate_in_text_and_json(cli, tmp_path):
    card = tmp_path / "loretta.vcf"
    card.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Lorna Mercer\r\nEMAIL:chris.mercer@example.com\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    result = cli("import", str(card), "--dry-run")
    assert result.returncode == 0, result.stderr
    assert "would add card 1 (line 1) Lorna Mercer: possible duplicate of Chris Mercer" in result.stdout
    assert "same email chris.mercer@example.com" in result.stdout
    report = cli("import", str(card), "--dry-run", "--json").json()
    assert report["possible_duplicates"] == 1
    (item,) = report["items"]
    assert item["action"] == "added" and item["possible_duplicates"][0]["name"] == "Chris Mercer"
    assert "Lorna Mercer" not in {p["display_name"] for p in cli("people", "list", "--json").json()}
