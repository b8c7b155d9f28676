"""The writing desk on real widgets: typing, formatting, paste, find/replace, autosave, history, spelling."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication

from beautifulletters.archive import Archive
from beautifulletters.records import Person
from beautifulletters.stationery import HANDWRITING_FAMILIES, STATIONERY
from ui.desk.editor import LetterEditor
from ui.paper.page import LINE_SPACING_PROPERTY, PageStyle, body_range, build_letter_document
from ui.paper.painting import render_page_image


def new_letter(archive: Archive, body: str = "Dear Ann,\n\nHello", **fields) -> int:
    signer = archive.settings.default_signer_id()
    ann = archive.people.add(display_name="Ann Lee", nickname="Annie")
    return archive.letters.create(signer_id=signer, recipient_id=ann, body=body, **fields)


@pytest.fixture
def editor(desk_editor):
    return desk_editor


def open_in(qtbot, editor: LetterEditor, archive: Archive, letter_id: int) -> None:
    """Open and wait for the word list and the archive's names to reach the spell checker (both load on workers)."""
    with qtbot.waitSignals([editor.names_loaded, editor.spelling_ready], timeout=5000):
        editor.open_letter(archive, letter_id)


def wait_saved(qtbot, editor: LetterEditor) -> None:
    qtbot.waitUntil(lambda: not editor.has_unsaved_changes(), timeout=5000)


def reopen(qtbot, archive: Archive, letter_id: int) -> LetterEditor:
    again = LetterEditor()
    qtbot.addWidget(again)
    again.open_letter(archive, letter_id)
    return again


def test_typing_and_formatting_survive_reopening(qtbot, editor, empty_archive) -> None:
    letter_id = new_letter(empty_archive)
    open_in(qtbot, editor, empty_archive, letter_id)
    editor.focus_end()
    qtbot.keyClicks(editor.text_edit, " there, ")
    editor.actions_by_name["bold"].trigger()
    qtbot.keyClicks(editor.text_edit, "Annie")
    editor.actions_by_name["bold"].trigger()
    qtbot.keyClick(editor.text_edit, Qt.Key.Key_Return)
    editor.actions_by_name["align_center"].trigger()
    editor.actions_by_name["italic"].trigger()
    qtbot.keyClicks(editor.text_edit, "With love")
    wait_saved(qtbot, editor)

    stored = empty_archive.letters.get(letter_id)
    assert stored.body_format == "html"
    assert stored.body == (
        "<p>Dear Ann,</p>\n<p><br></p>\n<p>Hello there, <b>Annie</b></p>\n"
        '<p style="text-align:center"><i>With love</i></p>'
    )
    assert stored.body_text == "Dear Ann,\n\nHello there, Annie\nWith love"
    again = reopen(qtbot, empty_archive, letter_id)
    assert again.body_html() == stored.body


def test_undo_redo_and_the_date_line_cannot_be_deleted(qtbot, editor, empty_archive) -> None:
    open_in(qtbot, editor, empty_archive, new_letter(empty_archive, body="Hi"))
    cursor = editor.text_edit.textCursor()
    cursor.setPosition(body_range(editor.text_edit.document())[0])
    editor.text_edit.setTextCursor(cursor)
    for _ in range(5):
        qtbot.keyClick(editor.text_edit, Qt.Key.Key_Backspace)
    assert editor.text_edit.document().firstBlock().text()  # the date line is still there
    editor.focus_end()
    qtbot.keyClicks(editor.text_edit, " you")
    assert editor.body_plain_text() == "Hi you"
    editor.actions_by_name["undo"].trigger()
    assert editor.body_plain_text() == "Hi"
    editor.actions_by_name["redo"].trigger()
    assert editor.body_plain_text() == "Hi you"
    editor.actions_by_name["select_all"].trigger()
    qtbot.keyClicks(editor.text_edit, "New")
    assert editor.body_plain_text() == "New"
    assert editor.text_edit.document().firstBlock().text()


