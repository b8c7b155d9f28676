"""The date a letter bears on the desk: shown at the top of the paper, changed from Letter ▸ Date on
the letter… or a double-click on it, kept by a sent letter, and the same in print."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QMouseEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from beautifulletters import humandates
from ui.paper.page import body_range
from ui.window.letter_date import LetterDateDialog
from ui.window.letter_life import set_status
from ui.window.main_window import MainWindow

WAIT_MS = 20000
DRAFTED = "2026-12-03T09:30:00.000+00:00"


def _anniversary_letter(qtbot, window: MainWindow) -> int:
    people = {p.display_name: p.id for p in window.archive.search.people()}
    loretta = people["Loretta Mercer"]
    letter_id = window.archive.letters.create(
        signer_id=window.archive.settings.default_signer_id(),
        recipient_id=loretta,
        body="Dearest Lolly, fifty years today.",
        occasion="anniversary",
        occasion_date="2026-12-20",
        created_at=DRAFTED,
    )
    window.select_person(loretta)
    window.person_panel.show_person(window.archive, loretta)
    qtbot.waitUntil(lambda: window.person_panel.shown_person_id == loretta, timeout=WAIT_MS)
    window.open_letter(letter_id)
    return letter_id


def _date_on_paper(window: MainWindow) -> str:
    document = window.editor.text_edit.document()
    start = body_range(document)[0]
    cursor = QTextCursor(document)
    cursor.setPosition(start, QTextCursor.MoveMode.KeepAnchor)
    return " ".join(cursor.selectedText().replace("\u2029", " ").split())


def _menu_entry(menu, text: str):
    for action in menu.actions():
        if action.text().replace("&", "") == text:
            return action
    raise AssertionError(f"no {text!r} in {[a.text() for a in menu.actions()]}")


def test_the_paper_shows_the_occasion_s_day_and_the_writer_changes_it(qtbot, window: MainWindow) -> None:
    letter_id = _anniversary_letter(qtbot, window)
    assert _date_on_paper(window) == "20 December 2026", "drafted on 3 December for the 20th"

    _menu_entry(window.letter_menu, "Date on the letter…").trigger()
    dialog = window.current_dialog
    assert isinstance(dialog, LetterDateDialog)
    dialog.date.setText("19 December 2026")
    dialog.accept()
    assert window.archive.letters.get(letter_id).dated == "2026-12-19"
    assert _date_on_paper(window) == "19 December 2026"
    assert window.editor.letter_id == letter_id and not window.editor.read_only

    # Emptied, it goes back to the occasion's day.
    _menu_entry(window.letter_menu, "Date on the letter…").trigger()
    dialog = window.current_dialog
    assert isinstance(dialog, LetterDateDialog) and dialog.date.text() == "19 December 2026"
    dialog.date.setText("")
    dialog.accept()
    assert _date_on_paper(window) == "20 December 2026"

    # A date that is not one is said under the field; nothing changes.
    _menu_entry(window.letter_menu, "Date on the letter…").trigger()
    dialog = window.current_dialog
    dialog.date.setText("the 40th")
    dialog.accept()
    assert dialog.isVisible() and dialog.error.text()
    dialog.reject()
    assert window.archive.letters.get(letter_id).dated == "2026-12-20"


def test_double_clicking_the_date_on_the_page_asks_for_it(qtbot, window: MainWindow) -> None:
    _anniversary_letter(qtbot, window)
    edit = window.editor.text_edit
    document = edit.document()
    date_block = next(
        block for block in (document.findBlockByNumber(n) for n in range(document.blockCount())) if block.text().strip()
    )
    cursor = QTextCursor(date_block)
    cursor.setPosition(date_block.position() + 2)
    point = QPointF(edit.cursorRect(cursor).center())
    QApplication.sendEvent(
        edit.viewport(),
        QMouseEvent(
            QMouseEvent.Type.MouseButtonDblClick,
            point,
            edit.viewport().mapToGlobal(point),
            Qt.MouseButton.LeftButton,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        ),
    )
    assert isinstance(window.current_dialog, LetterDateDialog)
    window.current_dialog.reject()


def test_a_sent_letter_keeps_its_date_and_print_agrees(qtbot, window: MainWindow) -> None:
    letter_id = _anniversary_letter(qtbot, window)
    assert set_status(window, letter_id, "sent", "2026-12-15")
    assert _date_on_paper(window) == "20 December 2026"
    _menu_entry(window.letter_menu, "Date on the letter…").trigger()
    assert not isinstance(window.current_dialog, LetterDateDialog)
    assert "keeps the date" in window.statusBar().currentMessage()
    window.current_dialog.close()

    from ui.printing.layout import prepare_letter

    prepared = prepare_letter(window.archive, letter_id)
    text = prepared.document.toPlainText()
    assert humandates.full_date("2026-12-20") in text and "3 December 2026" not in text


def test_a_letter_from_the_new_letter_dialog_for_a_day_ahead_bears_that_day(qtbot, archive) -> None:
    import datetime as dt

    from ui.dialogs.new_letter import NewLetterDialog

    ahead = dt.date.today() + dt.timedelta(days=17)
    loretta = next(p.id for p in archive.search.people() if p.display_name == "Loretta Mercer")
    dialog = NewLetterDialog(archive, recipient_id=loretta, template="anniversary", occasion_date=ahead)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "dated on that day" in dialog.date_edit.toolTip()
    dialog.create_letter()
    qtbot.waitUntil(lambda: dialog.created_letter_id is not None, timeout=WAIT_MS)
    assert archive.letters.get(dialog.created_letter_id).dated == ahead.isoformat()
