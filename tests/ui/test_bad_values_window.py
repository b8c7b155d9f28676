"""The window refuses hostile values as the command line does: one sentence by the field, nothing stored."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from beautifulletters.archive import Archive
from beautifulletters.preferences import Preferences
from tests.core.test_archive import dump
from ui.dialogs.person_dialog import PersonDialog
from ui.window.archive_opening import open_archive_for_window
from ui.window.main_window import MainWindow

WAIT_MS = 20000


@pytest.mark.parametrize(
    ("widget", "value", "said"),
    [
        ("name", "Bad\x1b[2JName", "The name contains a control character (U+001B)"),
        ("name", "Eve\u202elive", "The name contains a bidirectional override (U+202E) at position 4"),
        ("nickname", "Bee\x07", "The nickname contains a control character (U+0007) at position 4"),
        ("full_name", "Ann\u2066Smith", "The full name contains a bidirectional override (U+2066)"),
        ("emails", "a@example.org, b\x01@example.org", "The email contains a control character (U+0001)"),
        ("birthday", "٢٠٢٠-٠٣-٠١", "written with digits other than 0-9"),
    ],
)
def test_the_person_dialog_names_the_character_by_its_field_and_stores_nothing(
    qtbot, empty_archive: Archive, archive_path: Path, widget: str, value: str, said: str
) -> None:
    dialog = PersonDialog(empty_archive)
    qtbot.addWidget(dialog)
    dialog.name.setText("Ann")
    getattr(dialog, widget).setText(value)
    before = dump(archive_path)
    dialog.accept()
    assert dialog.person_id is None and dialog.result() != PersonDialog.DialogCode.Accepted
    assert said in dialog.form.message_for(widget)
    assert dump(archive_path) == before


def test_the_person_dialogs_notes_keep_lines_and_refuse_controls(qtbot, empty_archive: Archive) -> None:
    dialog = PersonDialog(empty_archive)
    qtbot.addWidget(dialog)
    dialog.name.setText("Ann")
    dialog.notes.setPlainText("Likes tea.\x1b[31m\nAnd cake.")
    dialog.accept()
    assert dialog.person_id is None
    assert "The notes contain a control character (U+001B)" in dialog.form.message_for("notes")
    dialog.notes.setPlainText("Likes tea.\n\tAnd cake.")  # lines and tabs belong in notes
    dialog.accept()
    assert dialog.person_id is not None
    assert empty_archive.people.get(dialog.person_id).notes == "Likes tea.\n\tAnd cake."


def test_the_person_dialog_refuses_a_photo_that_is_no_image(qtbot, empty_archive: Archive, tmp_path: Path) -> None:
    dialog = PersonDialog(empty_archive)
    qtbot.addWidget(dialog)
    dialog.set_photo_file(Path("/dev/zero"))
    assert dialog.form.message_for("photo") == "/dev/zero is a device, not an image; give a file."
    text = tmp_path / "letter.png"
    text.write_text("Dear Ann")
    dialog.set_photo_file(text)
    assert dialog.form.message_for("photo").startswith(f"{text} is not a photo: ")


def test_a_refused_memory_stays_in_the_box_and_says_why(qtbot, archive_path: Path) -> None:
    archive, notice = open_archive_for_window(archive_path)
    assert archive is not None, notice
    window = MainWindow(archive, notice=notice, preferences=Preferences(extra={"about_you_asked": True}))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.desk_ready, timeout=WAIT_MS)
    panel = window.person_panel
    qtbot.waitUntil(lambda: panel.person_id is not None and panel.new_note.isEnabled(), timeout=WAIT_MS)
    before = len(window.archive.notes.for_person(panel.person_id))
    said: list[str] = []
    panel.error.connect(said.append)
    hostile = "the picnic\x1b[2J at the lake"
    panel.new_note.setText(hostile)
    qtbot.keyClick(panel.new_note, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert said == [
        "The note contains a control character (U+001B) that starts a terminal escape sequence (ESC [2J)"
        " at position 11; remove it."
    ]
    assert panel.new_note.text() == hostile  # kept, to be corrected
    assert len(window.archive.notes.for_person(panel.person_id)) == before
    assert "U+001B" in window.statusBar().currentMessage()
    window.close()


def test_the_import_dialog_refuses_a_file_holding_an_escape_sequence(qtbot, archive_path: Path, tmp_path: Path) -> None:
    from ui.dialogs.import_dialog import ImportDialog

    Archive.open(archive_path).close()
    source = tmp_path / "people.vcf"
    source.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Good Person\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bad\x1b[2JPerson\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    before = dump(archive_path)
    dialog = ImportDialog(archive_path, source)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=WAIT_MS)
    dialog.import_button.click()
    said = "Nothing was imported from people.vcf: in card 2 (line 5), the name contains a control character (U+001B)"
    qtbot.waitUntil(lambda: said in dialog.summary.text(), timeout=WAIT_MS)
    assert dump(archive_path) == before
