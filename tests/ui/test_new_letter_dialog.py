"""The New letter dialog on a real archive: live preview, lint warnings, creating the letter."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from beautifulletters.archive import Archive
from beautifulletters.paths import user_templates_dir
from ui.dialogs.new_letter import NewLetterDialog

WAIT_MS = 15_000  # a cold bounded renderer may take a few seconds to start on a slow machine


def people(archive: Archive) -> dict[str, int]:
    return {archive.people.get(i).display_name: i for i in archive.search.people_ids()}


def wait_for_preview(qtbot, dialog: NewLetterDialog, template: str | None = None) -> None:
    def shown() -> None:
        assert dialog.preview_draft is not None or dialog.preview_error is not None
        if template is not None:
            assert dialog.preview_draft is not None and dialog.preview_draft.template == template
        assert dialog.preview_status.text() != "Writing the preview…"

    qtbot.waitUntil(shown, timeout=WAIT_MS)


@pytest.fixture
def loretta_dialog(qtbot, archive: Archive) -> NewLetterDialog:
    dialog = NewLetterDialog(archive, recipient_id=people(archive)["Loretta Mercer"], template="anniversary")
    qtbot.addWidget(dialog)
    dialog.show()
    wait_for_preview(qtbot, dialog, "anniversary")
    return dialog


def test_preview_shows_the_draft_for_the_prefilled_choices(loretta_dialog: NewLetterDialog, archive: Archive) -> None:
    dialog = loretta_dialog
    text = dialog.preview.toPlainText()
    # What Chris calls her, from their relationship; the fond form is the pair's own (variety).
    assert text.startswith(("My darling Lolly,\n", "Dearest Lolly,\n", "My dearest Lolly,\n"))
    assert "county fair" in text  # the way they met, from the relationship
    # Chris knows Loretta (the user does not), so he is offered and chosen as the signer.
    assert dialog.signer_id() == people(archive)["Chris Mercer"]
    assert text.rstrip().endswith(dialog.preview_draft.signature)


def test_preview_updates_when_the_template_changes(qtbot, loretta_dialog: NewLetterDialog) -> None:
    dialog = loretta_dialog
    before = dialog.preview.toPlainText()
    dialog.set_template("birthday")
    wait_for_preview(qtbot, dialog, "birthday")
    assert dialog.preview.toPlainText() != before
    assert "birthday" in dialog.preview.toPlainText().lower()


def test_changing_the_template_by_keyboard_skips_group_titles(qtbot, loretta_dialog: NewLetterDialog) -> None:
    dialog = loretta_dialog
    combo = dialog.template_combo
    combo.setFocus()
    start = combo.currentIndex()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentIndex() != start
    assert dialog.template_name() is not None  # never a group title
    wait_for_preview(qtbot, dialog, dialog.template_name())


def test_lint_warning_for_a_sparse_recipient(qtbot, archive: Archive) -> None:
    ada = archive.people.add(display_name="Ada Quill")
    dialog = NewLetterDialog(archive, recipient_id=ada, template="anniversary")
    qtbot.addWidget(dialog)
    dialog.show()
    wait_for_preview(qtbot, dialog, "anniversary")
    shown = dialog.warnings_text()
    assert dialog.warnings_box.isVisible()
    assert "Ada" in shown and "anniversary date" in shown and "will not mention the year" in shown
    # A sparse letter still reads as a letter: her name, and nothing broken.
    text = dialog.preview.toPlainText()
    assert "Ada" in text
    for artifact in ("None", "{{", "{%", "undefined"):
        assert artifact not in text


def test_create_stores_the_previewed_letter(qtbot, loretta_dialog: NewLetterDialog, archive: Archive) -> None:
    dialog = loretta_dialog
    loretta = people(archive)["Loretta Mercer"]
    before = {letter.id for letter in archive.letters.all(to=loretta)}
    shown = dialog.preview_draft.text
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == NewLetterDialog.DialogCode.Accepted
    assert dialog.created_letter_id is not None and dialog.created_letter_id not in before
    assert dialog.created_letter_id in {letter.id for letter in archive.letters.all(to=loretta)}
    stored = archive.letters.get(dialog.created_letter_id)
    assert stored.body_text == shown  # exactly what the person saw
    assert stored.template == "anniversary" and stored.signer_id == people(archive)["Chris Mercer"]


def test_create_right_after_a_change_waits_for_the_new_draft(
    qtbot, loretta_dialog: NewLetterDialog, archive: Archive
) -> None:
    dialog = loretta_dialog
    dialog.set_template("birthday")
    dialog.create_letter()  # the birthday preview is not there yet
    qtbot.waitUntil(lambda: dialog.created_letter_id is not None, timeout=WAIT_MS)
    assert archive.letters.get(dialog.created_letter_id).template == "birthday"


def test_occasion_date_and_no_date(qtbot, archive: Archive) -> None:
    loretta = people(archive)["Loretta Mercer"]
    dialog = NewLetterDialog(archive, recipient_id=loretta, template="birthday", occasion_date=dt.date(2031, 4, 3))
    qtbot.addWidget(dialog)
    assert dialog.occasion_date() == "2031-04-03" and dialog.date_edit.isEnabled()
    dialog.no_date_box.setChecked(True)
    assert dialog.occasion_date() is None and not dialog.date_edit.isEnabled()
    wait_for_preview(qtbot, dialog, "birthday")


def test_recipient_search_finds_people_beyond_the_short_list(qtbot, archive: Archive) -> None:
    for number in range(80):
        archive.people.add(display_name=f"Aaron Filler {number:02d}")
    zelda = archive.people.add(display_name="Zelda Okafor")
    dialog = NewLetterDialog(archive, template="friendship")
    qtbot.addWidget(dialog)
    dialog.show()
    picker = dialog.recipient_picker
    assert zelda not in picker.person_ids_offered()  # only the first 50 by name are loaded
    picker.setFocus()
    picker.lineEdit().clear()
    qtbot.keyClicks(picker.lineEdit(), "Zeld")
    qtbot.waitUntil(lambda: picker.completer().completionCount() == 1, timeout=3000)
    popup = picker.completer().popup()
    popup.setCurrentIndex(picker.completer().completionModel().index(0, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.recipient_id() == zelda, timeout=3000)
    wait_for_preview(qtbot, dialog, "friendship")
    assert "Zelda" in dialog.preview.toPlainText()


def test_a_broken_user_template_shows_a_plain_message(qtbot, archive: Archive) -> None:
    folder = user_templates_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "broken.j2").write_text("{#\ntitle: Broken\n#}\nDear {{ recipient.name }},\n{{ ''.__class__ }}\n")
    dialog = NewLetterDialog(archive, recipient_id=people(archive)["Loretta Mercer"], template="broken")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.preview_error is not None, timeout=WAIT_MS)
    assert dialog.preview_error_label.isVisible()
    message = dialog.preview_error_label.text()
    assert "Traceback" not in message
    assert "broken" in message and ("not allowed" in message or "unsafe" in message), message
    dialog.create_letter()
    assert dialog.created_letter_id is None and dialog.isVisible()
    assert dialog.create_error_label.isVisible()


def test_accessible_names_and_tab_order(qtbot, loretta_dialog: NewLetterDialog) -> None:
    dialog = loretta_dialog
    chain = [
        dialog.recipient_picker,
        dialog.signer_picker,
        dialog.template_combo,
        dialog.date_edit,
        dialog.no_date_box,
        dialog.preview,
        dialog.create_button,
        dialog.cancel_button,
    ]
    for widget in chain:
        assert widget.accessibleName(), widget
    dialog.no_date_box.setChecked(False)  # the date field takes part in the tab order only when enabled
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
    dialog.recipient_picker.setFocus()
    reached = [dialog.recipient_picker]
    for _ in range(20):  # Tab inside the date field first walks its day, month and year
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        owner = next((w for w in chain if w is focused or w.isAncestorOf(focused)), focused)
        if owner is not reached[-1]:
            reached.append(owner)
        if len(reached) == len(chain):
            break
    assert reached == chain


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_screenshot(qtbot, archive: Archive, test_output_dir: Path, dark: bool) -> None:
    from ui.window.theme import apply_theme

    app = QApplication.instance()
    old_palette, old_sheet, old_style = app.palette(), app.styleSheet(), app.style().name()
    apply_theme(app, dark)
    try:
        ada = archive.people.add(display_name="Ada Quill")
        dialog = NewLetterDialog(archive, recipient_id=ada, template="anniversary")
        qtbot.addWidget(dialog)
        dialog.show()
        wait_for_preview(qtbot, dialog, "anniversary")
        path = test_output_dir / f"new-letter-{'dark' if dark else 'light'}.png"
        assert dialog.grab().save(str(path))
        assert path.stat().st_size > 10_000
    finally:
        app.setStyleSheet(old_sheet)
        app.setPalette(old_palette)
        app.setStyle(old_style)


def test_the_occasions_details_are_fields_prefilled_from_notes_and_used(qtbot, archive: Archive) -> None:
    loretta = people(archive)["Loretta Mercer"]
    archive.notes.add(loretta, "gift: the brass compass from Duluth", tag="fact")
    dialog = NewLetterDialog(archive, recipient_id=loretta, template="thank-you-gift")
    qtbot.addWidget(dialog)
    dialog.show()
    wait_for_preview(qtbot, dialog, "thank-you-gift")
    gift = dialog.detail_fields.fields["gift"]
    assert dialog.detail_fields.isVisible() and gift.text() == "the brass compass from Duluth"
    assert "the brass compass from Duluth" in dialog.preview.toPlainText()
    dialog.set_template("apology")
    wait_for_preview(qtbot, dialog, "apology")
    assert any("--detail wrong=" in w for w in dialog.warnings())
    qtbot.keyClicks(dialog.detail_fields.fields["wrong"], "missing the harvest supper")
    qtbot.waitUntil(lambda: "sorry for missing the harvest supper" in dialog.preview.toPlainText(), timeout=WAIT_MS)
    assert not any("--detail wrong=" in w for w in dialog.warnings())


def test_the_lint_beside_the_preview_says_why_a_note_is_left_out_in_german(qtbot, german, archive: Archive) -> None:
    """A French note about someone the reader cannot place is named in the German window's own words."""
    signer = archive.settings.default_signer_id()
    julien = archive.people.add(display_name="Julien Roux", pronouns="he", language="fr", birthday="1980-03-20")
    archive.relationships.set(signer, julien, kind="friend", since="2004")
    archive.notes.add(julien, "elle collectionne les vieilles théières", tag="preference")
    archive.notes.add(julien, "il chante faux sous la douche", tag="joke")
    dialog = NewLetterDialog(archive, recipient_id=julien, template="birthday")
    qtbot.addWidget(dialog)
    dialog.show()
    wait_for_preview(qtbot, dialog, "birthday")
    shown = dialog.warnings_text()
    assert "Die Notiz „elle collectionne les vieilles théières“ bleibt weg: sie sagt „elle“" in shown, shown
    assert "it says" not in shown and "is left out" not in shown
    assert "tu chantes faux sous la douche" in dialog.preview.toPlainText()


def test_a_german_window_offers_each_template_by_its_german_title(qtbot, archive: Archive, german) -> None:
    """A German window listed "Anniversary" and "Birthday" with English descriptions, though each
    template has a German version (templates/de): it offers "Hochzeitstag" and "Geburtstag". Which
    language the letter is written in still follows the recipient: Loretta's stays English."""
    dialog = NewLetterDialog(archive, recipient_id=people(archive)["Loretta Mercer"], template="anniversary")
    qtbot.addWidget(dialog)
    dialog.show()
    wait_for_preview(qtbot, dialog, "anniversary")
    model = dialog.template_combo.model()
    titles = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert "Geburtstag" in titles and "Hochzeitstag" in titles, titles
    assert "Birthday" not in titles and "Anniversary" not in titles, titles
    assert dialog.template_combo.currentText() == "Hochzeitstag"
    assert dialog.template_description.text().startswith("Für den Tag, an dem ihr geheiratet habt")
    draft = dialog.preview_draft
    assert draft is not None and draft.language == "en" and draft.title == "50th anniversary", draft
