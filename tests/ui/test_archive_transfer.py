"""File ▸ Export calendar…, Export everything… and Import archive export…, in the real window."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import icalendar
import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication, QMessageBox

from beautifulletters.preferences import Preferences
from beautifulletters.transfer.exporter import export_archive
from ui.window import archive_transfer
from ui.window.main_window import MainWindow

WAIT_MS = 60000


@pytest.fixture
def opened(monkeypatch) -> list[Path]:
    """What the window asked the desktop to open (a file or a folder), instead of opening it."""
    paths: list[Path] = []
    monkeypatch.setattr(archive_transfer, "open_path", lambda path: paths.append(path) or True)
    return paths


def _offer(qtbot) -> QMessageBox:
    found: list[QMessageBox] = []

    def shown() -> bool:
        found[:] = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        return bool(found) and found[0].windowTitle() == "Exported"

    qtbot.waitUntil(shown, timeout=WAIT_MS)
    return found[0]


def _click(box: QMessageBox, text: str) -> None:
    next(button for button in box.buttons() if button.text() == text).click()


def _summaries(path: Path) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    return {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}


def test_export_calendar_then_keep_it_up_to_date(qtbot, window: MainWindow, tmp_path: Path, opened) -> None:
    me = window.archive.settings.default_signer_id()
    friend = window.archive.people.add(display_name="Ada Byron", birthday="--12-10")
    out = tmp_path / "cal" / "occasions.ics"
    out.parent.mkdir()
    dialog = archive_transfer.open_export_calendar(window)
    dialog.path.setText(str(out))
    dialog.remind_days.setValue(10)
    dialog.keep_current.setChecked(True)
    dialog.accept()
    box = _offer(qtbot)
    assert str(out) in box.text() and "1 birthday or date as a calendar" in box.text()
    _click(box, "Show folder")
    assert opened == [out.parent]
    (event,) = _summaries(out).values()
    assert event.walk("VALARM")[0].decoded("TRIGGER") == -dt.timedelta(days=10)
    assert Preferences.load().calendar_path == str(out) and Preferences.load().calendar_remind_days == 10

    # A new date: the kept file follows once the edits settle.
    window.archive.dates.add(friend, kind="anniversary", date="2001-05-05", label="First letter", relationship_from=me)
    window.person_panel.changed.emit()
    qtbot.waitUntil(lambda: len(_summaries(out)) == 2, timeout=WAIT_MS)
    # A birthday changed in the person dialog (the Upcoming list reloads): the file follows too.
    window.archive.people.update(friend, birthday="--12-11")
    window.refresh_people(friend)
    qtbot.waitUntil(lambda: "20001211" in out.read_text(encoding="utf-8"), timeout=WAIT_MS)


@pytest.mark.parametrize("letters_as", ["text", "pdf"])
def test_export_everything_into_a_dated_folder(qtbot, window: MainWindow, tmp_path: Path, opened, letters_as) -> None:
    dialog = archive_transfer.open_export_everything(window)
    dialog.folder.setText(str(tmp_path))
    (dialog.as_text if letters_as == "text" else dialog.as_pdf).setChecked(True)
    dialog.accept()
    box = _offer(qtbot)
    folder = tmp_path / f"BeautifulLetters {dt.date.today().isoformat()}"
    assert str(folder) in box.text() and "2 letters" in box.text()
    assert {p.name for p in folder.iterdir()} == {"everything.json", "people.vcf", "occasions.ics", "letters"}
    letters = sorted((folder / "letters").iterdir())
    assert len(letters) == 2 and all(path.suffix == f".{'txt' if letters_as == 'text' else 'pdf'}" for path in letters)
    # Named by date and person, and the letter is in the file.
    assert letters[0].name.startswith(letters[0].name[:10]) and "Loretta Mercer" in letters[0].name
    dt.date.fromisoformat(letters[0].name[:10])
    if letters_as == "pdf":
        text = "".join(page.extract_text() for page in PdfReader(letters[0]).pages)
    else:
        text = letters[0].read_text(encoding="utf-8")
    assert "Chris" in text and "Loretta" in text
    _click(box, "Open folder")
    assert opened == [folder]


def test_import_an_export_as_a_new_archive_and_open_it(qtbot, window: MainWindow, tmp_path: Path) -> None:
    source = window.archive
    source.people.add(display_name="Ada Byron", tags=["maths"])
    export = tmp_path / "everything.json"
    export_archive(source, "json", export)
    new = tmp_path / "imported.sqlite3"
    archive_transfer.import_archive_export(window, export, new)
    qtbot.waitUntil(lambda: window.archive.path == new, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.archive_check.state == "done", timeout=WAIT_MS)  # the new archive's check
    document = json.loads(export.read_text(encoding="utf-8"))
    assert sorted(window.archive.search.people_ids()) == sorted(p["id"] for p in document["people"])
    assert "Ada Byron" in [window.people_model.index(r, 0).data() for r in range(window.people_model.rowCount())]


def test_a_file_that_is_not_an_export_is_refused_in_one_sentence(qtbot, window: MainWindow, tmp_path: Path) -> None:
    bad = tmp_path / "notes.json"
    bad.write_text('{"shopping": ["milk"]}', encoding="utf-8")
    new = tmp_path / "never.sqlite3"
    before = window.archive.path
    archive_transfer.import_archive_export(window, bad, new)
    qtbot.waitUntil(lambda: "not a BeautifulLetters archive export" in window.statusBar().currentMessage())
    assert window.archive.path == before and not new.exists()
