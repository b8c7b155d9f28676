"""The empty desk is a place: with no letter open the centre says what to do next, and choosing a
person in the list opens their newest draft or shows the letters between you (never someone else's letter)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit

from beautifulletters.archive import Archive
from tests.ui.test_page_fit import open_window
from ui.window.main_window import MainWindow


def _desk_texts(window: MainWindow) -> list[str]:
    from PySide6.QtWidgets import QLabel, QPushButton

    card = window.desk_room.empty.card
    return [w.text() for w in card.findChildren(QLabel) + card.findChildren(QPushButton)]


def _button(window: MainWindow, text: str):  # noqa: ANN202 - a QPushButton
    found = [b for b in window.desk_room.empty.buttons() if text in b.text().replace("&", "")]
    assert found, (text, [b.text() for b in window.desk_room.empty.buttons()])
    return found[0]


def _click_person(qtbot, window: MainWindow, person_id: int) -> None:
    """Choose a person in the list with the mouse, as a writer does."""
    row = window.people_model.row_of(person_id)
    rect = window.people_view.visualRect(window.people_model.index(row, 0))
    qtbot.mouseClick(window.people_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _people(archive: Archive) -> tuple[int, int, int]:
    me = archive.settings.default_signer_id()
    soon = (dt.date.today() + dt.timedelta(days=3)).isoformat()
    ann = archive.people.add(display_name="Ann Lee", birthday=soon)
    bob = archive.people.add(display_name="Bob Stone")
    return me, ann, bob


def test_with_no_letter_open_the_desk_offers_occasions_recent_letters_and_new_letter(
    qtbot, empty_archive: Archive, archive_path: Path, test_output_dir
) -> None:
    me, ann, bob = _people(empty_archive)
    to_bob = empty_archive.letters.create(signer_id=me, recipient_id=bob, body="Dear Bob,\n\nThe boat is ready.")
    empty_archive.close()
    window = open_window(qtbot, archive_path, (1280, 800))
    room = window.desk_room
    qtbot.waitUntil(lambda: any("Ann Lee" in text for text in _desk_texts(window)), timeout=5000)
    assert room.currentWidget() is room.empty and not room.showing_letter
    texts = _desk_texts(window)
    assert "Coming up" in texts and any("Bob Stone" in text for text in texts)  # the latest letter
    # Nothing on the desk takes typing: there is nowhere for it to be saved.
    assert not room.empty.findChildren(QLineEdit) + room.empty.findChildren(QTextEdit)
    assert not room.empty.findChildren(QPlainTextEdit)
    qtbot.keyClicks(room.empty, "hello")
    assert window.archive.letters.get(to_bob).body == "Dear Bob,\n\nThe boat is ready."
    window.grab().save(str(test_output_dir / "empty-desk.png"))

    _button(window, "Write…").click()  # Ann's birthday: the New letter dialog, for her
    dialog = window.current_dialog
    assert type(dialog).__name__ == "NewLetterDialog" and dialog.recipient_picker.person_id() == ann
    dialog.reject()

    _button(window, "Bob Stone").click()  # a letter on the desk opens on a click
    qtbot.waitUntil(lambda: room.showing_letter, timeout=3000)
    assert window.editor.letter_id == to_bob
    window.editor.unload()  # (it went to the trash, say): the desk comes back, with the letter worked on
    assert room.currentWidget() is room.empty
    qtbot.waitUntil(lambda: "Letters you worked on" in _desk_texts(window), timeout=3000)

    _button(window, "New letter").click()
    assert type(window.current_dialog).__name__ == "NewLetterDialog"
    window.current_dialog.reject()


def test_choosing_a_person_opens_their_newest_draft_or_shows_your_letters(
    qtbot, empty_archive: Archive, archive_path: Path, test_output_dir
) -> None:
    me, ann, bob = _people(empty_archive)
    letters = empty_archive.letters
    older = letters.create(signer_id=me, recipient_id=ann, body="Dear Ann,\n\nFirst try.")
    newer = letters.create(signer_id=me, recipient_id=ann, body="Dear Ann,\n\nSecond try.")
    letters.save_body(older, "Dear Ann,\n\nFirst try, reworked today.")  # worked on last: the one to open
    sent = letters.create(signer_id=me, recipient_id=bob, body="Dear Bob,\n\nThanks for the boat.", status="sent")
    empty_archive.close()
    window = open_window(qtbot, archive_path, (1280, 800))
    room = window.desk_room
    assert newer

    _click_person(qtbot, window, ann)
    qtbot.waitUntil(lambda: room.showing_letter, timeout=3000)
    assert window.editor.letter_id == older  # the draft worked on most recently
    qtbot.wait(1000)  # the spelling's word list arrives and underlines what it finds

    _click_person(qtbot, window, bob)  # no draft: your letters to him, not Ann's letter
    qtbot.waitUntil(lambda: not room.showing_letter, timeout=3000)
    assert window.editor.letter_id is None
    qtbot.waitUntil(lambda: "Letters with Bob Stone" in _desk_texts(window), timeout=3000)
    texts = _desk_texts(window)
    assert any("to Bob Stone" in text and "sent on" in text for text in texts)
    # Looked at, not touched: no new revision (the spelling's underlines once saved it as an edit).
    assert window.archive.letters.get(older).body == "Dear Ann,\n\nFirst try, reworked today."
    assert len(window.archive.letters.revisions(older)) == 2
    window.grab().save(str(test_output_dir / "person-letters.png"))

    _button(window, "to Bob Stone").click()
    qtbot.waitUntil(lambda: room.showing_letter, timeout=3000)
    assert window.editor.letter_id == sent
    _click_person(qtbot, window, bob)  # their letter is open: choosing them again keeps it
    qtbot.wait(300)
    assert room.showing_letter and window.editor.letter_id == sent

    _click_person(qtbot, window, ann)
    qtbot.waitUntil(lambda: window.editor.letter_id == older, timeout=3000)
    _click_person(qtbot, window, bob)
    qtbot.waitUntil(lambda: not room.showing_letter, timeout=3000)
    _button(window, "Write to Bob Stone").click()
    dialog = window.current_dialog
    assert type(dialog).__name__ == "NewLetterDialog" and dialog.recipient_picker.person_id() == bob
    dialog.reject()
    _button(window, "Back to your desk").click()
    qtbot.waitUntil(lambda: "Your desk" in _desk_texts(window), timeout=3000)
    _click_person(qtbot, window, ann)
    qtbot.waitUntil(lambda: window.editor.letter_id == older, timeout=3000)
    _click_person(qtbot, window, me)  # you, the writer: the desk's overview, not "letters with me"
    qtbot.waitUntil(lambda: not room.showing_letter, timeout=3000)
    qtbot.waitUntil(lambda: "Your desk" in _desk_texts(window), timeout=3000)


def test_the_window_choosing_a_person_itself_does_not_move_the_desk(qtbot, archive_path: Path) -> None:
    window = open_window(qtbot, archive_path, (1280, 800))
    letter = window.archive.letters.all()[0]
    window.open_letter(letter.id)
    other = window.archive.people.add(display_name="Cleo Park")
    window.refresh_people(other)  # after adding someone the window chooses them
    QApplication.processEvents()
    qtbot.wait(300)
    assert window.current_person_id() == other
    assert window.desk_room.showing_letter and window.editor.letter_id == letter.id


def test_coming_up_leaves_out_a_divorce_and_remembers_the_dead_gently(
    qtbot, empty_archive: Archive, archive_path: Path
) -> None:
    today = dt.date.today()
    soon = today + dt.timedelta(days=21)
    me = empty_archive.settings.default_signer_id()
    loretta = empty_archive.people.add(display_name="Loretta Mercer")
    wedding = soon.replace(year=soon.year - 50).isoformat()
    empty_archive.relationships.set(me, loretta, kind="wife", since=wedding, ended_on="2020-03-01", end_kind="divorce")
    empty_archive.dates.add(
        loretta, kind="anniversary", date=wedding, label="Wedding anniversary", relationship_from=me
    )
    frank = empty_archive.people.add(display_name="Frank Hale", birthday=soon.replace(year=soon.year - 80).isoformat())
    empty_archive.people.update(frank, died_on="2020-01-01" if soon.month != 1 else "2020-06-01")
    empty_archive.close()
    window = open_window(qtbot, archive_path, (1280, 800))
    qtbot.waitUntil(lambda: any("Frank Hale" in text for text in _desk_texts(window)), timeout=5000)
    texts = _desk_texts(window)
    assert not any("Loretta" in text for text in texts)  # was "Loretta Mercer — 50th wedding anniversary, in 21 days"
    line = next(text for text in texts if "Frank Hale —" in text)
    assert line.startswith("Frank Hale — would have been 80, in 21 days"), texts
    assert "turns" not in line and "Birthday" not in line
    _button(window, "Write…").click()
    dialog = window.current_dialog
    assert dialog.recipient_picker.person_id() == frank and dialog.template_name() == "to-someone-gone"
    dialog.reject()
