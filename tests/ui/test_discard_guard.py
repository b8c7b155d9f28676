"""Escape in a dialog with something entered asks before throwing it away; with nothing entered it closes at once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from beautifulletters.preferences import Preferences
from ui.dialogs.batch_dialog import BatchDialog
from ui.dialogs.common import GuardedDialog
from ui.dialogs.import_dialog import ImportDialog
from ui.dialogs.new_letter import NewLetterDialog
from ui.dialogs.person_dialog import PersonDialog, RelationshipDialog
from ui.dialogs.preferences_dialog import PreferencesDialog

WAIT_MS = 10000


def _people(archive) -> dict[str, int]:
    return {p.display_name: p.id for p in archive.search.people()}


def _show(qtbot, dialog: QDialog) -> QDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    return dialog


def _escape(qtbot, dialog: QDialog) -> None:
    qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Escape)


def _type_into(qtbot, field: QWidget, text: str) -> None:
    field.setFocus(Qt.FocusReason.TabFocusReason)  # as Tab or a click would
    qtbot.waitUntil(field.hasFocus, timeout=WAIT_MS)
    qtbot.keyClicks(field, text)


def _answer(qtbot, dialog: GuardedDialog, button_text: str) -> None:
    box = dialog.discard_box
    assert isinstance(box, QMessageBox) and box.isVisible(), "Escape should have asked first"
    assert box.textFormat() == Qt.TextFormat.PlainText
    next(b for b in box.buttons() if b.text() == button_text).click()
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=WAIT_MS)


def check_escape(qtbot, make: Callable[[], GuardedDialog], enter: Callable[[GuardedDialog], None]) -> GuardedDialog:
    """Nothing entered: Escape closes at once. Something entered: it asks; Keep editing keeps it,
    Discard closes. Returns the dialog closed by Discard."""
    untouched = _show(qtbot, make())
    _escape(qtbot, untouched)
    assert not untouched.isVisible() and untouched.result() == QDialog.DialogCode.Rejected
    assert untouched.discard_box is None

    dialog = _show(qtbot, make())
    enter(dialog)
    assert dialog.has_unsaved_input()
    _escape(qtbot, dialog)
    assert dialog.isVisible()
    _answer(qtbot, dialog, "Keep editing")
    assert dialog.isVisible() and dialog.has_unsaved_input()
    _escape(qtbot, dialog)
    _answer(qtbot, dialog, "Discard")
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected
    return dialog


def test_person_dialog(qtbot, archive) -> None:
    before = len(_people(archive))
    check_escape(qtbot, lambda: PersonDialog(archive), lambda d: _type_into(qtbot, d.name, "Ada Byron"))
    assert len(_people(archive)) == before  # discarded: nobody was added


def test_person_dialog_address_editor(qtbot, archive) -> None:
    loretta = _people(archive)["Loretta Mercer"]

    def enter(dialog: GuardedDialog) -> None:
        assert isinstance(dialog, PersonDialog)
        _type_into(qtbot, dialog.addresses.editors[0].city, " Lyon")

    check_escape(qtbot, lambda: PersonDialog(archive, None, loretta), enter)


def test_relationship_dialog(qtbot, archive) -> None:
    people = _people(archive)
    signer, loretta = archive.settings.default_signer_id(), people["Loretta Mercer"]
    check_escape(
        qtbot, lambda: RelationshipDialog(archive, signer, loretta), lambda d: _type_into(qtbot, d.tone, "warm")
    )


def test_new_letter_dialog(qtbot, archive) -> None:
    loretta = _people(archive)["Loretta Mercer"]
    before = len(archive.letters.all())

    def enter(dialog: GuardedDialog) -> None:
        assert isinstance(dialog, NewLetterDialog)
        box = dialog.no_date_box
        box.setFocus(Qt.FocusReason.MouseFocusReason)  # a click brings focus, then toggles
        qtbot.waitUntil(box.hasFocus, timeout=WAIT_MS)
        qtbot.keyClick(box, Qt.Key.Key_Space)

    check_escape(qtbot, lambda: NewLetterDialog(archive, recipient_id=loretta, template="birthday"), enter)
    assert len(archive.letters.all()) == before


def test_preferences_dialog(qtbot, archive) -> None:
    preferences = Preferences()
    check_escape(
        qtbot,
        lambda: PreferencesDialog(archive, preferences),
        lambda d: _type_into(qtbot, d.your_name, " Jr."),  # type: ignore[attr-defined]
    )


def test_import_dialog(qtbot, archive, tmp_path: Path) -> None:
    cards = tmp_path / "friends.csv"
    cards.write_text("Name,Email\nAda Byron,ada@example.org\n", encoding="utf-8")
    before = len(_people(archive))

    def make() -> GuardedDialog:
        dialog = ImportDialog(archive.path, cards)
        qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=WAIT_MS)
        return dialog

    def enter(dialog: GuardedDialog) -> None:
        assert isinstance(dialog, ImportDialog)
        dialog.skip.setFocus(Qt.FocusReason.MouseFocusReason)
        qtbot.waitUntil(dialog.skip.hasFocus, timeout=WAIT_MS)
        qtbot.keyClick(dialog.skip, Qt.Key.Key_Space)
        assert dialog.skip.isChecked()

    check_escape(qtbot, make, enter)
    assert len(_people(archive)) == before


def test_batch_dialog(qtbot, archive) -> None:
    check_escape(qtbot, lambda: BatchDialog(archive), lambda d: _type_into(qtbot, d.search, "Mercer"))  # type: ignore[attr-defined]


@pytest.mark.parametrize("dialog_type", [PersonDialog, RelationshipDialog, NewLetterDialog, PreferencesDialog])
def test_the_dialogs_share_one_way_of_asking(dialog_type: type) -> None:
    assert issubclass(dialog_type, GuardedDialog)


def test_a_list_the_dialog_fills_itself_is_not_input(qtbot, archive) -> None:
    """Voices arriving in Preferences after it opened are not the person's doing: Escape closes at once."""
    dialog = _show(qtbot, PreferencesDialog(archive, Preferences()))
    voice = dialog.voice  # type: ignore[attr-defined]
    voice.addItem("A voice that arrived later", "later")
    voice.setCurrentIndex(voice.count() - 1)
    QApplication.processEvents()
    _escape(qtbot, dialog)
    assert not dialog.isVisible()
