"""The real main window on a real archive file, driven as a person would with pytest-qt."""

from __future__ import annotations

import collections
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from beautifulletters.archive import Archive
from beautifulletters.preferences import Preferences
from ui.dialogs.person_dialog import PersonDialog
from ui.resources import register_bundled_fonts
from ui.window import integrations
from ui.window.archive_opening import open_archive_for_window
from ui.window.main_window import MainWindow
from ui.window.models import PeopleModel
from ui.window.person_panel import PERSON_NOTE
from ui.window.side_panels import PANEL_MINS
from ui.window.theme import apply_theme

WAIT_MS = 20000
SEARCH_SETTLE_MS = 400


def people_names(window: MainWindow) -> list[str]:
    model = window.people_model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_opens_on_the_sample_with_a_hint(qtbot, window: MainWindow) -> None:
    assert "Loretta Mercer" in people_names(window)
    # One banner at a time: first who is writing, then (answered or skipped) the sample's hint.
    assert window.about_you.isVisible() and not window.hint.isVisible()
    window.about_you.skip_button.click()
    assert window.hint.isVisible()
    assert window.person_panel.name_label.text() == "Loretta Mercer"
    assert "Wife of Chris Mercer" in window.person_panel.relationship_label.text()
    assert window.person_panel.letters_list.count() == 2
    qtbot.waitUntil(lambda: bool(window.upcoming_panel.items), timeout=WAIT_MS)  # gathered on a worker
    assert window.upcoming_panel.items[0].kind == "anniversary"
    window.dismiss_hint()
    assert not window.hint.isVisible()


def test_search_as_you_type(qtbot, window: MainWindow) -> None:
    qtbot.keyClicks(window.search_box, "Lolly")
    qtbot.waitUntil(lambda: people_names(window) == ["Loretta Mercer"], timeout=WAIT_MS)
    window.search_box.clear()
    qtbot.keyClicks(window.search_box, "Otis")  # a memory note about Loretta
    qtbot.waitUntil(lambda: people_names(window) == ["Loretta Mercer"], timeout=WAIT_MS)
    window.search_box.clear()
    qtbot.keyClicks(window.search_box, "zzzz-nobody")
    qtbot.waitUntil(lambda: people_names(window) == [], timeout=WAIT_MS)
    assert window.people_count.text() == "0 people"


def test_a_long_list_shows_its_first_page_at_once_and_the_rest_from_the_worker(qtbot, archive_path: Path) -> None:
    archive, _notice = open_archive_for_window(archive_path)
    assert archive is not None
    with archive.transaction():
        for index in range(PeopleModel.PAGE + 50):
            archive.people.add(display_name=f"Reader {index:03d}", notes="likes marmalade" if index % 2 else None)
    main = MainWindow(archive, preferences=Preferences())
    qtbot.addWidget(main)
    assert main.people_model.rowCount() == PeopleModel.PAGE  # built before the window shows
    main.show()
    total = PeopleModel.PAGE + 50 + 3  # the readers, the user and the sample couple
    qtbot.waitUntil(lambda: main.people_model.rowCount() == total, timeout=WAIT_MS)
    assert main.people_count.text() == f"{total} people"
    qtbot.keyClicks(main.search_box, "marm")  # 125 readers: one page, complete at once
    qtbot.waitUntil(lambda: main.people_count.text() == "125 people", timeout=WAIT_MS)
    main.search_box.clear()
    qtbot.keyClicks(main.search_box, "reader")  # 250: the first page, then the rest
    qtbot.waitUntil(lambda: main.people_count.text() == "250 people", timeout=WAIT_MS)
    assert people_names(main)[-1] == "Reader 249"


def test_tag_filter_and_sort(qtbot, window: MainWindow) -> None:
    window.tag_filter.setCurrentIndex(window.tag_filter.findData("client"))
    qtbot.waitUntil(lambda: people_names(window) == ["Chris Mercer"], timeout=WAIT_MS)
    window.tag_filter.setCurrentIndex(0)
    window.sort_choice.setCurrentIndex(window.sort_choice.findData("last_letter"))
    qtbot.waitUntil(lambda: people_names(window)[:1] == ["Loretta Mercer"], timeout=WAIT_MS)


