"""File ▸ Export… proposes the letter's title and recipient ("Thinking of you – Sam Adeyemi.pdf",
not "Thinking of you.pdf" for every letter of a template), and never replaces a file unasked."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QWidget

from beautifulletters.archive import Archive
from beautifulletters.export.registry import letter_format
from beautifulletters.preferences import Preferences
from ui.printing import dialogs


@pytest.fixture
def sam_letter(empty_archive: Archive) -> int:
    me = empty_archive.settings.default_signer_id()
    assert me is not None
    sam = empty_archive.people.add(display_name="Sam Adeyemi")
    return empty_archive.letters.create(signer_id=me, recipient_id=sam, title="Thinking of you", body="Dear Sam,")


def _export(qtbot, archive: Archive, letter_id: int, folder: Path, monkeypatch, answer: str) -> tuple[Path | None, str]:  # noqa: ANN001
    """Export with the save dialog answering `answer`; returns what was written and what was proposed."""
    parent = QWidget()
    qtbot.addWidget(parent)
    proposed: list[str] = []

    def save_dialog(_parent, _caption, suggested, _filters):  # noqa: ANN001, ANN202
        proposed.append(suggested)
        return str(folder / answer), letter_format("pdf").file_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    preferences = Preferences()
    preferences.last_export_folder = str(folder)
    preferences.mark_sent_on_export = "no"
    return dialogs.export_dialog(parent, archive, letter_id, preferences), proposed[0]


def test_export_proposes_the_title_and_the_recipient(qtbot, empty_archive, sam_letter, tmp_path, monkeypatch) -> None:
    written, proposed = _export(
        qtbot, empty_archive, sam_letter, tmp_path, monkeypatch, "Thinking of you – Sam Adeyemi.pdf"
    )
    assert proposed == str(tmp_path / "Thinking of you – Sam Adeyemi.pdf")
    assert written == tmp_path / "Thinking of you – Sam Adeyemi.pdf" and written.read_bytes().startswith(b"%PDF")


def test_a_name_typed_without_pdf_gets_it_and_is_not_replaced_unasked(
    qtbot, empty_archive, sam_letter, tmp_path, monkeypatch
) -> None:
    # The dialog asked about "… Dr. Sam" (which is not there), not about "… Dr. Sam.pdf", which is.
    there = tmp_path / "For Dr. Sam.pdf"
    there.write_bytes(b"the letter sent last year")
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda _parent, _title, text: asked.append(text) or False)
    written, _proposed = _export(qtbot, empty_archive, sam_letter, tmp_path, monkeypatch, "For Dr. Sam")
    assert written is None and asked == ["For Dr. Sam.pdf already exists.\nDo you want to replace it?"]
    assert there.read_bytes() == b"the letter sent last year"
    assert not (tmp_path / "For Dr.pdf").exists()  # ".Sam" is part of the name, not a suffix to replace

    monkeypatch.setattr(dialogs, "ask_yes_no", lambda *_args: True)
    written, _proposed = _export(qtbot, empty_archive, sam_letter, tmp_path, monkeypatch, "For Dr. Sam")
    assert written == there and there.read_bytes().startswith(b"%PDF")
