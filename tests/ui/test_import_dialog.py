"""The import dialog, offscreen: column mapping, preview, import with progress, Cancel, bad files."""

from __future__ import annotations

from pathlib import Path

from beautifulletters.archive import Archive
from ui.dialogs.import_dialog import ImportDialog

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "contacts"
WAIT_MS = 15000


def _ready(qtbot, dialog: ImportDialog) -> None:
    qtbot.waitUntil(
        lambda: dialog.import_button.isEnabled() or "nothing was imported" in dialog.about.text(), timeout=WAIT_MS
    )


def _names(path: Path) -> set[str]:
    with Archive.open(path) as archive:
        return {p.display_name for p in archive.search.people()}


def test_generic_csv_mapping_preview_then_import(qtbot, archive_path, tmp_path, test_output_dir):
    Archive.open(archive_path).close()
    source = tmp_path / "club.csv"
    source.write_text(
        "Member;Mail;Born;Remarks\nInes Duarte;ines@example.pt;1961-10-10;Loves fado, and figs\n"
        "Kofi Boateng;kofi@example.gh;;\n",
        encoding="utf-8",
    )
    dialog = ImportDialog(archive_path, source)
    qtbot.addWidget(dialog)
    dialog.show()
    _ready(qtbot, dialog)
    assert "separated by semicolons" in dialog.about.text()
    dialog.set_target("Member", "display_name")
    dialog.set_target("Mail", "email")
    dialog.set_target("Born", "birthday")
    dialog.set_target("Remarks", "notes")
    dialog.preview_button.click()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=WAIT_MS)
    assert dialog.report.dry_run and dialog.results.rowCount() == 2
    assert dialog.results.item(0, 2).text() == "Add"
    assert "Ines Duarte" not in _names(archive_path)  # a preview changes nothing
    dialog.grab().save(str(test_output_dir / "import-preview.png"))
    with qtbot.waitSignal(dialog.imported, timeout=WAIT_MS) as signal:
        dialog.import_button.click()
    assert signal.args[0].count("added") == 2
    assert dialog.results.item(0, 2).text() == "Added"
    assert {"Ines Duarte", "Kofi Boateng"} <= _names(archive_path)
    dialog.grab().save(str(test_output_dir / "import-done.png"))


def test_vcard_with_a_bad_card_lists_it_with_its_reason(qtbot, archive_path, test_output_dir):
    Archive.open(archive_path).close()
    dialog = ImportDialog(archive_path, FIXTURES / "malformed_middle_card_30.vcf")
    qtbot.addWidget(dialog)
    dialog.show()
    _ready(qtbot, dialog)
    assert dialog.mapping_view.isHidden() and "4 cards" in dialog.about.text()
    with qtbot.waitSignal(dialog.imported, timeout=WAIT_MS):
        dialog.import_button.click()
    assert dialog.results.item(1, 2).text() == "Skipped"
    assert "END:VCARD" in dialog.results.item(1, 3).text()
    dialog.grab().save(str(test_output_dir / "import-vcard-report.png"))


def test_cancel_imports_nothing(qtbot, archive_path, tmp_path):
    Archive.open(archive_path).close()
    source = tmp_path / "many.vcf"
    source.write_text(
        "".join(f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person {n}\r\nEND:VCARD\r\n" for n in range(4000)), encoding="utf-8"
    )
    dialog = ImportDialog(archive_path, source)
    qtbot.addWidget(dialog)
    _ready(qtbot, dialog)
    dialog.import_button.click()
    dialog.cancel_button.click()  # at once: the worker checks the flag every 50 cards
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=WAIT_MS)
    assert "cancelled" in dialog.summary.text()
    assert not any(name.startswith("Person ") for name in _names(archive_path))


def test_a_pdf_gets_one_clear_message(qtbot, archive_path, test_output_dir):
    dialog = ImportDialog(archive_path, FIXTURES / "not_contacts.pdf")
    qtbot.addWidget(dialog)
    dialog.show()
    _ready(qtbot, dialog)
    assert "is a PDF document, not a contact list" in dialog.about.text()
    assert not dialog.import_button.isEnabled()
    dialog.grab().save(str(test_output_dir / "import-pdf.png"))


def test_preview_marks_a_possible_duplicate_and_shows_names_as_plain_text(qtbot, archive_path, tmp_path):
    with Archive.open(archive_path, with_sample=False) as archive:
        archive.people.add(display_name="Tom Reed", emails=["reeds@example.com"])
    source = tmp_path / "reeds.vcf"
    source.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Amy Reed\r\nEMAIL:reeds@example.com\r\nEND:VCARD\r\n"
        'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:<img src="x.png">Zed\r\nEND:VCARD\r\n',
        encoding="utf-8",
    )
    dialog = ImportDialog(archive_path, source)
    qtbot.addWidget(dialog)
    _ready(qtbot, dialog)
    dialog.preview_button.click()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=WAIT_MS)
    assert dialog.results.item(0, 2).text() == "Add (possible duplicate)"
    assert dialog.results.item(0, 3).text().startswith("possible duplicate of Tom Reed")
    assert "1 possible duplicate to review" in dialog.summary.text()
    assert "&lt;img" in dialog.results.item(1, 1).toolTip()  # shown as the characters it is
    assert "Amy Reed" not in _names(archive_path)


def test_cancel_partway_keeps_what_is_stored_and_says_how_to_finish(qtbot, archive_path, tmp_path, monkeypatch):
    from beautifulletters.transfer import import_writes

    monkeypatch.setattr(import_writes, "CHUNK_SECONDS", 0.0)  # every card its own chunk
    monkeypatch.setattr(import_writes, "PAUSE_SECONDS", 0.0)
    Archive.open(archive_path, with_sample=False).close()
    source = tmp_path / "many.vcf"
    source.write_text(
        "".join(f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person {n}\r\nEND:VCARD\r\n" for n in range(3000)), encoding="utf-8"
    )
    dialog = ImportDialog(archive_path, source)
    qtbot.addWidget(dialog)
    _ready(qtbot, dialog)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.progress.value() >= 60, timeout=WAIT_MS)
    with qtbot.waitSignal(dialog.imported, timeout=WAIT_MS) as signal:
        dialog.cancel_button.click()
    report = signal.args[0]
    assert report.stopped == "cancelled" and 60 <= len(report.items) < 3000
    assert dialog.summary.text().startswith(f"Cancelled after {len(report.items):,} cards of 3,000")
    assert dialog.import_button.isEnabled()  # to bring in the rest
    stored = sum(name.startswith("Person ") for name in _names(archive_path))
    assert stored == len(report.items) == dialog.results.rowCount()
