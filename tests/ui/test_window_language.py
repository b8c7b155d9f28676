"""The window in the person's language: the Preferences override, and Qt's own words translated too."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from beautifulletters import i18n
from beautifulletters.preferences import Preferences
from ui.dialogs.preferences_dialog import PreferencesDialog
from ui.window.archive_opening import open_archive_for_window
from ui.window.main_window import MainWindow


def test_preferences_choose_the_window_language_for_the_next_start(qtbot, archive) -> None:
    preferences = Preferences()
    dialog = PreferencesDialog(archive, preferences)
    qtbot.addWidget(dialog)
    choice = dialog.interface_language
    assert choice.currentData() is None  # the system's language until one is chosen
    assert "Deutsch" in [choice.itemText(row) for row in range(choice.count())]
    assert dialog.language_notice.isHidden()
    choice.setCurrentIndex(choice.findData("de"))
    assert not dialog.language_notice.isHidden()  # it says the change waits for the next start
    dialog.accept()
    preferences.save()
    assert Preferences.load().interface_language == "de"
    assert i18n.set_language(Preferences.load().interface_language) == "de"  # what the next start does
    assert i18n._("The system's language") == "Die Sprache des Systems"
    i18n.set_language(None)


def test_a_dialogs_standard_buttons_are_german(qtbot, archive, german) -> None:
    dialog = PreferencesDialog(archive, Preferences())
    qtbot.addWidget(dialog)
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Abbrechen"  # Qt's own catalogue
    assert dialog.interface_language.itemText(0) == "Die Sprache des Systems"  # the app's


def _mnemonic(text: str) -> str | None:
    """The letter after a single & ("&&" is a literal ampersand)."""
    plain = text.replace("&&", "")
    index = plain.find("&")
    return plain[index + 1].lower() if 0 <= index < len(plain) - 1 else None


def _menu_clashes(menu) -> list[str]:
    """Entries of one menu (and, in turn, its submenus) that share an & letter."""
    seen: dict[str, str] = {}
    clashes = []
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        letter = _mnemonic(action.text())
        if letter is not None:
            if letter in seen:
                clashes.append(f"{menu.title()}: {seen[letter]!r} and {action.text()!r}")
            seen[letter] = action.text()
        if action.menu() is not None:
            clashes += _menu_clashes(action.menu())
    return clashes


@pytest.fixture
def german_window(qtbot, archive_path: Path, german):
    archive, notice = open_archive_for_window(archive_path)
    assert archive is not None, notice
    window = MainWindow(archive, notice=notice, preferences=Preferences())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.desk_ready)  # the editor's and reader's entries are in the menus
    yield window
    window.close()


def test_the_window_started_in_german_has_german_menus(german_window) -> None:
    titles = [action.text() for action in german_window.menuBar().actions()]
    assert titles == ["&Datei", "&Bearbeiten", "&Person", "B&rief", "Pap&ier", "&Ansicht", "&Hilfe"]
    file_menu = german_window.menuBar().actions()[0].menu()
    entries = [action.text() for action in file_menu.actions() if not action.isSeparator()]
    assert "&Neuer Brief …" in entries and "&Drucken …" in entries
    assert german_window.left_tabs.tabText(0) == "Personen"
    assert german_window.people_count.text().endswith("Personen")


def test_every_german_menu_has_its_own_letter_for_each_entry(german_window) -> None:
    """Alt+letter reaches one entry: no two entries of a menu (nor two menus) share their & letter."""
    bar = german_window.menuBar()
    clashes = _menu_clashes(bar)
    for action in bar.actions():
        clashes += _menu_clashes(action.menu())
    assert clashes == []
