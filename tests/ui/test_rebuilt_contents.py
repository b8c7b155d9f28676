"""Contents the window builds again and again (the empty desk's card, the New letter warnings) never
crash it: no layout item is left with a Python wrapper Qt can delete behind PySide's back.

Such a wrapper stays on a freed address; the next object made there (a row of the person panel's
notes, a timer) was taken for it, and the window crashed on its thread (SIGSEGV in shiboken's
BindingManager::releaseWrapper) about one session in four while the people list searched.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QLabel, QLayout, QLayoutItem, QPushButton, QWidget

from beautifulletters.archive import Archive
from beautifulletters.records import UpcomingDate
from ui.dialogs.new_letter import NewLetterDialog
from ui.widgets.rebuilt import RebuiltPage, add_row
from ui.window.empty_desk import EmptyDesk, LetterLine, Occasion

REPO = Path(__file__).resolve().parents[2]


def _item_wrappers() -> set[int]:
    """Python wrappers of layout items that are neither a layout nor a widget (a widget's or a
    spacer's place in a layout): Qt deletes those without telling PySide."""
    return {
        id(wrapper)
        for wrapper in shiboken6.getAllValidWrappers()
        if isinstance(wrapper, QLayoutItem) and not isinstance(wrapper, QLayout | QWidget)
    }


def _let_deleted_go() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _occasion(name: str) -> Occasion:
    when = UpcomingDate(1, name, "birthday", None, "2026-12-05", "--12-05", 3, None, None)
    return Occasion(f"{name}'s birthday, in 3 days", when)


def test_the_empty_desk_changing_what_it_shows_leaves_no_layout_item_behind(qtbot) -> None:
    before = _item_wrappers()
    desk = EmptyDesk()
    qtbot.addWidget(desk)
    desk.show()
    letters = [LetterLine(f"Letter {n}, to Ann Lee — draft", n) for n in range(4)]
    for _turn in range(5):
        desk.show_home([_occasion("Ann Lee"), _occasion("Bob Stone")], letters, "", recent=True)
        desk.show_person(2, "Ann Lee", letters)
        _let_deleted_go()
    assert _item_wrappers() - before == set()
    # And the card shows only what it shows now: Ann's letters, Write to her and the way back.
    shown = [button.text() for button in desk.buttons()]
    assert shown == [line.text for line in letters] + ["&Write to Ann Lee…", "Back to your &desk"]
    assert "Coming up" not in [label.text() for label in desk.card.findChildren(QLabel)]


def test_a_button_on_the_page_may_ask_for_a_new_page(qtbot) -> None:
    box = RebuiltPage()
    qtbot.addWidget(box)
    box.show()
    pages = []

    def rebuild() -> None:
        line = add_row(box.start())
        button = QPushButton(f"Again {len(pages)}")
        button.clicked.connect(rebuild)  # the clicked button's page goes while its signal runs
        line.addWidget(button)
        pages.append(button)

    before = _item_wrappers()
    rebuild()
    for _turn in range(3):
        box.findChildren(QPushButton)[0].click()
        _let_deleted_go()
    assert [button.text() for button in box.findChildren(QPushButton)] == ["Again 3"]
    assert _item_wrappers() - before == set()


def test_the_new_letter_warnings_shown_again_leave_no_layout_item_behind(qtbot, empty_archive: Archive) -> None:
    ann = empty_archive.people.add(display_name="Ann Lee")
    dialog = NewLetterDialog(empty_archive, recipient_id=ann)
    qtbot.addWidget(dialog)
    before = _item_wrappers()
    for warnings in (["No birthday is known.", "No memory to recall."], [], None, ["No pet names."]):
        dialog._show_warnings(warnings)
        _let_deleted_go()
    assert dialog.warnings_text() == "No pet names."
    assert _item_wrappers() - before == set()


CHURN = """
import sys
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QListWidget, QListWidgetItem
from ui.window.empty_desk import EmptyDesk, LetterLine

app = QApplication([])
desk = EmptyDesk()
desk.show()
notes = QListWidget()  # objects made meanwhile, as the person panel makes its rows
for turn in range(400):
    desk.show_person(2, "Ann Lee", [LetterLine(f"Letter {n}", n) for n in range(turn % 7)])
    notes.clear()
    for n in range(turn % 5):
        notes.addItem(QListWidgetItem(f"note {n}"))
    loop = QEventLoop()  # waited for as the window session waits between keystrokes
    QTimer.singleShot(turn % 4, loop.quit)
    loop.exec()
print("still here")
"""


def test_choosing_people_over_and_over_does_not_crash_the_window() -> None:
    # A crash ends the process, so the churn runs in its own (it crashed within 50 turns before).
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    result = subprocess.run(
        [sys.executable, "-c", CHURN], cwd=REPO, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0 and "still here" in result.stdout, (result.returncode, result.stderr[-2000:])
