"""Edit note… and Details…: the writer sees how a note reads in a letter and corrects it; drafts follow."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QListWidgetItem

from beautifulletters import drafting
from beautifulletters.archive import Archive
from ui.dialogs.note_dialog import NoteDialog
from ui.window.person_panel import PERSON_NOTE, NoteIdRole, PersonPanel

TODAY = dt.date(2027, 3, 14)


def _pair(archive: Archive, language: str = "en") -> tuple[int, int]:
    ravi = archive.people.add(display_name="Ravi Patel", pronouns="he")
    mei = archive.people.add(display_name="Mei Chen", pronouns="she", language=language, birthday="1985-03-20")
    archive.relationships.set(ravi, mei, kind="wife", since="2012-06-01")
    return mei, ravi


@pytest.fixture
def panel(qtbot) -> PersonPanel:
    widget = PersonPanel()
    qtbot.addWidget(widget)
    widget.resize(420, 900)
    widget.show()
    return widget


def _item(panel: PersonPanel, words: str) -> QListWidgetItem:
    return next(
        panel.notes_list.item(i) for i in range(panel.notes_list.count()) if words in panel.notes_list.item(i).text()
    )


def _answer(monkeypatch: pytest.MonkeyPatch, fill: Callable[[NoteDialog], None], seen: list[NoteDialog]) -> None:
    """The dialog shown for real, filled in as a person would, and saved (exec would wait for them)."""

    def run(dialog: NoteDialog) -> int:
        dialog.show()
        seen.append(dialog)
        fill(dialog)
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(NoteDialog, "exec", run)


def test_edit_note_shows_the_question_and_keeps_the_writers_phrasing_mood_and_date_for_drafts(
    qtbot, panel: PersonPanel, archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    mei, ravi = _pair(archive)
    panel.show_person(archive, mei)
    # A note every signer may use: who taught her is not said (on the couple's own it is the writer).
    assert panel.add_note("taught her to swim at Lake Tahoe", "memory", about=PERSON_NOTE)
    assert panel.note_phrasing.text() == "Left out of letters: it does not say who did it."
    item = _item(panel, "Lake Tahoe")
    note_id = int(item.data(NoteIdRole))
    panel._note_menu(panel.notes_list.visualItemRect(item).center())
    edit = next(a for a in panel.note_menu.actions() if a.text() == "Edit note…")

    def fill(dialog: NoteDialog) -> None:
        assert dialog.phrasing.text() == ""
        assert dialog.question.isVisible()
        assert "it does not say who did it" in dialog.question.text()
        dialog.phrasing.setFocus()
        qtbot.keyClicks(dialog.phrasing, "I taught you to swim at Lake Tahoe")
        dialog.read_again()
        assert dialog.sentence.text() == "In a letter: I remember how I taught you to swim at Lake Tahoe."
        assert not dialog.question.isVisible()
        dialog.mood.setCurrentIndex(dialog.mood.findData("funny"))
        qtbot.keyClicks(dialog.when, "2019")

    seen: list[NoteDialog] = []
    _answer(monkeypatch, fill, seen)
    edit.trigger()
    assert seen and seen[0].result() == QDialog.DialogCode.Accepted
    note = archive.notes.get(note_id)
    assert note.phrasing == "how I taught you to swim at Lake Tahoe"
    assert (note.mood, note.happened_on) == ("funny", "2019")
    assert set((note.writer_set or "").split(",")) == {"phrasing", "mood", "happened_on"}
    assert panel.note_phrasing.text() == "In a letter: I remember how I taught you to swim at Lake Tahoe."
    letter = drafting.render_draft(archive, recipient_id=mei, signer_id=ravi, template="birthday", today=TODAY)
    assert "I taught you to swim at Lake Tahoe" in letter.text


def test_the_dialog_opens_on_the_readers_phrasing_and_saves_nothing_unchanged(
    qtbot, panel: PersonPanel, archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    mei, ravi = _pair(archive)
    panel.show_person(archive, mei)
    panel.add_note("her dog Biscuit died last spring", "note", about=ravi)
    note_id = int(_item(panel, "Biscuit").data(NoteIdRole))
    before = archive.notes.get(note_id)
    seen: list[NoteDialog] = []

    def fill(dialog: NoteDialog) -> None:
        assert dialog.phrasing.text() == before.phrasing.removeprefix("how ")
        assert dialog.phrasing.cursorPosition() == 0, "a long phrase shows its beginning, not its tail"
        assert dialog.mood.currentData() == "loss"
        assert dialog.when.text() == before.happened_on
        assert dialog.corrections() == {}

    _answer(monkeypatch, fill, seen)
    panel.edit_note(note_id)
    assert archive.notes.get(note_id).writer_set is None  # nothing the writer chose: the reader keeps it


def test_details_adds_a_note_with_who_it_is_about_chosen(
    qtbot, panel: PersonPanel, archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    mei, ravi = _pair(archive)
    panel.show_person(archive, mei)
    # A note every signer may use: who took her is not said until the writer says so (on the couple's
    # own relationship it would be the writer already).
    panel.note_about.setCurrentIndex(panel.note_about.findData(PERSON_NOTE))
    qtbot.keyClicks(panel.new_note, "took her to Paris for her fortieth")
    seen: list[NoteDialog] = []

    def fill(dialog: NoteDialog) -> None:
        assert "it does not say who did it" in dialog.question.text()
        dialog.about.setCurrentIndex(dialog.about.findData("signer"))
        dialog.read_again()
        assert dialog.sentence.text() == "In a letter: I remember how I took you to Paris for your fortieth."

    _answer(monkeypatch, fill, seen)
    qtbot.mouseClick(panel.note_details_button, Qt.MouseButton.LeftButton)
    added = next(n for n in archive.notes.for_person(mei) if "Paris" in n.text)
    assert (added.about, added.writer_set, added.relationship_id) == ("signer", "about", None)
    assert panel.new_note.text() == ""


def test_a_french_note_shows_how_a_french_letter_says_it(panel: PersonPanel, archive: Archive) -> None:
    mei, ravi = _pair(archive, "fr")
    panel.show_person(archive, mei)
    panel.add_note("Tu m'as appris à nager au lac", "memory", about=ravi)
    assert panel.note_phrasing.text() == "In a letter: Je repense souvent à ceci : tu m'as appris à nager au lac."
    panel.add_note("Le soir où nous avons raté le dernier ferry", "fact", about=ravi)
    assert panel.note_phrasing.text() == (
        "In a letter: Je n'ai pas oublié ceci : le soir où nous avons raté le dernier ferry."
    )


def test_a_german_window_says_why_a_note_is_left_out_in_german(
    qtbot, german, panel: PersonPanel, archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reason comes from the note reader in English (stored so); the panel and the dialog say it in German."""
    mei, ravi = _pair(archive)
    panel.show_person(archive, mei)
    panel.add_note("taught her to swim at Lake Tahoe", "memory", about=PERSON_NOTE)  # every signer's: who did it?
    assert panel.note_phrasing.text() == "Bleibt in Briefen weg: sie sagt nicht, wer es getan hat."
    assert archive.notes.for_person(mei)[-1].problem == "it does not say who did it"  # stored in English
    item = _item(panel, "Lake Tahoe")
    panel.notes_list.setCurrentItem(item)
    panel._note_menu(panel.notes_list.visualItemRect(item).center())
    edit = next(a for a in panel.note_menu.actions() if a.text().startswith("Notiz bearbeiten"))

    def fill(dialog: NoteDialog) -> None:
        dialog.read_again()
        assert dialog.question.isVisible()
        assert "sie sagt nicht, wer es getan hat" in dialog.question.text()
        assert "did it" not in dialog.question.text()

    seen: list[NoteDialog] = []
    _answer(monkeypatch, fill, seen)
    edit.trigger()
    assert seen


def test_a_french_note_about_her_is_said_to_her_and_one_about_someone_else_is_named_in_german(
    german, panel: PersonPanel, archive: Archive
) -> None:
    mei, ravi = _pair(archive, "fr")  # Mei is "she"
    panel.show_person(archive, mei)
    panel.add_note("il collectionne les vieilles théières", "preference", about=ravi)
    shown = panel.note_phrasing.text()
    assert shown.startswith("Bleibt in Briefen weg: sie sagt „il“, und es ist nicht klar, ob damit Mei Chen"), shown
    assert "ein Brief auf Französisch" in shown and "it says" not in shown
    panel.add_note("elle collectionne les vieilles théières", "preference", about=ravi)
    assert panel.note_phrasing.text() == "Im Brief: Je n'ai pas oublié ceci : tu collectionnes les vieilles théières."
