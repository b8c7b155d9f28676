"""Alt and a field label's underlined letter moves to that field in the Person and Relationship dialogs
(each label's buddy was the holder around its field and message, which took no focus: the keys did nothing)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ui.dialogs.person_dialog import PersonDialog, RelationshipDialog


def _press_alt(qtbot, dialog, key: Qt.Key) -> None:
    qtbot.keyClick(dialog.windowHandle(), key, Qt.KeyboardModifier.AltModifier)  # through the shortcut map


def test_alt_letters_move_to_the_person_s_fields(qtbot, archive) -> None:
    dialog = PersonDialog(archive)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    for key, field in ((Qt.Key.Key_B, dialog.birthday), (Qt.Key.Key_T, dialog.tags), (Qt.Key.Key_O, dialog.notes)):
        _press_alt(qtbot, dialog, key)
        qtbot.waitUntil(lambda f=field: QApplication.focusWidget() is f)


def test_alt_letters_move_to_the_relationship_s_fields(qtbot, archive) -> None:
    people = {p.display_name: p.id for p in archive.search.people()}
    dialog = RelationshipDialog(archive, people["Chris Mercer"], people["Loretta Mercer"])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    for key, field in ((Qt.Key.Key_T, dialog.tone), (Qt.Key.Key_S, dialog.since), (Qt.Key.Key_P, dialog.pet_names)):
        _press_alt(qtbot, dialog, key)
        qtbot.waitUntil(lambda f=field: QApplication.focusWidget() is f)