def test_add_person_through_the_dialog_rejects_an_impossible_date(qtbot, window: MainWindow) -> None:
    window.add_person()
    dialog = window.current_dialog
    assert isinstance(dialog, PersonDialog)
    qtbot.keyClicks(dialog.name, "Ruth Okafor")
    qtbot.keyClicks(dialog.nickname, "Ru")
    qtbot.keyClicks(dialog.birthday, "2023-02-30")
    dialog.birthday.editingFinished.emit()
    assert "not a real date" in dialog.form.message_for("birthday")
    dialog.accept()
    assert dialog.isVisible(), "an invalid date keeps the dialog open"
    assert window.archive.search.people_ids(search="Okafor") == []
    dialog.birthday.setText("1990-06-15")
    dialog.birthday.editingFinished.emit()
    assert dialog.form.message_for("birthday") == ""
    dialog.accept()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    ruth = window.archive.search.people_ids(search="Okafor")
    assert len(ruth) == 1
    assert window.archive.people.get(ruth[0]).birthday == "1990-06-15"
    assert "Ruth Okafor" in people_names(window)
    assert window.person_panel.name_label.text() == "Ruth Okafor"


def test_add_edit_and_delete_a_memory_in_place(qtbot, window: MainWindow) -> None:
    panel = window.person_panel
    loretta = panel.person_id
    before = len(window.archive.notes.for_person(loretta))
    panel.note_tag.setCurrentText("memory")
    qtbot.keyClicks(panel.new_note, "the picnic at Lake Michigan in 1981")
    qtbot.keyClick(panel.new_note, Qt.Key.Key_Return)
    notes = window.archive.notes.for_person(loretta)
    assert len(notes) == before + 1
    added = next(n for n in notes if "Lake Michigan" in n.text)
    assert added.tag == "memory" and added.relationship_id is not None
    item = next(
        panel.notes_list.item(i)
        for i in range(panel.notes_list.count())
        if "Lake Michigan" in panel.notes_list.item(i).text()
    )
    item.setText("the picnic at Lake Michigan in 1982")  # what editing the item in place does
    assert window.archive.notes.get(added.id).text == "the picnic at Lake Michigan in 1982"
    panel.notes_list.setCurrentItem(item)
    panel.note_tag.setCurrentText("joke")
    panel._retag_selected()
    assert window.archive.notes.get(added.id).tag == "joke"
    item = next(
        panel.notes_list.item(i)
        for i in range(panel.notes_list.count())
        if "Lake Michigan" in panel.notes_list.item(i).text()
    )
    panel.notes_list.setCurrentItem(item)
    panel.delete_note_button.click()
    assert len(window.archive.notes.for_person(loretta)) == before


def test_a_note_says_how_it_will_read_in_a_letter_as_it_is_written(qtbot, window: MainWindow) -> None:
    panel = window.person_panel  # Loretta, whose relationship is Chris's
    panel.note_tag.setCurrentText("memory")
    qtbot.keyClicks(panel.new_note, "Chris taught her to swim at Crater Lake")
    qtbot.keyClick(panel.new_note, Qt.Key.Key_Return)
    assert panel.note_phrasing.text() == "In a letter: I remember how I taught you to swim at Crater Lake."
    assert panel.note_phrasing.textFormat() == Qt.TextFormat.PlainText
    qtbot.keyClicks(panel.new_note, "her sister lost her reading glasses")
    qtbot.keyClick(panel.new_note, Qt.Key.Key_Return)
    assert panel.note_phrasing.text().startswith("Left out of letters: “her” could mean someone else")
    item = next(
        panel.notes_list.item(i)
        for i in range(panel.notes_list.count())
        if "reading glasses" in panel.notes_list.item(i).text()
    )
    item.setText("always loses her reading glasses")  # edited in place: read again at once
    assert panel.note_phrasing.text() == "In a letter: I remember how you always lose your reading glasses."


