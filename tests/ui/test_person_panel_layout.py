"""The person panel in the real window uses its width: at 1440×900 nothing in it is cut short, and
at 1024×768 (its narrowest) every control still fits inside it, in English and in German."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.test_page_fit import open_window
from ui.window.side_panels import PANEL_MINS, PANEL_WIDTHS


def _ready(qtbot, window) -> None:
    panel = window.person_panel
    qtbot.waitUntil(lambda: panel.note_about.count() > 1 and panel.new_note.isEnabled(), timeout=10000)
    qtbot.wait(50)


def test_the_person_panel_has_room_for_its_words_at_1440_by_900(qtbot, archive_path: Path) -> None:
    window = open_window(qtbot, archive_path, (1440, 900))
    _ready(qtbot, window)
    panel = window.person_panel
    qtbot.waitUntil(lambda: panel.width() >= PANEL_WIDTHS[1] - 1, timeout=3000)
    body = panel.widget().width()
    # The new note has a line of its own: its hint is not cut to "Add a m…".
    new_note = panel.new_note
    assert new_note.width() >= body - 40
    assert new_note.fontMetrics().horizontalAdvance(new_note.placeholderText()) < new_note.width() - 16
    # Whose note it is reads whole ("Between Chris Mercer and Loretta Mercer"), and shows whole on hover.
    about = panel.note_about
    assert about.currentText().startswith("Between Chris Mercer and Loretta Mercer")
    assert about.fontMetrics().horizontalAdvance(about.currentText()) < about.width() - 24
    assert about.currentText() in about.toolTip()
    assert panel.date_value.width() >= body - 40
    window.close()


@pytest.mark.parametrize("language", ["en", "de"])
def test_every_control_fits_the_narrowest_person_panel(qtbot, archive_path: Path, language, request) -> None:
    if language == "de":
        request.getfixturevalue("german")
    window = open_window(qtbot, archive_path, (1024, 768))
    _ready(qtbot, window)
    panel = window.person_panel
    qtbot.waitUntil(lambda: window.splitter.width() < 1024, timeout=3000)
    qtbot.wait(50)
    assert panel.isVisible() and PANEL_MINS[1] <= panel.width() < PANEL_WIDTHS[1]
    # Nothing wider than the panel's viewport: it has no sideways scroll bar, so it would be cut off.
    assert panel.widget().minimumSizeHint().width() <= panel.viewport().width(), (
        panel.widget().minimumSizeHint().width(),
        panel.viewport().width(),
    )
    assert panel.widget().width() <= panel.viewport().width()
    window.close()


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_persons_name_reads_on_one_line_in_the_narrowest_panel(
    qtbot, archive_path: Path, language, request
) -> None:
    """ "Loretta Mercer" beside Edit… wrapped to two lines at 1024×768: the name has its line, whole,
    and a name longer than the panel is cut short with "…" and shown whole on hover."""
    if language == "de":
        request.getfixturevalue("german")
    window = open_window(qtbot, archive_path, (1024, 768))
    _ready(qtbot, window)
    qtbot.waitUntil(lambda: window.splitter.width() < 1024, timeout=3000)
    qtbot.wait(50)
    name = window.person_panel.name_label
    assert name.text() == "Loretta Mercer"
    metrics = name.fontMetrics()
    assert name.height() < 2 * metrics.lineSpacing(), "the name wraps"
    assert metrics.horizontalAdvance(name.text()) <= name.contentsRect().width(), "the name is cut short"
    assert not name.toolTip()
    long_name = "Maximiliane Wilhelmina Auguste von Hohenzollern-Sigmaringen"
    person = window.archive.people.add(display_name=long_name)
    window.person_panel.show_person(window.archive, person)
    qtbot.waitUntil(lambda: name.text() == long_name, timeout=3000)
    qtbot.wait(50)
    assert name.height() < 2 * metrics.lineSpacing(), "a long name wraps"
    assert long_name in name.toolTip()
    assert name.minimumSizeHint().width() <= window.person_panel.viewport().width()
    window.close()
