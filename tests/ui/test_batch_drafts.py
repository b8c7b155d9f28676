"""Letters to many people can leave no drafts behind: unticked, 'Keep the drafts' sends them to the trash."""

from __future__ import annotations

from pathlib import Path

import pytest

from beautifulletters.archive import trash
from ui.window.main_window import MainWindow

WAIT_MS = 30000


@pytest.fixture
def window(window: MainWindow) -> MainWindow:
    """The shared window, with two members of a book club to write to."""
    for name in ("Ada Lovelace", "Ben Okri"):
        window.archive.people.add(display_name=name, tags=["book club"])
    return window


def _club_letters(window: MainWindow) -> int:
    return sum(len(window.archive.letters.all(to=p)) for p in window.archive.search.people_ids(tag="book club"))


def _drafted(qtbot, window: MainWindow, keep: bool):
    dialog = window.open_batch()
    assert dialog.keep_drafts.isChecked()  # as before: the drafts are kept unless the writer says not
    dialog.keep_drafts.setChecked(keep)
    dialog.template.setCurrentIndex(dialog.template.findData("friendship"))
    dialog.by_tag.setChecked(True)
    dialog.tag.setCurrentText("book club")
    dialog.draft()
    qtbot.waitUntil(lambda: len(dialog.plans) == 2, timeout=WAIT_MS)
    assert _club_letters(window) == 2  # stored while they are reviewed (they can be opened and edited)
    return dialog


def test_unkept_drafts_go_to_the_trash_once_the_pdf_is_written(qtbot, window: MainWindow, tmp_path: Path) -> None:
    dialog = _drafted(qtbot, window, keep=False)
    out = tmp_path / "club.pdf"
    dialog.export_to(out)
    qtbot.waitUntil(lambda: dialog.result_paths != [], timeout=WAIT_MS)
    assert out.exists() and "trash" in dialog.status.text()
    qtbot.waitUntil(lambda: _club_letters(window) == 0, timeout=WAIT_MS)
    assert len(trash.list_trash(window.archive)) == 2  # not lost: Letter ▸ Trash… brings them back
    assert not dialog.export_button.isEnabled()
    dialog.accept()
    assert len(trash.list_trash(window.archive)) == 2  # once only


def test_unkept_drafts_go_when_the_dialog_closes_unprinted(qtbot, window: MainWindow) -> None:
    dialog = _drafted(qtbot, window, keep=False)
    window.open_letter(dialog.plans[0].letter_id)  # one of them open on the desk, typed into
    qtbot.keyClicks(window.editor.text_edit, " See you Thursday.")
    dialog.accept()  # Close, without writing a PDF
    assert window.editor.letter_id is None  # the desk let go of it first, its last words saved
    qtbot.waitUntil(lambda: _club_letters(window) == 0, timeout=WAIT_MS)
    (in_trash,) = [t for t in trash.list_trash(window.archive) if t.id == dialog.plans[0].letter_id]
    assert "Thursday" in trash.undelete_letter(window.archive, in_trash.id).body_text
    qtbot.waitUntil(lambda: "trash" in window.statusBar().currentMessage(), timeout=WAIT_MS)


def test_kept_drafts_stay(qtbot, window: MainWindow) -> None:
    dialog = _drafted(qtbot, window, keep=True)
    dialog.accept()
    qtbot.wait(200)
    assert _club_letters(window) == 2 and trash.list_trash(window.archive) == []