def test_a_note_added_in_the_panel_belongs_to_the_current_signer_or_to_the_person(qtbot, window: MainWindow) -> None:
    archive, panel = window.archive, window.person_panel  # Loretta, whose first relationship is Chris's
    loretta, me = panel.person_id, archive.settings.default_signer_id()
    mine = archive.relationships.set(me, loretta, kind="friend")
    panel.refresh()
    assert panel.note_about.currentText() == "Between Me and Loretta Mercer"
    panel.note_tag.setCurrentText("memory")
    qtbot.keyClicks(panel.new_note, "the book club that only ever read one book")
    qtbot.keyClick(panel.new_note, Qt.Key.Key_Return)
    added = next(n for n in archive.notes.for_person(loretta) if "book club" in n.text)
    assert added.relationship_id == mine  # not Chris's, which merely comes first
    panel.note_about.setCurrentIndex(panel.note_about.findData(PERSON_NOTE))
    assert panel.note_about.currentText() == "About Loretta Mercer, for everyone who writes to them"
    qtbot.keyClicks(panel.new_note, "Loretta grows the best tomatoes on the street")
    qtbot.keyClick(panel.new_note, Qt.Key.Key_Return)
    general = next(n for n in archive.notes.for_person(loretta) if "tomatoes" in n.text)
    assert general.relationship_id is None and general.scope == "person"


def test_write_from_upcoming_drafts_and_shows_the_letter(
    qtbot, window: MainWindow, archive_path: Path, test_output_dir: Path
) -> None:
    window.left_tabs.setCurrentIndex(1)
    panel = window.upcoming_panel
    qtbot.waitUntil(lambda: bool(panel.items), timeout=WAIT_MS)
    panel.grab().save(str(test_output_dir / "upcoming-panel.png"))
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=panel.write_button_rect(0).center())
    dialog = window.current_dialog
    assert dialog.template_name() == "anniversary"
    assert dialog.occasion_date() == window.upcoming_panel.items[0].date
    recipient_id = window.upcoming_panel.items[0].person_id
    qtbot.waitUntil(lambda: dialog.preview_draft is not None, timeout=WAIT_MS)
    assert "Fifty" in dialog.preview.toPlainText() or "fifty" in dialog.preview.toPlainText()
    dialog.grab().save(str(test_output_dir / "new-letter-dialog.png"))
    dialog.create_letter()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    letter_id = dialog.created_letter_id
    assert letter_id is not None
    assert window.editor.letter_id == letter_id
    assert "fifty" in window.editor.body_plain_text().lower()
    history = [window.person_panel.letters_list.item(i).text() for i in range(window.person_panel.letters_list.count())]
    assert len(history) == 3 and "draft" in history[0], "newest first"
    window.left_tabs.setCurrentIndex(0)
    window.resize(1440, 900)
    window.splitter.setSizes([300, 800, 340])
    window.grab().save(str(test_output_dir / "main-window-light.png"))

    # Typing goes into the archive without a save prompt, and survives closing and reopening.
    window.editor.focus_end()
    qtbot.keyClicks(window.editor.text_edit, " Lolly")
    window.close()
    with Archive.open(archive_path) as reopened:
        letter = reopened.letters.get(letter_id)
        assert "Lolly" in letter.body_text
        assert (letter.recipient_id, letter.status) == (recipient_id, "draft")
        assert any(note.text.startswith("the road trip") for note in reopened.notes.for_person(letter.recipient_id))


def test_sent_letters_open_read_only(qtbot, window: MainWindow) -> None:
    sent = window.archive.letters.all(to=window.person_panel.person_id)[0]
    assert sent.status == "sent"
    window.open_letter(sent.id)
    assert window.editor.text_edit.isReadOnly()
    assert "read-only" in window.statusBar().currentMessage()


