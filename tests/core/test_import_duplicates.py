"""Duplicates, re-import, dry run, cancel and progress: on a real archive with the sample people."""

from __future__ import annotations

from pathlib import Path

import pytest

from beautifulletters.transfer import ImportCancelled, import_file
from beautifulletters.transfer.exporter import archive_document

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "contacts"


def _snapshot(archive) -> dict:
    document = archive_document(archive)
    document.pop("exported_at")
    return document


def _write(path: Path, cards: str) -> Path:
    path.write_text(cards.replace("\n", "\r\n"), encoding="utf-8")
    return path


def test_reimporting_the_same_file_changes_nothing(empty_archive):
    for name in ("photo_data_uri_40.vcf", "google_old_headers.csv", "apple_bom_utf8_30.vcf", "outlook.csv"):
        import_file(empty_archive, FIXTURES / name)
        before = _snapshot(empty_archive)
        again = import_file(empty_archive, FIXTURES / name)
        assert again.count("added") == 0 and again.count("updated") == 0, name
        assert _snapshot(empty_archive) == before, name


def test_same_name_and_email_merges_while_a_shared_phone_or_a_name_alone_only_warns(archive, tmp_path):
    chris = next(p for p in archive.search.people() if p.display_name == "Chris Mercer")
    path = _write(
        tmp_path / "chris.vcf",
        """BEGIN:VCARD
VERSION:3.0
FN:Mercer, Chris
EMAIL:CHRIS.MERCER@example.com
TEL:+1 555 010 7788
NOTE:Plays the banjo, badly.
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:C. Mercer
TEL:+1 (555) 010-7788
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:Loretta Mercer
BDAY:--0403
EMAIL:lolly@example.com
END:VCARD
""",
    )
    count = archive.search.count_people()
    report = import_file(archive, path)
    assert [i.action for i in report.items] == ["updated", "added", "added"]
    assert "same email" in report.items[0].reason
    assert report.items[1].reason.startswith("possible duplicate of Chris Mercer")
    assert "same phone +1 (555) 010-7788" in report.items[1].reason
    assert "possible duplicate of Loretta Mercer" in report.items[2].reason and "same name" in report.items[2].reason
    assert archive.search.count_people() == count + 2
    merged = archive.people.get(chris.id)
    assert merged.display_name == "Chris Mercer"  # what the archive had is never overwritten
    assert merged.phones == ["+1 555 010 7788"]
    assert merged.notes.endswith("\n\nPlays the banjo, badly.")
    assert merged.notes.startswith("Client since 2018.")


def test_on_duplicate_skip_leaves_the_person_alone(archive, tmp_path):
    path = _write(
        tmp_path / "dup.vcf",
        "BEGIN:VCARD\nVERSION:3.0\nFN:CHRIS MERCER\nEMAIL:chris.mercer@example.com\nTEL:+1 555 010 9999\nEND:VCARD\n",
    )
    before = _snapshot(archive)
    report = import_file(archive, path, on_duplicate="skip")
    (item,) = report.items
    assert item.action == "skipped" and "already in the archive as Chris Mercer" in item.reason
    assert _snapshot(archive) == before


def test_dry_run_reports_exactly_and_changes_nothing(archive):
    before = _snapshot(archive)
    preview = import_file(archive, FIXTURES / "malformed_middle_card_30.vcf", dry_run=True)
    assert _snapshot(archive) == before
    assert preview.dry_run and preview.summary().startswith("Dry run, nothing was changed")
    real = import_file(archive, FIXTURES / "malformed_middle_card_30.vcf")
    assert [(i.number, i.action, i.reason) for i in preview.items] == [
        (i.number, i.action, i.reason) for i in real.items
    ]


def test_cancel_undoes_the_whole_import(empty_archive, tmp_path):
    cards = "".join(f"BEGIN:VCARD\nVERSION:3.0\nFN:Person {n}\nEND:VCARD\n" for n in range(300))
    path = _write(tmp_path / "many.vcf", cards)
    before = _snapshot(empty_archive)
    seen: list[tuple[int, int]] = []

    def stop_halfway() -> bool:
        return bool(seen) and seen[-1][0] >= 150

    with pytest.raises(ImportCancelled):
        import_file(
            empty_archive, path, progress=lambda done, total: seen.append((done, total)), cancelled=stop_halfway
        )
    assert _snapshot(empty_archive) == before
    assert seen[0][1] == 300 and 150 <= seen[-1][0] < 300


def test_progress_reaches_the_total(empty_archive):
    seen: list[tuple[int, int]] = []
    import_file(empty_archive, FIXTURES / "malformed_middle_card_30.vcf", progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (4, 4)