def test_pasting_a_web_page_keeps_words_and_drops_scripts_images_links(qtbot, editor, empty_archive) -> None:
    letter_id = new_letter(empty_archive, body="Start")
    open_in(qtbot, editor, empty_archive, letter_id)
    editor.focus_end()
    mime = QMimeData()
    mime.setHtml(
        '<html><body><script>alert(1)</script><p style="color:red;font-family:Arial">The <b>beach</b> at '
        '<a href="http://malibu.example">Malibu</a><img src="http://tracker.example/p.gif"></p>'
        '<p>Second <img src="file:///etc/passwd"> line</p></body></html>'
    )
    mime.setText("fallback")
    editor.text_edit.insertFromMimeData(mime)
    wait_saved(qtbot, editor)
    body = empty_archive.letters.get(letter_id).body
    assert "<p>StartThe <b>beach</b> at Malibu</p>\n<p>Second line</p>" in body
    for banned in ("script", "alert", "img", "href", "http", "file:", "color", "Arial"):
        assert banned not in body


def test_find_and_replace(qtbot, editor, empty_archive) -> None:
    open_in(qtbot, editor, empty_archive, new_letter(empty_archive, body="the cat and the other cat\nno cat here"))
    editor.actions_by_name["find"].trigger()
    bar = editor.find_bar
    assert bar.isVisible()
    bar.find_field.setText("cat")
    assert bar.find_next()
    assert editor.text_edit.textCursor().selectedText() == "cat"
    bar.replace_field.setText("dog")
    bar.replace_one()
    assert editor.body_plain_text().startswith("the dog and the other cat")
    assert bar.replace_all() == 2
    assert editor.body_plain_text() == "the dog and the other dog\nno dog here"
    bar.find_field.setText("Chris")  # only the body is searched, never the date line or signature
    assert not bar.find_next()


def test_stats_signal_counts_words_characters_and_reading_time(qtbot, editor, empty_archive) -> None:
    open_in(qtbot, editor, empty_archive, new_letter(empty_archive, body="one two three"))
    with qtbot.waitSignal(editor.stats_changed, timeout=3000) as blocker:
        editor.focus_end()
        qtbot.keyClicks(editor.text_edit, " four")
    assert blocker.args == [4, 18, 1]


def test_sent_letters_open_read_only(qtbot, editor, empty_archive) -> None:
    letter_id = new_letter(empty_archive, body="Sent words", status="sent")
    open_in(qtbot, editor, empty_archive, letter_id)
    assert editor.text_edit.isReadOnly()
    assert "read-only" in editor.notice.text()
    editor.focus_end()
    qtbot.keyClicks(editor.text_edit, "more")
    assert editor.body_plain_text() == "Sent words"


def test_line_spacing_from_the_toolbar_spaces_the_chosen_paragraphs_and_is_saved(qtbot, editor, empty_archive) -> None:
    letter_id = new_letter(empty_archive, body="Dear Ann,\n\nFirst paragraph\n\nSecond paragraph")
    open_in(qtbot, editor, empty_archive, letter_id)
    editor.select_all()
    editor.format_toolbar.spacing_box.textActivated.emit("2.0")
    document = editor.text_edit.document()
    start, end = body_range(document)
    block = document.findBlock(start)
    spacings = []
    while block.isValid() and block.position() <= end:
        spacings.append(block.blockFormat().property(LINE_SPACING_PROPERTY))
        block = block.next()
    assert spacings and all(spacing == 200.0 for spacing in spacings)
    wait_saved(qtbot, editor)
    again = reopen(qtbot, empty_archive, letter_id)
    assert again.body_html().count("line-height") >= 2


def test_revision_history_restore_is_a_new_revision(qtbot, editor, empty_archive) -> None:
    from ui.desk.history import RevisionHistoryDialog

    letter_id = new_letter(empty_archive, body="First draft")
    open_in(qtbot, editor, empty_archive, letter_id)
    editor.select_all()
    qtbot.keyClicks(editor.text_edit, "Second draft")
    assert editor.flush()
    before = empty_archive.letters.revisions(letter_id)
    dialog = RevisionHistoryDialog(empty_archive, letter_id, editor.body_plain_text(), editor)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == len(before) == 2
    dialog.list.setCurrentRow(dialog.list.count() - 1)  # the oldest
    assert dialog.viewer.toPlainText() == "First draft"
    dialog.compare_selected()
    assert "Second draft" in dialog.viewer.toPlainText() and "First draft" in dialog.viewer.toPlainText()
    dialog.restore_selected()
    after = empty_archive.letters.revisions(letter_id)
    assert len(after) == 3 and after[-1].body_text == "First draft"
    editor.reload_from_archive()
    assert editor.body_plain_text() == "First draft"


