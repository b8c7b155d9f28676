"""Archive text shows as it is everywhere in the window: a name like <img src="/dev/zero">Zed is never markup.

A person so named (from an imported vCard) made the person panel read /dev/zero until the kernel
killed the app; a <b> in a nickname turned bold. Every label, tooltip, message, title and menu
entry that shows a name, note, title or label is walked here, in the window and its dialogs.
"""

from __future__ import annotations

import ast
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QMessageBox,
    QWidget,
)

from beautifulletters.archive import Archive
from beautifulletters.preferences import Preferences
from ui.dialogs.delete_person import ask_delete_person
from ui.dialogs.new_letter import NewLetterDialog
from ui.dialogs.person_dialog import PersonDialog, RelationshipDialog
from ui.resources import register_bundled_fonts
from ui.window.archive_opening import open_archive_for_window
from ui.window.main_window import MainWindow
from ui.window.theme import apply_theme

REPO = Path(__file__).resolve().parents[2]
IMG_NAME = '<img src="/dev/zero">Zed'
BOLD = "<b>Bold</b>"
RAW_MARKUP = ("<img", "<b>", "<i>", "<u>")


def _hostile_archive(path: Path) -> dict[str, int]:
    """Zed (nickname <b>Bold</b>) with a note, a date soon, a relationship and a letter; and "<b>Bold</b> & Co"."""
    soon = dt.date.today() + dt.timedelta(days=5)
    with Archive.open(path) as archive:
        signer = archive.settings.default_signer_id()
        assert signer is not None
        zed = archive.people.add(display_name=IMG_NAME, nickname=BOLD, tags=["<i>x</i>"], notes="<u>u</u>")
        co = archive.people.add(display_name=f"{BOLD} & Co")
        archive.notes.add(zed, '<b>loves</b> <img src="x.png"> gardening', tag="memory")
        archive.dates.add(zed, kind="anniversary", date=f"1990-{soon:%m-%d}", label="<u>Wed</u>")
        archive.relationships.set(signer, zed, kind="<b>friend</b>", how_we_met='<img src="/dev/zero">met')
        letter = archive.letters.create(signer_id=signer, recipient_id=zed, body="Dear Zed", title=f"{BOLD} letter")
        co_letter = archive.letters.create(signer_id=signer, recipient_id=co, body="Dear Co", title="Note")
    return {"zed": zed, "co": co, "letter": letter, "co_letter": co_letter}


@pytest.fixture
def hostile(qtbot, archive_path: Path) -> Iterator[tuple[MainWindow, dict[str, int]]]:
    ids = _hostile_archive(archive_path)
    register_bundled_fonts()
    apply_theme(QApplication.instance(), dark=False)
    archive, notice = open_archive_for_window(archive_path)
    assert archive is not None, notice
    window = MainWindow(archive, notice=notice, preferences=Preferences())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.desk_ready, timeout=20000)
    yield window, ids
    if window.isVisible():
        window.close()


def _shows_archive_text(text: str) -> bool:
    return "Zed" in text or "Bold" in text or "gardening" in text or "Wed" in text or "friend" in text


def _check_label(label: QLabel) -> None:
    text = label.text()
    if not _shows_archive_text(text):
        return
    if label.textFormat() == Qt.TextFormat.PlainText:
        return
    # Rich text on purpose (links): then the archive's part must be escaped.
    assert label.textFormat() == Qt.TextFormat.RichText, f"label guesses rich text: {text!r}"
    assert not any(raw in text for raw in RAW_MARKUP), f"archive markup in a rich label: {text!r}"


def _check_tip(tip: str, where: str) -> None:
    if not tip or not _shows_archive_text(tip):
        return
    assert not any(raw in tip for raw in RAW_MARKUP), f"{where}: a tooltip would draw archive markup: {tip!r}"


def _model_tips(model: QAbstractItemModel, where: str) -> int:
    seen = 0
    for row in range(model.rowCount(QModelIndex())):
        column = 0
        while (index := model.index(row, column, QModelIndex())).isValid():  # list models hide columnCount
            column += 1
            tip = index.data(Qt.ItemDataRole.ToolTipRole)
            if isinstance(tip, str) and _shows_archive_text(tip):
                seen += 1
                _check_tip(tip, where)
    return seen


def _walk(widget: QWidget) -> list[str]:
    """Check every label and tooltip under `widget`; the archive texts seen, to show the walk saw them."""
    seen = []
    for label in [widget, *widget.findChildren(QWidget)]:
        if isinstance(label, QLabel):
            _check_label(label)
            if _shows_archive_text(label.text()):
                seen.append(label.text())
        _check_tip(label.toolTip(), type(label).__name__)
        if isinstance(label, QAbstractItemView) and label.model() is not None:
            if _model_tips(label.model(), type(label).__name__):
                seen.append(f"tips of {label.accessibleName()}")
    return seen