def test_remove_sample(qtbot, window: MainWindow) -> None:
    window.remove_sample_now()
    assert people_names(window) and "Loretta Mercer" not in people_names(window)
    assert not window.archive.people.has_sample()
    assert not window.remove_sample_action.isEnabled()


def test_second_window_is_read_only(qtbot, window: MainWindow, archive_path: Path) -> None:
    archive, notice = open_archive_for_window(archive_path)
    try:
        assert archive is not None and archive.readonly
        assert "another BeautifulLetters window" in notice
    finally:
        archive.close()


def test_choosing_people_in_the_list_reads_them_in_the_background(qtbot, window: MainWindow) -> None:
    """As you browse, the panel names the person at once, takes no edits until their notes and
    letters are in, and never shows an earlier choice's history over a later one."""
    archive = window.archive
    quiet = archive.people.add(display_name="Quentin Quill")
    archive.notes.add(quiet, "keeps bees on the roof", tag="memory")
    window.people_model.refresh()
    panel = window.person_panel
    rows = {name: row for row, name in enumerate(people_names(window))}
    window.people_view.selectRow(rows["Loretta Mercer"])
    window.people_view.selectRow(rows["Quentin Quill"])  # before Loretta's 2 letters can arrive
    assert panel.name_label.text() == "Quentin Quill"
    assert not panel.new_note.isEnabled()  # nothing can be added to the wrong person meanwhile
    qtbot.waitUntil(lambda: panel.new_note.isEnabled(), timeout=WAIT_MS)
    qtbot.wait(200)  # Loretta's read, if it were still to land, would have by now
    assert [panel.notes_list.item(i).text() for i in range(panel.notes_list.count())] == ["keeps bees on the roof"]
    assert panel.letters_list.count() == 0
    window.people_view.selectRow(rows["Loretta Mercer"])
    qtbot.waitUntil(lambda: panel.letters_list.count() == 2, timeout=WAIT_MS)
    assert "Wife of Chris Mercer" in panel.relationship_label.text()
    older = archive.letters.all(to=panel.person_id)[1]  # the history is newest first
    panel.letters_list.itemActivated.emit(panel.letters_list.item(1))
    assert window.editor.letter_id == older.id


def test_every_shortcut_is_unique_and_controls_have_names(window: MainWindow) -> None:
    seen: dict[str, set[str]] = collections.defaultdict(set)
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            seen[key.toString()].add(action.text())
    clashes = {key: names for key, names in seen.items() if len(names) > 1}
    assert clashes == {}, clashes
    for required in ("Ctrl+N", "Ctrl+O", "Ctrl+S", "Ctrl+P", "Ctrl+F", "Ctrl+Z"):
        assert required in seen, f"standard shortcut {required} is missing"
    for widget in (
        window.search_box,
        window.tag_filter,
        window.sort_choice,
        window.people_view,
        window.person_panel.new_note,
        window.person_panel.notes_list,
    ):
        assert widget.accessibleName(), f"{widget!r} has no accessible name"


def test_geometry_and_panel_widths_are_remembered(qtbot, archive_path: Path) -> None:
    archive, _ = open_archive_for_window(archive_path)
    asked = Preferences(extra={"about_you_asked": True})  # the first start's question has its own test
    first = MainWindow(archive, preferences=asked)
    qtbot.addWidget(first)
    first.resize(760, 560)  # inside the offscreen screen, which restoreGeometry clamps to
    first.show()
    qtbot.waitExposed(first)
    first.splitter.moveSplitter(first.splitter.width() - 300, 2)  # the writer drags the person panel wider
    widths = list(first.side_panels.widths)
    assert widths[1] > PANEL_MINS[1]
    first.close()
    archive, _ = open_archive_for_window(archive_path)
    second = MainWindow(archive, preferences=asked)
    qtbot.addWidget(second)
    second.show()
    assert (second.size().width(), second.size().height()) == (760, 560)
    assert second.side_panels.widths == widths
    second.close()


