"""The template editor on a real archive: live preview, errors at their line, hostile text, saving."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from beautifulletters import drafting
from beautifulletters.archive import Archive
from beautifulletters.paths import user_templates_dir
from beautifulletters.resources import templates_dir
from ui.dialogs.template_editor import PREVIEW_DELAY_MS, TemplateEditorDialog
from ui.dialogs.template_files import validate_template_name

WAIT_MS = 15_000

SIMPLE = """{#
title: A short note
occasion: letter
#}
Dear {{ recipient.name }},

I was thinking of you today.

With love,
"""

# Line 7 has the stray brace.
BROKEN = """{#
title: Broken
#}
Dear {{ recipient.name }},

I was thinking of you.
And of {{ recipient.name }.

With love,
"""


def wait_rendered(qtbot, dialog: TemplateEditorDialog) -> None:
    qtbot.waitUntil(lambda: dialog.preview_status.text() in ("Up to date", "Not rendered"), timeout=WAIT_MS)


@pytest.fixture
def editor(qtbot, archive: Archive) -> TemplateEditorDialog:
    dialog = TemplateEditorDialog(archive)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.editor.setPlainText(SIMPLE)
    dialog.editor.document().setModified(False)  # teardown closes without asking
    dialog.refresh_preview()
    qtbot.waitUntil(lambda: dialog.preview_draft is not None, timeout=WAIT_MS)
    return dialog


def type_at_end(qtbot, dialog: TemplateEditorDialog, text: str) -> None:
    dialog.editor.setFocus()
    cursor = dialog.editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    dialog.editor.setTextCursor(cursor)
    for number, line in enumerate(text.split("\n")):
        if number:
            qtbot.keyClick(dialog.editor, Qt.Key.Key_Return)  # QtTest cannot type "\n" itself
        if line:
            qtbot.keyClicks(dialog.editor, line)


def test_preview_follows_typing_after_a_pause(qtbot, editor: TemplateEditorDialog) -> None:
    assert "I was thinking of you today." in editor.preview.toPlainText()
    assert editor.preview.toPlainText().startswith("Dear Lolly,\n")  # Loretta, as the sample's Chris calls her
    type_at_end(qtbot, editor, "P.S. The roses are in bloom.")
    # Debounced: nothing is rendered while the person is still typing.
    assert "roses" not in editor.preview.toPlainText()
    assert editor.preview_status.text() == "Waiting for you to pause…"
    started = time.monotonic()
    qtbot.waitUntil(lambda: "The roses are in bloom." in editor.preview.toPlainText(), timeout=WAIT_MS)
    assert time.monotonic() - started >= PREVIEW_DELAY_MS / 1000 * 0.9


def test_preview_follows_the_chosen_recipient(qtbot, editor: TemplateEditorDialog, archive: Archive) -> None:
    ada = archive.people.add(display_name="Ada Quill")
    editor.recipient_picker.set_person_id(ada)
    qtbot.waitUntil(lambda: "Dear Ada," in editor.preview.toPlainText(), timeout=WAIT_MS)


def test_syntax_error_shows_its_line(qtbot, editor: TemplateEditorDialog) -> None:
    editor.editor.setPlainText(BROKEN)
    qtbot.waitUntil(lambda: editor.problem is not None, timeout=WAIT_MS)
    assert editor.error_label.isVisible()
    assert editor.error_text() == "Line 7: unexpected '}'"
    assert editor.highlighted_line() == 7
    # Following the link puts the cursor on that line.
    editor.error_label.linkActivated.emit("line:7")
    assert editor.editor.textCursor().blockNumber() + 1 == 7
    # Fixing it clears the message and the tint.
    editor.editor.setPlainText(BROKEN.replace("recipient.name }.", "recipient.name }}."))
    qtbot.waitUntil(lambda: editor.preview_draft is not None and editor.problem is None, timeout=WAIT_MS)
    assert not editor.error_label.isVisible() and editor.highlighted_line() is None


def test_misspelt_field_names_the_line(qtbot, editor: TemplateEditorDialog) -> None:
    editor.editor.setPlainText(SIMPLE.replace("I was thinking of you today.", "Hello {{ recipent.name }}."))
    qtbot.waitUntil(lambda: editor.problem is not None, timeout=WAIT_MS)
    assert editor.error_text().startswith("Line 7:") and "recipent" in editor.error_text()


def test_hostile_template_gets_a_clear_message(qtbot, editor: TemplateEditorDialog) -> None:
    editor.editor.setPlainText(SIMPLE.replace("I was thinking of you today.", "{{ ''.__class__.__mro__ }}"))
    qtbot.waitUntil(lambda: editor.problem is not None, timeout=WAIT_MS)
    message = editor.error_text()
    assert "not allowed" in message and "Traceback" not in message
    assert editor.highlighted_line() == 7
    assert editor.preview.toPlainText() == ""  # nothing leaked into the preview


def test_runaway_template_is_stopped_and_the_dialog_stays_responsive(qtbot, editor: TemplateEditorDialog) -> None:
    endless = (
        "{% for i in range(10000) %}{% for j in range(10000) %}{% for k in range(10000) %}"
        "{% endfor %}{% endfor %}{% endfor %}"
    )
    ticks: list[float] = []
    timer = QTimer(interval=50)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    started = time.monotonic()
    editor.editor.setPlainText(SIMPLE.replace("I was thinking of you today.", endless))
    editor.refresh_preview()
    qtbot.wait(600)
    # While the template runs in its child process, the window keeps answering: typing still works.
    assert editor.preview_status.text() == "Writing the preview…"
    type_at_end(qtbot, editor, "x")
    assert editor.editor.toPlainText().endswith("x")
    qtbot.keyClick(editor.editor, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: editor.problem is not None or editor.preview_message is not None, timeout=WAIT_MS)
    elapsed = time.monotonic() - started
    timer.stop()
    assert elapsed < 6  # stopped after a few seconds, not left running
    assert "longer than" in editor.error_text() or "stopped" in editor.error_text()
    gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
    assert len(ticks) > 20 and max(gaps) < 0.5, "the GUI thread was blocked"


def test_open_builtin_edits_a_copy_and_save_as_new_leaves_the_builtin_alone(qtbot, archive: Archive) -> None:
    builtin = templates_dir() / "anniversary.j2"
    before = hashlib.sha256(builtin.read_bytes()).hexdigest()
    dialog = TemplateEditorDialog(archive, template_name="anniversary")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.copied_from == "anniversary" and dialog.template_path is None
    assert not dialog.save_button.isEnabled()
    assert "never changed" in dialog.origin_label.text()
    type_at_end(qtbot, dialog, "\nP.S. Yellow roses, always.")

    qtbot.mouseClick(dialog.save_as_button, Qt.MouseButton.LeftButton)
    assert dialog.save_as_panel.isVisible()
    assert dialog.name_edit.text() == "anniversary-copy"
    dialog.name_edit.setText("my anniversary!")
    assert dialog.name_problem.isVisible() and "letters, digits and dashes" in dialog.name_problem.text()
    assert not dialog.save_new_confirm.isEnabled()
    dialog.name_edit.setText("anniversary")
    assert "built-in" in dialog.name_problem.text()
    dialog.name_edit.setText("anniversary-for-lolly")
    assert dialog.save_new_confirm.isEnabled() and not dialog.name_problem.isVisible()
    qtbot.mouseClick(dialog.save_new_confirm, Qt.MouseButton.LeftButton)

    saved = user_templates_dir() / "anniversary-for-lolly.j2"
    assert saved.is_file() and saved.read_text(encoding="utf-8").endswith("P.S. Yellow roses, always.")
    assert hashlib.sha256(builtin.read_bytes()).hexdigest() == before
    assert dialog.template_path == saved and not dialog.save_as_panel.isVisible()
    mine = {t.name: t for t in drafting.list_templates()}
    assert mine["anniversary-for-lolly"].source == "user" and mine["anniversary"].source == "builtin"
    assert "Saved" in dialog.save_status.text()
    # From now on, Save writes over the user's own template.
    type_at_end(qtbot, dialog, " And tulips.")
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert saved.read_text(encoding="utf-8").endswith("And tulips.")
    assert not dialog.has_unsaved_changes()


def test_save_over_a_user_template_and_close_keeps_changes(qtbot, archive: Archive) -> None:
    folder = user_templates_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "short-note.j2"
    path.write_text(SIMPLE, encoding="utf-8")
    dialog = TemplateEditorDialog(archive, template_name="short-note")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.template_path == path and dialog.editor.toPlainText() == SIMPLE
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
    type_at_end(qtbot, dialog, "Ever yours,")
    qtbot.keyClick(dialog.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert path.read_text(encoding="utf-8").endswith("Ever yours,")
    # Closing saves what was typed since, rather than asking.
    type_at_end(qtbot, dialog, " Always.")
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert path.read_text(encoding="utf-8").endswith("Ever yours, Always.")


def test_template_names_are_checked_in_plain_words() -> None:
    check = validate_template_name
    assert check("for-lolly-2", existing_user=set(), builtin={"birthday"}) is None
    assert "letters, digits and dashes" in check("for lolly", existing_user=set(), builtin=set())
    assert "letters, digits and dashes" in check("../evil", existing_user=set(), builtin=set())
    assert "letters, digits and dashes" in check("-dash-first", existing_user=set(), builtin=set())
    assert "built-in" in check("Birthday", existing_user=set(), builtin={"birthday"})
    assert "already have" in check("mine", existing_user={"mine"}, builtin=set())
    assert "name" in check("  ", existing_user=set(), builtin=set())


def test_accessible_names(editor: TemplateEditorDialog) -> None:
    for widget in (
        editor.editor,
        editor.recipient_picker,
        editor.signer_picker,
        editor.preview,
        editor.name_edit,
        editor.save_new_confirm,
        editor.save_button,
        editor.save_as_button,
        editor.close_button,
    ):
        assert widget.accessibleName(), widget


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_screenshot(qtbot, archive: Archive, test_output_dir: Path, dark: bool) -> None:
    from ui.window.theme import apply_theme

    app = QApplication.instance()
    old_palette, old_sheet, old_style = app.palette(), app.styleSheet(), app.style().name()
    apply_theme(app, dark)
    try:
        folder = user_templates_dir()
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "thinking-of-lolly.j2").write_text(
            SIMPLE.replace(
                "I was thinking of you today.",
                "I was thinking of you today{% if memories %}, and of {{ memories[0].phrase }}{% endif %}.",
            ),
            encoding="utf-8",
        )
        dialog = TemplateEditorDialog(archive, template_name="thinking-of-lolly")
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(lambda: dialog.preview_draft is not None, timeout=WAIT_MS)
        mode = "dark" if dark else "light"
        assert dialog.grab().save(str(test_output_dir / f"template-editor-{mode}.png"))
        dialog.editor.setPlainText(BROKEN)
        qtbot.waitUntil(lambda: dialog.problem is not None, timeout=WAIT_MS)
        dialog.show_save_as()
        assert dialog.grab().save(str(test_output_dir / f"template-editor-error-{mode}.png"))
        dialog.editor.document().setModified(False)
    finally:
        app.setStyleSheet(old_sheet)
        app.setPalette(old_palette)
        app.setStyle(old_style)
