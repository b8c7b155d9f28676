"""First start asks who is writing (once, skippable); the Help menu; menus a keyboard can use."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMenu

from beautifulletters import __version__, drafting
from beautifulletters.preferences import Preferences
from beautifulletters.stationery import BUNDLED_FONTS
from ui.resources import register_bundled_fonts
from ui.window.help import ShortcutsDialog, TextDialog, about_html
from ui.window.main_window import MainWindow, open_archive_for_window
from ui.window.theme import apply_theme


def _window(qtbot, archive_path: Path, preferences: Preferences) -> MainWindow:
    register_bundled_fonts()
    apply_theme(QApplication.instance(), dark=False)
    archive, notice = open_archive_for_window(archive_path)
    assert archive is not None, notice
    main = MainWindow(archive, notice=notice, preferences=preferences)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


@pytest.fixture
def preferences(isolated_user_dirs) -> Preferences:
    return Preferences.load()


def test_first_start_asks_who_is_writing_and_signs_with_it(qtbot, archive_path, preferences) -> None:
    window = _window(qtbot, archive_path, preferences)
    step = window.about_you
    assert step.isVisible()
    step.save_button.click()  # nothing typed: one sentence, nothing saved
    assert step.error.isVisible() and step.isVisible()
    qtbot.keyClicks(step.name, "Margaret Hale")
    qtbot.keyClicks(step.signs_as, "Maggie")
    step.address.setPlainText("4 Marlborough Street\nMilton")
    step.save_button.click()
    assert not step.isVisible()
    me = window.archive.people.get(window.archive.settings.default_signer_id())
    assert me.display_name == "Margaret Hale" and me.nickname == "Maggie"
    assert me.addresses == ["4 Marlborough Street\nMilton"]
    loretta = next(i for i in window.archive.search.people_ids() if window.archive.people.get(i).nickname == "Lolly")
    draft = drafting.render_draft(window.archive, recipient_id=loretta, template="birthday")
    assert draft.signature == "Maggie"
    window.close()
    again = _window(qtbot, archive_path, Preferences.load())
    assert not again.about_you.isVisible()  # asked once


def test_skipping_is_remembered(qtbot, archive_path, preferences) -> None:
    window = _window(qtbot, archive_path, preferences)
    window.about_you.skip_button.click()
    assert not window.about_you.isVisible()
    window.close()
    again = _window(qtbot, archive_path, Preferences.load())
    assert not again.about_you.isVisible()
    me = again.archive.people.get(again.archive.settings.default_signer_id())
    assert me.display_name == "Me"  # skipping changes nothing


def test_help_menu_lists_the_shortcuts_and_says_what_this_is(qtbot, archive_path, preferences) -> None:
    window = _window(qtbot, archive_path, preferences)
    window.ensure_desk()
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[-1] == "&Help"
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    rows = [tuple(dialog.table.item(r, c).text() for c in range(3)) for r in range(dialog.table.rowCount())]
    assert ("File", "New letter", "Ctrl+N") in rows
    assert any(row[1] == "Keyboard shortcuts" for row in rows)
    assert f"BeautifulLetters {__version__}" in about_html() and "Open Font License" in about_html()
    how = TextDialog(window, "How BeautifulLetters works", "<p>x</p>")
    qtbot.addWidget(how)


def test_every_menu_s_mnemonics_are_unique(qtbot, archive_path, preferences) -> None:
    window = _window(qtbot, archive_path, preferences)
    window.ensure_desk()
    qtbot.waitUntil(lambda: window.desk_ready, timeout=20000)

    def letters(texts: list[str]) -> list[str]:
        found = []
        for text in texts:
            match = re.search(r"&([^&\s])", text.replace("&&", ""))
            if match:
                found.append(match.group(1).lower())
        return found

    top = letters([a.text() for a in window.menuBar().actions()])
    assert len(top) == len(set(top)), top
    for menu in window.menuBar().findChildren(QMenu):
        texts = [a.text() for a in menu.actions() if not a.isSeparator()]
        keys = letters(texts)
        clashes = sorted({k for k in keys if keys.count(k) > 1})
        assert not clashes, (menu.title(), clashes, texts)
        assert not any(re.search(r"(?<!&)&(?=\s)|&$", t) for t in texts), texts  # no literal "&" shown


def test_the_keyboard_gets_around(qtbot, archive_path, preferences) -> None:
    """Tab leaves the people list; Escape closes the find bar; Tab moves on from single-purpose boxes."""
    from PySide6.QtCore import Qt

    from ui.dialogs.person_dialog import PersonDialog

    window = _window(qtbot, archive_path, preferences)
    window.about_you.skip()
    assert not window.people_view.tabKeyNavigation()
    window.ensure_desk()
    qtbot.waitUntil(lambda: window.desk_ready, timeout=20000)
    editor = window.editor
    window.open_letter(window.archive.letters.all()[0].id)  # the page shows once a letter is open
    editor.find_bar.open_bar()
    assert editor.find_bar.isVisible()
    qtbot.keyClick(editor.find_bar.find_field, Qt.Key.Key_Escape)
    assert not editor.find_bar.isVisible()
    dialog = PersonDialog(window.archive, window)
    qtbot.addWidget(dialog)
    assert dialog.addresses.editors[0].street.tabChangesFocus() and dialog.notes.tabChangesFocus()


def test_counts_read_as_people_say_them() -> None:
    from beautifulletters.words import count

    assert count(1, "draft") == "1 draft" and count(2, "draft") == "2 drafts" and count(0, "file") == "0 files"
    assert count(3, "person") == "3 people" and count(1, "memory") == "1 memory" and count(1200, "row") == "1,200 rows"


def test_recent_letters_reopen_and_name_the_window(qtbot, archive_path, preferences) -> None:
    window = _window(qtbot, archive_path, preferences)
    qtbot.waitUntil(lambda: window.desk_ready, timeout=20000)
    letters = window.archive.letters.all()
    older, newer = letters[-1], letters[0]
    window.open_letter(older.id)
    window.open_letter(newer.id)
    assert window.recent.ids()[:2] == [newer.id, older.id]
    assert newer.recipient_name in window.windowTitle()
    window.recent._fill()
    labels = [a.text() for a in window.recent.menu.actions()]
    assert len(labels) == 2 and newer.recipient_name in labels[0]
    window.recent.menu.actions()[1].trigger()
    assert window.editor.letter_id == older.id
    window.close()
    again = _window(qtbot, archive_path, Preferences.load())
    qtbot.waitUntil(lambda: again.desk_ready and again.editor.letter_id == older.id, timeout=20000)


def test_toolbar_has_icons_and_no_command_twice(qtbot, archive_path, preferences) -> None:
    window = _window(qtbot, archive_path, preferences)
    window.ensure_desk()
    qtbot.waitUntil(lambda: window.desk_ready, timeout=20000)
    main = [a for a in window.toolbar.actions() if not a.isSeparator()]
    assert all(not a.icon().isNull() for a in main), [a.text() for a in main if a.icon().isNull()]
    on_the_page = {a.text() for a in window.editor.format_toolbar.actions() if a.text()}
    twice = {a.text() for a in main} & on_the_page
    assert not twice, twice
    for menu in window.menuBar().findChildren(QMenu):  # sentence case: "Read aloud", not "Read Aloud"
        for action in menu.actions():
            names = {"BeautifulLetters", "PDF", "JSON", "CSV", "vCard", "vCards"}
            names |= {word for font in BUNDLED_FONTS for word in font.family.split()}  # Paper ▸ Handwriting
            words = [w for w in action.text().replace("&", "").split() if w.strip("…,.") not in names]
            later = [w for w in words[1:] if w[:1].isalpha()]
            assert not (later and all(w[:1].isupper() for w in later)), action.text()


def test_no_needless_sideways_scroll_bars_and_no_clipped_combo_text(qtbot, archive_path, preferences) -> None:
    from PySide6.QtWidgets import QComboBox

    window = _window(qtbot, archive_path, preferences)
    window.resize(1024, 768)
    panel = window.person_panel
    qtbot.waitUntil(lambda: panel.notes_list.count() > 0, timeout=20000)
    qtbot.wait(100)
    assert not panel.notes_list.horizontalScrollBar().isVisible()
    assert not panel.dates_list.horizontalScrollBar().isVisible()
    combo = QComboBox(window)  # an editable combo, as in print preview's zoom box
    combo.setEditable(True)
    combo.addItem("43.3%")
    combo.show()
    qtbot.wait(50)
    editor = combo.lineEdit()
    assert editor.contentsRect().height() >= editor.fontMetrics().height()


def test_status_bar_shows_the_length_and_the_save_state(qtbot, archive_path, preferences) -> None:
    window = _window(qtbot, archive_path, preferences)
    qtbot.waitUntil(lambda: window.desk_ready, timeout=20000)
    letter = window.archive.letters.all()[-1]
    window.archive.letters.update(letter.id, status="draft")
    window.open_letter(letter.id)
    qtbot.waitUntil(lambda: "words" in window.letter_status.words.text(), timeout=5000)
    assert "min to read" in window.letter_status.words.text()
    assert window.letter_status.saved.text() == "All saved"
    window.editor.focus_end()
    qtbot.keyClicks(window.editor.text_edit, " And one more thing.")
    assert window.letter_status.saved.text() == "Saving…"
    qtbot.waitUntil(lambda: window.letter_status.saved.text() == "All saved", timeout=10000)


def test_deleting_a_person_says_what_goes_with_them(qtbot, archive_path, preferences) -> None:
    from PySide6.QtWidgets import QMessageBox

    from ui.window.menus import delete_current_person

    window = _window(qtbot, archive_path, preferences)
    loretta = next(i for i in window.archive.search.people_ids() if window.archive.people.get(i).nickname == "Lolly")
    window.select_person(loretta)
    box = delete_current_person(window)
    assert isinstance(box, QMessageBox)
    assert "2 letters" in box.text() and "notes" in box.text() and "cannot be undone" in box.text()
    next(b for b in box.buttons() if b.text() == "Cancel").click()
    assert loretta in window.archive.search.people_ids()  # cancelled: nothing changed
    box = delete_current_person(window)
    next(b for b in box.buttons() if b.text().startswith("Delete Loretta")).click()
    assert loretta not in window.archive.search.people_ids()
    assert not [letter for letter in window.archive.letters.all() if letter.recipient_id == loretta]
    window.select_person(window.archive.settings.default_signer_id())
    box = delete_current_person(window)
    assert "cannot be deleted" in box.text()
