"""Nothing changes behind the writer's back: the wheel, deleted notes and dates, and the empty desk."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QPushButton,
    QStyleOptionViewItem,
    QWidget,
)

from beautifulletters.archive import Archive
from ui.dialogs.preferences_dialog import PreferencesDialog
from ui.window.main_window import MainWindow
from ui.window.person_panel import NoteIdRole
from ui.window.trash_actions import delete_current_letter

WAIT_MS = 20000


def _loretta(window: MainWindow) -> int:
    return next(p.id for p in window.archive.search.people() if p.display_name == "Loretta Mercer")


def _show(qtbot, window: MainWindow, person_id: int) -> None:
    window.select_person(person_id)
    window.person_panel.show_person(window.archive, person_id)
    qtbot.waitUntil(lambda: window.person_panel.shown_person_id == person_id, timeout=WAIT_MS)


def _wheel(widget: QWidget, down: bool = True) -> None:
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, -120 if down else 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def _tags(window: MainWindow, person_id: int) -> dict[int, str]:
    return {note.id: note.tag for note in window.archive.notes.for_person(person_id)}


def test_the_wheel_over_the_unfocused_tag_box_does_not_retag_the_note(qtbot, window: MainWindow) -> None:
    loretta = _loretta(window)
    _show(qtbot, window, loretta)
    panel = window.person_panel
    panel.notes_list.setCurrentRow(0)
    panel.notes_list.setFocus()
    before = _tags(window, loretta)
    tag_box = panel.note_tag
    assert tag_box.focusPolicy() == Qt.FocusPolicy.StrongFocus  # a wheel turn never brings it focus
    shown = tag_box.currentText()
    for _ in range(3):
        _wheel(tag_box)
    assert _tags(window, loretta) == before and tag_box.currentText() == shown
    # Clicked into first (focus), the wheel does change it, as a person working in the box expects.
    tag_box.setFocus()
    qtbot.waitUntil(tag_box.hasFocus)
    _wheel(tag_box)
    assert _tags(window, loretta) != before


def test_every_value_box_takes_focus_only_by_click_or_tab(qtbot, window: MainWindow) -> None:
    dialog = PreferencesDialog(window.archive, window.preferences, window)
    qtbot.addWidget(dialog)
    dialog.show()
    boxes = [w for w in [*window.findChildren(QWidget), *dialog.findChildren(QWidget)] if isinstance(w, QComboBox)]
    boxes += [w for w in dialog.findChildren(QAbstractSpinBox)]
    assert len(boxes) > 5
    assert all(box.focusPolicy() == Qt.FocusPolicy.StrongFocus for box in boxes)


def test_the_notes_list_shows_each_notes_tag(qtbot, window: MainWindow) -> None:
    loretta = _loretta(window)
    _show(qtbot, window, loretta)
    notes = window.person_panel.notes_list
    tags = _tags(window, loretta)
    for row in range(notes.count()):
        index = notes.model().index(row, 0)
        option = QStyleOptionViewItem()
        notes.itemDelegate().initStyleOption(option, index)  # what the row paints
        tag = tags[notes.item(row).data(NoteIdRole)]
        assert option.text == f"{tag} · {notes.item(row).text()}"


def _undo_button(window: MainWindow) -> QPushButton:
    shown = [b for b in window.statusBar().findChildren(QPushButton, "undoDelete") if b.isVisibleTo(window)]
    assert len(shown) == 1  # one Undo at a time, seen beside the message (not hidden by it)
    return shown[0]


def test_a_deleted_note_and_date_come_back_with_undo(qtbot, window: MainWindow) -> None:
    loretta = _loretta(window)
    with Archive.open(window.archive.path) as other:  # a date to delete (the birthday is the person's own field)
        other.dates.add(loretta, kind="custom", date="1990-06-01", label="First flat")
    _show(qtbot, window, loretta)
    panel = window.person_panel
    notes_before = window.archive.notes.for_person(loretta)
    panel.notes_list.setCurrentRow(0)
    doomed = panel.notes_list.currentItem().data(NoteIdRole)
    panel.delete_note_button.click()
    assert doomed not in _tags(window, loretta)
    _undo_button(window).click()
    assert window.archive.notes.for_person(loretta) == notes_before  # the same note, id, tag and reading
    assert panel.notes_list.count() == len(notes_before)

    dates_before = window.archive.dates.for_person(loretta)
    row = next(r for r in range(panel.dates_list.count()) if "First flat" in panel.dates_list.item(r).text())
    panel.dates_list.setCurrentRow(row)
    panel.delete_date_button.click()
    assert len(window.archive.dates.for_person(loretta)) == len(dates_before) - 1
    _undo_button(window).click()
    assert window.archive.dates.for_person(loretta) == dates_before

    # Emptying a note in place deletes it the same way, and Undo brings it back too.
    item = panel.notes_list.item(0)
    item.setText("")
    assert len(window.archive.notes.for_person(loretta)) == len(notes_before) - 1
    _undo_button(window).click()
    assert window.archive.notes.for_person(loretta) == notes_before


def test_typing_on_the_empty_desk_lands_nowhere(qtbot, window: MainWindow) -> None:
    editor = window.editor
    assert editor.letter_id is None
    editor.text_edit.setFocus()
    qtbot.keyClicks(editor.text_edit, "lost words")
    assert "lost words" not in editor.text_edit.toPlainText() and not editor.has_unsaved_changes()
    letter_id = window.archive.letters.all()[0].id
    window.open_letter(letter_id)
    if not editor.read_only:  # a draft takes typing; the sample's sent letter opens read-only
        qtbot.keyClicks(editor.text_edit, "kept")
        assert "kept" in editor.text_edit.toPlainText()
    delete_current_letter(window)
    qtbot.keyClicks(editor.text_edit, "after")
    assert "after" not in editor.text_edit.toPlainText()
