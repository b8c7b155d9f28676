"""A death, a relationship's end and how the signer signs and calls them, set in the window's dialogs:
stored in the archive, said in the person panel, and used by the drafts the New letter dialog writes."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QLabel

from beautifulletters import humandates
from beautifulletters.archive import Archive
from beautifulletters.drafting import Draft
from ui.dialogs.new_letter import NewLetterDialog
from ui.dialogs.person_dialog import PersonDialog, RelationshipDialog
from ui.window.person_panel import PersonPanel

WAIT_MS = 15_000


def people(archive: Archive) -> dict[str, int]:
    return {archive.people.get(i).display_name: i for i in archive.search.people_ids()}


def _shown(qtbot, dialog: QDialog) -> QDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _panel(qtbot, archive: Archive, person_id: int) -> PersonPanel:
    panel = PersonPanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.show_person(archive, person_id)
    return panel


def _visible_errors(dialog: QDialog) -> list[str]:
    return [
        label.text() for label in dialog.findChildren(QLabel) if label.property("role") == "error" and label.isVisible()
    ]


def _draft(qtbot, dialog: NewLetterDialog) -> tuple[Draft, str]:
    """The draft the dialog previews, and the preview as shown (the letter and its signature)."""
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.preview_draft is not None or dialog.preview_error is not None, timeout=WAIT_MS)
    assert dialog.preview_draft is not None, dialog.preview_error
    return dialog.preview_draft, dialog.preview.toPlainText()


@pytest.mark.parametrize(
    ("typed", "stored", "said"),
    [("3 March 2024", "2024-03-03", "died " + humandates.full_date("2024-03-03")), ("2024", "2024", "died 2024")],
)
def test_a_death_set_in_the_person_dialog_is_stored_and_shown_in_the_panel(
    qtbot, archive: Archive, typed: str, stored: str, said: str
) -> None:
    loretta = people(archive)["Loretta Mercer"]
    dialog = _shown(qtbot, PersonDialog(archive, None, loretta))
    assert dialog.died.text() == ""
    dialog.died.setText(typed)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert archive.people.get(loretta).died_on == stored
    panel = _panel(qtbot, archive, loretta)
    details = panel.details_label.text()
    assert said in details and details.index("born") < details.index("died"), details
    # Opened again, the date is shown in words and saving it untouched keeps it as stored.
    again = _shown(qtbot, PersonDialog(archive, None, loretta))
    assert again.died.text() == (humandates.full_date(stored) if len(stored) == 10 else stored)
    again.accept()
    assert archive.people.get(loretta).died_on == stored


def test_a_month_and_year_of_death_is_shown_in_words_and_kept(qtbot, archive: Archive) -> None:
    loretta = people(archive)["Loretta Mercer"]
    archive.people.update(loretta, died_on="2024-03")
    dialog = _shown(qtbot, PersonDialog(archive, None, loretta))
    assert dialog.died.text() == humandates.month_year("2024-03-01")
    dialog.accept()
    assert archive.people.get(loretta).died_on == "2024-03"
    assert "died " + humandates.month_year("2024-03-01") in _panel(qtbot, archive, loretta).details_label.text()


def test_a_bad_date_of_death_is_one_message_and_nothing_is_saved(qtbot, archive: Archive) -> None:
    loretta = people(archive)["Loretta Mercer"]
    dialog = _shown(qtbot, PersonDialog(archive, None, loretta))
    dialog.nickname.setText("Lottie")
    dialog.died.setText("31 June 2024")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.isVisible()
    assert "31 June 2024" in dialog.form.message_for("died_on")
    assert archive.people.get(loretta).died_on is None and archive.people.get(loretta).nickname == "Lolly"
    dialog.died.clear()
    dialog.accept()
    assert archive.people.get(loretta).died_on is None and archive.people.get(loretta).nickname == "Lottie"


def test_signs_as_and_calls_them_are_stored_and_the_draft_signs_nana(qtbot, archive: Archive) -> None:
    loretta = people(archive)["Loretta Mercer"]
    sam = archive.people.add(display_name="Sam Mercer")
    dialog = _shown(qtbot, RelationshipDialog(archive, loretta, sam))
    dialog.kind.setCurrentText("grandson")
    dialog.signs_as.setText("Nana")
    dialog.calls_them.setText("Sammy")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    stored = archive.relationships.get(loretta, sam)
    assert stored is not None and (stored.signs_as, stored.calls_them) == ("Nana", "Sammy")
    assert stored.ended_on is None and stored.end_kind is None  # empty "Ended": not ended
    draft, shown = _draft(qtbot, NewLetterDialog(archive, recipient_id=sam, signer_id=loretta, template="birthday"))
    assert draft.signature == "Nana" and shown.rstrip().splitlines()[-1] == "Nana", shown[-80:]
    assert draft.text.splitlines()[0].endswith("Sammy,"), draft.text.splitlines()[0]
    line = _panel(qtbot, archive, sam).relationship_label.text()
    assert "Signs as “Nana”." in line and "Calls them “Sammy”." in line, line
    # Opened again, both are there to change.
    again = _shown(qtbot, RelationshipDialog(archive, loretta, sam))
    assert (again.signs_as.text(), again.calls_them.text()) == ("Nana", "Sammy")


def test_a_mother_called_mum_is_written_to_as_mum(qtbot, archive: Archive) -> None:
    chris = people(archive)["Chris Mercer"]
    irene = archive.people.add(display_name="Irene Mercer")
    dialog = _shown(qtbot, RelationshipDialog(archive, chris, irene))
    dialog.kind.setCurrentText("mother")
    dialog.calls_them.setText("Mum")
    dialog.accept()
    draft, _shown_text = _draft(
        qtbot, NewLetterDialog(archive, recipient_id=irene, signer_id=chris, template="birthday")
    )
    assert re.match(r"^\w[\w ]* Mum,$", draft.text.splitlines()[0]), draft.text.splitlines()[0]


def test_a_marriage_that_ended_is_stored_said_and_drafted_as_such(qtbot, archive: Archive) -> None:
    names = people(archive)
    chris, loretta = names["Chris Mercer"], names["Loretta Mercer"]
    before, _before_text = _draft(
        qtbot, NewLetterDialog(archive, recipient_id=loretta, signer_id=chris, template="anniversary")
    )
    assert before.template == "anniversary"
    dialog = _shown(qtbot, RelationshipDialog(archive, chris, loretta))
    dialog.ended_on.setText("2019")
    dialog.end_kind.setCurrentText("divorce")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    stored = archive.relationships.get(chris, loretta)
    assert stored is not None and (stored.ended_on, stored.end_kind) == ("2019", "divorce")
    assert stored.kind == "wife" and stored.pet_names  # the rest is kept as it was
    panel = _panel(qtbot, archive, loretta)
    line = panel.relationship_label.text()
    assert "Divorced in 2019." in line and "years on" not in line, line
    dates = [panel.dates.dates_list.item(i).text() for i in range(panel.dates.dates_list.count())]
    wedding = next(text for text in dates if text.startswith("Wedding anniversary: "))
    assert "years on" not in wedding and wedding.endswith("1976"), dates  # was "… · 50 years on 24 December"
    draft, _text = _draft(
        qtbot, NewLetterDialog(archive, recipient_id=loretta, signer_id=chris, template="anniversary")
    )
    assert draft.template == "letting-go"
    # The letting-go letter's closings for a relationship that ended (templates/letting-go.j2), not "Love,".
    ended = ("Go well,", "With every good wish,", "Wishing you well,", "Be well,", "With love, and go well,")
    assert any(f"\n{closing}" in draft.text for closing in ended), draft.text
    assert not any(f"\n{closing}" in before.text for closing in ended), before.text


def test_how_it_ended_is_offered_in_german_and_stored_as_the_core_s_word(qtbot, archive: Archive, german) -> None:
    names = people(archive)
    chris, loretta = names["Chris Mercer"], names["Loretta Mercer"]
    dialog = _shown(qtbot, RelationshipDialog(archive, chris, loretta))
    offered = [dialog.end_kind.itemText(i) for i in range(dialog.end_kind.count())]
    assert "Scheidung" in offered and "Trennung" in offered
    dialog.end_kind.setCurrentText("Trennung")
    dialog.ended_on.setText("3. März 2020")
    dialog.accept()
    stored = archive.relationships.get(chris, loretta)
    assert stored is not None and (stored.ended_on, stored.end_kind) == ("2020-03-03", "separation")
    again = _shown(qtbot, RelationshipDialog(archive, chris, loretta))
    assert again.end_kind.currentText() == "Trennung" and again.ended_on.text() == "3. März 2020"


def test_a_bad_end_date_is_one_message_and_nothing_is_saved(qtbot, archive: Archive) -> None:
    names = people(archive)
    chris, loretta = names["Chris Mercer"], names["Loretta Mercer"]
    was = archive.relationships.get(chris, loretta)
    dialog = _shown(qtbot, RelationshipDialog(archive, chris, loretta))
    dialog.tone.setText("wistful")
    dialog.ended_on.setText("31 June 2019")
    dialog.end_kind.setCurrentText("divorce")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.isVisible()
    errors = _visible_errors(dialog)
    assert len(errors) == 1 and "31 June 2019" in errors[0], errors
    assert archive.relationships.get(chris, loretta) == was


def test_clearing_ended_clears_it(qtbot, archive: Archive) -> None:
    names = people(archive)
    chris, loretta = names["Chris Mercer"], names["Loretta Mercer"]
    archive.relationships.set(chris, loretta, kind="wife", ended_on="2019-09", end_kind="divorce", signs_as="Chris")
    dialog = _shown(qtbot, RelationshipDialog(archive, chris, loretta))
    assert dialog.ended_on.text() == humandates.month_year("2019-09-01")
    assert dialog.end_kind.currentText() == "divorce" and dialog.signs_as.text() == "Chris"
    dialog.ended_on.clear()
    dialog.end_kind.setCurrentIndex(0)
    dialog.accept()
    stored = archive.relationships.get(chris, loretta)
    assert stored is not None and stored.ended_on is None and stored.end_kind is None
    assert stored.signs_as == "Chris"
    line = _panel(qtbot, archive, loretta).relationship_label.text()
    assert "Divorced" not in line and "Ended" not in line, line


@pytest.mark.parametrize("which", ["person", "relationship"])
def test_each_dialog_s_mnemonics_are_unique(qtbot, archive: Archive, which: str) -> None:
    names = people(archive)
    chris, loretta = names["Chris Mercer"], names["Loretta Mercer"]
    dialog = _shown(
        qtbot,
        PersonDialog(archive, None, loretta) if which == "person" else RelationshipDialog(archive, chris, loretta),
    )
    texts = [w.text() for w in dialog.findChildren(QLabel) + dialog.findChildren(QAbstractButton)]
    keys = [m.group(1).lower() for t in texts if (m := re.search(r"&([^&\s])", t.replace("&&", "")))]
    assert len(keys) == len(set(keys)), sorted(keys)
    assert len(keys) >= (13 if which == "person" else 8)


def test_alt_e_brings_the_ended_row_into_view_in_a_small_dialog(qtbot, archive: Archive) -> None:
    """At 200 % on 1440×900 the form scrolls: the ended row, last, is scrolled to when Alt+E reaches it."""
    names = people(archive)
    dialog = _shown(qtbot, RelationshipDialog(archive, names["Chris Mercer"], names["Loretta Mercer"]))
    dialog.resize(dialog.width(), 260)
    qtbot.waitUntil(lambda: dialog.ended_on.visibleRegion().isEmpty())
    qtbot.keyClick(dialog.windowHandle(), Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.ended_on)
    qtbot.waitUntil(lambda: not dialog.ended_on.visibleRegion().isEmpty())
    assert dialog.buttons.isVisible()


def test_a_month_and_year_typed_in_words_is_kept_as_such(qtbot, archive: Archive) -> None:
    """The dialog shows a stored 2024-03 as "March 2024"; changed to "April 2024" it is stored as 2024-04."""
    loretta = people(archive)["Loretta Mercer"]
    dialog = _shown(qtbot, PersonDialog(archive, None, loretta))
    dialog.died.setText("March 2024")
    dialog.accept()
    assert archive.people.get(loretta).died_on == "2024-03"
    again = _shown(qtbot, PersonDialog(archive, None, loretta))
    again.died.setText(again.died.text().replace("March", "April"))
    again.accept()
    assert archive.people.get(loretta).died_on == "2024-04"


def test_saving_edit_person_leaves_the_focus_on_edit(qtbot, window) -> None:
    """After Edit person…, Save: the panel was blanked while the list was refreshed, so the focus left
    Edit… for a field further down (the new date) and the panel scrolled away from the name."""
    panel = window.person_panel
    person = window.current_person_id()
    qtbot.waitUntil(lambda: panel.shown_person_id == person and panel.edit_button.isEnabled() and not panel.loading)
    window.activateWindow()
    panel.edit_button.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.edit_button)
    scrolled = panel.verticalScrollBar().value()
    window.refresh_people(person)  # what saving the Person dialog does
    qtbot.waitUntil(lambda: not panel.loading)
    assert QApplication.focusWidget() is panel.edit_button, QApplication.focusWidget()
    assert panel.verticalScrollBar().value() == scrolled and panel.edit_button.isEnabled()