def lightness(widget) -> tuple[int, int]:
    """(average, brightest) lightness 0-255 of what `widget` shows on screen."""
    image = widget.grab().toImage()
    average = image.scaled(1, 1, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation)
    small = image.scaled(120, 120, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.FastTransformation)
    brightest = max(small.pixelColor(x, y).lightness() for x in range(small.width()) for y in range(small.height()))
    return average.pixelColor(0, 0).lightness(), brightest


def test_dark_theme_turns_the_window_and_dialogs_dark_with_light_text(
    qtbot, window: MainWindow, test_output_dir: Path
) -> None:
    window.resize(1440, 900)
    window.splitter.setSizes([300, 800, 340])
    light_people, _ = lightness(window.people_view)
    apply_theme(QApplication.instance(), dark=True)
    try:
        window.grab().save(str(test_output_dir / "main-window-dark.png"))
        for part in (window.people_view, window.person_panel):
            average, brightest = lightness(part)
            assert average < 100 < 180 < brightest, (part, average, brightest)  # dark ground, light words
        assert light_people > 200  # and the light theme really was light
        dialog = window.new_letter()
        qtbot.waitUntil(lambda: dialog.preview_draft is not None, timeout=WAIT_MS)
        dialog.grab().save(str(test_output_dir / "new-letter-dialog-dark.png"))
        for part in (dialog.recipient_picker, dialog.template_combo):
            average, brightest = lightness(part)
            assert average < 100 < 180 < brightest, (part, average, brightest)
        # The preview is the letter's sheet: paper with dark ink, as on the desk.
        average, _brightest = lightness(dialog.preview)
        assert average > 200, average
        dialog.reject()
    finally:
        apply_theme(QApplication.instance(), dark=False)


def test_dark_chosen_in_preferences_turns_the_window_dark_at_once_and_is_remembered(qtbot, window: MainWindow) -> None:
    from ui.dialogs.preferences_dialog import PreferencesDialog

    assert lightness(window.people_view)[0] > 200, "the test starts light"
    try:
        window.open_preferences()
        dialog = window.current_dialog
        assert isinstance(dialog, PreferencesDialog)
        dialog.appearance.setCurrentIndex(dialog.appearance.findData("dark"))
        dialog.accept()
        average, brightest = lightness(window.people_view)
        assert average < 100 < 180 < brightest, "dark ground, light words, without a restart"
        assert Preferences.load().appearance == "dark", "the choice is kept for the next start"
        window.open_preferences()
        dialog = window.current_dialog
        assert dialog.appearance.currentData() == "dark"
        dialog.appearance.setCurrentIndex(dialog.appearance.findData("light"))
        dialog.accept()
        assert lightness(window.people_view)[0] > 200
    finally:
        apply_theme(QApplication.instance(), dark=False)


def test_read_aloud_is_in_the_toolbar_and_letter_menu_and_uses_name_hints(qtbot, window: MainWindow) -> None:
    texts = [action.text() for action in window.toolbar.actions()]
    assert any("Read" in text for text in texts), texts
    letter_menu_texts = [action.text() for action in window.letter_menu.actions()]
    assert any("Export reading" in text for text in letter_menu_texts), letter_menu_texts
    letter = window.archive.letters.all(to=window.person_panel.person_id)[0]
    window.open_letter(letter.id)
    with qtbot.waitSignal(window.reader.sentenceStarted, timeout=WAIT_MS):
        window.reader.read_all()
    window.reader.stop()
    qtbot.waitUntil(lambda: window.reader.state == "stopped", timeout=WAIT_MS)


