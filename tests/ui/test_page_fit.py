"""The page at the centre of the real window: it fits at common screen sizes, zooms as people expect,
keeps its undo history while zooming, remembers the zoom, and the side panels narrow (never vanish) when narrow."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from beautifulletters.archive import Archive
from beautifulletters.preferences import Preferences
from ui.resources import register_bundled_fonts
from ui.window.archive_opening import open_archive_for_window
from ui.window.main_window import MainWindow
from ui.window.side_panels import PANEL_MINS, PANEL_WIDTHS
from ui.window.theme import apply_theme


def open_window(qtbot, archive_path: Path, size: tuple[int, int]) -> MainWindow:
    register_bundled_fonts()
    apply_theme(QApplication.instance(), dark=False)
    archive, notice = open_archive_for_window(archive_path)
    assert archive is not None, notice
    window = MainWindow(archive, notice=notice, preferences=Preferences())
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.desk_ready)
    return window


def a_letter(archive: Archive) -> int:
    signer = archive.settings.default_signer_id()
    ann = archive.people.add(display_name="Ann Lee")
    body = "Dear Ann,\n\n" + "It was lovely to see you and the garden in bloom. " * 40 + "\n\nWith love,"
    return archive.letters.create(signer_id=signer, recipient_id=ann, body=body)


def _fitted(window: MainWindow) -> bool:
    edit = window.editor.text_edit
    return (
        not edit.horizontalScrollBar().isVisible()
        and edit.document().pageSize().width() <= edit.viewport().width() + 1
        and edit.document().pageSize().height() > 0
    )


def page_fits(window: MainWindow, qtbot=None) -> None:
    if qtbot is not None:
        # The fit follows a resize through Qt's event queue: on a busy machine it lands a moment later.
        qtbot.waitUntil(lambda: _fitted(window), timeout=5000)
    edit = window.editor.text_edit
    page_width = edit.document().pageSize().width()
    assert not edit.horizontalScrollBar().isVisible(), "a sideways scroll bar"
    assert page_width <= edit.viewport().width() + 1, (page_width, edit.viewport().width())
    assert edit.document().pageSize().height() > 0  # real pages, not one endless page
    assert window.zoom_control.text() == f"{round(window.editor.zoom * 100)}%"


@pytest.mark.parametrize("size", [(1024, 768), (1280, 800), (1440, 900)])
def test_the_page_fits_the_window_at_common_sizes(qtbot, archive_path: Path, size, test_output_dir) -> None:
    window = open_window(qtbot, archive_path, size)
    window.open_letter(a_letter(window.archive))
    qtbot.waitUntil(lambda: window.editor.zoom > 0.5, timeout=3000)
    qtbot.wait(50)
    page_fits(window, qtbot)
    # The page is the point of the window: it is readable at every size, beside both ticked panels.
    assert window.editor.zoom >= (0.6 if size[0] <= 1024 else 0.7), window.editor.zoom
    assert window.person_panel.isVisible() and window.left_tabs.isVisible()
    assert window.person_panel.width() >= PANEL_MINS[1] and window.left_tabs.width() >= PANEL_MINS[0]
    window.grab().save(str(test_output_dir / f"window-{size[0]}x{size[1]}.png"))
    window.resize(1600, 900)
    page_fits(window, qtbot)
    window.close()


def test_zoom_commands_keep_undo_and_are_remembered(qtbot, archive_path: Path) -> None:
    window = open_window(qtbot, archive_path, (1280, 800))
    editor = window.editor
    window.open_letter(a_letter(window.archive))
    fitted = editor.zoom
    qtbot.keyClicks(editor.text_edit, " PS: the roses")
    assert editor.text_edit.document().isUndoAvailable()

    editor.actions_by_name["zoom_in"].trigger()
    assert editor.zoom > fitted
    assert editor.text_edit.document().isUndoAvailable()  # zoom is not an edit and keeps the history
    wheel = QWheelEvent(
        QPointF(50, 50),
        QPointF(editor.text_edit.viewport().mapToGlobal(QPoint(50, 50))),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    before = editor.zoom
    QApplication.sendEvent(editor.text_edit.viewport(), wheel)
    assert editor.zoom > before  # Ctrl+wheel zooms the page, never the letter's font sizes
    editor.actions_by_name["zoom_out"].trigger()
    editor.actions_by_name["zoom_out"].trigger()
    kept = editor.zoom
    assert window.zoom_control.text() == f"{round(kept * 100)}%"
    editor.actions_by_name["undo"].trigger()
    assert "the roses" not in editor.body_plain_text()  # the typing is undone after all that zooming
    window.close()

    again = open_window(qtbot, archive_path, (1280, 800))
    again.open_letter(a_letter(again.archive))
    assert again.editor.zoom == pytest.approx(kept)  # remembered
    again.editor.actions_by_name["whole_page"].trigger()
    edit = again.editor.text_edit
    assert edit.document().pageSize().height() <= edit.height()
    again.editor.actions_by_name["fit_width"].trigger()  # Ctrl+0
    assert again.editor.zoom > 0.7
    page_fits(again)
    again.close()


def test_hidden_side_panels_stay_hidden_after_a_restart(qtbot, archive_path: Path) -> None:
    window = open_window(qtbot, archive_path, (1440, 900))
    window.side_panels.actions[0].setChecked(False)  # View ▸ People and upcoming
    assert not window.left_tabs.isVisible()
    window.close()
    again = open_window(qtbot, archive_path, (1440, 900))
    assert not again.left_tabs.isVisible() and again.person_panel.isVisible()
    again.side_panels.actions[0].trigger()
    assert again.left_tabs.isVisible()
    again.close()


def test_a_long_continuity_hint_does_not_widen_the_window(qtbot, archive_path: Path) -> None:
    window = open_window(qtbot, archive_path, (1024, 768))
    window.editor.open_letter(window.archive, a_letter(window.archive))
    window.editor.hint.show_message("You mentioned dancing in the kitchen to Otis Redding every Sunday morning " * 2)
    qtbot.wait(50)
    assert window.editor.hint.isVisible()
    assert window.editor.minimumSizeHint().width() < 500
    assert window.minimumSizeHint().width() <= 1024
    window.close()


def test_a_new_letter_keeps_the_preferred_paper_for_printing_and_pdf(qtbot, archive_path: Path, tmp_path: Path) -> None:
    """Lined paper chosen in Preferences showed in the editor but printed on plain cream."""
    import subprocess

    from tests.ui.ruled import ink_and_rules
    from ui.printing.dialogs import export_letter

    register_bundled_fonts()
    archive, notice = open_archive_for_window(archive_path)
    assert archive is not None, notice
    window = MainWindow(archive, notice=notice, preferences=Preferences(stationery="lined", font_family="Kristi"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.desk_ready)
    signer = archive.settings.default_signer_id()
    ann = archive.people.add(display_name="Ann Lee")
    window._draft_created(archive.letters.create(signer_id=signer, recipient_id=ann, body="Dear Ann,\n\nHello."))
    letter_id = window.editor.letter_id
    assert window.editor.page_style.stationery == "lined"
    stored = archive.letters.get(letter_id).style
    assert (stored["stationery"], stored["font_family"]) == ("lined", "Kristi")
    pdf = tmp_path / "letter.pdf"
    export_letter(archive, letter_id, pdf)  # as `letters export` without --stationery does
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-singlefile", str(pdf), str(tmp_path / "page")], check=True)
    _ink, rules = ink_and_rules(tmp_path / "page.png", "#a9c1dc", text_left=0.15, text_right=0.8)
    assert len(rules) > 15  # ruled, as on screen
    window.close()


def test_ticked_panels_stay_usable_when_the_window_narrows_and_widen_again(qtbot, archive_path: Path) -> None:
    """At 1024×768 the person panel had been squeezed out although View ▸ About this person was ticked."""
    window = open_window(qtbot, archive_path, (1440, 900))
    panel = window.person_panel
    qtbot.waitUntil(lambda: panel.width() >= PANEL_WIDTHS[1] - 1, timeout=3000)
    window.resize(1024, 768)
    qtbot.waitUntil(lambda: window.splitter.width() < 1024, timeout=3000)
    qtbot.wait(50)
    assert panel.isVisible() and panel.width() >= PANEL_MINS[1], panel.width()
    assert window.left_tabs.isVisible() and window.left_tabs.width() >= PANEL_MINS[0]
    assert window.left_tabs.width() < PANEL_WIDTHS[0]  # the people list gave way first
    assert window.centre.width() >= 480  # and the desk keeps a page's room
    window.resize(1440, 900)  # room again: the panel has its width back
    qtbot.waitUntil(lambda: panel.width() >= PANEL_WIDTHS[1] - 1, timeout=3000)
    # Dragged as far as it goes, the panel keeps a usable width: it is not collapsible.
    window.splitter.moveSplitter(window.splitter.width(), 2)
    assert panel.isVisible() and panel.width() >= PANEL_MINS[1]
    window.close()


def test_a_remembered_squeezed_splitter_gives_the_panels_their_room(qtbot, archive_path: Path) -> None:
    """A splitter saved with the person panel at no width (an older version's) is not restored as it was."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QSplitter, QWidget

    old = QSplitter()
    for _index in range(3):
        old.addWidget(QWidget())
    old.setSizes([308, 716, 0])
    QSettings().setValue("window/splitter", old.saveState())
    window = open_window(qtbot, archive_path, (1440, 900))
    qtbot.waitUntil(lambda: window.person_panel.width() >= PANEL_WIDTHS[1] - 1, timeout=3000)
    assert window.person_panel.isVisible()
    window.close()


def test_a_window_too_narrow_for_three_columns_has_the_person_as_a_tab(qtbot, archive_path: Path) -> None:
    """1440×900 at QT_SCALE_FACTOR=2 is a 720×450 window to Qt: beside both panels the page was a
    quarter of its size. The person's panel joins People and Upcoming as a tab, and goes back to its
    own column when the window is wide again."""
    window = open_window(qtbot, archive_path, (700, 440))
    window.open_letter(a_letter(window.archive))
    panel, tabs = window.person_panel, window.left_tabs
    qtbot.waitUntil(lambda: tabs.indexOf(panel) >= 0, timeout=3000)
    assert window.side_panels.actions[1].isChecked()
    tabs.setCurrentWidget(panel)
    assert panel.isVisible() and panel.width() >= PANEL_MINS[1] - 30
    qtbot.waitUntil(lambda: window.editor.zoom >= 0.4, timeout=3000)
    window.resize(1024, 768)
    qtbot.waitUntil(lambda: tabs.indexOf(panel) < 0 and panel.isVisible(), timeout=3000)
    assert window.splitter.indexOf(panel) == 2 and panel.width() >= PANEL_MINS[1]
    assert tabs.count() == 2 and tabs.isVisible()
    window.close()
