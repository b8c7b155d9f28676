"""Alt and a field label's underlined letter moves to that field in the Person and Relationship dialogs
(each label's buddy was the holder around its field and message, which took no focus: the keys did nothing)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
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


def _tab_stops(dialog: PersonDialog, start, count: int) -> list[object]:
    stops = []
    start.setFocus()
    for _ in range(count):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        stops.append(QApplication.focusWidget())
    return stops


def test_alt_a_and_tab_reach_the_addresses_where_they_are_shown(qtbot, archive) -> None:
    """A person's addresses were made anew when the person was loaded, after every other field: Alt+A
    went nowhere and Tab went from Birthday straight to "Add another address", the addresses after Cancel."""
    loretta = next(p.id for p in archive.search.people() if p.display_name == "Loretta Mercer")
    archive.people.update(
        loretta, postal_addresses=[{"street": "14 Orchard Lane", "city": "Springfield"}, {"street": "2 Bay Road"}]
    )
    dialog = PersonDialog(archive, None, loretta)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    first, second = dialog.addresses.editors
    assert first.street.toPlainText() == "14 Orchard Lane" and second.street.toPlainText() == "2 Bay Road"
    _press_alt(qtbot, dialog, Qt.Key.Key_A)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is first.street)
    stops = _tab_stops(dialog, dialog.birthday, 14)
    fields = [w for e in (first, second) for w in (e.street, e.postcode, e.city, e.region, e.country)]
    said = " > ".join(w.accessibleName() or type(w).__name__ for w in stops)
    assert stops[0] is dialog.died and stops[1 : 1 + len(fields)] == fields, said
    assert stops[1 + len(fields)] is dialog.addresses.add_button and stops[2 + len(fields)] is dialog.emails