def test_when_the_archive_cannot_be_written_the_editor_says_so_keeps_text_and_retries(
    qtbot, editor, empty_archive, archive_path: Path
) -> None:
    letter_id = new_letter(empty_archive, body="Safe")
    open_in(qtbot, editor, empty_archive, letter_id)
    editor.focus_end()
    failures = []
    editor.save_failed.connect(failures.append)
    # An immutable file (chattr +i stops even root) stands in for a full disk or a revoked permission.
    locked = [archive_path, archive_path.with_name(archive_path.name + "-wal")]
    subprocess.run(["chattr", "+i", *map(str, locked)], check=True)
    try:
        qtbot.keyClicks(editor.text_edit, " and sound")
        qtbot.waitUntil(lambda: bool(failures), timeout=8000)
        assert editor.notice.isVisible() and "Not saved" in editor.notice.text()
        assert editor.body_plain_text() == "Safe and sound"
    finally:
        subprocess.run(["chattr", "-i", *map(str, locked)], check=True)
    qtbot.waitUntil(lambda: not editor.has_unsaved_changes(), timeout=10000)
    assert not editor.notice.isVisible()
    with Archive.open(archive_path) as fresh:
        assert fresh.letters.get(letter_id).body_text == "Safe and sound"


def test_editor_breaks_lines_exactly_like_the_printed_document(qtbot, editor, empty_archive) -> None:
    body = " ".join(f"word{i} and a little more text" for i in range(120))
    letter_id = new_letter(empty_archive, body=body)
    open_in(qtbot, editor, empty_archive, letter_id)
    editor.set_zoom(1.0)  # the page fits the window by default; at 100% it is laid out as printed
    printed = build_letter_document(editor.body_html(), "html", editor.page_style)

    def lines(document) -> list[int]:
        first, _last = body_range(document)
        block = document.findBlock(first)
        layout = block.layout()
        return [layout.lineAt(i).textLength() for i in range(layout.lineCount())]

    shown = lines(editor.text_edit.document())
    assert len(shown) > 10 and shown == lines(printed)
    assert editor.text_edit.document().pageCount() == printed.pageCount()
    editor.set_zoom(1.5)
    zoomed = lines(editor.text_edit.document())
    # Zoom lays the page out at a higher resolution: the same breaks, give or take a rounding at the edge.
    assert zoomed[:4] == shown[:4] and abs(len(zoomed) - len(shown)) <= 1


def test_spelling_underlines_misspellings_but_not_archive_names(qtbot, editor, empty_archive) -> None:
    letter_id = new_letter(empty_archive, body="Dear Annie, I recieve your letter")
    open_in(qtbot, editor, empty_archive, letter_id)
    document = editor.text_edit.document()
    block = document.findBlock(body_range(document)[0])
    underlined = [
        block.text()[r.start : r.start + r.length]
        for r in block.layout().formats()
        if r.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline
    ]
    assert underlined == ["recieve"]
    position = block.position() + block.text().index("recieve") + 2
    cursor = editor.text_edit.textCursor()
    cursor.setPosition(position)
    point = editor.text_edit.cursorRect(cursor).center()
    menu = editor.text_edit.build_context_menu(point)
    # The suggestions are worked out on a worker (ahead of time, or when the menu opens).
    qtbot.waitUntil(lambda: "receive" in [a.text() for a in menu.actions()], timeout=5000)
    labels = [a.text() for a in menu.actions()]
    assert "receive" in labels and any(label.startswith("Add “recieve”") for label in labels)
    next(a for a in menu.actions() if a.text() == "receive").trigger()
    assert editor.body_plain_text() == "Dear Annie, I receive your letter"


def test_a_letter_opens_before_its_word_list_and_is_checked_once_it_is_in(qtbot, editor, empty_archive) -> None:
    """The word list loads on a worker: the letter is there at once, with nothing underlined by mistake."""
    letter_id = new_letter(empty_archive, body="Dear Annie, I recieve your letter")

    def underlined() -> list[str]:
        document = editor.text_edit.document()
        block = document.findBlock(body_range(document)[0])
        return [
            block.text()[r.start : r.start + r.length]
            for r in block.layout().formats()
            if r.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline
        ]

    from beautifulletters import spelling

    spelling._dictionaries.clear()  # as in a fresh window: the dictionary is opened on a worker
    with qtbot.waitSignal(editor.spelling_ready, timeout=5000):
        editor.open_letter(empty_archive, letter_id)
        assert editor.body_plain_text() == "Dear Annie, I recieve your letter"
        # Hunspell opens in milliseconds on the worker: the underline may already be there, and
        # before the dictionary is in nothing is underlined by mistake.
        assert set(underlined()) <= {"recieve"}
    assert underlined() == ["recieve"]


