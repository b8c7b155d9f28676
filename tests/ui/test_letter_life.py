"""A letter's life in the window: marked draft, final or sent (with the date) and back; duplicated for another."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialog

from beautifulletters import humandates
from ui.dialogs.duplicate_letter import DuplicateLetterDialog
from ui.widgets.date_field import in_words
from ui.window.letter_life import SentDateDialog, duplicate_letter, history_menu, mark_letter
from ui.window.main_window import MainWindow

WAIT_MS = 20000


def _people(window: MainWindow) -> dict[str, int]:
    return {p.display_name: p.id for p in window.archive.search.people()}


def _draft_for_loretta(qtbot, window: MainWindow) -> int:
    loretta = _people(window)["Loretta Mercer"]
    letter_id = window.archive.letters.create(
        signer_id=window.archive.settings.default_signer_id(),
        recipient_id=loretta,
        body="Dearest Lolly, the roses are out.",
        title="Roses",
        occasion_date="2026-06-01",
        style={"paper": "laid"},
    )
    window.select_person(loretta)
    window.person_panel.show_person(window.archive, loretta)
    qtbot.waitUntil(lambda: window.person_panel.shown_person_id == loretta, timeout=WAIT_MS)
    window.open_letter(letter_id)
    return letter_id


def _menu_entry(menu, text: str):
    for action in menu.actions():
        if action.text().replace("&", "") == text:
            return action
    raise AssertionError(f"no {text!r} in {[a.text() for a in menu.actions()]}")


def _history_row(window: MainWindow, letter_id: int) -> int:
    panel = window.person_panel
    return next(r for r in range(panel.letters_list.count()) if panel.letter_id_at(r) == letter_id)


def test_mark_sent_with_a_date_then_back_to_draft(qtbot, window: MainWindow) -> None:
    letter_id = _draft_for_loretta(qtbot, window)
    mark_menu = _menu_entry(window.letter_menu, "Mark as").menu()
    assert [a.text().replace("&", "") for a in mark_menu.actions()] == ["Draft", "Final", "Sent…"]
    _menu_entry(mark_menu, "Sent…").trigger()
    dialog = window.current_dialog
    assert isinstance(dialog, SentDateDialog)
    assert dialog.date.text() == in_words(dt.date.today().isoformat())  # today unless said otherwise
    dialog.date.setText("3 April 2026")
    dialog.accept()
    letter = window.archive.letters.get(letter_id)
    assert letter.status == "sent" and letter.sent_on == "2026-04-03"
    editor = window.editor
    assert editor.letter_id == letter_id and editor.read_only and editor.text_edit.isReadOnly()
    shown = humandates.sent_on("2026-04-03")
    assert window.letter_status.state.text() == shown[:1].upper() + shown[1:]
    assert shown in window.person_panel.letters_list.item(_history_row(window, letter_id)).text()

    # Back to draft from the letter's row in the history: open to changes again.
    menu = history_menu(window, _history_row(window, letter_id))
    _menu_entry(menu, "Mark as draft").trigger()
    letter = window.archive.letters.get(letter_id)
    assert letter.status == "draft" and letter.sent_on is None
    assert not editor.read_only and not editor.text_edit.isReadOnly()
    qtbot.keyClicks(editor.text_edit, " And the lilac.")
    assert editor.flush() and "lilac" in window.archive.letters.get(letter_id).body_text
    mark_letter(window, "final")
    assert window.archive.letters.get(letter_id).status == "final"
    assert window.letter_status.state.text().lower() == "final"


def test_a_bad_sent_date_is_said_and_nothing_changes(qtbot, window: MainWindow) -> None:
    letter_id = _draft_for_loretta(qtbot, window)
    dialog = mark_letter(window, "sent")
    assert isinstance(dialog, SentDateDialog)
    dialog.date.setText("31 February 2026")
    dialog.accept()
    assert dialog.isVisible() and dialog.error.isVisible() and "31 February 2026" in dialog.error.text()
    assert window.archive.letters.get(letter_id).status == "draft"
    dialog.date.setText(in_words(dt.date.today().isoformat()))  # as it was: Escape closes at once
    dialog.reject()
    assert not dialog.isVisible() and window.archive.letters.get(letter_id).status == "draft"


def test_duplicate_for_another_person_and_year(qtbot, window: MainWindow) -> None:
    letter_id = _draft_for_loretta(qtbot, window)
    chris = _people(window)["Chris Mercer"]
    _menu_entry(window.letter_menu, "Duplicate…").trigger()
    dialog = window.current_dialog
    assert isinstance(dialog, DuplicateLetterDialog)
    assert dialog.recipient.person_id() == _people(window)["Loretta Mercer"]  # the same person at first
    assert dialog.date.text() == in_words("2026-06-01")
    dialog.recipient.set_person_id(chris)
    dialog.date.setText("1 June 2027")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    copy = dialog.created_letter_id
    assert copy is not None and copy != letter_id
    original, new = window.archive.letters.get(letter_id), window.archive.letters.get(copy)
    assert new.recipient_id == chris and new.status == "draft" and new.occasion_date == "2027-06-01"
    assert new.body == original.body and new.style == original.style and new.title == "Roses"
    assert window.editor.letter_id == copy  # the copy is on the desk, its person chosen
    assert window.person_panel.person_id == chris
    assert window.current_person_id() == chris


def test_duplicate_from_the_history_for_the_same_person(qtbot, window: MainWindow) -> None:
    letter_id = _draft_for_loretta(qtbot, window)
    before = len(window.archive.letters.all())
    menu = history_menu(window, _history_row(window, letter_id))
    _menu_entry(menu, "Duplicate…").trigger()
    dialog = window.current_dialog
    assert isinstance(dialog, DuplicateLetterDialog)
    dialog.accept()
    assert len(window.archive.letters.all()) == before + 1
    assert window.person_panel.letters_list.count() >= 2
    copy = window.archive.letters.get(dialog.created_letter_id)
    assert copy.recipient_id == _people(window)["Loretta Mercer"] and copy.body_text.startswith("Dearest Lolly")


def test_nothing_to_mark_or_copy_without_a_letter(qtbot, window: MainWindow) -> None:
    assert window.editor.letter_id is None
    assert mark_letter(window, "sent") is None and duplicate_letter(window) is None
