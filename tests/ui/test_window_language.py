"""The window in the person's language: the Preferences override, and Qt's own words translated too."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from beautifulletters import i18n
from beautifulletters.preferences import Preferences
from ui.dialogs.preferences_dialog import PreferencesDialog


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