def test_preferences_change_the_signer_the_reading_speed_and_the_upcoming_window(qtbot, window: MainWindow) -> None:
    from ui.dialogs.preferences_dialog import PreferencesDialog

    window.open_preferences()
    dialog = window.current_dialog
    assert isinstance(dialog, PreferencesDialog)
    dialog.your_name.setText("Theodore Twombly")
    dialog.rate.setValue(200)
    dialog.upcoming_days.setValue(7)
    dialog.accept()
    me = window.archive.people.get(window.archive.settings.default_signer_id())
    assert me.display_name == "Theodore Twombly"
    assert window.reader._rate == 200
    assert window.preferences.upcoming_days == 7
    # the sample anniversary is three weeks away
    qtbot.waitUntil(lambda: window.upcoming_panel.items == [], timeout=WAIT_MS)
    window.open_preferences()
    dialog = window.current_dialog
    dialog.your_name.setText("   ")
    dialog.accept()
    assert dialog.isVisible() and "must not be empty" in dialog.name_error.text()
    dialog.reject()


def test_batch_drafts_reviews_and_writes_a_combined_pdf(qtbot, window: MainWindow, tmp_path: Path) -> None:
    from pypdf import PdfReader

    for name in ("Ada Lovelace", "Ben Okri"):
        window.archive.people.add(
            display_name=name,
            tags=["book club"],
            addresses=["1 High St\nLondon\nN1 1AA\nUK"] if name.startswith("Ada") else [],
        )
    dialog = window.open_batch()
    dialog.template.setCurrentIndex(dialog.template.findData("friendship"))
    dialog.by_tag.setChecked(True)
    dialog.tag.setCurrentText("book club")
    dialog.draft()
    qtbot.waitUntil(lambda: len(dialog.plans) == 2, timeout=WAIT_MS)
    assert "1 person has no postal address" in dialog.summary.text()
    dialog.table.item(1, 0).setCheckState(Qt.CheckState.Unchecked)  # leave Ben out
    assert "no postal address" not in dialog.summary.text()  # only Ben had none
    out = tmp_path / "book-club.pdf"
    dialog.export_to(out)
    qtbot.waitUntil(lambda: dialog.result_paths != [], timeout=WAIT_MS)
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Ada" in text and "Ben" not in text
    dialog.accept()
    assert len(window.archive.letters.all(to=window.archive.search.people_ids(search="Okri")[0])) == 1, (
        "every draft is stored, even for people left out of the print run"
    )


def test_anthology_from_the_window(qtbot, window: MainWindow, tmp_path: Path) -> None:
    from pypdf import PdfReader

    sent = window.archive.letters.all(to=window.person_panel.person_id)
    window.open_letter(sent[0].id)
    out = tmp_path / "anthology.pdf"
    integrations.export_anthology(window, out)
    qtbot.waitUntil(out.exists, timeout=WAIT_MS)
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(out).pages).split())
    assert "Letters from Chris Mercer to Loretta Mercer" in text
    assert text.index("Forty-nine years") < text.index("Another year"), "oldest letter first"


def test_add_and_delete_an_important_date_in_place(qtbot, window: MainWindow) -> None:
    panel = window.person_panel
    loretta = panel.person_id
    before = len(window.archive.dates.for_person(loretta))
    panel.date_kind.setCurrentText("custom")
    qtbot.keyClicks(panel.date_value, "--07-04")
    qtbot.keyClicks(panel.date_label, "Picnic day")
    qtbot.keyClick(panel.date_value, Qt.Key.Key_Return)
    assert [d.label for d in window.archive.dates.for_person(loretta)].count("Picnic day") == 1
    row = next(i for i in range(panel.dates_list.count()) if "Picnic day" in panel.dates_list.item(i).text())
    panel.dates_list.setCurrentRow(row)
    panel.delete_date_button.click()
    assert len(window.archive.dates.for_person(loretta)) == before
    assert not any("Picnic day" in panel.dates_list.item(i).text() for i in range(panel.dates_list.count()))


def test_selecting_a_hidden_person_clears_the_search_and_tag(qtbot, window: MainWindow) -> None:
    loretta = window.archive.search.people_ids(search="Lolly")[0]
    window.tag_filter.setCurrentIndex(window.tag_filter.findData("client"))
    qtbot.keyClicks(window.search_box, "Chris")
    qtbot.waitUntil(lambda: people_names(window) == ["Chris Mercer"], timeout=WAIT_MS)
    window.select_person(loretta)
    assert window.search_box.text() == "" and window.tag_filter.currentIndex() == 0
    assert window.current_person_id() == loretta
    qtbot.wait(SEARCH_SETTLE_MS)
    assert window.current_person_id() == loretta, "no late search result takes the selection away"


