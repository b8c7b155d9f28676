"""The person dialog edits addresses in parts, named as the chosen country names them."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from ui.dialogs.person_dialog import PersonDialog


def test_a_new_address_in_parts_is_saved_and_shown_again(qtbot, empty_archive) -> None:
    dialog = PersonDialog(empty_archive)
    qtbot.addWidget(dialog)
    dialog.name.setText("Ludwig")
    editor = dialog.addresses.editors[0]
    editor.country.setCurrentText("United States")
    editor.country.setCurrentIndex(editor.country.findText("United States"))
    assert (editor.postcode.placeholderText(), editor.region.placeholderText()) == ("ZIP code", "State")
    editor.street.setPlainText("1 Elm St")
    editor.city.setText("Boston")
    editor.region.setText("MA")
    editor.postcode.setText("02101")
    second = dialog.addresses.add_editor()
    second.street.setPlainText("Bonngasse 20\n53111 Bonn\nDeutschland")  # pasted whole
    second.split_pasted_address()
    assert (second.street.toPlainText(), second.city.text(), second.country.currentText()) == (
        "Bonngasse 20",
        "Bonn",
        "Germany",
    )
    dialog.accept()
    person = empty_archive.people.get(dialog.person_id)
    assert [a["country"] for a in person.postal_addresses] == ["US", "DE"]
    assert person.addresses[0] == "1 Elm St\nBOSTON, MA 02101\nUNITED STATES"

    again = PersonDialog(empty_archive, person_id=dialog.person_id)
    qtbot.addWidget(again)
    shown = [(e.city.text(), e.postcode.text(), e.country.currentText()) for e in again.addresses.editors]
    assert shown == [("Boston", "02101", "United States"), ("Bonn", "53111", "Germany")]


def test_an_unknown_country_is_refused_in_words(qtbot, empty_archive) -> None:
    dialog = PersonDialog(empty_archive)
    qtbot.addWidget(dialog)
    dialog.name.setText("Nemo")
    editor = dialog.addresses.editors[0]
    editor.street.setPlainText("1 Sea Lane")
    editor.country.setCurrentText("Atlantis")
    dialog.accept()
    assert dialog.person_id is None
    assert "Atlantis" in dialog.form.message_for("addresses")
    assert "is not a country we know" in dialog.form.message_for("addresses")
    QApplication.processEvents()