def test_underlines_arriving_later_are_not_an_edit(qtbot, editor, empty_archive) -> None:
    """The word list and the names reach the checker after the letter opens; their underlines change
    how the page looks, not the letter: nothing is saved, no revision is made."""
    letter_id = new_letter(empty_archive, body="Dear Annie, I recieve your letter")
    before = len(empty_archive.letters.revisions(letter_id))
    open_in(qtbot, editor, empty_archive, letter_id)
    editor.set_spell_checking(False)
    editor.set_spell_checking(True)
    qtbot.wait(2500)  # longer than the autosave delay
    assert not editor.has_unsaved_changes()
    assert len(empty_archive.letters.revisions(letter_id)) == before
    assert empty_archive.letters.get(letter_id).updated_at == empty_archive.letters.get(letter_id).created_at


def test_add_to_dictionary_is_remembered(qtbot, editor, empty_archive, isolated_user_dirs) -> None:
    from beautifulletters.spelling import Speller, personal_dictionary_path

    open_in(qtbot, editor, empty_archive, new_letter(empty_archive, body="Grandmama"))
    speller = editor.highlighter.speller
    assert not speller.is_correct("Grandmama")
    speller.add_to_dictionary("Grandmama")
    assert "Grandmama" in personal_dictionary_path(speller.tag).read_text()
    assert Speller(speller.language).is_correct("Grandmama")


def test_continuity_hint_names_the_earlier_letter(qtbot, editor, archive) -> None:
    loretta = next(p for p in (archive.people.get(i) for i in archive.search.people_ids()) if p.nickname == "Lolly")
    people = (archive.people.get(i) for i in archive.search.people_ids())
    chris = next(p for p in people if p.display_name == "Chris Mercer")
    letter_id = archive.letters.create(signer_id=chris.id, recipient_id=loretta.id, body="Dear Lolly,\n\n")
    open_in(qtbot, editor, archive, letter_id)
    editor.focus_end()
    with qtbot.waitSignal(
        editor.continuity_hint_changed, timeout=8000, check_params_cb=lambda message: bool(message)
    ) as blocker:
        qtbot.keyClicks(editor.text_edit, "I keep thinking of the Grand Canyon and that borrowed Buick.")
    assert "Grand Canyon" in blocker.args[0] and "letter" in blocker.args[0]
    assert editor.hint.isVisible()


def test_letter_on_every_stationery_in_every_handwriting(qtbot, test_output_dir: Path) -> None:
    body = (
        "<p>Dear Lolly,</p>\n<p><br></p>\n<p>Another year, and you still hum when you think nobody is "
        "listening. I listen. I have listened since the county fair, when you beat every pie in three "
        "counties.</p>\n<p><br></p>\n<ul><li>yellow roses</li><li><b>a dance</b> in the kitchen</li></ul>\n"
        "<p><br></p>\n<p>All my love,</p>"
    )
    signer = Person(
        id=1,
        display_name="Chris Mercer",
        full_name="Christopher James Mercer",
        addresses=["14 Orchard Lane\nSpringfield, IL 62704"],
    )
    for paper in STATIONERY:
        for family in HANDWRITING_FAMILIES:
            style = PageStyle.from_style(
                {"stationery": paper, "font_family": family, "place": "Springfield", "date_line": "3 April 2025"},
                signer=signer,
            )
            document = build_letter_document(body, "html", style)
            image = render_page_image(document, style, 0, width_px=700)
            path = test_output_dir / f"{paper}-{family.replace(' ', '-')}.png"
            assert image.save(str(path))
            # Ink really reached the page: some pixels are far darker than any paper.
            dark = sum(
                1
                for y in range(0, image.height(), 4)
                for x in range(0, image.width(), 4)
                if image.pixelColor(x, y).lightness() < 110
            )
            assert dark > 50, path


def test_editor_screenshot(qtbot, editor, archive, test_output_dir: Path) -> None:
    letter = archive.letters.all()[0]
    open_in(qtbot, editor, archive, letter.id)
    editor.update_style(stationery="lined", font_family="Kristi") if not editor.read_only else None
    qtbot.wait(50)
    assert editor.grab().save(str(test_output_dir / "editor.png"))


__all__ = ["QApplication", "QPoint", "QTextCursor", "time"]