def damage_filler_notes(archive_path: Path) -> bytes:
    """Back the archive up, add filler notes and damage their pages (which only the deferred check
    reads); returns the damaged file's bytes."""
    from beautifulletters.transfer import create_backup

    with Archive.open(archive_path) as archive:
        create_backup(archive)  # a good backup, from before the damage
        filler = archive.people.add(display_name="Zz Filler")
        for i in range(300):
            archive.notes.add(filler, f"filler {i} " + "words " * 60)
        archive.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page = archive.db.conn.execute("PRAGMA page_size").fetchone()[0]
        # Leaf pages of the filler notes, which the window does not read at start: only the
        # deferred quick check can find the damage.
        pages = [
            row[0]
            for row in archive.db.conn.execute(
                "SELECT pageno FROM dbstat WHERE name = 'notes' AND pagetype = 'leaf' ORDER BY pageno DESC LIMIT 3"
            )
        ]
    data = bytearray(archive_path.read_bytes())
    for number in pages:
        data[(number - 1) * page : number * page] = b"\xde\xad\xbe\xef" * (page // 4)
    archive_path.write_bytes(bytes(data))
    return bytes(data)


def test_damage_found_after_the_window_opened_offers_the_newest_good_backup(qtbot, archive_path: Path) -> None:
    from PySide6.QtWidgets import QMessageBox

    data = damage_filler_notes(archive_path)
    register_bundled_fonts()
    archive, notice = open_archive_for_window(archive_path, full_check=False)
    assert archive is not None, notice
    window = MainWindow(archive, notice=notice, preferences=Preferences())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.archive_checked, timeout=WAIT_MS) as checked:
        window.check_archive_in_background()
    assert checked.args == [False]
    box = window.current_dialog
    assert isinstance(box, QMessageBox) and "damaged" in box.text() and "Restore the newest good backup" in box.text()
    with qtbot.waitSignal(window.archive_changed, timeout=WAIT_MS):
        box.button(QMessageBox.StandardButton.Yes).click()
    assert window.archive.path == archive_path and not window.archive.readonly
    assert "Zz Filler" not in people_names(window), "the backup is from before the filler"
    assert "Loretta Mercer" in people_names(window)
    kept = list(archive_path.parent.glob(f"{archive_path.stem}.damaged-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == data, ("the damaged file is kept as it was", kept)
    Archive.check_file(archive_path)
    window.close()


def test_a_window_closed_while_its_archive_check_runs_hears_nothing_of_it(qtbot, archive_path: Path) -> None:
    from ui.tasks import Lane, wait_for_lane

    damage_filler_notes(archive_path)
    archive, notice = open_archive_for_window(archive_path, full_check=False)
    assert archive is not None, notice
    window = MainWindow(archive, notice=notice, preferences=Preferences())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    heard: list[bool] = []
    window.archive_checked.connect(heard.append)
    window.check_archive_in_background()
    window.close()  # before the check can report
    assert wait_for_lane(Lane.UPKEEP, WAIT_MS)
    qtbot.wait(200)  # the check's report is delivered (or dropped) on the window's thread
    assert heard == [] and window.current_dialog is None, "no damage message over a closed window"
    assert list(archive_path.parent.glob(f"{archive_path.stem}.damaged-*")) == []


def test_a_healthy_archive_passes_the_deferred_check_then_backs_up(qtbot, window: MainWindow) -> None:
    from beautifulletters.transfer import list_backups
    from ui.window.integrations import start_automatic_backups

    window.check_archive_in_background()
    start_automatic_backups(window)  # waits for the check
    assert list_backups(window.archive.path) == []
    qtbot.waitUntil(lambda: len(list_backups(window.archive.path)) == 1, timeout=WAIT_MS)
    assert window.archive_check.state == "done"


def test_the_first_frame_has_a_placeholder_and_a_menu_builds_the_desk(qtbot, archive_path: Path) -> None:
    archive, notice = open_archive_for_window(archive_path)
    assert archive is not None, notice
    main = MainWindow(archive, notice=notice, preferences=Preferences())
    qtbot.addWidget(main)
    assert not main.desk_ready
    assert main.desk_room.currentWidget() is main.desk_room.empty  # the empty desk, from the first frame
    main.edit_menu.aboutToShow.emit()
    assert main.desk_ready
    assert main.desk_room.editor is main.editor
    assert [action.text() for action in main.edit_menu.actions()][:2] == ["&Undo", "&Redo"]
    main.close()


def test_print_preview_opens_paints_and_closes_in_the_window(qtbot, window: MainWindow) -> None:
    """File ▸ Print preview with a letter open: the dialog shows the pages and closes, and the app lives."""
    import gc

    from PySide6.QtPrintSupport import QPrintPreviewWidget

    letter = window.archive.letters.all()[0]
    window.open_letter(letter.id)
    qtbot.waitUntil(lambda: window.editor.letter_id == letter.id, timeout=WAIT_MS)
    window.preview_action.trigger()
    dialog = window.current_dialog
    qtbot.waitExposed(dialog)
    gc.collect()  # a printer kept only by a local variable is freed here, while the dialog still paints
    preview = dialog.findChild(QPrintPreviewWidget)
    preview.updatePreview()
    qtbot.wait(200)
    assert preview.pageCount() >= 1
    image = dialog.grab().toImage()
    assert not image.isNull()
    dialog.close()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    gc.collect()
    assert window.isVisible()


def test_the_welcome_path_new_letter_starts_on_the_nearest_occasion(qtbot, window: MainWindow) -> None:
    """The banner says: choose Loretta, press Ctrl+N, draft the 50th anniversary letter. It must."""
    loretta = next(i for i in window.archive.search.people_ids() if window.archive.people.get(i).nickname == "Lolly")
    window.select_person(loretta)
    dialog = window.new_letter()
    assert dialog.template_name() == "anniversary"
    assert dialog.template_combo.currentText() == "Anniversary"  # the title, not "Anniversary · anniversary"
    assert "far away" not in dialog.template_description.text()
    upcoming = [d for d in window.archive.dates.for_person(loretta) if d.kind == "anniversary"][0]
    assert dialog.occasion_date() is not None and dialog.occasion_date()[5:] == upcoming.date[5:]
    qtbot.waitUntil(lambda: dialog.preview_draft is not None, timeout=WAIT_MS)
    assert "fifty" in dialog.preview.toPlainText().lower()
    assert "distance" not in dialog.preview.toPlainText()
    dialog.reject()


def test_a_second_write_for_the_same_day_offers_the_draft_already_begun(qtbot, window: MainWindow) -> None:
    from PySide6.QtWidgets import QMessageBox

    window.left_tabs.setCurrentIndex(1)
    panel = window.upcoming_panel
    qtbot.waitUntil(lambda: bool(panel.items), timeout=WAIT_MS)
    item = panel.items[0]
    first = window.write_for_upcoming(item)
    qtbot.waitUntil(lambda: first.preview_draft is not None, timeout=WAIT_MS)
    first.create_letter()
    qtbot.waitUntil(lambda: first.created_letter_id is not None, timeout=WAIT_MS)
    drafted = first.created_letter_id
    letters_before = len(window.archive.letters.all())
    box = window.write_for_upcoming(item)
    assert isinstance(box, QMessageBox) and "Open it" in box.text()
    next(b for b in box.buttons() if b.text() == "Open the draft").click()
    qtbot.waitUntil(lambda: window.editor.letter_id == drafted, timeout=WAIT_MS)
    assert len(window.archive.letters.all()) == letters_before  # no duplicate