def _literal_in(texts: list[str], literal: str) -> bool:
    return any(literal in text for text in texts)


def test_names_notes_and_labels_show_as_typed_in_the_window(qtbot, hostile) -> None:
    window, ids = hostile
    window.about_you.skip_button.click()
    window.select_person(ids["zed"])
    window.person_panel.show_person(window.archive, ids["zed"])
    qtbot.waitUntil(lambda: window.person_panel.shown_person_id == ids["zed"], timeout=20000)
    window.open_letter(ids["letter"])
    qtbot.waitUntil(lambda: bool(window.upcoming_panel.items), timeout=20000)
    panel = window.person_panel
    assert panel.name_label.text() == IMG_NAME and panel.name_label.textFormat() == Qt.TextFormat.PlainText
    assert BOLD in panel.details_label.text()
    seen = _walk(window)
    assert _literal_in(seen, IMG_NAME) and _literal_in(seen, "<b>friend</b>")
    assert "tips of Upcoming dates" in seen and "tips of Letters to this person, newest first" in seen
    assert f"{BOLD} letter to {IMG_NAME}" in window.windowTitle()
    # The people list's tooltips (the model's) show the name as typed.
    assert _model_tips(window.people_model, "people list") >= 1


def test_recent_menu_keeps_an_ampersand(qtbot, hostile) -> None:
    window, ids = hostile
    window.open_letter(ids["co_letter"])
    window.recent.menu.aboutToShow.emit()
    texts = [action.text() for action in window.recent.menu.actions()]
    assert any(f"{BOLD} && Co" in text for text in texts), texts  # "&&" shows as "&", not a shortcut


def test_dialogs_show_names_as_typed(qtbot, hostile) -> None:
    window, ids = hostile
    archive = window.archive
    person = PersonDialog(archive, window, ids["zed"])
    qtbot.addWidget(person)
    person.show()
    assert person.name.text() == IMG_NAME
    _walk(person)
    signer = archive.settings.default_signer_id()
    assert signer is not None
    relationship = RelationshipDialog(archive, signer, ids["zed"], window)
    qtbot.addWidget(relationship)
    relationship.show()
    assert _literal_in(_walk(relationship), f"What {IMG_NAME} is to")
    new_letter = NewLetterDialog(archive, window, recipient_id=ids["zed"], template="birthday")
    qtbot.addWidget(new_letter)
    new_letter.show()
    qtbot.waitUntil(lambda: new_letter.preview_draft is not None or new_letter.preview_error is not None, timeout=20000)
    _walk(new_letter)
    _check_tip(new_letter.recipient_picker.toolTip(), "recipient")
    _model_tips(new_letter.recipient_picker.model(), "recipient picker")


def test_messages_show_names_as_typed(qtbot, hostile) -> None:
    window, ids = hostile
    boxes: list[QMessageBox] = []
    box = ask_delete_person(window, window.archive, ids["zed"], lambda: None, boxes.append)
    assert box is not None and boxes == [box]
    qtbot.addWidget(box)
    assert box.textFormat() == Qt.TextFormat.PlainText and f"Delete {IMG_NAME}?" in box.text()
    assert any(button.text().startswith(f"Delete {IMG_NAME}") for button in box.buttons())
    window.show_error(f"Could not find {IMG_NAME}.")
    error_box = window.current_dialog
    assert isinstance(error_box, QMessageBox) and error_box.textFormat() == Qt.TextFormat.PlainText
    for label in error_box.findChildren(QLabel):
        _check_label(label)
    error_box.close()


def _calls_outside(names: set[str], allowed: Path) -> list[str]:
    """`QLabel(...)`, `QMessageBox(...)` and QMessageBox's static helpers called anywhere in ui/ but `allowed`."""
    found = []
    for path in sorted((REPO / "ui").rglob("*.py")):
        if path == allowed:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = (
                func.id
                if isinstance(func, ast.Name)
                else f"{func.value.id}.{func.attr}"
                if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)
                else ""
            )
            if name in names:
                found.append(f"{path.relative_to(REPO)}:{node.lineno} {name}")
    return found


def test_every_label_and_message_box_is_made_plain() -> None:
    """One mechanism: labels and message boxes are made in ui/widgets/plain.py, nowhere else."""
    made_elsewhere = _calls_outside(
        {
            "QLabel",
            "QMessageBox",
            "QMessageBox.question",
            "QMessageBox.warning",
            "QMessageBox.information",
            "QMessageBox.critical",
            "QMessageBox.about",
        },
        REPO / "ui" / "widgets" / "plain.py",
    )
    assert made_elsewhere == [], "use ui.widgets.plain (plain_label, message_box…):\n" + "\n".join(made_elsewhere)
